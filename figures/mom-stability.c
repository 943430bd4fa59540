/* mom-stability.c: data for Figure "mom-stability" of Chapter 4
   (fig:mom-stability). The heavy ball's verdict on the one-dimensional
   quadratic E = lambda w^2/2 over a grid of (eta lambda, beta): the flat
   update rule with eta = 1 and lambda = eta lambda (negative curvature
   gives the negative values), from w = 1, for up to 5000 steps; a point
   has converged if |w| < 1e-6 by then (runs that pass |w| > 1e6 are
   stopped as not converged). Writes OUTDIR/mom-stability.dat
   ("h beta converged steps rho", with h = eta lambda and rho the
   spectral radius of the iteration matrix T). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "momentum.h"

/* The larger modulus of the roots of z^2 - (1 + beta - h) z + beta. */
static double spectral_radius(double h, double beta)
{
    double sum = 1 + beta - h, discriminant = sum * sum - 4 * beta;
    if (discriminant < 0)
        return sqrt(beta);
    double root = sqrt(discriminant);
    return fmax(fabs(sum + root), fabs(sum - root)) / 2;
}

int main(int argc, char **argv)
{
    const double h_min = -0.2, h_step = 0.1, beta_step = 0.05;
    const int h_count = 47, beta_count = 20;     /* h to 4.4, beta to 0.95 */
    const int max_steps = 5000;
    const double tolerance = 1e-6, blowup = 1e6;
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    FILE *out = figure_open(folder, "mom-stability.dat");
    fprintf(out, "# h=eta*lambda beta converged steps rho\n");
    for (int i = 0; i < h_count; i++)
        for (int j = 0; j < beta_count; j++) {
            double h = h_min + h_step * i, beta = beta_step * j, w = 1;
            descent_momentum m;
            figure_check(descent_momentum_init(&m, 1, DESCENT_HEAVY_BALL, 1,
                                               beta, &err),
                         "heavy ball", err.message);
            int k = 0;
            while (k < max_steps && fabs(w) >= tolerance && fabs(w) < blowup) {
                double g = h * w;
                figure_check(descent_momentum_step(&m, &w, &g, &err),
                             "heavy-ball step", err.message);
                k++;
            }
            descent_momentum_free(&m);
            fprintf(out, "%.2f %.2f %d %d %.6f\n", h, beta,
                    fabs(w) < tolerance, k, spectral_radius(h, beta));
        }
    figure_close(out, "mom-stability.dat");
    return EXIT_SUCCESS;
}
