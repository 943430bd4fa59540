/* gpu.cu: generated from chapters/10-gpu.nw; do not edit. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef DESCENT_CUDA_SHIM                 /* make check, without CUDA */
#include "cuda-shim.h"
#else
#include <cublas_v2.h>
#include <cuda_runtime.h>
#endif

extern "C" {
#include "batchnorm.h"
#include "gpu.h"
#include "internal.h"
#include "internal-gpu.h"
#include "kernels.h"
}

__global__ static void gather_kernel(const float *data, const int32_t *labels,
                                     const int32_t *index, size_t m,
                                     size_t k, float *x, int32_t *y)
{
    size_t stride = (size_t)gridDim.x * blockDim.x;
    for (size_t e = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
         e < m * k; e += stride) {
        size_t i = e / k, j = e % k;
        x[e] = data[(size_t)index[i] * k + j];
        if (j == 0)
            y[i] = labels[index[i]];
    }
}
__global__ static void bias_kernel(const float *z, const float *b, size_t m,
                                   size_t n, bool relu, float *out)
{
    size_t stride = (size_t)gridDim.x * blockDim.x;
    for (size_t e = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
         e < m * n; e += stride) {
        float y = z[e] + b[e % n];
        out[e] = relu ? descent_k_relu(y) : y;
    }
}
enum { COLUMN_UNITS = 32, COLUMN_ROWS = 32 };

__device__ static float column_sum(float mine)
{
    __shared__ float part[COLUMN_ROWS][COLUMN_UNITS + 1];
    __shared__ float total[COLUMN_UNITS];
    part[threadIdx.y][threadIdx.x] = mine;
    __syncthreads();
    if (threadIdx.y == 0) {
        float t = 0;
        for (int r = 0; r < COLUMN_ROWS; r++)
            t += part[r][threadIdx.x];
        total[threadIdx.x] = t;
    }
    __syncthreads();
    float t = total[threadIdx.x];
    __syncthreads();              /* before a second call writes part */
    return t;
}
__global__ static void norm_stats_kernel(const float *z, size_t m, size_t n,
                                         float *s, float momentum,
                                         float eps)
{
    size_t j = (size_t)blockIdx.x * COLUMN_UNITS + threadIdx.x;
    bool unit = j < n;
    float sum = 0, squares = 0;
    for (size_t i = threadIdx.y; unit && i < m; i += COLUMN_ROWS)
        sum += z[i * n + j];
    float mean = column_sum(sum) / (float)m;
    for (size_t i = threadIdx.y; unit && i < m; i += COLUMN_ROWS) {
        float d = z[i * n + j] - mean;
        squares += d * d;
    }
    float var = column_sum(squares) / (float)m;
    if (unit && threadIdx.y == 0) {
        s[2 * n + j] = mean;
        s[3 * n + j] = 1 / sqrtf(var + eps);
        if (isfinite(mean) && isfinite(var)) {
            s[j] += momentum * (mean - s[j]);
            s[n + j] += momentum * (var * (float)m / (float)(m - 1) - s[n + j]);
        }
    }
}
__global__ static void norm_eval_kernel(size_t n, float *s, float eps)
{
    size_t j = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (j < n) {
        s[2 * n + j] = s[j];
        s[3 * n + j] = 1 / sqrtf(s[n + j] + eps);
    }
}

__global__ static void norm_apply_kernel(const float *z, size_t m, size_t n,
                                         const float *w, const float *s,
                                         float *a)
{
    size_t stride = (size_t)gridDim.x * blockDim.x;
    for (size_t e = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
         e < m * n; e += stride) {
        size_t j = e % n;
        a[e] = descent_k_relu(descent_k_bn_apply(z[e], s[2 * n + j],
                                                 s[3 * n + j], w[j],
                                                 w[n + j]));
    }
}
__global__ static void norm_back_kernel(float *delta, const float *z,
                                        const float *a, size_t m, size_t n,
                                        const float *w, const float *s,
                                        float *dw, float *dbias)
{
    size_t j = (size_t)blockIdx.x * COLUMN_UNITS + threadIdx.x;
    bool unit = j < n;
    float mean = unit ? s[2 * n + j] : 0, inv = unit ? s[3 * n + j] : 0;
    float dbeta = 0, dgamma = 0, bias = 0;
    for (size_t i = threadIdx.y; unit && i < m; i += COLUMN_ROWS) {
        size_t e = i * n + j;
        float d = delta[e] * (a[e] > 0 ? 1.0f : 0.0f);
        dbeta += d;
        dgamma += d * (z[e] - mean) * inv;
    }
    dbeta = column_sum(dbeta);
    dgamma = column_sum(dgamma);
    for (size_t i = threadIdx.y; unit && i < m; i += COLUMN_ROWS) {
        size_t e = i * n + j;
        float d = delta[e] * (a[e] > 0 ? 1.0f : 0.0f);
        delta[e] = descent_k_bn_back(d, z[e], mean, inv, w[j], dgamma, dbeta,
                                     (float)m);
        bias += delta[e];
    }
    bias = column_sum(bias);
    if (unit && threadIdx.y == 0) {
        dw[j] = dgamma;
        dw[n + j] = dbeta;
        dbias[j] = bias;
    }
}
__global__ static void relu_back_kernel(float *delta, const float *a,
                                        size_t m, size_t n, float *dbias)
{
    size_t j = (size_t)blockIdx.x * COLUMN_UNITS + threadIdx.x;
    bool unit = j < n;
    float bias = 0;
    for (size_t i = threadIdx.y; unit && i < m; i += COLUMN_ROWS) {
        size_t e = i * n + j;
        if (a != NULL)
            delta[e] *= a[e] > 0 ? 1.0f : 0.0f;
        bias += delta[e];
    }
    bias = column_sum(bias);
    if (unit && threadIdx.y == 0)
        dbias[j] = bias;
}
__global__ static void softmax_kernel(const float *z, const int32_t *labels,
                                      size_t m, size_t n, float *loss,
                                      int32_t *right, float *delta)
{
    size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= m)
        return;
    const float *x = z + i * n;
    float top = x[0], sum = 0, best = 0;
    size_t y = (size_t)labels[i], guess = 0;
    for (size_t r = 1; r < n; r++)
        top = x[r] > top ? x[r] : top;
    for (size_t r = 0; r < n; r++)
        sum += expf(x[r] - top);
    loss[i] = logf(sum) + top - x[y];
    for (size_t r = 0; r < n; r++) {
        float p = expf(x[r] - top) / sum;
        if (r == 0 || p > best)
            best = p, guess = r;
        if (delta != NULL)
            delta[i * n + r] = p / (float)m;
    }
    if (delta != NULL)
        delta[i * n + y] -= 1 / (float)m;
    right[i] = guess == y;
}
__global__ static void sgd_kernel(descent_k_rule c, size_t n, float *theta,
                                  const float *g, float *m)
{
    size_t stride = (size_t)gridDim.x * blockDim.x;
    for (size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x; i < n;
         i += stride)
        descent_k_sgd(&c, theta + i, g[i], m != NULL ? m + i : NULL);
}

__global__ static void adam_kernel(descent_k_rule c, size_t n, float *theta,
                                   const float *g, float *m, float *v)
{
    size_t stride = (size_t)gridDim.x * blockDim.x;
    for (size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x; i < n;
         i += stride)
        descent_k_adam(&c, theta + i, g[i], m + i, v + i);
}
static descent_status cuda_fail(descent_error *error, const char *call,
                                cudaError_t code)
{
    cudaGetLastError();                  /* clear a non-sticky error */
    return descent_fail(error,
                        code == cudaErrorMemoryAllocation
                            ? DESCENT_OUT_OF_MEMORY : DESCENT_UNAVAILABLE,
                        "gpu: %s failed: %s (%s)", call,
                        cudaGetErrorString(code), cudaGetErrorName(code));
}

static descent_status cublas_fail(descent_error *error, const char *call,
                                  cublasStatus_t code)
{
    return descent_fail(error,
                        code == CUBLAS_STATUS_ALLOC_FAILED
                            ? DESCENT_OUT_OF_MEMORY : DESCENT_UNAVAILABLE,
                        "gpu: %s failed: %s", call,
                        cublasGetStatusString(code));
}

#define CUDA(call)                                                    \
    do {                                                              \
        cudaError_t code_ = (call);                                   \
        if (code_ != cudaSuccess) {                                   \
            status = cuda_fail(error, #call, code_);                  \
            goto cleanup;                                             \
        }                                                             \
    } while (0)
#define CUBLAS(call)                                                  \
    do {                                                              \
        cublasStatus_t code_ = (call);                                \
        if (code_ != CUBLAS_STATUS_SUCCESS) {                         \
            status = cublas_fail(error, #call, code_);                \
            goto cleanup;                                             \
        }                                                             \
    } while (0)
struct descent_gpu {
    descent_gpu_shape shape;             /* first: what the checks read */
    cudaStream_t stream;
    cublasHandle_t blas;
    char *block;                         /* the one allocation */
    float *theta, *gradient, *state, *m, *v;
    float *data;                         /* the training set */
    int32_t *data_labels, *index, *labels, *right;
    float *x, *loss, *delta[2];
    float *z[DESCENT_MAX_MODEL_LAYERS], *a[DESCENT_MAX_MODEL_LAYERS];
    int32_t *host_index, *host_right;    /* one allocation of the host */
    float *host_loss;
    int multiprocessors;
    size_t steps;
};
/* Reserve count items of size bytes at *used; in the second pass (base
   not NULL) point *where at them. False: more than size_t counts. */
static bool reserve(char *base, size_t *used, size_t count, size_t size,
                    void **where)
{
    size_t bytes, start = (*used + 255) / 256 * 256;
    if (start < *used || !descent_product_fits(count, size, &bytes) ||
        bytes > SIZE_MAX - start)
        return false;
    if (base != NULL)
        *where = base + start;
    *used = start + bytes;
    return true;
}
static bool carve(descent_gpu *g, size_t capacity, char *base, size_t *used)
{
    const descent_gpu_plan *p = &g->shape.plan;
    bool adam = g->shape.rule != DESCENT_ADAPTIVE_SGD,
         momentum = adam || g->shape.options.momentum != 0;
    size_t f = sizeof(float), i = sizeof(int32_t), P = p->parameters;
    bool ok = capacity <= SIZE_MAX / 8 / (p->widest + p->inputs + 4);
    *used = 0;
#define RESERVE(count, size, field) \
    ok = ok && reserve(base, used, count, size, (void **)&g->field)
    RESERVE(P, f, theta);  RESERVE(P, f, gradient);
    RESERVE(p->states, f, state);
    if (momentum)
        RESERVE(P, f, m);
    if (adam)
        RESERVE(P, f, v);
    RESERVE(g->shape.train_count * p->inputs, f, data);
    RESERVE(g->shape.train_count, i, data_labels);
    RESERVE(capacity, i, index);  RESERVE(capacity, i, labels);
    RESERVE(capacity, i, right);  RESERVE(capacity, f, loss);
    RESERVE(capacity * p->inputs, f, x);
    RESERVE(capacity * p->widest, f, delta[0]);
    RESERVE(capacity * p->widest, f, delta[1]);
    for (size_t s = 0; s < p->stages; s++) {
        RESERVE(capacity * p->stage[s].outputs, f, z[s]);
        RESERVE(capacity * p->stage[s].outputs, f, a[s]);
    }
#undef RESERVE
    return ok;
}
static descent_status gpu_make(descent_gpu *g, const descent_model *model,
                               const descent_samples *train,
                               size_t capacity, descent_error *error)
{
    descent_status status = DESCENT_OK;
    size_t bytes, P = g->shape.plan.parameters;
    if (!carve(g, capacity, NULL, &bytes))
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "gpu: the buffers of capacity %zu take more "
                            "bytes than size_t counts", capacity);
    CUDA(cudaStreamCreate(&g->stream));
    CUBLAS(cublasCreate(&g->blas));
    CUBLAS(cublasSetStream(g->blas, g->stream));
    CUBLAS(cublasSetMathMode(g->blas, CUBLAS_DEFAULT_MATH));  /* no TF32 */
    CUDA(cudaMalloc((void **)&g->block, bytes));
    carve(g, capacity, g->block, &bytes);
    CUDA(cudaMemcpy(g->theta, model->theta, P * sizeof(float),
                    cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(g->state, model->state,
                    g->shape.plan.states * sizeof(float),
                    cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(g->data, train->x,
                    train->count * train->inputs * sizeof(float),
                    cudaMemcpyHostToDevice));
    CUDA(cudaMemcpy(g->data_labels, train->labels,
                    train->count * sizeof(int32_t), cudaMemcpyHostToDevice));
    CUDA(cudaMemset(g->gradient, 0, P * sizeof(float)));
    if (g->m != NULL)
        CUDA(cudaMemset(g->m, 0, P * sizeof(float)));
    if (g->v != NULL)
        CUDA(cudaMemset(g->v, 0, P * sizeof(float)));
cleanup:
    return status;
}
static void gpu_release(descent_gpu *g)
{
    if (g == NULL)
        return;
    if (g->block != NULL)
        cudaFree(g->block);
    if (g->blas != NULL)
        cublasDestroy(g->blas);
    if (g->stream != NULL)
        cudaStreamDestroy(g->stream);
    free(g->host_index);
    free(g);
}
/* Z = X W' (m x n), X m x k, W n x k, all row-major: Z' = W X'. */
static cublasStatus_t product_forward(cublasHandle_t h, size_t m, size_t n,
                                      size_t k, const float *x,
                                      const float *w, float *z)
{
    const float one = 1, zero = 0;
    return cublasSgemm(h, CUBLAS_OP_T, CUBLAS_OP_N, (int)n, (int)m, (int)k,
                       &one, w, (int)k, x, (int)k, &zero, z, (int)n);
}

/* dW = D' X (n x k): dW' = X' D. */
static cublasStatus_t product_weights(cublasHandle_t h, size_t m, size_t n,
                                      size_t k, const float *d,
                                      const float *x, float *dw)
{
    const float one = 1, zero = 0;
    return cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_T, (int)k, (int)n, (int)m,
                       &one, x, (int)k, d, (int)n, &zero, dw, (int)k);
}

/* B = D W (m x k): B' = W' D'. */
static cublasStatus_t product_back(cublasHandle_t h, size_t m, size_t n,
                                   size_t k, const float *d, const float *w,
                                   float *back)
{
    const float one = 1, zero = 0;
    return cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, (int)k, (int)m, (int)n,
                       &one, w, (int)k, d, (int)n, &zero, back, (int)k);
}
enum { ELEMENT_THREADS = 256 };

static unsigned element_blocks(const descent_gpu *g, size_t count)
{
    size_t blocks = (count + ELEMENT_THREADS - 1) / ELEMENT_THREADS,
           most = 32 * (size_t)(g->multiprocessors > 0 ? g->multiprocessors
                                                       : 1);
    return (unsigned)(blocks == 0 ? 1 : blocks < most ? blocks : most);
}

static dim3 column_blocks(size_t n)
{
    return dim3((unsigned)((n + COLUMN_UNITS - 1) / COLUMN_UNITS));
}

static const dim3 column_threads(COLUMN_UNITS, COLUMN_ROWS);
static descent_status forward(descent_gpu *g, size_t m, bool training,
                              descent_error *error)
{
    descent_status status = DESCENT_OK;
    const descent_gpu_plan *p = &g->shape.plan;
    const float *in = g->x;
    for (size_t s = 0; s < p->stages; s++) {
        const descent_gpu_stage *st = &p->stage[s];
        size_t n = st->outputs, k = st->inputs;
        const float *w = g->theta + st->weights, *b = w + n * k;
        bool last = s + 1 == p->stages;
        CUBLAS(product_forward(g->blas, m, n, k, in, w, g->z[s]));
        bias_kernel<<<element_blocks(g, m * n), ELEMENT_THREADS, 0,
                      g->stream>>>(g->z[s], b, m, n, !last && !st->batchnorm,
                                   last || st->batchnorm ? g->z[s] : g->a[s]);
        if (st->batchnorm) {
            float *state = g->state + st->state;
            const float momentum = (float)DESCENT_BATCHNORM_MOMENTUM,
                        eps = (float)DESCENT_BATCHNORM_EPS;
            cudaStream_t q = g->stream;
            if (training)
                norm_stats_kernel<<<column_blocks(n), column_threads, 0, q>>>(
                    g->z[s], m, n, state, momentum, eps);
            else
                norm_eval_kernel<<<(unsigned)((n + 255) / 256), 256, 0, q>>>(
                    n, state, eps);
            norm_apply_kernel<<<element_blocks(g, m * n), ELEMENT_THREADS, 0, q>>>(
                g->z[s], m, n, g->theta + st->norm, state, g->a[s]);
        }
        in = g->a[s];
    }
    CUDA(cudaGetLastError());
cleanup:
    return status;
}
static descent_status backward(descent_gpu *g, size_t m,
                               descent_error *error)
{
    descent_status status = DESCENT_OK;
    const descent_gpu_plan *p = &g->shape.plan;
    float *delta = g->delta[0], *spare = g->delta[1];
    for (size_t s = p->stages; s-- > 0;) {
        const descent_gpu_stage *st = &p->stage[s];
        size_t n = st->outputs, k = st->inputs;
        const float *in = s > 0 ? g->a[s - 1] : g->x,
                    *w = g->theta + st->weights;
        float *dw = g->gradient + st->weights, *db = dw + n * k;
        cudaStream_t q = g->stream;
        if (st->batchnorm)
            norm_back_kernel<<<column_blocks(n), column_threads, 0, q>>>(
                delta, g->z[s], g->a[s], m, n, g->theta + st->norm,
                g->state + st->state, g->gradient + st->norm, db);
        else
            relu_back_kernel<<<column_blocks(n), column_threads, 0, q>>>(
                delta, s + 1 == p->stages ? NULL : g->a[s], m, n, db);
        CUBLAS(product_weights(g->blas, m, n, k, delta, in, dw));
        if (s > 0) {
            CUBLAS(product_back(g->blas, m, n, k, delta, w, spare));
            float *t = delta;
            delta = spare;
            spare = t;
        }
    }
    CUDA(cudaGetLastError());
cleanup:
    return status;
}
static descent_status softmax(descent_gpu *g, size_t m, float *delta,
                              double *loss, size_t *right,
                              descent_error *error)
{
    descent_status status = DESCENT_OK;
    const descent_gpu_plan *p = &g->shape.plan;
    softmax_kernel<<<(unsigned)((m + 127) / 128), 128, 0, g->stream>>>(
        g->z[p->stages - 1], g->labels, m, p->classes, g->loss, g->right,
        delta);
    CUDA(cudaGetLastError());
    if (loss != NULL || right != NULL) {
        CUDA(cudaMemcpyAsync(g->host_loss, g->loss, m * sizeof(float),
                             cudaMemcpyDeviceToHost, g->stream));
        CUDA(cudaMemcpyAsync(g->host_right, g->right, m * sizeof(int32_t),
                             cudaMemcpyDeviceToHost, g->stream));
        CUDA(cudaStreamSynchronize(g->stream));
        double total = 0;
        size_t count = 0;
        for (size_t i = 0; i < m; i++)
            total += g->host_loss[i], count += g->host_right[i] != 0;
        if (loss != NULL)
            *loss = total;
        if (right != NULL)
            *right = count;
    }
cleanup:
    return status;
}
static descent_status device_count(int *count, descent_error *error)
{
    cudaError_t code = cudaGetDeviceCount(count);
    if (code != cudaSuccess || *count == 0) {
        cudaGetLastError();
        char why[200];
        snprintf(why, sizeof why, "no CUDA device (cudaGetDeviceCount: %s)",
                 code != cudaSuccess ? cudaGetErrorString(code) : "0 devices");
        return descent_gpu_unavailable(error, why);
    }
    return descent_succeed(error);
}

extern "C" descent_status descent_gpu_query(descent_gpu_info *info,
                                            descent_error *error)
{
    descent_status status = descent_gpu_check_query(info, error);
    int count = 0, device = 0;
    cudaDeviceProp prop;
    if (status || (status = device_count(&count, error)))
        return status;
    CUDA(cudaGetDevice(&device));
    CUDA(cudaGetDeviceProperties(&prop, device));
    memset(info, 0, sizeof *info);
    snprintf(info->name, sizeof info->name, "%s", prop.name);
    info->major = prop.major;
    info->minor = prop.minor;
    info->multiprocessors = prop.multiProcessorCount;
    info->memory = prop.totalGlobalMem;
    CUDA(cudaDriverGetVersion(&info->driver));
    CUDA(cudaRuntimeGetVersion(&info->runtime));
cleanup:
    return status;
}
static descent_status gpu_init(descent_gpu **gpu, const descent_model *model,
                               const descent_samples *train,
                               descent_adaptive_kind rule,
                               const descent_adaptive_options *options,
                               size_t capacity, descent_error *error)
{
    descent_gpu_shape shape;
    descent_status status = descent_gpu_check_init(gpu, model, train, rule,
                                                   options, &shape, error);
    int count = 0, device = 0;
    if (status || (status = device_count(&count, error)))
        return status;
    descent_gpu *g = (descent_gpu *)calloc(1, sizeof *g);
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "gpu: cannot allocate the back end");
    g->shape = shape;
    g->shape.plan.capacity = capacity;
    CUDA(cudaGetDevice(&device));
    CUDA(cudaDeviceGetAttribute(&g->multiprocessors,
                                cudaDevAttrMultiProcessorCount, device));
    if (!(status = gpu_make(g, model, train, capacity, error))) {
        size_t each = sizeof(int32_t) * 2 + sizeof(float);
        if (capacity > SIZE_MAX / each ||
            (g->host_index = (int32_t *)malloc(capacity * each)) == NULL)
            status = descent_fail(error, DESCENT_OUT_OF_MEMORY,
                                  "gpu: out of memory for the host's buffers of "
                                  "capacity %zu", capacity);
        else {
            g->host_right = g->host_index + capacity;
            g->host_loss = (float *)(g->host_right + capacity);
        }
    }
cleanup:
    if (status)
        gpu_release(g);
    else
        *gpu = g;
    return status;
}

extern "C" descent_status descent_gpu_init(descent_gpu **gpu,
                                           const descent_model *model,
                                           const descent_samples *train,
                                           descent_adaptive_kind rule,
                                           const descent_adaptive_options *options,
                                           descent_error *error)
{
    return gpu_init(gpu, model, train, rule, options,
                    model != NULL ? model->capacity : 0, error);
}
static descent_status gradient(descent_gpu *g, const size_t *index,
                               size_t m, double *loss, descent_error *error)
{
    descent_status status = DESCENT_OK;
    size_t k = g->shape.plan.inputs;
    for (size_t i = 0; i < m; i++)
        g->host_index[i] = (int32_t)index[i];
    CUDA(cudaMemcpyAsync(g->index, g->host_index, m * sizeof(int32_t),
                         cudaMemcpyHostToDevice, g->stream));
    gather_kernel<<<element_blocks(g, m * k), ELEMENT_THREADS, 0,
                    g->stream>>>(g->data, g->data_labels, g->index, m, k,
                                 g->x, g->labels);
    if ((status = forward(g, m, true, error)) ||
        (status = softmax(g, m, g->delta[0], loss, NULL, error)) ||
        (status = backward(g, m, error)))
        return status;
    if (loss != NULL)
        *loss /= (double)m;
cleanup:
    return status;
}

extern "C" descent_status descent_gpu_gradient(descent_gpu *gpu,
                                               const size_t *index,
                                               size_t batch, double *loss,
                                               descent_error *error)
{
    descent_status status = descent_gpu_check_batch(
        "descent_gpu_gradient", gpu != NULL ? &gpu->shape : NULL, index,
        batch, error);
    if (!status)
        status = gradient(gpu, index, batch, loss, error);
    if (!status)
        CUDA(cudaStreamSynchronize(gpu->stream));
cleanup:
    return status;
}
static descent_status update(descent_gpu *g, double lr,
                             descent_error *error)
{
    descent_status status = DESCENT_OK;
    size_t n = g->shape.plan.parameters;
    descent_k_rule c = descent_gpu_rule_of(g->shape.rule, &g->shape.options,
                                           g->steps + 1, lr);
    if (g->shape.rule == DESCENT_ADAPTIVE_SGD)
        sgd_kernel<<<element_blocks(g, n), ELEMENT_THREADS, 0, g->stream>>>(
            c, n, g->theta, g->gradient, g->m);
    else
        adam_kernel<<<element_blocks(g, n), ELEMENT_THREADS, 0,
                      g->stream>>>(c, n, g->theta, g->gradient, g->m, g->v);
    CUDA(cudaGetLastError());
    g->steps++;
cleanup:
    return status;
}

extern "C" descent_status descent_gpu_step(descent_gpu *gpu,
                                           const size_t *index, size_t batch,
                                           double lr, double *loss,
                                           descent_error *error)
{
    descent_status status = descent_gpu_check_step(
        gpu != NULL ? &gpu->shape : NULL, index, batch, lr, error);
    if (!status)
        status = gradient(gpu, index, batch, loss, error);
    if (!status)
        status = update(gpu, lr, error);
    if (!status)
        CUDA(cudaStreamSynchronize(gpu->stream));
cleanup:
    return status;
}
extern "C" descent_status descent_gpu_evaluate(descent_gpu *gpu,
                                               const descent_samples *data,
                                               double *loss,
                                               double *accuracy,
                                               descent_error *error)
{
    descent_status status = descent_gpu_check_evaluate(
        gpu != NULL ? &gpu->shape : NULL, data, error);
    double total = 0;
    size_t right = 0, k = data != NULL ? data->inputs : 0;
    for (size_t i = 0; !status && i < data->count;
         i += gpu->shape.plan.capacity) {
        size_t m = data->count - i, part = 0;
        double piece = 0;
        m = m < gpu->shape.plan.capacity ? m : gpu->shape.plan.capacity;
        CUDA(cudaMemcpyAsync(gpu->x, data->x + i * k, m * k * sizeof(float),
                             cudaMemcpyHostToDevice, gpu->stream));
        CUDA(cudaMemcpyAsync(gpu->labels, data->labels + i,
                             m * sizeof(int32_t), cudaMemcpyHostToDevice,
                             gpu->stream));
        if (!(status = forward(gpu, m, false, error)))
            status = softmax(gpu, m, NULL, &piece, &part, error);
        total += piece;
        right += part;
    }
    if (!status && loss != NULL)
        *loss = total / (double)data->count;
    if (!status && accuracy != NULL)
        *accuracy = (double)right / (double)data->count;
cleanup:
    return status;
}
extern "C" descent_status descent_gpu_download(descent_gpu *gpu,
                                               descent_model *model,
                                               descent_error *error)
{
    descent_status status = descent_gpu_check_download(
        gpu != NULL ? &gpu->shape : NULL, model, error);
    if (status)
        return status;
    size_t P = gpu->shape.plan.parameters * sizeof(float);
    CUDA(cudaStreamSynchronize(gpu->stream));
    CUDA(cudaMemcpy(model->theta, gpu->theta, P, cudaMemcpyDeviceToHost));
    CUDA(cudaMemcpy(model->gradient, gpu->gradient, P,
                    cudaMemcpyDeviceToHost));
    CUDA(cudaMemcpy(model->state, gpu->state,
                    gpu->shape.plan.states * sizeof(float),
                    cudaMemcpyDeviceToHost));
cleanup:
    return status;
}

extern "C" void descent_gpu_free(descent_gpu *gpu)
{
    if (gpu != NULL)
        cudaStreamSynchronize(gpu->stream);
    gpu_release(gpu);
}
typedef struct pool {
    void *buffer[12];
    int count;
} pool;

static descent_status upload(pool *p, const void *host, size_t bytes,
                             void **device, descent_error *error)
{
    descent_status status = DESCENT_OK;
    int count = 0;
    if ((status = device_count(&count, error)))
        return status;
    CUDA(cudaMalloc(device, bytes > 0 ? bytes : 1));
    p->buffer[p->count++] = *device;
    if (host != NULL)
        CUDA(cudaMemcpy(*device, host, bytes, cudaMemcpyHostToDevice));
cleanup:
    return status;
}

static descent_status finish(pool *p, descent_status status, void *host,
                             const void *device, size_t bytes,
                             descent_error *error)
{
    if (!status)
        CUDA(cudaDeviceSynchronize());
    if (!status && host != NULL)
        CUDA(cudaMemcpy(host, device, bytes, cudaMemcpyDeviceToHost));
cleanup:
    while (p->count > 0)
        cudaFree(p->buffer[--p->count]);
    return status;
}
#define UP(host, bytes, device)                                       \
    do {                                                              \
        if (!status)                                                  \
            status = upload(&p, host, bytes, (void **)&(device),      \
                            error);                                   \
    } while (0)

extern "C" descent_status descent_gpu_try_dense(size_t m, size_t n, size_t k,
                                                const float *x,
                                                const float *w, bool relu,
                                                float *out,
                                                descent_error *error)
{
    descent_status status = DESCENT_OK;
    pool p = {{NULL}, 0};
    float *dx = NULL, *dw = NULL, *dz = NULL;
    cublasHandle_t h = NULL;
    size_t f = sizeof(float);
    UP(x, m * k * f, dx);
    UP(w, (n * k + n) * f, dw);
    UP(NULL, m * n * f, dz);
    if (status)
        return finish(&p, status, NULL, NULL, 0, error);
    CUBLAS(cublasCreate(&h));
    CUBLAS(product_forward(h, m, n, k, dx, dw, dz));
    bias_kernel<<<64, ELEMENT_THREADS>>>(dz, dw + n * k, m, n, relu, dz);
    CUDA(cudaGetLastError());
cleanup:
    if (h != NULL)
        cublasDestroy(h);
    return finish(&p, status, out, dz, m * n * f, error);
}
extern "C" descent_status descent_gpu_try_norm(size_t m, size_t n,
                                               const float *in,
                                               const float *w, float *s,
                                               bool training, float *out,
                                               descent_error *error)
{
    descent_status status = DESCENT_OK;
    pool p = {{NULL}, 0};
    float *dz = NULL, *dw = NULL, *ds = NULL, *da = NULL;
    size_t f = sizeof(float);
    UP(in, m * n * f, dz);
    UP(w, 2 * n * f, dw);
    UP(s, 4 * n * f, ds);
    UP(NULL, m * n * f, da);
    if (status)
        return finish(&p, status, NULL, NULL, 0, error);
    if (training)
        norm_stats_kernel<<<column_blocks(n), column_threads>>>(
            dz, m, n, ds, (float)DESCENT_BATCHNORM_MOMENTUM,
            (float)DESCENT_BATCHNORM_EPS);
    else
        norm_eval_kernel<<<(unsigned)((n + 255) / 256), 256>>>(
            n, ds, (float)DESCENT_BATCHNORM_EPS);
    norm_apply_kernel<<<64, ELEMENT_THREADS>>>(dz, m, n, dw, ds, da);
    CUDA(cudaGetLastError());
    CUDA(cudaMemcpy(s, ds, 4 * n * f, cudaMemcpyDeviceToHost));
cleanup:
    return finish(&p, status, out, da, m * n * f, error);
}
extern "C" descent_status descent_gpu_try_norm_back(size_t m, size_t n,
                                                    const float *in,
                                                    const float *out,
                                                    const float *w,
                                                    const float *s,
                                                    float *delta, float *dw,
                                                    float *dbias,
                                                    descent_error *error)
{
    descent_status status = DESCENT_OK;
    pool p = {{NULL}, 0};
    float *dz = NULL, *da = NULL, *dwt = NULL, *ds = NULL, *dd = NULL,
          *dg = NULL;
    size_t f = sizeof(float);
    UP(in, m * n * f, dz);
    UP(out, m * n * f, da);
    UP(w, 2 * n * f, dwt);
    UP(s, 4 * n * f, ds);
    UP(delta, m * n * f, dd);
    UP(NULL, 3 * n * f, dg);
    if (status)
        return finish(&p, status, NULL, NULL, 0, error);
    norm_back_kernel<<<column_blocks(n), column_threads>>>(
        dd, dz, da, m, n, dwt, ds, dg, dg + 2 * n);
    CUDA(cudaGetLastError());
    CUDA(cudaMemcpy(delta, dd, m * n * f, cudaMemcpyDeviceToHost));
    CUDA(cudaMemcpy(dw, dg, 2 * n * f, cudaMemcpyDeviceToHost));
cleanup:
    return finish(&p, status, dbias, dg + 2 * n, n * f, error);
}

extern "C" descent_status descent_gpu_try_relu_back(size_t m, size_t n,
                                                    const float *out,
                                                    float *delta,
                                                    float *dbias,
                                                    descent_error *error)
{
    descent_status status = DESCENT_OK;
    pool p = {{NULL}, 0};
    float *da = NULL, *dd = NULL, *db = NULL;
    size_t f = sizeof(float);
    if (out != NULL)
        UP(out, m * n * f, da);
    UP(delta, m * n * f, dd);
    UP(NULL, n * f, db);
    if (status)
        return finish(&p, status, NULL, NULL, 0, error);
    relu_back_kernel<<<column_blocks(n), column_threads>>>(dd, da, m, n, db);
    CUDA(cudaGetLastError());
    CUDA(cudaMemcpy(delta, dd, m * n * f, cudaMemcpyDeviceToHost));
cleanup:
    return finish(&p, status, dbias, db, n * f, error);
}
extern "C" descent_status descent_gpu_try_softmax(size_t m, size_t n,
                                                  const float *z,
                                                  const int32_t *labels,
                                                  float *loss, float *delta,
                                                  descent_error *error)
{
    descent_status status = DESCENT_OK;
    pool p = {{NULL}, 0};
    float *dz = NULL, *dl = NULL, *dd = NULL;
    int32_t *dy = NULL, *dr = NULL;
    size_t f = sizeof(float);
    UP(z, m * n * f, dz);
    UP(labels, m * sizeof(int32_t), dy);
    UP(NULL, m * f, dl);
    UP(NULL, m * sizeof(int32_t), dr);
    UP(NULL, m * n * f, dd);
    if (status)
        return finish(&p, status, NULL, NULL, 0, error);
    softmax_kernel<<<(unsigned)((m + 127) / 128), 128>>>(dz, dy, m, n, dl,
                                                         dr, dd);
    CUDA(cudaGetLastError());
    CUDA(cudaMemcpy(loss, dl, m * f, cudaMemcpyDeviceToHost));
cleanup:
    return finish(&p, status, delta, dd, m * n * f, error);
}
extern "C" descent_status descent_gpu_try_update(
    descent_adaptive_kind kind, const descent_adaptive_options *o, size_t n,
    size_t steps, double lr, float *theta, const float *g, float *m,
    float *v, descent_error *error)
{
    descent_status status = DESCENT_OK;
    pool p = {{NULL}, 0};
    float *dt = NULL, *dg = NULL, *dm = NULL, *dv = NULL;
    size_t f = sizeof(float);
    descent_k_rule c = descent_gpu_rule_of(kind, o, steps + 1, lr);
    UP(theta, n * f, dt);
    UP(g, n * f, dg);
    if (m != NULL)
        UP(m, n * f, dm);
    if (v != NULL)
        UP(v, n * f, dv);
    if (status)
        return finish(&p, status, NULL, NULL, 0, error);
    if (kind == DESCENT_ADAPTIVE_SGD)
        sgd_kernel<<<64, ELEMENT_THREADS>>>(c, n, dt, dg, dm);
    else
        adam_kernel<<<64, ELEMENT_THREADS>>>(c, n, dt, dg, dm, dv);
    CUDA(cudaGetLastError());
    if (m != NULL)
        CUDA(cudaMemcpy(m, dm, n * f, cudaMemcpyDeviceToHost));
    if (v != NULL)
        CUDA(cudaMemcpy(v, dv, n * f, cudaMemcpyDeviceToHost));
cleanup:
    return finish(&p, status, theta, dt, n * f, error);
}
extern "C" descent_status descent_gpu_try_memory(const descent_model *model,
                                                 const descent_samples *train,
                                                 size_t capacity,
                                                 size_t *leaked,
                                                 descent_error *error)
{
    descent_status status = DESCENT_OK;
    descent_gpu *g = NULL;
    size_t before = 0, after = 0, total = 0;
    int count = 0;
    if ((status = device_count(&count, error)))
        return status;
    {
        cublasHandle_t h = NULL;
        cudaStream_t stream = NULL;
        CUDA(cudaStreamCreate(&stream));
        CUDA(cudaStreamDestroy(stream));
        CUBLAS(cublasCreate(&h));
        CUBLAS(cublasDestroy(h));
    }
    CUDA(cudaMemGetInfo(&before, &total));
    status = gpu_init(&g, model, train, DESCENT_ADAPTIVE_ADAM, NULL,
                      capacity, error);
    descent_gpu_free(g);
    cudaMemGetInfo(&after, &total);
    *leaked = before > after ? before - after : 0;
cleanup:
    return status;
}
static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Run LAUNCH 20 times between two events; the mean in *seconds. */
#define TIME20(seconds, launch)                                       \
    do {                                                              \
        float ms_ = 0;                                                \
        CUDA(cudaEventRecord(start, g->stream));                      \
        for (int r_ = 0; r_ < 20; r_++) {                             \
            launch;                                                   \
        }                                                             \
        CUDA(cudaEventRecord(stop, g->stream));                       \
        CUDA(cudaEventSynchronize(stop));                             \
        CUDA(cudaEventElapsedTime(&ms_, start, stop));                \
        *(seconds) = ms_ / 1e3 / 20;                                  \
    } while (0)
static descent_gpu_kernel_time *kernel_entry(descent_gpu_timing *t,
                                             const char *name, double bytes,
                                             double flops)
{
    descent_gpu_kernel_time *k = &t->kernel[t->kernels++];
    snprintf(k->name, sizeof k->name, "%s", name);
    k->bytes = bytes;
    k->flops = flops;
    return k;
}
extern "C" descent_status descent_gpu_time(descent_gpu *g,
                                           const size_t *index, size_t m,
                                           double lr, size_t steps,
                                           descent_gpu_timing *t,
                                           descent_error *error)
{
    descent_status status = descent_gpu_check_step(
        g != NULL ? &g->shape : NULL, index, m, lr, error);
    cudaEvent_t start = NULL, stop = NULL;
    double *times = NULL;
    float *big = NULL;
    if (status)
        return status;
    if (t == NULL || steps == 0 || g->shape.plan.stages < 3 ||
        !g->shape.plan.stage[1].batchnorm)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "descent_gpu_time: needs t, steps > 0 and a "
                            "normalized second hidden stage");
    memset(t, 0, sizeof *t);
    times = (double *)malloc(steps * sizeof *times);
    if (times == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "descent_gpu_time: %zu steps", steps);
    CUDA(cudaEventCreate(&start));
    CUDA(cudaEventCreate(&stop));
    for (size_t s = 0; s < 10 + steps; s++) {
        float ms = 0;
        CUDA(cudaEventRecord(start, g->stream));
        if ((status = gradient(g, index, m, NULL, error)) ||
            (status = update(g, lr, error)))
            goto cleanup;
        CUDA(cudaEventRecord(stop, g->stream));
        CUDA(cudaEventSynchronize(stop));
        CUDA(cudaEventElapsedTime(&ms, start, stop));
        if (s >= 10)
            times[s - 10] = ms / 1e3;
    }
    qsort(times, steps, sizeof *times, compare_doubles);
    t->median = times[steps / 2];
    t->p10 = times[steps / 10];
    t->p90 = times[steps * 9 / 10];
    {
        const descent_gpu_stage *st = &g->shape.plan.stage[1];
        size_t n = st->outputs, k = st->inputs, C = g->shape.plan.classes,
               P = g->shape.plan.parameters;
        double mn = (double)m * (double)n, flops = 2 * mn * (double)k;
        const float *w = g->theta + st->weights;
        float *state = g->state + st->state, *dw = g->gradient + st->weights;
        descent_k_rule c = descent_gpu_rule_of(g->shape.rule, &g->shape.options,
                                               g->steps + 1, lr);
        TIME20(&kernel_entry(t, "sgemm, forward", 4 * (mn + m * k + n * k),
                             flops)->seconds,
               CUBLAS(product_forward(g->blas, m, n, k, g->a[0], w, g->z[1])));
        TIME20(&kernel_entry(t, "bias", 4 * (2 * mn + n), 0)->seconds,
               (bias_kernel<<<element_blocks(g, m * n), ELEMENT_THREADS, 0,
                              g->stream>>>(g->z[1], w + n * k, m, n, false,
                                           g->z[1])));
        TIME20(&kernel_entry(t, "normalization statistics", 4 * 2 * mn,
                             0)->seconds,
               (norm_stats_kernel<<<column_blocks(n), column_threads, 0,
                                    g->stream>>>(g->z[1], m, n, state,
                                     (float)DESCENT_BATCHNORM_MOMENTUM,
                                     (float)DESCENT_BATCHNORM_EPS)));
        TIME20(&kernel_entry(t, "normalization and ReLU", 4 * 2 * mn, 0)->seconds,
               (norm_apply_kernel<<<element_blocks(g, m * n), ELEMENT_THREADS,
                                    0, g->stream>>>(g->z[1], m, n,
                                                    g->theta + st->norm, state,
                                                    g->a[1])));
        TIME20(&kernel_entry(t, "softmax cross-entropy", 4 * 2.0 * m * C,
                             0)->seconds,
               (softmax_kernel<<<(unsigned)((m + 127) / 128), 128, 0, g->stream>>>(
                   g->z[g->shape.plan.stages - 1], g->labels, m, C, g->loss,
                   g->right, g->delta[1])));
        TIME20(&kernel_entry(t, "ReLU and normalization backward", 4 * 7 * mn,
                             0)->seconds,
               (norm_back_kernel<<<column_blocks(n), column_threads, 0,
                                   g->stream>>>(g->delta[0], g->z[1], g->a[1], m, n,
                                                g->theta + st->norm, state,
                                                g->gradient + st->norm,
                                                dw + n * k)));
        TIME20(&kernel_entry(t, "sgemm, weight gradient", 4 * (mn + m * k + n * k),
                             flops)->seconds,
               CUBLAS(product_weights(g->blas, m, n, k, g->delta[0], g->a[0], dw)));
        TIME20(&kernel_entry(t, "sgemm, signal", 4 * (mn + m * k + n * k),
                             flops)->seconds,
               CUBLAS(product_back(g->blas, m, n, k, g->delta[0], w, g->delta[1])));
        TIME20(&kernel_entry(t, "Adam update", 4 * 7.0 * (double)P, 0)->seconds,
               (adam_kernel<<<element_blocks(g, P), ELEMENT_THREADS, 0,
                              g->stream>>>(c, P, g->theta, g->gradient, g->m,
                                           g->v)));
    }
    {
        const size_t copy = (size_t)1 << 26, side = 8192;  /* floats */
        double seconds = 0;
        CUDA(cudaMalloc((void **)&big, 3 * side * side * sizeof(float)));
        CUDA(cudaMemset(big, 0, 3 * side * side * sizeof(float)));
        TIME20(&seconds, CUDA(cudaMemcpyAsync(big + copy, big, copy * 4,
                                              cudaMemcpyDeviceToDevice,
                                              g->stream)));
        t->bandwidth = 2.0 * copy * 4 / seconds;
        const float one = 1, zero = 0;
        float *a = big, *b = big + side * side, *cc = big + 2 * side * side;
        TIME20(&seconds, CUBLAS(cublasSgemm(g->blas, CUBLAS_OP_N, CUBLAS_OP_N,
                                            (int)side, (int)side, (int)side,
                                            &one, a, (int)side, b, (int)side,
                                            &zero, cc, (int)side)));
        t->sgemm = 2.0 * side * side * side / seconds;
    }
cleanup:
    if (big != NULL)
        cudaFree(big);
    if (start != NULL)
        cudaEventDestroy(start);
    if (stop != NULL)
        cudaEventDestroy(stop);
    free(times);
    return status;
}
