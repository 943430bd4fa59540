/* spoiler-lines.c: data for Figure "spoiler-lines" of Chapter 6
   (fig:spoiler-lines). The four points of Section "The spoiler" with
   t = 1000: (1,0) and (0,1) positive, (-1,0) negative, the spoiler
   (0,-t) positive. Runs the perceptron from w = 0 (labels 1/0, at most
   10000 updates; it needs t + 3 or t + 4), and
   gradient descent on the L2 divergence of a logistic neuron (targets
   0.95/0.05, fixed step eta = 1, at most 200000 iterations) from the
   starts of Claim "spoiler-minimum" (uniform in [-0.1,0.1]^3, seeds
   1000, 1001, ...) until a run ends misclassifying the spoiler. Writes
   OUTDIR/spoiler-lines.dat: the points ("x1 x2 label"), then a block of
   weights ("w_x w_y b": the perceptron's, then backpropagation's), then
   a block with t, the perceptron's updates and the run's seed. */
#include <stdio.h>
#include <stdlib.h>
#include "figure.h"
#include "spoiler.h"

int main(int argc, char **argv)
{
    const double t = 1000;
    double perceptron[3] = {0, 0, 0}, w[3];
    size_t updates;
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);
    spoiler sp;
    spoiler_init(&sp, t);

    /* The perceptron, on labels 0 and 1. */
    figure_check(descent_perceptron(&sp.labelled, perceptron, 10000, &updates,
                                    &err),
                 "perceptron", err.message);

    /* The neuron (targets 0.05 and 0.95): the first run that ends
       misclassifying the spoiler. */
    unsigned seed = spoiler_first_misclassifying(&sp, 200000, w);

    FILE *out = figure_open(folder, "spoiler-lines.dat");
    fprintf(out, "# x1 x2 label (1 positive, 0 negative)\n");
    for (int i = 0; i < 4; i++)
        fprintf(out, "%g %g %g\n", sp.x[2 * i], sp.x[2 * i + 1],
                sp.labels[i]);
    fprintf(out, "\n\n# w_x w_y b: the perceptron, backpropagation\n");
    fprintf(out, "%.10g %.10g %.10g\n", perceptron[0], perceptron[1],
            perceptron[2]);
    fprintf(out, "%.10g %.10g %.10g\n", w[0], w[1], w[2]);
    fprintf(out, "\n\n# t, the perceptron's updates, the run's seed\n"
                 "%g %zu %u\n", t, updates, seed);
    figure_close(out, "spoiler-lines.dat");
    spoiler_free(&sp);
    return EXIT_SUCCESS;
}
