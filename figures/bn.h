/* bn.h: what the figures of Chapter 9 share with the tests of claims
   bn-deep and bn-activations: the badly scaled data and the six-layer
   networks, with and without batch normalization. */
#ifndef DESCENT_FIGURES_BN_H
#define DESCENT_FIGURES_BN_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "descent.h"
#include "figure.h"

/* The badly scaled data of Chapter 9's Section "What it does to training",
   as the tests of claims bn-deep and bn-activations make it: 1024 samples
   of 16 features s_j (z_j + 1), z standard normal, the scales s_j from 10
   to 100 evenly on a logarithmic axis, labelled by the largest of four
   random linear functions of z. */
enum { COUNT = 1024, INPUTS = 16, CLASSES = 4, HIDDEN = 6, WIDTH = 32,
       BATCH = 32 };

static void make_data(descent_samples *s, uint64_t seed)
{
    double v[CLASSES][INPUTS];
    descent_random r;
    descent_error err;
    figure_check(descent_samples_init(s, COUNT, INPUTS, CLASSES, 0, &err),
                 "data", err.message);
    descent_random_seed(&r, seed);
    for (size_t k = 0; k < CLASSES; k++)
        for (size_t j = 0; j < INPUTS; j++)
            v[k][j] = descent_random_gaussian(&r);
    for (size_t i = 0; i < COUNT; i++) {
        double z[INPUTS], best = -INFINITY;
        for (size_t j = 0; j < INPUTS; j++) {
            double scale = pow(10, 1 + (double)j / (INPUTS - 1));
            z[j] = descent_random_gaussian(&r);
            s->x[i * INPUTS + j] = (float)(scale * (z[j] + 1));
        }
        for (size_t k = 0; k < CLASSES; k++) {
            double a = 0;
            for (size_t j = 0; j < INPUTS; j++)
                a += v[k][j] * z[j];
            if (a > best) {
                best = a;
                s->labels[i] = (int32_t)k;
            }
        }
    }
}

/* Six hidden layers of 32: dense, batch normalization if asked, the
   activation; pre[h] is the layer whose output is hidden layer h's
   pre-activation. Weights from the seed. */
static void make_model(descent_model *model, bool batchnorm,
                       descent_layer_kind activation, size_t capacity,
                       uint64_t seed, size_t pre[HIDDEN])
{
    descent_layer_spec spec[3 * HIDDEN + 2];
    size_t count = 0;
    descent_random r;
    descent_error err;
    for (size_t h = 0; h < HIDDEN; h++) {
        spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, WIDTH};
        if (batchnorm)
            spec[count++] = (descent_layer_spec){DESCENT_LAYER_BATCHNORM, 0};
        pre[h] = count - 1;
        spec[count++] = (descent_layer_spec){activation, 0};
    }
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, CLASSES};
    spec[count++] =
        (descent_layer_spec){DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0};
    figure_check(descent_model_init(model, INPUTS, count, spec, capacity,
                                    &err), "model", err.message);
    descent_random_seed(&r, seed);
    figure_check(descent_model_init_weights(model, &r, &err), "weights",
                 err.message);
}

#endif
