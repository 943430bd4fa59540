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
#include "bn.h"

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
