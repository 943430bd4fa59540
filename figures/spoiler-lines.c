/* spoiler-lines.c: data for Figure "spoiler-lines" of Chapter 5
   (fig:spoiler-lines). The four points of Section "The spoiler" with
   t = 1000: (1,0) and (0,1) positive, (-1,0) negative, the spoiler
   (0,-t) positive. Runs the perceptron from w = 0 (labels 1/0), and
   gradient descent on the L2 divergence of a logistic neuron (targets
   0.95/0.05, fixed step eta = 1, at most 200000 iterations) from the
   starts of Claim "spoiler-minimum" (uniform in [-0.1,0.1]^3, seeds
   1000, 1001, ...) until a run ends misclassifying the spoiler. Writes
   OUTDIR/spoiler-lines.dat: the points ("x1 x2 label"), then a block of
   weights ("w_x w_y b": the perceptron's, then backpropagation's), then
   a block with t, the perceptron's updates and the run's seed. */
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "network.h"

enum { MAX_RUNS = 200 };

/* A start uniform in [-0.1,0.1]^3, as in the chapter's tests. */
static void random_start(unsigned seed, double *w)
{
    lapack_int iseed[4] = {(lapack_int)(seed % 4096), 9, 11, 13};
    if (LAPACKE_dlarnv(2, iseed, 3, w) != 0)
        figure_check(DESCENT_LAPACK_FAILED, "random start", "dlarnv");
    for (int i = 0; i < 3; i++)
        w[i] *= 0.1;
}

int main(int argc, char **argv)
{
    const double t = 1000, target[2] = {0.05, 0.95};
    const double label[4] = {1, 1, 0, 1};
    const double x[8] = {1, 0, 0, 1, -1, 0, 0, -t};
    const size_t sizes[2] = {2, 1};
    double targets[4], perceptron[3] = {0, 0, 0}, w[3], outputs[4];
    size_t updates;
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    /* The perceptron, on labels 0 and 1. */
    descent_dataset labelled = {4, 2, 1, x, label};
    figure_check(descent_perceptron(&labelled, perceptron, 0, &updates,
                                    &err),
                 "perceptron", err.message);

    /* The neuron, on the targets 0.05 and 0.95. */
    for (int i = 0; i < 4; i++)
        targets[i] = target[(int)label[i]];
    descent_dataset data = {4, 2, 1, x, targets};
    descent_network net;
    descent_network_problem problem;
    figure_check(descent_network_init(&net, 1, sizes, DESCENT_LOGISTIC,
                                      DESCENT_LOGISTIC, &err),
                 "network", err.message);
    figure_check(descent_network_problem_init(&problem, &net, &data,
                                              DESCENT_L2, &err),
                 "problem", err.message);
    descent_objective f = descent_network_objective(&problem);
    unsigned seed = 1000;
    for (;; seed++) {
        if (seed == 1000 + MAX_RUNS)
            figure_check(DESCENT_MAX_ITERATIONS, "gradient descent",
                         "no run misclassified the spoiler");
        descent_step_schedule schedule;
        descent_direction_rule direction = descent_steepest_descent();
        descent_step_rule step = descent_fixed_step(&schedule, 1);
        descent_options options = descent_default_options();
        options.max_iterations = 200000;
        descent_result result;
        random_start(seed, w);
        descent_status st = descent_minimize(&f, &direction, &step, &options,
                                             w, &result);
        if (st == DESCENT_STALLED || st == DESCENT_MAX_ITERATIONS)
            st = DESCENT_OK;   /* both are ends of a run, not failures */
        figure_check(st, "gradient descent", result.message);
        figure_check(descent_network_outputs(&problem, w, outputs, &err),
                     "outputs", err.message);
        if (outputs[3] < 0.5)
            break;
    }

    FILE *out = figure_open(folder, "spoiler-lines.dat");
    fprintf(out, "# x1 x2 label (1 positive, 0 negative)\n");
    for (int i = 0; i < 4; i++)
        fprintf(out, "%g %g %g\n", x[2 * i], x[2 * i + 1], label[i]);
    fprintf(out, "\n\n# w_x w_y b: the perceptron, backpropagation\n");
    fprintf(out, "%.10g %.10g %.10g\n", perceptron[0], perceptron[1],
            perceptron[2]);
    fprintf(out, "%.10g %.10g %.10g\n", w[0], w[1], w[2]);
    fprintf(out, "\n\n# t, the perceptron's updates, the run's seed\n"
                 "%g %zu %u\n", t, updates, seed);
    figure_close(out, "spoiler-lines.dat");
    descent_network_problem_free(&problem);
    return EXIT_SUCCESS;
}
