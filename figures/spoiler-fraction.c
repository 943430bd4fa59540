/* spoiler-fraction.c: data for Figure "spoiler-fraction" of Chapter 5
   (fig:spoiler-fraction). The four points of Section "The spoiler" for
   t = 1, 2, 5, ..., 1000: gradient descent on the L2 divergence of a
   logistic neuron (targets 0.95/0.05, fixed step eta = 1, at most 20000
   iterations) from the 100 starts of Claim "spoiler-grows" (uniform in
   [-0.1,0.1]^3, seeds 2000, ..., 2099), counting the runs that end
   without separating the four points, and those that misclassify the
   spoiler. Writes OUTDIR/spoiler-fraction.dat ("t runs unseparated
   misclassified", then the two fractions). */
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "network.h"

enum { SPOILERS = 10, RUNS = 100 };

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
    const double spoilers[SPOILERS] = {1, 2, 5, 10, 20, 50, 100, 200, 500,
                                       1000};
    const double targets[4] = {0.95, 0.95, 0.05, 0.95};
    const size_t sizes[2] = {2, 1};
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_network net;
    figure_check(descent_network_init(&net, 1, sizes, DESCENT_LOGISTIC,
                                      DESCENT_LOGISTIC, &err),
                 "network", err.message);
    FILE *out = figure_open(folder, "spoiler-fraction.dat");
    fprintf(out, "# t runs unseparated misclassified-spoiler "
                 "fraction-unseparated fraction-misclassified\n");
    for (int s = 0; s < SPOILERS; s++) {
        const double x[8] = {1, 0, 0, 1, -1, 0, 0, -spoilers[s]};
        descent_dataset data = {4, 2, 1, x, targets};
        descent_network_problem problem;
        figure_check(descent_network_problem_init(&problem, &net, &data,
                                                  DESCENT_L2, &err),
                     "problem", err.message);
        descent_objective f = descent_network_objective(&problem);
        int unseparated = 0, misclassified = 0;
        for (unsigned r = 0; r < RUNS; r++) {
            descent_step_schedule schedule;
            descent_direction_rule direction = descent_steepest_descent();
            descent_step_rule step = descent_fixed_step(&schedule, 1);
            descent_options options = descent_default_options();
            options.max_iterations = 20000;
            descent_result result;
            double w[3], y[4];
            random_start(2000 + r, w);
            descent_status st = descent_minimize(&f, &direction, &step,
                                                 &options, w, &result);
            if (st == DESCENT_STALLED || st == DESCENT_MAX_ITERATIONS)
                st = DESCENT_OK;   /* both are ends of a run */
            figure_check(st, "gradient descent", result.message);
            figure_check(descent_network_outputs(&problem, w, y, &err),
                         "outputs", err.message);
            unseparated += !(y[0] > 0.5 && y[1] > 0.5 && y[2] < 0.5 &&
                             y[3] > 0.5);
            misclassified += y[3] < 0.5;
        }
        fprintf(out, "%g %d %d %d %g %g\n", spoilers[s], RUNS, unseparated,
                misclassified, (double)unseparated / RUNS,
                (double)misclassified / RUNS);
        descent_network_problem_free(&problem);
    }
    figure_close(out, "spoiler-fraction.dat");
    return EXIT_SUCCESS;
}
