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
#include "bn.h"

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
