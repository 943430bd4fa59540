/* gpu.h: generated from chapters/10-gpu.nw; do not edit. */
#ifndef DESCENT_GPU_H
#define DESCENT_GPU_H

#include <stdbool.h>
#include <stddef.h>

#include "adaptive.h"
#include "core.h"
#include "data.h"
#include "train.h"

/* The gradient of descent_model_gradient (Chapter 7), for the models
   this chapter makes fast: hidden layers of dense, optional batch
   normalization and ReLU, then dense and softmax-cross-entropy. */
descent_status descent_fused_check(const descent_model *model,
                                   descent_error *error);
descent_status descent_fused_gradient(descent_model *model,
                                      const descent_samples *data,
                                      const size_t *index, size_t batch,
                                      double *loss, descent_error *error);
typedef struct descent_gpu_info {
    char name[256];              /* the device's name */
    int major, minor;            /* compute capability */
    int driver, runtime;         /* CUDA versions, 1000 major + 10 minor */
    int multiprocessors;
    size_t memory;               /* bytes of device memory */
} descent_gpu_info;

descent_status descent_gpu_query(descent_gpu_info *info,
                                 descent_error *error);

typedef struct descent_gpu descent_gpu;  /* opaque: device memory */

descent_status descent_gpu_init(descent_gpu **gpu,
                                const descent_model *model,
                                const descent_samples *train,
                                descent_adaptive_kind rule,
                                const descent_adaptive_options *options,
                                descent_error *error);
descent_status descent_gpu_gradient(descent_gpu *gpu, const size_t *index,
                                    size_t batch, double *loss,
                                    descent_error *error);
descent_status descent_gpu_step(descent_gpu *gpu, const size_t *index,
                                size_t batch, double lr, double *loss,
                                descent_error *error);
descent_status descent_gpu_evaluate(descent_gpu *gpu,
                                    const descent_samples *data,
                                    double *loss, double *accuracy,
                                    descent_error *error);
descent_status descent_gpu_download(descent_gpu *gpu, descent_model *model,
                                    descent_error *error);
void descent_gpu_free(descent_gpu *gpu);

#endif
