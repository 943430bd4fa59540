/* data.h: generated from chapters/07-stochastic.nw; do not edit. */
#ifndef DESCENT_DATA_H
#define DESCENT_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core.h"

typedef struct descent_samples {
    size_t count, inputs, classes;   /* classes = 0 for regression */
    size_t outputs;                  /* targets per sample, regression */
    float *x;                        /* count x inputs, row-major */
    int32_t *labels;                 /* count labels, or NULL */
    float *targets;                  /* count x outputs, or NULL */
} descent_samples;

descent_status descent_samples_init(descent_samples *s, size_t count,
                                    size_t inputs, size_t classes,
                                    size_t outputs, descent_error *error);
void descent_samples_free(descent_samples *s);
descent_status descent_idx_load(descent_samples *s, const char *images,
                                const char *labels, size_t limit,
                                descent_error *error);
descent_status descent_fashion_mnist_load(descent_samples *s,
                                          bool training, size_t limit,
                                          descent_error *error);

#endif
