/* mom-rates.c: data for Figure "mom-rates" of Chapter 4 (fig:mom-rates).
   Measures the asymptotic rates of gradient descent (best fixed step),
   the heavy ball (best eta and beta) and Nesterov's method (eta = 1/L,
   beta = (sqrt k - 1)/(sqrt k + 1)) on 10-dimensional quadratics with
   eigenvalues evenly spaced in [1, kappa], over a range of kappa. Each
   method runs the flat update rule (gradient descent as the heavy ball
   with beta = 0) from theta_0 = Q 1 for a window of K = 40/(1 - rho)
   steps, rho its predicted rate, and its rate is measured as
   (max ||theta|| over [3K/4, K] / max over [K/4, K/2])^(2/K): the
   maxima smooth the oscillations of complex roots, and the long window
   makes the factor k of a double root negligible. Writes
   OUTDIR/mom-rates.dat. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "momentum.h"

enum { N = 10, CASES = 12, METHODS = 3 };

/* The measured rate of one method on q from theta_0 = Q 1. */
static double measured_rate(descent_quadratic *q,
                            descent_momentum_kind kind, double eta,
                            double beta, size_t window)
{
    descent_objective f = descent_quadratic_objective(q);
    descent_momentum m;
    descent_error err;
    double theta[N], g[N], early = 0, late = 0;
    for (int r = 0; r < N; r++) {
        theta[r] = 0;
        for (int i = 0; i < N; i++)
            theta[r] += q->Q[r * N + i];
    }
    figure_check(descent_momentum_init(&m, N, kind, eta, beta, &err),
                 "momentum", err.message);
    for (size_t k = 0; k <= window; k++) {
        double norm = 0;
        for (int i = 0; i < N; i++)
            norm += theta[i] * theta[i];
        norm = sqrt(norm);
        if (k >= window / 4 && k <= window / 2)
            early = fmax(early, norm);
        if (k >= 3 * window / 4)
            late = fmax(late, norm);
        descent_value_gradient(&f, theta, g);
        figure_check(descent_momentum_step(&m, theta, g, &err), "step",
                     err.message);
    }
    descent_momentum_free(&m);
    return pow(late / early, 1 / (0.5 * (double)window));
}

int main(int argc, char **argv)
{
    const double kappa_min = 2, kappa_max = 1e4;
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    FILE *out = figure_open(folder, "mom-rates.dat");
    fprintf(out, "# kappa, then measured and predicted rate and window K "
                 "for gradient descent, heavy ball, Nesterov\n");
    for (int c = 0; c < CASES; c++) {
        double kappa = kappa_min * pow(kappa_max / kappa_min,
                                       (double)c / (CASES - 1));
        double lambda[N];
        for (int i = 0; i < N; i++)
            lambda[i] = 1 + (kappa - 1) * i / (N - 1);
        descent_quadratic q;
        figure_check(descent_quadratic_spectrum(&q, N, lambda, NULL, 0,
                                                (unsigned)c + 1, &err),
                     "quadratic", err.message);
        double root = sqrt(kappa), gap = (root - 1) / (root + 1);
        const descent_momentum_kind kind[METHODS] = {
            DESCENT_HEAVY_BALL, DESCENT_HEAVY_BALL, DESCENT_NESTEROV};
        const double eta[METHODS] = {
            descent_gd_best_step(1, kappa), 4 / ((root + 1) * (root + 1)),
            1 / kappa};
        const double beta[METHODS] = {0, gap * gap, gap};
        const double predicted[METHODS] = {(kappa - 1) / (kappa + 1), gap,
                                           1 - 1 / root};
        fprintf(out, "%-10.6g", kappa);
        for (int p = 0; p < METHODS; p++) {
            size_t window = (size_t)ceil(40 / (1 - predicted[p]));
            fprintf(out, " %.10f %.10f %6zu",
                    measured_rate(&q, kind[p], eta[p], beta[p], window),
                    predicted[p], window);
        }
        fprintf(out, "\n");
        descent_quadratic_free(&q);
    }
    figure_close(out, "mom-rates.dat");
    return EXIT_SUCCESS;
}
