/* adapt-bias.c: data for Figure "adapt-bias" of Chapter 8
   (fig:adapt-bias). Adam with PyTorch's betas (0.9, 0.999) and
   eps = 1e-30 (so that it cannot change a step), with the bias
   correction, without it, and with the lecture notes' constant factors
   1 - beta1 and 1 - beta2. Writes adapt-bias-steps.dat: k and the three
   steps in units of eta with a constant gradient, k = 1..10^4, the
   notes' form computed from the uncorrected m_k and v_k, which two runs
   of the library give (beta2 = 0 gives m_k, beta1 = 0 gives v_k); and
   adapt-bias-quadratic.dat: k and |theta_k| for the three forms on
   E = theta^2/2 from theta = 1 with eta = 0.01, 3000 steps, the notes'
   form written out here since the library does not offer it. */
#include <math.h>
#include <stdio.h>
#include "descent.h"
#include "figure.h"

enum { STEPS = 10000, QUADRATIC_STEPS = 3000 };
static const double beta1 = 0.9, beta2 = 0.999, eta = 0.01;

/* An Adam rule with the given betas and correction, eps = 1e-30. */
static void adam(descent_adaptive *a, double b1, double b2, bool correct)
{
    descent_adaptive_options o;
    descent_error err;
    figure_check(descent_adaptive_defaults(DESCENT_ADAPTIVE_ADAM, &o, &err),
                 "descent_adaptive_defaults", err.message);
    o.beta1 = b1;
    o.beta2 = b2;
    o.eps = 1e-30;
    o.bias_correction = correct;
    figure_check(descent_adaptive_init(a, 1, DESCENT_ADAPTIVE_ADAM, &o, &err),
                 "descent_adaptive_init", err.message);
}

/* One step from theta = 0 with gradient 1: the step in units of eta. */
static double step_from_zero(descent_adaptive *a)
{
    descent_error err;
    double theta = 0, g = 1;
    figure_check(descent_adaptive_step(a, &theta, &g, eta, &err),
                 "descent_adaptive_step", err.message);
    return -theta / eta;
}

static void write_steps(const char *folder)
{
    descent_adaptive corrected, uncorrected, first, second;
    adam(&corrected, beta1, beta2, true);
    adam(&uncorrected, beta1, beta2, false);
    adam(&first, beta1, 0, false);      /* its step is m_k / |g| */
    adam(&second, 0, beta2, false);     /* its step is g / sqrt(v_k) */
    FILE *out = figure_open(folder, "adapt-bias-steps.dat");
    fprintf(out, "# k  corrected  uncorrected  notes (steps / eta)\n");
    for (int k = 1; k <= STEPS; k++) {
        double c = step_from_zero(&corrected),
               u = step_from_zero(&uncorrected),
               m = step_from_zero(&first), root = 1 / step_from_zero(&second);
        double notes = (m / (1 - beta1)) / sqrt(root * root / (1 - beta2));
        fprintf(out, "%d %.10g %.10g %.10g\n", k, c, u, notes);
    }
    figure_close(out, "adapt-bias-steps.dat");
    descent_adaptive_free(&corrected);
    descent_adaptive_free(&uncorrected);
    descent_adaptive_free(&first);
    descent_adaptive_free(&second);
}

/* The three forms on E = theta^2/2; the notes' form by hand. */
static void write_quadratic(const char *folder)
{
    descent_adaptive corrected, uncorrected;
    descent_error err;
    double x[3] = {1, 1, 1}, m = 0, v = 0;
    adam(&corrected, beta1, beta2, true);
    adam(&uncorrected, beta1, beta2, false);
    FILE *out = figure_open(folder, "adapt-bias-quadratic.dat");
    fprintf(out, "# k  |theta_k|: corrected  uncorrected  notes\n");
    fprintf(out, "0 1 1 1\n");
    for (int k = 1; k <= QUADRATIC_STEPS; k++) {
        double g0 = x[0], g1 = x[1];
        figure_check(descent_adaptive_step(&corrected, &x[0], &g0, eta, &err),
                     "descent_adaptive_step", err.message);
        figure_check(descent_adaptive_step(&uncorrected, &x[1], &g1, eta,
                                           &err),
                     "descent_adaptive_step", err.message);
        m = beta1 * m + (1 - beta1) * x[2];
        v = beta2 * v + (1 - beta2) * x[2] * x[2];
        x[2] -= eta * (m / (1 - beta1)) / (sqrt(v / (1 - beta2)) + 1e-30);
        fprintf(out, "%d %.10g %.10g %.10g\n", k, fabs(x[0]), fabs(x[1]),
                fabs(x[2]));
    }
    figure_close(out, "adapt-bias-quadratic.dat");
    descent_adaptive_free(&corrected);
    descent_adaptive_free(&uncorrected);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    write_steps(folder);
    write_quadratic(folder);
    return 0;
}
