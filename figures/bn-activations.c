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
#include "bn.h"

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
