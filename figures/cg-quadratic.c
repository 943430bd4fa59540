/* cg-quadratic.c: data for Figure "cg-quadratic" of Chapter 3
   (fig:cg-quadratic). The 2-D quadratic of Figures "gd-paths" and
   "ls-zigzag" (eigenvalues 1 and 10, axes rotated by 30 degrees,
   minimum at 0) from the same start, with the exact line search:
   steepest descent for 12 steps, and nonlinear CG (Fletcher-Reeves)
   until ||g|| <= 1e-12 or 5 steps. Writes OUTDIR/cg-quadratic-grid.dat
   (E on a grid, for the contours) and OUTDIR/cg-quadratic.dat (the two
   paths, one block each, after '#' lines naming the method and its
   steps). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "cg.h"
#include "descent.h"
#include "figure.h"
#include "linesearch.h"

int main(int argc, char **argv)
{
    const double pi = 3.14159265358979323846, phi = 30 * pi / 180;
    const double lambda[2] = {1, 10};
    const double start[2] = {-4, -1};
    const size_t steps[2] = {12, 5};          /* at most, per method */
    const double tolerance[2] = {0, 1e-12};   /* on ||g||; 0: run all */
    const double half_width = 6;              /* the grid covers [-6,6]^2 */
    const int grid = 121;
    const char *names[2] = {"steepest descent", "conjugate gradient (FR)"};
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_quadratic q;
    figure_rotated_quadratic(&q, lambda, phi);
    descent_objective f = descent_quadratic_objective(&q);
    figure_write_grid(folder, "cg-quadratic-grid.dat", &f, half_width, grid);

    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    descent_nonlinear_cg cg;
    figure_check(descent_nonlinear_cg_init(&cg, 2, DESCENT_FLETCHER_REEVES,
                                           0, &err),
                 "nonlinear CG", err.message);
    FILE *out = figure_open(folder, "cg-quadratic.dat");
    for (int p = 0; p < 2; p++) {
        /* A fresh block per run: the exact search remembers its step. */
        descent_line_search search = descent_line_search_defaults();
        descent_step_rule step = descent_exact_step(&search);
        descent_direction_rule direction =
            p == 0 ? descent_steepest_descent()
                   : descent_nonlinear_cg_direction(&cg);
        descent_options options = descent_default_options();
        options.max_iterations = steps[p];
        options.gradient_tolerance = tolerance[p];
        options.trace = &trace;
        descent_result result;
        double theta[2] = {start[0], start[1]};
        descent_status st = descent_minimize(&f, &direction, &step, &options,
                                             theta, &result);
        if (p == 0 && st == DESCENT_MAX_ITERATIONS)
            st = DESCENT_OK;                  /* steepest descent: expected */
        figure_check(st, names[p], result.message);
        fprintf(out, "%s# %s: %zu steps, ||g|| = %.3g at the end\n"
                     "# k x y E ||g||\n",
                p > 0 ? "\n\n" : "", names[p], result.iterations,
                result.gradient_norm);
        for (size_t k = 0; k < trace.length; k++) {
            const double *t = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g %.10g\n", k, t[0], t[1],
                    trace.value[k], trace.gradient_norm[k]);
        }
    }
    figure_close(out, "cg-quadratic.dat");
    descent_nonlinear_cg_free(&cg);
    descent_trace_free(&trace);
    descent_quadratic_free(&q);
    return EXIT_SUCCESS;
}
