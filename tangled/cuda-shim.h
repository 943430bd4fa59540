/* cuda-shim.h: generated from chapters/10-gpu.nw; do not edit. Just
   enough of CUDA for clang to compile gpu.cu without the toolkit. */
#ifndef DESCENT_CUDA_SHIM_H
#define DESCENT_CUDA_SHIM_H

#include <stddef.h>

#ifndef __CUDACC__
#define __CUDACC__ 1
#endif
#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))

struct dim3 {
    unsigned x, y, z;
    __host__ __device__ constexpr dim3(unsigned x = 1, unsigned y = 1,
                                       unsigned z = 1)
        : x(x), y(y), z(z) {}
};

struct descent_shim_index { unsigned x, y, z; };
#define DESCENT_SHIM_INDEX(name, register)                            \
    __device__ static inline descent_shim_index descent_shim_##name()  \
    {                                                                 \
        return {(unsigned)__nvvm_read_ptx_sreg_##register##_x(),      \
                (unsigned)__nvvm_read_ptx_sreg_##register##_y(),      \
                (unsigned)__nvvm_read_ptx_sreg_##register##_z()};     \
    }
DESCENT_SHIM_INDEX(thread, tid)
DESCENT_SHIM_INDEX(block, ctaid)
DESCENT_SHIM_INDEX(block_size, ntid)
DESCENT_SHIM_INDEX(grid_size, nctaid)
#define threadIdx (descent_shim_thread())
#define blockIdx (descent_shim_block())
#define blockDim (descent_shim_block_size())
#define gridDim (descent_shim_grid_size())

/* __syncthreads is a built-in of clang's NVPTX target already. */

extern "C" __device__ float __nv_sqrtf(float);
extern "C" __device__ float __nv_expf(float);
extern "C" __device__ float __nv_logf(float);
__device__ static inline float sqrtf(float x) { return __nv_sqrtf(x); }
__device__ static inline float expf(float x) { return __nv_expf(x); }
__device__ static inline float logf(float x) { return __nv_logf(x); }
__device__ static inline bool isfinite(float x)
{
    return __builtin_isfinite(x);
}
typedef enum cudaError {
    cudaSuccess = 0,
    cudaErrorMemoryAllocation = 2
} cudaError_t;
typedef struct CUstream_st *cudaStream_t;
enum cudaMemcpyKind {
    cudaMemcpyHostToDevice = 1,
    cudaMemcpyDeviceToHost = 2,
    cudaMemcpyDeviceToDevice = 3
};
typedef struct CUevent_st *cudaEvent_t;
enum cudaDeviceAttr { cudaDevAttrMultiProcessorCount = 16 };
struct cudaDeviceProp {
    char name[256];
    size_t totalGlobalMem;
    int major, minor, multiProcessorCount;
};

extern "C" {
const char *cudaGetErrorString(cudaError_t error);
const char *cudaGetErrorName(cudaError_t error);
cudaError_t cudaGetLastError(void);
cudaError_t cudaGetDeviceCount(int *count);
cudaError_t cudaGetDevice(int *device);
cudaError_t cudaGetDeviceProperties(cudaDeviceProp *prop, int device);
cudaError_t cudaDeviceGetAttribute(int *value, cudaDeviceAttr attr,
                                   int device);
cudaError_t cudaDriverGetVersion(int *version);
cudaError_t cudaRuntimeGetVersion(int *version);
cudaError_t cudaStreamCreate(cudaStream_t *stream);
cudaError_t cudaStreamDestroy(cudaStream_t stream);
cudaError_t cudaStreamSynchronize(cudaStream_t stream);
cudaError_t cudaDeviceSynchronize(void);
cudaError_t cudaMalloc(void **pointer, size_t size);
cudaError_t cudaFree(void *pointer);
cudaError_t cudaMemGetInfo(size_t *free, size_t *total);
cudaError_t cudaMemcpy(void *to, const void *from, size_t count,
                       cudaMemcpyKind kind);
cudaError_t cudaMemcpyAsync(void *to, const void *from, size_t count,
                            cudaMemcpyKind kind, cudaStream_t stream);
cudaError_t cudaMemset(void *pointer, int value, size_t count);
cudaError_t cudaEventCreate(cudaEvent_t *event);
cudaError_t cudaEventDestroy(cudaEvent_t event);
cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream);
cudaError_t cudaEventSynchronize(cudaEvent_t event);
cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start,
                                 cudaEvent_t stop);
unsigned __cudaPushCallConfiguration(dim3 grid, dim3 block,
                                     size_t shared = 0, void *stream = 0);
cudaError_t cudaConfigureCall(dim3 grid, dim3 block, size_t shared = 0,
                              cudaStream_t stream = 0);
}
typedef struct cublasContext *cublasHandle_t;
typedef enum {
    CUBLAS_STATUS_SUCCESS = 0,
    CUBLAS_STATUS_ALLOC_FAILED = 3
} cublasStatus_t;
typedef enum { CUBLAS_OP_N = 0, CUBLAS_OP_T = 1 } cublasOperation_t;
typedef enum {
    CUBLAS_DEFAULT_MATH = 0,
    CUBLAS_PEDANTIC_MATH = 2
} cublasMath_t;

extern "C" {
cublasStatus_t cublasCreate(cublasHandle_t *handle);
cublasStatus_t cublasDestroy(cublasHandle_t handle);
cublasStatus_t cublasSetStream(cublasHandle_t handle, cudaStream_t stream);
cublasStatus_t cublasSetMathMode(cublasHandle_t handle, cublasMath_t mode);
const char *cublasGetStatusString(cublasStatus_t status);
cublasStatus_t cublasSgemm(cublasHandle_t handle, cublasOperation_t transa,
                           cublasOperation_t transb, int m, int n, int k,
                           const float *alpha, const float *a, int lda,
                           const float *b, int ldb, const float *beta,
                           float *c, int ldc);
}

#endif
