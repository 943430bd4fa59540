/* cg-residuals.c: data for Figure "cg-residuals" of Chapter 3
   (fig:cg-residuals). Linear CG on A x = b for three symmetric positive
   definite A of order n = 100 made by descent_quadratic_spectrum, with
   (a) 5 distinct eigenvalues 1, 10, 100, 300, 1000, 20 times each;
   (b) two clusters, 50 eigenvalues spread evenly over [1, 1.01] and 50
   over [1000, 1010]; (c) eigenvalues spread evenly over [1, 1000]; with
   b_i = sin(i+1), x_0 = 0, until ||r||/||b|| <= 1e-14 or 300 steps.
   Writes OUTDIR/cg-residuals.dat: one block per spectrum, after a
   header line with its name (LaTeX, as a gnuplot string in double
   quotes, backslashes doubled, for columnheader) and '#' lines;
   columns k, ||r_k||/||b||, and the relative A-norm error
   ||x_k - x*||_A / ||x_0 - x*||_A, with x* from the eigenvectors
   (descent_quadratic_critical_point). A fourth block holds the
   Chebyshev bound 2((sqrt(kappa)-1)/(sqrt(kappa)+1))^k for the kappa of
   spectrum (c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "cg.h"
#include "descent.h"
#include "figure.h"

enum { N = 100, MAX_STEPS = 300 };

static const double distinct[] = {1, 10, 100, 300, 1000};
enum { DISTINCT = sizeof distinct / sizeof distinct[0] };
static const double clusters[2] = {1, 1000}, spread = 0.01;
static const double uniform[2] = {1, 1000};

/* The eigenvalues of spectrum p (0, 1, 2 for a, b, c), and its name for
   the key, as LaTeX text. */
static void spectrum(int p, double *lambda, char *name, size_t size)
{
    for (int i = 0; i < N; i++) {
        if (p == 0)
            lambda[i] = distinct[i % DISTINCT];
        else if (p == 1)
            lambda[i] = clusters[i < N / 2 ? 0 : 1] *
                        (1 + spread * (i % (N / 2)) / (N / 2 - 1));
        else
            lambda[i] = uniform[0] + (uniform[1] - uniform[0]) * i / (N - 1);
    }
    if (p == 0)
        snprintf(name, size, "%d distinct eigenvalues", DISTINCT);
    else if (p == 1)
        snprintf(name, size, "two clusters, %g\\\\%% wide", 100 * spread);
    else
        snprintf(name, size, "uniform in $[%g,%g]$", uniform[0], uniform[1]);
}

/* ||v||_A = sqrt(v^T A v). */
static double a_norm(const double *A, const double *v)
{
    double sum = 0;
    for (int i = 0; i < N; i++) {
        double row = 0;
        for (int j = 0; j < N; j++)
            row += A[i * N + j] * v[j];
        sum += v[i] * row;
    }
    return sqrt(sum);
}

int main(int argc, char **argv)
{
    char name[128];
    static double lambda[N], b[N], minus_b[N], x[N], x_star[N], e[N];
    static double norms[MAX_STEPS + 1], iterates[(MAX_STEPS + 1) * N];
    double kappa = NAN;
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    for (int i = 0; i < N; i++) {
        b[i] = sin(i + 1);
        minus_b[i] = -b[i];
    }
    FILE *out = figure_open(folder, "cg-residuals.dat");
    for (int p = 0; p < 3; p++) {
        /* descent_quadratic minimizes x'Ax/2 + b'x: with -b as its linear
           term, its critical point solves A x = b. */
        descent_quadratic q;
        spectrum(p, lambda, name, sizeof name);
        figure_check(descent_quadratic_spectrum(&q, N, lambda, minus_b, 0,
                                                1u + (unsigned)p, &err),
                     name, err.message);
        figure_check(descent_quadratic_critical_point(&q, x_star, &err),
                     name, err.message);
        descent_cg_options options = descent_cg_default_options();
        options.tolerance = 1e-14;
        options.max_iterations = MAX_STEPS;
        options.residual_norms = norms;
        options.iterates = iterates;
        descent_cg_result result;
        for (int i = 0; i < N; i++)
            x[i] = 0;
        descent_status st =
            descent_linear_cg(N, q.A, b, x, &options, &result);
        if (st == DESCENT_MAX_ITERATIONS)
            st = DESCENT_OK;       /* the curve up to the cap is the point */
        figure_check(st, name, result.message);
        double lo = lambda[0], hi = lambda[0];
        for (int i = 1; i < N; i++) {
            lo = fmin(lo, lambda[i]);
            hi = fmax(hi, lambda[i]);
        }
        kappa = hi / lo;
        double e0 = a_norm(q.A, x_star);        /* x_0 = 0 */
        fprintf(out, "%s\"%s\"\n# %s: kappa = %.6g, %zu steps, "
                     "||r||/||b|| = %.3g\n# k ||r_k||/||b|| "
                     "||x_k - x*||_A/||x_0 - x*||_A\n",
                p > 0 ? "\n\n" : "", name, name, kappa,
                result.iterations, result.relative_residual);
        for (size_t k = 0; k <= result.iterations; k++) {
            for (int i = 0; i < N; i++)
                e[i] = iterates[k * N + i] - x_star[i];
            fprintf(out, "%zu %.6e %.6e\n", k, norms[k], a_norm(q.A, e) / e0);
        }
        descent_quadratic_free(&q);
    }
    /* The bound, for the last (uniform) spectrum's kappa. */
    double rate = (sqrt(kappa) - 1) / (sqrt(kappa) + 1);
    fprintf(out, "\n\n\"bound\"\n# 2 ((sqrt(kappa)-1)/(sqrt(kappa)+1))^k, "
                 "kappa = %.6g\n# k bound kappa\n", kappa);
    for (int k = 0; k <= MAX_STEPS; k++)
        fprintf(out, "%d %.6e %.6g\n", k, 2 * pow(rate, k), kappa);
    figure_close(out, "cg-residuals.dat");
    return EXIT_SUCCESS;
}
