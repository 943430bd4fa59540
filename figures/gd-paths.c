/* gd-paths.c: data for Figure "gd-paths" of Chapter 1 (fig:paths).
   Gradient descent on a 2-D quadratic with eigenvalues 1 and 10, axes
   rotated by 30 degrees, just below and just above the stability bound.
   Writes OUTDIR/gd-paths-grid.dat (E on a grid, for the contours) and
   OUTDIR/gd-paths.dat (the two paths, one block each). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

int main(int argc, char **argv)
{
    const double pi = 3.14159265358979323846, phi = 30 * pi / 180;
    const double lambda[2] = {1, 10};
    const double factors[2] = {0.95, 1.05};  /* eta in units of 2/lambda_max */
    const double start[2] = {-4, -1};
    const size_t steps = 16;
    const double half_width = 6;             /* the grid covers [-6,6]^2 */
    const int grid = 121;
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_quadratic q;
    figure_rotated_quadratic(&q, lambda, phi);
    descent_objective f = descent_quadratic_objective(&q);
    figure_write_grid(folder, "gd-paths-grid.dat", &f, half_width, grid);

    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    FILE *out = figure_open(folder, "gd-paths.dat");
    fprintf(out, "# k x y E factor  (eta = factor * 2/lambda_max; "
                 "one block per factor)\n");
    for (int p = 0; p < 2; p++) {
        double lambda_max = fmax(q.lambda[0], q.lambda[1]);
        descent_step_schedule schedule;
        descent_direction_rule direction = descent_steepest_descent();
        descent_step_rule step =
            descent_fixed_step(&schedule, factors[p] * 2 / lambda_max);
        descent_options options = descent_default_options();
        options.max_iterations = steps;
        options.trace = &trace;
        descent_result result;
        double theta[2] = {start[0], start[1]};
        if (p > 0)
            fprintf(out, "\n\n");
        descent_status st = descent_minimize(&f, &direction, &step, &options,
                                             theta, &result);
        if (st != DESCENT_OK && st != DESCENT_MAX_ITERATIONS)
            figure_check(st, "minimize", result.message);
        for (size_t k = 0; k < trace.length; k++) {
            const double *t = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g %g\n", k, t[0], t[1],
                    trace.value[k], factors[p]);
        }
    }
    figure_close(out, "gd-paths.dat");
    descent_trace_free(&trace);
    descent_quadratic_free(&q);
    return EXIT_SUCCESS;
}
