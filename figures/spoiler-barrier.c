/* spoiler-barrier.c: data for Figure "spoiler-barrier" of Chapter 5
   (fig:spoiler-barrier). The four points of Section "The spoiler" with
   t = 1000 and the L2 divergence of a logistic neuron (targets
   0.95/0.05). Finds backpropagation's minimum w_bp as spoiler-lines.c
   does (fixed step eta = 1, at most 200000 iterations, from the starts
   of Claim "spoiler-minimum", seeds 1000, 1001, ..., until a run ends
   misclassifying the spoiler), and evaluates E along the straight line
   w(s) = (1-s) w_bp + s w_sep to the separating weights
   w_sep = (2 l, 0, l), l = log(0.95/0.05), for s in [-0.1, 1.1].
   Writes OUTDIR/spoiler-barrier.dat ("s E", 241 points), then a block
   with s, E at w_bp and at w_sep. */
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "network.h"

enum { MAX_RUNS = 200, POINTS = 241 };

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
    const double t = 1000, ell = log(0.95 / 0.05);
    const double x[8] = {1, 0, 0, 1, -1, 0, 0, -t};
    const double targets[4] = {0.95, 0.95, 0.05, 0.95};
    const double separating[3] = {2 * ell, 0, ell};
    const double first = -0.1, last = 1.1;
    const size_t sizes[2] = {2, 1};
    double w[3], outputs[4];
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

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
    for (unsigned seed = 1000;; seed++) {
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

    FILE *out = figure_open(folder, "spoiler-barrier.dat");
    fprintf(out, "# t = %g; w_bp = (%.10g, %.10g, %.10g), "
                 "w_sep = (%.10g, %.10g, %.10g)\n# s E(w(s))\n",
            t, w[0], w[1], w[2], separating[0], separating[1],
            separating[2]);
    for (int k = 0; k < POINTS; k++) {
        double s = first + (last - first) * k / (POINTS - 1), theta[3];
        for (int i = 0; i < 3; i++)
            theta[i] = (1 - s) * w[i] + s * separating[i];
        fprintf(out, "%.6g %.10g\n", s, descent_value(&f, theta));
    }
    fprintf(out, "\n\n# s E: backpropagation's minimum, the separating "
                 "weights\n0 %.10g\n1 %.10g\n",
            descent_value(&f, w), descent_value(&f, separating));
    figure_close(out, "spoiler-barrier.dat");
    descent_network_problem_free(&problem);
    return EXIT_SUCCESS;
}
