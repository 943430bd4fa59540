/* 02-linesearch.c: generated from chapters/02-linesearch.nw; do not edit. */
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

#include "cg.h"
#include "claims.h"
#include "descent.h"
#include "linesearch.h"

static double quartic(double x, void *c) { (void)c; return pow(x, 4) - 3 * x; }
static double exponential(double x, void *c) { (void)c; return exp(x) - 5 * x; }
static double gamma_like(double x, void *c) { (void)c; return -x * exp(-x); }
static double sine(double x, void *c) { (void)c; return sin(x); }
static double catenary(double x, void *c) { (void)c; return cosh(x) - 2 * x; }

typedef struct scalar_case {
    descent_scalar_fn *f;
    double lower, upper, minimizer;
    const char *formula, *interval;
} scalar_case;
static scalar_case scalar_cases(int i)
{
    const double pi = acos(-1.0);
    const scalar_case cases[5] = {
        {quartic, 0, 2, cbrt(0.75), "$x^4-3x$", "$[0,2]$"},
        {exponential, 0, 3, log(5.0), "$e^x-5x$", "$[0,3]$"},
        {gamma_like, 0, 4, 1, "$-xe^{-x}$", "$[0,4]$"},
        {sine, 3, 6, 1.5 * pi, "$\\sin x$", "$[3,6]$"},
        {catenary, 0, 3, asinh(2.0), "$\\cosh x-2x$", "$[0,3]$"},
    };
    return cases[i];
}
static void random_normal(size_t n, unsigned seed, double *x)
{
    descent_random r;
    descent_random_seed(&r, seed);
    for (size_t i = 0; i < n; i++)
        x[i] = descent_random_gaussian(&r);
}

static void spectrum(size_t n, double kappa, double *lambda)
{
    for (size_t i = 0; i < n; i++)
        lambda[i] = 1 + (kappa - 1) * (double)i / (double)(n - 1);
}

static double cosine(size_t n, const double *x, const double *y)
{
    return cblas_ddot((int)n, x, 1, y, 1) /
           (cblas_dnrm2((int)n, x, 1) * cblas_dnrm2((int)n, y, 1));
}
static descent_result run_sd(descent_objective *f, descent_step_rule rule,
                             double *theta, size_t iterations,
                             double tolerance, descent_trace *trace)
{
    descent_direction_rule sd = descent_steepest_descent();
    descent_options options = descent_default_options();
    descent_result result;
    options.max_iterations = iterations;
    options.gradient_tolerance = tolerance;
    options.stall_iterations = 0;
    options.trace = trace;
    descent_minimize(f, &sd, &rule, &options, theta, &result);
    return result;
}

static double worst_cosine(descent_objective *f,
                           const descent_trace *trace, double a, double b)
{
    size_t n = f->n;
    double *g0 = malloc(2 * n * sizeof *g0), *g1 = g0 + n, worst = 0;
    assert_non_null(g0);
    descent_value_gradient(f, descent_trace_iterate(trace, 0), g1);
    for (size_t k = 0; k + 1 < trace->length; k++) {
        memcpy(g0, g1, n * sizeof *g0);
        descent_value_gradient(f, descent_trace_iterate(trace, k + 1), g1);
        double bound = a + b / cblas_dnrm2((int)n, g1, 1);
        worst = fmax(worst, fabs(cosine(n, g0, g1)) / bound);
    }
    free(g0);
    return worst;
}
static double cycle_factor(double w, double kappa)
{
    double v = w * (1 - w) * (kappa - 1) * (kappa - 1);
    return v / (kappa + v);
}

static double flat_direction(descent_objective *f, double *q1)
{
    const double minimizer[2] = {1, 1};
    double H[4], lambda[2];
    descent_error error;
    REQUIRE(descent_hessian(f, minimizer, H, &error), error);
    assert_int_equal(LAPACKE_dsyev(LAPACK_ROW_MAJOR, 'V', 'U', 2, H, 2,
                                   lambda), 0);
    q1[0] = H[0], q1[1] = H[2];          /* column of lambda[0] */
    return lambda[1] / lambda[0];
}
static int count_long_steps(descent_objective *f, const descent_trace *trace)
{
    int count = 0;
    for (size_t k = 0; k + 1 < trace->length; k++) {
        const double *theta = descent_trace_iterate(trace, k);
        double d[2], x[2], gx[2];
        descent_line_search nearest = descent_line_search_defaults();
        descent_trial trial = {.theta = x, .g = gx};
        descent_error error;
        descent_value_gradient(f, theta, d);
        cblas_dscal(2, -1.0, d, 1);
        nearest.initial_step = 1e-6 * trace->eta[k];
        nearest.max_evaluations = 500;
        REQUIRE(descent_line_search_run(descent_exact_step(&nearest), f,
                                        theta, d, &trial, &error), error);
        count += trace->eta[k] > 3 * trial.eta;
    }
    return count;
}
typedef struct cycle_run {
    size_t iterations;
    int long_steps;
    double weight, factor, predicted, deviation;
} cycle_run;

static cycle_run run_into_the_cycle(descent_objective *f,
                                    descent_step_rule rule,
                                    double kappa, const double *q1)
{
    descent_trace trace;
    descent_error error;
    double theta[2] = {-1.2, 1};
    cycle_run c = {0};
    REQUIRE(descent_trace_init(&trace, 2, true, &error), error);
    descent_result r = run_sd(f, rule, theta, 100000, 1e-4, &trace);
    expect(r.status, r.message, DESCENT_OK, "converged");
    assert_true(r.iterations >= 12);
    c.iterations = r.iterations;
    c.long_steps = count_long_steps(f, &trace);
    for (size_t k = c.iterations - 10; k <= c.iterations - 3; k++) {
        double g[2];
        descent_value_gradient(f, descent_trace_iterate(&trace, k), g);
        double along = cblas_ddot(2, g, 1, q1, 1);
        double w = along * along / cblas_ddot(2, g, 1, g, 1);
        double predicted = cycle_factor(w, kappa);
        double factor = trace.value[k + 1] / trace.value[k];
        c.deviation = fmax(c.deviation, fabs(factor - predicted) /
                                            (1 - predicted));
        c.weight += w * (1 - w) / 8;
        c.factor += log(factor) / 8;
        c.predicted += log(predicted) / 8;
    }
    c.factor = exp(c.factor);
    c.predicted = exp(c.predicted);
    descent_trace_free(&trace);
    return c;
}
static double falling(double x, void *c) { (void)c; return -x; }
static double flat(double x, void *c) { (void)c; (void)x; return 1; }
static double hole(double x, void *c)
{
    (void)c;
    return x > 1.5 && x < 1.6 ? NAN : (x - 2) * (x - 2);
}
#define BAD_SCALAR(arguments, want, fragment)                          \
    do {                                                              \
        BAD("descent_golden_section",                                 \
            descent_golden_section arguments, e, want, fragment);     \
        BAD("descent_brent", descent_brent arguments, e, want,        \
            fragment);                                                \
    } while (0)
#define VALID_SCALAR(why, arguments)                                  \
    do {                                                              \
        VALID("descent_golden_section", why,                          \
              descent_golden_section arguments, e);                   \
        VALID("descent_brent", why, descent_brent arguments, e);      \
    } while (0)
#define SCALAR_OPTION(field, value)                                   \
    (options = descent_scalar_default_options(),                      \
     options.field = (value), &options)
static double parabola(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = 2 * (x[0] - 2);
    return hole(x[0], NULL);
}

static double ramp(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = -1;
    return -x[0];
}

static descent_status search_step(descent_step_rule rule,
                                  descent_evaluate_fn *evaluate,
                                  double theta, double d, double *eta,
                                  descent_error *error)
{
    descent_objective f = {.n = 1, .evaluate = evaluate, .name = "test"};
    double x, gx;
    descent_trial trial = {.theta = &x, .g = &gx};
    descent_status status =
        descent_line_search_run(rule, &f, &theta, &d, &trial, error);
    *eta = trial.eta;
    return status;
}

static descent_status search_once(descent_step_rule rule,
                                  descent_evaluate_fn *evaluate,
                                  double theta, double d,
                                  descent_error *error)
{
    double eta;
    return search_step(rule, evaluate, theta, d, &eta, error);
}
#define BAD_DIRECTION(rule, evaluate, theta, d, fragment)              \
    BAD(#rule, search_once(rule(&s), evaluate, theta, d, &e), e,       \
        DESCENT_STEP_FAILED, fragment)
#define BAD_DIRECTIONS(evaluate, theta, d, fragment)                  \
    do {                                                              \
        BAD_DIRECTION(descent_exact_step, evaluate, theta, d,         \
                      fragment);                                      \
        BAD_DIRECTION(descent_armijo_step, evaluate, theta, d,        \
                      fragment);                                      \
        BAD_DIRECTION(descent_wolfe_step, evaluate, theta, d,         \
                      fragment);                                      \
    } while (0)
#define SEARCH_FIELD(rule, field, value)                              \
    (block = descent_line_search_defaults(), block.field = (value),   \
     search_once(rule(&block), parabola, 0, 1, &e))
#define BAD_FIELD(rule, field, value, fragment)                       \
    BAD(#rule, SEARCH_FIELD(rule, field, value), e,                   \
        DESCENT_INVALID_ARGUMENT, fragment)
#define BAD_FIELDS(field, value, fragment)                            \
    do {                                                              \
        BAD_FIELD(descent_exact_step, field, value, fragment);        \
        BAD_FIELD(descent_armijo_step, field, value, fragment);       \
        BAD_FIELD(descent_wolfe_step, field, value, fragment);        \
    } while (0)
#define BAD_INEXACT(field, value, fragment)                           \
    do {                                                              \
        BAD_FIELD(descent_armijo_step, field, value, fragment);       \
        BAD_FIELD(descent_wolfe_step, field, value, fragment);        \
    } while (0)
#define VALID_FIELD(rule, field, value, why)                          \
    VALID(#rule, why, SEARCH_FIELD(rule, field, value), e)
static double nan_gradient(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = NAN;
    return x[0] * x[0];
}
#define BAD_RUN(objective, theta, d, trial, want, fragment)           \
    BAD("descent_line_search_run",                                    \
        descent_line_search_run(wolfe, objective, theta, d, trial,    \
                                &e),                                  \
        e, want, fragment)
static double kink(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = x[0] < 1 ? -1 : 1;
    return fabs(x[0] - 1);
}
static double wrong_gradient(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = 1;
    return x[0] * x[0];
}

static double lifted_wrong_gradient(const double *x, double *g, void *c)
{
    return 1 + wrong_gradient(x, g, c);
}

static double far_wrong_gradient(const double *x, double *g, void *c)
{
    double far = x[0] - 1e10;
    return wrong_gradient(&far, g, c);
}
static double scaled_bowl(const double *x, double *g, void *c)
{
    double scale = *(const double *)c, value = 0;
    for (int i = 0; i < 10; i++) {
        value += 0.5 * scale * x[i] * x[i];
        if (g != NULL)
            g[i] = scale * x[i];
    }
    return value;
}

static double first_trial_length(int i, descent_line_search *s,
                                 double scale)
{
    descent_step_rule rules[3] = {descent_exact_step(s),
                                  descent_armijo_step(s),
                                  descent_wolfe_step(s)};
    descent_objective f = {.n = 10, .evaluate = scaled_bowl,
                           .context = &scale, .name = "scaled bowl"};
    double theta[10], d[10], x[10], gx[10];
    descent_trial trial = {.theta = x, .g = gx};
    descent_error e;
    for (int j = 0; j < 10; j++) {
        theta[j] = 1;
        d[j] = -scale;
    }
    REQUIRE(descent_line_search_run(rules[i], &f, theta, d, &trial, &e),
            e);
    return s->first_trial * scale * sqrt(10.0);
}
typedef struct cost_run {
    size_t iterations;
    unsigned long evaluations;
} cost_run;

static cost_run run_with_rule(int problem, int method,
                              descent_initial_rule rule)
{
    descent_error e;
    descent_rosenbrock r;
    descent_quadratic q = {0};
    double lambda[100], theta[100];
    descent_objective f;
    if (problem == 0) {
        REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &e), e);
        f = descent_rosenbrock_objective(&r);
    } else {
        for (int i = 0; i < 100; i++)
            lambda[i] = pow(1e3, i / 99.0);
        REQUIRE(descent_quadratic_spectrum(&q, 100, lambda, NULL, 0, 1,
                                           &e), e);
        f = descent_quadratic_objective(&q);
    }
    for (size_t i = 0; i < f.n; i++)
        theta[i] = problem == 0 ? (i == 0 ? -1.2 : 1) : cos((double)i + 1);
    descent_nonlinear_cg cg;
    REQUIRE(descent_nonlinear_cg_init(&cg, f.n, DESCENT_POLAK_RIBIERE_PLUS,
                                      0, &e), e);
    descent_direction_rule direction =
        method == 0 ? descent_steepest_descent()
                    : descent_nonlinear_cg_direction(&cg);
    descent_line_search search = descent_line_search_defaults();
    search.initial_rule = rule;
    search.c2 = method == 0 ? 0.9 : 0.1;
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.gradient_tolerance = 1e-6;
    options.max_iterations = 100000;
    descent_result result;
    descent_minimize(&f, &direction, &step, &options, theta, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    descent_nonlinear_cg_free(&cg);
    descent_quadratic_free(&q);
    return (cost_run){result.iterations, result.counts.values};
}
static double cosh_energy(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = sinh(x[0]);
    return cosh(x[0]);
}

static double nowhere(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = -1;
    return x[0] == 1 ? 0 : NAN;
}

static double level(const double *x, double *g, void *c)
{
    (void)c;
    (void)x;
    if (g != NULL)
        g[0] = 1;
    return 1;
}

static double shallow(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = 2e-20 * (x[0] - 1.6);
    return 1 + 1e-20 * (x[0] - 1.6) * (x[0] - 1.6);
}

static double bowl(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL)
        g[0] = 2 * (x[0] - 2);
    return (x[0] - 2) * (x[0] - 2);
}

static double far_and_near(const double *x, double *g, void *c)
{
    (void)c;
    if (g != NULL) {
        g[0] = 0;
        g[1] = 2 * (x[1] - 1e-7);
    }
    return (x[1] - 1e-7) * (x[1] - 1e-7);
}
typedef struct watched_line {
    int shape;
    size_t count;
    double alpha[64];
} watched_line;

static double watched_line_value(const double *x, double *g, void *context)
{
    watched_line *w = context;
    double t = x[0], value, slope;
    if (w->count < 64)
        w->alpha[w->count] = t;
    w->count++;
    if (w->shape == 0 && t <= 30) {
        value = -t - t * t;
        slope = -1 - 2 * t;
    } else if (w->shape == 0) {
        value = -930 - 61 * (t - 30) + 1000 * (t - 30) * (t - 30);
        slope = -61 + 2000 * (t - 30);
    } else if (w->shape == 1) {
        value = (t - 1.05) * (t - 1.05);
        slope = 2 * (t - 1.05);
    } else if (w->shape == 2) {
        value = -1e-3 * t + 100 * t * t;
        slope = -1e-3 + 200 * t;
    } else {
        if (w->shape == 3) {
            value = (t - 0.98) * (t - 0.98);
            slope = 2 * (t - 0.98);
        } else if (w->shape == 4 && t <= 30) {
            value = -t - t * t * t / 3;
            slope = -1 - t * t;
        } else if (w->shape == 4) {
            value = -9030 - 901 * (t - 30) + 1e5 * (t - 30) * (t - 30);
            slope = -901 + 2e5 * (t - 30);
        } else {
            double bump = 12 * exp(-(t - 4) * (t - 4));
            value = -t + bump;
            slope = -1 - 2 * (t - 4) * bump;
        }
    }
    if (g != NULL)
        g[0] = slope;
    return value;
}

static watched_line watch_search(int shape, double c2, double first,
                                 bool exact)
{
    watched_line w = {shape, 0, {0}};
    descent_objective f = {.n = 1, .evaluate = watched_line_value,
                           .context = &w, .name = "watched line"};
    descent_line_search s = descent_line_search_defaults();
    descent_error e;
    double theta = 0, d = 1, x, g;
    descent_trial trial = {.theta = &x, .g = &g};
    s.c2 = c2;
    s.initial_rule = DESCENT_INITIAL_FIXED;
    s.initial_step = first;
    REQUIRE(descent_line_search_run(exact ? descent_exact_step(&s)
                                          : descent_wolfe_step(&s),
                                    &f, &theta, &d, &trial, &e), e);
    assert_true(w.count >= 3 && w.count <= 64 && w.alpha[0] == 0);
    assert_true(w.alpha[w.count - 1] == trial.eta);
    return w;
}

static watched_line watch_wolfe_from(int shape, double c2, double first)
{
    return watch_search(shape, c2, first, false);
}

static watched_line watch_wolfe(int shape, double c2)
{
    return watch_search(shape, c2, 1, false);
}

static void wolfe_trial_steps(void **state)
{
    (void)state;
    watched_line w = watch_wolfe(0, 0.9);
    const double extension[4] = {1, 5, 21, 85};
    for (int i = 0; i < 4; i++)
        assert_true(w.alpha[i + 1] == extension[i]);
    w = watch_wolfe(1, 0.01);
    assert_true(w.alpha[1] == 1);
    assert_true(fabs(w.alpha[2] - 2.1) <= 4 * DBL_EPSILON);
    w = watch_wolfe(2, 0.9);
    assert_true(w.alpha[1] == 1 && w.count == 8);
    for (size_t i = 2; i < 7; i++)
        assert_true(fabs(w.alpha[i] / w.alpha[i - 1] - 0.1) <= 1e-12);
    assert_true(fabs(w.alpha[7] / 5e-6 - 1) <= 1e-12);
    w = watch_wolfe_from(1, 0.01, 0.6);
    assert_true(w.alpha[1] == 0.6);
    assert_true(fabs(w.alpha[2] - 1.26) <= 4 * DBL_EPSILON);
    w = watch_wolfe(3, 0.01);
    assert_true(w.count == 4 && w.alpha[1] == 1);
    assert_true(fabs(w.alpha[2] - 0.9) <= 4 * DBL_EPSILON);
    assert_true(fabs(w.alpha[3] - 0.98) <= 4 * DBL_EPSILON);
    w = watch_wolfe(4, 0.9);
    for (int i = 0; i < 4; i++)
        assert_true(w.alpha[i + 1] == extension[i]);
    for (int shape = 0; shape < 5; shape += 4) {
        w = watch_search(shape, 0.9, 1, true);
        for (int i = 0; i < 4; i++)
            assert_true(w.alpha[i + 1] == extension[i]);
    }
    w = watch_wolfe(5, 0.9);
    assert_true(w.alpha[1] == 1 && w.alpha[2] == 5);
    for (size_t i = 3; i < w.count; i++)
        assert_true(w.alpha[i] > 1 && w.alpha[i] < 5);
}
static double wave(const double *x, double *g, void *context)
{
    watched_line *w = context;
    if (w->count < 64)
        w->alpha[w->count] = x[0];
    w->count++;
    if (g != NULL)
        g[0] = -cos(5.5 * x[0]);
    return -sin(5.5 * x[0]) / 5.5;
}

static void exact_search_rises_and_falls(void **state)
{
    watched_line w = {0, 0, {0}};
    descent_objective f = {.n = 1, .evaluate = wave, .context = &w,
                           .name = "wave"};
    descent_line_search s = descent_line_search_defaults();
    descent_error e;
    double theta = 0, d = 1, x, g;
    descent_trial trial = {.theta = &x, .g = &g};
    (void)state;
    REQUIRE(descent_line_search_run(descent_exact_step(&s), &f, &theta, &d,
                                    &trial, &e), e);
    const double pi = acos(-1.0);
    assert_true(w.count >= 4 && w.count <= 64);
    assert_true(w.alpha[1] == 1 && w.alpha[2] == 0.5);
    for (size_t i = 3; i < w.count; i++)
        assert_true(w.alpha[i] > 0 && w.alpha[i] < 0.5);
    assert_true(fabs(trial.eta - pi / 11) <= 1e-12);
    assert_true(fabs(trial.value + sin(5.5 * trial.eta) / 5.5) <= 1e-15);
    s.max_evaluations = 4;
    w.count = 0;
    expect(descent_line_search_run(descent_exact_step(&s), &f, &theta, &d,
                                   &trial, &e),
           e.message, DESCENT_STEP_FAILED, "evaluation limit 4 reached");
    assert_true(s.evaluations == 4 && w.count == 5);
}
typedef struct scalar_line {
    int which;                   /* the case of scalar_cases */
    size_t count;
    double first_slope;          /* phi' at the first trial */
} scalar_line;

static double scalar_line_value(const double *x, double *g, void *context)
{
    scalar_line *w = context;
    double t = x[0], value, slope;
    switch (w->which) {
    case 0: value = pow(t, 4) - 3 * t; slope = 4 * t * t * t - 3; break;
    case 1: value = exp(t) - 5 * t; slope = exp(t) - 5; break;
    case 2: value = -t * exp(-t); slope = (t - 1) * exp(-t); break;
    case 3: value = sin(t); slope = cos(t); break;
    default: value = cosh(t) - 2 * t; slope = sinh(t) - 2; break;
    }
    if (w->count == 1)
        w->first_slope = slope;
    w->count++;
    if (g != NULL)
        g[0] = slope;
    return value;
}
static void search_defaults(void **state)
{
    descent_line_search s = descent_line_search_defaults();
    descent_scalar_options o = descent_scalar_default_options();
    (void)state;
    assert_true(s.c1 == 1e-4 && s.c2 == 0.9);
    assert_true(s.initial_rule == DESCENT_INITIAL_SLOPE_RATIO);
    assert_true(s.initial_step == 1 && s.trust_length == 1);
    assert_true(s.backtrack == 0.5 && s.max_length == 1e10);
    assert_int_equal(s.max_evaluations, 100);
    assert_true(s.tolerance == 1e-12);
    assert_true(o.relative_tolerance == ldexp(1, -26));
    assert_true(o.absolute_tolerance == 1e-12);
    assert_int_equal(o.max_evaluations, 500);
    assert_null(o.widths);
}
static void claim_golden_ratio(void **state)
{
    const double r = (sqrt(5.0) - 1) / 2;
    double widths[500], worst = 0;
    descent_scalar_options options = descent_scalar_default_options();
    descent_scalar_minimum minimum;
    descent_error error;
    (void)state;
    options.widths = widths;
    for (int i = 0; i < 5; i++) {
        scalar_case c = scalar_cases(i);
        REQUIRE(descent_golden_section(c.f, NULL, c.lower, c.upper,
                                       &options, &minimum, &error), error);
        for (size_t k = 2; k < minimum.evaluations; k++)
            if (widths[k] > 1e-6)
                worst = fmax(worst, fabs(widths[k] / widths[k - 1] - r));
    }
    bool holds = claim_report_at_most(
        "golden-ratio",
        "golden section shrinks the bracket by $(\\sqrt5-1)/2$ per "
        "evaluation", worst, 1e-8);
    assert_true(holds);
}
static void claim_brent_fewer(void **state)
{
    descent_scalar_options options = descent_scalar_default_options();
    descent_scalar_minimum golden, brent;
    descent_error error;
    int fewer = 0;
    (void)state;
    for (int i = 0; i < 5; i++) {
        scalar_case c = scalar_cases(i);
        REQUIRE(descent_golden_section(c.f, NULL, c.lower, c.upper,
                                       &options, &golden, &error), error);
        REQUIRE(descent_brent(c.f, NULL, c.lower, c.upper, &options,
                              &brent, &error), error);
        double x = c.minimizer;
        double allowed = 2 * (options.relative_tolerance * fabs(x) +
                              options.absolute_tolerance) +
                         2 * sqrt(DBL_EPSILON) * fmax(1, fabs(x));
        assert_true(fabs(golden.x - x) <= allowed);
        assert_true(fabs(brent.x - x) <= allowed);
        char golden_error[64], brent_error[64];
        claim_format(golden_error, sizeof golden_error, fabs(golden.x - x));
        claim_format(brent_error, sizeof brent_error, fabs(brent.x - x));
        claim_table_row("brent-golden-table", "%s & %s & %zu & %zu & %s & %s \\\\",
                        c.formula, c.interval, golden.evaluations,
                        brent.evaluations, golden_error, brent_error);
        fewer += brent.evaluations < golden.evaluations;
    }
    char measured[64];
    snprintf(measured, sizeof measured, "fewer on %d of 5", fewer);
    claim_report("brent-fewer",
                 "Brent needs fewer evaluations than golden section",
                 measured, "all 5", fewer == 5);
    assert_int_equal(fewer, 5);
}
typedef struct watched {
    descent_scalar_fn *f;
    double relative, absolute;   /* the tolerance rule */
    double best_x, best_f;
    size_t calls, too_close;
} watched;

static double watch(double x, void *context)
{
    watched *w = context;
    double fx = w->f(x, NULL);
    if (w->calls > 0 && fabs(x - w->best_x) <
                            0.999 * (w->relative * fabs(w->best_x) +
                                     w->absolute))
        w->too_close++;
    if (w->calls == 0 || fx <= w->best_f) {
        w->best_x = x;
        w->best_f = fx;
    }
    w->calls++;
    return fx;
}

static bool within_stopping_rule(const descent_scalar_options *options,
                                 const descent_scalar_minimum *m)
{
    double tau = options->relative_tolerance * fabs(m->x) +
                 options->absolute_tolerance;
    return fmax(m->x - m->lower, m->upper - m->x) <= 2 * tau;
}

static void scalar_stopping_rules(void **state)
{
    const double r = (sqrt(5.0) - 1) / 2;
    descent_scalar_minimum golden, brent;
    descent_error error;
    size_t mismatches = 0, outside = 0, too_close = 0, not_lowest = 0;
    (void)state;
    for (int rule = 0; rule < 2; rule++)
        for (int i = 0; i < 5; i++) {
            descent_scalar_options options = descent_scalar_default_options();
            if (rule == 1) {
                options.relative_tolerance = 0;
                options.absolute_tolerance = 1e-6;
            }
            scalar_case c = scalar_cases(i);
            watched wg = {c.f, 0, 0, NAN, NAN, 0, 0};
            REQUIRE(descent_golden_section(watch, &wg, c.lower, c.upper,
                                           &options, &golden, &error), error);
            watched w = {c.f, options.relative_tolerance,
                         options.absolute_tolerance, NAN, NAN, 0, 0};
            REQUIRE(descent_brent(watch, &w, c.lower, c.upper, &options,
                                  &brent, &error), error);
            double tau = options.relative_tolerance * fabs(golden.x) +
                         options.absolute_tolerance;
            double width = c.upper - c.lower;
            size_t count = 2;
            while (r * width > 2 * tau) {
                width *= r;
                count++;
            }
            mismatches += golden.evaluations != count;
            outside += !within_stopping_rule(&options, &golden) +
                       !within_stopping_rule(&options, &brent);
            too_close += w.too_close;
            not_lowest += golden.value != wg.best_f ||
                          golden.value != c.f(golden.x, NULL) ||
                          brent.value != w.best_f ||
                          brent.value != c.f(brent.x, NULL);
            assert_int_equal(w.calls, brent.evaluations);
            assert_int_equal(wg.calls, golden.evaluations);
        }
    print_message("  stopping rules: %zu golden counts off, %zu brackets "
                  "too wide, %zu Brent evaluations too close, %zu answers "
                  "not the lowest point\n", mismatches, outside, too_close,
                  not_lowest);
    assert_int_equal(not_lowest, 0);
    assert_int_equal(mismatches, 0);
    assert_int_equal(outside, 0);
    assert_int_equal(too_close, 0);
}
typedef struct vertex_watch {
    double vertex;
    size_t count;
    double x[600];
} vertex_watch;

static double vertex_parabola(double x, void *context)
{
    vertex_watch *w = context;
    if (w->count < 600)
        w->x[w->count] = x;
    w->count++;
    return 3 * (x - w->vertex) * (x - w->vertex);
}

static void brent_on_parabolas(void **state)
{
    const double cases[10][3] = {
        {0.3, 0, 1}, {0.9, 0, 1}, {0.1, 0, 1}, {-3.1, -4, -3},
        {-3.7, -4, -3}, {-3.95, -4, -3}, {4.5, 3, 6}, {-0.5, -1, 1},
        {1.05, 0, 1}, {-4.05, -4, -3}};
    descent_scalar_minimum m;
    descent_error error;
    (void)state;
    for (int rule = 0; rule < 2; rule++)
        for (int i = 0; i < 10; i++) {
            descent_scalar_options options = descent_scalar_default_options();
            if (rule == 1) {
                options.relative_tolerance = 0;
                options.absolute_tolerance = 1e-6;
            }
            vertex_watch w = {.vertex = cases[i][0]};
            REQUIRE(descent_brent(vertex_parabola, &w, cases[i][1],
                                  cases[i][2], &options, &m, &error), error);
            assert_int_equal(w.count, m.evaluations);
            if (i >= 8) {
                assert_int_equal(m.parabolic_steps, 0);
                continue;
            }
            double rounding = 4 * DBL_EPSILON * fmax(1, fabs(w.vertex));
            assert_int_equal(m.evaluations, 6);
            assert_int_equal(m.parabolic_steps, 3);
            assert_true(fabs(w.x[3] - w.vertex) <= rounding);
            assert_true(fabs(m.x - w.vertex) <= rounding);
        }
}
static double vee(double x, void *c) { (void)c; return fabs(x - 0.3); }
static double cusp(double x, void *c) { (void)c; return sqrt(fabs(x - 0.3)); }

typedef struct brent_history {
    descent_scalar_fn *f;
    double lower, upper, relative, absolute;
    size_t count, strays, slow;
    double x[600], fx[600], step[600];
    int kind[600];               /* 2: a step of tau, 1: the vertex only */
} brent_history;

static int lowest_seen(const brent_history *h, int skip1, int skip2)
{
    int best = -1;
    for (int i = 0; i < (int)h->count && i < 600; i++)
        if (i != skip1 && i != skip2 && (best < 0 || h->fx[i] <= h->fx[best]))
            best = i;
    return best;
}
static void classify_brent_step(brent_history *h, double u)
{
    const double r = (sqrt(5.0) - 1) / 2;
    int ix = lowest_seen(h, -1, -1), iw = lowest_seen(h, ix, -1),
        iv = lowest_seen(h, ix, iw);
    double x = h->x[ix], a = h->lower, b = h->upper, vertex = NAN;
    for (size_t i = 0; i < h->count; i++) {
        if (h->x[i] < x)
            a = fmax(a, h->x[i]);
        if (h->x[i] > x)
            b = fmin(b, h->x[i]);
    }
    double tau = h->relative * fabs(x) + h->absolute;
    double golden = x < 0.5 * (a + b) ? x + (1 - r) * (b - x)
                                      : x + (1 - r) * (a - x);
    if (iv >= 0) {
        double w = h->x[iw], v = h->x[iv];
        double fx = h->fx[ix], fw = h->fx[iw], fv = h->fx[iv];
        vertex = x - 0.5 * ((x - w) * (x - w) * (fx - fv) -
                            (x - v) * (x - v) * (fx - fw)) /
                           ((x - w) * (fx - fv) - (x - v) * (fx - fw));
    }
    bool is_tau = fabs(fabs(u - x) - tau) <= 4 * DBL_EPSILON * fabs(x);
    bool is_golden = fabs(u - golden) <= 1e-9 * (b - a);
    bool is_vertex = fabs(u - vertex) <= 1e-9 * (b - a);
    size_t k = h->count;
    h->kind[k] = is_tau ? 2 : is_vertex && !is_golden ? 1 : 0;
    h->step[k] = fabs(u - x);
    h->strays += !(is_tau || is_golden || is_vertex);
    h->slow += k >= 3 && h->kind[k] == 1 && h->kind[k - 1] == 1 &&
               h->kind[k - 2] != 2 && !(h->step[k] < 0.5 * h->step[k - 2]);
}

static double brent_watched(double u, void *context)
{
    brent_history *h = context;
    double fu = h->f(u, NULL);
    if (h->count > 0 && h->count < 600)
        classify_brent_step(h, u);
    if (h->count < 600) {
        h->x[h->count] = u;
        h->fx[h->count] = fu;
    }
    h->count++;
    return fu;
}
static void brent_steps(void **state)
{
    static brent_history h;
    descent_scalar_minimum m;
    descent_error error;
    size_t strays = 0, slow = 0;
    (void)state;
    for (int rule = 0; rule < 2; rule++)
        for (int i = 0; i < 7; i++) {
            descent_scalar_options options = descent_scalar_default_options();
            if (rule == 1) {
                options.relative_tolerance = 0;
                options.absolute_tolerance = 1e-6;
            }
            scalar_case c = i < 5 ? scalar_cases(i)
                                  : (scalar_case){i == 5 ? vee : cusp, 0, 1,
                                                  0.3, "", ""};
            h = (brent_history){c.f, c.lower, c.upper,
                                options.relative_tolerance,
                                options.absolute_tolerance, 0, 0, 0,
                                {0}, {0}, {0}, {0}};
            REQUIRE(descent_brent(brent_watched, &h, c.lower, c.upper,
                                  &options, &m, &error), error);
            assert_true(h.count == m.evaluations && h.count < 600);
            strays += h.strays;
            slow += h.slow;
        }
    print_message("  Brent's steps: %zu of no kind, %zu parabolic steps "
                  "too long\n", strays, slow);
    assert_int_equal(strays, 0);
    assert_int_equal(slow, 0);
}
typedef struct walk {
    double minimizer;
    size_t count;
    double x[200], fx[200];
} walk;

static double walked_parabola(double x, void *context)
{
    walk *w = context;
    double value = (x - w->minimizer) * (x - w->minimizer);
    if (w->count < 200) {
        w->x[w->count] = x;
        w->fx[w->count] = value;
    }
    w->count++;
    return value;
}

static void bracket_a_minimum(void **state)
{
    const double r = (sqrt(5.0) - 1) / 2;
    const double minimizers[8] = {10, 1e3, 1e6, -10, -1e3, -1e6, 1.5, -0.5};
    descent_error e;
    (void)state;
    for (int i = 0; i < 8; i++) {
        walk w = {.minimizer = minimizers[i]};
        double x[3] = {NAN, NAN, NAN}, fx[3] = {NAN, NAN, NAN};
        size_t count;
        REQUIRE(descent_bracket_minimum(walked_parabola, &w, 0, 1, 200, x, fx,
                                        &count, &e), e);
        assert_int_equal(count, w.count);
        assert_true(count >= (i < 6 ? 4 : 3) && count <= 200);
        assert_true((double)count <= 3 + log(fabs(w.minimizer) + 1) / log(1 / r));
        size_t low = w.fx[1] < w.fx[0];           /* the lower start */
        size_t before = low;                      /* the point walked from */
        double stride = w.x[low] - w.x[1 - low];
        for (size_t k = 2; k < count; k++) {
            double step = w.x[k] - w.x[before];
            assert_true(fabs(step / stride - 1 / r) <= 1e-12);
            if (k + 1 < count)
                assert_true(w.fx[k] < w.fx[before]);
            else
                assert_true(w.fx[k] > w.fx[before]);
            before = k;
            stride = step;
        }
        assert_true(x[0] < x[1] && x[1] < x[2]);
        assert_true(fx[1] < fx[0] && fx[1] < fx[2]);
        assert_true(x[0] < w.minimizer && w.minimizer < x[2]);
        for (int j = 0; j < 3; j++)
            assert_true(fx[j] == (x[j] - w.minimizer) * (x[j] - w.minimizer));
    }
}
static void claim_exact_orthogonal(void **state)
{
    const double kappas[4] = {10, 1e2, 1e3, 1e4};
    const size_t sizes[2] = {10, 100};
    double lambda[100], theta[100], on_quadratics = 0;
    descent_line_search search = descent_line_search_defaults();
    descent_error error;
    descent_trace trace;
    (void)state;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 4; j++) {
            size_t n = sizes[i];
            descent_quadratic q;
            spectrum(n, kappas[j], lambda);
            REQUIRE(descent_quadratic_spectrum(&q, n, lambda, NULL, 0, 20 + j,
                                               &error), error);
            REQUIRE(descent_trace_init(&trace, n, true, &error), error);
            random_normal(n, 30 + j, theta);
            descent_objective f = descent_quadratic_objective(&q);
            descent_result r = run_sd(&f, descent_exact_step(&search), theta, 300,
                                      0, &trace);
            assert_true(r.status == DESCENT_MAX_ITERATIONS ||
                        r.status == DESCENT_OK);
            on_quadratics = fmax(on_quadratics, worst_cosine(&f, &trace, 1, 0));
            descent_trace_free(&trace);
            descent_quadratic_free(&q);
        }
    descent_rosenbrock rosenbrock;
    double start[2] = {-1.2, 1};
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 2, 1, 100, &error), error);
    REQUIRE(descent_trace_init(&trace, 2, true, &error), error);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    descent_result r = run_sd(&f, descent_exact_step(&search), start, 100000,
                              1e-6, &trace);
    expect(r.status, r.message, DESCENT_OK, "converged");
    double on_rosenbrock = worst_cosine(&f, &trace, 1e-8, 1e-13);
    descent_trace_free(&trace);
    char measured[192], quadratics[40], rosen[40];
    claim_format(quadratics, sizeof quadratics, on_quadratics);
    claim_format(rosen, sizeof rosen, on_rosenbrock);
    snprintf(measured, sizeof measured, "cosines up to %s on the "
             "quadratics, up to %s of the bound on Rosenbrock's function",
             quadratics, rosen);
    bool holds = on_quadratics <= 1e-8 && on_rosenbrock <= 1;
    claim_report("exact-orthogonal",
                 "exact steps make consecutive directions orthogonal",
                 measured, "cosines up to $10^{-8}$ on the quadratics, up "
                 "to the bound on Rosenbrock's function", holds);
    assert_true(holds);
}
static void claim_exact_closed_form(void **state)
{
    enum { n = 10 };
    double lambda[n], b[n], theta[n], g[n], d[n], Ad[n], x[n], gx[n];
    double worst = 0;
    descent_line_search search = descent_line_search_defaults();
    descent_error error;
    descent_quadratic q;
    (void)state;
    spectrum(n, 1e3, lambda);
    random_normal(n, 40, b);
    REQUIRE(descent_quadratic_spectrum(&q, n, lambda, b, 0, 41, &error),
            error);
    descent_objective f = descent_quadratic_objective(&q);
    for (unsigned c = 0; c < 50; c++) {
        random_normal(n, 100 + c, theta);
        descent_value_gradient(&f, theta, g);
        random_normal(n, 200 + c, d);
        if (c % 2 == 0)
            for (int i = 0; i < n; i++)
                d[i] = -g[i];
        else if (cblas_ddot(n, g, 1, d, 1) > 0)
            cblas_dscal(n, -1.0, d, 1);
        descent_trial trial = {.theta = x, .g = gx};
        REQUIRE(descent_line_search_run(descent_exact_step(&search), &f,
                                        theta, d, &trial, &error), error);
        cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, q.A, n, d, 1, 0.0,
                    Ad, 1);
        double closed = -cblas_ddot(n, g, 1, d, 1) /
                        cblas_ddot(n, d, 1, Ad, 1);
        worst = fmax(worst, fabs(trial.eta - closed) / closed);
    }
    descent_quadratic_free(&q);
    bool holds = claim_report_at_most(
        "exact-closed-form",
        "on quadratics the exact step is $-g^{\\mathsf T}d/d^{\\mathsf T}Ad$",
        worst, 1e-10);
    assert_true(holds);
}
static void claim_exact_kantorovich(void **state)
{
    enum { n = 10 };
    const double kappas[4] = {10, 1e2, 1e3, 1e4};
    double lambda[n], theta[n], excess = -1, worst_gap = 0;
    descent_line_search search = descent_line_search_defaults();
    descent_error error;
    descent_trace trace;
    (void)state;
    REQUIRE(descent_trace_init(&trace, n, false, &error), error);
    for (int j = 0; j < 4; j++) {
        double rho = (kappas[j] - 1) / (kappas[j] + 1);
        descent_quadratic q;
        spectrum(n, kappas[j], lambda);
        REQUIRE(descent_quadratic_spectrum(&q, n, lambda, NULL, 0, 50 + j,
                                           &error), error);
        descent_objective f = descent_quadratic_objective(&q);
        for (int worst_start = 0; worst_start < 2; worst_start++) {
            if (worst_start)
                for (int r = 0; r < n; r++)
                    theta[r] = q.Q[r * n] / lambda[0] +
                               q.Q[r * n + n - 1] / lambda[n - 1];
            else
                random_normal(n, 60 + j, theta);
            descent_result result =
                run_sd(&f, descent_exact_step(&search), theta, 50, 0, &trace);
            assert_int_equal(result.status, DESCENT_MAX_ITERATIONS);
            for (size_t k = 0; k + 1 < trace.length; k++) {
                double factor = trace.value[k + 1] / trace.value[k];
                excess = fmax(excess, factor - rho * rho);
                if (worst_start)
                    worst_gap = fmax(worst_gap, fabs(factor - rho * rho));
            }
        }
        descent_quadratic_free(&q);
    }
    descent_trace_free(&trace);
    char measured[192], excess_text[40], gap_text[40];
    claim_format(excess_text, sizeof excess_text, excess);
    claim_format(gap_text, sizeof gap_text, worst_gap);
    snprintf(measured, sizeof measured, "factors at most %s above the "
             "bound, and within %s of it from the worst start", excess_text,
             gap_text);
    bool holds = excess <= 1e-11 && worst_gap <= 1e-9;
    claim_report("exact-kantorovich",
                 "exact steps cut $E-E^*$ by at least "
                 "$((\\kappa-1)/(\\kappa+1))^2$, attained from the worst start",
                 measured, "at most $10^{-11}$ above, within $10^{-9}$ from "
                 "the worst start", holds);
    assert_true(holds);
}
static void claim_inexact_conditions(void **state)
{
    descent_rosenbrock r2, r10;
    descent_quadratic q;
    descent_error error;
    double lambda[10], theta[10], d[10], g[10], x[10], gx[10];
    int satisfied = 0, cases = 1000;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r2, 2, 1, 100, &error), error);
    REQUIRE(descent_rosenbrock_init(&r10, 10, 1, 100, &error), error);
    spectrum(10, 1e3, lambda);
    REQUIRE(descent_quadratic_spectrum(&q, 10, lambda, NULL, 0, 70,
                                       &error), error);
    descent_objective functions[3] = {descent_rosenbrock_objective(&r2),
                                      descent_rosenbrock_objective(&r10),
                                      descent_quadratic_objective(&q)};
    for (int c = 0; c < cases; c++) {
        descent_objective *f = &functions[c % 3];
        size_t n = f->n;
        random_normal(n, 1000 + (unsigned)c, theta);
        descent_value_gradient(f, theta, g);
        random_normal(n, 3000 + (unsigned)c, d);
        if (c % 10 == 9) {
            double gg = cblas_ddot((int)n, g, 1, g, 1);
            cblas_daxpy((int)n, -cblas_ddot((int)n, g, 1, d, 1) / gg, g, 1, d, 1);
            cblas_dscal((int)n, sin(89 * acos(-1.0) / 180) /
                                    cblas_dnrm2((int)n, d, 1), d, 1);
            cblas_daxpy((int)n, -cos(89 * acos(-1.0) / 180) / sqrt(gg), g, 1, d,
                        1);
        } else if (cblas_ddot((int)n, g, 1, d, 1) > 0) {
            cblas_dscal((int)n, -1.0, d, 1);
        }
        descent_line_search search = descent_line_search_defaults();
        search.c2 = c % 2 ? 0.9 : 0.1;
        double value0 = descent_value(f, theta);
        double slope0 = cblas_ddot((int)n, g, 1, d, 1);
        descent_trial trial = {.theta = x, .g = gx};
        REQUIRE(descent_line_search_run(descent_armijo_step(&search), f, theta,
                                        d, &trial, &error), error);
        bool armijo = trial.value <= value0 + search.c1 * trial.eta * slope0;
        REQUIRE(descent_line_search_run(descent_wolfe_step(&search), f, theta, d,
                                        &trial, &error), error);
        memcpy(x, theta, n * sizeof *x);
        cblas_daxpy((int)n, trial.eta, d, 1, x, 1);
        double value = descent_value_gradient(f, x, gx);
        double slope = cblas_ddot((int)n, gx, 1, d, 1);
        bool wolfe = value <= value0 + search.c1 * trial.eta * slope0 &&
                     fabs(slope) <= search.c2 * fabs(slope0);
        satisfied += armijo && wolfe;
    }
    descent_quadratic_free(&q);
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d cases", satisfied, cases);
    snprintf(bound, sizeof bound, "all %d", cases);
    claim_report("inexact-conditions",
                 "backtracking steps satisfy sufficient decrease, Wolfe steps "
                 "both strong Wolfe conditions", measured, bound,
                 satisfied == cases);
    assert_int_equal(satisfied, cases);
}
static void claim_akaike_cycle(void **state)
{
    const double c2[6] = {0.1, 0.3, 0.5, 0.7, 0.9, 0.99};
    descent_rosenbrock rosenbrock;
    descent_error error;
    cycle_run runs[8];
    double q1[2], worst = 0;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 2, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    double kappa = flat_direction(&f, q1);
    for (int i = 0; i < 8; i++) {
        descent_line_search search = descent_line_search_defaults();
        descent_step_rule rule = descent_exact_step(&search);
        char name[64] = "exact";
        if (i > 0)                      /* as in Figure~\ref{fig:ls-evaluations} */
            search.initial_rule = DESCENT_INITIAL_FIXED;
        if (i == 7) {
            rule = descent_armijo_step(&search);
            snprintf(name, sizeof name, "backtracking");
        } else if (i > 0) {
            search.c2 = c2[i - 1];
            rule = descent_wolfe_step(&search);
            snprintf(name, sizeof name, "strong Wolfe, $c_2=%g$", c2[i - 1]);
        }
        runs[i] = run_into_the_cycle(&f, rule, kappa, q1);
        if (i < 7)
            worst = fmax(worst, runs[i].deviation);
        char weight[40];
        claim_format(weight, sizeof weight, runs[i].weight);
        claim_table_row("akaike-cycle-table",
                        "%s & %zu & %d & %s & %.5f & %.5f \\\\", name,
                        runs[i].iterations, runs[i].long_steps, weight,
                        runs[i].factor, runs[i].predicted);
    }
    bool ordered = true;
    for (int i = 0; i < 7; i++)
        for (int j = 0; j < 7; j++)
            if (2 * runs[i].weight <= runs[j].weight &&
                runs[i].iterations >= runs[j].iterations)
                ordered = false;
    char measured[192], deviation[40];
    claim_format(deviation, sizeof deviation, 100 * worst);
    snprintf(measured, sizeof measured, "rates within %s\\%% of the "
             "cycle's, and counts %s", deviation,
             ordered ? "in the order of $w(1-w)$ where it differs by 2 or "
                       "more" : "out of order");
    bool holds = worst <= 0.01 && ordered;
    claim_report("akaike-cycle",
                 "steepest descent on Rosenbrock's function ends in Akaike's "
                 "cycle, whose weight sets the count",
                 measured, "rates within 1\\%, counts in that order where "
                 "the weights differ by a factor of 2", holds);
    assert_true(holds);
}
static void claim_first_trial_trust(void **state)
{
    const descent_initial_rule adaptive[2] = {
        DESCENT_INITIAL_SLOPE_RATIO, DESCENT_INITIAL_QUADRATIC};
    const double trusts[2] = {1, 1e-2};
    double worst = 0;
    (void)state;
    for (int i = 0; i < 3; i++)
        for (int a = 0; a < 2; a++)
            for (int t = 0; t < 2; t++)
                for (int k = -3; k <= 5; k++) {
                    descent_line_search s = descent_line_search_defaults();
                    s.initial_rule = adaptive[a];
                    s.trust_length = trusts[t];
                    double scale = pow(10, k), length;
                    length = first_trial_length(i, &s, scale);
                    worst = fmax(worst, length / trusts[t]);
                }
    bool holds = claim_report_at_most(
        "first-trial-trust",
        "the first trial of a run is no longer than the trust length",
        worst, 1 + 4 * DBL_EPSILON);
    assert_true(holds);
}
static void claim_first_trial_cost(void **state)
{
    const char *rule_names[3] = {"slope ratio", "quadratic", "fixed $\\alpha_0=1$"};
    const char *problem_names[2] = {"Rosenbrock, $n=2$",
                                    "quadratic, $n=100$"};
    bool cheaper = true;
    double worst = 0;
    (void)state;
    for (int p = 0; p < 2; p++)
        for (int m = 0; m < 2; m++) {
            double per_search[3];
            for (int r = 0; r < 3; r++) {
                cost_run run = run_with_rule(p, m, (descent_initial_rule)r);
                per_search[r] = run.evaluations / (double)run.iterations;
                claim_table_row("first-trial-cost-table",
                                "%s & %s & %s & %zu & %lu & %.2f \\\\",
                                m == 0 && r == 0 ? problem_names[p] : "",
                                r == 0 ? (m == 0 ? "steepest descent"
                                                 : "PR+") : "",
                                rule_names[r], run.iterations,
                                run.evaluations, per_search[r]);
            }
            worst = fmax(worst, per_search[0] / per_search[2]);
            cheaper = cheaper && per_search[0] < per_search[2];
        }
    char measured[64];
    snprintf(measured, sizeof measured, "ratio at most $%.3f$", worst);
    claim_report("first-trial-cost",
                 "the slope-ratio rule costs fewer evaluations per search "
                 "than $\\alpha_0=1$", measured, "ratio below $1$",
                 cheaper);
    assert_true(cheaper);
}
static void exact_search_cost(void **state)
{
    size_t worst = 0;
    (void)state;
    for (int i = 0; i < 5; i++)
        for (int r = 0; r < 3; r++) {
            scalar_case c = scalar_cases(i);
            scalar_line w = {i, 0, NAN};
            descent_objective f = {.n = 1, .evaluate = scalar_line_value,
                                   .context = &w, .name = "scalar line"};
            descent_line_search s = descent_line_search_defaults();
            descent_step_rule rules[3] = {descent_exact_step(&s),
                                          descent_armijo_step(&s),
                                          descent_wolfe_step(&s)};
            descent_error e;
            double theta = c.lower, d = 1, x, g;
            descent_trial trial = {.theta = &x, .g = &g};
            s.initial_rule = DESCENT_INITIAL_FIXED;
            s.initial_step = c.upper - c.lower;
            REQUIRE(descent_line_search_run(rules[r], &f, &theta, &d, &trial,
                                            &e), e);
            assert_int_equal(w.count, 1 + s.evaluations + (r == 1));
            assert_true(trial.evaluated == (r != 1));
            if (r > 0)
                continue;
            assert_true(w.first_slope > 0);
            assert_true(fabs(theta + trial.eta - c.minimizer) <=
                        1e-12 * fabs(c.minimizer));
            worst = s.evaluations - 1 > worst ? s.evaluations - 1 : worst;
        }
    print_message("  exact search: at most %zu evaluations to find the "
                  "root\n", worst);
    assert_true(worst <= 11);
}
static double square_root_line(const double *x, double *g, void *context)
{
    watched_line *w = context;
    double t = x[0];
    if (w->count < 64)
        w->alpha[w->count] = t;
    w->count++;
    if (g != NULL)
        g[0] = 2 * (sqrt(t) - 1);
    return 4.0 / 3 * t * sqrt(t) - 2 * t;
}

static void exact_search_root_steps(void **state)
{
    const double firsts[4] = {1.5, 2, 3, 3.5};
    (void)state;
    for (int i = 0; i < 4; i++) {
        watched_line w = {0, 0, {0}};
        descent_objective f = {.n = 1, .evaluate = square_root_line,
                               .context = &w, .name = "square-root line"};
        descent_line_search s = descent_line_search_defaults();
        descent_error e;
        double theta = 0, d = 1, x, g, t = firsts[i];
        descent_trial trial = {.theta = &x, .g = &g};
        s.initial_rule = DESCENT_INITIAL_FIXED;
        s.initial_step = t;
        REQUIRE(descent_line_search_run(descent_exact_step(&s), &f, &theta,
                                        &d, &trial, &e), e);
        assert_true(w.count >= 4 && w.count <= 5);
        assert_int_equal(s.evaluations, w.count - 1);
        assert_true(w.alpha[1] == t);
        assert_true(fabs(w.alpha[2] - sqrt(t)) <= 4 * DBL_EPSILON * t);
        assert_true(fabs(w.alpha[3] - 1) <= 4 * DBL_EPSILON);
        assert_true(fabs(trial.eta - 1) <= 4 * DBL_EPSILON);
        d = -1;
        expect(descent_line_search_run(descent_exact_step(&s), &f, &theta, &d,
                                       &trial, &e),
               e.message, DESCENT_STEP_FAILED, "not a descent direction");
        assert_true(s.evaluations == 0 && isnan(s.first_trial));
    }
}
static void second_first_trial(void **state)
{
    descent_rosenbrock r;
    descent_trace trace;
    descent_error e;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &e), e);
    REQUIRE(descent_trace_init(&trace, 2, true, &e), e);
    descent_objective f = descent_rosenbrock_objective(&r);
    for (int i = 0; i < 3; i++)
        for (int rule = 0; rule < 2; rule++) {
            descent_line_search s = descent_line_search_defaults();
            descent_step_rule rules[3] = {descent_exact_step(&s),
                                          descent_armijo_step(&s),
                                          descent_wolfe_step(&s)};
            double theta[2] = {-1.2, 1}, g0[2], g1[2];
            s.initial_rule = rule == 0 ? DESCENT_INITIAL_QUADRATIC
                                       : DESCENT_INITIAL_SLOPE_RATIO;
            descent_result result = run_sd(&f, rules[i], theta, 2, 0, &trace);
            assert_int_equal(result.iterations, 2);
            descent_value_gradient(&f, descent_trace_iterate(&trace, 0), g0);
            descent_value_gradient(&f, descent_trace_iterate(&trace, 1), g1);
            double slope0 = -cblas_ddot(2, g0, 1, g0, 1);
            double slope1 = -cblas_ddot(2, g1, 1, g1, 1);
            double want = rule == 0 ? 2.02 * (trace.value[1] - trace.value[0]) /
                                          slope1
                                    : trace.eta[0] * slope0 / slope1;
            assert_true(fabs(s.first_trial / want - 1) <= 1e-14);
            assert_true(s.previous_value == trace.value[1]);
        }
    descent_trace_free(&trace);
}
static void scalar_records(void **state)
{
    double widths[501];
    descent_scalar_minimum golden, brent;
    descent_error error;
    (void)state;
    for (int rule = 0; rule < 2; rule++)
        for (int i = 0; i < 5; i++) {
            scalar_case c = scalar_cases(i);
            descent_scalar_options options = descent_scalar_default_options();
            if (rule == 1) {
                options.relative_tolerance = 0;
                options.absolute_tolerance = 1e-6;
            }
            options.widths = widths;
            for (int k = 0; k < 501; k++)
                widths[k] = NAN;
            REQUIRE(descent_golden_section(c.f, NULL, c.lower, c.upper,
                                           &options, &golden, &error), error);
            size_t m = golden.evaluations;
            assert_true(widths[0] == c.upper - c.lower &&
                        widths[1] == c.upper - c.lower);
            for (size_t k = 2; k < m; k++)
                assert_true(widths[k] < widths[k - 1]);
            assert_true(widths[m - 1] == golden.upper - golden.lower);
            assert_true(isnan(widths[m]));
            assert_int_equal(golden.parabolic_steps, 0);
            for (int k = 0; k < 501; k++)
                widths[k] = NAN;
            REQUIRE(descent_brent(c.f, NULL, c.lower, c.upper, &options,
                                  &brent, &error), error);
            m = brent.evaluations;
            assert_true(widths[0] == c.upper - c.lower);
            for (size_t k = 1; k < m; k++)
                assert_true(widths[k] <= widths[k - 1]);
            assert_true(widths[m - 1] == brent.upper - brent.lower);
            assert_true(isnan(widths[m]));
            assert_int_equal(brent.parabolic_steps, brent.evaluations - 3);
        }
}
static void bad_scalar_input(void **state)
{
    descent_scalar_options options = descent_scalar_default_options();
    descent_scalar_minimum m;
    descent_error e;
    double x[3], fx[3];
    size_t count;
    (void)state;
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            NULL, NULL, 0, 1, 40, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "bracketing: f is NULL");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, 0, 1, 40, NULL, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "x is NULL");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, 0, 1, 40, x, NULL, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "fx is NULL");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, NAN, 1, 40, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "a = nan");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, -INFINITY, 1, 40, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "a = -inf");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, 0, INFINITY, 40, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "b = inf");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, 1, 1, 40, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "a = b = 1");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, -DBL_MAX, DBL_MAX, 40, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "width b - a");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, 0, 1, 0, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "max_evaluations = 0");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            sine, NULL, 0, 1, 2, x, fx, &count, &e),
        e, DESCENT_INVALID_ARGUMENT, "max_evaluations = 2");
    VALID("descent_bracket_minimum", "the count is optional",
          descent_bracket_minimum(sine, NULL, 0, 1, 40, x, fx, NULL, &e), e);
    VALID("descent_bracket_minimum", "the error is optional",
          descent_bracket_minimum(sine, NULL, 0, 1, 40, x, fx, &count,
                                  NULL), e);
    BAD_SCALAR((NULL, NULL, 0, 1, NULL, &m, &e), DESCENT_INVALID_ARGUMENT,
               "f is NULL");
    BAD_SCALAR((sine, NULL, NAN, 6, NULL, &m, &e), DESCENT_INVALID_ARGUMENT,
               "a = nan");
    BAD_SCALAR((sine, NULL, 3, NAN, NULL, &m, &e), DESCENT_INVALID_ARGUMENT,
               "b = nan");
    BAD_SCALAR((sine, NULL, 0, INFINITY, NULL, &m, &e),
               DESCENT_INVALID_ARGUMENT, "b = inf");
    BAD_SCALAR((sine, NULL, -INFINITY, 6, NULL, &m, &e),
               DESCENT_INVALID_ARGUMENT, "a = -inf");
    BAD_SCALAR((sine, NULL, 1, 1, NULL, &m, &e), DESCENT_INVALID_ARGUMENT,
               "a = b = 1");
    BAD_SCALAR((sine, NULL, -DBL_MAX, DBL_MAX, NULL, &m, &e),
               DESCENT_INVALID_ARGUMENT, "width b - a");
    BAD_SCALAR((sine, NULL, 3, 6, NULL, NULL, &e), DESCENT_INVALID_ARGUMENT,
               "minimum is NULL");
    BAD_SCALAR((sine, NULL, 3, 6, SCALAR_OPTION(relative_tolerance, NAN),
                &m, &e), DESCENT_INVALID_ARGUMENT, "relative_tolerance = nan");
    BAD_SCALAR((sine, NULL, 3, 6, SCALAR_OPTION(relative_tolerance, -1),
                &m, &e), DESCENT_INVALID_ARGUMENT, "relative_tolerance = -1");
    BAD_SCALAR((sine, NULL, 3, 6, SCALAR_OPTION(relative_tolerance, INFINITY),
                &m, &e), DESCENT_INVALID_ARGUMENT, "relative_tolerance = inf");
    BAD_SCALAR((sine, NULL, 3, 6, SCALAR_OPTION(absolute_tolerance, NAN),
                &m, &e), DESCENT_INVALID_ARGUMENT, "absolute_tolerance = nan");
    BAD_SCALAR((sine, NULL, 3, 6,
                SCALAR_OPTION(absolute_tolerance, -INFINITY), &m, &e),
               DESCENT_INVALID_ARGUMENT, "absolute_tolerance = -inf");
    BAD_SCALAR((sine, NULL, 3, 6,
                (options = descent_scalar_default_options(),
                 options.relative_tolerance = options.absolute_tolerance = 0,
                 &options), &m, &e), DESCENT_INVALID_ARGUMENT, "both 0");
    BAD_SCALAR((sine, NULL, 3, 6, SCALAR_OPTION(max_evaluations, 0), &m, &e),
               DESCENT_INVALID_ARGUMENT, "max_evaluations = 0");
    BAD("descent_golden_section", descent_golden_section(sine, NULL, 3, 6,
            SCALAR_OPTION(max_evaluations, 1), &m, &e),
        e, DESCENT_INVALID_ARGUMENT, "max_evaluations = 1");
    VALID_SCALAR("a zero relative tolerance alone is allowed",
                 (sine, NULL, 3, 6, SCALAR_OPTION(relative_tolerance, 0), &m,
                  &e));
    VALID_SCALAR("a zero absolute tolerance alone is allowed",
                 (sine, NULL, 3, 6, SCALAR_OPTION(absolute_tolerance, 0), &m,
                  &e));
    VALID_SCALAR("the ends may come in either order",
                 (sine, NULL, 6, 3, NULL, &m, &e));
    VALID_SCALAR("NULL options are the defaults",
                 (sine, NULL, 3, 6, NULL, &m, &e));
    VALID_SCALAR("the error is optional", (sine, NULL, 3, 6, NULL, &m, NULL));
    VALID("descent_scalar_default_options", "the defaults pass the checks",
          descent_brent(sine, NULL, 3, 6,
                        (options = descent_scalar_default_options(),
                         &options), &m, &e), e);
    BAD_SCALAR((hole, NULL, 1.52, 1.58, NULL, &m, &e), DESCENT_NONFINITE,
               "f(1.5");
    BAD("descent_golden_section", descent_golden_section(hole, NULL, 0, 4,
            NULL, &m, &e), e, DESCENT_NONFINITE, "= nan");
    BAD("descent_brent", descent_brent(hole, NULL, 1, 1.7, NULL, &m, &e), e,
        DESCENT_NONFINITE, "f(1.5");
    BAD("descent_golden_section", descent_golden_section(sine, NULL, 3, 6,
            SCALAR_OPTION(max_evaluations, 6), &m, &e),
        e, DESCENT_MAX_ITERATIONS, "after 6 evaluations");
    BAD("descent_brent", descent_brent(sine, NULL, 3, 6,
            SCALAR_OPTION(max_evaluations, 3), &m, &e),
        e, DESCENT_MAX_ITERATIONS, "after 3 evaluations");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            hole, NULL, 1.55, 3, 40, x, fx, &count, &e),
        e, DESCENT_NONFINITE, "f(1.55");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            hole, NULL, 0, 0.6, 40, x, fx, &count, &e),
        e, DESCENT_NONFINITE, "f(1.57");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            falling, NULL, 0, 1, 40, x, fx, &count, &e),
        e, DESCENT_STEP_FAILED, "still falling at x = ");
    assert_int_equal(count, 40);
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            flat, NULL, 0, 1, 30, x, fx, &count, &e),
        e, DESCENT_STEP_FAILED, "after 30 evaluations (the budget is spent): "
                                "f is flat, f = 1");
    BAD("descent_bracket_minimum", descent_bracket_minimum(
            flat, NULL, 0, 1, 5000, x, fx, &count, &e),
        e, DESCENT_STEP_FAILED, "(the strides overflow): f is flat");
    assert_true(count < 5000);
}
static void bad_line_searches(void **state)
{
    descent_line_search s = descent_line_search_defaults();
    descent_error e;
    (void)state;
    BAD_DIRECTIONS(parabola, 0, -1, "not a descent direction: g^T d = 4");
    BAD_DIRECTIONS(parabola, 0, 0, "the direction is zero");
    BAD_DIRECTIONS(parabola, 2, 1, "not a descent direction: g^T d = 0");
    BAD_DIRECTIONS(parabola, 0, 1e308, "the direction is too long");
    BAD_DIRECTION(descent_exact_step, ramp, 0, 1, "unbounded below along d?");
    BAD_DIRECTION(descent_wolfe_step, ramp, 0, 1, "unbounded below along d?");
    VALID("descent_armijo_step", "backtracking accepts a first trial that "
          "decreases enough, whatever lies beyond",
          search_once(descent_armijo_step(&s), ramp, 0, 1, &e), e);
    descent_line_search block;
    BAD_INEXACT(c1, NAN, "c1 = nan");
    BAD_INEXACT(c1, INFINITY, "c1 = inf");
    BAD_INEXACT(c1, -INFINITY, "c1 = -inf");
    BAD_INEXACT(c1, 0, "c1 = 0 must be in (0, 1)");
    BAD_INEXACT(c1, -1, "c1 = -1");
    BAD_INEXACT(c1, 1, "c1 = 1 must be in (0, 1)");
    BAD_FIELD(descent_wolfe_step, c2, NAN, "c2 = nan");
    BAD_FIELD(descent_wolfe_step, c2, INFINITY, "c2 = inf");
    BAD_FIELD(descent_wolfe_step, c2, -INFINITY, "c2 = -inf");
    BAD_FIELD(descent_wolfe_step, c2, 0, "c2 = 0 must be in [c1, 1)");
    BAD_FIELD(descent_wolfe_step, c2, -1, "c2 = -1");
    BAD_FIELD(descent_wolfe_step, c2, 1, "c2 = 1 must be in [c1, 1)");
    BAD_FIELD(descent_wolfe_step, c2, 5e-5, "c2 = 5e-05 must be in [c1, 1)");
    BAD_FIELD(descent_armijo_step, backtrack, NAN, "backtrack = nan");
    BAD_FIELD(descent_armijo_step, backtrack, INFINITY, "backtrack = inf");
    BAD_FIELD(descent_armijo_step, backtrack, -INFINITY, "backtrack = -inf");
    BAD_FIELD(descent_armijo_step, backtrack, 0, "backtrack = 0");
    BAD_FIELD(descent_armijo_step, backtrack, -1, "backtrack = -1");
    BAD_FIELD(descent_armijo_step, backtrack, 1.5, "backtrack = 1.5");
    BAD_FIELD(descent_exact_step, tolerance, NAN, "tolerance = nan");
    BAD_FIELD(descent_exact_step, tolerance, INFINITY, "tolerance = inf");
    BAD_FIELD(descent_exact_step, tolerance, -INFINITY, "tolerance = -inf");
    BAD_FIELD(descent_exact_step, tolerance, 0, "tolerance = 0");
    BAD_FIELD(descent_exact_step, tolerance, -1, "tolerance = -1");
    BAD_FIELD(descent_exact_step, tolerance, 1, "tolerance = 1 must");
    BAD_FIELDS(initial_rule, (descent_initial_rule)7, "initial_rule = 7");
    BAD_FIELDS(initial_rule, (descent_initial_rule)-1, "initial_rule = -1");
    BAD_FIELDS(initial_step, NAN, "initial_step = nan");
    BAD_FIELDS(initial_step, INFINITY, "initial_step = inf");
    BAD_FIELDS(initial_step, -INFINITY, "initial_step = -inf");
    BAD_FIELDS(initial_step, 0, "initial_step = 0");
    BAD_FIELDS(initial_step, -1, "initial_step = -1");
    BAD_FIELDS(trust_length, NAN, "trust_length = nan");
    BAD_FIELDS(trust_length, -INFINITY, "trust_length = -inf");
    BAD_FIELDS(trust_length, 0, "trust_length = 0");
    BAD_FIELDS(trust_length, -1, "trust_length = -1");
    BAD_FIELDS(max_length, NAN, "max_length = nan");
    BAD_FIELDS(max_length, INFINITY, "max_length = inf");
    BAD_FIELDS(max_length, -INFINITY, "max_length = -inf");
    BAD_FIELDS(max_length, 0, "max_length = 0");
    BAD_FIELDS(max_length, -1, "max_length = -1");
    BAD_FIELDS(max_evaluations, 0, "max_evaluations = 0");
    BAD_FIELDS(max_evaluations, 1, "max_evaluations = 1");
    VALID_FIELD(descent_exact_step, c1, NAN, "the exact search reads no c1");
    VALID_FIELD(descent_exact_step, c2, NAN, "the exact search reads no c2");
    VALID_FIELD(descent_armijo_step, c2, NAN, "backtracking reads no c2");
    VALID_FIELD(descent_armijo_step, tolerance, NAN,
                "backtracking reads no tolerance");
    VALID_FIELD(descent_wolfe_step, backtrack, NAN,
                "the strong Wolfe search reads no backtrack");
    VALID_FIELD(descent_exact_step, trust_length, INFINITY,
                "an infinite trust length puts no cap on the first trial");
    VALID_FIELD(descent_wolfe_step, trust_length, INFINITY,
                "an infinite trust length puts no cap on the first trial");
    VALID("descent_line_search_defaults", "the defaults pass every check",
          search_once(descent_exact_step(&s), parabola, 0, 1, &e), e);
    VALID("descent_line_search_defaults", "the defaults pass every check",
          search_once(descent_armijo_step(&s), parabola, 0, 1, &e), e);
    VALID("descent_line_search_defaults", "the defaults pass every check",
          search_once(descent_wolfe_step(&s), parabola, 0, 1, &e), e);
    BAD("descent_exact_step", search_once(descent_exact_step(NULL), parabola,
                                          0, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "exact: search is NULL");
    BAD("descent_armijo_step", search_once(descent_armijo_step(NULL),
                                           parabola, 0, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "backtracking: search is NULL");
    BAD("descent_wolfe_step", search_once(descent_wolfe_step(NULL), parabola,
                                          0, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "strong Wolfe: search is NULL");
    descent_objective bowl_objective = {.n = 1, .evaluate = bowl,
                                        .name = "bowl"};
    descent_direction_rule steepest = descent_steepest_descent();
    descent_step_rule no_block = descent_wolfe_step(NULL);
    descent_result result;
    double theta = 0;
    BAD("descent_wolfe_step", descent_minimize(&bowl_objective, &steepest,
                                               &no_block, NULL, &theta,
                                               &result),
        result, DESCENT_INVALID_ARGUMENT, "strong Wolfe: search is NULL");
    block = descent_line_search_defaults();
    block.max_evaluations = 2;
    block.initial_step = 1e-3;
    block.initial_rule = DESCENT_INITIAL_FIXED;
    BAD("descent_exact_step", search_once(descent_exact_step(&block),
                                          parabola, 0, 1, &e),
        e, DESCENT_STEP_FAILED, "evaluation limit 2");
    descent_step_rule wolfe = descent_wolfe_step(&s), none = {"none", NULL,
                                                              NULL};
    descent_objective f = {.n = 1, .evaluate = bowl, .name = "bowl"};
    descent_objective wide = f, empty = f, blind = f;
    double zero = 0, one = 1, not_a_number = NAN, infinite = INFINITY;
    double x, gx;
    descent_trial trial = {.theta = &x, .g = &gx};
    descent_trial no_point = {.g = &gx}, no_gradient = {.theta = &x};
    empty.n = 0;
    blind.evaluate = NULL;
    wide.n = (size_t)1 << 61;
    BAD_RUN(&wide, &zero, &one, &trial, DESCENT_INVALID_ARGUMENT,
            "n = 2305843009213693952");
    wide.n = (size_t)1 << 60;
    BAD_RUN(&wide, &zero, &one, &trial, DESCENT_INVALID_ARGUMENT,
            "n = 1152921504606846976");
    wide.n = SIZE_MAX;
    BAD_RUN(&wide, &zero, &one, &trial, DESCENT_INVALID_ARGUMENT,
            "n = 18446744073709551615");
    wide.n = (size_t)INT_MAX + 1;
    BAD_RUN(&wide, &zero, &one, &trial, DESCENT_INVALID_ARGUMENT,
            "n = 2147483648");
    BAD("descent_line_search_run",
        descent_line_search_run(none, &f, &zero, &one, &trial, &e),
        e, DESCENT_INVALID_ARGUMENT, "rule.step is NULL");
    BAD_RUN(NULL, &zero, &one, &trial, DESCENT_INVALID_ARGUMENT,
            "objective is NULL");
    BAD_RUN(&empty, &zero, &one, &trial, DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD_RUN(&blind, &zero, &one, &trial, DESCENT_INVALID_ARGUMENT,
            "no evaluate function");
    BAD_RUN(&f, NULL, &one, &trial, DESCENT_INVALID_ARGUMENT,
            "theta is NULL");
    BAD_RUN(&f, &zero, NULL, &trial, DESCENT_INVALID_ARGUMENT, "d is NULL");
    BAD_RUN(&f, &zero, &one, NULL, DESCENT_INVALID_ARGUMENT,
            "trial is NULL");
    BAD_RUN(&f, &zero, &one, &no_point, DESCENT_INVALID_ARGUMENT,
            "trial->theta is NULL");
    BAD_RUN(&f, &zero, &one, &no_gradient, DESCENT_INVALID_ARGUMENT,
            "trial->g is NULL");
    BAD_RUN(&f, &not_a_number, &one, &trial, DESCENT_NONFINITE, "theta[0] = nan");
    BAD_RUN(&f, &infinite, &one, &trial, DESCENT_NONFINITE, "theta[0] = inf");
    BAD_RUN(&f, &zero, &not_a_number, &trial, DESCENT_NONFINITE, "d[0] = nan");
    BAD_RUN(&f, &zero, &infinite, &trial, DESCENT_NONFINITE, "d[0] = inf");
    f.evaluate = parabola;
    double in_the_hole = 1.55;
    BAD_RUN(&f, &in_the_hole, &one, &trial, DESCENT_NONFINITE,
            "returned E = nan at theta");
    f.evaluate = nan_gradient;
    BAD_RUN(&f, &one, &one, &trial, DESCENT_NONFINITE, "g[0] = nan");
    f.evaluate = bowl;
    VALID("descent_line_search_run", "the error is optional",
          descent_line_search_run(wolfe, &f, &zero, &one, &trial, NULL), e);
    block = descent_line_search_defaults();
    block.max_evaluations = 5000;
    BAD("descent_armijo_step", search_once(descent_armijo_step(&block),
                                           wrong_gradient, 0, -1, &e),
        e, DESCENT_STEP_FAILED, "no decrease along d that rounding can "
                                "resolve");
    assert_true(block.evaluations > 900 && block.evaluations < 1100);
    BAD("descent_armijo_step", search_once(descent_armijo_step(&block),
                                           lifted_wrong_gradient, 0, -1, &e),
        e, DESCENT_STEP_FAILED, "no decrease along d that rounding can "
                                "resolve");
    assert_true(block.evaluations < 60);
    BAD("descent_armijo_step", search_once(descent_armijo_step(&block),
                                           far_wrong_gradient, 1e10, -1, &e),
        e, DESCENT_STEP_FAILED, "stops moving theta");
    assert_true(block.evaluations >= 18 && block.evaluations <= 24);
    block = descent_line_search_defaults();
    BAD("descent_wolfe_step", search_once(descent_wolfe_step(&block), kink, 0,
                                          1, &e),
        e, DESCENT_STEP_FAILED, "has |slope| <= c2 |slope(0)| = 0.9");
    assert_true(block.evaluations < 100);
    double at_kink;
    VALID("descent_exact_step", "a kink is a change of sign of the slope",
          search_step(descent_exact_step(&block), kink, 0, 1, &at_kink, &e), e);
    assert_true(fabs(at_kink - 1) <= 1e-12);
    BAD_DIRECTION(descent_exact_step, wrong_gradient, 0, -1,
                  "evaluation limit 100");
    BAD_DIRECTION(descent_wolfe_step, wrong_gradient, 0, -1,
                  "evaluation limit 100");
}
static void searches_in_the_driver(void **state)
{
    descent_line_search s = descent_line_search_defaults();
    descent_step_rule rules[3] = {descent_exact_step(&s),
                                  descent_armijo_step(&s),
                                  descent_wolfe_step(&s)};
    descent_rosenbrock r;
    descent_trace trace;
    descent_error e;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &e), e);
    REQUIRE(descent_trace_init(&trace, 2, false, &e), e);
    descent_objective f = descent_rosenbrock_objective(&r);
    for (int i = 0; i < 3; i++) {
        double theta[2] = {-1.2, 1};
        descent_result result =
            run_sd(&f, rules[i], theta, 100000, 1e-4, &trace);
        expect(result.status, result.message, DESCENT_OK, "converged");
        for (size_t k = 0; k + 1 < trace.length; k++)
            assert_true(trace.value[k + 1] < trace.value[k]);
    }
    descent_trace_free(&trace);
}
static void hard_line_searches(void **state)
{
    descent_line_search s = descent_line_search_defaults();
    descent_step_rule rules[3] = {descent_exact_step(&s),
                                  descent_armijo_step(&s),
                                  descent_wolfe_step(&s)};
    descent_error e;
    double eta;
    (void)state;
    for (int i = 0; i < 3; i++) {
        s = descent_line_search_defaults();
        s.initial_rule = DESCENT_INITIAL_FIXED;
        s.initial_step = 196.3;              /* E finite, slope infinite */
        expect(search_step(rules[i], cosh_energy, -2, sinh(2), &eta, &e),
               e.message, DESCENT_OK, "");
        assert_true(eta < 196.3);
        s.initial_step = 1;                  /* a NaN at 1.55 */
        expect(search_step(rules[i], parabola, 0, 1.55, &eta, &e), e.message,
               DESCENT_OK, "");
        expect(search_step(rules[i], nowhere, 1, 1, &eta, &e), e.message,
               DESCENT_STEP_FAILED, "no step with a finite value and slope");
    }
    s = descent_line_search_defaults();
    expect(search_step(rules[2], level, 1, -1, &eta, &e), e.message,
           DESCENT_STEP_FAILED, "no decrease along d that rounding can resolve");
    assert_true(s.evaluations < 60);
    s.c2 = 0.1;
    expect(search_step(rules[2], shallow, 0, 1, &eta, &e), e.message,
           DESCENT_OK, "");
    assert_true(fabs(eta - 1.6) <= 0.16);
    s = descent_line_search_defaults();
    s.c1 = s.c2 = 0.1;
    expect(search_step(rules[2], bowl, 0, 1, &eta, &e), e.message,
           DESCENT_OK, "");
    expect(search_step(rules[1], bowl, 0, 1, &eta, &e), e.message,
           DESCENT_OK, "");
    s = descent_line_search_defaults();
    s.c2 = 0.1;
    expect(search_step(rules[2], bowl, 0, 1e-15, &eta, &e), e.message,
           DESCENT_OK, "");
    assert_true(fabs(eta * 1e-15 - 2) <= 0.2);
    s.max_length = 1e300;
    expect(search_step(rules[2], bowl, 0, 1e-10, &eta, &e), e.message,
           DESCENT_STEP_FAILED, "the direction is negligible");
    s.max_length = 1e10;
    s.initial_rule = DESCENT_INITIAL_FIXED;
    s.initial_step = 1e-3;
    expect(search_step(rules[2], bowl, 0, 1, &eta, &e), e.message,
           DESCENT_OK, "");
    assert_true(s.evaluations <= 8);
    s = descent_line_search_defaults();
    descent_objective near = {.n = 2, .evaluate = far_and_near,
                              .name = "far and near"};
    double theta[2] = {1e10, 0}, d[2] = {0, 2e-7}, x[2], g[2];
    descent_trial trial = {.theta = x, .g = g};
    expect(descent_line_search_run(rules[1], &near, theta, d, &trial, &e),
           e.message, DESCENT_OK, "");
    assert_true(trial.eta == 0.5 && trial.value == 0);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-02-table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_golden_ratio),
        cmocka_unit_test(claim_brent_fewer),
        cmocka_unit_test(scalar_stopping_rules),
        cmocka_unit_test(brent_on_parabolas),
        cmocka_unit_test(brent_steps),
        cmocka_unit_test(bracket_a_minimum),
        cmocka_unit_test(claim_exact_orthogonal),
        cmocka_unit_test(claim_exact_closed_form),
        cmocka_unit_test(claim_exact_kantorovich),
        cmocka_unit_test(claim_inexact_conditions),
        cmocka_unit_test(claim_akaike_cycle),
        cmocka_unit_test(claim_first_trial_trust),
        cmocka_unit_test(claim_first_trial_cost),
        cmocka_unit_test(bad_scalar_input),
        cmocka_unit_test(bad_line_searches),
        cmocka_unit_test(hard_line_searches),
        cmocka_unit_test(wolfe_trial_steps),
        cmocka_unit_test(exact_search_rises_and_falls),
        cmocka_unit_test(exact_search_cost),
        cmocka_unit_test(exact_search_root_steps),
        cmocka_unit_test(second_first_trial),
        cmocka_unit_test(scalar_records),
        cmocka_unit_test(search_defaults),
        cmocka_unit_test(searches_in_the_driver),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name("chapter 2: line search", tests,
                                       NULL, NULL);
}
