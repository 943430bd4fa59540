/* ls-zigzag.c: data for Figure "ls-zigzag" of Chapter 2 (fig:zigzag).
   Steepest descent on the 2-D quadratic of Figure "gd-paths"
   (eigenvalues 1 and 10, axes rotated by 30 degrees, minimum at 0) from
   the same start, with the exact, backtracking and strong Wolfe
   (c2 = 0.1) line searches. Writes OUTDIR/ls-zigzag-grid.dat (E on a
   grid, for the contours) and OUTDIR/ls-zigzag.dat (the three paths,
   one block each, after '#' lines naming the search and its cost). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "linesearch.h"

int main(int argc, char **argv)
{
    const double pi = 3.14159265358979323846, phi = 30 * pi / 180;
    const double lambda[2] = {1, 10};
    const double start[2] = {-4, -1};
    const size_t steps = 12;
    const double half_width = 6;             /* the grid covers [-6,6]^2 */
    const int grid = 121;
    const char *names[3] = {"exact", "backtracking", "strong Wolfe c2=0.1"};
    descent_step_rule (*rules[3])(descent_line_search *) =
        {descent_exact_step, descent_armijo_step, descent_wolfe_step};
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_quadratic q;
    figure_rotated_quadratic(&q, lambda, phi);
    descent_objective f = descent_quadratic_objective(&q);
    figure_write_grid(folder, "ls-zigzag-grid.dat", &f, half_width, grid);

    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    FILE *out = figure_open(folder, "ls-zigzag.dat");
    for (int p = 0; p < 3; p++) {
        /* A fresh block per run: the exact search remembers its step. */
        descent_line_search search = descent_line_search_defaults();
        if (rules[p] == descent_wolfe_step)
            search.c2 = 0.1;
        descent_direction_rule direction = descent_steepest_descent();
        descent_step_rule step = rules[p](&search);
        descent_options options = descent_default_options();
        options.max_iterations = steps;
        options.trace = &trace;
        descent_result result;
        double theta[2] = {start[0], start[1]};
        descent_status st = descent_minimize(&f, &direction, &step, &options,
                                             theta, &result);
        if (st != DESCENT_MAX_ITERATIONS)
            figure_check(st, names[p], result.message);
        fprintf(out, "%s# %s: %zu steps, %lu evaluations, E = %.3g at "
                     "the end\n# k x y E eta evaluations\n",
                p > 0 ? "\n\n" : "", names[p], result.iterations,
                result.counts.values, result.value);
        for (size_t k = 0; k < trace.length; k++) {
            const double *t = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g %.10g %.0f\n", k, t[0], t[1],
                    trace.value[k], trace.eta[k], trace.evaluations[k]);
        }
    }
    figure_close(out, "ls-zigzag.dat");
    descent_trace_free(&trace);
    descent_quadratic_free(&q);
    return EXIT_SUCCESS;
}
