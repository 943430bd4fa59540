/* bn-norms.c: data for Figure "bn-norms" of Chapter 9 (fig:bn-norms).
   Trains the batch-normalized six-layer ReLU network of Claim bn-deep on
   its badly scaled data with plain SGD at the constant steps 0.01, 0.1
   and 1, 60 epochs of 32 minibatches of 32, and follows the dense layer
   of the third hidden layer, whose outputs are batch-normalized: after
   every step, the norm of its weights, the norm the scale invariance
   predicts (the weights' gradient is orthogonal to them, so each step
   adds eta^2 |g|^2 to |W|^2), and the norm of its gradient, and that
   norm's mean over the last epoch. Writes
   OUTDIR/bn-norms.dat. */
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

enum { EPOCHS = 60, RATES = 3, WATCHED = 3 };   /* hidden layer 3's dense */

/* What the callback needs: the model, the watched layer's slice, the
   step, and the sum of eta^2 |g_k|^2 so far. */
typedef struct watch {
    const descent_model *model;
    const descent_layer *dense;
    double eta, start, sum;
    double recent[BATCH], total;     /* the last BATCH gradient norms */
    FILE *out;
} watch;

static double norm(const float *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)v[i] * v[i];
    return sqrt(s);
}

/* After step k: theta is W_{k+1}, the gradient is g_k. Writes k + 1,
   |W_{k+1}|, the prediction sqrt(|W_0|^2 + sum eta^2 |g_j|^2), |g_k|
   and the mean of |g| over the last 32 steps (one epoch; from k = 31);
   the weights only, not the bias, whose gradient is zero. */
static void after_step(size_t k, double loss, void *context)
{
    watch *w = context;
    size_t n = w->dense->inputs * w->dense->outputs;
    double g = norm(w->model->gradient + w->dense->offset, n);
    (void)loss;
    w->sum += w->eta * w->eta * g * g;
    w->total += g - (k >= BATCH ? w->recent[k % BATCH] : 0);
    w->recent[k % BATCH] = g;
    fprintf(w->out, "%zu %.6g %.6g %.6g %.6g\n", k + 1,
            norm(w->model->theta + w->dense->offset, n),
            sqrt(w->start * w->start + w->sum), g,
            k + 1 >= BATCH ? w->total / BATCH : NAN);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const double eta[RATES] = {0.01, 0.1, 1};
    descent_samples data;
    descent_error err;
    openblas_set_num_threads(1);     /* small products: threads cost more */
    make_data(&data, 2);
    FILE *out = figure_open(folder, "bn-norms.dat");
    fprintf(out, "# blocks: eta = 0.01, 0.1, 1; lines: step k, |W_k|, "
                 "sqrt(|W_0|^2 + eta^2 sum_j<k |g_j|^2), |g_{k-1}|, its "
                 "mean over the last 32 steps, for "
                 "the dense layer of hidden layer %d\n", WATCHED);
    for (int q = 0; q < RATES; q++) {
        descent_model model;
        descent_optimizer opt;
        descent_schedule schedule;
        size_t pre[HIDDEN];
        make_model(&model, true, DESCENT_LAYER_RELU, BATCH, 2, pre);
        watch w = {.model = &model, .dense = &model.layer[3 * (WATCHED - 1)],
                   .eta = eta[q], .out = out};
        w.start = norm(model.theta + w.dense->offset,
                       w.dense->inputs * w.dense->outputs);
        fprintf(out, "0 %.6g %.6g NaN NaN\n", w.start, w.start);
        figure_check(descent_sgd_init(&opt, model.parameters, 0, false, &err),
                     "optimizer", err.message);
        figure_check(descent_schedule_init(&schedule,
                                           DESCENT_SCHEDULE_CONSTANT, eta[q],
                                           0, 0, &err),
                     "schedule", err.message);
        const descent_train_options options = {
            .epochs = EPOCHS, .batch = BATCH, .seed = 2, .optimizer = &opt,
            .schedule = &schedule, .quiet = true, .callback = after_step,
            .context = &w};
        figure_check(descent_train(&model, &data, &options, NULL, &err),
                     "train", err.message);
        fprintf(out, "\n\n");
        descent_optimizer_free(&opt);
        descent_model_free(&model);
    }
    figure_close(out, "bn-norms.dat");
    descent_samples_free(&data);
    return 0;
}
