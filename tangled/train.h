/* train.h: generated from chapters/07-stochastic.nw; do not edit. */
#ifndef DESCENT_TRAIN_H
#define DESCENT_TRAIN_H

#include <stdint.h>
#include <stdio.h>

#include "core.h"
#include "data.h"
#include "random.h"
#include "stochastic.h"

typedef enum descent_layer_kind {
    DESCENT_LAYER_DENSE,      /* y = W x + b, W outputs x inputs */
    DESCENT_LAYER_RELU,       /* y = max(x, 0) */
    DESCENT_LAYER_LOGISTIC,   /* y = 1 / (1 + exp(-x)) */
    DESCENT_LAYER_TANH,       /* y = tanh x */
    DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, /* output: p = softmax x, labels */
    DESCENT_LAYER_L2,         /* output: y = x, loss |y - t|^2 / 2 */
    DESCENT_LAYER_BATCHNORM   /* Chapter 9: per unit over the batch,
                                 y = gamma (x - mean) / sigma + beta */
} descent_layer_kind;

typedef struct descent_layer_spec {
    descent_layer_kind kind;
    size_t outputs;           /* dense layers only; others keep the width */
} descent_layer_spec;

typedef struct descent_model descent_model;  /* its fields: below */

descent_status descent_model_init(descent_model *model, size_t inputs,
                                  size_t count,
                                  const descent_layer_spec *layers,
                                  size_t capacity, descent_error *error);
descent_status descent_mlp_init(descent_model *model, size_t inputs,
                                size_t hidden_count, const size_t *hidden,
                                descent_layer_kind activation,
                                size_t classes, size_t capacity,
                                descent_error *error);
void descent_model_free(descent_model *model);
descent_status descent_model_init_weights(descent_model *model,
                                          descent_random *r,
                                          descent_error *error);
descent_status descent_model_gradient(descent_model *model,
                                      const descent_samples *data,
                                      const size_t *index, size_t batch,
                                      double *loss, descent_error *error);
descent_status descent_model_evaluate(descent_model *model,
                                      const descent_samples *data,
                                      double *loss, double *accuracy,
                                      descent_error *error);
typedef struct descent_layer {
    descent_layer_kind kind;
    size_t inputs, outputs;       /* widths of one sample in and out */
    size_t offset, parameters;    /* its slice of theta and gradient */
    size_t state_offset, states;  /* its slice of state */
    float *out;                   /* capacity x outputs, row per sample */
} descent_layer;

enum { DESCENT_MAX_MODEL_LAYERS = 32 };

/* Chapter 11's processes training one model: the backward pass calls
   gradient_ready as each layer's slice of gradient is final, and
   batch normalization sums its statistics over the replicas. */
typedef struct descent_model_hooks {
    void (*gradient_ready)(void *context, size_t layer);
    void (*reduce_sum)(void *context, float *v, size_t n);  /* in place */
    size_t replicas;          /* the statistics count replicas * m rows */
    void *context;
} descent_model_hooks;

struct descent_model {
    size_t inputs, outputs;       /* widths of a sample and of the output */
    size_t count;                 /* layers; the last is an output layer */
    descent_layer layer[DESCENT_MAX_MODEL_LAYERS];
    size_t capacity;              /* most samples in one batch */
    size_t parameters, states;
    float *theta, *gradient;      /* parameters, same layout as Chapter 6 */
    float *state;                 /* non-trained per-layer state */
    bool training;                /* train or evaluation behaviour */
    float *work;                  /* one allocation: everything below */
    float *x, *targets;           /* the batch gathered: inputs, targets */
    float *delta[2];              /* backward signals, capacity x widest */
    int32_t *labels;              /* the batch's labels */
    descent_model_hooks *hooks;   /* NULL: one process (Chapter 11) */
};
typedef struct descent_optimizer descent_optimizer;
typedef descent_status descent_optimizer_step_fn(descent_optimizer *opt,
                                                 float *theta,
                                                 const float *g, double eta,
                                                 descent_error *error);
struct descent_optimizer {
    const char *name;                /* for messages and records */
    size_t n;                        /* parameters */
    size_t steps;                    /* steps taken */
    double beta;                     /* SGD: the momentum factor */
    bool nesterov;                   /* SGD: Nesterov's form */
    void *settings;                  /* a later rule's constants, freed
                                        with memory (Chapter 8) */
    float *memory;                   /* the rule's state, n per vector */
    size_t vectors;                  /* how many n-vectors memory holds */
    descent_optimizer_step_fn *step;
};

descent_status descent_sgd_init(descent_optimizer *opt, size_t n,
                                double momentum, bool nesterov,
                                descent_error *error);
descent_status descent_optimizer_step(descent_optimizer *opt, float *theta,
                                      const float *g, double eta,
                                      descent_error *error);
void descent_optimizer_free(descent_optimizer *opt);
typedef enum descent_clip_kind {
    DESCENT_CLIP_NONE,
    DESCENT_CLIP_NORM,      /* rescale g to norm at most threshold */
    DESCENT_CLIP_VALUE      /* clamp each component to [-threshold, threshold] */
} descent_clip_kind;

typedef void descent_step_callback(size_t step, double loss,
                                   void *context);

/* The contract of descent_model_gradient, which the loop calls unless
   told otherwise (Chapter 10's descent_fused_gradient). */
typedef descent_status descent_gradient_fn(descent_model *model,
                                           const descent_samples *data,
                                           const size_t *index,
                                           size_t batch, double *loss,
                                           descent_error *error);

typedef struct descent_train_options {
    size_t epochs, batch;
    uint64_t seed;                    /* of the shuffles */
    descent_optimizer *optimizer;     /* over model->parameters */
    descent_schedule *schedule;       /* the step at each step; PLATEAU
                                         is fed each epoch's loss */
    descent_clip_kind clip;
    double clip_threshold;
    const descent_samples *test;      /* optional: evaluated each epoch */
    bool quiet;                       /* no progress line */
    FILE *progress;                   /* NULL: stderr */
    descent_step_callback *callback;  /* optional: after every step */
    void *context;
    descent_gradient_fn *gradient;    /* NULL: descent_model_gradient */
} descent_train_options;

typedef struct descent_epoch_record {
    size_t epoch, steps;              /* 1-based epoch; steps so far */
    double train_loss;                /* mean minibatch loss of the epoch */
    double test_loss, test_accuracy;  /* NAN without a test set */
    double eta;                       /* the step at the epoch's last step */
    double gradient_norm;             /* mean minibatch |g|, before clipping */
    double seconds;                   /* wall time of the epoch */
} descent_epoch_record;

descent_status descent_train(descent_model *model,
                             const descent_samples *train,
                             const descent_train_options *options,
                             descent_epoch_record *records,
                             descent_error *error);

#endif
