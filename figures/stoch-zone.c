/* stoch-zone.c: data for Figure "stoch-zone" of Chapter 7
   (fig:stoch-zone). On the two-dimensional regression of Claim stoch-zone
   (N = 1000, condition 4, noise 0.5, seed 7), the stationary mean squared
   distance of constant-step SGD started at theta*, measured as the mean
   over 1000/(eta lambda_min) steps after 3/(eta lambda_min) steps of
   burn-in, with the exact and first-order predictions: against eta at
   m = 1 (stoch-zone-eta.dat) and against m at eta = 0.02
   (stoch-zone-m.dat), lines "eta m measured exact first-order". The fitted
   slopes of log measured against log eta, and against log m after
   dividing out (N - m)/(N - 1), go to stoch-zone-slopes.gp as gnuplot
   assignments. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

static double measure(const descent_regression *p, double lambda,
                      double eta, size_t m, uint64_t seed)
{
    size_t burn = (size_t)(3 / (eta * lambda)),
           steps = (size_t)(1000 / (eta * lambda));
    double theta[2] = {p->theta_star[0], p->theta_star[1]}, mean = 0;
    double *distance = malloc(steps * sizeof *distance);
    descent_sgd_path path = {.squared_distance = distance};
    descent_schedule s;
    descent_random r;
    descent_error err;
    if (distance == NULL)
        figure_check(DESCENT_OUT_OF_MEMORY, "distances", "malloc");
    descent_random_seed(&r, seed);
    figure_check(descent_schedule_init(&s, DESCENT_SCHEDULE_CONSTANT, eta, 0,
                                       0, &err), "schedule", err.message);
    figure_check(descent_regression_sgd(p, theta, m, &s, burn, &r, NULL,
                                        &err), "sgd", err.message);
    figure_check(descent_regression_sgd(p, theta, m, &s, steps, &r, &path,
                                        &err), "sgd", err.message);
    for (size_t k = 0; k < steps; k++)
        mean += distance[k] / (double)steps;
    free(distance);
    return mean;
}

/* The least-squares slope of y against x. */
static double slope(int n, const double *x, const double *y)
{
    double mx = 0, my = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
        mx += x[i] / n;
        my += y[i] / n;
    }
    for (int i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    return sxy / sxx;
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    enum { ETAS = 6, SIZES = 9 };
    descent_regression p;
    descent_error err;
    double x[SIZES], y[SIZES], slopes[2];
    figure_check(descent_regression_init(&p, 1000, 2, 4, 0.5, 7, &err),
                 "regression", err.message);
    double *H = p.H, tr = H[0] + H[3], det = H[0] * H[3] - H[1] * H[2];
    double lambda = (tr - sqrt(tr * tr - 4 * det)) / 2;
    for (int part = 0; part < 2; part++) {
        int count = part == 0 ? ETAS : SIZES;
        const char *file = part == 0 ? "stoch-zone-eta.dat" : "stoch-zone-m.dat";
        FILE *out = figure_open(folder, file);
        fprintf(out, "# eta m measured exact first-order\n");
        for (int i = 0; i < count; i++) {
            double eta = part == 0 ? 0.0025 * pow(2, i) : 0.02, first, exact;
            size_t m = part == 0 ? 1 : (size_t)1 << i;
            double mean = measure(&p, lambda, eta, m, 500 + (uint64_t)(10 * part + i));
            figure_check(descent_regression_stationary(&p, eta, m, &first,
                                                       &exact, &err),
                         "stationary", err.message);
            fprintf(out, "%g %zu %.6g %.6g %.6g\n", eta, m, mean, exact, first);
            x[i] = log(part == 0 ? eta : (double)m);
            y[i] = log(part == 0 ? mean : mean * 999 / (double)(1000 - m));
        }
        figure_close(out, file);
        slopes[part] = slope(count, x, y);
    }
    FILE *out = figure_open(folder, "stoch-zone-slopes.gp");
    fprintf(out, "slope_eta = %.3f\nslope_m = %.3f\n", slopes[0], slopes[1]);
    figure_close(out, "stoch-zone-slopes.gp");
    descent_regression_free(&p);
    return 0;
}
