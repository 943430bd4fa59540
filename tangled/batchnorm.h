/* batchnorm.h: generated from chapters/09-batchnorm.nw; do not edit. */
#ifndef DESCENT_BATCHNORM_H
#define DESCENT_BATCHNORM_H

#include <stdbool.h>
#include <stddef.h>

#include "core.h"

#define DESCENT_BATCHNORM_MOMENTUM 0.1  /* PyTorch's BatchNorm1d */
#define DESCENT_BATCHNORM_EPS 1e-5

typedef struct descent_batchnorm {
    size_t units;             /* n, the normalized units */
    double momentum, eps;     /* running = (1 - momentum) running
                                 + momentum batch; sqrt(var + eps) */
    bool training;            /* batch statistics, or running ones */
    double *gamma, *beta;     /* n each: the learned scale and shift */
    double *running_mean, *running_var;  /* n each: start at 0 and 1 */
    double *mean, *invstd;    /* n each: what the last forward pass
                                 normalized with, mu and 1/sigma */
    size_t batches;           /* training batches seen */
    size_t last;              /* rows of the last forward pass, 0: none */
    bool last_training;       /* its mode */
    double *storage;          /* one allocation: everything above */
} descent_batchnorm;

descent_status descent_batchnorm_init(descent_batchnorm *bn, size_t units,
                                      double momentum, double eps,
                                      descent_error *error);
descent_status descent_batchnorm_forward(descent_batchnorm *bn, size_t m,
                                         const double *x, double *y,
                                         descent_error *error);
descent_status descent_batchnorm_backward(const descent_batchnorm *bn,
                                          size_t m, const double *x,
                                          const double *dy, double *dx,
                                          double *dgamma, double *dbeta,
                                          descent_error *error);
void descent_batchnorm_free(descent_batchnorm *bn);

#endif
