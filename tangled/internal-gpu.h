/* internal-gpu.h: generated from chapters/10-gpu.nw; do not edit. */
#ifndef DESCENT_INTERNAL_GPU_H
#define DESCENT_INTERNAL_GPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gpu.h"
#include "kernels.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct descent_gpu_stage {
    size_t inputs, outputs;      /* k and n of the dense layer */
    size_t weights;              /* W (n x k) at theta + weights, b after */
    bool batchnorm;              /* a batch normalization follows it */
    size_t norm;                 /* its gamma, beta at theta + norm */
    size_t state;                /* its 4n floats at state + state */
} descent_gpu_stage;

typedef struct descent_gpu_plan {
    size_t stages;               /* dense layers; the last is the output */
    descent_gpu_stage stage[DESCENT_MAX_MODEL_LAYERS];
    size_t inputs, classes, capacity, parameters, states, widest;
    bool batchnorm;              /* any stage normalizes */
} descent_gpu_plan;

/* What the checks of a made back end read: its first member in both
   builds. */
typedef struct descent_gpu_shape {
    descent_gpu_plan plan;
    size_t train_count;          /* samples of the training set */
    descent_adaptive_kind rule;
    descent_adaptive_options options;
} descent_gpu_shape;
descent_status descent_gpu_plan_of(const descent_model *model,
                                   descent_gpu_plan *plan,
                                   descent_error *error);
descent_status descent_gpu_check_query(const descent_gpu_info *info,
                                       descent_error *error);
descent_status descent_gpu_check_init(descent_gpu **gpu,
                                      const descent_model *model,
                                      const descent_samples *train,
                                      descent_adaptive_kind rule,
                                      const descent_adaptive_options *options,
                                      descent_gpu_shape *shape,
                                      descent_error *error);
descent_status descent_gpu_check_batch(const char *function,
                                       const descent_gpu_shape *shape,
                                       const size_t *index, size_t batch,
                                       descent_error *error);
descent_status descent_gpu_check_step(const descent_gpu_shape *shape,
                                      const size_t *index, size_t batch,
                                      double lr, descent_error *error);
descent_status descent_gpu_check_evaluate(const descent_gpu_shape *shape,
                                          const descent_samples *data,
                                          descent_error *error);
descent_status descent_gpu_check_download(const descent_gpu_shape *shape,
                                          const descent_model *model,
                                          descent_error *error);
descent_k_rule descent_gpu_rule_of(descent_adaptive_kind kind,
                                   const descent_adaptive_options *o,
                                   size_t k, double lr);
descent_status descent_gpu_unavailable(descent_error *error,
                                       const char *why);
descent_status descent_gpu_try_dense(size_t m, size_t n, size_t k,
                                     const float *x, const float *w,
                                     bool relu, float *out,
                                     descent_error *error);
descent_status descent_gpu_try_norm(size_t m, size_t n, const float *in,
                                    const float *w, float *s,
                                    bool training, float *out,
                                    descent_error *error);
descent_status descent_gpu_try_norm_back(size_t m, size_t n,
                                         const float *in, const float *out,
                                         const float *w, const float *s,
                                         float *delta, float *dw,
                                         float *dbias, descent_error *error);
descent_status descent_gpu_try_relu_back(size_t m, size_t n,
                                         const float *out, float *delta,
                                         float *dbias, descent_error *error);
descent_status descent_gpu_try_softmax(size_t m, size_t n, const float *z,
                                       const int32_t *labels, float *loss,
                                       float *delta, descent_error *error);
descent_status descent_gpu_try_update(descent_adaptive_kind kind,
                                      const descent_adaptive_options *o,
                                      size_t n, size_t steps, double lr,
                                      float *theta, const float *g,
                                      float *m, float *v,
                                      descent_error *error);
descent_status descent_gpu_try_memory(const descent_model *model,
                                      const descent_samples *train,
                                      size_t capacity, size_t *leaked,
                                      descent_error *error);
typedef struct descent_gpu_kernel_time {
    char name[40];
    double seconds;              /* mean of 20 launches */
    double bytes, flops;         /* moved and done by one launch */
} descent_gpu_kernel_time;

typedef struct descent_gpu_timing {
    double median, p10, p90;     /* seconds per step */
    double bandwidth;            /* bytes/s of a device-to-device copy */
    double sgemm;                /* flop/s of an 8192^3 cublasSgemm */
    size_t kernels;
    descent_gpu_kernel_time kernel[12];
} descent_gpu_timing;

descent_status descent_gpu_time(descent_gpu *gpu, const size_t *index,
                                size_t batch, double lr, size_t steps,
                                descent_gpu_timing *t, descent_error *error);

#ifdef __cplusplus
}
#endif

#endif
