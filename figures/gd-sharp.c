/* gd-sharp.c: data for Figure "gd-sharp" of Chapter 1 (fig:sharp).
   Gradient descent on the two wells E(w) = w^2/2 - exp(-50 (w-2)^2) from
   w0 = 2.06 with three step sizes, in units of 2/a_s, a_s the curvature
   of the sharp minimum (found as the test of Claim large-step-escape
   finds it). Writes OUTDIR/gd-sharp-curve.dat (w, E) and
   OUTDIR/gd-sharp.dat (the three runs, one block each: k w E factor). */
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

int main(int argc, char **argv)
{
    const double factors[3] = {0.9, 1.2, 10};  /* eta in units of 2/a_s */
    const size_t steps[3] = {30, 60, 30};
    const double w0 = 2.06;
    descent_error err;
    descent_result result;
    descent_step_schedule schedule;
    descent_direction_rule direction = descent_steepest_descent();
    const char *folder = figure_data_folder(argc, argv);
    descent_objective f = descent_two_wells_objective();

    /* The sharp minimum and its curvature. */
    double w_sharp = 2, a_s;
    descent_point_kind kind;
    descent_step_rule step = descent_fixed_step(&schedule, 0.01);
    figure_check(descent_minimize(&f, &direction, &step, NULL, &w_sharp,
                                  &result), "sharp minimum", result.message);
    figure_check(descent_classify_point(&f, &w_sharp, 1e-8, 0, &kind, &a_s,
                                        &err), "curvature", err.message);

    FILE *out = figure_open(folder, "gd-sharp-curve.dat");
    fprintf(out, "# w E(w)\n");
    for (int i = 0; i <= 2000; i++) {
        double w = -0.8 + 3.2 * i / 2000;
        fprintf(out, "%.6f %.10g\n", w, descent_value(&f, &w));
    }
    figure_close(out, "gd-sharp-curve.dat");

    descent_trace trace;
    figure_check(descent_trace_init(&trace, 1, true, &err), "trace",
                 err.message);
    out = figure_open(folder, "gd-sharp.dat");
    fprintf(out, "# k w E factor  (eta = factor * 2/a_s, a_s = %.6g; "
                 "one block per factor)\n", a_s);
    for (int p = 0; p < 3; p++) {
        descent_options options = descent_default_options();
        double w = w0;
        options.max_iterations = steps[p];
        options.stall_iterations = 0;
        options.trace = &trace;
        step = descent_fixed_step(&schedule, factors[p] * 2 / a_s);
        descent_status st = descent_minimize(&f, &direction, &step, &options,
                                             &w, &result);
        if (st != DESCENT_OK && st != DESCENT_MAX_ITERATIONS)
            figure_check(st, "minimize", result.message);
        if (p > 0)
            fprintf(out, "\n\n");
        for (size_t k = 0; k < trace.length; k++)
            fprintf(out, "%zu %.10g %.10g %g\n", k, trace.theta[k],
                    trace.value[k], factors[p]);
    }
    figure_close(out, "gd-sharp.dat");
    descent_trace_free(&trace);
    return EXIT_SUCCESS;
}
