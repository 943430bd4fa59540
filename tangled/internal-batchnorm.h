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

/* Across replicas (Chapter 11): sum(context, v, n) adds v over every
   replica in place; NULL: one process. */
typedef void descent_bn_sum_f(void *context, float *v, size_t n);
typedef void descent_bn_sum_d(void *context, double *v, size_t n);
void descent_bn_forward_across_f(size_t m, size_t n, const float *in,
                                 const float *w, float *s, bool training,
                                 double momentum, double eps,
                                 descent_bn_sum_f *sum, void *context,
                                 size_t replicas, float *out);
void descent_bn_backward_across_f(size_t m, size_t n, const float *in,
                                  const float *w, const float *s,
                                  bool training, const float *delta,
                                  descent_bn_sum_f *sum, void *context,
                                  size_t replicas, float *scratch,
                                  float *dgamma, float *dbeta, float *back);
void descent_bn_forward_across_d(size_t m, size_t n, const double *in,
                                 const double *w, double *s, bool training,
                                 double momentum, double eps,
                                 descent_bn_sum_d *sum, void *context,
                                 size_t replicas, double *out);
void descent_bn_backward_across_d(size_t m, size_t n, const double *in,
                                  const double *w, const double *s,
                                  bool training, const double *delta,
                                  descent_bn_sum_d *sum, void *context,
                                  size_t replicas, double *scratch,
                                  double *dgamma, double *dbeta,
                                  double *back);

#endif
