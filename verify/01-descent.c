/* 01-descent.c: generated from chapters/01-descent.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"

static descent_result run_rule_until(descent_objective *f,
                                     const descent_direction_rule *rule,
                                     double eta, size_t iterations,
                                     double threshold, double *theta,
                                     descent_trace *trace)
{
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, eta);
    descent_options options = descent_default_options();
    descent_result result;
    options.max_iterations = iterations;
    options.gradient_tolerance = 0;
    options.stall_iterations = 0;
    options.divergence_threshold = threshold;
    options.trace = trace;
    descent_minimize(f, rule, &step, &options, theta, &result);
    return result;
}

static descent_result run_gd_until(descent_objective *f, double eta,
                                   size_t iterations, double threshold,
                                   double *theta, descent_trace *trace)
{
    descent_direction_rule direction = descent_steepest_descent();
    return run_rule_until(f, &direction, eta, iterations, threshold, theta,
                          trace);
}

static descent_result run_gd(descent_objective *f, double eta,
                             size_t iterations, double *theta,
                             descent_trace *trace)
{
    return run_gd_until(f, eta, iterations, 1e12, theta, trace);
}
static void random_vector(size_t n, int distribution, unsigned seed,
                          double *x)
{
    descent_random r;
    descent_error error;
    descent_random_seed(&r, seed);
    REQUIRE(descent_random_fill(&r, n, x, distribution, &error), error);
}

static void random_spectrum(size_t n, double kappa, unsigned seed,
                            double *lambda)
{
    lambda[0] = 1;
    lambda[n - 1] = kappa;
    if (n > 2)
        random_vector(n - 2, DESCENT_UNIFORM, seed, lambda + 1);
    for (size_t i = 1; i + 1 < n; i++)
        lambda[i] = 1 + (kappa - 1) * lambda[i];
}
static double predicted_ratio(size_t n, const double *lambda,
                              double eta, size_t k)
{
    double rho = descent_gd_rate(n, lambda, eta), num = 0, den = 0;
    for (size_t i = 0; i < n; i++) {
        double s = fabs(1 - eta * lambda[i]) / rho;
        double weight = lambda[i] * pow(s, 2.0 * (double)k);
        num += weight * s * s;
        den += weight;
    }
    return rho * sqrt(num / den);
}

enum { MOST_STEPS = 1048576 };   /* 2^20: the doubling stops here */

static size_t steps_to_settle(size_t n, const double *lambda, double eta)
{
    double rho = descent_gd_rate(n, lambda, eta);
    size_t k = 1;
    while (rho - predicted_ratio(n, lambda, eta, k) > 1e-7 &&
           k < MOST_STEPS)
        k *= 2;
    return k;
}
static double measured_rate(size_t n, const double *lambda, double eta,
                            unsigned seed, bool diverges)
{
    descent_error error;
    descent_quadratic q;
    descent_trace trace;
    double *theta = malloc(n * sizeof *theta);
    assert_non_null(theta);
    REQUIRE(descent_quadratic_spectrum(&q, n, lambda, NULL, 0, seed,
                                       &error), error);
    REQUIRE(descent_trace_init(&trace, n, false, &error), error);
    for (size_t r = 0; r < n; r++) {
        theta[r] = 0;
        for (size_t i = 0; i < n; i++)
            theta[r] += q.Q[r * n + i];
    }
    descent_objective f = descent_quadratic_objective(&q);
    size_t settle = steps_to_settle(n, lambda, eta);
    descent_result result =
        diverges ? run_gd_until(&f, eta, 1000000, 1e250, theta, &trace)
                 : run_gd(&f, eta, settle + 1, theta, &trace);
    if (diverges) {
        assert_int_equal(result.status, DESCENT_DIVERGED);
        if (predicted_ratio(n, lambda, eta, trace.length - 2) <
            descent_gd_rate(n, lambda, eta) - 1e-7)
            fail_msg("diverged after %zu steps, before the rate settled",
                     trace.length);
    } else {
        assert_int_equal(result.status, DESCENT_MAX_ITERATIONS);
        for (size_t k = 0; k + 1 < trace.length; k++)
            assert_true(trace.value[k + 1] < trace.value[k]);
    }
    size_t last = trace.length - 1;
    double rate = sqrt(trace.value[last] / trace.value[last - 1]);
    descent_trace_free(&trace);
    descent_quadratic_free(&q);
    free(theta);
    return rate;
}
static double model_error(descent_objective *f, const double *theta,
                          const double *g, double gHg, double eta,
                          double *trial)
{
    size_t n = f->n;
    double value = descent_value(f, theta);
    double gg = cblas_ddot((int)n, g, 1, g, 1);
    memcpy(trial, theta, n * sizeof *trial);
    cblas_daxpy((int)n, -eta, g, 1, trial, 1);
    double moved = descent_value(f, trial);
    double model = value - eta * gg + 0.5 * eta * eta * gHg;
    double scale = fabs(value) + eta * gg + 0.5 * eta * eta * fabs(gHg) +
                   fabs(moved);
    return fabs(moved - model) / scale;
}
static const size_t huge[] = {(size_t)INT_MAX + 1, (size_t)1 << 60,
                              (size_t)1 << 61, SIZE_MAX};
static const double nonfinite[] = {NAN, INFINITY, -INFINITY};
enum {
    HUGE_SIZES = sizeof huge / sizeof huge[0],
    NONFINITE_VALUES = sizeof nonfinite / sizeof nonfinite[0]
};

static const char *text(const char *format, ...)
    __attribute__((format(printf, 1, 2)));
static const char *text(const char *format, ...)
{
    static char buffer[160];
    va_list args;
    va_start(args, format);
    vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    return buffer;
}
static double never(const double *theta, double *g, void *context)
{
    (void)theta;
    (void)g;
    (void)context;
    claim_fail("an objective that should have been refused was "
               "evaluated");
    return NAN;
}
typedef struct faulty_objective {
    unsigned long good_evaluations;  /* evaluations before the fault */
    double bad_value;                /* returned as E, if not 0 */
    double bad_gradient;             /* written to g[0], if not 0 */
    unsigned long calls;
} faulty_objective;

static double faulty(const double *w, double *g, void *context)
{
    faulty_objective *fault = context;
    bool broken = fault->calls++ >= fault->good_evaluations;
    if (g != NULL)
        g[0] = broken && fault->bad_gradient != 0 ? fault->bad_gradient
                                                   : 4 * w[0] - 8;
    return broken && fault->bad_value != 0 ? fault->bad_value
                                           : 2 * w[0] * w[0] - 8 * w[0];
}

static void nan_hessian(const double *w, double *H, void *context)
{
    (void)w;
    (void)context;
    H[0] = NAN;
}
static descent_status nan_direction(void *state, descent_objective *f,
                                    const descent_point *at, double *d,
                                    descent_error *error)
{
    (void)state;
    (void)f;
    (void)error;
    for (size_t i = 0; i < at->n; i++)
        d[i] = NAN;
    return DESCENT_OK;
}

static descent_status backward_step(void *state, descent_objective *f,
                                    const descent_point *at,
                                    const double *d, descent_trial *trial,
                                    descent_error *error)
{
    (void)state;
    (void)f;
    (void)at;
    (void)d;
    (void)error;
    trial->eta = -1;
    return DESCENT_OK;
}
static void claim_gd_1d_regimes(void **state)
{
    const double a = 4, b = -8, w_star = 2;
    const double eta_a[] = {0.05, 0.5, 0.95, 1.0, 1.05,
                            1.5,  1.95, 2.05, 2.5, 3.0};
    double worst = 0;
    descent_error error;
    descent_quadratic q;
    descent_trace trace;
    (void)state;
    REQUIRE(descent_quadratic_1d(&q, a, b, 0, &error), error);
    REQUIRE(descent_trace_init(&trace, 1, true, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    for (size_t i = 0; i < sizeof eta_a / sizeof eta_a[0]; i++) {
        double eta = eta_a[i] / a, w = 3, factor = 1 - eta_a[i];
        descent_result result = run_gd(&f, eta, 40, &w, &trace);
        for (size_t k = 0; k < trace.length; k++)   /* one evaluation per step */
            assert_true(trace.evaluations[k] == (double)(k + 1));
        for (size_t k = 0; k + 1 < trace.length; k++) {
            double e0 = trace.theta[k] - w_star, e1 = trace.theta[k + 1] - w_star;
            if (fabs(e0) < 1e-2)
                break;
            worst = fmax(worst, fabs(fabs(e1 / e0) - fabs(factor)));
            if (factor > 0)
                assert_true(e1 > 0);     /* monotone: the sign is kept */
            else if (factor < 0)
                assert_true(e1 < 0 ? e0 > 0 : e0 < 0);  /* alternating */
        }
        if (factor == 0) {
            assert_int_equal(result.status, DESCENT_OK);
            assert_int_equal(result.iterations, 1);
            assert_true(w == w_star);
        }
        if (eta_a[i] < 2) {  /* converged to the last bit, or ran its course */
            assert_true(result.status == DESCENT_OK ||
                        result.status == DESCENT_MAX_ITERATIONS);
        } else {             /* flew apart, or was still flying at the cap */
            assert_true(result.status == DESCENT_DIVERGED ||
                        result.status == DESCENT_MAX_ITERATIONS);
            assert_true(fabs(w - w_star) > 1);
        }
    }
    descent_trace_free(&trace);
    descent_quadratic_free(&q);
    bool holds = claim_report_at_most(
        "gd-1d-regimes",
        "$|w_{k+1}-w^*|/|w_k-w^*|=|1-\\eta a|$ in all four regimes, "
        "while $|w_k-w^*|\\ge10^{-2}$",
        worst, 1e-12);
    assert_true(holds);
}
static const size_t dimensions[] = {2, 10, 100};
static const double condition_numbers[] = {10, 1e3, 1e6};

static void claim_gd_stability(void **state)
{
    double worst = 0, lambda[100];
    unsigned seed = 1;
    (void)state;
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++, seed++) {
            size_t n = dimensions[i];
            random_spectrum(n, condition_numbers[j], seed, lambda);
            for (int side = 0; side < 2; side++) {
                double eta = (side ? 1.01 : 0.99) * 2 / lambda[n - 1];
                double rate = measured_rate(n, lambda, eta, seed, side);
                worst = fmax(worst, fabs(rate - descent_gd_rate(
                                                    n, lambda, eta)));
            }
        }
    bool holds = claim_report_at_most(
        "gd-stability",
        "GD converges at $0.99\\cdot2/\\lambda_{\\max}$, diverges at "
        "$1.01\\cdot2/\\lambda_{\\max}$; rate $=\\max_i|1-\\eta\\lambda_i|$",
        worst, 1e-6);
    assert_true(holds);
}
static void claim_gd_best_step(void **state)
{
    double worst = 0, lambda[100];
    unsigned seed = 1;
    (void)state;
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++, seed++) {
            size_t n = dimensions[i];
            double kappa = condition_numbers[j];
            random_spectrum(n, kappa, seed, lambda);
            double eta = descent_gd_best_step(lambda[0], lambda[n - 1]);
            assert_true(fabs(eta - 2 / (1 + kappa)) <= 4e-16 * eta);
            double rate = measured_rate(n, lambda, eta, seed, false);
            worst = fmax(worst, fabs(rate - (kappa - 1) / (kappa + 1)));
        }
    bool holds = claim_report_at_most(
        "gd-best-step",
        "at $\\eta=2/(\\lambda_{\\min}+\\lambda_{\\max})$ the rate is "
        "$(\\kappa-1)/(\\kappa+1)$", worst, 1e-6);
    assert_true(holds);
}
static void claim_taylor_exact(void **state)
{
    enum { n = 10 };
    const double etas[] = {1e-3, 1e-2, 1e-1, 1, 10};
    double worst = 0, worst_slope = 0;
    (void)state;
    for (unsigned c = 0; c < 4; c++) {
        double lambda[n], theta[n], g[n], H[n * n], Hg[n], trial[n];
        descent_error error;
        descent_quadratic q;
        random_vector(n, c < 2 ? DESCENT_UNIFORM : DESCENT_SYMMETRIC, 100 + c,
                      lambda);
        for (size_t i = 0; i < n; i++)
            lambda[i] = c < 2 ? 1 + 99 * lambda[i] : 5 * lambda[i];
        random_vector(n, DESCENT_GAUSSIAN, 200 + c, theta);
        random_vector(n, DESCENT_GAUSSIAN, 300 + c, trial);   /* b; trial is free now */
        REQUIRE(descent_quadratic_spectrum(&q, n, lambda, trial, 1.5, 400 + c,
                                           &error), error);
        descent_objective f = descent_quadratic_objective(&q);
        descent_value_gradient(&f, theta, g);
        REQUIRE(descent_hessian(&f, theta, H, &error), error);
        cblas_dgemv(CblasRowMajor, CblasNoTrans, n, n, 1.0, H, n, g, 1, 0.0,
                    Hg, 1);
        double gHg = cblas_ddot(n, g, 1, Hg, 1);
        for (size_t i = 0; i < sizeof etas / sizeof etas[0]; i++)
            worst = fmax(worst,
                         model_error(&f, theta, g, gHg, etas[i], trial));
        double d[n], eta_star, decrease, g_new[n];
        for (size_t i = 0; i < n; i++)
            d[i] = -g[i];
        descent_status status =
            descent_taylor_step(&f, theta, d, &eta_star, &decrease, &error);
        if (gHg <= 0) {
            assert_int_equal(status, DESCENT_STEP_FAILED);
        } else {
            REQUIRE(status, error);
            double gg = cblas_ddot(n, g, 1, g, 1), best = 0, value[3];
            for (int side = 0; side < 3; side++) {
                memcpy(trial, theta, sizeof trial);
                cblas_daxpy(n, eta_star * (0.9 + 0.1 * side), d, 1, trial, 1);
                value[side] = descent_value_gradient(&f, trial, g_new);
                if (side == 1)
                    best = fabs(cblas_ddot(n, g_new, 1, g, 1)) / gg;
            }
            assert_true(value[1] < value[0] && value[1] < value[2]);
            worst_slope = fmax(worst_slope, best);
            double start = descent_value(&f, theta);
            assert_true(fabs(decrease - (start - value[1])) <=
                        1e-12 * fmax(1, fabs(start)));
        }
        descent_quadratic_free(&q);
    }
    char measured[192], bound[64];
    char model_text[64], slope_text[64];
    claim_format(model_text, sizeof model_text, worst);
    claim_format(slope_text, sizeof slope_text, worst_slope);
    snprintf(measured, sizeof measured,
             "model error %s, slope at $\\eta^*$ %s of its start",
             model_text, slope_text);
    snprintf(bound, sizeof bound, "$10^{-13}$ and $10^{-12}$");
    bool holds = worst <= 1e-13 && worst_slope <= 1e-12;
    claim_report("taylor-exact",
                 "the model is exact on quadratics, and "
                 "$\\eta^*=g^{\\mathsf T}g/g^{\\mathsf T}Hg$ minimizes along $-g$",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_taylor_cubic(void **state)
{
    double theta[2] = {-1.2, 1}, g[2], H[4], Hg[2], trial[2];
    double eta_star, x[9], y[9], mean_x = 0, mean_y = 0;
    descent_error error;
    descent_rosenbrock r;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&r);
    descent_value_gradient(&f, theta, g);
    REQUIRE(descent_hessian(&f, theta, H, &error), error);
    double d[2] = {-g[0], -g[1]};
    REQUIRE(descent_taylor_step(&f, theta, d, &eta_star, NULL, &error),
            error);
    cblas_dgemv(CblasRowMajor, CblasNoTrans, 2, 2, 1.0, H, 2, g, 1, 0.0,
                Hg, 1);
    double gHg = cblas_ddot(2, g, 1, Hg, 1);
    double gg = cblas_ddot(2, g, 1, g, 1), value = descent_value(&f, theta);
    for (int i = 0; i < 9; i++) {
        double eta = eta_star * pow(10, -3 + 0.25 * i);
        memcpy(trial, theta, sizeof trial);
        cblas_daxpy(2, -eta, g, 1, trial, 1);
        double moved = descent_value(&f, trial);
        double remainder = moved - (value - eta * gg + 0.5 * eta * eta * gHg);
        x[i] = log(eta);
        y[i] = log(fabs(remainder));
        mean_x += x[i] / 9;
        mean_y += y[i] / 9;
    }
    double sxy = 0, sxx = 0;
    for (int i = 0; i < 9; i++) {
        sxy += (x[i] - mean_x) * (y[i] - mean_y);
        sxx += (x[i] - mean_x) * (x[i] - mean_x);
    }
    double slope = sxy / sxx;
    char measured[64];
    snprintf(measured, sizeof measured, "slope $%.4f$", slope);
    bool holds = fabs(slope - 3) <= 0.01;
    claim_report("taylor-cubic",
                 "off quadratics the model's error shrinks like $\\eta^3$",
                 measured, "$|{\\rm slope}-3|\\le0.01$", holds);
    assert_true(holds);
}
typedef struct labelled_point {
    descent_objective f;
    double theta[3];
    descent_point_kind kind;
} labelled_point;

static void claim_hessian_classify(void **state)
{
    descent_error error;
    descent_rosenbrock r;
    descent_quadratic q[3];
    const double spectra[3][3] = {{1, 2, 3}, {-1, -2, -3}, {1, -2, 3}};
    const double b[3] = {0.5, -1, 2};
    labelled_point points[11];
    size_t count = 0, correct = 0;
    (void)state;
    descent_objective cubic = descent_cubic_objective();
    points[count++] = (labelled_point){cubic, {1, 1}, DESCENT_MINIMUM};
    points[count++] = (labelled_point){cubic, {-1, -1}, DESCENT_MAXIMUM};
    points[count++] = (labelled_point){cubic, {1, -1}, DESCENT_SADDLE};
    points[count++] = (labelled_point){cubic, {-1, 1}, DESCENT_SADDLE};
    points[count++] = (labelled_point){cubic, {0, 0}, DESCENT_NOT_CRITICAL};
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    points[count++] = (labelled_point){descent_rosenbrock_objective(&r),
                                       {1, 1}, DESCENT_MINIMUM};
    points[count++] = (labelled_point){descent_monkey_saddle_objective(),
                                       {0, 0}, DESCENT_DEGENERATE};
    const descent_point_kind kinds[3] = {DESCENT_MINIMUM, DESCENT_MAXIMUM,
                                         DESCENT_SADDLE};
    for (unsigned i = 0; i < 3; i++) {
        REQUIRE(descent_quadratic_spectrum(&q[i], 3, spectra[i], b, 0,
                                           10 + i, &error), error);
        points[count] = (labelled_point){descent_quadratic_objective(&q[i]),
                                         {7, 7, 7}, kinds[i]};   /* overwritten */
        REQUIRE(descent_quadratic_critical_point(&q[i],
                                                 points[count].theta,
                                                 &error), error);
        count++;
    }
    points[count++] = (labelled_point){descent_quadratic_objective(&q[0]),
                                       {1, 1, 1}, DESCENT_NOT_CRITICAL};
    for (size_t i = 0; i < count; i++) {
        descent_point_kind kind;
        double lambda[3];
        REQUIRE(descent_classify_point(&points[i].f, points[i].theta, 1e-10,
                                       1e-8, &kind, lambda, &error), error);
        correct += kind == points[i].kind;
        if (kind != points[i].kind)
            printf("point %zu: %s, expected %s\n", i,
                   descent_point_kind_name(kind),
                   descent_point_kind_name(points[i].kind));
        if (i < 4) {
            assert_true(lambda[0] == (i == 0 ? 6 : -6));
            assert_true(lambda[1] == (i == 1 ? -6 : 6));
        }
    }
    for (int i = 0; i < 3; i++)
        descent_quadratic_free(&q[i]);
    char measured[64], bound[64];
    snprintf(measured, sizeof measured, "%zu of %zu correct", correct, count);
    snprintf(bound, sizeof bound, "all %zu", count);
    claim_report("hessian-classify",
                 "Hessian eigenvalue signs label minima, maxima, saddles",
                 measured, bound, correct == count);
    assert_int_equal(correct, count);
}
static void claim_geometric_travel(void **state)
{
    const double eta0 = 0.5, gamma = 0.9, start[2] = {-8, 8};
    double theta[2] = {-8, 8}, worst = -1;
    descent_error error;
    descent_rosenbrock r;
    descent_trace trace;
    descent_step_schedule schedule;
    descent_result result;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    REQUIRE(descent_trace_init(&trace, 2, true, &error), error);
    descent_objective f = descent_rosenbrock_objective(&r);
    descent_direction_rule direction =
        descent_normalized_steepest_descent();
    descent_step_rule step =
        descent_geometric_step(&schedule, eta0, gamma);
    descent_options options = descent_default_options();
    options.max_iterations = 300;
    options.stall_iterations = 0;
    options.trace = &trace;
    descent_minimize(&f, &direction, &step, &options, theta, &result);
    assert_int_equal(result.status, DESCENT_MAX_ITERATIONS);
    for (size_t k = 1; k < trace.length; k++) {
        const double *x = descent_trace_iterate(&trace, k);
        double distance = hypot(x[0] - start[0], x[1] - start[1]);
        double bound = eta0 * (1 - pow(gamma, (double)k)) / (1 - gamma);
        worst = fmax(worst, distance / bound - 1);
    }
    assert_true(hypot(theta[0] - 1, theta[1] - 1) > 11 - eta0 / (1 - gamma));
    bool holds = claim_report_at_most(
        "geometric-travel",
        "normalized steps $\\eta_0\\gamma^k$ travel at most "
        "$\\eta_0/(1-\\gamma)$", worst, 1e-12);
    assert_true(holds);
    assert_int_equal(trace.length, result.iterations + 1);
    for (size_t k = 0; k + 1 < trace.length; k++)
        assert_true(fabs(trace.eta[k] - eta0 * pow(gamma, (double)k)) <=
                    1e-12 * trace.eta[k]);
    assert_true(isnan(trace.eta[trace.length - 1]));
    descent_trace_free(&trace);
}
static bool report_count(const char *key, const char *statement,
                         const char *what, size_t count, size_t total)
{
    char measured[96], bound[32];
    snprintf(measured, sizeof measured, "%zu of %zu %s", count, total,
             what);
    snprintf(bound, sizeof bound, "all %zu", total);
    claim_report(key, statement, measured, bound, count == total);
    return count == total;
}

enum { PLAIN, JACOBI, WHITENED };   /* the changes of variables */
static const char *const scaling_names[] = {"none", "Jacobi",
                                            "whitening"};
static const char *const quadratic_names[] = {"axis-aligned", "rotated",
                                              "badly scaled"};
static const double rescaled[3][4] = {
    {1, 0, 0, 1e4}, {5000.5, -4999.5, -4999.5, 5000.5}, {1, 50, 50, 1e4}};

static void change_variables(const double A[4], int kind, double P[4],
                             double B[4], double lambda[2])
{
    double AP[4];
    descent_error error;
    P[0] = P[3] = 1;
    P[1] = P[2] = 0;
    if (kind == JACOBI) {
        P[0] = 1 / sqrt(A[0]);
        P[3] = 1 / sqrt(A[3]);
    } else if (kind == WHITENED) {
        double L[4] = {A[0], 0, A[2], A[3]};
        assert_int_equal(LAPACKE_dpotrf(LAPACK_ROW_MAJOR, 'L', 2, L, 2), 0);
        assert_int_equal(LAPACKE_dtrtri(LAPACK_ROW_MAJOR, 'L', 'N', 2, L, 2), 0);
        P[0] = L[0];
        P[1] = L[2];
        P[3] = L[3];
    }
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1.0,
                A, 2, P, 2, 0.0, AP, 2);
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 2, 2, 2, 1.0, P,
                2, AP, 2, 0.0, B, 2);
    B[1] = B[2] = 0.5 * (B[1] + B[2]);   /* symmetric, as in exact terms */
    REQUIRE(descent_symmetric_eigenvalues(2, B, lambda, &error), error);
}
static void claim_rescale_condition(void **state)
{
    const double claimed_jacobi[3] = {1, 1e4, 3};
    double worst = 0;
    (void)state;
    for (int q = 0; q < 3; q++) {
        const double *A = rescaled[q];
        double r = fabs(A[1]) / sqrt(A[0] * A[3]);
        double predicted[3] = {0, (1 + r) / (1 - r), 1};
        assert_true(fabs(predicted[JACOBI] / claimed_jacobi[q] - 1) <= 1e-10);
        for (int kind = JACOBI; kind <= WHITENED; kind++) {
            double P[4], B[4], lambda[2];
            change_variables(A, kind, P, B, lambda);
            double kappa = lambda[1] / lambda[0];
            worst = fmax(worst, fabs(kappa / predicted[kind] - 1));
        }
    }
    bool holds = claim_report_at_most(
        "rescale-condition",
        "Jacobi scaling gives $\\kappa=(1+|r|)/(1-|r|)$, whitening "
        "$\\kappa=1$", worst, 1e-10);
    assert_true(holds);
}
static size_t steps_to_reduce(descent_objective *f,
                              const descent_direction_rule *direction,
                              double eta, double *x, size_t iterations)
{
    descent_error error;
    descent_trace trace;
    REQUIRE(descent_trace_init(&trace, f->n, false, &error), error);
    run_rule_until(f, direction, eta, iterations, 1e12, x, &trace);
    size_t k = 0;
    while (k < trace.length && trace.value[k] > 1e-10 * trace.value[0])
        k++;
    descent_trace_free(&trace);
    return k;
}

static void claim_rescale_steps(void **state)
{
    size_t agree = 0, counts = 0;
    (void)state;
    for (int q = 0; q < 3; q++)
        for (int kind = PLAIN; kind <= WHITENED; kind++, counts += 2) {
            double P[4], B[4], M[4], lambda[2];
            change_variables(rescaled[q], kind, P, B, lambda);
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 2, 2, 2,
                        1.0, P, 2, P, 2, 0.0, M, 2);
            double kappa = lambda[1] / lambda[0], eta = 2 / (lambda[0] + lambda[1]);
            double rho = (kappa - 1) / (kappa + 1);
            double x = log(1e10) / (2 * log(1 / rho));
            size_t predicted = x < 1 ? 1 : (size_t)ceil(x);
            if (x >= 1 && fabs(x - round(x)) < 1e-6)
                fail_msg("predicted count %.9f is too close to a whole number", x);
            descent_error error;
            descent_quadratic in_theta, in_phi;
            descent_preconditioner preconditioner;
            double phi[2] = {1, -2};
            double theta[2] = {P[0] * phi[0] + P[1] * phi[1],
                               P[2] * phi[0] + P[3] * phi[1]};
            REQUIRE(descent_quadratic_init(&in_theta, 2, rescaled[q], NULL, 0,
                                           &error), error);
            REQUIRE(descent_quadratic_init(&in_phi, 2, B, NULL, 0, &error), error);
            descent_objective f = descent_quadratic_objective(&in_theta);
            descent_objective f_phi = descent_quadratic_objective(&in_phi);
            descent_direction_rule preconditioned =
                descent_preconditioned_descent(&preconditioner, 2, M);
            descent_direction_rule steepest = descent_steepest_descent();
            size_t steps = steps_to_reduce(&f, &preconditioned, eta, theta,
                                           predicted + 100);
            size_t phi_steps = steps_to_reduce(&f_phi, &steepest, eta, phi,
                                               predicted + 100);
            agree += (steps == predicted) + (phi_steps == predicted);
            descent_quadratic_free(&in_theta);
            descent_quadratic_free(&in_phi);
            claim_table_row("rescale-table", "%s & %s & %.0f & %zu & %zu & %zu \\\\",
                            quadratic_names[q], scaling_names[kind], kappa, predicted,
                            steps, phi_steps);
        }
    bool holds = report_count("rescale-steps",
                              "GD with the best step takes the steps "
                              "$\\kappa(P^{\\mathsf T}AP)$ predicts, in "
                              "$\\theta$ and in $\\varphi$",
                              "counts as predicted", agree, counts);
    assert_true(holds);
}
typedef enum well_outcome {
    SETTLES_SHARP, SETTLES_WIDE, BOUNCES, DIVERGES, ELSEWHERE
} well_outcome;

static well_outcome run_on_the_wells(descent_objective *f, double eta,
                                     double w, const double minima[2],
                                     descent_trace *trace)
{
    descent_step_schedule schedule;
    descent_direction_rule direction = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, eta);
    descent_options options = descent_default_options();
    descent_result result;
    options.max_iterations = 5000;
    options.stall_iterations = 0;
    options.trace = trace;
    descent_minimize(f, &direction, &step, &options, &w, &result);
    if (result.status == DESCENT_OK)
        return fabs(w - minima[0]) <= 1e-6   ? SETTLES_SHARP
               : fabs(w - minima[1]) <= 1e-6 ? SETTLES_WIDE
                                             : ELSEWHERE;
    if (result.status == DESCENT_DIVERGED)
        return DIVERGES;
    if (result.status != DESCENT_MAX_ITERATIONS)
        return ELSEWHERE;
    for (size_t k = trace->length - 100; k < trace->length; k++) {
        double distance = fabs(trace->theta[k] - minima[0]);
        if (distance < 0.01 || distance > 0.2)
            return ELSEWHERE;
    }
    return BOUNCES;
}
static void claim_large_step_escape(void **state)
{
    descent_objective f = descent_two_wells_objective();
    descent_error error;
    descent_trace trace;
    double minima[2] = {2, 0.5}, curvature[2];
    size_t as_claimed = 0, runs = 0;
    (void)state;
    REQUIRE(descent_trace_init(&trace, 1, true, &error), error);
    const double finding_steps[2] = {0.01, 0.5};
    for (int m = 0; m < 2; m++) {
        descent_step_schedule schedule;
        descent_direction_rule direction = descent_steepest_descent();
        descent_step_rule step = descent_fixed_step(&schedule,
                                                    finding_steps[m]);
        descent_result result;
        descent_point_kind kind;
        descent_minimize(&f, &direction, &step, NULL, &minima[m], &result);
        assert_int_equal(result.status, DESCENT_OK);
        REQUIRE(descent_classify_point(&f, &minima[m], 1e-8, 0, &kind,
                                       &curvature[m], &error), error);
        assert_int_equal(kind, DESCENT_MINIMUM);
    }
    assert_true(curvature[0] > 50 && fabs(curvature[1] - 1) < 1e-12);
    const double a_s = curvature[0], a_w = curvature[1];
    const double etas[6] = {0.9 * 2 / a_s, 1.2 * 2 / a_s, 3 * 2 / a_s,
                            10 * 2 / a_s,  0.5 * 2 / a_w, 1.05 * 2 / a_w};
    const well_outcome claimed[6] = {SETTLES_SHARP, BOUNCES,
                                     SETTLES_WIDE,  SETTLES_WIDE,
                                     SETTLES_WIDE,  DIVERGES};
    for (int c = 0; c < 6; c++)
        for (int i = 0; i <= 40; i++, runs++)
            as_claimed += run_on_the_wells(&f, etas[c], 1.8 + 0.01 * i,
                                           minima, &trace) == claimed[c];
    descent_trace_free(&trace);
    bool holds = report_count("large-step-escape",
                              "a step above $2/a$ cannot settle in a minimum "
                              "of curvature $a$; large steps leave the sharp "
                              "well for the wide one",
                              "runs end as claimed", as_claimed, runs);
    assert_true(holds);
}
static void test_problems_themselves(void **state)
{
    const size_t sizes[3] = {2, 3, 7};
    descent_error e;
    (void)state;
    for (int s = 0; s < 3; s++)
        for (int p = 0; p < 2; p++) {
            size_t n = sizes[s];
            double a = p == 0 ? 1 : 2, theta[7], g[7], H[49];
            if (p == 1 && n > 2)
                continue;
            descent_rosenbrock r;
            REQUIRE(descent_rosenbrock_init(&r, n, a, 100, &e), e);
            descent_objective f = descent_rosenbrock_objective(&r);
            for (size_t i = 0; i < n; i++)
                theta[i] = i == 0 ? a : a * a;
            assert_true(descent_value_gradient(&f, theta, g) == 0);
            for (size_t i = 0; i < n; i++)
                assert_true(g[i] == 0);
            random_vector(n, DESCENT_SYMMETRIC, 40 + (unsigned)s, theta);
            REQUIRE(descent_hessian(&f, theta, H, &e), e);
            for (size_t i = 0; i < n; i++)
                for (size_t j = 0; j < n; j++)
                    if (i > j + 1 || j > i + 1)
                        assert_true(H[i * n + j] == 0);
        }
    enum { N = 6 };
    double M[N * N], A[N * N], norm = 0, worst = 0;
    random_vector(N * N, DESCENT_GAUSSIAN, 47, M);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i * N + j] = M[i * N + j] + M[j * N + i];
            norm = fmax(norm, fabs(A[i * N + j]));
        }
    descent_quadratic q;
    REQUIRE(descent_quadratic_init(&q, N, A, NULL, 0, &e), e);
    for (int k = 0; k + 1 < N; k++)
        assert_true(q.lambda[k] <= q.lambda[k + 1]);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            double aq = 0, qq = 0;
            for (int j = 0; j < N; j++) {
                aq += A[i * N + j] * q.Q[j * N + k];
                qq += q.Q[j * N + i] * q.Q[j * N + k];
            }
            worst = fmax(worst, fabs(aq - q.Q[i * N + k] * q.lambda[k]) / norm);
            worst = fmax(worst, fabs(qq - (i == k)));
        }
    descent_quadratic_free(&q);
    assert_true(worst <= 256 * DBL_EPSILON);
    for (int made = 0; made < 2; made++) {
        const double S[9] = {4, 1, 0, 1, 3, -1, 0, -1, 2}, spectrum[3] = {1, 2, 5};
        double b3[3] = {0.5, -1.25, 2}, x3[3] = {0.3, -0.7, 1.1}, g3[3];
        double c = -3.5, value = c, scale = fabs(c);
        descent_quadratic p;
        if (made == 0)
            REQUIRE(descent_quadratic_init(&p, 3, S, b3, c, &e), e);
        else
            REQUIRE(descent_quadratic_spectrum(&p, 3, spectrum, b3, c, 21, &e),
                    e);
        descent_objective fp = descent_quadratic_objective(&p);
        double got = descent_value_gradient(&fp, x3, g3);
        for (int i = 0; i < 3; i++) {
            double Ax = 0;
            for (int j = 0; j < 3; j++)
                Ax += p.A[i * 3 + j] * x3[j];
            value += 0.5 * x3[i] * Ax + b3[i] * x3[i];
            scale += fabs(x3[i] * Ax) + fabs(b3[i] * x3[i]);
            assert_true(fabs(g3[i] - (Ax + b3[i])) <= 16 * DBL_EPSILON * 8);
        }
        assert_true(fabs(got - value) <= 16 * DBL_EPSILON * scale);
        descent_quadratic_free(&p);
    }
    descent_quadratic line;
    REQUIRE(descent_quadratic_1d(&line, 2, -4, 0, &e), e);
    descent_objective f1 = descent_quadratic_objective(&line);
    descent_step_schedule schedule;
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 0.25);
    descent_result result;
    double w = 0;
    descent_minimize(&f1, &sd, &step, NULL, &w, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    assert_true(result.iterations > 0);
    assert_int_equal(result.counts.values, result.iterations + 1);
    assert_int_equal(result.counts.gradients, result.iterations + 1);
    assert_int_equal(result.counts.values, f1.counts.values);
    descent_counts before = f1.counts;
    w = 0;
    descent_minimize(&f1, &sd, &step, NULL, &w, &result);
    assert_int_equal(result.counts.values, result.iterations + 1);
    assert_int_equal(result.counts.gradients, result.iterations + 1);
    assert_int_equal(f1.counts.values, before.values + result.counts.values);
    double H1, g1;
    before = f1.counts;
    for (int i = 0; i < 3; i++)
        assert_true(descent_value(&f1, &w) == descent_value_gradient(&f1, &w, &g1));
    REQUIRE(descent_hessian(&f1, &w, &H1, &e), e);
    assert_true(H1 == 2);
    assert_int_equal(f1.counts.values, before.values + 6);
    assert_int_equal(f1.counts.gradients, before.gradients + 3);
    assert_int_equal(f1.counts.hessians, before.hessians + 1);
    descent_quadratic_free(&line);
}
static void norm_and_normalized_direction(void **state)
{
    const double scales[3] = {1, 1e-170, 1e200}, zero[4] = {0};
    descent_error e;
    (void)state;
    for (int k = 0; k < 3; k++) {
        double s = scales[k], b[2] = {3 * s, 4 * s}, theta[2] = {0, 0};
        descent_quadratic plane;
        REQUIRE(descent_quadratic_init(&plane, 2, zero, b, 0, &e), e);
        descent_objective f = descent_quadratic_objective(&plane);
        descent_direction_rule sd = descent_steepest_descent();
        descent_step_schedule schedule;
        descent_step_rule step = descent_fixed_step(&schedule, 1);
        descent_options options = descent_default_options();
        options.max_iterations = 0;
        options.gradient_tolerance = 0;
        descent_result result;
        descent_minimize(&f, &sd, &step, &options, theta, &result);
        expect(result.status, result.message, DESCENT_MAX_ITERATIONS,
               "stopped");
        assert_true(fabs(result.gradient_norm - 5 * s) <=
                    4 * DBL_EPSILON * 5 * s);
        descent_quadratic_free(&plane);
    }
    descent_quadratic bowl;
    const double I2[4] = {1, 0, 0, 1};
    double theta[2] = {0.3, 0.4}, g[2], d[2];
    REQUIRE(descent_quadratic_init(&bowl, 2, I2, NULL, 0, &e), e);
    descent_objective f = descent_quadratic_objective(&bowl);
    descent_point at = {.iteration = 0, .n = 2, .theta = theta,
                        .value = descent_value_gradient(&f, theta, g), .g = g};
    at.gradient_norm = hypot(g[0], g[1]);
    descent_direction_rule rule = descent_normalized_steepest_descent();
    REQUIRE(rule.direction(rule.state, &f, &at, d, &e), e);
    assert_true(fabs(d[0] + 0.6) <= 4 * DBL_EPSILON &&
                fabs(d[1] + 0.8) <= 4 * DBL_EPSILON);
    assert_true(fabs(g[0] * d[0] + g[1] * d[1] + 0.5) <= 4 * DBL_EPSILON);
    const double shallow[2] = {-0.5, 0}, level[2] = {-0.4, 0.3};
    double eta_star, decrease;
    REQUIRE(descent_taylor_step(&f, theta, shallow, &eta_star, &decrease, &e),
            e);
    assert_true(fabs(eta_star - 0.6) <= 4 * DBL_EPSILON &&
                fabs(decrease - 0.045) <= 4 * DBL_EPSILON * 0.045);
    expect(descent_taylor_step(&f, theta, level, &eta_star, &decrease, &e),
           e.message, DESCENT_STEP_FAILED, "not a descent direction");
    descent_quadratic_free(&bowl);
}
static void bad_driver_arguments(void **state)
{
    descent_quadratic q;
    descent_error error;
    descent_result result;
    descent_step_schedule schedule;
    double theta[2] = {1, 1};
    (void)state;
    REQUIRE(descent_quadratic_1d(&q, 4, -8, 0, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 0.1);
    descent_direction_rule no_direction = sd;
    descent_step_rule no_step = step;
    no_direction.direction = NULL;
    no_step.step = NULL;
    BAD("descent_minimize", descent_minimize(NULL, &sd, &step, NULL, theta,
        &result), result, DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD("descent_minimize", descent_minimize(&f, NULL, &step, NULL, theta,
        &result), result, DESCENT_INVALID_ARGUMENT, "direction is NULL");
    BAD("descent_minimize", descent_minimize(&f, &no_direction, &step, NULL,
        theta, &result), result, DESCENT_INVALID_ARGUMENT,
        "direction rule steepest descent has no function");
    BAD("descent_minimize", descent_minimize(&f, &sd, NULL, NULL, theta,
        &result), result, DESCENT_INVALID_ARGUMENT, "step is NULL");
    BAD("descent_minimize", descent_minimize(&f, &sd, &no_step, NULL, theta,
        &result), result, DESCENT_INVALID_ARGUMENT,
        "step rule fixed step has no function");
    BAD("descent_minimize", descent_minimize(&f, &sd, &step, NULL, NULL,
        &result), result, DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD("descent_minimize", descent_minimize(&f, &sd, &step, NULL, theta,
        NULL), error, DESCENT_INVALID_ARGUMENT, "");
    descent_objective empty = {.n = 0, .evaluate = never, .name = "empty"};
    BAD("descent_minimize", descent_minimize(&empty, &sd, &step, NULL,
        theta, &result), result, DESCENT_INVALID_ARGUMENT, "n = 0");
    for (int i = 0; i < HUGE_SIZES; i++) {
        descent_objective big = {.n = huge[i], .evaluate = never};
        BAD("descent_minimize", descent_minimize(&big, &sd, &step, NULL,
            theta, &result), result, DESCENT_INVALID_ARGUMENT,
            text("n = %zu", huge[i]));
    }
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        double start = nonfinite[i];
        BAD("descent_minimize", descent_minimize(&f, &sd, &step, NULL,
            &start, &result), result, DESCENT_NONFINITE,
            text("theta[0] = %g", nonfinite[i]));
    }
    descent_direction_rule broken = {"broken", nan_direction, NULL};
    descent_step_rule backward = {"backward", backward_step, NULL};
    BAD("descent_minimize", descent_minimize(&f, &broken, &step, NULL, theta,
        &result), result, DESCENT_NONFINITE,
        "direction rule broken gave d[0] = nan at iteration 0");
    BAD("descent_minimize", descent_minimize(&f, &sd, &backward, NULL, theta,
        &result), result, DESCENT_STEP_FAILED,
        "step rule backward gave eta = -1 at iteration 0");
    descent_quadratic_free(&q);
}
static void bad_options(void **state)
{
    const double tolerances[] = {-1, NAN, INFINITY, -INFINITY};
    const double thresholds[] = {0, -1, NAN, -INFINITY};
    descent_quadratic q;
    descent_error error;
    descent_result result;
    descent_step_schedule schedule;
    descent_options options;
    double w = 3;
    (void)state;
    REQUIRE(descent_quadratic_1d(&q, 4, -8, 0, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 0.25);
    for (int i = 0; i < 4; i++) {
        options = descent_default_options();
        options.gradient_tolerance = tolerances[i];
        BAD("descent_minimize", descent_minimize(&f, &sd, &step, &options,
            &w, &result), result, DESCENT_INVALID_ARGUMENT,
            text("gradient_tolerance = %g", tolerances[i]));
        options = descent_default_options();
        options.value_tolerance = tolerances[i];
        BAD("descent_minimize", descent_minimize(&f, &sd, &step, &options,
            &w, &result), result, DESCENT_INVALID_ARGUMENT,
            text("value_tolerance = %g", tolerances[i]));
        options = descent_default_options();
        options.divergence_threshold = thresholds[i];
        BAD("descent_minimize", descent_minimize(&f, &sd, &step, &options,
            &w, &result), result, DESCENT_INVALID_ARGUMENT,
            text("divergence_threshold = %g", thresholds[i]));
    }
    options = descent_default_options();
    VALID("descent_default_options", "the defaults pass the driver's checks",
          descent_minimize(&f, &sd, &step, &options, &w, &result), result);
    options.gradient_tolerance = NAN;
    BAD("descent_default_options", descent_minimize(&f, &sd, &step, &options,
        &w, &result), result, DESCENT_INVALID_ARGUMENT,
        "gradient_tolerance = nan");
    options = descent_default_options();
    options.divergence_threshold = INFINITY;
    VALID("descent_minimize", "an infinite threshold tests only for +inf",
          descent_minimize(&f, &sd, &step, &options, &w, &result), result);
    options = descent_default_options();
    options.gradient_tolerance = 0;
    options.stall_iterations = 0;
    w = 3;
    VALID("descent_minimize", "a zero gradient tolerance and no stall test",
          descent_minimize(&f, &sd, &step, &options, &w, &result), result);
    options = descent_default_options();
    options.max_iterations = 0;
    w = 3;
    SURVIVES("descent_minimize", "max_iterations = 0 inspects the start",
             assert_int_equal(descent_minimize(&f, &sd, &step, &options, &w,
                                               &result),
                              DESCENT_MAX_ITERATIONS));
    assert_true(result.iterations == 0 && w == 3 && result.value == -6);
    descent_trace trace;
    REQUIRE(descent_trace_init(&trace, 2, false, &error), error);
    options = descent_default_options();
    options.trace = &trace;
    BAD("descent_minimize", descent_minimize(&f, &sd, &step, &options, &w,
        &result), result, DESCENT_INVALID_ARGUMENT,
        "trace has dimension 2, objective 1");
    descent_trace_free(&trace);
    BAD("descent_trace_free", descent_minimize(&f, &sd, &step, &options, &w,
        &result), result, DESCENT_INVALID_ARGUMENT,
        "options.trace has n = 0: it was freed");
    descent_quadratic_free(&q);
}
static void bad_traces(void **state)
{
    descent_trace trace;
    descent_error error;
    double theta[2] = {0.5, 0.5};
    (void)state;
    BAD("descent_trace_init", descent_trace_init(NULL, 2, false, &error),
        error, DESCENT_INVALID_ARGUMENT, "trace is NULL");
    BAD("descent_trace_init", descent_trace_init(&trace, 0, false, &error),
        error, DESCENT_INVALID_ARGUMENT, "n = 0");
    for (int i = 0; i < HUGE_SIZES; i++)
        BAD("descent_trace_init", descent_trace_init(&trace, huge[i], true,
            &error), error, DESCENT_INVALID_ARGUMENT,
            text("trace: n = %zu", huge[i]));
    SURVIVES("descent_trace_free", "freeing NULL does nothing",
             descent_trace_free(NULL));
    descent_objective cubic = descent_cubic_objective();
    REQUIRE(descent_trace_init(&trace, 2, true, &error), error);
    SURVIVES("descent_trace_iterate", "a NULL trace has no iterates",
             assert_true(descent_trace_iterate(NULL, 0) == NULL));
    SURVIVES("descent_trace_iterate", "an empty trace has no iterate 0",
             assert_true(descent_trace_iterate(&trace, 0) == NULL));
    run_gd(&cubic, 0.1, 3, theta, &trace);
    SURVIVES("descent_trace_iterate", "k past the end gives NULL",
             assert_true(descent_trace_iterate(&trace, trace.length) == NULL));
    SURVIVES("descent_trace_iterate", "k = SIZE_MAX gives NULL",
             assert_true(descent_trace_iterate(&trace, SIZE_MAX) == NULL));
    descent_trace_free(&trace);
    SURVIVES("descent_trace_free", "a second free does nothing",
             descent_trace_free(&trace));
    SURVIVES("descent_trace_iterate", "a freed trace has no iterates",
             assert_true(descent_trace_iterate(&trace, 0) == NULL));
    REQUIRE(descent_trace_init(&trace, 2, false, &error), error);
    run_gd(&cubic, 0.1, 3, theta, &trace);
    SURVIVES("descent_trace_iterate", "iterates not kept give NULL",
             assert_true(trace.length == 4
                         && descent_trace_iterate(&trace, 0) == NULL));
    descent_trace_free(&trace);
}
static void bad_step_rules(void **state)
{
    const double etas[] = {0, -0.5, NAN, INFINITY, -INFINITY};
    const double gammas[] = {0, -0.5, 1.5, NAN, INFINITY, -INFINITY};
    descent_quadratic q;
    descent_error error;
    descent_result result;
    descent_step_schedule schedule;
    double w;
    (void)state;
    REQUIRE(descent_quadratic_1d(&q, 4, -8, 0, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    descent_direction_rule sd = descent_steepest_descent();
    for (int i = 0; i < 5; i++) {
        descent_step_rule step = descent_fixed_step(&schedule, etas[i]);
        w = 3;
        BAD("descent_fixed_step", descent_minimize(&f, &sd, &step, NULL, &w,
            &result), result, DESCENT_INVALID_ARGUMENT,
            text("eta = %g must be positive", etas[i]));
        assert_true(w == 3);   /* no step was taken */
        step = descent_geometric_step(&schedule, etas[i], 0.5);
        BAD("descent_geometric_step", descent_minimize(&f, &sd, &step, NULL,
            &w, &result), result, DESCENT_INVALID_ARGUMENT,
            text("eta0 = %g must be positive", etas[i]));
        assert_true(w == 3);
    }
    for (int i = 0; i < 6; i++) {
        descent_step_rule step =
            descent_geometric_step(&schedule, 0.1, gammas[i]);
        BAD("descent_geometric_step", descent_minimize(&f, &sd, &step, NULL,
            &w, &result), result, DESCENT_INVALID_ARGUMENT,
            text("gamma = %g must lie in (0, 1]", gammas[i]));
    }
    descent_step_rule vanishing = descent_geometric_step(&schedule, 0.1,
                                                         1e-200);
    w = 3;
    BAD("descent_geometric_step", descent_minimize(&f, &sd, &vanishing, NULL,
        &w, &result), result, DESCENT_STEP_FAILED, "eta = 0 at iteration 2");
    descent_step_rule fixed_rate = descent_geometric_step(&schedule, 0.25, 1);
    VALID("descent_geometric_step", "gamma = 1 is a fixed step",
          descent_minimize(&f, &sd, &fixed_rate, NULL, &w, &result), result);
    descent_step_rule orphans[2] = {descent_fixed_step(NULL, 0.1),
                                    descent_geometric_step(NULL, 0.1, 0.5)};
    const char *makers[2] = {"descent_fixed_step", "descent_geometric_step"};
    double g = 1, d = -1, trial_theta, trial_g;
    descent_point at = {.n = 1, .theta = &w, .g = &g, .gradient_norm = 1};
    descent_trial trial = {.theta = &trial_theta, .g = &trial_g};
    for (int i = 0; i < 2; i++) {
        descent_step_rule step = i == 0 ? descent_fixed_step(&schedule, 0.1)
                                 : descent_geometric_step(&schedule, 0.1, 0.5);
        w = 3;   /* not the minimizer, where no step would be asked for */
        BAD(makers[i], descent_minimize(&f, &sd, &orphans[i], NULL, &w,
            &result), result, DESCENT_INVALID_ARGUMENT, "no schedule (NULL)");
        BAD(makers[i], step.step(step.state, &f, NULL, &d, &trial, &error),
            error, DESCENT_INVALID_ARGUMENT, "the point at is NULL");
        BAD(makers[i], step.step(step.state, &f, &at, &d, NULL, &error),
            error, DESCENT_INVALID_ARGUMENT, "the trial is NULL");
    }
    descent_quadratic_free(&q);
}
static void bad_direction_rules(void **state)
{
    descent_direction_rule rules[2] = {
        descent_steepest_descent(), descent_normalized_steepest_descent()};
    const char *makers[2] = {"descent_steepest_descent",
                             "descent_normalized_steepest_descent"};
    descent_objective f = descent_two_wells_objective();
    descent_error error;
    double w = 2, g = 1, d;
    descent_point at = {.n = 1, .theta = &w, .g = &g, .gradient_norm = 1};
    (void)state;
    for (int i = 0; i < 2; i++) {
        descent_direction_fn *rule = rules[i].direction;
        descent_point no_g = at, empty = at;
        no_g.g = NULL;
        empty.n = 0;
        SURVIVES(makers[i], "the rule's function is set",
                 assert_true(rule != NULL && rules[i].state == NULL));
        BAD(makers[i], rule(NULL, &f, NULL, &d, &error), error,
            DESCENT_INVALID_ARGUMENT, "the point at is NULL");
        BAD(makers[i], rule(NULL, &f, &no_g, &d, &error), error,
            DESCENT_INVALID_ARGUMENT, "the gradient at->g is NULL");
        BAD(makers[i], rule(NULL, &f, &at, NULL, &error), error,
            DESCENT_INVALID_ARGUMENT, "the direction d is NULL");
        BAD(makers[i], rule(NULL, &f, &empty, &d, &error), error,
            DESCENT_INVALID_ARGUMENT, "n = 0");
        for (int j = 0; j < HUGE_SIZES; j++) {
            descent_point big = at;
            big.n = huge[j];
            BAD(makers[i], rule(NULL, &f, &big, &d, &error), error,
                DESCENT_INVALID_ARGUMENT, text("n = %zu", huge[j]));
        }
    }
    const double norms[3] = {0, INFINITY, NAN};
    for (int i = 0; i < 3; i++) {
        descent_point odd = at;
        odd.gradient_norm = norms[i];
        odd.iteration = 4;
        BAD("descent_normalized_steepest_descent",
            rules[1].direction(NULL, &f, &odd, &d, &error), error,
            DESCENT_DIRECTION_FAILED,
            text("||g|| = %g at iteration 4", norms[i]));
    }
}
static void bad_preconditioner(void **state)
{
    const double A[4] = {1, 0, 0, 2}, one[1] = {1};
    const double nan_M[4] = {1, NAN, NAN, 1}, skew[4] = {1, 1, 2, 1};
    const double inf_M[4] = {INFINITY, 0, 0, 1};
    const double indefinite[4] = {1, 0, 0, -1}, negative[4] = {-1, 0, 0, -1};
    const struct {
        size_t n;
        const double *M;
        descent_status status;
        const char *text;
    } cases[] = {
        {2, NULL, DESCENT_INVALID_ARGUMENT, "no matrix M (NULL)"},
        {1, one, DESCENT_INVALID_ARGUMENT, "dimension 1, objective 2"},
        {0, one, DESCENT_INVALID_ARGUMENT, "dimension 0, objective 2"},
        {SIZE_MAX, one, DESCENT_INVALID_ARGUMENT, "objective 2"},
        {2, nan_M, DESCENT_NONFINITE, "preconditioner has M[0][1] = nan"},
        {2, inf_M, DESCENT_NONFINITE, "preconditioner has M[0][0] = inf"},
        {2, skew, DESCENT_INVALID_ARGUMENT, "M[0][1] = 1 but M[1][0] = 2"},
        {2, indefinite, DESCENT_DIRECTION_FAILED,
         "g^T M g = -3 at iteration 0, so M is not positive definite"},
        {2, negative, DESCENT_DIRECTION_FAILED, "g^T M g = -5 at iteration 0"},
    };
    descent_quadratic q;
    descent_error error;
    descent_result result;
    descent_preconditioner preconditioner;
    descent_step_schedule schedule;
    double theta[2] = {1, 1};
    (void)state;
    REQUIRE(descent_quadratic_init(&q, 2, A, NULL, 0, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    descent_step_rule step = descent_fixed_step(&schedule, 0.1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        descent_direction_rule direction = descent_preconditioned_descent(
            &preconditioner, cases[i].n, cases[i].M);
        BAD("descent_preconditioned_descent", descent_minimize(&f, &direction,
            &step, NULL, theta, &result), result, cases[i].status,
            cases[i].text);
    }
    descent_direction_rule orphan = descent_preconditioned_descent(NULL, 2, A);
    BAD("descent_preconditioned_descent", descent_minimize(&f, &orphan,
        &step, NULL, theta, &result), result, DESCENT_INVALID_ARGUMENT,
        "the preconditioner is NULL");
    double d[2];
    descent_direction_rule rule = descent_preconditioned_descent(
        &preconditioner, 2, A);
    BAD("descent_preconditioned_descent", rule.direction(rule.state, &f, NULL,
        d, &error), error, DESCENT_INVALID_ARGUMENT, "the point at is NULL");
    descent_quadratic_free(&q);
}
static descent_status run_faulty(faulty_objective fault, double eta,
                                 size_t iterations, descent_result *result)
{
    descent_objective f = {.n = 1, .evaluate = faulty,
                           .context = &fault, .name = "faulty"};
    descent_step_schedule schedule;
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, eta);
    descent_options options = descent_default_options();
    double w = 3;
    options.max_iterations = iterations;
    return descent_minimize(&f, &sd, &step, &options, &w, result);
}
static void bad_values(void **state)
{
    descent_result r;
    (void)state;
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        BAD("descent_minimize", run_faulty((faulty_objective){.bad_value =
            nonfinite[i]}, 0.1, 100, &r), r, DESCENT_NONFINITE,
            text("returned E = %g at iteration 0", nonfinite[i]));
        BAD("descent_minimize", run_faulty((faulty_objective){
            .bad_gradient = nonfinite[i]}, 0.1, 100, &r), r,
            DESCENT_NONFINITE, text("g[0] = %g at iteration 0",
                                    nonfinite[i]));
    }
    BAD("descent_minimize", run_faulty((faulty_objective){3, NAN, 0, 0},
        0.1, 100, &r), r, DESCENT_NONFINITE,
        "returned E = nan at iteration 3");
    assert_true(isfinite(r.value) && isfinite(r.gradient_norm));
    BAD("descent_minimize", run_faulty((faulty_objective){2, 0, INFINITY,
        0}, 0.1, 100, &r), r, DESCENT_NONFINITE,
        "g[0] = inf at iteration 2");
    BAD("descent_minimize", run_faulty((faulty_objective){4, -INFINITY, 0,
        0}, 0.1, 100, &r), r, DESCENT_NONFINITE,
        "E = -inf at iteration 4");
}
static void run_endings(void **state)
{
    descent_result r;
    (void)state;
    run_faulty((faulty_objective){.good_evaluations = 1000}, 0.6, 1000, &r);
    expect(r.status, r.message, DESCENT_DIVERGED, "diverged: E grew");
    run_faulty((faulty_objective){.good_evaluations = 1000}, 0.01, 7, &r);
    expect(r.status, r.message, DESCENT_MAX_ITERATIONS,
           "stopped after 7 iterations");
    assert_int_equal(r.iterations, 7);
    run_faulty((faulty_objective){5, 1.0, 1e-3, 0}, 0.1, 1000, &r);
    expect(r.status, r.message, DESCENT_STALLED, "stalled");
    const double offsets[2] = {0, 1000}, taus[2] = {7, 10};
    const size_t first_past[2] = {2, 8};
    for (int i = 0; i < 2; i++) {
        descent_quadratic up;
        descent_error e;
        double w = 1;
        REQUIRE(descent_quadratic_1d(&up, 1, 0, offsets[i], &e), e);
        descent_objective f = descent_quadratic_objective(&up);
        r = run_gd_until(&f, 3, 100, taus[i], &w, NULL);
        expect(r.status, r.message, DESCENT_DIVERGED, "diverged: E grew");
        assert_int_equal(r.iterations, first_past[i]);
        descent_quadratic_free(&up);
    }
}
static double bowl(const double *x, double *g, void *context)
{
    (void)context;
    if (g != NULL) {
        g[0] = 2 * (x[0] - 1);
        g[1] = 20 * (x[1] + 2);
    }
    return (x[0] - 1) * (x[0] - 1) + 10 * (x[1] + 2) * (x[1] + 2);
}

static void defaults_converge(void **state)
{
    descent_objective f = {.n = 2, .evaluate = bowl, .name = "bowl"};
    descent_step_schedule schedule;
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 0.05);
    descent_result result;
    double theta[2] = {0, 0};
    (void)state;
    descent_minimize(&f, &sd, &step, NULL, theta, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    assert_true(result.gradient_norm <= 1e-8);
    assert_int_equal(result.counts.values, result.iterations + 1);
}
static void driver_defaults(void **state)
{
    descent_options options = descent_default_options();
    descent_objective f = {.n = 2, .evaluate = bowl, .name = "bowl"};
    descent_step_schedule schedule;
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 0.05);
    descent_result given, omitted;
    double theta[2] = {0, 0}, same[2] = {0, 0};
    (void)state;
    assert_int_equal(options.max_iterations, 10000);
    assert_true(options.gradient_tolerance == 1e-8);
    assert_true(options.value_tolerance == 10 * ldexp(1, -52));
    assert_int_equal(options.stall_iterations, 5);
    assert_true(options.divergence_threshold == 1e12);
    assert_null(options.trace);
    descent_minimize(&f, &sd, &step, &options, theta, &given);
    step = descent_fixed_step(&schedule, 0.05);
    descent_minimize(&f, &sd, &step, NULL, same, &omitted);
    assert_int_equal(given.iterations, omitted.iterations);
    assert_memory_equal(theta, same, sizeof theta);
}
static void bad_objectives(void **state)
{
    descent_objective none = {.n = 1, .name = "none"};
    descent_objective empty = {.n = 0, .evaluate = never, .name = "empty"};
    descent_objective cubic = descent_cubic_objective();
    descent_error error;
    double theta[2] = {0, 0}, g[2];
    (void)state;
    BAD("descent_objective_check", descent_objective_check(NULL, &error),
        error, DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD("descent_objective_check", descent_objective_check(&empty,
        &error), error, DESCENT_INVALID_ARGUMENT, "empty has dimension n = 0");
    BAD("descent_objective_check", descent_objective_check(&none, &error),
        error, DESCENT_INVALID_ARGUMENT, "none has no evaluate function");
    for (int i = 0; i < HUGE_SIZES; i++) {
        descent_objective big = {.n = huge[i], .evaluate = never};
        BAD("descent_objective_check", descent_objective_check(&big,
            &error), error, DESCENT_INVALID_ARGUMENT,
            text("n = %zu is more than BLAS", huge[i]));
    }
    descent_objective refused[3] = {none, empty, {.n = SIZE_MAX,
                                                  .evaluate = never}};
    BAD_NAN("descent_value", descent_value(NULL, theta));
    BAD_NAN("descent_value", descent_value(&cubic, NULL));
    BAD_NAN("descent_value_gradient", descent_value_gradient(NULL, theta, g));
    BAD_NAN("descent_value_gradient", descent_value_gradient(&cubic, NULL,
                                                             g));
    BAD_NAN("descent_value_gradient", descent_value_gradient(&cubic, theta,
                                                             NULL));
    for (int i = 0; i < 3; i++) {
        BAD_NAN("descent_value", descent_value(&refused[i], theta));
        BAD_NAN("descent_value_gradient",
                descent_value_gradient(&refused[i], theta, g));
        assert_true(refused[i].counts.values == 0);
    }
    assert_true(cubic.counts.values == 0);
    double H[4];
    descent_objective no_hessian = cubic, widest = {.n = INT_MAX,
        .evaluate = never, .hessian = nan_hessian, .name = "widest"};
    descent_objective broken = {.n = 1, .evaluate = never,
                                .hessian = nan_hessian, .name = "broken"};
    no_hessian.hessian = NULL;
    BAD("descent_hessian", descent_hessian(NULL, theta, H, &error), error,
        DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD("descent_hessian", descent_hessian(&cubic, NULL, H, &error), error,
        DESCENT_INVALID_ARGUMENT, "Hessian of cubic: theta is NULL");
    BAD("descent_hessian", descent_hessian(&cubic, theta, NULL, &error),
        error, DESCENT_INVALID_ARGUMENT, "Hessian of cubic: H is NULL");
    BAD("descent_hessian", descent_hessian(&empty, theta, H, &error), error,
        DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD("descent_hessian", descent_hessian(&no_hessian, theta, H, &error),
        error, DESCENT_NO_HESSIAN, "cubic has no Hessian");
    BAD("descent_hessian", descent_hessian(&widest, theta, H, &error), error,
        DESCENT_INVALID_ARGUMENT, "n = 2147483647 needs more memory");
    BAD("descent_hessian", descent_hessian(&broken, theta, H, &error), error,
        DESCENT_NONFINITE, "Hessian of broken has H[0][0] = nan");
}
static void bad_fixed_objectives(void **state)
{
    descent_objective objectives[3] = {descent_cubic_objective(),
                                       descent_monkey_saddle_objective(),
                                       descent_two_wells_objective()};
    const char *makers[3] = {"descent_cubic_objective",
                             "descent_monkey_saddle_objective",
                             "descent_two_wells_objective"};
    descent_error error;
    double theta[2] = {0.5, 0.5}, g[2];
    (void)state;
    for (int i = 0; i < 3; i++) {
        descent_objective f = objectives[i], wider = f, empty = f;
        wider.n = f.n + 1;
        empty.n = 0;
        VALID(makers[i], "as made, it passes the check",
              descent_objective_check(&f, &error), error);
        BAD(makers[i], descent_objective_check(&wider, &error), error,
            DESCENT_INVALID_ARGUMENT, text("-dimensional, not n = %zu", f.n + 1));
        BAD(makers[i], descent_objective_check(&empty, &error), error,
            DESCENT_INVALID_ARGUMENT, "-dimensional, not n = 0");
        BAD_NAN(makers[i], f.evaluate(NULL, g, f.context));
        SURVIVES(makers[i], "a Hessian into NULL writes nothing",
                 f.hessian(theta, NULL, f.context));
        BAD(makers[i], descent_hessian(&f, theta, NULL, &error), error,
            DESCENT_INVALID_ARGUMENT, "H is NULL");
    }
}
static void bad_quadratics(void **state)
{
    const double asymmetric[4] = {1, 1, 2, 1}, nan_A[4] = {1, NAN, NAN, 1};
    const double inf_A[4] = {1, 0, 0, INFINITY};
    const double indefinite[4] = {1, 0, 0, -1};
    descent_quadratic q;
    descent_error e;
    (void)state;
    BAD("descent_quadratic_init", descent_quadratic_init(NULL, 2, indefinite,
        NULL, 0, &e), e, DESCENT_INVALID_ARGUMENT, "quadratic is NULL");
    BAD("descent_quadratic_init", descent_quadratic_init(&q, 0, indefinite,
        NULL, 0, &e), e, DESCENT_INVALID_ARGUMENT, "n = 0");
    for (int i = 0; i < HUGE_SIZES; i++)
        BAD("descent_quadratic_init", descent_quadratic_init(&q, huge[i],
            indefinite, NULL, 0, &e), e, DESCENT_INVALID_ARGUMENT,
            text("quadratic: n = %zu", huge[i]));
    BAD("descent_quadratic_init", descent_quadratic_init(&q, 2, NULL, NULL,
        0, &e), e, DESCENT_INVALID_ARGUMENT, "A is NULL");
    BAD("descent_quadratic_init", descent_quadratic_init(&q, 2, asymmetric,
        NULL, 0, &e), e, DESCENT_INVALID_ARGUMENT,
        "A[0][1] = 1 but A[1][0] = 2");
    BAD("descent_quadratic_init", descent_quadratic_init(&q, 2, nan_A, NULL,
        0, &e), e, DESCENT_NONFINITE, "A[0][1] = nan");
    BAD("descent_quadratic_init", descent_quadratic_init(&q, 2, inf_A, NULL,
        0, &e), e, DESCENT_NONFINITE, "A[1][1] = inf");
    VALID("descent_quadratic_init", "any symmetric A, and b = NULL",
          descent_quadratic_init(&q, 2, indefinite, NULL, 0, &e), e);
    descent_quadratic_free(&q);
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        const double b[2] = {0, nonfinite[i]};
        BAD("descent_quadratic_init", descent_quadratic_init(&q, 2,
            indefinite, b, 0, &e), e, DESCENT_NONFINITE,
            text("b[1] = %g", nonfinite[i]));
        BAD("descent_quadratic_init", descent_quadratic_init(&q, 2,
            indefinite, NULL, nonfinite[i], &e), e, DESCENT_NONFINITE,
            text("c = %g", nonfinite[i]));
    }
    BAD("descent_quadratic_1d", descent_quadratic_1d(NULL, 1, 0, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "quadratic is NULL");
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        double x = nonfinite[i];
        BAD("descent_quadratic_1d", descent_quadratic_1d(&q, x, 0, 0, &e), e,
            DESCENT_NONFINITE, text("a = %g", x));
        BAD("descent_quadratic_1d", descent_quadratic_1d(&q, 1, x, 0, &e), e,
            DESCENT_NONFINITE, text("b = %g", x));
        BAD("descent_quadratic_1d", descent_quadratic_1d(&q, 1, 0, x, &e), e,
            DESCENT_NONFINITE, text("c = %g", x));
    }
    VALID("descent_quadratic_1d", "a = 0 is a line",
          descent_quadratic_1d(&q, 0, 1, 0, &e), e);
    descent_quadratic_free(&q);
    VALID("descent_quadratic_1d", "a < 0 has a maximum",
          descent_quadratic_1d(&q, -1, 1, 0, &e), e);
    descent_quadratic_free(&q);
}
static void bad_spectra(void **state)
{
    const double lambda[2] = {1, 2}, signs[2] = {0, -1};
    descent_quadratic q;
    descent_error e;
    (void)state;
    BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(NULL, 2,
        lambda, NULL, 0, 1, &e), e, DESCENT_INVALID_ARGUMENT,
        "quadratic is NULL");
    BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(&q, 0,
        lambda, NULL, 0, 1, &e), e, DESCENT_INVALID_ARGUMENT, "n = 0");
    for (int i = 0; i < HUGE_SIZES; i++)
        BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(&q,
            huge[i], lambda, NULL, 0, 1, &e), e, DESCENT_INVALID_ARGUMENT,
            text("n = %zu", huge[i]));
    BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(&q, 46341,
        lambda, NULL, 0, 1, &e), e, DESCENT_INVALID_ARGUMENT,
        "n = 46341 is too large for LAPACK's indices");
    BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(&q, 2,
        NULL, NULL, 0, 1, &e), e, DESCENT_INVALID_ARGUMENT,
        "lambda are NULL");
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        const double x = nonfinite[i], bad[2] = {1, x};
        BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(&q, 2,
            bad, NULL, 0, 1, &e), e, DESCENT_NONFINITE,
            text("lambda[1] = %g", x));
        BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(&q, 2,
            lambda, bad, 0, 1, &e), e, DESCENT_NONFINITE,
            text("b[1] = %g", x));
        BAD("descent_quadratic_spectrum", descent_quadratic_spectrum(&q, 2,
            lambda, NULL, x, 1, &e), e, DESCENT_NONFINITE,
            text("c = %g", x));
    }
    VALID("descent_quadratic_spectrum", "eigenvalues of any sign, zero too",
          descent_quadratic_spectrum(&q, 2, signs, NULL, 0, 1, &e), e);
    descent_quadratic_free(&q);
    VALID("descent_quadratic_spectrum", "seed 0 is a seed",
          descent_quadratic_spectrum(&q, 2, lambda, NULL, 0, 0, &e), e);
    descent_quadratic_free(&q);
    VALID("descent_quadratic_spectrum", "so is UINT_MAX",
          descent_quadratic_spectrum(&q, 2, lambda, NULL, 0, UINT_MAX, &e), e);
    descent_quadratic_free(&q);
}
static void bad_quadratic_use(void **state)
{
    const double lambda[3] = {1, 2, 3};
    descent_quadratic q;
    descent_error e;
    descent_result result;
    descent_step_schedule schedule;
    double theta[3] = {1, 1, 1}, g[3], H[9];
    (void)state;
    SURVIVES("descent_quadratic_free", "freeing NULL does nothing",
             descent_quadratic_free(NULL));
    descent_objective of_null = descent_quadratic_objective(NULL);
    BAD("descent_quadratic_objective", descent_objective_check(&of_null,
        &e), e, DESCENT_INVALID_ARGUMENT, "the quadratic is NULL");
    REQUIRE(descent_quadratic_spectrum(&q, 2, lambda, NULL, 0, 1, &e), e);
    descent_objective f = descent_quadratic_objective(&q);
    descent_quadratic_free(&q);
    SURVIVES("descent_quadratic_free", "a second free does nothing",
             descent_quadratic_free(&q));
    descent_objective late = descent_quadratic_objective(&q);
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 0.1);
    BAD("descent_quadratic_objective", descent_minimize(&f, &sd, &step, NULL,
        theta, &result), result, DESCENT_INVALID_ARGUMENT,
        "used after descent_quadratic_free");
    BAD("descent_quadratic_objective", descent_objective_check(&late, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_quadratic_free");
    BAD("descent_quadratic_objective", descent_hessian(&f, theta, H, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_quadratic_free");
    BAD_NAN("descent_quadratic_objective", descent_value(&f, theta));
    BAD_NAN("descent_quadratic_objective", f.evaluate(theta, g, f.context));
    SURVIVES("descent_quadratic_objective", "its Hessian writes nothing",
             f.hessian(theta, H, f.context));
    BAD("descent_quadratic_critical_point",
        descent_quadratic_critical_point(&q, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_quadratic_free");
    REQUIRE(descent_quadratic_spectrum(&q, 3, lambda, NULL, 0, 1, &e), e);
    BAD("descent_quadratic_objective", descent_objective_check(&f, &e), e,
        DESCENT_INVALID_ARGUMENT, "objective has n = 2, its quadratic 3");
    BAD("descent_quadratic_critical_point",
        descent_quadratic_critical_point(NULL, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "the quadratic q is NULL");
    BAD("descent_quadratic_critical_point",
        descent_quadratic_critical_point(&q, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta_star is NULL");
    descent_quadratic_free(&q);
    const double singular[2] = {0, 1};
    REQUIRE(descent_quadratic_spectrum(&q, 2, singular, NULL, 0, 1, &e), e);
    BAD("descent_quadratic_critical_point",
        descent_quadratic_critical_point(&q, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "A is singular (lambda[0] = 0)");
    descent_quadratic_free(&q);
}
static void bad_rosenbrock(void **state)
{
    descent_rosenbrock r;
    descent_error e;
    double theta[2] = {0, 0}, g[2];
    (void)state;
    BAD("descent_rosenbrock_init", descent_rosenbrock_init(NULL, 2, 1, 100,
        &e), e, DESCENT_INVALID_ARGUMENT, "parameters are NULL");
    for (size_t n = 0; n < 2; n++)
        BAD("descent_rosenbrock_init", descent_rosenbrock_init(&r, n, 1,
            100, &e), e, DESCENT_INVALID_ARGUMENT,
            text("n >= 2, not n = %zu", n));
    for (int i = 0; i < HUGE_SIZES; i++)
        BAD("descent_rosenbrock_init", descent_rosenbrock_init(&r,
            huge[i], 1, 100, &e), e, DESCENT_INVALID_ARGUMENT,
            text("n = %zu", huge[i]));
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        double x = nonfinite[i];
        BAD("descent_rosenbrock_init", descent_rosenbrock_init(&r, 2, x, 100,
            &e), e, DESCENT_NONFINITE, text("a = %g", x));
        BAD("descent_rosenbrock_init", descent_rosenbrock_init(&r, 2, 1, x,
            &e), e, DESCENT_NONFINITE, text("b = %g", x));
    }
    VALID("descent_rosenbrock_init", "b = 0 is (a - x)^2",
          descent_rosenbrock_init(&r, 2, 1, 0, &e), e);
    VALID("descent_rosenbrock_init", "b < 0 is unbounded below, but valid",
          descent_rosenbrock_init(&r, 2, 1, -1, &e), e);
    descent_rosenbrock zero = {0};
    descent_objective of_null = descent_rosenbrock_objective(NULL);
    descent_objective of_zero = descent_rosenbrock_objective(&zero);
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &e), e);
    descent_objective f = descent_rosenbrock_objective(&r);
    BAD("descent_rosenbrock_objective", descent_objective_check(&of_null,
        &e), e, DESCENT_INVALID_ARGUMENT, "parameters are NULL");
    BAD("descent_rosenbrock_objective", descent_objective_check(&of_zero,
        &e), e, DESCENT_INVALID_ARGUMENT, "never made");
    BAD_NAN("descent_rosenbrock_objective", f.evaluate(NULL, g, f.context));
    SURVIVES("descent_rosenbrock_objective", "a Hessian into NULL writes "
             "nothing", f.hessian(theta, NULL, f.context));
    r.n = 3;
    BAD("descent_rosenbrock_objective", descent_objective_check(&f, &e), e,
        DESCENT_INVALID_ARGUMENT, "has n = 2, its parameters n = 3");
    r.n = 2;
    r.a = NAN;
    BAD("descent_rosenbrock_objective", descent_objective_check(&f, &e), e,
        DESCENT_NONFINITE, "a = nan");
}
static void bad_formulas(void **state)
{
    const double lambda[2] = {1, 10};
    const double extremes[][2] = {{-3, 1}, {0, 1}, {2, 1}, {NAN, 1},
                                  {1, NAN}, {1, INFINITY},
                                  {-INFINITY, 1}, {INFINITY, INFINITY}};
    (void)state;
    BAD_NAN("descent_gd_rate", descent_gd_rate(2, NULL, 0.1));
    BAD_NAN("descent_gd_rate", descent_gd_rate(0, lambda, 0.1));
    for (int i = 0; i < HUGE_SIZES; i++)
        BAD_NAN("descent_gd_rate", descent_gd_rate(huge[i], lambda, 0.1));
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        const double bad[2] = {1, nonfinite[i]};
        BAD_NAN("descent_gd_rate", descent_gd_rate(2, lambda, nonfinite[i]));
        BAD_NAN("descent_gd_rate", descent_gd_rate(2, bad, 0.1));
    }
    SURVIVES("descent_gd_rate", "eta = 0 does not move: rate 1",
             assert_true(descent_gd_rate(2, lambda, 0) == 1));
    SURVIVES("descent_gd_rate", "eta < 0 climbs: rate 1 + |eta| 10",
             assert_true(descent_gd_rate(2, lambda, -0.5) == 6));
    for (size_t i = 0; i < sizeof extremes / sizeof extremes[0]; i++)
        BAD_NAN("descent_gd_best_step",
                descent_gd_best_step(extremes[i][0], extremes[i][1]));
    SURVIVES("descent_gd_best_step", "equal extremes: the step 1/lambda",
             assert_true(descent_gd_best_step(4, 4) == 0.25));
}
static void bad_taylor_steps(void **state)
{
    descent_objective cubic = descent_cubic_objective();
    descent_objective no_hessian = cubic, empty = {.n = 0, .evaluate = never};
    descent_objective widest = {.n = INT_MAX, .evaluate = never,
                                .hessian = nan_hessian};
    descent_error e;
    double theta[2] = {0, 0}, up[2] = {-1, 0}, down[2] = {1, 1}, eta;
    (void)state;
    no_hessian.hessian = NULL;
    BAD("descent_taylor_step", descent_taylor_step(NULL, theta, down, &eta,
        NULL, &e), e, DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD("descent_taylor_step", descent_taylor_step(&cubic, NULL, down, &eta,
        NULL, &e), e, DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD("descent_taylor_step", descent_taylor_step(&cubic, theta, NULL, &eta,
        NULL, &e), e, DESCENT_INVALID_ARGUMENT, "d is NULL");
    BAD("descent_taylor_step", descent_taylor_step(&cubic, theta, down, NULL,
        NULL, &e), e, DESCENT_INVALID_ARGUMENT, "eta_star is NULL");
    BAD("descent_taylor_step", descent_taylor_step(&empty, theta, down, &eta,
        NULL, &e), e, DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD("descent_taylor_step", descent_taylor_step(&widest, theta, down,
        &eta, NULL, &e), e, DESCENT_INVALID_ARGUMENT,
        "n = 2147483647 needs more memory");
    BAD("descent_taylor_step", descent_taylor_step(&no_hessian, theta, down,
        &eta, NULL, &e), e, DESCENT_NO_HESSIAN, "has no Hessian");
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        const double x = nonfinite[i], bad[2] = {0, x};
        BAD("descent_taylor_step", descent_taylor_step(&cubic, bad, down,
            &eta, NULL, &e), e, DESCENT_NONFINITE, text("theta[1] = %g", x));
        BAD("descent_taylor_step", descent_taylor_step(&cubic, theta, bad,
            &eta, NULL, &e), e, DESCENT_NONFINITE, text("d[1] = %g", x));
    }
    faulty_objective fault = {.bad_value = NAN};
    descent_objective failing = {.n = 1, .evaluate = faulty, .context = &fault,
                                 .hessian = nan_hessian, .name = "faulty"};
    double w = 0, right = 1;
    BAD("descent_taylor_step", descent_taylor_step(&failing, &w, &right, &eta,
        NULL, &e), e, DESCENT_NONFINITE, "E or its gradient is not finite");
    fault = (faulty_objective){.good_evaluations = 1};
    BAD("descent_taylor_step", descent_taylor_step(&failing, &w, &right, &eta,
        NULL, &e), e, DESCENT_NONFINITE, "Hessian of faulty has H[0][0] = nan");
    BAD("descent_taylor_step", descent_taylor_step(&cubic, theta, up, &eta,
        NULL, &e), e, DESCENT_STEP_FAILED, "g^T d = 3 >= 0");
    BAD("descent_taylor_step", descent_taylor_step(&cubic, theta, down, &eta,
        NULL, &e), e, DESCENT_STEP_FAILED, "d^T H d = 0 <= 0");
    const double far[2] = {2, 2}, back[2] = {-1, -1};
    VALID("descent_taylor_step", "decrease may be NULL",
          descent_taylor_step(&cubic, far, back, &eta, NULL, &e), e);
}
static void bad_eigenvalues(void **state)
{
    const double H[4] = {2, 1, 1, 2}, skew[4] = {1, 1, 2, 1};
    const size_t orders[] = {INT_MAX, (size_t)1 << 32, SIZE_MAX};
    double lambda[2];
    descent_error e;
    (void)state;
    BAD("descent_symmetric_eigenvalues", descent_symmetric_eigenvalues(0,
        H, lambda, &e), e, DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD("descent_symmetric_eigenvalues", descent_symmetric_eigenvalues(2,
        NULL, lambda, &e), e, DESCENT_INVALID_ARGUMENT, "H is NULL");
    BAD("descent_symmetric_eigenvalues", descent_symmetric_eigenvalues(2,
        H, NULL, &e), e, DESCENT_INVALID_ARGUMENT, "lambda is NULL");
    for (int i = 0; i < 3; i++)
        BAD("descent_symmetric_eigenvalues",
            descent_symmetric_eigenvalues(orders[i], H, lambda, &e), e,
            DESCENT_INVALID_ARGUMENT, text("n = %zu", orders[i]));
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        const double bad[4] = {1, 0, 0, nonfinite[i]};
        BAD("descent_symmetric_eigenvalues", descent_symmetric_eigenvalues(2,
            bad, lambda, &e), e, DESCENT_NONFINITE,
            text("H[1][1] = %g", nonfinite[i]));
    }
    BAD("descent_symmetric_eigenvalues", descent_symmetric_eigenvalues(2,
        skew, lambda, &e), e, DESCENT_INVALID_ARGUMENT,
        "H[0][1] = 1 but H[1][0] = 2");
    const int outside[2] = {99, -1};
    for (int i = 0; i < 2; i++) {
        SURVIVES("descent_point_kind_name", "an unknown kind is named so",
                 assert_string_equal(descent_point_kind_name(
                     (descent_point_kind)outside[i]), "unknown kind"));
        SURVIVES("descent_status_name", "an unknown status is named so",
                 assert_string_equal(descent_status_name(
                     (descent_status)outside[i]), "DESCENT_UNKNOWN_STATUS"));
        SURVIVES("descent_status_description", "and described so",
                 assert_string_equal(descent_status_description(
                     (descent_status)outside[i]), "unknown status code"));
    }
}
static void bad_classifications(void **state)
{
    const double tolerances[] = {-1, NAN, INFINITY, -INFINITY};
    descent_objective cubic = descent_cubic_objective();
    descent_objective no_hessian = cubic, widest = {.n = INT_MAX,
        .evaluate = never, .hessian = nan_hessian};
    descent_point_kind kind;
    descent_error e;
    double theta[2] = {1, 1};
    (void)state;
    no_hessian.hessian = NULL;
    BAD("descent_classify_point", descent_classify_point(NULL, theta, 1, 1,
        &kind, NULL, &e), e, DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD("descent_classify_point", descent_classify_point(&cubic, NULL, 1, 1,
        &kind, NULL, &e), e, DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD("descent_classify_point", descent_classify_point(&cubic, theta, 1, 1,
        NULL, NULL, &e), e, DESCENT_INVALID_ARGUMENT, "kind is NULL");
    for (int i = 0; i < 4; i++) {
        double x = tolerances[i];
        BAD("descent_classify_point", descent_classify_point(&cubic, theta, x,
            1, &kind, NULL, &e), e, DESCENT_INVALID_ARGUMENT,
            text("gradient_tolerance = %g", x));
        BAD("descent_classify_point", descent_classify_point(&cubic, theta, 1,
            x, &kind, NULL, &e), e, DESCENT_INVALID_ARGUMENT,
            text("eigenvalue_tolerance = %g", x));
    }
    VALID("descent_classify_point", "eigenvalues may be NULL",
          descent_classify_point(&cubic, theta, 0, 0, &kind, NULL, &e), e);
    for (int i = 0; i < NONFINITE_VALUES; i++) {
        const double bad[2] = {nonfinite[i], 1};
        BAD("descent_classify_point", descent_classify_point(&cubic, bad, 1, 1,
            &kind, NULL, &e), e, DESCENT_NONFINITE,
            text("theta[0] = %g", nonfinite[i]));
    }
    BAD("descent_classify_point", descent_classify_point(&no_hessian, theta,
        1, 1, &kind, NULL, &e), e, DESCENT_NO_HESSIAN, "has no Hessian");
    BAD("descent_classify_point", descent_classify_point(&widest, theta, 1, 1,
        &kind, NULL, &e), e, DESCENT_INVALID_ARGUMENT,
        "n = 2147483647 needs more memory");
    faulty_objective fault = {.bad_value = NAN};
    descent_objective failing = {.n = 1, .evaluate = faulty, .context = &fault,
                                 .hessian = nan_hessian, .name = "faulty"};
    BAD("descent_classify_point", descent_classify_point(&failing, theta, 1,
        1, &kind, NULL, &e), e, DESCENT_NONFINITE, "not finite");
    fault = (faulty_objective){.good_evaluations = 1};
    BAD("descent_classify_point", descent_classify_point(&failing, theta, 1,
        1, &kind, NULL, &e), e, DESCENT_NONFINITE, "H[0][0] = nan");
}
static void status_names(void **state)
{
    const char *kinds[5] = {"not critical", "minimum", "maximum",
                            "saddle point", "degenerate"};
    (void)state;
    for (int i = DESCENT_OK; i <= DESCENT_UNAVAILABLE; i++) {
        assert_true(strncmp(descent_status_name(i), "DESCENT_", 8) == 0);
        assert_true(strlen(descent_status_description(i)) > 0);
        for (int j = DESCENT_OK; j < i; j++)
            assert_string_not_equal(descent_status_name(i),
                                    descent_status_name(j));
    }
    for (int i = DESCENT_NOT_CRITICAL; i <= DESCENT_DEGENERATE; i++)
        assert_true(strncmp(descent_point_kind_name((descent_point_kind)i),
                            kinds[i], strlen(kinds[i])) == 0);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-01-table");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_geometric_travel),
        cmocka_unit_test(claim_gd_1d_regimes),
        cmocka_unit_test(claim_gd_stability),
        cmocka_unit_test(claim_gd_best_step),
        cmocka_unit_test(claim_rescale_condition),
        cmocka_unit_test(claim_rescale_steps),
        cmocka_unit_test(claim_taylor_exact),
        cmocka_unit_test(claim_taylor_cubic),
        cmocka_unit_test(claim_hessian_classify),
        cmocka_unit_test(claim_large_step_escape),
        cmocka_unit_test(test_problems_themselves),
        cmocka_unit_test(norm_and_normalized_direction),
        cmocka_unit_test(run_endings),
        cmocka_unit_test(defaults_converge),
        cmocka_unit_test(driver_defaults),
        cmocka_unit_test(status_names),
        cmocka_unit_test(bad_driver_arguments),
        cmocka_unit_test(bad_options),
        cmocka_unit_test(bad_traces),
        cmocka_unit_test(bad_step_rules),
        cmocka_unit_test(bad_direction_rules),
        cmocka_unit_test(bad_preconditioner),
        cmocka_unit_test(bad_values),
        cmocka_unit_test(bad_objectives),
        cmocka_unit_test(bad_fixed_objectives),
        cmocka_unit_test(bad_quadratics),
        cmocka_unit_test(bad_spectra),
        cmocka_unit_test(bad_quadratic_use),
        cmocka_unit_test(bad_rosenbrock),
        cmocka_unit_test(bad_formulas),
        cmocka_unit_test(bad_taylor_steps),
        cmocka_unit_test(bad_eigenvalues),
        cmocka_unit_test(bad_classifications),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name("chapter 1: descent directions "
                                       "and gradient descent",
                                       tests, NULL, NULL);
}
