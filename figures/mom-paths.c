/* mom-paths.c: data for Figure "mom-paths" of Chapter 4 (fig:mom-paths).
   The 2-D quadratic of Figures "gd-paths" and "ls-zigzag" (eigenvalues
   1 and 10, axes rotated by 30 degrees, minimum at 0) from the same
   start, 25 fixed steps each in the driver: gradient descent with its
   best step 2/(1+10); the heavy ball with its best eta and beta; and
   Nesterov's method with eta = 1/L and beta = (sqrt k - 1)/(sqrt k + 1).
   Writes OUTDIR/mom-paths-grid.dat (E on a grid, for the contours) and
   OUTDIR/mom-paths.dat (the three paths, one block each, after '#'
   lines naming the method and its parameters). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "momentum.h"

int main(int argc, char **argv)
{
    const double pi = 3.14159265358979323846, phi = 30 * pi / 180;
    const double lambda[2] = {1, 10};
    const double start[2] = {-4, -1};
    const size_t steps = 25;
    const double half_width = 6;             /* the grid covers [-6,6]^2 */
    const int grid = 121;
    const char *names[3] = {"gradient descent", "heavy ball", "Nesterov"};
    const double root = sqrt(lambda[1] / lambda[0]);   /* sqrt(kappa) */
    const double eta[3] = {
        descent_gd_best_step(lambda[0], lambda[1]),
        4 / ((sqrt(lambda[1]) + sqrt(lambda[0])) *
             (sqrt(lambda[1]) + sqrt(lambda[0]))),
        1 / lambda[1]};
    const double beta[3] = {0, ((root - 1) / (root + 1)) *
                                   ((root - 1) / (root + 1)),
                            (root - 1) / (root + 1)};
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_quadratic q;
    figure_rotated_quadratic(&q, lambda, phi);
    descent_objective f = descent_quadratic_objective(&q);
    figure_write_grid(folder, "mom-paths-grid.dat", &f, half_width, grid);

    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    FILE *out = figure_open(folder, "mom-paths.dat");
    for (int p = 0; p < 3; p++) {
        descent_momentum_direction m;
        if (p > 0)
            figure_check(descent_momentum_direction_init(
                             &m, 2, p == 1 ? DESCENT_HEAVY_BALL
                                           : DESCENT_NESTEROV,
                             eta[p], beta[p], false, &err),
                         names[p], err.message);
        descent_direction_rule direction =
            p == 0 ? descent_steepest_descent() : descent_momentum_rule(&m);
        descent_step_schedule schedule;
        descent_step_rule step = descent_fixed_step(&schedule, eta[p]);
        descent_options options = descent_default_options();
        options.max_iterations = steps;
        options.gradient_tolerance = 0;
        options.stall_iterations = 0;
        options.trace = &trace;
        descent_result result;
        double theta[2] = {start[0], start[1]};
        descent_status st = descent_minimize(&f, &direction, &step, &options,
                                             theta, &result);
        if (st != DESCENT_MAX_ITERATIONS)
            figure_check(st, names[p], result.message);
        fprintf(out, "%s# %s: eta = %.6g, beta = %.6g, %zu steps, "
                     "E = %.3g at the end\n# k x y E\n",
                p > 0 ? "\n\n" : "", names[p], eta[p], beta[p],
                result.iterations, result.value);
        for (size_t k = 0; k < trace.length; k++) {
            const double *t = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g\n", k, t[0], t[1],
                    trace.value[k]);
        }
        if (p > 0)
            descent_momentum_direction_free(&m);
    }
    figure_close(out, "mom-paths.dat");
    descent_trace_free(&trace);
    descent_quadratic_free(&q);
    return EXIT_SUCCESS;
}
