/* internal-fused.h: generated from chapters/10-gpu.nw; do not edit. */
#ifndef DESCENT_INTERNAL_FUSED_H
#define DESCENT_INTERNAL_FUSED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void descent_fused_dense_forward(size_t m, size_t n, size_t k,
                                 const float *x, const float *w, float *z);
void descent_fused_bn_relu_forward(size_t m, size_t n, const float *z,
                                   const float *w, float *s, bool training,
                                   float *y);
void descent_fused_relu_forward(size_t m, size_t n, const float *z,
                                float *y);
double descent_fused_softmax_xent(size_t m, size_t n, const float *z,
                                  const int32_t *labels, float *delta);
void descent_fused_bn_relu_backward(size_t m, size_t n, const float *z,
                                    const float *y, const float *w,
                                    const float *s, bool training,
                                    float *delta, float *g);
void descent_fused_relu_backward(size_t m, size_t n, const float *y,
                                 float *delta);
void descent_fused_dense_backward(size_t m, size_t n, size_t k,
                                  const float *x, const float *w,
                                  const float *delta, float *g,
                                  float *back);

#endif
