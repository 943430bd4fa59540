/* stoch-paths.c: data for Figure "stoch-paths" of Chapter 7
   (fig:stoch-paths). On the two-dimensional regression of Claim
   stoch-zone (N = 1000, condition 4, noise 0.5, seed 7), gradient descent
   with the full gradient and SGD with m = 1 and m = 16, all with
   eta = 0.05 from theta* + (-3, 2.5), for 400 steps. Writes, relative to
   theta*: stoch-paths-gd.dat, stoch-paths-sgd1.dat, stoch-paths-sgd16.dat
   (x y per step, the start first); stoch-paths-levels.dat (level sets of
   E, one block per level); stoch-paths-zone.dat (the circles of radius
   sqrt of the first-order zone, one block per batch size). */
#include <math.h>
#include <stdio.h>
#include "descent.h"
#include "figure.h"

enum { STEPS = 400 };
static const double eta = 0.05, start[2] = {-3, 2.5},
                    pi = 3.14159265358979323846;

static void write_path(const char *folder, const char *file,
                       const descent_regression *p, const double *path)
{
    FILE *out = figure_open(folder, file);
    fprintf(out, "# theta - theta*, from the start\n%g %g\n", start[0],
            start[1]);
    for (int k = 0; k < STEPS; k++)
        fprintf(out, "%.8g %.8g\n", path[2 * k] - p->theta_star[0],
                path[2 * k + 1] - p->theta_star[1]);
    figure_close(out, file);
}

/* The level sets E - E* = L: e = sqrt(2L) R^{-1} u with H = R^T R. */
static void write_levels(const char *folder, const descent_regression *p)
{
    const double *H = p->H;
    double r11 = sqrt(H[0]), r12 = H[1] / r11,
           r22 = sqrt(H[3] - r12 * r12);
    FILE *out = figure_open(folder, "stoch-paths-levels.dat");
    for (int level = 0; level < 6; level++) {
        double size = sqrt(2 * 0.05 * pow(3, level));
        for (int t = 0; t <= 200; t++) {
            double u0 = cos(2 * pi * t / 200), u1 = sin(2 * pi * t / 200);
            double e1 = size * u1 / r22, e0 = (size * u0 - r12 * e1) / r11;
            fprintf(out, "%.6g %.6g\n", e0, e1);
        }
        fprintf(out, "\n\n");
    }
    figure_close(out, "stoch-paths-levels.dat");
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    descent_regression p;
    descent_schedule s;
    descent_random r;
    descent_error err;
    static double path[2 * STEPS];
    figure_check(descent_regression_init(&p, 1000, 2, 4, 0.5, 7, &err),
                 "regression", err.message);
    figure_check(descent_schedule_init(&s, DESCENT_SCHEDULE_CONSTANT, eta, 0,
                                       0, &err), "schedule", err.message);
    /* Gradient descent with the full gradient. */
    double theta[2] = {p.theta_star[0] + start[0], p.theta_star[1] + start[1]};
    for (int k = 0; k < STEPS; k++) {
        double g[2];
        figure_check(descent_regression_gradient(&p, theta, NULL, p.count, g,
                                                 &err),
                     "gradient", err.message);
        theta[0] -= eta * g[0];
        theta[1] -= eta * g[1];
        path[2 * k] = theta[0];
        path[2 * k + 1] = theta[1];
    }
    write_path(folder, "stoch-paths-gd.dat", &p, path);
    /* SGD with m = 1 and m = 16, and the circles of their zones. */
    const size_t sizes[2] = {1, 16};
    const char *files[2] = {"stoch-paths-sgd1.dat", "stoch-paths-sgd16.dat"};
    FILE *zone = figure_open(folder, "stoch-paths-zone.dat");
    for (int b = 0; b < 2; b++) {
        descent_sgd_path record = {.theta = path};
        double first;
        theta[0] = p.theta_star[0] + start[0];
        theta[1] = p.theta_star[1] + start[1];
        descent_random_seed(&r, 11 + (uint64_t)b);
        figure_check(descent_regression_sgd(&p, theta, sizes[b], &s, STEPS,
                                            &r, &record, &err),
                     "sgd", err.message);
        write_path(folder, files[b], &p, path);
        figure_check(descent_regression_stationary(&p, eta, sizes[b], &first,
                                                   NULL, &err),
                     "stationary", err.message);
        for (int t = 0; t <= 100; t++)
            fprintf(zone, "%.6g %.6g\n", sqrt(first) * cos(2 * pi * t / 100),
                    sqrt(first) * sin(2 * pi * t / 100));
        fprintf(zone, "\n\n");
    }
    figure_close(zone, "stoch-paths-zone.dat");
    write_levels(folder, &p);
    descent_regression_free(&p);
    return 0;
}
