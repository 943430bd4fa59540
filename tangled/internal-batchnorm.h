/* internal-batchnorm.h: generated from chapters/09-batchnorm.nw; do not
   edit. */
#ifndef DESCENT_INTERNAL_BATCHNORM_H
#define DESCENT_INTERNAL_BATCHNORM_H

#include <stdbool.h>
#include <stddef.h>

#include "batchnorm.h"

void descent_bn_forward_f(size_t m, size_t n, const float *in,
                          const float *w, float *s, bool training,
                          double momentum, double eps, float *out);
void descent_bn_backward_f(size_t m, size_t n, const float *in,
                           const float *w, const float *s, bool training,
                           const float *delta, float *dgamma,
                           float *dbeta, float *back);
void descent_bn_forward_d(size_t m, size_t n, const double *in,
                          const double *w, double *s, bool training,
                          double momentum, double eps, double *out);
void descent_bn_backward_d(size_t m, size_t n, const double *in,
                           const double *w, const double *s,
                           bool training, const double *delta,
                           double *dgamma, double *dbeta, double *back);

#endif
