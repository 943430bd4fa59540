/* least-squares.h: residual forms r(theta), with Jacobians, of the
 * problems in bench/problems.h that are sums of squares, for the
 * Levenberg-Marquardt comparison in bench/quasi-newton.c.
 *
 * Each instance is a bench_problem of the collection (the same objective,
 * start, minimizer and E*, so that success is judged exactly as for the
 * other methods) together with m residuals whose squares sum to E:
 * E(theta) = ||r(theta)||^2, term by term as the library writes E. The
 * Jacobian is row-major, J[i n + j] = d r_i / d theta_j, as
 * descent_residual_fn writes it. The sizes are at most 100 (the
 * collection's n where it is smaller): both solvers factor a dense
 * (m + n) x n or m x n matrix at every step. quasi-newton.c checks, before
 * it runs anything, that ||r||^2 = E and that J agrees with central
 * differences of r at x0 and at a perturbed point.
 *
 * No Moré-Garbow-Hillstrom definition beyond extended Rosenbrock
 * (MGH 21), which problems.h holds. Include after problems.h,
 * from one program only.
 */
#ifndef BENCH_LEAST_SQUARES_H
#define BENCH_LEAST_SQUARES_H

#include <math.h>
#include <string.h>

#include "newton.h"
#include "problems.h"

typedef struct bench_least_squares {
    bench_problem problem;          /* E = ||r||^2; first, for dimension() */
    size_t (*residual_count)(size_t n);
    descent_residual_fn *residuals;
} bench_least_squares;

static double sq(double x) { return x * x; }

static size_t m_equals_n(size_t n) { return n; }
static size_t m_twice_n_minus_1(size_t n) { return 2 * (n - 1); }
static size_t m_twice_n(size_t n) { return 2 * n; }

static void zero_jacobian(double *J, size_t m, size_t n)
{
    if (J != NULL)
        memset(J, 0, m * n * sizeof *J);
}

/* Extended Rosenbrock: per pair 10 (x2 - x1^2), 1 - x1. */
static void ext_rosenbrock_r(const double *x, double *r, double *J,
                             void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        r[i] = 10 * (x[i + 1] - x[i] * x[i]);
        r[i + 1] = 1 - x[i];
        if (J != NULL) {
            J[i * n + i] = -20 * x[i];
            J[i * n + i + 1] = 10;
            J[(i + 1) * n + i] = -1;
        }
    }
}

/* Generalized Rosenbrock: 10 (x_{i+1} - x_i^2), 1 - x_i, i < n. */
static void gen_rosenbrock_r(const double *x, double *r, double *J,
                             void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, 2 * (n - 1), n);
    for (size_t i = 0; i + 1 < n; i++) {
        r[2 * i] = 10 * (x[i + 1] - x[i] * x[i]);
        r[2 * i + 1] = 1 - x[i];
        if (J != NULL) {
            J[2 * i * n + i] = -20 * x[i];
            J[2 * i * n + i + 1] = 10;
            J[(2 * i + 1) * n + i] = -1;
        }
    }
}

/* Extended White & Holst: per pair 10 (x2 - x1^3), 1 - x1. */
static void ext_white_holst_r(const double *x, double *r, double *J,
                              void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        r[i] = 10 * (x[i + 1] - x[i] * x[i] * x[i]);
        r[i + 1] = 1 - x[i];
        if (J != NULL) {
            J[i * n + i] = -30 * x[i] * x[i];
            J[i * n + i + 1] = 10;
            J[(i + 1) * n + i] = -1;
        }
    }
}

/* Extended Himmelblau: per pair x1^2 + x2 - 11, x1 + x2^2 - 7. */
static void ext_himmelblau_r(const double *x, double *r, double *J,
                             void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        r[i] = x[i] * x[i] + x[i + 1] - 11;
        r[i + 1] = x[i] + x[i + 1] * x[i + 1] - 7;
        if (J != NULL) {
            J[i * n + i] = 2 * x[i];
            J[i * n + i + 1] = 1;
            J[(i + 1) * n + i] = 1;
            J[(i + 1) * n + i + 1] = 2 * x[i + 1];
        }
    }
}

/* Extended BD1: per pair x1^2 + x2^2 - 2, exp(x1 - 1) - x2. */
static void ext_bd1_r(const double *x, double *r, double *J, void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        double e = exp(x[i] - 1);
        r[i] = x[i] * x[i] + x[i + 1] * x[i + 1] - 2;
        r[i + 1] = e - x[i + 1];
        if (J != NULL) {
            J[i * n + i] = 2 * x[i];
            J[i * n + i + 1] = 2 * x[i + 1];
            J[(i + 1) * n + i] = e;
            J[(i + 1) * n + i + 1] = -1;
        }
    }
}

/* Extended Tridiagonal 1: per pair x1 + x2 - 3, (x1 - x2 + 1)^2. */
static void ext_tridiagonal1_r(const double *x, double *r, double *J,
                               void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        double b = x[i] - x[i + 1] + 1;
        r[i] = x[i] + x[i + 1] - 3;
        r[i + 1] = b * b;
        if (J != NULL) {
            J[i * n + i] = 1;
            J[i * n + i + 1] = 1;
            J[(i + 1) * n + i] = 2 * b;
            J[(i + 1) * n + i + 1] = -2 * b;
        }
    }
}

/* Extended Hiebert: per pair x1 - 10, x1 x2 - 50000. */
static void ext_hiebert_r(const double *x, double *r, double *J,
                          void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        r[i] = x[i] - 10;
        r[i + 1] = x[i] * x[i + 1] - 50000;
        if (J != NULL) {
            J[i * n + i] = 1;
            J[(i + 1) * n + i] = x[i + 1];
            J[(i + 1) * n + i + 1] = x[i];
        }
    }
}

/* The square problems whose first residual is x_1 - 1 (TRIDIA, NONDIA,
 * NONSCOMP): clear J, set r_1 and its row, and return n. */
static size_t first_x1_minus_1(const double *x, double *r, double *J,
                               void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    r[0] = x[0] - 1;
    if (J != NULL)
        J[0] = 1;
    return n;
}

/* TRIDIA: x_1 - 1, sqrt(i) (2 x_i - x_{i-1}), i = 2..n. */
static void tridia_r(const double *x, double *r, double *J, void *context)
{
    size_t n = first_x1_minus_1(x, r, J, context);
    for (size_t i = 1; i < n; i++) {
        double w = sqrt((double)(i + 1));
        r[i] = w * (2 * x[i] - x[i - 1]);
        if (J != NULL) {
            J[i * n + i] = 2 * w;
            J[i * n + i - 1] = -w;
        }
    }
}

/* Extended DENSCHNF: per pair 2 (x1 + x2)^2 + (x1 - x2)^2 - 8,
 * 5 x1^2 + (x2 - 3)^2 - 9. */
static void ext_denschnf_r(const double *x, double *r, double *J,
                           void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, n, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        double p = x[i] + x[i + 1], q = x[i] - x[i + 1];
        r[i] = 2 * p * p + q * q - 8;
        r[i + 1] = 5 * x[i] * x[i] + sq(x[i + 1] - 3) - 9;
        if (J != NULL) {
            J[i * n + i] = 4 * p + 2 * q;
            J[i * n + i + 1] = 4 * p - 2 * q;
            J[(i + 1) * n + i] = 10 * x[i];
            J[(i + 1) * n + i + 1] = 2 * (x[i + 1] - 3);
        }
    }
}

/* NONDIA: x_1 - 1, 10 (x_1 - x_i^2), i = 2..n. */
static void nondia_r(const double *x, double *r, double *J, void *context)
{
    size_t n = first_x1_minus_1(x, r, J, context);
    for (size_t i = 1; i < n; i++) {
        r[i] = 10 * (x[0] - x[i] * x[i]);
        if (J != NULL) {
            J[i * n] = 10;
            J[i * n + i] = -20 * x[i];
        }
    }
}

/* NONSCOMP: x_1 - 1, 2 (x_i - x_{i-1}^2), i = 2..n. */
static void nonscomp_r(const double *x, double *r, double *J,
                       void *context)
{
    size_t n = first_x1_minus_1(x, r, J, context);
    for (size_t i = 1; i < n; i++) {
        r[i] = 2 * (x[i] - x[i - 1] * x[i - 1]);
        if (J != NULL) {
            J[i * n + i] = 2;
            J[i * n + i - 1] = -4 * x[i - 1];
        }
    }
}

/* LIARWHD: 2 (x_i^2 - x_1), x_i - 1, i = 1..n. */
static void liarwhd_r(const double *x, double *r, double *J, void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, 2 * n, n);
    for (size_t i = 0; i < n; i++) {
        r[2 * i] = 2 * (x[i] * x[i] - x[0]);
        r[2 * i + 1] = x[i] - 1;
        if (J != NULL) {
            J[2 * i * n + i] += 4 * x[i];
            J[2 * i * n] -= 2;
            J[(2 * i + 1) * n + i] = 1;
        }
    }
}

/* Generalized quartic GQ1: x_i, x_{i+1} + x_i^2, i < n. */
static void gen_quartic_r(const double *x, double *r, double *J,
                          void *context)
{
    size_t n = dimension(context);
    zero_jacobian(J, 2 * (n - 1), n);
    for (size_t i = 0; i + 1 < n; i++) {
        r[2 * i] = x[i];
        r[2 * i + 1] = x[i + 1] + x[i] * x[i];
        if (J != NULL) {
            J[2 * i * n + i] = 1;
            J[(2 * i + 1) * n + i] = 2 * x[i];
            J[(2 * i + 1) * n + i + 1] = 1;
        }
    }
}

#define LEAST_SQUARES(name, n, collection, count, residuals)           \
    {BENCH_PROBLEM(name, n, collection, ""), count, residuals}

static bench_least_squares bench_least_squares_problems[] = {
    LEAST_SQUARES("Extended Rosenbrock", 100, BENCH_EXTENDED_ROSENBROCK,
                  m_equals_n, ext_rosenbrock_r),
    LEAST_SQUARES("Generalized Rosenbrock", 10, BENCH_ROSENBROCK,
                  m_twice_n_minus_1, gen_rosenbrock_r),
    LEAST_SQUARES("Extended White & Holst", 100, "ext-white-holst",
                  m_equals_n, ext_white_holst_r),
    LEAST_SQUARES("Extended Himmelblau", 2, "ext-himmelblau", m_equals_n,
                  ext_himmelblau_r),
    LEAST_SQUARES("Extended BD1", 100, "ext-bd1", m_equals_n, ext_bd1_r),
    LEAST_SQUARES("Extended Tridiagonal 1", 100, "ext-tridiagonal1",
                  m_equals_n, ext_tridiagonal1_r),
    LEAST_SQUARES("Extended Hiebert", 2, "ext-hiebert", m_equals_n,
                  ext_hiebert_r),
    LEAST_SQUARES("TRIDIA", 100, "tridia", m_equals_n, tridia_r),
    LEAST_SQUARES("Extended DENSCHNF", 10, "ext-denschnf", m_equals_n,
                  ext_denschnf_r),
    LEAST_SQUARES("NONDIA", 100, "nondia", m_equals_n, nondia_r),
    LEAST_SQUARES("NONSCOMP", 100, "nonscomp", m_equals_n, nonscomp_r),
    LEAST_SQUARES("LIARWHD", 100, "liarwhd", m_twice_n, liarwhd_r),
    LEAST_SQUARES("Generalized quartic GQ1", 100, "gen-quartic",
                  m_twice_n_minus_1, gen_quartic_r),
};

enum { BENCH_LEAST_SQUARES_COUNT =
           (int)(sizeof bench_least_squares_problems /
                 sizeof bench_least_squares_problems[0]) };

#endif
