/* gpu-curves.c: data for Figure "gpu-curves" of Chapter 10
   (fig:gpu-curves). Trains the network of Claim fused-accuracy
   (784-256-256-10, each hidden layer dense, batch normalization, ReLU;
   softmax-cross-entropy) on all 60000 Fashion-MNIST training images
   with the fused CPU step, descent_fused_gradient: batch 128, Adam at
   PyTorch's defaults with a constant step 1e-3, weights and shuffles
   from seed 1, as in that claim's test (so that the first epoch is the
   test's run), for EPOCHS epochs, evaluated on all 10000 test images
   after every epoch. Writes OUTDIR/gpu-curves-steps.dat (the mean
   minibatch loss over each eighth of an epoch, at the middle of that
   eighth, in epochs) and OUTDIR/gpu-curves-epochs.dat (epoch, the
   epoch's mean training loss, test loss, test accuracy; epoch 0 is the
   untrained network, without a training loss). OpenBLAS runs on one
   thread, as in the suite. */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

enum { EPOCHS = 6, BATCH = 128, WIDTH = 256, SEED = 1, PARTS = 8 };

/* The minibatch losses summed over each eighth of each epoch. */
typedef struct windows {
    size_t batches;                      /* minibatches per epoch */
    double sum[EPOCHS * PARTS];
    size_t count[EPOCHS * PARTS];
} windows;

static void collect(size_t step, double loss, void *context)
{
    windows *w = context;
    size_t epoch = step / w->batches, b = step % w->batches;
    size_t part = epoch * PARTS + b * PARTS / w->batches;
    if (part < EPOCHS * PARTS) {
        w->sum[part] += loss;
        w->count[part]++;
    }
}

static void make_model(descent_model *model)
{
    const descent_layer_spec spec[] = {
        {DESCENT_LAYER_DENSE, WIDTH}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, WIDTH}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_random r;
    descent_error err;
    figure_check(descent_model_init(model, 784, sizeof spec / sizeof spec[0],
                                    spec, BATCH, &err), "model", err.message);
    descent_random_seed(&r, SEED);
    figure_check(descent_model_init_weights(model, &r, &err), "weights",
                 err.message);
}

static void train(descent_model *model, const descent_samples *data,
                  const descent_samples *test, windows *w,
                  descent_epoch_record record[EPOCHS])
{
    descent_optimizer adam;
    descent_adaptive_options o;
    descent_schedule schedule;
    descent_error err;
    figure_check(descent_adaptive_defaults(DESCENT_ADAPTIVE_ADAM, &o, &err),
                 "defaults", err.message);
    figure_check(descent_adaptive_optimizer_init(&adam, model->parameters,
                                                 DESCENT_ADAPTIVE_ADAM, &o,
                                                 &err), "Adam", err.message);
    figure_check(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                       1e-3, 0, 0, &err),
                 "schedule", err.message);
    const descent_train_options options = {
        .epochs = EPOCHS, .batch = BATCH, .seed = SEED, .optimizer = &adam,
        .schedule = &schedule, .test = test, .quiet = true,
        .callback = collect, .context = w,
        .gradient = descent_fused_gradient};
    figure_check(descent_train(model, data, &options, record, &err), "train",
                 err.message);
    descent_optimizer_free(&adam);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    descent_samples data, test;
    descent_model model;
    descent_epoch_record record[EPOCHS];
    descent_error err;
    double loss0, accuracy0;
    static windows w;
    openblas_set_num_threads(1);
    figure_check(descent_fashion_mnist_load(&data, true, 0, &err),
                 "training set", err.message);
    figure_check(descent_fashion_mnist_load(&test, false, 0, &err),
                 "test set", err.message);
    make_model(&model);
    figure_check(descent_fused_check(&model, &err), "fused", err.message);
    figure_check(descent_model_evaluate(&model, &test, &loss0, &accuracy0,
                                        &err), "evaluate", err.message);
    w.batches = (data.count + BATCH - 1) / BATCH;
    train(&model, &data, &test, &w, record);

    FILE *steps = figure_open(folder, "gpu-curves-steps.dat");
    fprintf(steps, "# epochs (middle of an eighth of an epoch), mean "
                   "minibatch loss over it\n");
    for (size_t p = 0; p < EPOCHS * PARTS; p++)
        fprintf(steps, "%.4f %.6f\n", ((double)p + 0.5) / PARTS,
                w.sum[p] / (double)w.count[p]);
    figure_close(steps, "gpu-curves-steps.dat");

    FILE *epochs = figure_open(folder, "gpu-curves-epochs.dat");
    fprintf(epochs, "# epoch, training loss (mean of the epoch), test loss, "
                    "test accuracy\n0 NaN %.6f %.4f\n", loss0, accuracy0);
    for (int e = 0; e < EPOCHS; e++)
        fprintf(epochs, "%zu %.6f %.6f %.4f\n", record[e].epoch,
                record[e].train_loss, record[e].test_loss,
                record[e].test_accuracy);
    figure_close(epochs, "gpu-curves-epochs.dat");
    descent_model_free(&model);
    descent_samples_free(&data);
    descent_samples_free(&test);
    return EXIT_SUCCESS;
}
