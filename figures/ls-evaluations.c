/* ls-evaluations.c: data for Figure "ls-evaluations" of Chapter 2
   (fig:ls-evaluations). Steepest descent on Rosenbrock's function
   (a = 1, b = 100) from (-1.2, 1) with the exact, strong Wolfe
   (c2 = 0.9) and backtracking searches, until ||g|| <= 1e-4 or 20000
   iterations. Writes OUTDIR/ls-evaluations.dat: columns k, the
   evaluations of E spent in step k (the search's, and for backtracking
   the driver's one at the accepted point), the evaluations made when
   iterate k+1 was reached, and ||g_{k+1}||; one block per search,
   after '#' lines naming it and giving its totals, blocks separated by
   two blank lines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "linesearch.h"

int main(int argc, char **argv)
{
    const char *names[3] = {"exact", "strong Wolfe", "backtracking"};
    descent_step_rule (*rules[3])(descent_line_search *) =
        {descent_exact_step, descent_wolfe_step, descent_armijo_step};
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_rosenbrock r;
    figure_check(descent_rosenbrock_init(&r, 2, 1, 100, &err), "rosenbrock",
                 err.message);
    descent_objective f = descent_rosenbrock_objective(&r);
    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, false, &err), "trace",
                 err.message);

    FILE *out = figure_open(folder, "ls-evaluations.dat");
    for (int p = 0; p < 3; p++) {
        descent_line_search search = descent_line_search_defaults();
        if (p > 0)   /* the inexact searches try alpha_0 = 1 every time */
            search.initial_rule = DESCENT_INITIAL_FIXED;
        descent_direction_rule direction = descent_steepest_descent();
        descent_step_rule step = rules[p](&search);
        descent_options options = descent_default_options();
        options.gradient_tolerance = 1e-4;
        options.max_iterations = 20000;
        options.trace = &trace;
        descent_result result;
        double theta[2] = {-1.2, 1};
        descent_status st = descent_minimize(&f, &direction, &step, &options,
                                             theta, &result);
        if (st != DESCENT_MAX_ITERATIONS)
            figure_check(st, names[p], result.message);
        fprintf(out, "%s# %s: %s after %zu iterations, %lu evaluations "
                     "(%.0f in the trace), ||g|| = %.3g, E = %.3g\n"
                     "# k evaluations-in-step-k evaluations-so-far "
                     "||g_k+1||\n", p > 0 ? "\n\n" : "", names[p],
                descent_status_name(st), result.iterations,
                result.counts.values, trace.evaluations[trace.length - 1],
                result.gradient_norm, result.value);
        for (size_t k = 0; k + 1 < trace.length; k++)
            fprintf(out, "%zu %.0f %.0f %.6g\n", k,
                    trace.evaluations[k + 1] - trace.evaluations[k],
                    trace.evaluations[k + 1], trace.gradient_norm[k + 1]);
    }
    figure_close(out, "ls-evaluations.dat");
    descent_trace_free(&trace);
    return EXIT_SUCCESS;
}
