/* cg-rosenbrock.c: data for Figure "cg-rosenbrock" of Chapter 3
   (fig:cg-rosenbrock). Rosenbrock's function (a = 1, b = 100) from
   (-1.2, 1) until ||g|| <= 1e-6, with steepest descent and nonlinear CG
   (Fletcher-Reeves and Polak-Ribiere+), each with the strong Wolfe
   search, c2 = 0.1. Writes OUTDIR/cg-rosenbrock-grid.dat (E on a grid
   over [-1.5,1.5] x [-0.5,1.5], for the contours) and
   OUTDIR/cg-rosenbrock.dat (the three paths, one block each, after '#'
   lines naming the method and its cost; columns k, theta_1, theta_2,
   E, ||g||, evaluations so far). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "cg.h"
#include "descent.h"
#include "figure.h"
#include "linesearch.h"

int main(int argc, char **argv)
{
    const double start[2] = {-1.2, 1};
    const double low[2] = {-1.5, -0.5}, high[2] = {1.5, 1.5};
    const int count[2] = {151, 101};          /* grid points per axis */
    const char *names[3] = {"steepest descent", "Fletcher-Reeves",
                            "Polak-Ribiere+"};
    const descent_cg_formula formulas[3] = {
        DESCENT_FLETCHER_REEVES,              /* unused: steepest descent */
        DESCENT_FLETCHER_REEVES, DESCENT_POLAK_RIBIERE_PLUS};
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_rosenbrock r;
    figure_check(descent_rosenbrock_init(&r, 2, 1, 100, &err), "rosenbrock",
                 err.message);
    descent_objective f = descent_rosenbrock_objective(&r);

    figure_write_box_grid(folder, "cg-rosenbrock-grid.dat", &f, low, high, count);

    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    FILE *out = figure_open(folder, "cg-rosenbrock.dat");
    for (int p = 0; p < 3; p++) {
        descent_nonlinear_cg cg;
        figure_check(descent_nonlinear_cg_init(&cg, 2, formulas[p], 0, &err),
                     "nonlinear CG", err.message);
        descent_line_search search = descent_line_search_defaults();
        search.c2 = 0.1;
        descent_step_rule step = descent_wolfe_step(&search);
        descent_direction_rule direction =
            p == 0 ? descent_steepest_descent()
                   : descent_nonlinear_cg_direction(&cg);
        descent_options options = descent_default_options();
        options.max_iterations = 100000;
        options.gradient_tolerance = 1e-6;
        options.trace = &trace;
        descent_result result;
        double theta[2] = {start[0], start[1]};
        figure_check(descent_minimize(&f, &direction, &step, &options, theta,
                                      &result),
                     names[p], result.message);
        fprintf(out, "%s# %s: %zu steps, %lu evaluations, ||g|| = %.3g, "
                     "restarts %zu, beta clipped %zu\n"
                     "# k x y E ||g|| evaluations\n",
                p > 0 ? "\n\n" : "", names[p], result.iterations,
                result.counts.values, result.gradient_norm,
                cg.safeguard_restarts, cg.negative_beta);
        for (size_t k = 0; k < trace.length; k++) {
            const double *t = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g %.10g %.0f\n", k, t[0], t[1],
                    trace.value[k], trace.gradient_norm[k],
                    trace.evaluations[k]);
        }
        descent_nonlinear_cg_free(&cg);
    }
    figure_close(out, "cg-rosenbrock.dat");
    descent_trace_free(&trace);
    return EXIT_SUCCESS;
}
