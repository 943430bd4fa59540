/* driver-overhead.c: what the descent driver costs over a bare loop.
 *
 * Gradient descent with a fixed step on a dense n-dimensional quadratic,
 * run two ways in the same process: through descent_minimize (steepest
 * descent, fixed step, no trace) and as a hand-written loop making the
 * same BLAS calls (one dsymv and two dot products per iteration for the
 * value and gradient, one axpy for the step). Both do the same
 * arithmetic; the ratio of their times is the price of the driver's
 * generality: its checks, its rule calls and its bookkeeping. Each
 * measurement is repeated and the median reported, since the machine
 * is shared.
 */
#define _POSIX_C_SOURCE 199309L
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "descent.h"
#include "timing.h"

char *openblas_get_corename(void);
char *openblas_get_config(void);

enum { REPEATS = 9 };



/* The bare loop: value and gradient as the library's quadratic computes
 * them, then theta -= eta g. */
static double bare_loop(const descent_quadratic *q, double eta,
                        size_t iterations, double *theta, double *g)
{
    int n = (int)q->n;
    double value = 0;
    for (size_t k = 0; k <= iterations; k++) {
        cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, q->A, n, theta, 1,
                    0.0, g, 1);
        value = 0.5 * cblas_ddot(n, theta, 1, g, 1) +
                cblas_ddot(n, q->b, 1, theta, 1) + q->c;
        cblas_daxpy(n, 1.0, q->b, 1, g, 1);
        if (cblas_dnrm2(n, g, 1) <= 0 || k == iterations)
            break;
        cblas_daxpy(n, -eta, g, 1, theta, 1);
    }
    return value;
}

static int run(size_t n, size_t iterations)
{
    descent_error error;
    descent_quadratic q;
    double *lambda = malloc(n * sizeof *lambda);
    double *theta = malloc(n * sizeof *theta);
    double *g = malloc(n * sizeof *g);
    double bare[REPEATS], driver[REPEATS], bare_value = 0;
    descent_result result = {0};
    if (!lambda || !theta || !g)
        return 1;
    for (size_t i = 0; i < n; i++)
        lambda[i] = 1 + 99.0 * (double)i / (double)(n > 1 ? n - 1 : 1);
    if (descent_quadratic_spectrum(&q, n, lambda, NULL, 0, 7, &error)) {
        fprintf(stderr, "%s\n", error.message);
        return 1;
    }
    descent_objective f = descent_quadratic_objective(&q);
    descent_step_schedule schedule;
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 1.0 / 100);
    descent_options options = descent_default_options();
    options.max_iterations = iterations;
    options.gradient_tolerance = 0;
    options.stall_iterations = 0;
    for (int r = 0; r < REPEATS; r++) {
        for (size_t i = 0; i < n; i++)
            theta[i] = 1;
        double t0 = now();
        bare_value = bare_loop(&q, 1.0 / 100, iterations, theta, g);
        bare[r] = now() - t0;
        for (size_t i = 0; i < n; i++)
            theta[i] = 1;
        t0 = now();
        descent_minimize(&f, &sd, &step, &options, theta, &result);
        driver[r] = now() - t0;
    }
    if (result.status != DESCENT_MAX_ITERATIONS ||
        result.value != bare_value) {
        fprintf(stderr, "n = %zu: the two runs disagree (%s; %.17g vs "
                "%.17g)\n", n, result.message, result.value, bare_value);
        return 1;
    }
    double b = median(bare, REPEATS), d = median(driver, REPEATS);
    printf("%6zu %10zu %14.3f %14.3f %8.3f\n", n, iterations,
           1e6 * b / (double)iterations, 1e6 * d / (double)iterations,
           d / b);
    descent_quadratic_free(&q);
    free(lambda);
    free(theta);
    free(g);
    return 0;
}

int main(void)
{
    printf("driver overhead: gradient descent on a dense quadratic\n");
    printf("OpenBLAS core: %s (config: %s)\n", openblas_get_corename(),
           openblas_get_config());
    const char *forced = getenv("OPENBLAS_CORETYPE");
    printf("OPENBLAS_CORETYPE: %s\n", forced ? forced : "(not set)");
    printf("medians of %d runs; times per iteration in microseconds\n",
           REPEATS);
    printf("%6s %10s %14s %14s %8s\n", "n", "iterations", "bare loop",
           "driver", "ratio");
    const size_t sizes[] = {2, 10, 100, 1000};
    const size_t iterations[] = {200000, 100000, 20000, 1000};
    for (int i = 0; i < 4; i++)
        if (run(sizes[i], iterations[i]))
            return 1;
    return 0;
}
