/* kernels.h: generated from chapters/10-gpu.nw; do not edit. */
#ifndef DESCENT_KERNELS_H
#define DESCENT_KERNELS_H

#ifdef __CUDACC__
#define DESCENT_HD __host__ __device__
#else
#define DESCENT_HD
#endif

DESCENT_HD static inline float descent_k_relu(float z)
{
    return !(z <= 0) ? z : 0.0f;
}

DESCENT_HD static inline float descent_k_relu_back(float d, float y)
{
    return d * (y > 0 ? 1.0f : 0.0f);
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


#endif
