/* adaptive.h: generated from chapters/08-adaptive.nw; do not edit. */
#ifndef DESCENT_ADAPTIVE_H
#define DESCENT_ADAPTIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "core.h"
#include "train.h"

typedef enum descent_adaptive_kind {
    DESCENT_ADAPTIVE_SGD,        /* PyTorch SGD: momentum, dampening,
                                    nesterov, weight_decay */
    DESCENT_ADAPTIVE_RPROP,      /* PyTorch Rprop (no weight backtracking)
                                    or, with backtracking, Rprop+ */
    DESCENT_ADAPTIVE_QUICKPROP,  /* Fahlman 1988 (not in PyTorch) */
    DESCENT_ADAPTIVE_ADAGRAD,
    DESCENT_ADAPTIVE_RMSPROP,
    DESCENT_ADAPTIVE_ADAM,
    DESCENT_ADAPTIVE_ADAMW
} descent_adaptive_kind;

typedef struct descent_adaptive_options {
    double weight_decay;         /* all; AdamW decoupled: theta *= 1 - lr wd */
    double momentum, dampening;  /* SGD; RMSProp uses momentum too */
    bool nesterov;               /* SGD */
    double alpha;                /* RMSProp smoothing constant (0.99) */
    bool centered;               /* RMSProp */
    double beta1, beta2;         /* Adam, AdamW (0.9, 0.999) */
    bool amsgrad;                /* Adam, AdamW */
    bool bias_correction;        /* Adam, AdamW: true, as in PyTorch */
    double eps;                  /* Adagrad 1e-10; RMSProp, Adam(W) 1e-8 */
    double lr_decay, initial_accumulator;   /* Adagrad (0, 0) */
    double eta_minus, eta_plus;  /* Rprop (0.5, 1.2) */
    double step_min, step_max;   /* Rprop (1e-6, 50) */
    bool backtracking;           /* Rprop: false = PyTorch */
    double growth_limit;         /* Quickprop mu (1.75) */
} descent_adaptive_options;

descent_status descent_adaptive_defaults(descent_adaptive_kind kind,
                                         descent_adaptive_options *o,
                                         descent_error *error);
const char *descent_adaptive_name(descent_adaptive_kind kind);
typedef struct descent_adaptive {
    descent_adaptive_kind kind;
    descent_adaptive_options o;
    size_t n, steps;
    double *memory;              /* the rule's state vectors, one allocation */
    double *m;                   /* SGD, RMSProp: momentum buffer b; Adam: m */
    double *v;                   /* AdaGrad: sum s; RMSProp, Adam: v */
    double *vmax;                /* Adam with AMSGrad */
    double *gbar;                /* centered RMSProp: mean gradient */
    double *prev;                /* Rprop, Quickprop: last gradient p */
    double *size;                /* Rprop: step sizes Delta */
    double *last;                /* Rprop+, Quickprop: last step delta */
} descent_adaptive;

descent_status descent_adaptive_init(descent_adaptive *a, size_t n,
                                     descent_adaptive_kind kind,
                                     const descent_adaptive_options *o,
                                     descent_error *error);
descent_status descent_adaptive_step(descent_adaptive *a, double *theta,
                                     const double *g, double lr,
                                     descent_error *error);
descent_status descent_adaptive_effective_step(const descent_adaptive *a,
                                               double lr, double *out,
                                               descent_error *error);
void descent_adaptive_free(descent_adaptive *a);
descent_status descent_adaptive_optimizer_init(descent_optimizer *opt,
                                               size_t n,
                                               descent_adaptive_kind kind,
                                               const descent_adaptive_options *o,
                                               descent_error *error);

#endif
