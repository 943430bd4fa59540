/* bn-activations.c: data for Figure "bn-activations" of Chapter 9
   (fig:bn-activations). Makes the six-layer tanh networks of Claim
   bn-activations, without and with batch normalization, passes the
   first 256 samples of the claim's badly scaled data through each in
   training mode, and writes OUTDIR/bn-activations.dat: for each network
   a histogram (40 bins of [-1, 1], as densities) of every hidden layer's
   activations tanh(z). */
#include <cblas.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
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

enum { PROBE = 256, BINS = 40 };

/* The density of tanh(z) over the bins of [-1, 1], for each hidden layer
   of the network, at initialization, in training mode over the first 256
   samples: as the test of Claim bn-activations measures it. */
static void histograms(const descent_samples *data, bool batchnorm,
                       double density[HIDDEN][BINS])
{
    descent_model model;
    descent_error err;
    size_t pre[HIDDEN];
    double loss;
    make_model(&model, batchnorm, DESCENT_LAYER_TANH, PROBE, 1, pre);
    figure_check(descent_model_gradient(&model, data, NULL, PROBE, &loss,
                                        &err), "gradient", err.message);
    for (size_t h = 0; h < HIDDEN; h++) {
        const float *z = model.layer[pre[h]].out;
        for (int b = 0; b < BINS; b++)
            density[h][b] = 0;
        for (size_t i = 0; i < PROBE * WIDTH; i++) {
            int b = (int)floor((tanh(z[i]) + 1) / 2 * BINS);
            density[h][b < 0 ? 0 : b >= BINS ? BINS - 1 : b] +=
                BINS / 2.0 / (PROBE * WIDTH);
        }
    }
    descent_model_free(&model);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    double density[HIDDEN][BINS];
    descent_samples data;
    openblas_set_num_threads(1);     /* small products: threads cost more */
    make_data(&data, 2);
    FILE *out = figure_open(folder, "bn-activations.dat");
    fprintf(out, "# blocks: without batch normalization, with; lines: the "
                 "bin's left and right ends in tanh(z), then the density "
                 "of hidden layers 1 to %d\n", HIDDEN);
    for (int bn = 0; bn < 2; bn++) {
        histograms(&data, bn, density);
        for (int b = 0; b < BINS; b++) {
            fprintf(out, "%g %g", -1 + 2.0 * b / BINS,
                    -1 + 2.0 * (b + 1) / BINS);
            for (size_t h = 0; h < HIDDEN; h++)
                fprintf(out, " %.6g", density[h][b]);
            fprintf(out, "\n");
        }
        fprintf(out, "\n\n");
    }
    figure_close(out, "bn-activations.dat");
    descent_samples_free(&data);
    return 0;
}
