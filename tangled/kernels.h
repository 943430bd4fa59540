/* kernels.h: generated from chapters/10-gpu.nw; do not edit. */
#ifndef DESCENT_KERNELS_H
#define DESCENT_KERNELS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#ifdef __CUDACC__
#define DESCENT_HD __host__ __device__
#else
#define DESCENT_HD
#endif

DESCENT_HD static inline float descent_k_masked(float v, bool keep)
{
#ifdef __CUDA_ARCH__
    return keep ? v : 0.0f;          /* a select: threads do not branch */
#else
    uint32_t b;                      /* a mask: no branch to mispredict */
    memcpy(&b, &v, sizeof b);
    b &= -(uint32_t)keep;
    memcpy(&v, &b, sizeof v);
    return v;
#endif
}

DESCENT_HD static inline float descent_k_relu(float z)
{
    return descent_k_masked(z, !(z <= 0));
}

DESCENT_HD static inline float descent_k_relu_back(float d, float y)
{
    return d * descent_k_masked(1, y > 0);
}

DESCENT_HD static inline float descent_k_bn_apply(float x, float mean,
                                                  float inv, float gamma,
                                                  float beta)
{
    return (x - mean) * inv * gamma + beta;
}
DESCENT_HD static inline float descent_k_bn_back(float d, float x,
                                                 float mean, float inv,
                                                 float gamma, float dgamma,
                                                 float dbeta, float m)
{
    float xhat = (x - mean) * inv;
    d -= (dbeta + xhat * dgamma) / m;
    return gamma * inv * d;
}
#ifndef __CUDACC__
#include <math.h>                         /* sqrtf; CUDA has its own */
#endif

typedef struct descent_k_rule {
    float lr, rate, root, shrink, decay;    /* Chapter 8's rule_scalars */
    float beta1, fresh1, beta2, fresh2, eps;   /* Adam(W) */
    float mu, keep;                         /* SGD: momentum, 1 - dampening */
    int first, momentum;                    /* step 1; SGD keeps a buffer */
} descent_k_rule;

DESCENT_HD static inline void descent_k_sgd(const descent_k_rule *c,
                                            float *theta, float g, float *m)
{
    float d = g + c->decay * *theta;
    if (c->momentum) {
        *m = c->first ? d : c->mu * *m + c->keep * d;
        d = *m;
    }
    *theta -= c->lr * d;
}

DESCENT_HD static inline void descent_k_adam(const descent_k_rule *c,
                                             float *theta, float g,
                                             float *m, float *v)
{
    float d = g + c->decay * *theta;
    *theta *= c->shrink;
    *m = c->beta1 * *m + c->fresh1 * d;
    *v = c->beta2 * *v + c->fresh2 * d * d;
    *theta -= c->rate * (*m / (sqrtf(*v) / c->root + c->eps));
}

#endif
