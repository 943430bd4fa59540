/* newton-lm-path.c: data for Figure "newton-lm-path" of Chapter 5
   (fig:newton-lm-path). The exponential fit a e^{bt} to eight points
   y_i = 2 e^{-0.7 t_i} + 0.01 sin 7i, t_i = i/2, at (a, b) = (1, 0): the
   Levenberg-Marquardt step without scaling (D = I) for mu from 10^-3 to
   10^3, the Gauss-Newton step (mu = 0) and the steepest-descent ray.
   Writes OUTDIR/newton-lm-path-grid.dat (E on a grid, for the contours)
   and OUTDIR/newton-lm-path.dat: block 0 the path, columns mu, a, b; block
   1 the Gauss-Newton point and the start; block 2 the gradient ray. */
#include <math.h>
#include <stdio.h>
#include "descent.h"
#include "figure.h"

static void residuals(const double *x, double *r, double *J, void *context)
{
    (void)context;
    for (int i = 0; i < 8; i++) {
        double t = 0.5 * i, v = exp(x[1] * t);
        r[i] = x[0] * v - (2 * exp(-0.7 * t) + 0.01 * sin(7.0 * i));
        if (J != NULL) {
            J[2 * i] = v;
            J[2 * i + 1] = x[0] * t * v;
        }
    }
}

static double value(const double *x)
{
    double r[8], sum = 0;
    residuals(x, r, NULL, NULL);
    for (int i = 0; i < 8; i++)
        sum += r[i] * r[i];
    return 0.5 * sum;
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const double theta[2] = {1, 0};
    descent_error err;
    descent_lm lm;
    descent_least_squares fit = {8, 2, residuals, NULL, "exponential fit"};
    figure_check(descent_lm_init(&lm, 8, 2, &err), "lm", err.message);
    lm.scale = false;
    FILE *out = figure_open(folder, "newton-lm-path-grid.dat");
    fprintf(out, "# a b E\n");
    for (int i = 0; i <= 120; i++) {
        for (int j = 0; j <= 100; j++) {
            double x[2] = {0.6 + 2.4 * i / 120, -1.2 + 1.4 * j / 100};
            fprintf(out, "%g %g %.10g\n", x[0], x[1], value(x));
        }
        fprintf(out, "\n");
    }
    figure_close(out, "newton-lm-path-grid.dat");
    out = figure_open(folder, "newton-lm-path.dat");
    fprintf(out, "# mu a b\n");
    double p[2], g[2];
    for (int k = 0; k <= 120; k++) {
        double mu = pow(10, -3 + 6.0 * k / 120);
        figure_check(descent_lm_step(&lm, &fit, theta, mu, p, &err), "step",
                     err.message);
        fprintf(out, "%g %.10g %.10g\n", mu, theta[0] + p[0], theta[1] + p[1]);
    }
    figure_check(descent_lm_step(&lm, &fit, theta, 0, p, &err), "step",
                 err.message);
    fprintf(out, "\n\n# the Gauss-Newton point, then the start\n"
                 "0 %.10g %.10g\n0 %g %g\n", theta[0] + p[0], theta[1] + p[1],
            theta[0], theta[1]);
    for (int j = 0; j < 2; j++)
        g[j] = 0;
    for (int i = 0; i < 8; i++) {
        double r[8], J[16];
        residuals(theta, r, J, NULL);
        g[0] += J[2 * i] * r[i];
        g[1] += J[2 * i + 1] * r[i];
    }
    double norm = hypot(g[0], g[1]);
    fprintf(out, "\n\n# the steepest-descent ray\n%g %g %g\n%g %g %g\n", 0.0,
            theta[0], theta[1], 1.0, theta[0] - g[0] / norm,
            theta[1] - g[1] / norm);
    figure_close(out, "newton-lm-path.dat");
    descent_lm_free(&lm);
    return 0;
}
