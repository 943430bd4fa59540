/* problems.c: generated from chapters/13-explorer.nw; do not edit.
   The unconstrained test functions of Andrei (2008). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal-problems.h"

static double sq(double x) { return x * x; }

static size_t dimension(void *context)
{
    return ((const descent_collection_storage *)context)->n;
}

static void zero_gradient(double *g, size_t n)
{
    if (g != NULL)
        memset(g, 0, n * sizeof *g);
}

static void fill(size_t n, double *x, double value)
{
    for (size_t i = 0; i < n; i++)
        x[i] = value;
}
static void at_zero(size_t n, double *x) { fill(n, x, 0); }
static void at_one(size_t n, double *x) { fill(n, x, 1); }
static void at_two(size_t n, double *x) { fill(n, x, 2); }
static void at_half(size_t n, double *x) { fill(n, x, 0.5); }
static void at_minus_one(size_t n, double *x) { fill(n, x, -1); }
static void alternate(size_t n, double *x, double odd, double even)
{
    for (size_t i = 0; i < n; i++)      /* x_1, x_3, ... are "odd" */
        x[i] = i % 2 == 0 ? odd : even;
}
/* (-1.2, 1, -1.2, 1, ...): Rosenbrock's and White & Holst's start. */
static void at_rosenbrock_start(size_t n, double *x)
{
    alternate(n, x, -1.2, 1);
}
static double zero_minimum(size_t n)
{
    (void)n;
    return 0;
}
/* ---- Extended White & Holst (Andrei) ----
 * E = sum over pairs 100 (x_{2i} - x_{2i-1}^3)^2 + (1 - x_{2i-1})^2,
 * x0 = (-1.2, 1, ...), x* = (1, ..., 1), E* = 0. */
static double ext_white_holst(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double t = x[i + 1] - x[i] * x[i] * x[i], u = 1 - x[i];
        value += 100 * t * t + u * u;
        if (g != NULL) {
            g[i] = -600 * x[i] * x[i] * t - 2 * u;
            g[i + 1] = 200 * t;
        }
    }
    return value;
}

/* ---- Generalized White & Holst (Andrei) ----
 * E = sum_{i=1}^{n-1} 100 (x_{i+1} - x_i^3)^2 + (1 - x_i)^2,
 * x0 = (-1.2, 1, ...), x* = (1, ..., 1), E* = 0. */
static double gen_white_holst(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    zero_gradient(g, n);
    for (size_t i = 0; i + 1 < n; i++) {
        double t = x[i + 1] - x[i] * x[i] * x[i], u = 1 - x[i];
        value += 100 * t * t + u * u;
        if (g != NULL) {
            g[i] += -600 * x[i] * x[i] * t - 2 * u;
            g[i + 1] += 200 * t;
        }
    }
    return value;
}
/* ---- Raydan 1 (Andrei) ----
 * E = sum_i (i/10) (exp(x_i) - x_i), x0 = (1, ..., 1),
 * x* = 0, E* = sum_i i/10 = n (n + 1) / 20. */
static double raydan1(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double w = (double)(i + 1) / 10, e = exp(x[i]);
        value += w * (e - x[i]);
        if (g != NULL)
            g[i] = w * (e - 1);
    }
    return value;
}
static double raydan1_minimum(size_t n)
{
    return (double)n * (double)(n + 1) / 20;
}

/* ---- Raydan 2 (Andrei) ----
 * E = sum_i exp(x_i) - x_i, x0 = (1, ..., 1), x* = 0, E* = n. */
static double raydan2(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double e = exp(x[i]);
        value += e - x[i];
        if (g != NULL)
            g[i] = e - 1;
    }
    return value;
}
static double raydan2_minimum(size_t n) { return (double)n; }

/* ---- Diagonal 1 (Andrei) ----
 * E = sum_i exp(x_i) - i x_i, x0 = (1/n, ..., 1/n),
 * x*_i = ln i, E* = sum_i i (1 - ln i). */
static double diagonal1(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double e = exp(x[i]), k = (double)(i + 1);
        value += e - k * x[i];
        if (g != NULL)
            g[i] = e - k;
    }
    return value;
}
static void diagonal1_start(size_t n, double *x)
{
    fill(n, x, 1.0 / (double)n);
}
static void diagonal1_solution(size_t n, double *x)
{
    for (size_t i = 0; i < n; i++)
        x[i] = log((double)(i + 1));
}
static double diagonal1_minimum(size_t n)
{
    double sum = 0;
    for (size_t i = 1; i <= n; i++)
        sum += (double)i * (1 - log((double)i));
    return sum;
}

/* ---- Diagonal 2 (Andrei) ----
 * E = sum_i exp(x_i) - x_i / i, x0 = (1, 1/2, ..., 1/n),
 * x*_i = -ln i, E* = sum_i (1 + ln i) / i. */
static double diagonal2(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double e = exp(x[i]), k = (double)(i + 1);
        value += e - x[i] / k;
        if (g != NULL)
            g[i] = e - 1 / k;
    }
    return value;
}
static void diagonal2_start(size_t n, double *x)
{
    for (size_t i = 0; i < n; i++)
        x[i] = 1 / (double)(i + 1);
}
static void diagonal2_solution(size_t n, double *x)
{
    for (size_t i = 0; i < n; i++)
        x[i] = -log((double)(i + 1));
}
static double diagonal2_minimum(size_t n)
{
    double sum = 0;
    for (size_t i = 1; i <= n; i++)
        sum += (1 + log((double)i)) / (double)i;
    return sum;
}

/* ---- Hager (Andrei) ----
 * E = sum_i exp(x_i) - sqrt(i) x_i, x0 = (1, ..., 1),
 * x*_i = ln(i) / 2, E* = sum_i sqrt(i) (1 - ln(i) / 2). */
static double hager(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double e = exp(x[i]), r = sqrt((double)(i + 1));
        value += e - r * x[i];
        if (g != NULL)
            g[i] = e - r;
    }
    return value;
}
static void hager_solution(size_t n, double *x)
{
    for (size_t i = 0; i < n; i++)
        x[i] = 0.5 * log((double)(i + 1));
}
static double hager_minimum(size_t n)
{
    double sum = 0;
    for (size_t i = 1; i <= n; i++)
        sum += sqrt((double)i) * (1 - 0.5 * log((double)i));
    return sum;
}

/* ---- Extended Three Exponential Terms, TET (Andrei) ----
 * E = sum over pairs exp(x_{2i-1} + 3 x_{2i} - 0.1)
 *     + exp(x_{2i-1} - 3 x_{2i} - 0.1) + exp(-x_{2i-1} - 0.1),
 * x0 = (0.1, ..., 0.1). Each pair is least at x_{2i} = 0,
 * x_{2i-1} = -ln(2)/2, where it is 2 sqrt(2) exp(-0.1):
 * E* = (n/2) 2 sqrt(2) exp(-0.1). */
static double ext_tet(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double a = exp(x[i] + 3 * x[i + 1] - 0.1);
        double b = exp(x[i] - 3 * x[i + 1] - 0.1);
        double c = exp(-x[i] - 0.1);
        value += a + b + c;
        if (g != NULL) {
            g[i] = a + b - c;
            g[i + 1] = 3 * (a - b);
        }
    }
    return value;
}
static void ext_tet_start(size_t n, double *x) { fill(n, x, 0.1); }
static void ext_tet_solution(size_t n, double *x)
{
    alternate(n, x, -0.5 * log(2.0), 0);
}
static double ext_tet_minimum(size_t n)
{
    return (double)(n / 2) * 2 * sqrt(2.0) * exp(-0.1);
}

/* ---- Diagonal 4 (Andrei) ----
 * E = sum over pairs (x_{2i-1}^2 + c x_{2i}^2) / 2, c = 100,
 * x0 = (1, ..., 1), x* = 0, E* = 0. */
static double diagonal4(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        value += 0.5 * (x[i] * x[i] + 100 * x[i + 1] * x[i + 1]);
        if (g != NULL) {
            g[i] = x[i];
            g[i + 1] = 100 * x[i + 1];
        }
    }
    return value;
}

/* ---- Diagonal 5 (Andrei) ----
 * E = sum_i ln(exp(x_i) + exp(-x_i)), x0 = (1.1, ..., 1.1),
 * x* = 0, E* = n ln 2. Evaluated as |x| + log1p(exp(-2|x|)), which
 * cannot overflow. */
static double diagonal5(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(x[i]);
        value += a + log1p(exp(-2 * a));
        if (g != NULL)
            g[i] = tanh(x[i]);
    }
    return value;
}
static void diagonal5_start(size_t n, double *x) { fill(n, x, 1.1); }
static double diagonal5_minimum(size_t n) { return (double)n * log(2.0); }
/* ---- Extended Himmelblau (Andrei) ----
 * E = sum over pairs (x_{2i-1}^2 + x_{2i} - 11)^2
 *     + (x_{2i-1} + x_{2i}^2 - 7)^2,
 * x0 = (1, ..., 1). Himmelblau's function has four minima, all zeros
 * of both squares: E* = 0; x* = (3, 2, ...) is one. */
static double ext_himmelblau(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double a = x[i] * x[i] + x[i + 1] - 11;
        double b = x[i] + x[i + 1] * x[i + 1] - 7;
        value += a * a + b * b;
        if (g != NULL) {
            g[i] = 4 * x[i] * a + 2 * b;
            g[i + 1] = 2 * a + 4 * x[i + 1] * b;
        }
    }
    return value;
}
static void ext_himmelblau_solution(size_t n, double *x)
{
    alternate(n, x, 3, 2);
}

/* ---- Extended Block Diagonal BD1 (Andrei) ----
 * E = sum over pairs (x_{2i-1}^2 + x_{2i}^2 - 2)^2
 *     + (exp(x_{2i-1} - 1) - x_{2i})^2,
 * x0 = (0.1, ..., 0.1), x* = (1, ..., 1), E* = 0. */
static double ext_bd1(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double e = exp(x[i] - 1);
        double a = x[i] * x[i] + x[i + 1] * x[i + 1] - 2;
        double b = e - x[i + 1];
        value += a * a + b * b;
        if (g != NULL) {
            g[i] = 4 * x[i] * a + 2 * b * e;
            g[i + 1] = 4 * x[i + 1] * a - 2 * b;
        }
    }
    return value;
}
static void at_tenth(size_t n, double *x) { fill(n, x, 0.1); }

/* ---- Extended Tridiagonal 1 (Andrei) ----
 * E = sum over pairs (x_{2i-1} + x_{2i} - 3)^2
 *     + (x_{2i-1} - x_{2i} + 1)^4,
 * x0 = (2, ..., 2), x* = (1, 2, 1, 2, ...), E* = 0 (a degenerate
 * minimum: the quartic is flat there). */
static double ext_tridiagonal1(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double a = x[i] + x[i + 1] - 3, b = x[i] - x[i + 1] + 1;
        value += a * a + b * b * b * b;
        if (g != NULL) {
            g[i] = 2 * a + 4 * b * b * b;
            g[i + 1] = 2 * a - 4 * b * b * b;
        }
    }
    return value;
}
static void ext_tridiagonal1_solution(size_t n, double *x)
{
    alternate(n, x, 1, 2);
}

/* ---- Extended Cliff (Andrei; CLIFF in CUTE for n = 2) ----
 * E = sum over pairs ((x_{2i-1} - 3)/100)^2 - (x_{2i-1} - x_{2i})
 *     + exp(20 (x_{2i-1} - x_{2i})),
 * x0 = (0, -1, ...). Setting both partial derivatives to zero gives
 * x_{2i-1} = 3 and x_{2i-1} - x_{2i} = -ln(20)/20, so
 * E* = (n/2) (1 + ln 20) / 20. */
static double ext_cliff(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double u = x[i] - x[i + 1], e = exp(20 * u), a = (x[i] - 3) / 100;
        value += a * a - u + e;
        if (g != NULL) {
            g[i] = a / 50 - 1 + 20 * e;
            g[i + 1] = 1 - 20 * e;
        }
    }
    return value;
}
static void ext_cliff_start(size_t n, double *x) { alternate(n, x, 0, -1); }
static void ext_cliff_solution(size_t n, double *x)
{
    alternate(n, x, 3, 3 + log(20.0) / 20);
}
static double ext_cliff_minimum(size_t n)
{
    return (double)(n / 2) * (1 + log(20.0)) / 20;
}

/* ---- Extended Hiebert (Andrei) ----
 * E = sum over pairs (x_{2i-1} - 10)^2 + (x_{2i-1} x_{2i} - 50000)^2,
 * x0 = (0, ..., 0), x* = (10, 5000, ...), E* = 0 (badly scaled). */
static double ext_hiebert(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double a = x[i] - 10, b = x[i] * x[i + 1] - 50000;
        value += a * a + b * b;
        if (g != NULL) {
            g[i] = 2 * a + 2 * b * x[i + 1];
            g[i + 1] = 2 * b * x[i];
        }
    }
    return value;
}
static void ext_hiebert_solution(size_t n, double *x)
{
    alternate(n, x, 10, 5000);
}

/* ---- Extended DENSCHNB (CUTE, in Andrei) ----
 * E = sum over pairs (x_{2i-1} - 2)^2 + (x_{2i-1} - 2)^2 x_{2i}^2
 *     + (x_{2i} + 1)^2,
 * x0 = (1, ..., 1), x* = (2, -1, ...), E* = 0. */
static double ext_denschnb(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double a = x[i] - 2, y = x[i + 1], b = y + 1;
        value += a * a + a * a * y * y + b * b;
        if (g != NULL) {
            g[i] = 2 * a + 2 * a * y * y;
            g[i + 1] = 2 * a * a * y + 2 * b;
        }
    }
    return value;
}
static void ext_denschnb_solution(size_t n, double *x)
{
    alternate(n, x, 2, -1);
}

/* ---- Extended DENSCHNF (CUTE, in Andrei) ----
 * E = sum over pairs (2 (x_{2i-1} + x_{2i})^2 + (x_{2i-1} - x_{2i})^2 - 8)^2
 *     + (5 x_{2i-1}^2 + (x_{2i} - 3)^2 - 9)^2,
 * x0 = (2, 0, 2, 0, ...), x* = (1, ..., 1), E* = 0. */
static double ext_denschnf(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double p = x[i] + x[i + 1], m = x[i] - x[i + 1];
        double a = 2 * p * p + m * m - 8;
        double b = 5 * x[i] * x[i] + sq(x[i + 1] - 3) - 9;
        value += a * a + b * b;
        if (g != NULL) {
            g[i] = 2 * a * (4 * p + 2 * m) + 2 * b * 10 * x[i];
            g[i + 1] = 2 * a * (4 * p - 2 * m) + 2 * b * 2 * (x[i + 1] - 3);
        }
    }
    return value;
}
static void ext_denschnf_start(size_t n, double *x) { alternate(n, x, 2, 0); }
/* ---- Quadratic QF1 (Andrei) ----
 * E = (1/2) sum_i i x_i^2 - x_n, x0 = (1, ..., 1),
 * x* = (0, ..., 0, 1/n), E* = -1/(2n). */
static double qf1(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = -x[n - 1];
    for (size_t i = 0; i < n; i++) {
        double k = (double)(i + 1);
        value += 0.5 * k * x[i] * x[i];
        if (g != NULL)
            g[i] = k * x[i];
    }
    if (g != NULL)
        g[n - 1] -= 1;
    return value;
}
static void qf1_solution(size_t n, double *x)
{
    fill(n, x, 0);
    x[n - 1] = 1 / (double)n;
}
static double qf1_minimum(size_t n) { return -0.5 / (double)n; }

/* ---- Perturbed Quadratic (Andrei) ----
 * E = sum_i i x_i^2 + (1/100) (sum_i x_i)^2, x0 = (0.5, ..., 0.5),
 * x* = 0, E* = 0. */
static double perturbed_quadratic(const double *x, double *g,
                                  void *context)
{
    size_t n = dimension(context);
    double value = 0, sum = 0;
    for (size_t i = 0; i < n; i++) {
        value += (double)(i + 1) * x[i] * x[i];
        sum += x[i];
    }
    if (g != NULL)
        for (size_t i = 0; i < n; i++)
            g[i] = 2 * (double)(i + 1) * x[i] + sum / 50;
    return value + sum * sum / 100;
}

/* ---- Almost Perturbed Quadratic (Andrei) ----
 * E = sum_i i x_i^2 + (1/100) (x_1 + x_n)^2, x0 = (0.5, ..., 0.5),
 * x* = 0, E* = 0. */
static double almost_perturbed_quadratic(const double *x, double *g,
                                         void *context)
{
    size_t n = dimension(context);
    double value = 0, s = x[0] + x[n - 1];
    for (size_t i = 0; i < n; i++) {
        value += (double)(i + 1) * x[i] * x[i];
        if (g != NULL)
            g[i] = 2 * (double)(i + 1) * x[i];
    }
    if (g != NULL) {
        g[0] += s / 50;
        g[n - 1] += s / 50;
    }
    return value + s * s / 100;
}

/* ---- Perturbed Tridiagonal Quadratic (Andrei) ----
 * E = x_1^2 + sum_{i=2}^{n-1} i x_i^2 + (x_{i-1} + x_i + x_{i+1})^2,
 * x0 = (0.5, ..., 0.5), x* = 0, E* = 0. */
static double perturbed_tridiagonal_quadratic(const double *x, double *g,
                                              void *context)
{
    size_t n = dimension(context);
    double value = x[0] * x[0];
    zero_gradient(g, n);
    if (g != NULL)
        g[0] = 2 * x[0];
    for (size_t i = 1; i + 1 < n; i++) {
        double s = x[i - 1] + x[i] + x[i + 1], k = (double)(i + 1);
        value += k * x[i] * x[i] + s * s;
        if (g != NULL) {
            g[i] += 2 * k * x[i] + 2 * s;
            g[i - 1] += 2 * s;
            g[i + 1] += 2 * s;
        }
    }
    return value;
}

/* ---- TRIDIA (CUTE, in Andrei) ----
 * E = gamma (delta x_1 - 1)^2 + sum_{i=2}^n i (alpha x_i - beta x_{i-1})^2,
 * alpha = 2, beta = gamma = delta = 1, x0 = (1, ..., 1),
 * x*_i = 2^{1-i}, E* = 0. */
static double tridia(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = sq(x[0] - 1);
    zero_gradient(g, n);
    if (g != NULL)
        g[0] = 2 * (x[0] - 1);
    for (size_t i = 1; i < n; i++) {
        double t = 2 * x[i] - x[i - 1], k = (double)(i + 1);
        value += k * t * t;
        if (g != NULL) {
            g[i] += 4 * k * t;
            g[i - 1] -= 2 * k * t;
        }
    }
    return value;
}
static void tridia_solution(size_t n, double *x)
{
    for (size_t i = 0; i < n; i++)
        x[i] = ldexp(1.0, -(int)i);
}

/* ---- DQDRTIC (CUTE, in Andrei) ----
 * E = sum_{i=1}^{n-2} x_i^2 + c x_{i+1}^2 + d x_{i+2}^2, c = d = 100,
 * x0 = (3, ..., 3), x* = 0, E* = 0. */
static double dqdrtic(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    zero_gradient(g, n);
    for (size_t i = 0; i + 2 < n; i++) {
        value += x[i] * x[i] + 100 * x[i + 1] * x[i + 1] +
                 100 * x[i + 2] * x[i + 2];
        if (g != NULL) {
            g[i] += 2 * x[i];
            g[i + 1] += 200 * x[i + 1];
            g[i + 2] += 200 * x[i + 2];
        }
    }
    return value;
}
static void dqdrtic_start(size_t n, double *x) { fill(n, x, 3); }

/* ---- DIXON3DQ (CUTE, in Andrei) ----
 * E = (x_1 - 1)^2 + sum_{j=2}^{n-1} (x_j - x_{j+1})^2 + (x_n - 1)^2,
 * x0 = (-1, ..., -1), x* = (1, ..., 1), E* = 0. */
static double dixon3dq(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = sq(x[0] - 1) + sq(x[n - 1] - 1);
    zero_gradient(g, n);
    if (g != NULL) {
        g[0] += 2 * (x[0] - 1);
        g[n - 1] += 2 * (x[n - 1] - 1);
    }
    for (size_t j = 1; j + 1 < n; j++) {
        double t = x[j] - x[j + 1];
        value += t * t;
        if (g != NULL) {
            g[j] += 2 * t;
            g[j + 1] -= 2 * t;
        }
    }
    return value;
}

/* ---- BIGGSB1 (CUTE, in Andrei) ----
 * E = (x_1 - 1)^2 + sum_{i=1}^{n-1} (x_{i+1} - x_i)^2 + (1 - x_n)^2,
 * x0 = (0, ..., 0), x* = (1, ..., 1), E* = 0. */
static double biggsb1(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = sq(x[0] - 1) + sq(1 - x[n - 1]);
    zero_gradient(g, n);
    if (g != NULL) {
        g[0] += 2 * (x[0] - 1);
        g[n - 1] -= 2 * (1 - x[n - 1]);
    }
    for (size_t i = 0; i + 1 < n; i++) {
        double t = x[i + 1] - x[i];
        value += t * t;
        if (g != NULL) {
            g[i + 1] += 2 * t;
            g[i] -= 2 * t;
        }
    }
    return value;
}

/* ---- POWER (CUTE, in Andrei) ----
 * E = sum_i (i x_i)^2, x0 = (1, ..., 1), x* = 0, E* = 0. */
static double power_sum(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double k = (double)(i + 1);
        value += sq(k * x[i]);
        if (g != NULL)
            g[i] = 2 * k * k * x[i];
    }
    return value;
}
/* ---- ARWHEAD (CUTE, in Andrei) ----
 * E = sum_{i=1}^{n-1} (-4 x_i + 3) + (x_i^2 + x_n^2)^2,
 * x0 = (1, ..., 1), x* = (1, ..., 1, 0), E* = 0. */
static double arwhead(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0, last = 0, xn = x[n - 1];
    for (size_t i = 0; i + 1 < n; i++) {
        double q = x[i] * x[i] + xn * xn;
        value += -4 * x[i] + 3 + q * q;
        last += 4 * xn * q;
        if (g != NULL)
            g[i] = -4 + 4 * x[i] * q;
    }
    if (g != NULL)
        g[n - 1] = last;
    return value;
}
static void arwhead_solution(size_t n, double *x)
{
    fill(n, x, 1);
    x[n - 1] = 0;
}

/* ---- NONDIA (CUTE, in Andrei; Shanno 1978) ----
 * E = (x_1 - 1)^2 + sum_{i=2}^n 100 (x_1 - x_i^2)^2,
 * x0 = (-1, ..., -1), x* = (1, ..., 1), E* = 0.
 * Shanno's indexing (x_i): the CUTE file writes x_{i-1}, which leaves
 * x_n out of the function; E* and x* are the same. */
static double nondia(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = sq(x[0] - 1);
    zero_gradient(g, n);
    if (g != NULL)
        g[0] = 2 * (x[0] - 1);
    for (size_t i = 1; i < n; i++) {
        double t = x[0] - x[i] * x[i];
        value += 100 * t * t;
        if (g != NULL) {
            g[0] += 200 * t;
            g[i] += -400 * x[i] * t;
        }
    }
    return value;
}

/* ---- NONDQUAR (CUTE, in Andrei) ----
 * E = (x_1 - x_2)^2 + sum_{i=1}^{n-2} (x_i + x_{i+1} + x_n)^4
 *     + (x_{n-1} + x_n)^2,
 * x0 = (1, -1, 1, -1, ...), x* = 0, E* = 0 (a singular minimum). */
static double nondquar(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double a = x[0] - x[1], b = x[n - 2] + x[n - 1];
    double value = a * a + b * b;
    zero_gradient(g, n);
    if (g != NULL) {
        g[0] += 2 * a;
        g[1] -= 2 * a;
        g[n - 2] += 2 * b;
        g[n - 1] += 2 * b;
    }
    for (size_t i = 0; i + 2 < n; i++) {
        double s = x[i] + x[i + 1] + x[n - 1], s3 = s * s * s;
        value += s3 * s;
        if (g != NULL) {
            g[i] += 4 * s3;
            g[i + 1] += 4 * s3;
            g[n - 1] += 4 * s3;
        }
    }
    return value;
}
static void nondquar_start(size_t n, double *x) { alternate(n, x, 1, -1); }

/* ---- LIARWHD (CUTE, in Andrei) ----
 * E = sum_i 4 (x_i^2 - x_1)^2 + (x_i - 1)^2, x0 = (4, ..., 4),
 * x* = (1, ..., 1), E* = 0. */
static double liarwhd(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0, first = 0;
    for (size_t i = 0; i < n; i++) {
        double t = x[i] * x[i] - x[0], u = x[i] - 1;
        value += 4 * t * t + u * u;
        first -= 8 * t;
        if (g != NULL)
            g[i] = 16 * x[i] * t + 2 * u;
    }
    if (g != NULL)
        g[0] += first;
    return value;
}
static void liarwhd_start(size_t n, double *x) { fill(n, x, 4); }

/* ---- FLETCHCR (CUTE, in Andrei) ----
 * E = sum_{i=1}^{n-1} c (x_{i+1} - x_i + 1 - x_i^2)^2, c = 100,
 * x0 = (0, ..., 0), x* = (1, ..., 1), E* = 0. */
static double fletchcr(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    zero_gradient(g, n);
    for (size_t i = 0; i + 1 < n; i++) {
        double t = x[i + 1] - x[i] + 1 - x[i] * x[i];
        value += 100 * t * t;
        if (g != NULL) {
            g[i + 1] += 200 * t;
            g[i] += 200 * t * (-1 - 2 * x[i]);
        }
    }
    return value;
}

/* ---- QUARTC (CUTE, in Andrei) ----
 * E = sum_i (x_i - 1)^4, x0 = (2, ..., 2), x* = (1, ..., 1), E* = 0
 * (a singular minimum). */
static double quartc(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i < n; i++) {
        double t = x[i] - 1;
        value += t * t * t * t;
        if (g != NULL)
            g[i] = 4 * t * t * t;
    }
    return value;
}

/* ---- Generalized quartic GQ1 (Andrei) ----
 * E = sum_{i=1}^{n-1} x_i^2 + (x_{i+1} + x_i^2)^2, x0 = (1, ..., 1),
 * x* = 0, E* = 0. */
static double gen_quartic(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    zero_gradient(g, n);
    for (size_t i = 0; i + 1 < n; i++) {
        double t = x[i + 1] + x[i] * x[i];
        value += x[i] * x[i] + t * t;
        if (g != NULL) {
            g[i] += 2 * x[i] + 4 * x[i] * t;
            g[i + 1] += 2 * t;
        }
    }
    return value;
}

/* ---- NONSCOMP (CUTE, in Andrei) ----
 * E = (x_1 - 1)^2 + sum_{i=2}^n 4 (x_i - x_{i-1}^2)^2,
 * x0 = (3, ..., 3), x* = (1, ..., 1), E* = 0. */
static double nonscomp(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = sq(x[0] - 1);
    zero_gradient(g, n);
    if (g != NULL)
        g[0] = 2 * (x[0] - 1);
    for (size_t i = 1; i < n; i++) {
        double t = x[i] - x[i - 1] * x[i - 1];
        value += 4 * t * t;
        if (g != NULL) {
            g[i] += 8 * t;
            g[i - 1] += -16 * x[i - 1] * t;
        }
    }
    return value;
}
static void nonscomp_start(size_t n, double *x) { fill(n, x, 3); }
/* ---- DIXMAAN A-L (Dixon and Maany 1988; CUTE, in Andrei) ----
 * With n = 3m and w_k(i) = (i/n)^k,
 * E = 1 + sum_{i=1}^n alpha x_i^2 w_{k1}(i)
 *       + sum_{i=1}^{n-1} beta x_i^2 (x_{i+1} + x_{i+1}^2)^2 w_{k2}(i)
 *       + sum_{i=1}^{2m} gamma x_i^2 x_{i+m}^4 w_{k3}(i)
 *       + sum_{i=1}^{m} delta x_i x_{i+2m} w_{k4}(i),
 * x0 = (2, ..., 2), x* = 0, E* = 1: the quadratic part is positive
 * definite (|delta| w_{k4}(i) < 2 sqrt(w_{k1}(i) w_{k1}(i+2m)) for
 * every variant) and the other terms are nonnegative.
 * The variant's constants are {alpha, beta, gamma, delta, k1, k2, k3, k4}. */
static double weight(double i, double n, double k)
{
    return k == 0 ? 1 : k == 1 ? i / n : (i / n) * (i / n);
}

static double dixmaan(const double *x, double *g, void *context)
{
    const descent_collection_storage *storage = context;
    const double *p = storage->parameter;
    size_t n = storage->n, m = n / 3;
    double value = 1, N = (double)n;
    zero_gradient(g, n);
    for (size_t i = 0; i < n; i++) {
        double w = p[0] * weight((double)(i + 1), N, p[4]);
        value += w * x[i] * x[i];
        if (g != NULL)
            g[i] += 2 * w * x[i];
    }
    for (size_t i = 0; i + 1 < n && p[1] != 0; i++) {
        double w = p[1] * weight((double)(i + 1), N, p[5]);
        double y = x[i + 1], s = y + y * y;
        value += w * x[i] * x[i] * s * s;
        if (g != NULL) {
            g[i] += 2 * w * x[i] * s * s;
            g[i + 1] += 2 * w * x[i] * x[i] * s * (1 + 2 * y);
        }
    }
    for (size_t i = 0; i < 2 * m; i++) {
        double w = p[2] * weight((double)(i + 1), N, p[6]);
        double y = x[i + m], y2 = y * y;
        value += w * x[i] * x[i] * y2 * y2;
        if (g != NULL) {
            g[i] += 2 * w * x[i] * y2 * y2;
            g[i + m] += 4 * w * x[i] * x[i] * y2 * y;
        }
    }
    for (size_t i = 0; i < m; i++) {
        double w = p[3] * weight((double)(i + 1), N, p[7]);
        value += w * x[i] * x[i + 2 * m];
        if (g != NULL) {
            g[i] += w * x[i + 2 * m];
            g[i + 2 * m] += w * x[i];
        }
    }
    return value;
}
static double one_minimum(size_t n)
{
    (void)n;
    return 1;
}
typedef struct collection_formula {
    const char *name;
    descent_evaluate_fn *evaluate;
    void (*start)(size_t n, double *x);
    void (*solution)(size_t n, double *x);
    double (*minimum)(size_t n);
    size_t divides;
    double parameter[8];
} collection_formula;

#define DIXMAAN(name, alpha, beta, gamma, delta, k1, k2, k3, k4)      \
    {name, dixmaan, at_two, at_zero, one_minimum, 3,                  \
     {alpha, beta, gamma, delta, k1, k2, k3, k4}}

static const collection_formula collection_formulas[] = {
    {"ext-white-holst", ext_white_holst, at_rosenbrock_start, at_one,
     zero_minimum, 2, {0}},
    {"gen-white-holst", gen_white_holst, at_rosenbrock_start, at_one,
     zero_minimum, 1, {0}},
    {"raydan1", raydan1, at_one, at_zero, raydan1_minimum, 1, {0}},
    {"raydan2", raydan2, at_one, at_zero, raydan2_minimum, 1, {0}},
    {"diagonal1", diagonal1, diagonal1_start, diagonal1_solution,
     diagonal1_minimum, 1, {0}},
    {"diagonal2", diagonal2, diagonal2_start, diagonal2_solution,
     diagonal2_minimum, 1, {0}},
    {"hager", hager, at_one, hager_solution, hager_minimum, 1, {0}},
    {"ext-tet", ext_tet, ext_tet_start, ext_tet_solution, ext_tet_minimum,
     2, {0}},
    {"diagonal4", diagonal4, at_one, at_zero, zero_minimum, 2, {0}},
    {"diagonal5", diagonal5, diagonal5_start, at_zero, diagonal5_minimum,
     1, {0}},
    {"ext-himmelblau", ext_himmelblau, at_one, ext_himmelblau_solution,
     zero_minimum, 2, {0}},
    {"ext-bd1", ext_bd1, at_tenth, at_one, zero_minimum, 2, {0}},
    {"ext-tridiagonal1", ext_tridiagonal1, at_two,
     ext_tridiagonal1_solution, zero_minimum, 2, {0}},
    {"ext-cliff", ext_cliff, ext_cliff_start, ext_cliff_solution,
     ext_cliff_minimum, 2, {0}},
    {"ext-hiebert", ext_hiebert, at_zero, ext_hiebert_solution,
     zero_minimum, 2, {0}},
    {"ext-denschnb", ext_denschnb, at_one, ext_denschnb_solution,
     zero_minimum, 2, {0}},
    {"ext-denschnf", ext_denschnf, ext_denschnf_start, at_one,
     zero_minimum, 2, {0}},
    {"qf1", qf1, at_one, qf1_solution, qf1_minimum, 1, {0}},
    {"perturbed-quadratic", perturbed_quadratic, at_half, at_zero,
     zero_minimum, 1, {0}},
    {"almost-perturbed-quadratic", almost_perturbed_quadratic, at_half,
     at_zero, zero_minimum, 1, {0}},
    {"perturbed-tridiagonal-quadratic", perturbed_tridiagonal_quadratic,
     at_half, at_zero, zero_minimum, 1, {0}},
    {"tridia", tridia, at_one, tridia_solution, zero_minimum, 1, {0}},
    {"dqdrtic", dqdrtic, dqdrtic_start, at_zero, zero_minimum, 1, {0}},
    {"dixon3dq", dixon3dq, at_minus_one, at_one, zero_minimum, 1, {0}},
    {"biggsb1", biggsb1, at_zero, at_one, zero_minimum, 1, {0}},
    {"power", power_sum, at_one, at_zero, zero_minimum, 1, {0}},
    {"arwhead", arwhead, at_one, arwhead_solution, zero_minimum, 1, {0}},
    {"nondia", nondia, at_minus_one, at_one, zero_minimum, 1, {0}},
    {"nondquar", nondquar, nondquar_start, at_zero, zero_minimum, 1, {0}},
    {"liarwhd", liarwhd, liarwhd_start, at_one, zero_minimum, 1, {0}},
    {"fletchcr", fletchcr, at_zero, at_one, zero_minimum, 1, {0}},
    {"quartc", quartc, at_two, at_one, zero_minimum, 1, {0}},
    {"gen-quartic", gen_quartic, at_one, at_zero, zero_minimum, 1, {0}},
    {"nonscomp", nonscomp, nonscomp_start, at_one, zero_minimum, 1, {0}},
    DIXMAAN("dixmaan-a", 1, 0, 0.125, 0.125, 0, 0, 0, 0),
    DIXMAAN("dixmaan-d", 1, 0.26, 0.26, 0.26, 0, 0, 0, 0),
    DIXMAAN("dixmaan-e", 1, 0, 0.125, 0.125, 1, 0, 0, 1),
    DIXMAAN("dixmaan-h", 1, 0.26, 0.26, 0.26, 1, 0, 0, 1),
    DIXMAAN("dixmaan-i", 1, 0, 0.125, 0.125, 2, 0, 0, 2),
    DIXMAAN("dixmaan-l", 1, 0.26, 0.26, 0.26, 2, 0, 0, 2),
};

enum { COLLECTION_SIZE = sizeof collection_formulas /
                         sizeof collection_formulas[0] };

static const collection_formula *collection_formula_named(const char *name)
{
    for (size_t i = 0; i < COLLECTION_SIZE; i++)
        if (strcmp(collection_formulas[i].name, name) == 0)
            return &collection_formulas[i];
    return NULL;
}
static void collection_release(void *state)
{
    descent_collection_storage *storage = state;
    if (storage != NULL)
        free(storage->solution);
    free(storage);
}

static descent_status collection_build(descent_problem *p,
                                       const double *value,
                                       descent_error *error)
{
    (void)value;
    const char *name = p->component->name;
    const collection_formula *formula = collection_formula_named(name);
    if (formula == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s is not in Andrei's collection", name);
    size_t n = p->n;
    if (n == 0 || n % formula->divides != 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: n = %zu is not %s", name, n,
                            formula->divides == 2 ? "even (the variables "
                            "come in pairs)" : formula->divides == 3 ?
                            "a multiple of 3" : "positive");
    descent_status status = descent_check_size(n, 2, 0, name, error);
    if (status)
        return status;
    descent_collection_storage *storage = malloc(sizeof *storage);
    double *solution = malloc(n * sizeof *solution);
    double *start = malloc(n * sizeof *start);
    if (storage == NULL || solution == NULL || start == NULL) {
        free(storage);
        free(solution);
        free(start);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: no memory for n = %zu", name, n);
    }
    *storage = (descent_collection_storage){
        .n = n, .parameter = formula->parameter, .solution = solution};
    formula->start(n, start);
    formula->solution(n, solution);
    p->start = start;
    p->objective = (descent_objective){.n = n, .evaluate = formula->evaluate,
                                       .context = storage, .name = name};
    p->minimum = formula->minimum(n);
    p->storage = storage;
    return descent_succeed(error);
}
static const descent_component_ops collection_ops = {
    .problem = collection_build, .release = collection_release};

const double *descent_collection_solution(const descent_problem *p)
{
    if (p == NULL || p->component == NULL ||
        p->component->ops != &collection_ops || p->storage == NULL)
        return NULL;
    return ((const descent_collection_storage *)p->storage)->solution;
}
#define SIZE(variable, least, what)                                   \
    static const descent_parameter variable[] = {                     \
        {"n", DESCENT_PARAMETER_COUNT, least, 1e7, false, false, NULL, \
         "the dimension" what}}
SIZE(any_size, 1, "");
SIZE(size_two, 2, " (at least 2)");
SIZE(size_three, 3, " (at least 3)");
SIZE(size_pairs, 2, " (even: the variables come in pairs)");
SIZE(size_thirds, 3, " (a multiple of 3)");

static void size_2(double *value) { value[0] = 2; }
static void size_10(double *value) { value[0] = 10; }
static void size_100(double *value) { value[0] = 100; }
static void size_300(double *value) { value[0] = 300; }
static void size_1000(double *value) { value[0] = 1000; }

#define ANDREI(name, summary, size, defaults)                         \
    {DESCENT_COMPONENT_PROBLEM, name, "explorer",                     \
     "Andrei (2008): " summary, DESCENT_HAS_MINIMUM, NULL, 1, size,   \
     defaults, &collection_ops}
const descent_component descent_collection_problems[] = {
    ANDREI("ext-white-holst", "extended White and Holst", size_pairs,
           size_100),
    ANDREI("gen-white-holst", "generalized White and Holst", size_two,
           size_10),
    ANDREI("raydan1", "Raydan 1, sum (i/10)(exp x_i - x_i)", any_size,
           size_100),
    ANDREI("raydan2", "Raydan 2, sum exp x_i - x_i", any_size, size_1000),
    ANDREI("diagonal1", "Diagonal 1, sum exp x_i - i x_i", any_size,
           size_1000),
    ANDREI("diagonal2", "Diagonal 2, sum exp x_i - x_i / i", any_size,
           size_1000),
    ANDREI("hager", "Hager, sum exp x_i - sqrt(i) x_i", any_size,
           size_100),
    ANDREI("ext-tet", "extended three exponential terms", size_pairs,
           size_2),
    ANDREI("diagonal4", "Diagonal 4, pairs (x^2 + 100 y^2) / 2",
           size_pairs, size_1000),
    ANDREI("diagonal5", "Diagonal 5, sum log(exp x_i + exp -x_i)",
           any_size, size_1000),
    ANDREI("ext-himmelblau", "extended Himmelblau", size_pairs, size_2),
    ANDREI("ext-bd1", "extended block diagonal BD1", size_pairs,
           size_1000),
    ANDREI("ext-tridiagonal1", "extended tridiagonal 1", size_pairs,
           size_100),
    ANDREI("ext-cliff", "extended Cliff (CUTE)", size_pairs, size_2),
    ANDREI("ext-hiebert", "extended Hiebert (badly scaled)", size_pairs,
           size_2),
    ANDREI("ext-denschnb", "extended DENSCHNB (CUTE)", size_pairs,
           size_2),
    ANDREI("ext-denschnf", "extended DENSCHNF (CUTE)", size_pairs,
           size_10),
    ANDREI("qf1", "quadratic QF1, sum i x_i^2 / 2 - x_n", any_size,
           size_100),
    ANDREI("perturbed-quadratic", "perturbed quadratic", any_size,
           size_100),
    ANDREI("almost-perturbed-quadratic", "almost perturbed quadratic",
           size_two, size_1000),
    ANDREI("perturbed-tridiagonal-quadratic",
           "perturbed tridiagonal quadratic", any_size, size_100),
    ANDREI("tridia", "TRIDIA (CUTE)", any_size, size_100),
    ANDREI("dqdrtic", "DQDRTIC (CUTE)", size_three, size_1000),
    ANDREI("dixon3dq", "DIXON3DQ (CUTE)", size_two, size_100),
    ANDREI("biggsb1", "BIGGSB1 (CUTE)", any_size, size_100),
    ANDREI("power", "POWER (CUTE), sum (i x_i)^2", any_size, size_100),
    ANDREI("arwhead", "ARWHEAD (CUTE), an arrowhead", size_two,
           size_1000),
    ANDREI("nondia", "NONDIA (CUTE; Shanno 1978)", any_size, size_1000),
    ANDREI("nondquar", "NONDQUAR (CUTE), a singular minimum", size_two,
           size_100),
    ANDREI("liarwhd", "LIARWHD (CUTE)", any_size, size_1000),
    ANDREI("fletchcr", "FLETCHCR (CUTE)", size_two, size_10),
    ANDREI("quartc", "QUARTC (CUTE), sum (x_i - 1)^4", any_size,
           size_1000),
    ANDREI("gen-quartic", "generalized quartic GQ1", size_two, size_1000),
    ANDREI("nonscomp", "NONSCOMP (CUTE)", any_size, size_100),
    ANDREI("dixmaan-a", "DIXMAAN A (CUTE)", size_thirds, size_300),
    ANDREI("dixmaan-d", "DIXMAAN D (CUTE)", size_thirds, size_300),
    ANDREI("dixmaan-e", "DIXMAAN E (CUTE)", size_thirds, size_300),
    ANDREI("dixmaan-h", "DIXMAAN H (CUTE)", size_thirds, size_300),
    ANDREI("dixmaan-i", "DIXMAAN I (CUTE)", size_thirds, size_300),
    ANDREI("dixmaan-l", "DIXMAAN L (CUTE)", size_thirds, size_300),
};
const size_t descent_collection_count =
    sizeof descent_collection_problems / sizeof descent_collection_problems[0];
