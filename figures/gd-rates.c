/* gd-rates.c: data for Figure "gd-rates" of Chapter 1 (fig:rates).
   Measures the asymptotic rate of gradient descent with the best fixed
   step on random 10-dimensional quadratics over a range of condition
   numbers. Writes OUTDIR/gd-rates.dat. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"

enum { N = 10, CASES = 13 };

static void check(descent_status s, const char *what, const char *message)
{
    if (s != DESCENT_OK) {
        fprintf(stderr, "gd-rates: %s: %s: %s\n", what,
                descent_status_name(s), message);
        exit(EXIT_FAILURE);
    }
}

/* A uniform number in [0,1) from a 64-bit linear congruential generator,
   so that the spectra are the same on every machine. */
static double uniform(unsigned long long *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) * 0x1.0p-53;
}

int main(int argc, char **argv)
{
    const double kappa_min = 2, kappa_max = 1e4;
    unsigned long long rng = 2024;
    descent_error err;
    descent_trace trace;
    char path[4096];

    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return EXIT_FAILURE;
    }
    snprintf(path, sizeof path, "%s/gd-rates.dat", argv[1]);
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        perror(path);
        return EXIT_FAILURE;
    }
    check(descent_trace_init(&trace, N, false, &err), "trace", err.message);
    fprintf(out, "# kappa measured_rate predicted_rate "
                 "steps_per_digit iterations\n");

    for (int c = 0; c < CASES; c++) {
        double kappa = kappa_min * pow(kappa_max / kappa_min,
                                       (double)c / (CASES - 1));
        double lambda[N] = {1, kappa};
        for (int i = 2; i < N; i++)
            lambda[i] = 1 + (kappa - 1) * uniform(&rng);
        descent_quadratic q;
        check(descent_quadratic_spectrum(&q, N, lambda, NULL, 0,
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
            check(s, "minimize", result.message);

        size_t K = trace.length - 1;
        double rate = sqrt(trace.value[K] / trace.value[K - 1]);
        fprintf(out, "%-10.6g %.10f %.10f %.6g %zu\n", kappa, rate,
                descent_gd_rate(N, q.lambda, eta), -1 / log10(rate), K);
        descent_quadratic_free(&q);
    }
    descent_trace_free(&trace);
    if (fclose(out) != 0) {
        perror(path);
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
