/* gd-rates.c: data for Figure "gd-rates" of Chapter 1 (fig:rates).
   Measures the asymptotic rate of gradient descent with the best fixed
   step on random 10-dimensional quadratics over a range of condition
   numbers. Writes OUTDIR/gd-rates.dat. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

enum { N = 10, CASES = 13 };

int main(int argc, char **argv)
{
    const double kappa_min = 2, kappa_max = 1e4;
    /* The book's generator, as in the library and the tests, so that the
       spectra are the same on every machine. */
    descent_random random;
    descent_error err;
    descent_trace trace;
    const char *folder = figure_data_folder(argc, argv);

    descent_random_seed(&random, 2024);
    FILE *out = figure_open(folder, "gd-rates.dat");
    figure_check(descent_trace_init(&trace, N, false, &err), "trace",
                 err.message);
    fprintf(out, "# kappa measured_rate predicted_rate "
                 "steps_per_digit iterations\n");

    for (int c = 0; c < CASES; c++) {
        double kappa = kappa_min * pow(kappa_max / kappa_min,
                                       (double)c / (CASES - 1));
        double lambda[N] = {1, kappa};
        for (int i = 2; i < N; i++)   /* uniform in [1, kappa) */
            lambda[i] = 1 + (kappa - 1) * descent_random_uniform(&random);
        descent_quadratic q;
        figure_check(descent_quadratic_spectrum(&q, N, lambda, NULL, 0,
                                                (unsigned)c + 1, &err),
                     "quadratic", err.message);
        descent_objective f = descent_quadratic_objective(&q);

        /* theta_0 = Q 1: weight 1 on every eigendirection. */
        double theta[N];
        for (int r = 0; r < N; r++) {
            theta[r] = 0;
            for (int i = 0; i < N; i++)
                theta[r] += q.Q[r * N + i];
        }
        /* 20 kappa steps shrink E by about exp(-80): long enough for the
           slowest direction to dominate, not so long that E underflows. */
        double eta = descent_gd_best_step(1, kappa);
        descent_step_schedule schedule;
        descent_direction_rule direction = descent_steepest_descent();
        descent_step_rule step = descent_fixed_step(&schedule, eta);
        descent_options options = descent_default_options();
        options.max_iterations = (size_t)ceil(20 * kappa);
        options.gradient_tolerance = 0;
        options.stall_iterations = 0;
        options.trace = &trace;
        descent_result result;
        descent_status s = descent_minimize(&f, &direction, &step, &options,
                                            theta, &result);
        if (s != DESCENT_OK && s != DESCENT_MAX_ITERATIONS)
            figure_check(s, "minimize", result.message);

        size_t K = trace.length - 1;
        double rate = sqrt(trace.value[K] / trace.value[K - 1]);
        fprintf(out, "%-10.6g %.10f %.10f %.6g %zu\n", kappa, rate,
                descent_gd_rate(N, q.lambda, eta), -1 / log10(rate), K);
        descent_quadratic_free(&q);
    }
    descent_trace_free(&trace);
    figure_close(out, "gd-rates.dat");
    return EXIT_SUCCESS;
}
