/* adapt-effective.c: data for Figure "adapt-effective" of Chapter 8
   (fig:adapt-effective). AdaGrad and RMSProp with PyTorch's defaults
   and eta = 1e-2 on one coordinate whose gradients are s (1 + z/2), z
   standard Gaussian from the book's generator (seed 8), with s = 1 for
   steps 1-1000, 1e-2 for 1001-2000 and 10 for 2001-3000. Writes
   adapt-effective.dat: k, the gradient, and the two effective steps
   that descent_adaptive_effective_step reports after step k. */
#include <math.h>
#include <stdio.h>
#include "descent.h"
#include "figure.h"

enum { STEPS = 3000 };
static const double eta = 1e-2;

static void rule(descent_adaptive *a, descent_adaptive_kind kind)
{
    descent_error err;
    figure_check(descent_adaptive_init(a, 1, kind, NULL, &err),
                 "descent_adaptive_init", err.message);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    descent_adaptive adagrad, rmsprop;
    descent_random r;
    descent_error err;
    double x = 0, y = 0;
    rule(&adagrad, DESCENT_ADAPTIVE_ADAGRAD);
    rule(&rmsprop, DESCENT_ADAPTIVE_RMSPROP);
    descent_random_seed(&r, 8);
    FILE *out = figure_open(folder, "adapt-effective.dat");
    fprintf(out, "# k  g  AdaGrad  RMSProp (effective steps)\n");
    for (int k = 1; k <= STEPS; k++) {
        double s = k <= 1000 ? 1 : k <= 2000 ? 1e-2 : 10;
        double g = s * (1 + descent_random_gaussian(&r) / 2), a, b;
        figure_check(descent_adaptive_step(&adagrad, &x, &g, eta, &err),
                     "descent_adaptive_step", err.message);
        figure_check(descent_adaptive_step(&rmsprop, &y, &g, eta, &err),
                     "descent_adaptive_step", err.message);
        figure_check(descent_adaptive_effective_step(&adagrad, eta, &a, &err),
                     "descent_adaptive_effective_step", err.message);
        figure_check(descent_adaptive_effective_step(&rmsprop, eta, &b, &err),
                     "descent_adaptive_effective_step", err.message);
        fprintf(out, "%d %.8g %.8g %.8g\n", k, g, a, b);
    }
    figure_close(out, "adapt-effective.dat");
    descent_adaptive_free(&adagrad);
    descent_adaptive_free(&rmsprop);
    return 0;
}
