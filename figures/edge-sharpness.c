/* edge-sharpness.c: data for Figures "edge-sharpness" and "edge-variants"
   of Chapter 7 (fig:edge-sharpness, fig:edge-variants). The section's
   500 Fashion-MNIST images at 14 x 14 pixels, two tanh layers of 32 and
   the squared error, weights at half LeCun's scale:
     edge-gd.dat, edge-gd-loss.dat: full-batch gradient descent with
       eta = 0.5, 0.35, 0.25 for 1000 steps, the sharpness every 25;
     edge-momentum.dat: heavy ball with beta = 1/2 and eta = 0.45, 0.3
       for 800 steps, every 25;
     edge-batch.dat: minibatch SGD with eta = 0.35 and batches of 25,
       50 and 100 for 1000 steps, every 50.
   The sharpness files have one block a run, "k S 2(1+beta)/eta 2/eta
   batch"; the loss file "k L", one block a run. */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

static void run(const descent_samples *data, double eta, double beta,
                size_t batch, size_t steps, size_t every, FILE *sharp,
                FILE *loss, int block)
{
    descent_edge_run r = {.hidden = {32, 32}, .scale = 0.5, .eta = eta,
                          .beta = beta, .batch = batch, .steps = steps,
                          .every = every, .seed = 1};
    descent_sharpness_recorder rec;
    descent_error err;
    figure_check(descent_edge_train(data, &r, &rec, &err), "edge run",
                 err.message);
    fprintf(sharp, "%s# eta %g beta %g batch %zu: k S 2(1+beta)/eta 2/eta "
            "batch\n", block > 0 ? "\n\n" : "", eta, beta, batch);
    for (size_t j = 0; j < rec.measured; j++)
        fprintf(sharp, "%zu %.6g %.6g %.6g %zu\n", rec.step[j],
                rec.sharpness[j], 2 * (1 + beta) / eta, 2 / eta, batch);
    if (loss != NULL) {
        fprintf(loss, "%s# eta %g: k L\n", block > 0 ? "\n\n" : "", eta);
        for (size_t k = 0; k < rec.steps && k < rec.loss_capacity; k++)
            fprintf(loss, "%zu %.6g\n", k, rec.loss[k]);
    }
    descent_sharpness_recorder_free(&rec);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const double gd[3] = {0.5, 0.35, 0.25}, heavy[2] = {0.45, 0.3};
    const size_t batch[3] = {25, 50, 100};
    descent_samples data;
    descent_error err;
    openblas_set_num_threads(1);     /* small products: threads cost more */
    figure_check(descent_edge_samples(&data, 500, 2, &err), "samples",
                 err.message);
    FILE *sharp = figure_open(folder, "edge-gd.dat");
    FILE *loss = figure_open(folder, "edge-gd-loss.dat");
    for (int i = 0; i < 3; i++)
        run(&data, gd[i], 0, 0, 1000, 25, sharp, loss, i);
    figure_close(sharp, "edge-gd.dat");
    figure_close(loss, "edge-gd-loss.dat");
    sharp = figure_open(folder, "edge-momentum.dat");
    for (int i = 0; i < 2; i++)
        run(&data, heavy[i], 0.5, 0, 800, 25, sharp, NULL, i);
    figure_close(sharp, "edge-momentum.dat");
    sharp = figure_open(folder, "edge-batch.dat");
    for (int i = 0; i < 3; i++)
        run(&data, 0.35, 0, batch[i], 1000, 50, sharp, NULL, i);
    figure_close(sharp, "edge-batch.dat");
    descent_samples_free(&data);
    return 0;
}
