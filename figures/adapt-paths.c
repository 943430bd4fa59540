/* adapt-paths.c: data for Figure "adapt-paths" of Chapter 8
   (fig:adapt-paths). Gradient descent, AdaGrad, RMSProp and Adam, with
   PyTorch's default hyperparameters but for the learning rate, on the
   quadratic E = (theta_1^2 + 50 theta_2^2)/2 from (-2.5, 0.6) for 200
   iterations (gradient descent with its best fixed step 2/51, the
   adaptive methods with eta = 0.05), and on Rosenbrock's function from
   (-1.2, 1) for 2000 iterations (gradient descent with eta = 1e-3, the
   adaptive methods with the rates in ROSENBROCK_ETA). Writes
   adapt-paths-quad-METHOD.dat and adapt-paths-rosen-METHOD.dat (x y per
   iterate, the start first) for METHOD in gd, adagrad, rmsprop, adam,
   and adapt-paths-quad-levels.dat and adapt-paths-rosen-levels.dat (a
   grid of E, for gnuplot's contours). */
#include <math.h>
#include <stdio.h>
#include "descent.h"
#include "figure.h"

enum { METHODS = 4 };
static const descent_adaptive_kind kinds[METHODS] = {
    DESCENT_ADAPTIVE_SGD, DESCENT_ADAPTIVE_ADAGRAD, DESCENT_ADAPTIVE_RMSPROP,
    DESCENT_ADAPTIVE_ADAM};
static const char *names[METHODS] = {"gd", "adagrad", "rmsprop", "adam"};
static const double QUADRATIC_ETA[METHODS] = {2.0 / 51, 0.5, 0.05, 0.05};
static const double ROSENBROCK_ETA[METHODS] = {1e-3, 0.5, 0.02, 0.02};

/* E and its gradient for the two problems. */
static double quadratic(const double *theta, double *g, void *context)
{
    (void)context;
    g[0] = theta[0];
    g[1] = 50 * theta[1];
    return (theta[0] * theta[0] + 50 * theta[1] * theta[1]) / 2;
}

static double rosenbrock(const double *theta, double *g, void *context)
{
    descent_objective *f = context;
    return f->evaluate(theta, g, f->context);
}

/* Run one method for STEPS iterations from START and write its path. */
static void write_path(const char *folder, const char *file,
                       descent_adaptive_kind kind, double eta, int steps,
                       const double start[2],
                       double (*evaluate)(const double *, double *, void *),
                       void *context)
{
    descent_adaptive rule;
    descent_error err;
    double theta[2] = {start[0], start[1]}, g[2];
    figure_check(descent_adaptive_init(&rule, 2, kind, NULL, &err),
                 "descent_adaptive_init", err.message);
    FILE *out = figure_open(folder, file);
    fprintf(out, "# %s, eta = %g: theta_1 theta_2\n%.8g %.8g\n",
            descent_adaptive_name(kind), eta, theta[0], theta[1]);
    for (int k = 0; k < steps; k++) {
        evaluate(theta, g, context);
        figure_check(descent_adaptive_step(&rule, theta, g, eta, &err),
                     "descent_adaptive_step", err.message);
        fprintf(out, "%.8g %.8g\n", theta[0], theta[1]);
    }
    figure_close(out, file);
    descent_adaptive_free(&rule);
}

/* A grid of log10(E - E* + 1e-3) over the box, for the contours. */
static void write_levels(const char *folder, const char *file,
                         const double box[4],
                         double (*evaluate)(const double *, double *, void *),
                         void *context)
{
    FILE *out = figure_open(folder, file);
    double g[2];
    for (int i = 0; i <= 120; i++) {
        for (int j = 0; j <= 120; j++) {
            double theta[2] = {box[0] + (box[1] - box[0]) * i / 120,
                               box[2] + (box[3] - box[2]) * j / 120};
            fprintf(out, "%.6g %.6g %.6g\n", theta[0], theta[1],
                    log10(evaluate(theta, g, context) + 1e-3));
        }
        fprintf(out, "\n");
    }
    figure_close(out, file);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const double quadratic_start[2] = {-2.5, 0.6},
                 rosenbrock_start[2] = {-1.2, 1},
                 quadratic_box[4] = {-3, 1, -1, 1},
                 rosenbrock_box[4] = {-1.6, 1.4, -0.4, 1.6};
    descent_rosenbrock r;
    descent_error err;
    char file[64];
    figure_check(descent_rosenbrock_init(&r, 2, 1, 100, &err),
                 "descent_rosenbrock_init", err.message);
    descent_objective f = descent_rosenbrock_objective(&r);
    for (int m = 0; m < METHODS; m++) {
        snprintf(file, sizeof file, "adapt-paths-quad-%s.dat", names[m]);
        write_path(folder, file, kinds[m], QUADRATIC_ETA[m], 200,
                   quadratic_start, quadratic, NULL);
        snprintf(file, sizeof file, "adapt-paths-rosen-%s.dat", names[m]);
        write_path(folder, file, kinds[m], ROSENBROCK_ETA[m], 2000,
                   rosenbrock_start, rosenbrock, &f);
    }
    write_levels(folder, "adapt-paths-quad-levels.dat", quadratic_box,
                 quadratic, NULL);
    write_levels(folder, "adapt-paths-rosen-levels.dat", rosenbrock_box,
                 rosenbrock, &f);
    return 0;
}
