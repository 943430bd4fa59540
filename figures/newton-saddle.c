/* newton-saddle.c: data for Figure "newton-saddle" of Chapter 5
   (fig:newton-saddle). The cubic E = t1^3 - 3 t1 + t2^3 - 3 t2 of
   Chapter 1 from (1.25, -0.7), near its saddle (1, -1): pure Newton (the
   Hessian solved as it is; the cubic is separable, so each coordinate
   takes t - (3t^2 - 3) / (6t)), the eigenvalue-modified and the damped
   Newton directions with the strong Wolfe search (unit first step), and
   the trust-region direction (radius 0.5 at the start, fixed step 1).
   Writes OUTDIR/newton-saddle-grid.dat (E on a grid over [0.2,1.8] x
   [-1.6,1.6]) and OUTDIR/newton-saddle.dat (four paths, one block each,
   after a '#' line naming the method; columns k, t1, t2, E). */
#include <stdio.h>
#include "descent.h"
#include "figure.h"

int main(int argc, char **argv)
{
    const char *names[4] = {"pure Newton", "eigenvalue-modified Newton",
                            "damped Newton", "trust region"};
    const double start[2] = {1.25, -0.7};
    const char *folder = figure_data_folder(argc, argv);
    descent_error err;
    descent_objective f = descent_cubic_objective();
    FILE *out = figure_open(folder, "newton-saddle-grid.dat");
    fprintf(out, "# x y E(x,y)\n");
    for (int i = 0; i <= 80; i++) {
        for (int j = 0; j <= 160; j++) {
            double theta[2] = {0.2 + 1.6 * i / 80, -1.6 + 3.2 * j / 160};
            fprintf(out, "%g %g %.10g\n", theta[0], theta[1],
                    descent_value(&f, theta));
        }
        fprintf(out, "\n");
    }
    figure_close(out, "newton-saddle-grid.dat");
    out = figure_open(folder, "newton-saddle.dat");
    fprintf(out, "# %s\n# k x y E\n", names[0]);
    double theta[2] = {start[0], start[1]};
    for (int k = 0; k <= 8; k++) {
        fprintf(out, "%d %.10g %.10g %.10g\n", k, theta[0], theta[1],
                descent_value(&f, theta));
        for (int i = 0; i < 2; i++)
            theta[i] -= (3 * theta[i] * theta[i] - 3) / (6 * theta[i]);
    }
    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    for (int p = 1; p < 4; p++) {
        descent_newton newton = {0};
        descent_trust_region tr = {0};
        descent_direction_rule direction;
        descent_line_search search = descent_line_search_defaults();
        search.initial_rule = DESCENT_INITIAL_FIXED;
        descent_step_schedule schedule;
        descent_step_rule step = descent_wolfe_step(&search);
        if (p < 3) {
            figure_check(descent_newton_init(&newton, 2,
                                             p == 1 ? DESCENT_NEWTON_EIGENVALUE
                                                    : DESCENT_NEWTON_DAMPED,
                                             &err), "Newton", err.message);
            direction = descent_newton_direction(&newton);
        } else {
            figure_check(descent_trust_region_init(&tr, 2, 0.5, &err),
                         "trust region", err.message);
            direction = descent_trust_region_direction(&tr);
            step = descent_fixed_step(&schedule, 1);
        }
        descent_options options = descent_default_options();
        options.gradient_tolerance = 1e-10;
        options.trace = &trace;
        descent_result result;
        double x[2] = {start[0], start[1]};
        figure_check(descent_minimize(&f, &direction, &step, &options, x,
                                      &result), names[p], result.message);
        fprintf(out, "\n\n# %s: %zu steps\n# k x y E\n", names[p],
                result.iterations);
        for (size_t k = 0; k < trace.length; k++) {
            const double *y = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g\n", k, y[0], y[1],
                    trace.value[k]);
        }
        descent_newton_free(&newton);
        descent_trust_region_free(&tr);
    }
    descent_trace_free(&trace);
    figure_close(out, "newton-saddle.dat");
    return 0;
}
