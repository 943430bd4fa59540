/* gpu-none.c: generated from chapters/10-gpu.nw; do not edit. */
#include <stddef.h>

#include "gpu.h"
#include "internal.h"
#include "internal-gpu.h"

#define WITHOUT_CUDA "this library was built without CUDA (no nvcc, or no cuBLAS to link)"

struct descent_gpu {
    descent_gpu_shape shape;     /* never made in this build */
};

descent_status descent_gpu_query(descent_gpu_info *info,
                                 descent_error *error)
{
    descent_status status = descent_gpu_check_query(info, error);
    return status ? status : descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_init(descent_gpu **gpu,
                                const descent_model *model,
                                const descent_samples *train,
                                descent_adaptive_kind rule,
                                const descent_adaptive_options *options,
                                descent_error *error)
{
    descent_gpu_shape shape;
    descent_status status = descent_gpu_check_init(gpu, model, train, rule,
                                                   options, &shape, error);
    return status ? status : descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_gradient(descent_gpu *gpu, const size_t *index,
                                    size_t batch, double *loss,
                                    descent_error *error)
{
    (void)loss;
    descent_status status = descent_gpu_check_batch(
        "descent_gpu_gradient", gpu != NULL ? &gpu->shape : NULL, index,
        batch, error);
    return status ? status : descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_step(descent_gpu *gpu, const size_t *index,
                                size_t batch, double lr, double *loss,
                                descent_error *error)
{
    (void)loss;
    descent_status status = descent_gpu_check_step(
        gpu != NULL ? &gpu->shape : NULL, index, batch, lr, error);
    return status ? status : descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_evaluate(descent_gpu *gpu,
                                    const descent_samples *data,
                                    double *loss, double *accuracy,
                                    descent_error *error)
{
    (void)loss, (void)accuracy;
    descent_status status = descent_gpu_check_evaluate(
        gpu != NULL ? &gpu->shape : NULL, data, error);
    return status ? status : descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_download(descent_gpu *gpu, descent_model *model,
                                    descent_error *error)
{
    descent_status status = descent_gpu_check_download(
        gpu != NULL ? &gpu->shape : NULL, model, error);
    return status ? status : descent_gpu_unavailable(error, WITHOUT_CUDA);
}

void descent_gpu_free(descent_gpu *gpu)
{
    (void)gpu;
}
descent_status descent_gpu_try_dense(size_t m, size_t n, size_t k,
                                     const float *x, const float *w,
                                     bool relu, float *out,
                                     descent_error *error)
{
    (void)m, (void)n, (void)k, (void)x, (void)w, (void)relu, (void)out;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_try_norm(size_t m, size_t n, const float *in,
                                    const float *w, float *s,
                                    bool training, float *out,
                                    descent_error *error)
{
    (void)m, (void)n, (void)in, (void)w, (void)s, (void)training, (void)out;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_try_norm_back(size_t m, size_t n,
                                         const float *in, const float *out,
                                         const float *w, const float *s,
                                         float *delta, float *dw,
                                         float *dbias, descent_error *error)
{
    (void)m, (void)n, (void)in, (void)out, (void)w, (void)s, (void)delta;
    (void)dw, (void)dbias;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_try_relu_back(size_t m, size_t n,
                                         const float *out, float *delta,
                                         float *dbias, descent_error *error)
{
    (void)m, (void)n, (void)out, (void)delta, (void)dbias;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_try_softmax(size_t m, size_t n, const float *z,
                                       const int32_t *labels, float *loss,
                                       float *delta, descent_error *error)
{
    (void)m, (void)n, (void)z, (void)labels, (void)loss, (void)delta;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_try_update(descent_adaptive_kind kind,
                                      const descent_adaptive_options *o,
                                      size_t n, size_t steps, double lr,
                                      float *theta, const float *g,
                                      float *m, float *v,
                                      descent_error *error)
{
    (void)kind, (void)o, (void)n, (void)steps, (void)lr, (void)theta;
    (void)g, (void)m, (void)v;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}

descent_status descent_gpu_try_memory(const descent_model *model,
                                      const descent_samples *train,
                                      size_t capacity, size_t *leaked,
                                      descent_error *error)
{
    (void)model, (void)train, (void)capacity, (void)leaked;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}
descent_status descent_gpu_time(descent_gpu *gpu, const size_t *index,
                                size_t batch, double lr, size_t steps,
                                descent_gpu_timing *t, descent_error *error)
{
    (void)gpu, (void)index, (void)batch, (void)lr, (void)steps, (void)t;
    return descent_gpu_unavailable(error, WITHOUT_CUDA);
}
