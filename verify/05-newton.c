/* 05-newton.c: generated from chapters/05-newton.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"
#include "newton.h"

static descent_quadratic quadratic(size_t n, double kappa, unsigned seed)
{
    descent_quadratic q;
    descent_error error;
    double lambda[100], b[100];
    for (size_t i = 0; i < n; i++) {
        lambda[i] = 1 + (kappa - 1) * (double)i / (double)(n - 1);
        b[i] = sin(3.0 * (double)i + 1);
    }
    REQUIRE(descent_quadratic_spectrum(&q, n, lambda, b, 0, seed, &error),
            error);
    return q;
}

static void minimizer(const descent_quadratic *q, double *star)
{
    descent_error error;
    REQUIRE(descent_quadratic_critical_point(q, star, &error), error);
}

static void start_point(size_t n, double *theta)
{
    for (size_t i = 0; i < n; i++)
        theta[i] = cos((double)i + 1);
}

static double distance(size_t n, const double *a, const double *b)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (a[i] - b[i]) * (a[i] - b[i]);
    return sqrt(sum);
}
static descent_trace newton_run(descent_objective *f,
                                descent_newton_kind kind, double eta,
                                const double *start, size_t steps)
{
    descent_newton newton;
    descent_trace trace;
    descent_error error;
    descent_result result;
    double theta[100];
    REQUIRE(descent_newton_init(&newton, f->n, kind, &error), error);
    REQUIRE(descent_trace_init(&trace, f->n, true, &error), error);
    descent_direction_rule rule = descent_newton_direction(&newton);
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, eta);
    descent_options options = descent_default_options();
    options.max_iterations = steps;
    options.gradient_tolerance = 0;
    options.stall_iterations = 0;
    options.trace = &trace;
    memcpy(theta, start, f->n * sizeof *theta);
    descent_minimize(f, &rule, &step, &options, theta, &result);
    expect(result.status, result.message, DESCENT_MAX_ITERATIONS, "stopped");
    descent_newton_free(&newton);
    return trace;
}
static descent_status wolfe_run(descent_objective *f,
                                descent_direction_rule *rule,
                                double tolerance, double *theta,
                                descent_result *result)
{
    descent_line_search search = descent_line_search_defaults();
    search.initial_rule = DESCENT_INITIAL_FIXED;
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.gradient_tolerance = tolerance;
    options.max_iterations = 10000;
    return descent_minimize(f, rule, &step, &options, theta, result);
}
typedef struct exact_step {
    const descent_quadratic *q;
    double Ad[100];
} exact_step;

static descent_status exact_quadratic_step(void *state, descent_objective *f,
                                           const descent_point *at,
                                           const double *d,
                                           descent_trial *trial,
                                           descent_error *error)
{
    exact_step *x = state;
    int n = (int)at->n;
    (void)f;
    (void)error;
    cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, x->q->A, n, d, 1, 0.0,
                x->Ad, 1);
    trial->eta = -cblas_ddot(n, at->g, 1, d, 1) /
                 cblas_ddot(n, d, 1, x->Ad, 1);
    return DESCENT_OK;
}
static descent_trace exact_run(descent_quadratic *q,
                               descent_direction_rule rule,
                               const double *start, size_t steps,
                               double *gradient_drop)
{
    descent_objective f = descent_quadratic_objective(q);
    descent_trace trace;
    descent_error error;
    descent_result result;
    double theta[100], g[100];
    exact_step x = {.q = q};
    descent_step_rule step = {"exact", exact_quadratic_step, &x};
    REQUIRE(descent_trace_init(&trace, q->n, true, &error), error);
    descent_value_gradient(&f, start, g);
    double g0 = cblas_dnrm2((int)q->n, g, 1);
    descent_options options = descent_default_options();
    options.max_iterations = steps;
    options.gradient_tolerance = 1e-13 * g0;
    options.stall_iterations = 0;
    options.trace = &trace;
    memcpy(theta, start, q->n * sizeof *theta);
    descent_minimize(&f, &rule, &step, &options, theta, &result);
    *gradient_drop = result.gradient_norm / g0;
    return trace;
}
typedef struct rate_result {
    double worst, M, inverse_norm;
    size_t steps;
    bool unit;
} rate_result;

static rate_result newton_rate(descent_objective *f, const double *start,
                               const double *known)
{
    size_t n = f->n;
    descent_newton newton;
    descent_trace trace;
    descent_error error;
    descent_result result;
    static double theta[100], star[100], H[10000], Hstar[10000], lambda[100];
    rate_result out = {.unit = true};
    REQUIRE(descent_newton_init(&newton, n, DESCENT_NEWTON_DAMPED, &error),
            error);
    REQUIRE(descent_trace_init(&trace, n, true, &error), error);
    descent_direction_rule rule = descent_newton_direction(&newton);
    descent_line_search search = descent_line_search_defaults();
    search.initial_rule = DESCENT_INITIAL_FIXED;
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.gradient_tolerance = 1e-13;
    options.trace = &trace;
    memcpy(theta, start, n * sizeof *theta);
    descent_minimize(f, &rule, &step, &options, theta, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    memcpy(star, known != NULL ? known : theta, n * sizeof *star);
    REQUIRE(descent_hessian(f, star, Hstar, &error), error);
    REQUIRE(descent_symmetric_eigenvalues(n, Hstar, lambda, &error), error);
    out.inverse_norm = 1 / lambda[0];
    print_message("  %s, correct digits:", f->name);
    for (size_t k = 0; k + 1 < trace.length; k++) {
        const double *x = descent_trace_iterate(&trace, k);
        double e = distance(n, x, star);
        double next = distance(n, descent_trace_iterate(&trace, k + 1), star);
        print_message(" %.1f", -log10(e));
        if (e > 1e-2 || next <= 1e-10)
            continue;
        REQUIRE(descent_hessian(f, x, H, &error), error);
        double difference = 0;
        for (size_t i = 0; i < n * n; i++)
            difference = hypot(difference, H[i] - Hstar[i]);
        out.M = fmax(out.M, difference / e);
        out.worst = fmax(out.worst, next / (e * e));
        out.unit = out.unit && trace.eta[k] == 1;
        out.steps++;
    }
    print_message("\n");
    descent_trace_free(&trace);
    descent_newton_free(&newton);
    return out;
}
static void hessian_product(const double *theta, const double *v, double *Hv,
                            void *context)
{
    static double H[100 * 100];
    descent_objective *f = context;
    descent_error e;
    int n = (int)f->n;
    REQUIRE(descent_hessian(f, theta, H, &e), e);
    cblas_dgemv(CblasRowMajor, CblasNoTrans, n, n, 1.0, H, n, v, 1, 0.0, Hv,
                1);
}
static double fit_data(int i, double *t)
{
    *t = 0.5 * i;
    return 2 * exp(-0.7 * *t) + 0.01 * sin(7.0 * i);
}

static double fit_evaluate(const double *x, double *g, void *context)
{
    double value = 0, t;
    (void)context;
    if (g != NULL)
        g[0] = g[1] = 0;
    for (int i = 0; i < 8; i++) {
        double y = fit_data(i, &t), e = exp(x[1] * t), r = x[0] * e - y;
        value += 0.5 * r * r;
        if (g != NULL) {
            g[0] += r * e;
            g[1] += r * x[0] * t * e;
        }
    }
    return value;
}
static void fit_hessian(const double *x, double *H, void *context)
{
    double t;
    (void)context;
    H[0] = H[1] = H[2] = H[3] = 0;
    for (int i = 0; i < 8; i++) {
        double y = fit_data(i, &t), e = exp(x[1] * t), r = x[0] * e - y;
        double ja = e, jb = x[0] * t * e;
        H[0] += ja * ja;
        H[1] += ja * jb + r * t * e;
        H[3] += jb * jb + r * x[0] * t * t * e;
    }
    H[2] = H[1];
}
typedef struct ranked {
    size_t iterations;
    unsigned long evaluations;
} ranked;

static ranked ranked_run(descent_objective *f, int m, const double *start)
{
    static double theta[100], g0[100];
    descent_newton newton = {0};
    descent_bfgs bfgs = {0};
    descent_lbfgs lbfgs = {0};
    descent_nonlinear_cg cg = {0};
    descent_error error;
    descent_result result;
    descent_line_search search = descent_line_search_defaults();
    descent_direction_rule rule = descent_steepest_descent();
    search.initial_rule = m < 3 ? DESCENT_INITIAL_FIXED
                                : DESCENT_INITIAL_SLOPE_RATIO;
    search.c2 = m < 3 ? 0.9 : 0.1;
    if (m == 0) {
        REQUIRE(descent_newton_init(&newton, f->n, DESCENT_NEWTON_DAMPED, &error),
                error);
        rule = descent_newton_direction(&newton);
    } else if (m == 1) {
        REQUIRE(descent_bfgs_init(&bfgs, f->n, &error), error);
        rule = descent_bfgs_direction(&bfgs);
    } else if (m == 2) {
        REQUIRE(descent_lbfgs_init(&lbfgs, f->n, 6, &error), error);
        rule = descent_lbfgs_direction(&lbfgs);
    } else if (m == 3) {
        REQUIRE(descent_nonlinear_cg_init(&cg, f->n, DESCENT_POLAK_RIBIERE_PLUS,
                                          0, &error), error);
        rule = descent_nonlinear_cg_direction(&cg);
    }
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.max_iterations = 100000;
    memcpy(theta, start, f->n * sizeof *theta);
    descent_value_gradient(f, theta, g0);
    options.gradient_tolerance = 1e-6 * cblas_dnrm2((int)f->n, g0, 1);
    descent_minimize(f, &rule, &step, &options, theta, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    descent_newton_free(&newton);
    descent_bfgs_free(&bfgs);
    descent_lbfgs_free(&lbfgs);
    descent_nonlinear_cg_free(&cg);
    return (ranked){result.iterations, result.counts.values};
}
static void exponential_residuals(const double *x, double *r, double *J,
                                  void *context)
{
    const double *amplitude = context;
    for (int i = 0; i < 8; i++) {
        double t = 0.5 * i, v = exp(x[1] * t);
        r[i] = x[0] * v - (2 * exp(-0.7 * t) + *amplitude * sin(7.0 * i));
        if (J != NULL) {
            J[2 * i] = v;
            J[2 * i + 1] = x[0] * t * v;
        }
    }
}
static double lm_rate(double amplitude, int power, size_t *steps)
{
    descent_lm lm;
    descent_trace trace;
    descent_error error;
    double theta[2] = {1, 0}, star[2], result = power == 2 ? 0 : INFINITY;
    descent_least_squares fit = {8, 2, exponential_residuals, &amplitude,
                                 "exponential fit"};
    REQUIRE(descent_lm_init(&lm, 8, 2, &error), error);
    REQUIRE(descent_trace_init(&trace, 2, true, &error), error);
    lm.trace = &trace;
    lm.gradient_tolerance = 1e-15;
    lm.max_iterations = 1000;
    REQUIRE(descent_levenberg_marquardt(&lm, &fit, theta, &error), error);
    memcpy(star, theta, sizeof star);
    *steps = 0;
    print_message("  Levenberg-Marquardt, noise %g, errors:", amplitude);
    for (size_t k = 0; k + 1 < trace.length; k++) {
        double e = distance(2, descent_trace_iterate(&trace, k), star);
        double next = distance(2, descent_trace_iterate(&trace, k + 1), star);
        print_message(" %.1e", e);
        if (e > 1e-1 || next <= 1e-12)
            continue;
        double ratio = next / pow(e, power);
        result = power == 2 ? fmax(result, ratio) : fmin(result, ratio);
        (*steps)++;
    }
    print_message("\n");
    descent_trace_free(&trace);
    descent_lm_free(&lm);
    return result;
}
typedef struct linear_residuals {
    size_t m;
    const double *J, *y;    /* m x 3, row-major; m */
} linear_residuals;

static void linear_residual_values(const double *x, double *r, double *J,
                                   void *context)
{
    const linear_residuals *l = context;
    for (size_t i = 0; i < l->m; i++)
        r[i] = cblas_ddot(3, l->J + 3 * i, 1, x, 1) - l->y[i];
    if (J != NULL)
        memcpy(J, l->J, 3 * l->m * sizeof *J);
}
typedef struct lm_case {
    double amplitude, a, b, max_mu, gradient_tolerance;
    double reduction_tolerance, step_tolerance;
    size_t max_iterations;
    bool scale;
} lm_case;

typedef struct lm_reference {
    descent_lm_reason reason;
    size_t iterations, evaluations, jacobians, rejected;
    bool noisy;                /* a ratio rho was mostly rounding */
    double mu, theta[201][2], value[201];
} lm_reference;

static void lm_reference_evaluate(const lm_case *c, const double *theta,
                                  double *r, double *J, double *E,
                                  double *g, double *D)
{
    double amplitude = c->amplitude;
    exponential_residuals(theta, r, J, &amplitude);
    *E = 0;
    g[0] = g[1] = 0;
    for (int i = 0; i < 8; i++) {
        *E += 0.5 * r[i] * r[i];
        g[0] += J[2 * i] * r[i];
        g[1] += J[2 * i + 1] * r[i];
    }
    for (int j = 0; j < 2; j++) {
        double norm = 0;
        for (int i = 0; i < 8; i++)
            norm += J[2 * i + j] * J[2 * i + j];
        D[j] = c->scale ? fmax(D[j], sqrt(norm)) : 1;
        if (D[j] == 0)
            D[j] = 1;
    }
}
static void lm_reference_run(const lm_case *c, lm_reference *out)
{
    double theta[2] = {c->a, c->b}, r[8], J[16], rx[8], g[2], D[2] = {0, 0};
    double E, x[2], p[2];
    lm_reference_evaluate(c, theta, r, J, &E, g, D);
    out->evaluations = out->jacobians = 1;
    out->iterations = out->rejected = 0;
    out->noisy = false;
    memcpy(out->theta[0], theta, sizeof theta);
    out->value[0] = E;
    double largest = 0;
    for (int j = 0; j < 2; j++) {
        double column = 0;
        for (int i = 0; i < 8; i++)
            column += J[2 * i + j] * J[2 * i + j];
        largest = fmax(largest, column);
    }
    double lambda = 1e-3 * largest / sqrt(2 * E), nu = 2;
    out->mu = lambda * sqrt(2 * E);
    for (;;) {
        if (fmax(fabs(g[0]), fabs(g[1])) <= c->gradient_tolerance) {
            out->reason = DESCENT_LM_GRADIENT;
            return;
        }
        if (out->iterations == c->max_iterations) {
            out->reason = DESCENT_LM_MAX_ITERATIONS;
            return;
        }
        out->iterations++;
        double actual, predicted;
        for (;;) {
            double a = 0, b = 0, d = 0;
            for (int i = 0; i < 8; i++) {
                a += J[2 * i] * J[2 * i];
                b += J[2 * i] * J[2 * i + 1];
                d += J[2 * i + 1] * J[2 * i + 1];
            }
            a += out->mu * D[0] * D[0];
            d += out->mu * D[1] * D[1];
            p[0] = (-g[0] * d + g[1] * b) / (a * d - b * b);
            p[1] = (-g[1] * a + g[0] * b) / (a * d - b * b);
            if (hypot(p[0], p[1]) <= c->step_tolerance *
                                        (hypot(theta[0], theta[1]) +
                                         c->step_tolerance)) {
                out->reason = DESCENT_LM_SMALL_STEP;
                return;
            }
            x[0] = theta[0] + p[0];
            x[1] = theta[1] + p[1];
            double amplitude = c->amplitude, trial = 0;
            exponential_residuals(x, rx, NULL, &amplitude);
            out->evaluations++;
            for (int i = 0; i < 8; i++)
                trial += 0.5 * rx[i] * rx[i];
            double Dp2 = D[0] * D[0] * p[0] * p[0] + D[1] * D[1] * p[1] * p[1];
            actual = E - trial;
            predicted = 0.5 * (-(g[0] * p[0] + g[1] * p[1]) + out->mu * Dp2);
            double rho = isfinite(trial) ? actual / predicted : -INFINITY;
            out->noisy |= predicted < 1e-6 * E;
            if (rho > 0) {
                lambda *= fmax(1.0 / 3, 1 - pow(2 * rho - 1, 3));
                nu = 2;
                break;
            }
            out->rejected++;
            lambda *= nu;
            nu *= 2;
            out->mu = lambda * sqrt(2 * E);
            if (!(out->mu <= c->max_mu)) {
                out->reason = DESCENT_LM_DAMPING_LIMIT;
                return;
            }
        }
        double before = E;
        memcpy(theta, x, sizeof theta);
        lm_reference_evaluate(c, theta, r, J, &E, g, D);
        out->evaluations++;
        out->jacobians++;
        memcpy(out->theta[out->iterations], theta, sizeof theta);
        out->value[out->iterations] = E;
        out->mu = lambda * sqrt(2 * E);
        if (actual <= c->reduction_tolerance * before &&
            predicted <= c->reduction_tolerance * before) {
            out->reason = DESCENT_LM_SMALL_REDUCTION;
            return;
        }
    }
}
static double tilted_cubic(const double *x, double *g, void *context)
{
    const double *c = context;   /* the cubic's coefficient, E(0) */
    if (g != NULL)
        g[0] = -1 + x[0] + 3 * c[0] * x[0] * x[0];
    return c[1] - x[0] + 0.5 * x[0] * x[0] + c[0] * x[0] * x[0] * x[0];
}

static void tilted_cubic_hessian(const double *x, double *H, void *context)
{
    H[0] = 1 + 6 * *(const double *)context * x[0];
}

static descent_status direction_at(descent_direction_rule rule,
                                   descent_objective *f, double *theta,
                                   double *g, double *d,
                                   descent_error *error)
{
    descent_point at = {.n = f->n, .theta = theta, .g = g};
    at.value = descent_value_gradient(f, theta, g);
    at.gradient_norm = cblas_dnrm2((int)f->n, g, 1);
    return rule.direction(rule.state, f, &at, d, error);
}
static double stiff_cubic(const double *x, double *g, void *context)
{
    (void)context;
    if (g != NULL) {
        g[0] = x[0] - 1 + 6 * x[0] * x[0];
        g[1] = 100 * x[1] - 10;
    }
    return 0.5 * (x[0] * x[0] + 100 * x[1] * x[1]) - x[0] - 10 * x[1] +
           2 * x[0] * x[0] * x[0];
}

static void stiff_cubic_hessian(const double *x, double *H, void *context)
{
    (void)context;
    H[0] = 1 + 12 * x[0];
    H[1] = H[2] = 0;
    H[3] = 100;
}
static void one_pair_product(const double *s, const double *y,
                             const double *q, double *want)
{
    double sy = s[0] * y[0] + s[1] * y[1], rho = 1 / sy;
    double gamma = sy / (y[0] * y[0] + y[1] * y[1]);
    double sq = s[0] * q[0] + s[1] * q[1];
    double v[2] = {q[0] - rho * sq * y[0], q[1] - rho * sq * y[1]};
    double yv = y[0] * v[0] + y[1] * v[1];
    for (int i = 0; i < 2; i++)
        want[i] = gamma * (v[i] - rho * yv * s[i]) + rho * sq * s[i];
}
typedef struct watched_bfgs {
    descent_bfgs *bfgs;
    double theta[100], g[100], s[100], y[100], Hy[100];
    double H[10000], lambda[100];
    double worst_secant, smallest_eigenvalue;
    size_t checked;
} watched_bfgs;

static descent_status watch_bfgs(void *state, descent_objective *f,
                                 const descent_point *at, double *d,
                                 descent_error *error)
{
    watched_bfgs *w = state;
    size_t n = at->n, before = w->bfgs->updates;
    for (size_t i = 0; i < n; i++) {
        w->s[i] = at->theta[i] - w->theta[i];
        w->y[i] = at->g[i] - w->g[i];
    }
    descent_status status =
        descent_bfgs_direction(w->bfgs).direction(w->bfgs, f, at, d, error);
    if (status == DESCENT_OK && at->iteration > 0 && w->bfgs->updates > before)
        {
            descent_error e;
            cblas_dsymv(CblasRowMajor, CblasUpper, (int)n, 1.0, w->bfgs->H, (int)n,
                        w->y, 1, 0.0, w->Hy, 1);
            w->worst_secant = fmax(w->worst_secant, distance(n, w->Hy, w->s) /
                                   cblas_dnrm2((int)n, w->s, 1));
            for (size_t i = 0; i < n; i++)
                for (size_t j = 0; j < n; j++)
                    w->H[i * n + j] = w->bfgs->H[i <= j ? i * n + j : j * n + i];
            REQUIRE(descent_symmetric_eigenvalues(n, w->H, w->lambda, &e), e);
            for (size_t i = 0; i < n; i++)
                w->smallest_eigenvalue = fmin(w->smallest_eigenvalue, w->lambda[i]);
            w->checked++;
        }
    memcpy(w->theta, at->theta, n * sizeof *w->theta);
    memcpy(w->g, at->g, n * sizeof *w->g);
    return status;
}
static double uniform(void)
{
    return 2.0 * rand() / RAND_MAX - 1;
}
static void same_order_two_loop(int n, int m, double s[][20],
                                double y[][20], double gamma,
                                const double *q, double *r)
{
    double alpha[20], rho[20];
    memcpy(r, q, (size_t)n * sizeof *r);
    for (int k = 1; k <= m; k++) {
        int j = m - k;
        rho[j] = 1 / cblas_ddot(n, s[j], 1, y[j], 1);
        alpha[j] = rho[j] * cblas_ddot(n, s[j], 1, r, 1);
        cblas_daxpy(n, -alpha[j], y[j], 1, r, 1);
    }
    cblas_dscal(n, gamma, r, 1);
    for (int k = 1; k <= m; k++) {
        int j = m - k;
        double beta = rho[j] * cblas_ddot(n, y[j], 1, r, 1);
        cblas_daxpy(n, alpha[j] - beta, s[j], 1, r, 1);
    }
}
static const char *const constructors[5] = {
    "descent_newton_init", "descent_bfgs_init", "descent_lbfgs_init",
    "descent_newton_cg_init", "descent_trust_region_init"};

static descent_status make_state(int which, bool null_state, size_t n,
                                 descent_error *error)
{
    descent_newton newton;
    descent_bfgs bfgs;
    descent_lbfgs lbfgs;
    descent_newton_cg ncg;
    descent_trust_region tr;
    descent_status status;
    if (which == 0) {
        status = descent_newton_init(null_state ? NULL : &newton, n,
                                     DESCENT_NEWTON_DAMPED, error);
        descent_newton_free(null_state ? NULL : &newton);
    } else if (which == 1) {
        status = descent_bfgs_init(null_state ? NULL : &bfgs, n, error);
        descent_bfgs_free(null_state ? NULL : &bfgs);
    } else if (which == 2) {
        status = descent_lbfgs_init(null_state ? NULL : &lbfgs, n, 5, error);
        descent_lbfgs_free(null_state ? NULL : &lbfgs);
    } else if (which == 3) {
        status = descent_newton_cg_init(null_state ? NULL : &ncg, n, NULL,
                                        NULL, error);
        descent_newton_cg_free(null_state ? NULL : &ncg);
    } else {
        status = descent_trust_region_init(null_state ? NULL : &tr, n, 1,
                                           error);
        descent_trust_region_free(null_state ? NULL : &tr);
    }
    return status;
}
static double no_hessian(const double *theta, double *g, void *context)
{
    (void)context;
    if (g != NULL)
        g[0] = 2 * theta[0];
    return theta[0] * theta[0];
}

static void nan_hessian(const double *theta, double *H, void *context)
{
    (void)theta;
    (void)context;
    H[0] = NAN;
}

static descent_status run_newton(descent_newton *newton, double x, double y,
                                 descent_result *result)
{
    descent_objective cubic = descent_cubic_objective();
    descent_direction_rule rule = descent_newton_direction(newton);
    double theta[2] = {x, y};
    return wolfe_run(&cubic, &rule, 1e-10, theta, result);
}
static descent_status run_quasi_newton(descent_direction_rule rule,
                                       descent_result *result)
{
    descent_objective cubic = descent_cubic_objective();
    double theta[2] = {1.5, 0.5};
    return wolfe_run(&cubic, &rule, 1e-10, theta, result);
}
static void nan_product(const double *theta, const double *v, double *Hv,
                        void *context)
{
    (void)theta;
    (void)v;
    (void)context;
    Hv[0] = NAN;
    Hv[1] = 0;
}
static double only_here(const double *theta, double *g, void *context)
{
    (void)context;
    if (g != NULL)
        g[0] = 1;
    return theta[0] == 1 ? 1 : NAN;
}

static void zero_hessian(const double *theta, double *H, void *context)
{
    (void)theta;
    (void)context;
    H[0] = 0;
}

static descent_status run_trust_region(descent_objective *f,
                                       descent_trust_region *tr, double *theta,
                                       descent_result *result)
{
    descent_direction_rule rule = descent_trust_region_direction(tr);
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, 1);
    descent_options options = descent_default_options();
    options.gradient_tolerance = 1e-10;
    return descent_minimize(f, &rule, &step, &options, theta, result);
}

static descent_status run_cubic(descent_trust_region *tr,
                                descent_result *result)
{
    descent_objective cubic = descent_cubic_objective();
    double theta[2] = {0.5, -0.5};
    return run_trust_region(&cubic, tr, theta, result);
}

static descent_status at_the_maximum(descent_trust_region *tr,
                                     descent_error *error)
{
    descent_objective cubic = descent_cubic_objective();
    descent_direction_rule rule = descent_trust_region_direction(tr);
    double theta[2] = {-1, -1}, g[2], d[2];   /* the cubic's maximum */
    descent_point at = {.n = 2, .theta = theta,
                        .value = descent_value_gradient(&cubic, theta, g),
                        .g = g};
    at.gradient_norm = hypot(g[0], g[1]);
    assert_true(at.gradient_norm == 0);
    return rule.direction(rule.state, &cubic, &at, d, error);
}
static void broken_residuals(const double *x, double *r, double *J,
                             void *context)
{
    const int *mode = context;
    bool start = x[0] == 1 && x[1] == 0;
    for (int i = 0; i < 8; i++) {
        r[i] = *mode == 0 && i == 3 ? NAN : (*mode == 2 && !start ? NAN : i);
        if (J != NULL) {
            J[2 * i] = 1;
            J[2 * i + 1] = *mode == 1 && i == 2 ? INFINITY : i;
        }
    }
}
static void claim_newton_quadratic_step(void **state)
{
    enum { n = 10, steps = 10 };
    const double etas[4] = {0.5, 1.5, 1.9, 2.5};
    double start[n], star[n], one_step = 0, worst = 0;
    (void)state;
    descent_quadratic q = quadratic(n, 100, 51);
    descent_objective f = descent_quadratic_objective(&q);
    minimizer(&q, star);
    start_point(n, start);
    double e0 = distance(n, start, star);
    descent_trace trace = newton_run(&f, DESCENT_NEWTON_PLAIN, 1.0, start, 1);
    one_step = distance(n, descent_trace_iterate(&trace, 1), star) / e0;
    descent_trace_free(&trace);
    for (int e = 0; e < 4; e++) {
        trace = newton_run(&f, DESCENT_NEWTON_PLAIN, etas[e], start, steps);
        assert_int_equal(trace.length, steps + 1);
        for (size_t k = 0; k < steps; k++) {
            double ratio = distance(n, descent_trace_iterate(&trace, k + 1), star) /
                           distance(n, descent_trace_iterate(&trace, k), star);
            worst = fmax(worst, fabs(ratio - fabs(1 - etas[e])));
        }
        descent_trace_free(&trace);
    }
    descent_quadratic_free(&q);
    char measured[256], a[32], b[32];
    claim_format(a, sizeof a, one_step);
    claim_format(b, sizeof b, worst);
    snprintf(measured, sizeof measured, "error after one step %s of the "
             "start's; ratios off by %s", a, b);
    bool holds = one_step <= 1e-12 && worst <= 1e-8;
    claim_report("newton-quadratic-step",
                 "Newton with $\\eta=1$ takes one step; otherwise the error "
                 "shrinks by $|1-\\eta|$", measured,
                 "$10^{-12}$ and $10^{-8}$", holds);
    assert_true(holds);
}
static void claim_newton_quadratic_rate(void **state)
{
    descent_rosenbrock r;
    descent_error error;
    const double start[2] = {-1.2, 1}, one[2] = {1, 1}, well = 1.95;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    descent_objective rosenbrock = descent_rosenbrock_objective(&r);
    descent_objective wells = descent_two_wells_objective();
    rate_result a = newton_rate(&rosenbrock, start, one);
    rate_result b = newton_rate(&wells, &well, NULL);
    char measured[256], text[4][32];
    claim_format(text[0], 32, a.worst);
    claim_format(text[1], 32, a.M * a.inverse_norm);
    claim_format(text[2], 32, b.worst);
    claim_format(text[3], 32, b.M * b.inverse_norm);
    snprintf(measured, sizeof measured, "ratios up to %s against %s on "
             "Rosenbrock (%zu steps), %s against %s on the well (%zu steps), "
             "unit steps %s", text[0], text[1], a.steps, text[2], text[3],
             b.steps, a.unit && b.unit ? "throughout" : "NOT throughout");
    bool holds = a.steps >= 2 && b.steps >= 2 && a.unit && b.unit &&
                 a.worst <= a.M * a.inverse_norm &&
                 b.worst <= b.M * b.inverse_norm;
    claim_report("newton-quadratic-rate", "Newton converges quadratically",
                 measured, "$M\\|\\nabla^2E(\\theta^*)^{-1}\\|$, unit steps",
                 holds);
    assert_true(holds);
}
static void claim_newton_cg_superlinear(void **state)
{
    enum { n = 100 };
    static double theta[n];
    descent_rosenbrock r;
    descent_error error;
    descent_result result, fd_result;
    descent_newton_cg ncg;
    descent_trace trace;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, n, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&r), source = f;
    REQUIRE(descent_newton_cg_init(&ncg, n, hessian_product, &source, &error),
            error);
    REQUIRE(descent_trace_init(&trace, n, true, &error), error);
    descent_direction_rule rule = descent_newton_cg_direction(&ncg);
    descent_line_search search = descent_line_search_defaults();
    search.initial_rule = DESCENT_INITIAL_FIXED;
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.gradient_tolerance = 1e-12;
    options.trace = &trace;
    for (size_t i = 0; i < n; i++)
        theta[i] = i % 2 ? 1 : -1.2;
    descent_minimize(&f, &rule, &step, &options, theta, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    descent_newton_cg_free(&ncg);
    double last = INFINITY, worst_factor = 1;
    size_t counted = 0;
    bool decreasing = true;
    print_message("  Newton-CG, gradient ratios (sqrt ||g||):");
    for (size_t k = 0; k + 1 < trace.length; k++) {
        double g = trace.gradient_norm[k], ratio = trace.gradient_norm[k + 1] / g;
        if (g > 1e-2)
            continue;
        print_message(" %.2g (%.2g)", ratio, sqrt(g));
        decreasing = decreasing && ratio < last;
        worst_factor = fmax(worst_factor, ratio / sqrt(g));
        if (trace.gradient_norm[k + 1] > 1e-10)
            worst_factor = fmax(worst_factor, sqrt(g) / ratio);
        last = ratio;
        counted++;
    }
    print_message("\n");
    REQUIRE(descent_newton_cg_init(&ncg, n, NULL, NULL, &error), error);
    rule = descent_newton_cg_direction(&ncg);
    options = descent_default_options();
    options.gradient_tolerance = 1e-8;
    for (size_t i = 0; i < n; i++)
        theta[i] = i % 2 ? 1 : -1.2;
    descent_minimize(&f, &rule, &step, &options, theta, &fd_result);
    descent_newton_cg_free(&ncg);
    char measured[256], a[32], b[32];
    claim_format(a, sizeof a, last);
    claim_format(b, sizeof b, worst_factor);
    snprintf(measured, sizeof measured, "%zu ratios, %s, within a factor %s of "
             "$\\sqrt{\\|g_k\\|}$, the last %s; with finite differences %s in "
             "%zu iterations", counted,
             decreasing ? "decreasing" : "NOT decreasing", b, a,
             fd_result.status == DESCENT_OK ? "converged" : "FAILED",
             fd_result.iterations);
    bool holds = counted >= 2 && decreasing && last < 1e-2 &&
                 worst_factor <= 3 && fd_result.status == DESCENT_OK;
    claim_report("newton-cg-superlinear", "Newton--CG converges superlinearly",
                 measured, "decreasing ratios within a factor 3 of "
                 "$\\sqrt{\\|g_k\\|}$, the last below $10^{-2}$", holds);
    assert_true(holds);
    descent_trace_free(&trace);
}
static void claim_newton_ranking(void **state)
{
    const char *names[4] = {"Rosenbrock", "chained Rosenbrock", "quadratic",
                            "exponential fit"};
    static double starts[4][100];
    descent_rosenbrock r2, r100;
    descent_error error;
    int holds_on = 0;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r2, 2, 1, 100, &error), error);
    REQUIRE(descent_rosenbrock_init(&r100, 100, 1, 100, &error), error);
    descent_quadratic q = quadratic(100, 1000, 55);
    descent_objective problems[4] = {
        descent_rosenbrock_objective(&r2), descent_rosenbrock_objective(&r100),
        descent_quadratic_objective(&q),
        {.n = 2, .evaluate = fit_evaluate, .hessian = fit_hessian,
         .name = "exponential fit"}};
    starts[0][0] = -1.2;
    starts[0][1] = 1;
    for (int i = 0; i < 100; i++) {
        starts[1][i] = i % 2 ? 1 : -1.2;
        starts[2][i] = cos(i + 1.0);
    }
    starts[3][0] = 1;
    starts[3][1] = 0;
    for (int p = 0; p < 4; p++) {
        ranked run[5];
        for (int m = 0; m < 5; m++)
            run[m] = ranked_run(&problems[p], m, starts[p]);
        unsigned long b = run[1].evaluations, l = run[2].evaluations;
        unsigned long low = b < l ? b : l, high = b < l ? l : b;
        holds_on += run[0].evaluations < low && high <= 2 * low &&
                    high < run[3].evaluations &&
                    run[3].evaluations < run[4].evaluations;
        claim_table_row("newton-ranking-table",
                        "%s & %zu & %zu/%lu & %zu/%lu & %zu/%lu & %zu/%lu & "
                        "%zu/%lu \\\\", names[p], problems[p].n, run[0].iterations,
                        run[0].evaluations, run[1].iterations, run[1].evaluations,
                        run[2].iterations, run[2].evaluations, run[3].iterations,
                        run[3].evaluations, run[4].iterations, run[4].evaluations);
    }
    descent_quadratic_free(&q);
    char measured[64];
    snprintf(measured, sizeof measured, "the ranking holds on %d of 4 "
             "problems", holds_on);
    claim_report("newton-ranking", "Newton $<$ BFGS $\\approx$ L-BFGS $<$ "
                 "CG $<$ steepest descent in evaluations", measured,
                 "all 4", holds_on == 4);
    assert_true(holds_on == 4);
}
static void claim_lm_limits(void **state)
{
    double amplitude = 0.01, gn[8], Jc[16], r[8], g[2], p[2];
    double small[3], large[3];
    const double theta[2] = {1, 0};
    descent_lm lm;
    descent_error error;
    (void)state;
    descent_least_squares fit = {8, 2, exponential_residuals, &amplitude,
                                 "exponential fit"};
    REQUIRE(descent_lm_init(&lm, 8, 2, &error), error);
    lm.scale = false;
    exponential_residuals(theta, r, Jc, &amplitude);
    for (int j = 0; j < 2; j++)
        g[j] = cblas_ddot(8, Jc + j, 2, r, 1);
    for (int i = 0; i < 8; i++)
        gn[i] = -r[i];
    LAPACKE_dgels(LAPACK_ROW_MAJOR, 'N', 8, 2, 1, Jc, 2, gn, 1);
    for (int k = 0; k < 3; k++) {
        double mu = pow(10, -4 - 2 * k);
        REQUIRE(descent_lm_step(&lm, &fit, theta, mu, p, &error), error);
        small[k] = hypot(p[0] - gn[0], p[1] - gn[1]) / hypot(gn[0], gn[1]);
        mu = pow(10, 4 + 2 * k);
        REQUIRE(descent_lm_step(&lm, &fit, theta, mu, p, &error), error);
        large[k] = hypot(mu * p[0] + g[0], mu * p[1] + g[1]) / hypot(g[0], g[1]);
    }
    descent_lm_free(&lm);
    size_t exact_steps, noisy_steps;
    double quadratic_ratio = lm_rate(0, 2, &exact_steps);
    double linear_ratio = lm_rate(0.5, 1, &noisy_steps);
    char measured[400], text[6][32];
    claim_format(text[0], 32, small[2]);
    claim_format(text[1], 32, large[2]);
    claim_format(text[2], 32, quadratic_ratio);
    claim_format(text[3], 32, linear_ratio);
    snprintf(measured, sizeof measured, "off Gauss-Newton by %s at $\\mu="
             "10^{-8}$, off $-g/\\mu$ by %s at $\\mu=10^8$; exact data: "
             "$\\|e_{k+1}\\|/\\|e_k\\|^2\\le$ %s; noisy: $\\|e_{k+1}\\|/\\|e_k\\|\\ge$ %s",
             text[0], text[1], text[2], text[3]);
    bool proportional = small[1] < small[0] / 50 && small[2] < small[1] / 50 &&
                        large[1] < large[0] / 50 && large[2] < large[1] / 50;
    bool holds = proportional && small[2] <= 1e-6 && large[2] <= 1e-6 &&
                 exact_steps >= 2 && quadratic_ratio <= 1e3 &&
                 noisy_steps >= 2 && linear_ratio > 1e-2;
    claim_report("lm-limits", "Levenberg--Marquardt between Gauss--Newton "
                 "and gradient descent", measured, "$10^{-6}$, $10^{-6}$, "
                 "$10^3$, $10^{-2}$", holds);
    assert_true(holds);
}
static void lm_step_dense(void **state)
{
    double amplitude = 0.01, r[8], J[16], p[2];
    double theta[2] = {1, 0};
    descent_lm lm;
    descent_error error;
    (void)state;
    descent_least_squares fit = {8, 2, exponential_residuals, &amplitude,
                                 "exponential fit"};
    REQUIRE(descent_lm_init(&lm, 8, 2, &error), error);
    exponential_residuals(theta, r, J, &amplitude);
    double a = 0, b = 0, c = 0, g0 = 0, g1 = 0;
    for (int i = 0; i < 8; i++) {
        a += J[2 * i] * J[2 * i];
        b += J[2 * i] * J[2 * i + 1];
        c += J[2 * i + 1] * J[2 * i + 1];
        g0 += J[2 * i] * r[i];
        g1 += J[2 * i + 1] * r[i];
    }
    double worst = 0;
    for (int scaled = 0; scaled < 2; scaled++) {
        lm.scale = scaled;
        for (int k = -4; k <= 2; k += 2) {
            double mu = pow(10, k);
            double a_mu = a + mu * (scaled ? a : 1);
            double c_mu = c + mu * (scaled ? c : 1);
            double det = a_mu * c_mu - b * b;
            double want[2] = {(-g0 * c_mu + g1 * b) / det,
                              (-g1 * a_mu + g0 * b) / det};
            REQUIRE(descent_lm_step(&lm, &fit, theta, mu, p, &error), error);
            worst = fmax(worst, hypot(p[0] - want[0], p[1] - want[1]) /
                                    hypot(want[0], want[1]));
        }
    }
    assert_true(worst <= 1e-10);
    lm.max_iterations = 0;
    descent_status status = descent_levenberg_marquardt(&lm, &fit, theta,
                                                        &error);
    assert_int_equal(status, DESCENT_MAX_ITERATIONS);
    assert_int_equal(lm.reason, DESCENT_LM_MAX_ITERATIONS);
    assert_int_equal(lm.residual_evaluations, 1);
    assert_true(fabs(lm.mu - 1e-3 * fmax(a, c)) <= 1e-14 * lm.mu);
    double far[2] = {1, 1}, again[2];
    lm.max_iterations = 200;
    lm.scale = true;
    (void)descent_levenberg_marquardt(&lm, &fit, far, &error);
    REQUIRE(descent_lm_step(&lm, &fit, theta, 1e-2, again, &error), error);
    double a_mu = a * 1.01, c_mu = c * 1.01, det = a_mu * c_mu - b * b;
    double fresh[2] = {(-g0 * c_mu + g1 * b) / det, (-g1 * a_mu + g0 * b) / det};
    assert_true(hypot(again[0] - fresh[0], again[1] - fresh[1]) <=
                1e-10 * hypot(fresh[0], fresh[1]));
    descent_lm_free(&lm);
}
static void lm_step_three(void **state)
{
    static const double J[12] = {1, 2, 0, 0, 1, -1, 3, 0, 1, 1, 1, 1};
    static const double y[4] = {1, -2, 0.5, 3};
    double theta[3] = {0.2, -0.1, 0.4}, p[3], r[4];
    descent_error error;
    (void)state;
    for (size_t m = 4; m >= 2; m -= 2) {
        linear_residuals l = {m, J, y};
        descent_least_squares fit = {m, 3, linear_residual_values, &l,
                                     "linear"};
        descent_lm lm;
        REQUIRE(descent_lm_init(&lm, m, 3, &error), error);
        linear_residual_values(theta, r, NULL, &l);
        for (double mu = 1e-2; mu <= 1; mu *= 100) {
            double N[9], want[3];
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3, 3, (int)m, 1.0, J,
                        3, J, 3, 0.0, N, 3);
            cblas_dgemv(CblasRowMajor, CblasTrans, (int)m, 3, -1.0, J, 3, r, 1, 0.0,
                        want, 1);
            for (int j = 0; j < 3; j++)
                N[4 * j] += mu * (N[4 * j] > 0 ? N[4 * j] : 1);
            assert_int_equal(LAPACKE_dposv(LAPACK_ROW_MAJOR, 'U', 3, 1, N, 3, want, 1),
                             0);
            REQUIRE(descent_lm_step(&lm, &fit, theta, mu, p, &error), error);
            assert_true(distance(3, p, want) <= 1e-12 * cblas_dnrm2(3, want, 1));
        }
        double start[3] = {0.2, -0.1, 0.4};
        descent_status status = descent_levenberg_marquardt(&lm, &fit, start,
                                                            &error);
        assert_true(status == DESCENT_OK && (m == 4 || lm.value <= 1e-24));
        for (int j = 0; j < 3; j++)
            assert_true(fabs(lm.D[j] - cblas_dnrm2((int)m, J + j, 3)) <=
                        1e-15 * lm.D[j]);
        descent_lm_free(&lm);
    }
}
static void lm_transcription(void **state)
{
    static const lm_case cases[9] = {
        {0.01, 1, 0, 1e20, 1e-12, 1e-15, 1e-14, 200, true},
        {1, 1, 0, 1e20, 1e-12, 1e-15, 1e-14, 200, false},
        {0.01, 0, 0, 1e20, 1e-12, 1e-15, 1e-14, 200, true},
        {0.3, 1, 1, 1e20, 1e-12, 1e-15, 1e-14, 200, true},
        {0.3, 1, 1, 1e20, 1e-12, 1e-15, 1e-14, 200, false},
        {0.01, 1, 0, 0.05, 1e-12, 1e-15, 1e-14, 200, true},
        {1, 1, 0, 1e20, 1e-2, 1e-15, 1e-14, 200, true},
        {0.01, 1, 0, 1e20, 1e-12, 1e-15, 1e-3, 3, true},
        {0.01, 0, -3, 1e20, 1e-12, 1e-15, 1e-14, 200, true},
    };
    bool seen[DESCENT_LM_FAILED + 1] = {false};
    size_t rejected = 0, clean = 0;
    double worst = 0;
    descent_lm lm;
    descent_trace trace;
    descent_error error;
    (void)state;
    REQUIRE(descent_lm_init(&lm, 8, 2, &error), error);
    REQUIRE(descent_trace_init(&trace, 2, true, &error), error);
    for (int k = 0; k < 9; k++) {
        const lm_case *c = &cases[k];
        lm_reference *want = malloc(sizeof *want);
        double amplitude = c->amplitude, theta[2] = {c->a, c->b};
        descent_least_squares fit = {8, 2, exponential_residuals, &amplitude,
                                     "exponential fit"};
        assert_non_null(want);
        lm.trace = &trace;
        lm.scale = c->scale;
        lm.max_mu = c->max_mu;
        lm.gradient_tolerance = c->gradient_tolerance;
        lm.reduction_tolerance = c->reduction_tolerance;
        lm.step_tolerance = c->step_tolerance;
        lm.max_iterations = c->max_iterations;
        (void)descent_levenberg_marquardt(&lm, &fit, theta, &error);
        lm_reference_run(c, want);
        print_message("  case %d: %s after %zu iterations, %zu evaluations "
                      "(transcription: %s, %zu, %zu)\n", k,
                      descent_lm_reason_name(lm.reason), lm.iterations,
                      lm.residual_evaluations, descent_lm_reason_name(want->reason),
                      want->iterations, want->evaluations);
        assert_int_equal(lm.reason, want->reason);
        assert_int_equal(lm.iterations, want->iterations);
        if (!want->noisy)
            assert_int_equal(lm.residual_evaluations, want->evaluations);
        assert_int_equal(lm.jacobians, want->jacobians);
        assert_int_equal(trace.length, want->jacobians);
        for (size_t i = 0; i < trace.length; i++) {
            const double *t = descent_trace_iterate(&trace, i);
            worst = fmax(worst, hypot(t[0] - want->theta[i][0],
                                      t[1] - want->theta[i][1]) /
                                    fmax(1, hypot(want->theta[i][0], want->theta[i][1])));
            worst = fmax(worst, fabs(trace.value[i] - want->value[i]) /
                                    want->value[i]);
        }
        worst = fmax(worst, fabs(lm.value - want->value[want->jacobians - 1]) /
                                want->value[want->jacobians - 1]);
        seen[want->reason] = true;
        rejected += want->rejected;
        lm_reference *early = malloc(sizeof *early);
        assert_non_null(early);
        lm.trace = NULL;
        for (size_t cap = 1; cap <= want->iterations; cap++) {
            lm_case capped = *c;
            double again[2] = {c->a, c->b};
            capped.max_iterations = cap;
            lm_reference_run(&capped, early);
            if (early->noisy || early->reason != DESCENT_LM_MAX_ITERATIONS)
                break;
            lm.max_iterations = cap;
            (void)descent_levenberg_marquardt(&lm, &fit, again, &error);
            worst = fmax(worst, fabs(lm.mu - early->mu) / early->mu);
            clean++;
        }
        free(early);
        free(want);
    }
    descent_trace_free(&trace);
    descent_lm_free(&lm);
    print_message("  LM against its transcription: worst relative "
                  "difference %.1e, %zu rejected steps, mu compared after "
                  "%zu iterations\n", worst, rejected, clean);
    for (int reason = 0; reason < DESCENT_LM_FAILED; reason++)
        assert_true(seen[reason]);
    assert_true(rejected >= 10 && clean >= 30);
    assert_true(worst <= 1e-8);
}
static void trust_region_dogleg(void **state)
{
    descent_quadratic q = quadratic(3, 10, 17);
    descent_objective f = descent_quadratic_objective(&q);
    descent_trust_region tr;
    descent_error error;
    double theta[3], star[3], N[3], u[3], g[3], Hg[3], d[3];
    (void)state;
    start_point(3, theta);
    minimizer(&q, star);
    descent_point at = {.n = 3, .theta = theta, .g = g};
    at.value = descent_value_gradient(&f, theta, g);
    at.gradient_norm = cblas_dnrm2(3, g, 1);
    cblas_dsymv(CblasRowMajor, CblasUpper, 3, 1.0, q.A, 3, g, 1, 0.0, Hg, 1);
    double gg = cblas_ddot(3, g, 1, g, 1), gHg = cblas_ddot(3, g, 1, Hg, 1);
    for (int i = 0; i < 3; i++) {
        N[i] = star[i] - theta[i];
        u[i] = -gg / gHg * g[i];
    }
    double n_norm = cblas_dnrm2(3, N, 1), u_norm = cblas_dnrm2(3, u, 1);
    assert_true(u_norm < n_norm);
    REQUIRE(descent_trust_region_init(&tr, 3, 2 * n_norm, &error), error);
    descent_direction_rule rule = descent_trust_region_direction(&tr);
    REQUIRE(rule.direction(rule.state, &f, &at, d, &error), error);
    assert_true(distance(3, d, N) <= 1e-10 * n_norm);
    assert_true(tr.radius == 2 * n_norm);
    assert_true(tr.boundary == 0 && tr.rejected == 0);
    tr.radius = 0.5 * u_norm;
    REQUIRE(rule.direction(rule.state, &f, &at, d, &error), error);
    for (int i = 0; i < 3; i++)
        assert_true(fabs(d[i] + 0.5 * u_norm * g[i] / sqrt(gg)) <= 1e-12 * u_norm);
    assert_true(tr.radius == u_norm);
    assert_true(tr.boundary == 1 && tr.rejected == 0);
    double radius = 0.5 * (u_norm + n_norm), w[3], ww = 0, dw = 0;
    tr.radius = radius;
    REQUIRE(rule.direction(rule.state, &f, &at, d, &error), error);
    assert_true(fabs(cblas_dnrm2(3, d, 1) - radius) <= 1e-12 * radius);
    for (int i = 0; i < 3; i++) {
        w[i] = N[i] - u[i];
        ww += w[i] * w[i];
        dw += (d[i] - u[i]) * w[i];
    }
    double tau = dw / ww, off = 0;
    for (int i = 0; i < 3; i++)
        off = hypot(off, d[i] - u[i] - tau * w[i]);
    assert_true(tau > 0 && tau < 1 && off <= 1e-10 * radius);
    assert_true(tr.radius == 2 * radius);
    assert_true(tr.boundary == 2 && tr.rejected == 0);
    descent_trust_region_free(&tr);
    descent_quadratic_free(&q);
}
static void newton_modified_spectrum(void **state)
{
    static const double spectra[5][3] = {
        {-1, 2, 5}, {1, 2, 5}, {-10, 0.5, 2}, {0.2, 0.5, 0.9}, {0, 0, 0}};
    static const double b[3] = {1, -0.5, 2};
    double theta[3], g[3], d[3], c[3], want[3];
    descent_error error;
    (void)state;
    start_point(3, theta);
    for (int s = 0; s < 5; s++)
        for (int kind = 1; kind <= 2; kind++) {
            descent_quadratic q;
            descent_newton newton;
            REQUIRE(descent_quadratic_spectrum(&q, 3, spectra[s], b, 0, 5,
                                               &error), error);
            descent_objective f = descent_quadratic_objective(&q);
            REQUIRE(descent_newton_init(&newton, 3, (descent_newton_kind)kind,
                                        &error), error);
            newton.delta = s == 0 ? 0.3 : 0.1;
            descent_point at = {.n = 3, .theta = theta, .g = g};
            at.value = descent_value_gradient(&f, theta, g);
            at.gradient_norm = cblas_dnrm2(3, g, 1);
            double smallest = INFINITY, frobenius = 0, largest = 0, mu = 0;
            size_t tries = 1;
            for (int i = 0; i < 3; i++) {
                smallest = fmin(smallest, q.A[4 * i]);
                frobenius += spectra[s][i] * spectra[s][i];
                largest = fmax(largest, fabs(spectra[s][i]));
            }
            double beta = 1e-3 * (frobenius > 0 ? sqrt(frobenius) : 1);
            double floor = largest > 0 ? newton.delta * largest : 1;
            mu = smallest > 0 ? 0 : beta - smallest;
            while (!(spectra[s][0] + mu > 0) && tries < 100) {
                mu = fmax(2 * mu, beta);
                tries++;
            }
            for (int i = 0; i < 3; i++) {
                double l = spectra[s][i];
                double modified = kind == DESCENT_NEWTON_DAMPED ? l + mu
                                                                : fmax(fabs(l), floor);
                c[i] = cblas_ddot(3, q.Q + i, 3, g, 1) / modified;
            }
            for (int i = 0; i < 3; i++)
                want[i] = -cblas_ddot(3, q.Q + 3 * i, 1, c, 1);
            descent_direction_rule rule = descent_newton_direction(&newton);
            REQUIRE(rule.direction(rule.state, &f, &at, d, &error), error);
            assert_true(distance(3, d, want) <=
                        1e-10 * cblas_dnrm2(3, want, 1));
            assert_true(newton.modified == (size_t)(s == 0 || s == 2 || s == 4));
            if (kind == DESCENT_NEWTON_DAMPED) {
                assert_true(fabs(newton.mu - mu) <= 1e-12 * mu);
                assert_true(newton.factorizations == tries);
            } else {
                assert_true(newton.mu == 0);
            }
            descent_newton_free(&newton);
            descent_quadratic_free(&q);
        }
}
static void trust_region_edges(void **state)
{
    static const double A[9] = {-1, 0, 0, 0, 0.5, 0, 0, 0, 4};
    static const double zero[3] = {0, 0, 0};
    double theta[3], g[3], d[3];
    descent_quadratic q;
    descent_trust_region tr;
    descent_error error;
    (void)state;
    REQUIRE(descent_quadratic_init(&q, 3, A, zero, 0, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    REQUIRE(descent_trust_region_init(&tr, 3, 10, &error), error);
    tr.max_radius = 10;
    descent_direction_rule rule = descent_trust_region_direction(&tr);
    memcpy(theta, (double[3]){0, 1, 0}, sizeof theta);
    REQUIRE(direction_at(rule, &f, theta, g, d, &error), error);
    assert_true(fabs(d[1] + 1) <= 1e-15 && d[0] == 0 && d[2] == 0);
    assert_true(tr.radius == 10 && tr.boundary == 0 && tr.indefinite == 1);
    tr.radius = 1;
    memcpy(theta, (double[3]){1, 0, 0}, sizeof theta);
    REQUIRE(direction_at(rule, &f, theta, g, d, &error), error);
    assert_true(fabs(d[0] - 1) <= 1e-15 && d[1] == 0 && d[2] == 0);
    assert_true(tr.radius == 2 && tr.boundary == 1 && tr.rejected == 0);
    descent_trust_region_free(&tr);
    descent_quadratic_free(&q);
    for (int k = 0; k < 2; k++) {
        double c[2] = {k == 0 ? 0.38 : 3.8, k}, x = 0, gx, dx;
        descent_objective cubic = {.n = 1, .evaluate = tilted_cubic,
                                   .hessian = tilted_cubic_hessian,
                                   .context = c, .name = "tilted cubic"};
        REQUIRE(descent_trust_region_init(&tr, 1, 2, &error), error);
        rule = descent_trust_region_direction(&tr);
        REQUIRE(direction_at(rule, &cubic, &x, &gx, &dx, &error), error);
        if (k == 0)
            assert_true(dx == 1 && tr.radius == 0.25 && tr.rejected == 0 &&
                        tr.boundary == 0);
        else
            assert_true(dx == 0.25 && tr.radius == 0.25 && tr.rejected == 1 &&
                        tr.boundary == 1);
        descent_trust_region_free(&tr);
    }
    double origin[2] = {0, 0}, g0[2], step[2];
    descent_objective stiff = {.n = 2, .evaluate = stiff_cubic,
                               .hessian = stiff_cubic_hessian,
                               .name = "stiff cubic"};
    REQUIRE(descent_trust_region_init(&tr, 2, 2, &error), error);
    rule = descent_trust_region_direction(&tr);
    REQUIRE(direction_at(rule, &stiff, origin, g0, step, &error), error);
    double radius = 0.25 * hypot(1, 0.1);
    double along = (step[0] * g0[0] + step[1] * g0[1]) /
                   (hypot(step[0], step[1]) * hypot(g0[0], g0[1]));
    assert_true(tr.rejected == 1 && tr.boundary == 1);
    assert_true(fabs(hypot(step[0], step[1]) - radius) <= 1e-14 * radius);
    assert_true(along > -0.99);
    descent_trust_region_free(&tr);
}
static void quasi_newton_edges(void **state)
{
    double s[2] = {1e3, 0}, y[2] = {1e-14, 1e3}, q[2] = {0.3, -0.7}, r[2];
    descent_bfgs bfgs;
    descent_lbfgs lbfgs;
    descent_error error;
    (void)state;
    REQUIRE(descent_bfgs_init(&bfgs, 2, &error), error);
    REQUIRE(descent_lbfgs_init(&lbfgs, 2, 1, &error), error);
    assert_true(bfgs.H[0] == 1 && bfgs.H[1] == 0 && bfgs.H[2] == 0 &&
                bfgs.H[3] == 1);
    REQUIRE(descent_bfgs_update(&bfgs, s, y, &error), error);
    REQUIRE(descent_lbfgs_update(&lbfgs, s, y, &error), error);
    assert_true(bfgs.skipped == 1 && bfgs.updates == 0);
    assert_true(lbfgs.skipped == 1 && lbfgs.updates == 0);
    y[0] = 1e-9;
    REQUIRE(descent_bfgs_update(&bfgs, s, y, &error), error);
    REQUIRE(descent_lbfgs_update(&lbfgs, s, y, &error), error);
    assert_true(bfgs.skipped == 1 && bfgs.updates == 1);
    assert_true(lbfgs.skipped == 1 && lbfgs.updates == 1);
    double s2[2] = {0.5, 1}, y2[2] = {2, 0.25}, want[2];
    REQUIRE(descent_lbfgs_multiply(&lbfgs, q, r, &error), error);
    one_pair_product(s, y, q, want);
    assert_true(lbfgs.stored == 1 && lbfgs.newest == 0);
    assert_true(hypot(r[0] - want[0], r[1] - want[1]) <=
                1e-14 * hypot(want[0], want[1]));
    REQUIRE(descent_lbfgs_update(&lbfgs, s2, y2, &error), error);
    REQUIRE(descent_lbfgs_multiply(&lbfgs, q, r, &error), error);
    one_pair_product(s2, y2, q, want);
    assert_true(lbfgs.stored == 1 && lbfgs.updates == 2);
    assert_true(hypot(r[0] - want[0], r[1] - want[1]) <=
                1e-14 * hypot(want[0], want[1]));
    descent_bfgs_free(&bfgs);
    descent_lbfgs_free(&lbfgs);
}
static void newton_cg_cap_and_workspace(void **state)
{
    static const double A[9] = {1, 0.5, 0, 0.5, 2, 0, 0, 0, 5};
    static const double b[3] = {1, -2, 0.5};
    double theta[3] = {0, 0, 0}, g[3], d[3], Hg[3];
    descent_quadratic q;
    descent_newton_cg ncg;
    descent_lm lm;
    descent_error error;
    (void)state;
    REQUIRE(descent_quadratic_init(&q, 3, A, b, 0, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    REQUIRE(descent_newton_cg_init(&ncg, 3, hessian_product, &f, &error),
            error);
    ncg.max_cg = 1;
    descent_direction_rule rule = descent_newton_cg_direction(&ncg);
    REQUIRE(direction_at(rule, &f, theta, g, d, &error), error);
    cblas_dsymv(CblasRowMajor, CblasUpper, 3, 1.0, A, 3, g, 1, 0.0, Hg, 1);
    double step = cblas_ddot(3, g, 1, g, 1) / cblas_ddot(3, g, 1, Hg, 1);
    double off = 0;
    for (int i = 0; i < 3; i++)
        off = hypot(off, d[i] + step * g[i]);
    assert_true(off <= 1e-14 * step * cblas_dnrm2(3, g, 1));
    assert_true(ncg.iterations == 1 && ncg.products == 1);
    descent_newton_cg_free(&ncg);
    descent_quadratic_free(&q);
    double query = 0, work[1], one[1];
    REQUIRE(descent_lm_init(&lm, 8, 2, &error), error);
    LAPACKE_dgels_work(LAPACK_COL_MAJOR, 'N', 10, 2, 1, work, 10, one, 10,
                       &query, -1);
    assert_true(query >= 10 + 2 * 2);
    assert_true(lm.lwork == (size_t)query);
    descent_lm_free(&lm);
    static const double H2[4] = {1, 0, 0, 3.5}, ones[2] = {1, 1};
    double theta2[2] = {0, 0}, g2[2], d2[2];
    REQUIRE(descent_quadratic_init(&q, 2, H2, ones, 0, &error), error);
    f = descent_quadratic_objective(&q);
    REQUIRE(descent_newton_cg_init(&ncg, 2, hessian_product, &f, &error), error);
    rule = descent_newton_cg_direction(&ncg);
    REQUIRE(direction_at(rule, &f, theta2, g2, d2, &error), error);
    assert_true(ncg.iterations == 2 && ncg.relative_residual <= 1e-14);
    descent_newton_cg_free(&ncg);
    double unit[2] = {0.6, 0.8}, newton_step[2];
    REQUIRE(descent_newton_cg_init(&ncg, 2, hessian_product, &f, &error), error);
    rule = descent_newton_cg_direction(&ncg);
    REQUIRE(direction_at(rule, &f, unit, g2, newton_step, &error), error);
    descent_newton_cg_free(&ncg);
    REQUIRE(descent_newton_cg_init(&ncg, 2, NULL, NULL, &error), error);
    rule = descent_newton_cg_direction(&ncg);
    REQUIRE(direction_at(rule, &f, unit, g2, d2, &error), error);
    assert_true(ncg.negative_curvature == 0);
    assert_true(hypot(d2[0] - newton_step[0], d2[1] - newton_step[1]) <=
                1e-6 * hypot(newton_step[0], newton_step[1]));
    descent_newton_cg_free(&ncg);
    descent_quadratic_free(&q);
    descent_newton newton;
    static const char *const kinds[3] = {"Newton", "damped Newton",
                                         "eigenvalue-modified Newton"};
    for (int kind = 0; kind < 3; kind++) {
        REQUIRE(descent_newton_init(&newton, 3, (descent_newton_kind)kind,
                                    &error), error);
        assert_string_equal(descent_newton_direction(&newton).name, kinds[kind]);
        if (kind == DESCENT_NEWTON_EIGENVALUE) {
            LAPACKE_dsyev_work(LAPACK_COL_MAJOR, 'V', 'L', 3, work, 3, work,
                               &query, -1);
            assert_true(query > 9 && newton.lwork == (size_t)query);
        }
        descent_newton_free(&newton);
    }
    assert_string_equal(descent_lm_reason_name(DESCENT_LM_FAILED),
                        "the run failed");
    assert_string_equal(descent_lm_reason_name((descent_lm_reason)99),
                        "unknown reason");
}
static void quasi_newton_first_steps(void **state)
{
    static const double A[4] = {3, 1, 1, 2}, b[2] = {-1, 0.5};
    static const double points[3][2] = {{0, 0}, {0.3, -0.2}, {0.5, 0.1}};
    double g[3][2], d[2], want[2], s[2], y[2], gamma = 0;
    descent_quadratic q;
    descent_bfgs bfgs, ref;
    descent_lbfgs lbfgs, lref;
    descent_error error;
    (void)state;
    REQUIRE(descent_quadratic_init(&q, 2, A, b, 0, &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    REQUIRE(descent_bfgs_init(&bfgs, 2, &error), error);
    REQUIRE(descent_bfgs_init(&ref, 2, &error), error);
    REQUIRE(descent_lbfgs_init(&lbfgs, 2, 1, &error), error);
    REQUIRE(descent_lbfgs_init(&lref, 2, 1, &error), error);
    descent_direction_rule rules[2] = {descent_bfgs_direction(&bfgs),
                                       descent_lbfgs_direction(&lbfgs)};
    for (size_t k = 0; k < 3; k++) {
        descent_point at = {.iteration = k, .n = 2, .theta = points[k],
                            .g = g[k]};
        at.value = descent_value_gradient(&f, points[k], g[k]);
        at.gradient_norm = hypot(g[k][0], g[k][1]);
        if (k > 0) {
            for (int i = 0; i < 2; i++) {
                s[i] = points[k][i] - points[k - 1][i];
                y[i] = g[k][i] - g[k - 1][i];
            }
            if (k == 1) {
                gamma = (s[0] * y[0] + s[1] * y[1]) / (y[0] * y[0] + y[1] * y[1]);
                ref.H[0] = ref.H[3] = gamma;
                ref.H[1] = ref.H[2] = 0;
            }
            REQUIRE(descent_bfgs_update(&ref, s, y, &error), error);
            REQUIRE(descent_lbfgs_update(&lref, s, y, &error), error);
        }
        for (int r = 0; r < 2; r++) {
            REQUIRE(rules[r].direction(rules[r].state, &f, &at, d, &error),
                    error);
            if (k == 0) {
                double norm = r == 0 ? 1 : hypot(g[0][0], g[0][1]);
                want[0] = -g[0][0] / norm;
                want[1] = -g[0][1] / norm;
            } else if (r == 0) {
                cblas_dsymv(CblasRowMajor, CblasUpper, 2, -1.0, ref.H, 2, g[k], 1, 0.0,
                            want, 1);
            } else {
                REQUIRE(descent_lbfgs_multiply(&lref, g[k], want, &error), error);
                want[0] = -want[0];
                want[1] = -want[1];
            }
            assert_true(hypot(d[0] - want[0], d[1] - want[1]) <=
                        1e-14 * hypot(want[0], want[1]));
        }
    }
    assert_true(bfgs.updates == 2 && lbfgs.updates == 2);
    descent_bfgs_free(&bfgs);
    descent_bfgs_free(&ref);
    descent_lbfgs_free(&lbfgs);
    descent_lbfgs_free(&lref);
    descent_quadratic_free(&q);
}
static void newton_defaults_and_reuse(void **state)
{
    descent_lm lm;
    descent_newton newton;
    descent_trust_region tr;
    descent_rosenbrock rosenbrock;
    descent_error error;
    (void)state;
    REQUIRE(descent_lm_init(&lm, 8, 2, &error), error);
    assert_true(lm.mu0 == 1e-3 && lm.max_mu == 1e20);
    assert_true(lm.gradient_tolerance == 1e-12);
    assert_true(lm.reduction_tolerance == 1e-15);
    assert_true(lm.step_tolerance == 1e-14);
    assert_true(lm.max_iterations == 200 && lm.scale && lm.trace == NULL);
    descent_lm_free(&lm);
    REQUIRE(descent_newton_init(&newton, 3, DESCENT_NEWTON_DAMPED, &error),
            error);
    assert_true(newton.mu0 == 1e-3 && newton.delta == 1e-8);
    descent_newton_free(&newton);
    REQUIRE(descent_trust_region_init(&tr, 3, 0.5, &error), error);
    assert_true(tr.radius == 0.5 && tr.max_radius == 1e10);
    descent_trust_region_free(&tr);
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 4, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    descent_bfgs bfgs;
    descent_lbfgs lbfgs;
    REQUIRE(descent_bfgs_init(&bfgs, 4, &error), error);
    REQUIRE(descent_lbfgs_init(&lbfgs, 4, 3, &error), error);
    for (int m = 0; m < 2; m++) {
        descent_direction_rule rule = m == 0 ? descent_bfgs_direction(&bfgs)
                                             : descent_lbfgs_direction(&lbfgs);
        double theta[2][4];
        descent_result result[2];
        size_t updates[2], skipped[2];
        for (int k = 0; k < 2; k++) {
            start_point(4, theta[k]);
            wolfe_run(&f, &rule, 1e-8, theta[k], &result[k]);
            updates[k] = m == 0 ? bfgs.updates : lbfgs.updates;
            skipped[k] = m == 0 ? bfgs.skipped : lbfgs.skipped;
        }
        assert_true(result[0].status == DESCENT_OK);
        assert_true(memcmp(theta[0], theta[1], sizeof theta[0]) == 0);
        assert_true(result[0].iterations == result[1].iterations);
        assert_true(result[0].counts.values == result[1].counts.values);
        assert_true(updates[0] == updates[1] && skipped[0] == skipped[1]);
        assert_true(updates[0] + skipped[0] + 1 == result[0].iterations);
    }
    descent_bfgs_free(&bfgs);
    descent_lbfgs_free(&lbfgs);
    {
        double x0[2] = {3, 4}, g0[2] = {3, 4}, d_bfgs[2], d_lbfgs[2];
        descent_point at = {.n = 2, .theta = x0, .value = 12.5, .g = g0,
                            .gradient_norm = 5};
        descent_bfgs bfgs;
        descent_lbfgs lbfgs;
        REQUIRE(descent_bfgs_init(&bfgs, 2, &error), error);
        REQUIRE(descent_lbfgs_init(&lbfgs, 2, 3, &error), error);
        descent_direction_rule b = descent_bfgs_direction(&bfgs);
        descent_direction_rule l = descent_lbfgs_direction(&lbfgs);
        REQUIRE(b.direction(b.state, NULL, &at, d_bfgs, &error), error);
        REQUIRE(l.direction(l.state, NULL, &at, d_lbfgs, &error), error);
        assert_true(d_bfgs[0] == -3 && d_bfgs[1] == -4);
        assert_true(fabs(d_lbfgs[0] + 0.6) <= 0x1p-51 &&
                    fabs(d_lbfgs[1] + 0.8) <= 0x1p-51);
        descent_bfgs_free(&bfgs);
        descent_lbfgs_free(&lbfgs);
    }
}
static void newton_cg_forcing(void **state)
{
    descent_quadratic q = quadratic(6, 100, 29);
    descent_objective f = descent_quadratic_objective(&q);
    double star[6], theta[6], g[6], d[6], d_fd[6], Hd[6];
    descent_error error;
    (void)state;
    minimizer(&q, star);
    for (int k = 0; k < 4; k++) {
        descent_newton_cg exact, fd;
        REQUIRE(descent_newton_cg_init(&exact, 6, hessian_product, &f,
                                       &error), error);
        REQUIRE(descent_newton_cg_init(&fd, 6, NULL, NULL, &error), error);
        start_point(6, theta);
        for (int i = 0; i < 6; i++)
            theta[i] = star[i] + pow(10, 1 - 1.5 * k) * theta[i];
        descent_point at = {.n = 6, .theta = theta, .g = g};
        at.value = descent_value_gradient(&f, theta, g);
        at.gradient_norm = cblas_dnrm2(6, g, 1);
        descent_direction_rule rule = descent_newton_cg_direction(&exact);
        REQUIRE(rule.direction(rule.state, &f, &at, d, &error), error);
        rule = descent_newton_cg_direction(&fd);
        REQUIRE(rule.direction(rule.state, &f, &at, d_fd, &error), error);
        cblas_dsymv(CblasRowMajor, CblasUpper, 6, 1.0, q.A, 6, d, 1, 0.0, Hd,
                    1);
        cblas_daxpy(6, 1.0, g, 1, Hd, 1);
        double ratio = cblas_dnrm2(6, Hd, 1) / at.gradient_norm;
        assert_true(ratio <= fmin(0.5, sqrt(at.gradient_norm)));
        assert_true(fabs(exact.relative_residual - ratio) <= 1e-8 * ratio + 1e-14);
        assert_true(exact.products == exact.iterations && exact.iterations >= 1);
        assert_true(exact.negative_curvature == 0);
        assert_true(distance(6, d, d_fd) <= 1e-6 * cblas_dnrm2(6, d, 1));
        descent_newton_cg_free(&exact);
        descent_newton_cg_free(&fd);
    }
    descent_quadratic_free(&q);
    descent_objective cubic = descent_cubic_objective();
    descent_newton_cg ncg;
    const double point[2] = {-1.2, -0.8};
    REQUIRE(descent_newton_cg_init(&ncg, 2, NULL, NULL, &error), error);
    descent_point at = {.n = 2, .theta = point, .g = g};
    at.value = descent_value_gradient(&cubic, point, g);
    at.gradient_norm = cblas_dnrm2(2, g, 1);
    descent_direction_rule rule = descent_newton_cg_direction(&ncg);
    REQUIRE(rule.direction(rule.state, &cubic, &at, d, &error), error);
    assert_true(d[0] == -g[0] && d[1] == -g[1]);
    assert_true(ncg.negative_curvature == 1 && ncg.iterations == 0);
    assert_true(ncg.products == 1);
    descent_newton_cg_free(&ncg);
}
static void claim_newton_saddle(void **state)
{
    const double saddle[2] = {1, -1}, minimum[2] = {1, 1};
    double pure_distance = 0, steepest_slope = -INFINITY;
    double final_distance = 0;
    int refused = 0;
    (void)state;
    descent_objective f = descent_cubic_objective();
    for (int j = 0; j < 12; j++) {
        double angle = 2 * acos(-1.0) * (j + 0.5) / 12;
        double start[2] = {1 + 0.1 * cos(angle), -1 + 0.1 * sin(angle)};
        double theta[2] = {start[0], start[1]}, g[2], H[4];
        for (int k = 0; k < 20; k++) {
            lapack_int pivots[2];
            descent_value_gradient(&f, theta, g);
            descent_error e;
            REQUIRE(descent_hessian(&f, theta, H, &e), e);
            LAPACKE_dgesv(LAPACK_ROW_MAJOR, 2, 1, H, 2, pivots, g, 1);
            theta[0] -= g[0];
            theta[1] -= g[1];
        }
        pure_distance = fmax(pure_distance, distance(2, theta, saddle));
        for (int kind = 0; kind < 3; kind++) {
            descent_newton newton;
            descent_error error;
            double d[2], gs[2];
            REQUIRE(descent_newton_init(&newton, 2, (descent_newton_kind)kind, &error),
                    error);
            descent_direction_rule rule = descent_newton_direction(&newton);
            descent_point at = {.iteration = 0, .n = 2, .theta = start, .g = gs};
            at.value = descent_value_gradient(&f, start, gs);
            at.gradient_norm = cblas_dnrm2(2, gs, 1);
            descent_status status = rule.direction(rule.state, &f, &at, d, &error);
            if (kind == DESCENT_NEWTON_PLAIN) {
                refused += status == DESCENT_DIRECTION_FAILED;
            } else {
                REQUIRE(status, error);
                steepest_slope = fmax(steepest_slope, cblas_ddot(2, gs, 1, d, 1) /
                                      (at.gradient_norm * cblas_dnrm2(2, d, 1)));
                if (start[1] > -1) {
                    double x[2] = {start[0], start[1]};
                    descent_result result;
                    wolfe_run(&f, &rule, 1e-10, x, &result);
                    expect(result.status, result.message, DESCENT_OK, "converged");
                    final_distance = fmax(final_distance, distance(2, x, minimum));
                }
            }
            descent_newton_free(&newton);
        }
        {
            descent_newton_cg ncg;
            descent_error error;
            double d[2], gs[2];
            REQUIRE(descent_newton_cg_init(&ncg, 2, NULL, NULL, &error), error);
            descent_direction_rule rule = descent_newton_cg_direction(&ncg);
            descent_point at = {.iteration = 0, .n = 2, .theta = start, .g = gs};
            at.value = descent_value_gradient(&f, start, gs);
            at.gradient_norm = cblas_dnrm2(2, gs, 1);
            REQUIRE(rule.direction(rule.state, &f, &at, d, &error), error);
            steepest_slope = fmax(steepest_slope, cblas_ddot(2, gs, 1, d, 1) /
                                  (at.gradient_norm * cblas_dnrm2(2, d, 1)));
            descent_newton_cg_free(&ncg);
        }
        {
            descent_trust_region tr;
            descent_error error;
            double d[2], gs[2];
            REQUIRE(descent_trust_region_init(&tr, 2, 1, &error), error);
            descent_direction_rule rule = descent_trust_region_direction(&tr);
            descent_point at = {.iteration = 0, .n = 2, .theta = start, .g = gs};
            at.value = descent_value_gradient(&f, start, gs);
            at.gradient_norm = cblas_dnrm2(2, gs, 1);
            REQUIRE(rule.direction(rule.state, &f, &at, d, &error), error);
            steepest_slope = fmax(steepest_slope, cblas_ddot(2, gs, 1, d, 1) /
                                  (at.gradient_norm * cblas_dnrm2(2, d, 1)));
            if (start[1] > -1) {
                double x[2] = {start[0], start[1]};
                descent_result result;
                tr.radius = 1;
                run_trust_region(&f, &tr, x, &result);
                expect(result.status, result.message, DESCENT_OK, "converged");
                final_distance = fmax(final_distance, distance(2, x, minimum));
            }
            descent_trust_region_free(&tr);
        }
    }
    char measured[256], a[32], b[32], c[32];
    claim_format(a, sizeof a, pure_distance);
    claim_format(b, sizeof b, steepest_slope);
    claim_format(c, sizeof c, final_distance);
    snprintf(measured, sizeof measured, "pure Newton ends %s from the saddle; "
             "%d of 12 refused; largest slope %s; modified runs end %s from "
             "the minimum", a, refused, b, c);
    bool holds = pure_distance <= 1e-12 && refused == 12 &&
                 steepest_slope < 0 && final_distance <= 1e-8;
    claim_report("newton-saddle",
                 "pure Newton converges to a saddle, modified Newton descends",
                 measured, "$10^{-12}$, all refused, slope $<0$, $10^{-8}$",
                 holds);
    assert_true(holds);
}
static void claim_bfgs_secant(void **state)
{
    enum { n = 10 };
    static watched_bfgs w;
    descent_bfgs bfgs;
    descent_rosenbrock r;
    descent_error error;
    descent_result result;
    double theta[n];
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, n, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&r);
    REQUIRE(descent_bfgs_init(&bfgs, n, &error), error);
    w = (watched_bfgs){.bfgs = &bfgs, .smallest_eigenvalue = INFINITY};
    descent_direction_rule rule = {"watched BFGS", watch_bfgs, &w};
    for (size_t i = 0; i < n; i++)
        theta[i] = i % 2 ? 1 : -1.2;
    wolfe_run(&f, &rule, 1e-8, theta, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    double s[n], y[n], before[n * n];
    size_t skipped = bfgs.skipped;
    memcpy(before, bfgs.H, sizeof before);
    for (int t = 0; t < 3; t++) {
        for (size_t i = 0; i < n; i++) {
            s[i] = cos(1.0 + (double)(i + t));
            y[i] = t == 0 ? 0 : -(double)t * s[i];
        }
        REQUIRE(descent_bfgs_update(&bfgs, s, y, &error), error);
    }
    bool unchanged = memcmp(before, bfgs.H, sizeof before) == 0 &&
                     bfgs.skipped == skipped + 3;
    descent_bfgs_free(&bfgs);
    char measured[256], a[32], b[32];
    claim_format(a, sizeof a, w.worst_secant);
    claim_format(b, sizeof b, w.smallest_eigenvalue);
    snprintf(measured, sizeof measured, "secant error %s of $\\|s\\|$ over %zu "
             "updates; smallest eigenvalue %s; skips %s", a, w.checked, b,
             unchanged ? "counted, $H$ unchanged" : "WRONG");
    bool holds = w.worst_secant <= 1e-12 && w.smallest_eigenvalue > 0 &&
                 unchanged && w.checked > 10;
    claim_report("bfgs-secant", "BFGS keeps the secant condition and "
                 "positive definiteness", measured,
                 "$10^{-12}$, eigenvalue $>0$", holds);
    assert_true(holds);
}
static void claim_bfgs_cg(void **state)
{
    enum { n = 10 };
    double start[n], star[n], cg_iterates[(n + 1) * n], drop;
    descent_bfgs bfgs;
    descent_error error;
    (void)state;
    descent_quadratic q = quadratic(n, 100, 52);
    minimizer(&q, star);
    start_point(n, start);
    REQUIRE(descent_bfgs_init(&bfgs, n, &error), error);
    descent_trace trace = exact_run(&q, descent_bfgs_direction(&bfgs), start,
                                    n, &drop);
    double minus_b[n], x[n], worst = 0, e0 = distance(n, start, star);
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result result;
    for (size_t i = 0; i < n; i++)
        minus_b[i] = -q.b[i];
    memcpy(x, start, sizeof x);
    options.tolerance = 1e-15;
    options.max_iterations = n;
    options.iterates = cg_iterates;
    descent_linear_cg(n, q.A, minus_b, x, &options, &result);
    for (size_t k = 0; k < trace.length && k <= result.iterations; k++)
        worst = fmax(worst, distance(n, descent_trace_iterate(&trace, k),
                                     cg_iterates + k * n) / e0);
    char measured[256], a[32], b[32];
    claim_format(a, sizeof a, drop);
    claim_format(b, sizeof b, worst);
    snprintf(measured, sizeof measured, "gradient down to %s of the start's "
             "in %zu iterations; iterates off CG's by %s", a, trace.length - 1, b);
    bool holds = drop <= 1e-10 && trace.length - 1 <= n && worst <= 1e-12;
    claim_report("bfgs-cg", "BFGS with exact steps terminates in $n$ steps "
                 "on CG's iterates", measured, "$10^{-10}$ in $n$ steps, "
                 "$10^{-12}$", holds);
    assert_true(holds);
    descent_trace_free(&trace);
    descent_bfgs_free(&bfgs);
    descent_quadratic_free(&q);
}
static void claim_lbfgs_two_loop(void **state)
{
    enum { n = 20, m = 5, trials = 100 };
    double s[m][n], y[m][n], q[n], dense[n], two_loop[n], wrong[n];
    double worst = 0, least_wrong = INFINITY;
    descent_bfgs bfgs;
    descent_lbfgs lbfgs;
    descent_error error;
    (void)state;
    descent_quadratic A = quadratic(n, 100, 53);
    REQUIRE(descent_bfgs_init(&bfgs, n, &error), error);
    REQUIRE(descent_lbfgs_init(&lbfgs, n, m, &error), error);
    srand(5);
    for (int t = 0; t < trials; t++) {
        lbfgs.stored = lbfgs.newest = 0;
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++)
                s[j][i] = uniform();
            cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, A.A, n, s[j], 1, 0.0,
                        y[j], 1);
            REQUIRE(descent_lbfgs_update(&lbfgs, s[j], y[j], &error), error);
        }
        for (int i = 0; i < n; i++)
            q[i] = uniform();
        double gamma = cblas_ddot(n, s[m - 1], 1, y[m - 1], 1) /
                       cblas_ddot(n, y[m - 1], 1, y[m - 1], 1);
        memset(bfgs.H, 0, sizeof(double) * n * n);
        for (int i = 0; i < n; i++)
            bfgs.H[i * n + i] = gamma;
        for (int j = 0; j < m; j++)
            REQUIRE(descent_bfgs_update(&bfgs, s[j], y[j], &error), error);
        cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, bfgs.H, n, q, 1, 0.0, dense,
                    1);
        REQUIRE(descent_lbfgs_multiply(&lbfgs, q, two_loop, &error), error);
        same_order_two_loop(n, m, s, y, gamma, q, wrong);
        double size = cblas_dnrm2(n, dense, 1);
        worst = fmax(worst, distance(n, two_loop, dense) / size);
        least_wrong = fmin(least_wrong, distance(n, wrong, dense) / size);
    }
    char measured[256], a[32], b[32];
    claim_format(a, sizeof a, worst);
    claim_format(b, sizeof b, least_wrong);
    snprintf(measured, sizeof measured, "two-loop off the dense product by %s; "
             "the same-order variant by at least %s", a, b);
    bool holds = worst <= 1e-12 && least_wrong > 1e-3;
    claim_report("lbfgs-two-loop", "the two-loop recursion is the dense BFGS "
                 "product", measured, "$10^{-12}$; wrong variant $>10^{-3}$",
                 holds);
    assert_true(holds);
    descent_lbfgs_free(&lbfgs);
    descent_bfgs_free(&bfgs);
    descent_quadratic_free(&A);
}
static void claim_lbfgs_bfgs(void **state)
{
    enum { n = 10 };
    const size_t memories[2] = {10, 20};
    double start[n], star[n], drop, worst = 0;
    descent_bfgs bfgs;
    descent_error error;
    (void)state;
    descent_quadratic q = quadratic(n, 100, 54);
    minimizer(&q, star);
    start_point(n, start);
    double e0 = distance(n, start, star);
    REQUIRE(descent_bfgs_init(&bfgs, n, &error), error);
    descent_trace dense = exact_run(&q, descent_bfgs_direction(&bfgs), start,
                                    2 * n, &drop);
    for (int j = 0; j < 2; j++) {
        descent_lbfgs lbfgs;
        REQUIRE(descent_lbfgs_init(&lbfgs, n, memories[j], &error), error);
        descent_trace limited = exact_run(&q, descent_lbfgs_direction(&lbfgs),
                                          start, 2 * n, &drop);
        size_t common = limited.length < dense.length ? limited.length
                                                      : dense.length;
        for (size_t k = 0; k < common; k++)
            worst = fmax(worst, distance(n, descent_trace_iterate(&limited, k),
                                         descent_trace_iterate(&dense, k)) / e0);
        descent_trace_free(&limited);
        descent_lbfgs_free(&lbfgs);
    }
    char measured[256], a[32];
    claim_format(a, sizeof a, worst);
    snprintf(measured, sizeof measured, "iterates off BFGS's by %s of the "
             "start's error", a);
    bool holds = worst <= 1e-12;
    claim_report("lbfgs-bfgs", "L-BFGS with $m\\ge n$ reproduces BFGS on a "
                 "quadratic", measured, "$10^{-12}$", holds);
    assert_true(holds);
    descent_trace_free(&dense);
    descent_bfgs_free(&bfgs);
    descent_quadratic_free(&q);
}
static void bad_newton_constructors(void **state)
{
    const size_t huge[4] = {(size_t)1 << 61, (size_t)1 << 60, SIZE_MAX,
                            (size_t)INT_MAX + 1};
    descent_error e;
    char fragment[64];
    (void)state;
    for (int which = 0; which < 5; which++) {
        const char *name = constructors[which];
        BAD(name, make_state(which, true, 2, &e), e,
            DESCENT_INVALID_ARGUMENT, "is NULL");
        BAD(name, make_state(which, false, 0, &e), e,
            DESCENT_INVALID_ARGUMENT, "n = 0");
        for (int i = 0; i < 4; i++) {
            snprintf(fragment, sizeof fragment, "n = %zu", huge[i]);
            BAD(name, make_state(which, false, huge[i], &e), e,
                DESCENT_INVALID_ARGUMENT, fragment);
        }
    }
    descent_newton newton;
    descent_lbfgs lbfgs;
    BAD("descent_newton_init", descent_newton_init(&newton, 2,
        (descent_newton_kind)3, &e), e, DESCENT_INVALID_ARGUMENT, "kind = 3");
    BAD("descent_newton_init", descent_newton_init(&newton, 2,
        (descent_newton_kind)-1, &e), e, DESCENT_INVALID_ARGUMENT, "kind = -1");
    BAD("descent_lbfgs_init", descent_lbfgs_init(&lbfgs, 2, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "memory m = 0");
    BAD("descent_lbfgs_init", descent_lbfgs_init(&lbfgs, 2, SIZE_MAX, &e), e,
        DESCENT_INVALID_ARGUMENT, "memory m = 18446744073709551615");
    BAD("descent_lbfgs_init", descent_lbfgs_init(&lbfgs, 1 << 20,
        (size_t)1 << 50, &e), e, DESCENT_INVALID_ARGUMENT, "n = 1048576");
    VALID("descent_lbfgs_init", "m = 1 keeps one pair",
          descent_lbfgs_init(&lbfgs, 2, 1, &e), e);
    descent_lbfgs_free(&lbfgs);
}
static void bad_newton_rule(void **state)
{
    descent_newton newton, never = {0};
    descent_error e;
    descent_result r;
    const char *rule = "descent_newton_direction";
    (void)state;
    REQUIRE(descent_newton_init(&newton, 2, DESCENT_NEWTON_PLAIN, &e), e);
    VALID(rule, "a positive definite Hessian",
          run_newton(&newton, 1.5, 0.5, &r), r);
    BAD(rule, run_newton(&newton, 0.5, -0.5, &r), r,
        DESCENT_DIRECTION_FAILED, "not positive definite (its leading "
        "minor of order 2");
    BAD(rule, run_newton(&newton, 0, 0.5, &r), r, DESCENT_DIRECTION_FAILED,
        "leading minor of order 1");
    descent_newton one;
    REQUIRE(descent_newton_init(&one, 1, DESCENT_NEWTON_EIGENVALUE, &e), e);
    descent_direction_rule direction = descent_newton_direction(&one);
    descent_objective bowl = {.n = 1, .evaluate = no_hessian, .name = "bowl"};
    double x[1] = {1};
    BAD(rule, wolfe_run(&bowl, &direction, 1e-10, x, &r), r, DESCENT_NO_HESSIAN,
        "objective bowl has no Hessian");
    bowl.hessian = nan_hessian;
    x[0] = 1;
    BAD(rule, wolfe_run(&bowl, &direction, 1e-10, x, &r), r, DESCENT_NONFINITE,
        "H[0][0] = nan");
    descent_newton_free(&one);
    newton.kind = DESCENT_NEWTON_DAMPED;
    VALID(rule, "damped Newton shifts an indefinite Hessian",
          run_newton(&newton, 0.5, -0.5, &r), r);
    newton.kind = DESCENT_NEWTON_EIGENVALUE;
    VALID(rule, "modified Newton flips negative curvature",
          run_newton(&newton, 0.5, -0.5, &r), r);
    newton.kind = (descent_newton_kind)9;
    BAD(rule, run_newton(&newton, 0.5, 0.5, &r), r, DESCENT_DIRECTION_FAILED,
        "kind = 9");
    newton.kind = DESCENT_NEWTON_DAMPED;
    const double bad_mu0[4] = {0, -1, NAN, INFINITY};
    const double bad_delta[4] = {0, 1, NAN, -INFINITY};
    char fragment[64];
    for (int i = 0; i < 4; i++) {
        newton.mu0 = bad_mu0[i];
        snprintf(fragment, sizeof fragment, "mu0 = %g", bad_mu0[i]);
        BAD(rule, run_newton(&newton, 0.5, 0.5, &r), r,
            DESCENT_DIRECTION_FAILED, fragment);
        newton.mu0 = 1e-3;
        newton.delta = bad_delta[i];
        snprintf(fragment, sizeof fragment, "delta = %g", bad_delta[i]);
        BAD(rule, run_newton(&newton, 0.5, 0.5, &r), r,
            DESCENT_DIRECTION_FAILED, fragment);
        newton.delta = 1e-8;
    }
    descent_newton_free(&newton);
    BAD(rule, run_newton(&newton, 0.5, 0.5, &r), r, DESCENT_DIRECTION_FAILED,
        "used after descent_newton_free");
    BAD(rule, run_newton(NULL, 0.5, 0.5, &r), r, DESCENT_DIRECTION_FAILED,
        "state is NULL");
    BAD(rule, run_newton(&never, 0.5, 0.5, &r), r, DESCENT_DIRECTION_FAILED,
        "or never made");
    REQUIRE(descent_newton_init(&newton, 3, DESCENT_NEWTON_PLAIN, &e), e);
    BAD(rule, run_newton(&newton, 0.5, 0.5, &r), r, DESCENT_DIRECTION_FAILED,
        "another dimension, n = 2");
    descent_newton_free(&newton);
    const char *release = "descent_newton_free";
    SURVIVES(release, "freeing a freed state does nothing",
             descent_newton_free(&newton));
    SURVIVES(release, "freeing NULL does nothing", descent_newton_free(NULL));
    BAD("descent_newton_init", descent_newton_init(&newton, 0,
        DESCENT_NEWTON_PLAIN, &e), e, DESCENT_INVALID_ARGUMENT, "n = 0");
    SURVIVES(release, "a failed creation leaves an empty state",
             descent_newton_free(&newton));
}
static void bad_quasi_newton_updates(void **state)
{
    const double bad[3] = {NAN, INFINITY, -INFINITY};
    descent_bfgs bfgs, bfgs_never = {0};
    descent_lbfgs lbfgs, lbfgs_never = {0};
    descent_error e;
    double s[2] = {1, 1}, y[2] = {1, 2}, r[2];
    char fragment[64];
    const char *bu = "descent_bfgs_update", *lu = "descent_lbfgs_update";
    const char *lm = "descent_lbfgs_multiply";
    (void)state;
    REQUIRE(descent_bfgs_init(&bfgs, 2, &e), e);
    REQUIRE(descent_lbfgs_init(&lbfgs, 2, 3, &e), e);
    BAD(bu, descent_bfgs_update(NULL, s, y, &e), e, DESCENT_INVALID_ARGUMENT,
        "state bfgs is NULL");
    BAD(bu, descent_bfgs_update(&bfgs, NULL, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "s is NULL");
    BAD(bu, descent_bfgs_update(&bfgs, s, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "y is NULL");
    BAD(bu, descent_bfgs_update(&bfgs_never, s, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(lu, descent_lbfgs_update(NULL, s, y, &e), e, DESCENT_INVALID_ARGUMENT,
        "state lbfgs is NULL");
    BAD(lu, descent_lbfgs_update(&lbfgs, NULL, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "s is NULL");
    BAD(lu, descent_lbfgs_update(&lbfgs, s, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "y is NULL");
    BAD(lu, descent_lbfgs_update(&lbfgs_never, s, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(lm, descent_lbfgs_multiply(NULL, s, r, &e), e,
        DESCENT_INVALID_ARGUMENT, "state lbfgs is NULL");
    BAD(lm, descent_lbfgs_multiply(&lbfgs, NULL, r, &e), e,
        DESCENT_INVALID_ARGUMENT, "q is NULL");
    BAD(lm, descent_lbfgs_multiply(&lbfgs, s, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "r is NULL");
    BAD(lm, descent_lbfgs_multiply(&lbfgs_never, s, r, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    lbfgs.stored = 4;
    BAD(lm, descent_lbfgs_multiply(&lbfgs, s, r, &e), e,
        DESCENT_INVALID_ARGUMENT, "the ring is corrupt (stored = 4");
    lbfgs.stored = 0;
    VALID(lm, "with no pairs the product is q itself",
          descent_lbfgs_multiply(&lbfgs, s, r, &e), e);
    assert_true(r[0] == s[0] && r[1] == s[1]);
    for (int i = 0; i < 3; i++) {
        double saved = s[1];
        s[1] = bad[i];
        snprintf(fragment, sizeof fragment, "s[1] = %g", bad[i]);
        BAD(bu, descent_bfgs_update(&bfgs, s, y, &e), e, DESCENT_NONFINITE,
            fragment);
        BAD(lu, descent_lbfgs_update(&lbfgs, s, y, &e), e, DESCENT_NONFINITE,
            fragment);
        snprintf(fragment, sizeof fragment, "q[1] = %g", bad[i]);
        BAD(lm, descent_lbfgs_multiply(&lbfgs, s, r, &e), e, DESCENT_NONFINITE,
            fragment);
        s[1] = saved;
        y[0] = bad[i];
        snprintf(fragment, sizeof fragment, "y[0] = %g", bad[i]);
        BAD(bu, descent_bfgs_update(&bfgs, s, y, &e), e, DESCENT_NONFINITE,
            fragment);
        BAD(lu, descent_lbfgs_update(&lbfgs, s, y, &e), e, DESCENT_NONFINITE,
            fragment);
        y[0] = 1;
    }
    assert_true(bfgs.updates == 0 && lbfgs.stored == 0);
    double down[2] = {-1, -1};
    VALID(bu, "a pair with y^T s < 0 is skipped and counted",
          descent_bfgs_update(&bfgs, s, down, &e), e);
    VALID(lu, "a pair with y^T s < 0 is skipped and counted",
          descent_lbfgs_update(&lbfgs, s, down, &e), e);
    assert_true(bfgs.skipped == 1 && bfgs.updates == 0 && lbfgs.skipped == 1 &&
                lbfgs.stored == 0);
    descent_bfgs_free(&bfgs);
    descent_lbfgs_free(&lbfgs);
    BAD(bu, descent_bfgs_update(&bfgs, s, y, &e), e, DESCENT_INVALID_ARGUMENT,
        "used after descent_bfgs_free");
    BAD(lu, descent_lbfgs_update(&lbfgs, s, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_lbfgs_free");
    BAD(lm, descent_lbfgs_multiply(&lbfgs, s, r, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_lbfgs_free");
    SURVIVES("descent_bfgs_free", "freeing a freed state does nothing",
             descent_bfgs_free(&bfgs));
    SURVIVES("descent_bfgs_free", "freeing NULL does nothing",
             descent_bfgs_free(NULL));
    SURVIVES("descent_lbfgs_free", "freeing a freed state does nothing",
             descent_lbfgs_free(&lbfgs));
    SURVIVES("descent_lbfgs_free", "freeing NULL does nothing",
             descent_lbfgs_free(NULL));
}
static void bad_quasi_newton_rules(void **state)
{
    descent_bfgs bfgs, bfgs_never = {0};
    descent_lbfgs lbfgs, lbfgs_never = {0};
    descent_error e;
    descent_result r;
    const char *br = "descent_bfgs_direction", *lr = "descent_lbfgs_direction";
    (void)state;
    REQUIRE(descent_bfgs_init(&bfgs, 2, &e), e);
    REQUIRE(descent_lbfgs_init(&lbfgs, 2, 3, &e), e);
    VALID(br, "a run on the cubic",
          run_quasi_newton(descent_bfgs_direction(&bfgs), &r), r);
    VALID(lr, "a run on the cubic",
          run_quasi_newton(descent_lbfgs_direction(&lbfgs), &r), r);
    descent_bfgs_free(&bfgs);
    descent_lbfgs_free(&lbfgs);
    BAD(br, run_quasi_newton(descent_bfgs_direction(&bfgs), &r), r,
        DESCENT_DIRECTION_FAILED, "used after descent_bfgs_free");
    BAD(br, run_quasi_newton(descent_bfgs_direction(NULL), &r), r,
        DESCENT_DIRECTION_FAILED, "BFGS rule: state is NULL");
    BAD(br, run_quasi_newton(descent_bfgs_direction(&bfgs_never), &r), r,
        DESCENT_DIRECTION_FAILED, "or never made");
    BAD(lr, run_quasi_newton(descent_lbfgs_direction(&lbfgs), &r), r,
        DESCENT_DIRECTION_FAILED, "used after descent_lbfgs_free");
    BAD(lr, run_quasi_newton(descent_lbfgs_direction(NULL), &r), r,
        DESCENT_DIRECTION_FAILED, "L-BFGS rule: state is NULL");
    BAD(lr, run_quasi_newton(descent_lbfgs_direction(&lbfgs_never), &r), r,
        DESCENT_DIRECTION_FAILED, "or never made");
    REQUIRE(descent_bfgs_init(&bfgs, 3, &e), e);
    REQUIRE(descent_lbfgs_init(&lbfgs, 3, 2, &e), e);
    BAD(br, run_quasi_newton(descent_bfgs_direction(&bfgs), &r), r,
        DESCENT_DIRECTION_FAILED, "another dimension, n = 2");
    BAD(lr, run_quasi_newton(descent_lbfgs_direction(&lbfgs), &r), r,
        DESCENT_DIRECTION_FAILED, "another dimension, n = 2");
    descent_bfgs_free(&bfgs);
    descent_lbfgs_free(&lbfgs);
}
static void bad_newton_cg(void **state)
{
    descent_newton_cg ncg, never = {0};
    descent_error e;
    descent_result r;
    const char *rule = "descent_newton_cg_direction";
    const char *release = "descent_newton_cg_free";
    (void)state;
    REQUIRE(descent_newton_cg_init(&ncg, 2, NULL, NULL, &e), e);
    VALID(rule, "finite differences when no product is given",
          run_quasi_newton(descent_newton_cg_direction(&ncg), &r), r);
    ncg.product = nan_product;
    BAD(rule, run_quasi_newton(descent_newton_cg_direction(&ncg), &r), r,
        DESCENT_NONFINITE, "Hv[0] = nan");
    descent_newton_cg_free(&ncg);
    BAD(rule, run_quasi_newton(descent_newton_cg_direction(&ncg), &r), r,
        DESCENT_DIRECTION_FAILED, "used after descent_newton_cg_free");
    BAD(rule, run_quasi_newton(descent_newton_cg_direction(NULL), &r), r,
        DESCENT_DIRECTION_FAILED, "Newton-CG rule: state is NULL");
    BAD(rule, run_quasi_newton(descent_newton_cg_direction(&never), &r), r,
        DESCENT_DIRECTION_FAILED, "or never made");
    REQUIRE(descent_newton_cg_init(&ncg, 3, NULL, NULL, &e), e);
    BAD(rule, run_quasi_newton(descent_newton_cg_direction(&ncg), &r), r,
        DESCENT_DIRECTION_FAILED, "another dimension, n = 2");
    descent_newton_cg_free(&ncg);
    SURVIVES(release, "freeing a freed state does nothing",
             descent_newton_cg_free(&ncg));
    SURVIVES(release, "freeing NULL does nothing",
             descent_newton_cg_free(NULL));
    BAD("descent_newton_cg_init",
        descent_newton_cg_init(&ncg, 0, NULL, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "n = 0");
    SURVIVES(release, "a failed creation leaves an empty state",
             descent_newton_cg_free(&ncg));
}
static void bad_trust_region(void **state)
{
    const double bad_radius[5] = {0, -1, NAN, INFINITY, 1e11};
    descent_trust_region tr, never = {0};
    descent_error e;
    descent_result r;
    char fragment[64];
    const char *rule = "descent_trust_region_direction";
    const char *release = "descent_trust_region_free";
    (void)state;
    for (int i = 0; i < 5; i++) {
        snprintf(fragment, sizeof fragment, "radius = %g", bad_radius[i]);
        BAD("descent_trust_region_init",
            descent_trust_region_init(&tr, 2, bad_radius[i], &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    REQUIRE(descent_trust_region_init(&tr, 2, 1, &e), e);
    VALID(rule, "an indefinite Hessian: the Cauchy point",
          run_cubic(&tr, &r), r);
    tr.radius = -1;
    BAD(rule, run_cubic(&tr, &r), r,
        DESCENT_DIRECTION_FAILED, "radius = -1");
    tr.radius = 1;
    tr.max_radius = INFINITY;
    BAD(rule, run_cubic(&tr, &r), r,
        DESCENT_DIRECTION_FAILED, "max_radius = inf");
    descent_trust_region_free(&tr);
    REQUIRE(descent_trust_region_init(&tr, 1, 1, &e), e);
    descent_objective point = {.n = 1, .evaluate = only_here, .name = "point"};
    double x[1] = {1};
    BAD(rule, run_trust_region(&point, &tr, x, &r), r, DESCENT_NO_HESSIAN,
        "objective point has no Hessian");
    point.hessian = zero_hessian;
    BAD(rule, run_trust_region(&point, &tr, x, &r), r, DESCENT_DIRECTION_FAILED,
        "fell below the resolution of theta");
    descent_trust_region_free(&tr);
    REQUIRE(descent_trust_region_init(&tr, 2, 1, &e), e);
    BAD(rule, at_the_maximum(&tr, &e), e, DESCENT_DIRECTION_FAILED,
        "g = 0 and the Hessian is not positive definite");
    descent_trust_region_free(&tr);
    BAD(rule, run_cubic(&tr, &r), r,
        DESCENT_DIRECTION_FAILED, "used after descent_trust_region_free");
    BAD(rule, run_cubic(NULL, &r), r,
        DESCENT_DIRECTION_FAILED, "trust-region rule: state is NULL");
    BAD(rule, run_cubic(&never, &r), r,
        DESCENT_DIRECTION_FAILED, "or never made");
    REQUIRE(descent_trust_region_init(&tr, 3, 1, &e), e);
    BAD(rule, run_cubic(&tr, &r), r,
        DESCENT_DIRECTION_FAILED, "another dimension, n = 2");
    descent_trust_region_free(&tr);
    SURVIVES(release, "freeing a freed state does nothing",
             descent_trust_region_free(&tr));
    SURVIVES(release, "freeing NULL does nothing",
             descent_trust_region_free(NULL));
    BAD("descent_trust_region_init", descent_trust_region_init(&tr, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "radius = 0");
    SURVIVES(release, "a failed creation leaves an empty state",
             descent_trust_region_free(&tr));
}
static void bad_levenberg_marquardt(void **state)
{
    descent_lm lm, never = {0};
    descent_error e;
    double amplitude = 0.01, theta[2] = {1, 0};
    descent_least_squares fit = {8, 2, exponential_residuals, &amplitude,
                                 "fit"};
    const char *run = "descent_levenberg_marquardt";
    (void)state;
    const char *init = "descent_lm_init";
    BAD(init, descent_lm_init(NULL, 8, 2, &e), e, DESCENT_INVALID_ARGUMENT,
        "state lm is NULL");
    BAD(init, descent_lm_init(&lm, 0, 2, &e), e, DESCENT_INVALID_ARGUMENT,
        "m = 0 residuals");
    BAD(init, descent_lm_init(&lm, 8, 0, &e), e, DESCENT_INVALID_ARGUMENT,
        "n = 0 parameters");
    BAD(init, descent_lm_init(&lm, 2, (size_t)INT_MAX + 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "n = 2147483648: m + n is more");
    BAD(init, descent_lm_init(&lm, INT_MAX, 2, &e), e, DESCENT_INVALID_ARGUMENT,
        "m = 2147483647, n = 2: m + n is more");
    BAD(init, descent_lm_init(&lm, SIZE_MAX, 2, &e), e,
        DESCENT_INVALID_ARGUMENT, "m + n is more than LAPACK can index");
    BAD(init, descent_lm_init(&lm, (size_t)1 << 30, ((size_t)1 << 30) - 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "needs more memory than size_t can count");
    REQUIRE(descent_lm_init(&lm, 8, 2, &e), e);
    BAD(run, descent_levenberg_marquardt(NULL, &fit, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "state lm is NULL");
    BAD(run, descent_levenberg_marquardt(&never, &fit, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(run, descent_levenberg_marquardt(&lm, NULL, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "problem is NULL");
    BAD(run, descent_levenberg_marquardt(&lm, &fit, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    fit.m = 7;
    BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
        DESCENT_INVALID_ARGUMENT,
        "has a 7 x 2 Jacobian, but the state was made for 8 x 2");
    fit.m = 8;
    fit.residuals = NULL;
    BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "problem fit has no residual function");
    fit.residuals = exponential_residuals;
    theta[1] = NAN;
    BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
        DESCENT_NONFINITE, "theta[1] = nan");
    theta[1] = 0;
    const double bad[3] = {NAN, -1, INFINITY};
    char fragment[64];
    for (int i = 0; i < 3; i++) {
        lm.mu0 = bad[i] < 0 ? 0 : bad[i];
        snprintf(fragment, sizeof fragment, "mu0 = %g", lm.mu0);
        BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
        lm.mu0 = 1e-3;
        lm.max_mu = bad[i];
        snprintf(fragment, sizeof fragment, "max_mu = %g", bad[i]);
        BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
        lm.max_mu = 1e20;
        lm.step_tolerance = bad[i];
        snprintf(fragment, sizeof fragment, "step_tolerance = %g", bad[i]);
        BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
        lm.step_tolerance = 1e-14;
    }
    descent_trace wrong;
    REQUIRE(descent_trace_init(&wrong, 3, false, &e), e);
    lm.trace = &wrong;
    BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "trace has dimension 3, the problem 2");
    lm.trace = NULL;
    descent_trace_free(&wrong);
    VALID(run, "a run on the exponential fit",
          descent_levenberg_marquardt(&lm, &fit, theta, &e), e);
    assert_true(lm.reason == DESCENT_LM_GRADIENT ||
                lm.reason == DESCENT_LM_SMALL_REDUCTION ||
                lm.reason == DESCENT_LM_SMALL_STEP);
    theta[0] = 1;
    theta[1] = 0;
    int mode = 0;
    descent_least_squares broken = {8, 2, broken_residuals, &mode, "broken"};
    BAD(run, descent_levenberg_marquardt(&lm, &broken, theta, &e), e,
        DESCENT_NONFINITE, "least squares broken: residual r[3] = nan");
    mode = 1;
    BAD(run, descent_levenberg_marquardt(&lm, &broken, theta, &e), e,
        DESCENT_NONFINITE, "Jacobian J[2][1] = inf");
    mode = 2;
    lm.max_mu = 1e6;
    BAD(run, descent_levenberg_marquardt(&lm, &broken, theta, &e), e,
        DESCENT_DIRECTION_FAILED, "the damping grew past its limit");
    assert_true(lm.reason == DESCENT_LM_DAMPING_LIMIT);
    lm.max_mu = 1e20;
    lm.max_iterations = 0;
    BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
        DESCENT_MAX_ITERATIONS, "the iteration limit was reached");
    lm.max_iterations = 200;
    const char *step = "descent_lm_step";
    double p[2];
    for (int i = 0; i < 3; i++) {
        snprintf(fragment, sizeof fragment, "mu = %g", bad[i]);
        BAD(step, descent_lm_step(&lm, &fit, theta, bad[i], p, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    BAD(step, descent_lm_step(&lm, &fit, theta, 1, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "step is NULL");
    BAD(step, descent_lm_step(NULL, &fit, theta, 1, p, &e), e,
        DESCENT_INVALID_ARGUMENT, "state lm is NULL");
    fit.n = 3;
    BAD(step, descent_lm_step(&lm, &fit, theta, 1, p, &e), e,
        DESCENT_INVALID_ARGUMENT, "has a 8 x 3 Jacobian");
    fit.n = 2;
    VALID(step, "mu = 0 is the Gauss-Newton step",
          descent_lm_step(&lm, &fit, theta, 0, p, &e), e);
    descent_lm_free(&lm);
    BAD(run, descent_levenberg_marquardt(&lm, &fit, theta, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_lm_free");
    BAD(step, descent_lm_step(&lm, &fit, theta, 1, p, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_lm_free");
    const char *release = "descent_lm_free";
    SURVIVES(release, "freeing a freed state does nothing", descent_lm_free(&lm));
    SURVIVES(release, "freeing NULL does nothing", descent_lm_free(NULL));
    BAD(init, descent_lm_init(&lm, 0, 0, &e), e, DESCENT_INVALID_ARGUMENT,
        "must both be positive");
    SURVIVES(release, "a failed creation leaves an empty state",
             descent_lm_free(&lm));
    SURVIVES("descent_lm_reason_name", "an unknown reason is named so",
             assert_string_equal(descent_lm_reason_name((descent_lm_reason)9),
                                 "unknown reason"));
    SURVIVES("descent_lm_reason_name", "a negative reason is named so",
             assert_string_equal(descent_lm_reason_name((descent_lm_reason)-1),
                                 "unknown reason"));
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-05-table");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_newton_quadratic_step),
        cmocka_unit_test(claim_newton_quadratic_rate),
        cmocka_unit_test(claim_newton_saddle),
        cmocka_unit_test(claim_newton_cg_superlinear),
        cmocka_unit_test(claim_newton_ranking),
        cmocka_unit_test(claim_lm_limits),
        cmocka_unit_test(lm_step_dense),
        cmocka_unit_test(lm_step_three),
        cmocka_unit_test(lm_transcription),
        cmocka_unit_test(trust_region_dogleg),
        cmocka_unit_test(newton_modified_spectrum),
        cmocka_unit_test(trust_region_edges),
        cmocka_unit_test(quasi_newton_edges),
        cmocka_unit_test(newton_cg_cap_and_workspace),
        cmocka_unit_test(quasi_newton_first_steps),
        cmocka_unit_test(newton_defaults_and_reuse),
        cmocka_unit_test(newton_cg_forcing),
        cmocka_unit_test(claim_bfgs_secant),
        cmocka_unit_test(claim_bfgs_cg),
        cmocka_unit_test(claim_lbfgs_two_loop),
        cmocka_unit_test(claim_lbfgs_bfgs),
        cmocka_unit_test(bad_newton_constructors),
        cmocka_unit_test(bad_newton_rule),
        cmocka_unit_test(bad_quasi_newton_updates),
        cmocka_unit_test(bad_quasi_newton_rules),
        cmocka_unit_test(bad_newton_cg),
        cmocka_unit_test(bad_trust_region),
        cmocka_unit_test(bad_levenberg_marquardt),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name(
        "chapter 5: Newton's method and quasi-Newton methods", tests, NULL,
        NULL);
}
