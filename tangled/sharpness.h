/* sharpness.h: generated from chapters/07-stochastic.nw; do not edit. */
#ifndef DESCENT_SHARPNESS_H
#define DESCENT_SHARPNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core.h"
#include "data.h"
#include "random.h"
#include "train.h"

typedef descent_status descent_product_fn(const double *v, double *Av,
                                          void *context,
                                          descent_error *error);

typedef struct descent_lanczos_options {
    size_t max_iterations;   /* Lanczos steps, one product each; 100 */
    double tolerance;        /* on residual / |value|; 1e-4 */
    uint64_t seed;           /* of the random start */
} descent_lanczos_options;

typedef struct descent_eigen_estimate {
    double value;            /* the largest Ritz value */
    double residual;         /* beta_k |s_k|: |A y - value y| for the
                                unit Ritz vector y, A linear */
    size_t iterations;       /* Lanczos steps taken: products */
    bool converged;          /* residual <= tolerance |value| */
} descent_eigen_estimate;

descent_lanczos_options descent_lanczos_defaults(void);
descent_status descent_top_eigenvalue(size_t n, descent_product_fn *product,
                                      void *context,
                                      const descent_lanczos_options *options,
                                      double *vector,
                                      descent_eigen_estimate *estimate,
                                      descent_error *error);
typedef struct descent_hessian_operator {
    descent_objective *f;
    const double *theta;     /* the point */
    double h;                /* the difference step; 0: the default */
    double *work;            /* 3 n: the shifted point, two gradients */
    size_t products;         /* written */
} descent_hessian_operator;

descent_status descent_hessian_operator_init(descent_hessian_operator *op,
                                             descent_objective *f,
                                             const double *theta,
                                             double h, descent_error *error);
void descent_hessian_operator_free(descent_hessian_operator *op);
descent_status descent_hessian_product(const double *v, double *Hv,
                                       void *context, descent_error *error);

typedef struct descent_model_hessian {
    descent_model *model;
    const descent_samples *data;  /* the whole set: the training loss */
    double h;                     /* the difference step; 0: the default */
    float *theta;                 /* n: the point, kept while shifted */
    double *g;                    /* n: the gradient at the shifted point */
    size_t products;              /* written */
} descent_model_hessian;

descent_status descent_model_hessian_init(descent_model_hessian *mh,
                                          descent_model *model,
                                          const descent_samples *data,
                                          double h, descent_error *error);
void descent_model_hessian_free(descent_model_hessian *mh);
descent_status descent_model_hessian_product(const double *v, double *Hv,
                                             void *context,
                                             descent_error *error);
descent_status descent_model_full_gradient(descent_model *model,
                                           const descent_samples *data,
                                           double *g, double *loss,
                                           descent_error *error);
typedef struct descent_sharpness_recorder {
    descent_model_hessian hessian;    /* the products at the model's theta */
    descent_lanczos_options lanczos;
    size_t every;                     /* measure after every k-th step */
    size_t capacity, measured;        /* measurements: room, taken */
    size_t *step;                     /* the step of each measurement */
    double *sharpness, *residual;     /* its top eigenvalue, residual */
    size_t unconverged;               /* of them, cut at max_iterations */
    size_t loss_capacity, steps;      /* losses: room; steps seen */
    double *loss;                     /* L(theta_k) of every step k */
    size_t n;                         /* parameters: vector's length */
    double *vector;                   /* the last top eigenvector */
    descent_random random;            /* mixed into the next start */
    descent_status status;            /* the first failure: no more */
    descent_error error;
} descent_sharpness_recorder;

descent_status descent_sharpness_recorder_init(
    descent_sharpness_recorder *rec, descent_model *model,
    const descent_samples *data, size_t every, size_t capacity,
    size_t steps, descent_error *error);
void descent_sharpness_recorder_free(descent_sharpness_recorder *rec);
descent_status descent_sharpness_measure(descent_sharpness_recorder *rec,
                                         size_t step, descent_error *error);
void descent_sharpness_hook(size_t step, double loss, void *context);
typedef struct descent_edge_run {
    size_t hidden[2];        /* two tanh layers' widths */
    double scale;            /* the weights: LeCun's, times scale */
    double eta, beta;        /* the step; heavy ball's factor (0: none) */
    size_t batch;            /* samples a step; 0: all (full batch) */
    size_t steps, every;     /* steps at least; measure every k */
    uint64_t seed;           /* of the weights */
} descent_edge_run;

descent_status descent_edge_samples(descent_samples *s, size_t count,
                                    size_t pool, descent_error *error);
descent_status descent_edge_train(const descent_samples *data,
                                  const descent_edge_run *run,
                                  descent_sharpness_recorder *rec,
                                  descent_error *error);

#endif
