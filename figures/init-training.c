/* init-training.c: data for Figure "init-training" of Chapter 9
   (fig:init-training). Trains a plain ReLU network of 15 hidden layers
   of 64 units (784-64x15-10) on the first 4096 Fashion-MNIST training
   images with plain SGD at the constant step eta = 0.01 and momentum
   0.9, minibatches of 64, the same shuffling seed for every run, once
   per initialization of descent_model_initialize, every one drawn from
   the seed 1: He normal (the default), He uniform, Glorot uniform,
   PyTorch's default, N(0, 0.01^2) and the constant 0.1. Writes
   OUTDIR/init-training.dat (one block a run: the epoch, from 0 for the
   untrained network, and the mean training loss: the loss over the set
   at epoch 0, the epoch's mean minibatch loss after) and
   OUTDIR/init-training.vars (the key's titles). */
#include <cblas.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include "descent.h"
#include "figure.h"

enum { IMAGES = 4096, HIDDEN = 15, WIDTH = 64, EPOCHS = 10, BATCH = 64,
       RUNS = 6 };

/* One run: loss[e] for e = 0..EPOCHS; a run whose loss stops being
   finite stops there, and the count of entries comes back. */
static int run(const descent_samples *train, const descent_init *init,
               double loss[EPOCHS + 1])
{
    descent_layer_spec spec[2 * HIDDEN + 2];
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_random r;
    descent_error err;
    descent_epoch_record record[EPOCHS];
    size_t count = 0;
    for (int h = 0; h < HIDDEN; h++) {
        spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, WIDTH};
        spec[count++] = (descent_layer_spec){DESCENT_LAYER_RELU, 0};
    }
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, 10};
    spec[count++] =
        (descent_layer_spec){DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0};
    figure_check(descent_model_init(&model, 784, count, spec, BATCH, &err),
                 "model", err.message);
    descent_random_seed(&r, 1);
    figure_check(descent_model_initialize(&model, init, &r, &err),
                 "initialize", err.message);
    figure_check(descent_sgd_init(&opt, model.parameters, 0.9, false, &err),
                 "optimizer", err.message);
    figure_check(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                       0.01, 0, 0, &err),
                 "schedule", err.message);
    figure_check(descent_model_evaluate(&model, train, &loss[0], NULL, &err),
                 "evaluate", err.message);
    const descent_train_options options = {
        .epochs = EPOCHS, .batch = BATCH, .seed = 2, .optimizer = &opt,
        .schedule = &schedule, .quiet = true};
    descent_status status = descent_train(&model, train, &options, record,
                                          &err);
    int entries = 1;
    if (status != DESCENT_NONFINITE) {
        figure_check(status, "train", err.message);
        for (int e = 0; e < EPOCHS && isfinite(record[e].train_loss); e++)
            loss[entries++] = record[e].train_loss;
    }
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    return entries;
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const struct {
        descent_init init;
        const char *title;
    } runs[RUNS] = {
        {{DESCENT_INIT_HE_NORMAL, NAN, 0}, "He normal (default)"},
        {{DESCENT_INIT_HE_UNIFORM, NAN, 0}, "He uniform"},
        {{DESCENT_INIT_GLOROT_UNIFORM, NAN, 0}, "Glorot uniform"},
        {{DESCENT_INIT_PYTORCH, NAN, 0},
         "PyTorch''s default"},  /* '' is gnuplot's quote */
        {{DESCENT_INIT_NORMAL, NAN, 0.01}, "$N(0,0.01^2)$"},
        {{DESCENT_INIT_CONSTANT, NAN, 0.1}, "constant $0.1$"}};
    descent_samples train;
    descent_error err;
    openblas_set_num_threads(1);     /* small products: threads cost more */
    figure_check(descent_fashion_mnist_load(&train, true, IMAGES, &err),
                 "training set", err.message);
    FILE *out = figure_open(folder, "init-training.dat");
    FILE *vars = figure_open(folder, "init-training.vars");
    fprintf(out, "# blocks: He normal, He uniform, Glorot uniform, "
                 "PyTorch's default, N(0, 0.01^2), constant 0.1; lines: "
                 "epoch, training loss\n");
    for (int k = 0; k < RUNS; k++) {
        double loss[EPOCHS + 1];
        int entries = run(&train, &runs[k].init, loss);
        for (int e = 0; e < entries; e++)
            fprintf(out, "%d %.6g\n", e, loss[e]);
        fprintf(out, "\n\n");
        fprintf(vars, "title%d = '%s%s'\n", k, runs[k].title,
                entries <= EPOCHS ? ", diverged" : "");
    }
    figure_close(out, "init-training.dat");
    figure_close(vars, "init-training.vars");
    descent_samples_free(&train);
    return 0;
}
