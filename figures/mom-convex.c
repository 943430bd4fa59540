/* mom-convex.c: data for Figure "mom-convex" of Chapter 4
   (fig:mom-convex). The convex quadratic of Claim "nesterov-convex",
   which is not strongly convex (n = 50: ten zero eigenvalues, forty
   spread logarithmically over [1e-4, L = 1]; theta* = Q c with c_i = 1
   on the nonzero eigenvalues, the minimizer closest to theta_0 = 0, and
   b = -A theta*). Runs 2000 steps of eta = 1/L in the driver: gradient
   descent; Nesterov's method with beta_k = (k-1)/(k+2); and Nesterov's
   method with a constant beta = 0.9. Writes OUTDIR/mom-convex.dat
   ("k", E - E* for the three, and the bounds L||theta_0-theta*||^2/(2k)
   of gradient descent and 2L||theta_0-theta*||^2/(k+1)^2 of the
   schedule), then a second block with the constant beta. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "momentum.h"

enum { N = 50, ZEROS = 10, STEPS = 2000, RUNS = 3 };

int main(int argc, char **argv)
{
    const double L = 1, constant_beta = 0.9;
    const char *names[RUNS] = {"gradient descent", "Nesterov, schedule",
                               "Nesterov, constant beta"};
    double lambda[N], star[N], theta[N];
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    /* The problem, from its eigenvectors, as in the chapter's test. */
    for (int i = 0; i < N; i++)
        lambda[i] = i < ZEROS ? 0
                              : L * pow(10, -4 + 4.0 * (i - ZEROS) /
                                                    (N - ZEROS - 1));
    descent_quadratic q;
    figure_check(descent_quadratic_spectrum(&q, N, lambda, NULL, 0, 180,
                                            &err),
                 "quadratic", err.message);
    double distance2 = 0;
    for (int r = 0; r < N; r++) {
        star[r] = 0;
        for (int i = ZEROS; i < N; i++)
            star[r] += q.Q[r * N + i];
        distance2 += star[r] * star[r];
    }
    for (int r = 0; r < N; r++) {
        q.b[r] = 0;
        for (int i = 0; i < N; i++)
            q.b[r] -= q.A[r * N + i] * star[i];
    }
    descent_objective f = descent_quadratic_objective(&q);
    double value_star = descent_value(&f, star);

    descent_trace trace[RUNS];
    for (int p = 0; p < RUNS; p++) {
        descent_momentum_direction m;
        figure_check(descent_trace_init(&trace[p], N, false, &err),
                     "trace", err.message);
        if (p > 0)
            figure_check(descent_momentum_direction_init(
                             &m, N, DESCENT_NESTEROV, 1 / L,
                             p == 2 ? constant_beta : 0, p == 1, &err),
                         names[p], err.message);
        descent_direction_rule direction =
            p == 0 ? descent_steepest_descent() : descent_momentum_rule(&m);
        descent_step_schedule schedule;
        descent_step_rule step = descent_fixed_step(&schedule, 1 / L);
        descent_options options = descent_default_options();
        options.max_iterations = STEPS;
        options.gradient_tolerance = 0;
        options.stall_iterations = 0;
        options.trace = &trace[p];
        descent_result result;
        for (int i = 0; i < N; i++)
            theta[i] = 0;
        descent_status st = descent_minimize(&f, &direction, &step,
                                             &options, theta, &result);
        if (st != DESCENT_MAX_ITERATIONS)
            figure_check(st, names[p], result.message);
        if (p > 0)
            descent_momentum_direction_free(&m);
    }

    FILE *out = figure_open(folder, "mom-convex.dat");
    fprintf(out, "# ||theta_0 - theta*||^2 = %.10g, L = %g\n"
                 "# k, E-E* for gradient descent, Nesterov (schedule), "
                 "Nesterov (constant beta), bound_gd, bound_nesterov\n",
            distance2, L);
    for (size_t k = 1; k <= STEPS; k++)
        fprintf(out, "%zu %.6e %.6e %.6e %.6e %.6e\n", k,
                trace[0].value[k] - value_star,
                trace[1].value[k] - value_star,
                trace[2].value[k] - value_star,
                L * distance2 / (2.0 * (double)k),
                2 * L * distance2 /
                    (((double)k + 1) * ((double)k + 1)));
    fprintf(out, "\n\n# the constant beta\n%g\n", constant_beta);
    figure_close(out, "mom-convex.dat");
    for (int p = 0; p < RUNS; p++)
        descent_trace_free(&trace[p]);
    descent_quadratic_free(&q);
    return EXIT_SUCCESS;
}
