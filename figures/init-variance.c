/* init-variance.c: data for Figure "init-variance" of Chapter 9
   (fig:init-variance). Pushes a batch of 64 standard Gaussian inputs
   through a plain network of 32 square layers of 256 units at
   initialization, and a standard Gaussian signal back down from the top
   (descent_init_profile), and sets beside each measured profile its
   mean-field prediction (descent_init_predict). Eight networks: ReLU
   with He normal weights at gain sqrt 2, 1 and 2 and with PyTorch's
   default; tanh with Glorot normal weights at gain 1, 5/3 and 1/2; the
   logistic function with Glorot normal at gain 1. Every network draws
   from the seed 1. Writes OUTDIR/init-variance.dat (one block a
   network: the layer l = 1..32, the measured mean of z_l^2 and of
   delta_l^2, then the predicted ones) and OUTDIR/init-variance.vars
   (the key's titles). */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include "descent.h"
#include "figure.h"

enum { DEPTH = 32, WIDTH = 256, BATCH = 64, NETWORKS = 8 };

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const struct {
        descent_layer_kind activation;
        descent_init init;
        const char *title;
    } net[NETWORKS] = {
        {DESCENT_LAYER_RELU, {DESCENT_INIT_HE_NORMAL, sqrt(2.0), 0},
         "He, gain $\\sqrt2$"},
        {DESCENT_LAYER_RELU, {DESCENT_INIT_HE_NORMAL, 1, 0},
         "gain $1$"},
        {DESCENT_LAYER_RELU, {DESCENT_INIT_HE_NORMAL, 2, 0}, "gain $2$"},
        {DESCENT_LAYER_RELU, {DESCENT_INIT_PYTORCH, NAN, 0},
         "PyTorch''s default"},  /* '' is gnuplot's quote */
        {DESCENT_LAYER_TANH, {DESCENT_INIT_GLOROT_NORMAL, 1, 0},
         "Glorot, gain $1$"},
        {DESCENT_LAYER_TANH, {DESCENT_INIT_GLOROT_NORMAL, 5.0 / 3, 0},
         "gain $5/3$"},
        {DESCENT_LAYER_TANH, {DESCENT_INIT_GLOROT_NORMAL, 0.5, 0},
         "gain $1/2$"},
        {DESCENT_LAYER_LOGISTIC, {DESCENT_INIT_GLOROT_NORMAL, 1, 0},
         "logistic, gain $1$"}};
    openblas_set_num_threads(1);     /* small products: threads cost more */
    FILE *out = figure_open(folder, "init-variance.dat");
    FILE *vars = figure_open(folder, "init-variance.vars");
    fprintf(out, "# blocks: ReLU with He normal at gain sqrt 2, 1, 2 and "
                 "PyTorch's default; tanh with Glorot normal at gain 1, "
                 "5/3, 1/2; logistic with Glorot normal at gain 1. "
                 "Lines: layer, measured mean z^2, measured mean "
                 "delta^2, predicted mean z^2, predicted mean delta^2\n");
    for (int k = 0; k < NETWORKS; k++) {
        double forward[DEPTH], backward[DEPTH], q[DEPTH], r[DEPTH];
        descent_random random;
        descent_error err;
        descent_random_seed(&random, 1);
        figure_check(descent_init_profile(&net[k].init, net[k].activation,
                                          DEPTH, WIDTH, BATCH, &random,
                                          forward, backward, &err),
                     "profile", err.message);
        figure_check(descent_init_predict(&net[k].init, net[k].activation,
                                          DEPTH, WIDTH, q, r, &err),
                     "prediction", err.message);
        for (int l = 0; l < DEPTH; l++)
            fprintf(out, "%d %.6g %.6g %.6g %.6g\n", l + 1, forward[l],
                    backward[l], q[l], r[l]);
        fprintf(out, "\n\n");
        fprintf(vars, "title%d = '%s'\n", k, net[k].title);
    }
    figure_close(out, "init-variance.dat");
    figure_close(vars, "init-variance.vars");
    return 0;
}
