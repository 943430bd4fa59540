/* gd-regimes.c: data for Figure "gd-regimes" of Chapter 1 (fig:regimes).
   Gradient descent on E(w) = 2w^2 - 8w from w0 = 3 with one step size
   from each regime. Writes OUTDIR/gd-regimes.dat: one block per eta,
   blocks separated by two blank lines. */
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

int main(int argc, char **argv)
{
    const double a = 4, b = -8, w0 = 3;
    const double etas[] = {0.15, 0.25, 0.4, 0.55};
    descent_error err;
    descent_quadratic q;
    descent_trace trace;
    const char *folder = figure_data_folder(argc, argv);

    FILE *out = figure_open(folder, "gd-regimes.dat");
    figure_check(descent_quadratic_1d(&q, a, b, 0, &err), "quadratic",
                 err.message);
    figure_check(descent_trace_init(&trace, 1, true, &err), "trace",
                 err.message);
    double w_star;
    figure_check(descent_quadratic_critical_point(&q, &w_star, &err),
                 "critical point", err.message);
    descent_objective f = descent_quadratic_objective(&q);

    double eta_opt = descent_gd_best_step(a, a);   /* 1/a */
    fprintf(out, "# k w_k-w* eta eta/eta_opt\n");
    for (size_t j = 0; j < sizeof etas / sizeof etas[0]; j++) {
        descent_step_schedule schedule;
        descent_direction_rule direction = descent_steepest_descent();
        descent_step_rule step = descent_fixed_step(&schedule, etas[j]);
        descent_options options = descent_default_options();
        options.max_iterations = 8;
        options.gradient_tolerance = 0;  /* stop only when g is exactly 0 */
        options.stall_iterations = 0;
        options.trace = &trace;
        descent_result result;
        double w = w0;
        if (j > 0)
            fprintf(out, "\n\n");
        descent_status s = descent_minimize(&f, &direction, &step, &options,
                                            &w, &result);
        if (s != DESCENT_OK && s != DESCENT_MAX_ITERATIONS)
            figure_check(s, "minimize", result.message);

        for (size_t k = 0; k < trace.length; k++)
            fprintf(out, "%zu %.17g %g %g\n", k,
                    descent_trace_iterate(&trace, k)[0] - w_star,
                    etas[j], etas[j] / eta_opt);
    }
    descent_trace_free(&trace);
    descent_quadratic_free(&q);
    figure_close(out, "gd-regimes.dat");
    return EXIT_SUCCESS;
}
