/* adapt-mnist.c: data for Figure "adapt-mnist" of Chapter 8
   (fig:adapt-mnist). Trains the network of Claim adaptive-mnist, a
   784-32-10 ReLU MLP, on the first 5000 Fashion-MNIST training images
   for 15 epochs with each of the nine rules of that claim's table (the
   same rules, steps, initial weights and shuffling seed as its test in
   verify/08-adaptive.c, so that the curves end at the table's values):
   minibatches of 64 for seven of them, the whole subset as one batch
   for Rprop and Quickprop. Writes OUTDIR/adapt-mnist.dat, one block
   per rule (gnuplot's index), one row per epoch from epoch 0 (the
   untrained network): epoch, the mean training loss of the epoch (at
   epoch 0, the loss of the untrained network on the subset), the test
   loss and the test accuracy on the first 2000 test images. OpenBLAS
   runs on one thread, as in the suite. */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

enum { TRAIN = 5000, TEST = 2000, HIDDEN = 32, EPOCHS = 15, BATCH = 64,
       RULES = 9 };

typedef struct rule {
    const char *name;
    descent_adaptive_kind kind;
    double eta, momentum;
    bool nesterov, full_batch;
} rule;

/* The table of verify/08-adaptive.c's mnist_rules; keep them equal. */
static const rule rules[RULES] = {
    {"SGD", DESCENT_ADAPTIVE_SGD, 0.01, 0, false, false},
    {"momentum", DESCENT_ADAPTIVE_SGD, 0.01, 0.9, false, false},
    {"Nesterov", DESCENT_ADAPTIVE_SGD, 0.01, 0.9, true, false},
    {"AdaGrad", DESCENT_ADAPTIVE_ADAGRAD, 0.01, 0, false, false},
    {"RMSProp", DESCENT_ADAPTIVE_RMSPROP, 0.001, 0, false, false},
    {"Adam", DESCENT_ADAPTIVE_ADAM, 0.001, 0, false, false},
    {"AdamW", DESCENT_ADAPTIVE_ADAMW, 0.001, 0, false, false},
    {"Rprop", DESCENT_ADAPTIVE_RPROP, 0.01, 0, false, true},
    {"Quickprop", DESCENT_ADAPTIVE_QUICKPROP, 0.01, 0, false, true}};

static void run(const rule *u, const descent_samples *train,
                const descent_samples *test,
                descent_epoch_record record[EPOCHS + 1])
{
    const size_t hidden[1] = {HIDDEN};
    descent_model model;
    descent_optimizer opt;
    descent_adaptive_options o;
    descent_schedule schedule;
    descent_random r;
    descent_error err;
    figure_check(descent_mlp_init(&model, 784, 1, hidden, DESCENT_LAYER_RELU,
                                  10, TRAIN, &err), "model", err.message);
    descent_random_seed(&r, 1);
    figure_check(descent_model_init_weights(&model, &r, &err), "weights",
                 err.message);
    figure_check(descent_adaptive_defaults(u->kind, &o, &err), "defaults",
                 err.message);
    o.momentum = u->momentum;
    o.nesterov = u->nesterov;
    figure_check(descent_adaptive_optimizer_init(&opt, model.parameters,
                                                 u->kind, &o, &err),
                 u->name, err.message);
    figure_check(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                       u->eta, 0, 0, &err),
                 "schedule", err.message);
    record[0] = (descent_epoch_record){0};
    figure_check(descent_model_evaluate(&model, train, &record[0].train_loss,
                                        NULL, &err), "evaluate", err.message);
    figure_check(descent_model_evaluate(&model, test, &record[0].test_loss,
                                        &record[0].test_accuracy, &err),
                 "evaluate", err.message);
    const descent_train_options options = {
        .epochs = EPOCHS, .batch = u->full_batch ? TRAIN : BATCH, .seed = 2,
        .optimizer = &opt, .schedule = &schedule, .test = test,
        .quiet = true};
    figure_check(descent_train(&model, train, &options, record + 1, &err),
                 u->name, err.message);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    descent_epoch_record record[EPOCHS + 1];
    descent_samples train, test;
    descent_error err;
    openblas_set_num_threads(1);
    figure_check(descent_fashion_mnist_load(&train, true, TRAIN, &err),
                 "training set", err.message);
    figure_check(descent_fashion_mnist_load(&test, false, TEST, &err),
                 "test set", err.message);
    FILE *out = figure_open(folder, "adapt-mnist.dat");
    fprintf(out, "# one block per rule; epoch, training loss, test loss, "
                 "test accuracy\n");
    for (int k = 0; k < RULES; k++) {
        run(&rules[k], &train, &test, record);
        fprintf(out, "%s# %s\n", k > 0 ? "\n\n" : "", rules[k].name);
        for (int e = 0; e <= EPOCHS; e++)
            fprintf(out, "%d %.6f %.6f %.4f\n", e, record[e].train_loss,
                    record[e].test_loss, record[e].test_accuracy);
    }
    figure_close(out, "adapt-mnist.dat");
    descent_samples_free(&train);
    descent_samples_free(&test);
    return EXIT_SUCCESS;
}
