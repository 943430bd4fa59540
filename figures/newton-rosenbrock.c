/* newton-rosenbrock.c: data for Figure "newton-rosenbrock" of Chapter 5
   (fig:newton-rosenbrock). Rosenbrock's function (a = 1, b = 100) from
   (-1.2, 1) until ||g|| <= 1e-8, with steepest descent and damped Newton,
   both with the strong Wolfe search (c2 = 0.1 and the slope-ratio first
   step for steepest descent, the unit first step for Newton). Writes
   OUTDIR/newton-rosenbrock-grid.dat (E on a grid over [-1.5,1.5] x
   [-0.5,1.5], for the contours) and OUTDIR/newton-rosenbrock.dat (the two
   paths, one block each, after '#' lines naming the method and its cost;
   columns k, theta_1, theta_2, E). */
#include <stdio.h>
#include "descent.h"
#include "figure.h"

int main(int argc, char **argv)
{
    const char *names[2] = {"steepest descent", "damped Newton"};
    const char *folder = figure_data_folder(argc, argv);
    descent_error err;
    descent_rosenbrock r;
    figure_check(descent_rosenbrock_init(&r, 2, 1, 100, &err), "rosenbrock",
                 err.message);
    descent_objective f = descent_rosenbrock_objective(&r);
    FILE *out = figure_open(folder, "newton-rosenbrock-grid.dat");
    fprintf(out, "# x y E(x,y)\n");
    for (int i = 0; i <= 150; i++) {
        for (int j = 0; j <= 100; j++) {
            double theta[2] = {-1.5 + 3.0 * i / 150, -0.5 + 2.0 * j / 100};
            fprintf(out, "%g %g %.10g\n", theta[0], theta[1],
                    descent_value(&f, theta));
        }
        fprintf(out, "\n");
    }
    figure_close(out, "newton-rosenbrock-grid.dat");
    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    out = figure_open(folder, "newton-rosenbrock.dat");
    for (int p = 0; p < 2; p++) {
        descent_newton newton;
        figure_check(descent_newton_init(&newton, 2, DESCENT_NEWTON_DAMPED,
                                         &err), "Newton", err.message);
        descent_line_search search = descent_line_search_defaults();
        if (p == 0)
            search.c2 = 0.1;
        else
            search.initial_rule = DESCENT_INITIAL_FIXED;
        descent_step_rule step = descent_wolfe_step(&search);
        descent_direction_rule direction =
            p == 0 ? descent_steepest_descent()
                   : descent_newton_direction(&newton);
        descent_options options = descent_default_options();
        options.max_iterations = 100000;
        options.gradient_tolerance = 1e-8;
        options.trace = &trace;
        descent_result result;
        double theta[2] = {-1.2, 1};
        figure_check(descent_minimize(&f, &direction, &step, &options, theta,
                                      &result), names[p], result.message);
        fprintf(out, "%s# %s: %zu steps, %lu evaluations, %lu Hessians\n"
                     "# k x y E\n", p > 0 ? "\n\n" : "", names[p],
                result.iterations, result.counts.values,
                result.counts.hessians);
        for (size_t k = 0; k < trace.length; k++) {
            const double *x = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g\n", k, x[0], x[1],
                    trace.value[k]);
        }
        descent_newton_free(&newton);
    }
    descent_trace_free(&trace);
    figure_close(out, "newton-rosenbrock.dat");
    return 0;
}
