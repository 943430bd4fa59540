/* stoch-mnist.c: data for Figure "stoch-mnist" of Chapter 7
   (fig:stoch-mnist). Trains a 784-128-10 ReLU network on the full
   Fashion-MNIST training set for 5 epochs, minibatches of 64, a
   constant step eta = 0.01, twice from the same initial weights and
   shuffling seed: plain minibatch SGD, and SGD with heavy-ball momentum
   beta = 0.9. Writes OUTDIR/stoch-mnist.dat (per epoch, from epoch 0,
   the untrained network: the mean training loss (during the epoch), the test loss and
   the test accuracy of each run) and OUTDIR/stoch-mnist.vars (gnuplot
   assignments of the final test accuracies, for the key). OpenBLAS
   runs on one thread: on products this small, threads cost more than
   they give. */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

enum { EPOCHS = 5, RUNS = 2 };

/* One run; row e of record is epoch e (row 0: before training). */
static void run(const descent_samples *train, const descent_samples *test,
                double beta, descent_epoch_record record[EPOCHS + 1])
{
    const size_t hidden[1] = {128};
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_random r;
    descent_error err;
    figure_check(descent_mlp_init(&model, 784, 1, hidden, DESCENT_LAYER_RELU,
                                  10, 64, &err), "model", err.message);
    descent_random_seed(&r, 1);
    figure_check(descent_model_init_weights(&model, &r, &err), "weights",
                 err.message);
    figure_check(descent_sgd_init(&opt, model.parameters, beta, false, &err),
                 "optimizer", err.message);
    figure_check(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                       0.01, 0, 0, &err),
                 "schedule", err.message);
    record[0] = (descent_epoch_record){0};
    figure_check(descent_model_evaluate(&model, train, &record[0].train_loss,
                                        NULL, &err), "evaluate", err.message);
    figure_check(descent_model_evaluate(&model, test, &record[0].test_loss,
                                        &record[0].test_accuracy, &err),
                 "evaluate", err.message);
    const descent_train_options options = {
        .epochs = EPOCHS, .batch = 64, .seed = 2, .optimizer = &opt,
        .schedule = &schedule, .test = test};
    figure_check(descent_train(&model, train, &options, record + 1, &err),
                 "train", err.message);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const double beta[RUNS] = {0, 0.9};
    descent_epoch_record record[RUNS][EPOCHS + 1];
    descent_samples train, test;
    descent_error err;
    openblas_set_num_threads(1);     /* small products: threads cost more */
    figure_check(descent_fashion_mnist_load(&train, true, 0, &err),
                 "training set", err.message);
    figure_check(descent_fashion_mnist_load(&test, false, 0, &err),
                 "test set", err.message);
    for (int k = 0; k < RUNS; k++)
        run(&train, &test, beta[k], record[k]);
    FILE *out = figure_open(folder, "stoch-mnist.dat");
    fprintf(out, "# epoch, then for SGD and for momentum 0.9: training "
                 "loss, test loss, test accuracy\n");
    for (int e = 0; e <= EPOCHS; e++) {
        fprintf(out, "%d", e);
        for (int k = 0; k < RUNS; k++)
            fprintf(out, " %.6f %.6f %.4f", record[k][e].train_loss,
                    record[k][e].test_loss, record[k][e].test_accuracy);
        fprintf(out, "\n");
    }
    figure_close(out, "stoch-mnist.dat");
    out = figure_open(folder, "stoch-mnist.vars");
    fprintf(out, "accuracy_sgd = %.4f\naccuracy_momentum = %.4f\n",
            record[0][EPOCHS].test_accuracy, record[1][EPOCHS].test_accuracy);
    figure_close(out, "stoch-mnist.vars");
    descent_samples_free(&train);
    descent_samples_free(&test);
    return EXIT_SUCCESS;
}
