/* bn-loss.c: data for Figure "bn-loss" of Chapter 9 (fig:bn-loss). Trains
   the six-layer ReLU network of Claim bn-deep on its badly scaled data
   with plain SGD at the constant steps 0.001, 0.01, 0.1 and 1, without
   and with batch normalization, 60 epochs of 32 minibatches of 32, the
   epochs shuffled as the claim's test shuffles them. Writes
   OUTDIR/bn-loss.dat (one block a run: the step count at the end of
   each epoch and the epoch's mean minibatch loss, until the run
   diverges) and OUTDIR/bn-loss.vars (the key's titles). */
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

enum { EPOCHS = 60, RATES = 4 };

/* One run: loss[e] is epoch e+1's mean minibatch loss; the count of
   epochs trained comes back, fewer than EPOCHS when the loss overflows
   or exceeds 10^3 (the run diverged). */
static int run(const descent_samples *data, bool batchnorm, double eta,
               double loss[EPOCHS])
{
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_error err;
    size_t pre[HIDDEN];
    int epochs = 0;
    make_model(&model, batchnorm, DESCENT_LAYER_RELU, BATCH, 2, pre);
    figure_check(descent_sgd_init(&opt, model.parameters, 0, false, &err),
                 "optimizer", err.message);
    figure_check(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                       eta, 0, 0, &err),
                 "schedule", err.message);
    for (int e = 1; e <= EPOCHS; e++) {
        descent_epoch_record record;
        const descent_train_options options = {
            .epochs = 1, .batch = BATCH, .seed = (uint64_t)e,
            .optimizer = &opt, .schedule = &schedule, .quiet = true};
        descent_status status = descent_train(&model, data, &options,
                                              &record, &err);
        if (status == DESCENT_NONFINITE ||
            (!status && !(record.train_loss <= 1e3)))
            break;
        figure_check(status, "train", err.message);
        loss[epochs++] = record.train_loss;
    }
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    return epochs;
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const double eta[RATES] = {1e-3, 1e-2, 0.1, 1};
    descent_samples data;
    openblas_set_num_threads(1);     /* small products: threads cost more */
    make_data(&data, 2);
    FILE *out = figure_open(folder, "bn-loss.dat");
    FILE *vars = figure_open(folder, "bn-loss.vars");
    fprintf(out, "# blocks: without batch normalization, eta = 0.001, "
                 "0.01, 0.1, 1, then with; lines: step, mean minibatch "
                 "loss of the epoch that ends there\n");
    for (int bn = 0; bn < 2; bn++)
        for (int q = 0; q < RATES; q++) {
            double loss[EPOCHS];
            int epochs = run(&data, bn, eta[q], loss);
            for (int e = 0; e < epochs; e++)
                fprintf(out, "%d %.6g\n", (e + 1) * (COUNT / BATCH),
                        loss[e]);
            if (epochs == 0)
                fprintf(out, "0 NaN\n");
            fprintf(out, "\n\n");
            fprintf(vars, "title%d%d = '$\\eta=%g$%s'\n", bn, q, eta[q],
                    epochs < EPOCHS ? ", diverged" : "");
        }
    figure_close(out, "bn-loss.dat");
    figure_close(vars, "bn-loss.vars");
    descent_samples_free(&data);
    return 0;
}
