/* newton-digits.c: data for Figure "newton-digits" of Chapter 5
   (fig:newton-digits). Rosenbrock's function (a = 1, b = 100) from
   (-1.2, 1) until ||g|| <= 1e-12 with damped Newton, BFGS, L-BFGS
   (m = 3, 6, 20), Newton-CG (finite-difference products) and
   Polak-Ribiere+ nonlinear CG, each with the strong
   Wolfe search (first trial step 1 for the Newton-type directions, the
   slope-ratio rule and c2 = 0.1 for CG). Writes OUTDIR/newton-digits.dat:
   one block per method, after a '#' line naming it and its cost; columns
   k, correct digits -log10 ||theta_k - (1, 1)|| (at most 16), evaluations
   so far. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

enum { methods = 7 };

static descent_direction_rule rule_for(int p, descent_newton *newton,
                                       descent_bfgs *bfgs,
                                       descent_lbfgs *lbfgs,
                                       descent_newton_cg *ncg,
                                       descent_nonlinear_cg *cg)
{
    descent_error err;
    static const size_t memories[3] = {3, 6, 20};
    if (p == 0) {
        figure_check(descent_newton_init(newton, 2, DESCENT_NEWTON_DAMPED,
                                         &err), "Newton", err.message);
        return descent_newton_direction(newton);
    }
    if (p == 1) {
        figure_check(descent_bfgs_init(bfgs, 2, &err), "BFGS", err.message);
        return descent_bfgs_direction(bfgs);
    }
    if (p <= 4) {
        figure_check(descent_lbfgs_init(lbfgs, 2, memories[p - 2], &err),
                     "L-BFGS", err.message);
        return descent_lbfgs_direction(lbfgs);
    }
    if (p == 5) {
        figure_check(descent_newton_cg_init(ncg, 2, NULL, NULL, &err),
                     "Newton-CG", err.message);
        return descent_newton_cg_direction(ncg);
    }
    figure_check(descent_nonlinear_cg_init(cg, 2, DESCENT_POLAK_RIBIERE_PLUS,
                                           0, &err), "CG", err.message);
    return descent_nonlinear_cg_direction(cg);
}

int main(int argc, char **argv)
{
    const char *names[methods] = {"damped Newton", "BFGS", "L-BFGS, m = 3",
                                  "L-BFGS, m = 6", "L-BFGS, m = 20",
                                  "Newton-CG", "Polak-Ribiere+"};
    const char *folder = figure_data_folder(argc, argv);
    descent_error err;
    descent_rosenbrock r;
    figure_check(descent_rosenbrock_init(&r, 2, 1, 100, &err), "rosenbrock",
                 err.message);
    descent_objective f = descent_rosenbrock_objective(&r);
    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    FILE *out = figure_open(folder, "newton-digits.dat");
    for (int p = 0; p < methods; p++) {
        descent_newton newton = {0};
        descent_bfgs bfgs = {0};
        descent_lbfgs lbfgs = {0};
        descent_newton_cg ncg = {0};
        descent_nonlinear_cg cg = {0};
        descent_direction_rule direction =
            rule_for(p, &newton, &bfgs, &lbfgs, &ncg, &cg);
        descent_line_search search = descent_line_search_defaults();
        if (p < methods - 1)
            search.initial_rule = DESCENT_INITIAL_FIXED;
        else
            search.c2 = 0.1;
        descent_step_rule step = descent_wolfe_step(&search);
        descent_options options = descent_default_options();
        options.max_iterations = 100000;
        options.gradient_tolerance = 1e-12;
        options.trace = &trace;
        descent_result result;
        double theta[2] = {-1.2, 1};
        figure_check(descent_minimize(&f, &direction, &step, &options, theta,
                                      &result), names[p], result.message);
        fprintf(out, "%s# %s: %zu steps, %lu evaluations\n"
                     "# k digits evaluations\n", p > 0 ? "\n\n" : "",
                names[p], result.iterations, result.counts.values);
        for (size_t k = 0; k < trace.length; k++) {
            const double *x = descent_trace_iterate(&trace, k);
            double e = hypot(x[0] - 1, x[1] - 1);
            fprintf(out, "%zu %.4g %.0f\n", k,
                    e > 1e-16 ? fmin(-log10(e), 16) : 16,
                    trace.evaluations[k]);
        }
        descent_newton_free(&newton);
        descent_bfgs_free(&bfgs);
        descent_lbfgs_free(&lbfgs);
        descent_newton_cg_free(&ncg);
        descent_nonlinear_cg_free(&cg);
    }
    descent_trace_free(&trace);
    figure_close(out, "newton-digits.dat");
    return 0;
}
