/* 12-beyond.c: generated from chapters/12-beyond.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"

#include <cblas.h>

typedef enum direct_kind {
    direct_coordinate, direct_pattern, direct_powell_basic,
    direct_powell_safe, direct_nm, direct_nm_adaptive, direct_kinds
} direct_kind;

static const char *direct_names[direct_kinds] = {
    "coordinate", "coordinate + pattern", "Powell basic",
    "Powell safeguarded", "Nelder-Mead", "Nelder-Mead adaptive"};

static descent_status direct_run_kind(direct_kind kind, descent_objective *f,
                                      descent_direct_options *options,
                                      double *theta, descent_result *result)
{
    descent_coordinate_search c = descent_coordinate_search_defaults();
    descent_powell p = descent_powell_defaults();
    descent_nelder_mead m = descent_nelder_mead_defaults();
    c.accelerate = kind == direct_pattern;
    p.rule = kind == direct_powell_basic ? DESCENT_POWELL_BASIC
                                         : DESCENT_POWELL_SAFEGUARDED;
    m.adaptive = kind == direct_nm_adaptive;
    if (kind <= direct_pattern)
        return descent_coordinate_minimize(f, &c, options, theta, result);
    if (kind <= direct_powell_safe)
        return descent_powell_minimize(f, &p, options, theta, result);
    return descent_nelder_mead_minimize(f, &m, options, theta, result);
}
static void direct_minimizes(void **state)
{
    (void)state;
    descent_error error;
    descent_quadratic q;
    descent_rosenbrock r;
    double lambda[5] = {1, 3, 5, 7, 10}, b[5] = {1, -2, 0.5, 3, -1};
    double star[5], theta[5];
    REQUIRE(descent_quadratic_spectrum(&q, 5, lambda, b, 0, 7, &error),
            error);
    REQUIRE(descent_quadratic_critical_point(&q, star, &error), error);
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    descent_objective fq = descent_quadratic_objective(&q);
    descent_objective fr = descent_rosenbrock_objective(&r);
    for (int kind = 0; kind < direct_kinds; kind++) {
        descent_result result;
        descent_direct_options options = descent_direct_default_options();
        for (size_t i = 0; i < 5; i++)
            theta[i] = 0;
        direct_run_kind((direct_kind)kind, &fq, &options, theta, &result);
        double miss = 0;
        for (size_t i = 0; i < 5; i++)
            miss = fmax(miss, fabs(theta[i] - star[i]));
        printf("  %-22s quadratic: %5lu evaluations, error %.1e, %s\n",
               direct_names[kind], result.counts.values, miss,
               result.message);
        assert_int_equal(result.status, DESCENT_OK);
        assert_true(miss <= 1e-5);
        if (kind == direct_coordinate)
            continue;
        double rosen[2] = {-1.2, 1};
        direct_run_kind((direct_kind)kind, &fr, &options, rosen, &result);
        printf("  %-22s Rosenbrock: %5lu evaluations, at (%.6f, %.6f)\n",
               direct_names[kind], result.counts.values, rosen[0], rosen[1]);
        assert_int_equal(result.status, DESCENT_OK);
        assert_true(fabs(rosen[0] - 1) <= 1e-4 && fabs(rosen[1] - 1) <= 1e-4);
    }
    descent_quadratic_free(&q);
}
static void direct_budget_target_trace(void **state)
{
    (void)state;
    descent_error error;
    descent_rosenbrock r;
    descent_trace trace;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    REQUIRE(descent_trace_init(&trace, 2, true, &error), error);
    descent_objective f = descent_rosenbrock_objective(&r);
    for (int kind = 0; kind < direct_kinds; kind++) {
        descent_result result;
        descent_direct_options options = descent_direct_default_options();
        double theta[2] = {-1.2, 1};
        options.max_evaluations = 37;
        options.trace = &trace;
        direct_run_kind((direct_kind)kind, &f, &options, theta, &result);
        assert_int_equal(result.status, DESCENT_MAX_ITERATIONS);
        assert_int_equal(result.counts.values, 37);
        assert_true(trace.length >= 2);
        assert_true(isnan(trace.eta[trace.length - 1]));
        assert_true(result.value <= 24.2);
        options.max_evaluations = 100000;
        options.target = 1e-3;
        theta[0] = -1.2, theta[1] = 1;
        direct_run_kind((direct_kind)kind, &f, &options, theta, &result);
        assert_int_equal(result.status, DESCENT_OK);
        assert_non_null(strstr(result.message, "target"));
        assert_int_equal(options.target_evaluations, result.counts.values);
        assert_true(result.value <= 1e-3);
    }
    descent_trace_free(&trace);
}
static double powell_conjugacy(const descent_quadratic *q, const double *U)
{
    size_t n = q->n;
    double *AU = malloc(n * n * sizeof *AU), worst = 0;
    assert_non_null(AU);
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)n, (int)n,
                (int)n, 1, U, (int)n, q->A, (int)n, 0, AU, (int)n);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double uij = cblas_ddot((int)n, AU + i * n, 1, U + j * n, 1),
                   uii = cblas_ddot((int)n, AU + i * n, 1, U + i * n, 1),
                   ujj = cblas_ddot((int)n, AU + j * n, 1, U + j * n, 1);
            if (i != j)
                worst = fmax(worst, fabs(uij) / sqrt(uii * ujj));
        }
    free(AU);
    return worst;
}
static void powell_quadratic_case(size_t n, unsigned seed, double *miss,
                                  double *conjugacy)
{
    descent_error error;
    descent_quadratic q;
    descent_random random;
    double lambda[16] = {0}, theta[16] = {0}, U[256];
    for (size_t i = 0; i < n; i++)
        lambda[i] = pow(100, (double)i / (double)(n - 1));
    REQUIRE(descent_quadratic_spectrum(&q, n, lambda, NULL, 0, seed, &error),
            error);
    descent_random_seed(&random, 1000 + seed);
    for (size_t i = 0; i < n; i++)
        theta[i] = 2 * descent_random_uniform(&random) - 1;
    double start = cblas_dnrm2((int)n, theta, 1);
    descent_objective f = descent_quadratic_objective(&q);
    descent_powell p = descent_powell_defaults();
    descent_direct_options options = descent_direct_default_options();
    descent_result result;
    p.rule = DESCENT_POWELL_BASIC, p.max_cycles = n, p.directions = U;
    p.parabolic = true;
    options.step_tolerance = 0;
    descent_powell_minimize(&f, &p, &options, theta, &result);
    assert_int_equal(p.cycles, n);
    *miss = cblas_dnrm2((int)n, theta, 1) / start;
    *conjugacy = powell_conjugacy(&q, U);
    printf("  n = %2zu, seed %u: %4lu evaluations, distance %.1e of the "
           "start's, cross products %.1e\n", n, seed, result.counts.values,
           *miss, *conjugacy);
    descent_quadratic_free(&q);
}
static void claim_beyond_powell(void **state)
{
    (void)state;
    double worst_error = 0, worst_conjugacy = 0;
    size_t sizes[] = {2, 3, 4, 6};
    for (size_t c = 0; c < 4; c++)
        for (unsigned seed = 1; seed <= 3; seed++) {
            double e, k;
            powell_quadratic_case(sizes[c], seed, &e, &k);
            worst_error = fmax(worst_error, e);
            worst_conjugacy = fmax(worst_conjugacy, k);
        }
    char measured[160], a[32], b[32];
    claim_format(a, sizeof a, worst_error);
    claim_format(b, sizeof b, worst_conjugacy);
    snprintf(measured, sizeof measured,
             "distance %s of the start's; cross products %s", a, b);
    bool holds = worst_error <= 1e-8 && worst_conjugacy <= 1e-8;
    claim_report("beyond-powell",
                 "Powell's basic method reaches the minimizer of a quadratic "
                 "in $n$ cycles with $A$-conjugate directions",
                 measured, "$10^{-8}$ and $10^{-8}$", holds);
    assert_true(holds);
}
static double mckinnon_evaluate(const double *v, double *g, void *context)
{
    (void)context;
    const double tau = 2, theta = 6, phi = 60;
    double x = v[0], y = v[1];
    double scale = x <= 0 ? theta * phi : theta;
    if (g != NULL) {
        g[0] = (x <= 0 ? -1 : 1) * scale * tau * pow(fabs(x), tau - 1);
        g[1] = 1 + 2 * y;
    }
    return scale * pow(fabs(x), tau) + y + y * y;
}

static descent_objective mckinnon_objective(void)
{
    return (descent_objective){.n = 2, .evaluate = mckinnon_evaluate,
                               .name = "McKinnon"};
}
static double mckinnon_bfgs_miss(const double *start)
{
    descent_error error;
    descent_bfgs bfgs;
    descent_result result;
    descent_objective f = mckinnon_objective();
    descent_line_search search = descent_line_search_defaults();
    descent_options options = descent_default_options();
    double theta[2] = {start[0], start[1]};
    REQUIRE(descent_bfgs_init(&bfgs, 2, &error), error);
    descent_direction_rule rule = descent_bfgs_direction(&bfgs);
    descent_step_rule step = descent_wolfe_step(&search);
    options.gradient_tolerance = 1e-10;
    options.max_iterations = 1000;
    descent_minimize(&f, &rule, &step, &options, theta, &result);
    descent_bfgs_free(&bfgs);
    return hypot(theta[0], theta[1] + 0.5);
}
static void claim_beyond_mckinnon(void **state)
{
    (void)state;
    const double r = sqrt(33);
    const double simplex[6] = {0, 0, 1, 1, (1 + r) / 8, (1 - r) / 8};
    double theta[2] = {0, 0}, g[2], bfgs = 0;
    descent_objective f = mckinnon_objective();
    descent_nelder_mead m = descent_nelder_mead_defaults();
    descent_result result;
    m.simplex = simplex;
    descent_nelder_mead_minimize(&f, &m, NULL, theta, &result);
    double at = hypot(theta[0], theta[1]);
    double value = mckinnon_evaluate(theta, g, NULL);
    double gradient = hypot(g[0], g[1]);
    for (size_t i = 0; i < 3; i++)
        bfgs = fmax(bfgs, mckinnon_bfgs_miss(simplex + 2 * i));
    printf("  Nelder-Mead: %zu iterations, %zu inside or outside "
           "contractions, %zu shrinks, %lu evaluations: %s\n",
           m.iterations, m.contractions, m.shrinks, result.counts.values,
           result.message);
    char measured[200], a[32], b[32], c[32], d[32];
    claim_format(a, sizeof a, at);
    claim_format(b, sizeof b, gradient);
    claim_format(c, sizeof c, value + 0.25);
    claim_format(d, sizeof d, bfgs);
    snprintf(measured, sizeof measured,
             "NM ends %s from the origin, $\\|\\nabla E\\|=$%s, $E-E^*=$%s; "
             "BFGS within %s", a, b, c, d);
    bool holds = result.status == DESCENT_OK && at <= 1e-6 &&
                 gradient >= 0.99 && value + 0.25 >= 0.24 && bfgs <= 1e-6;
    claim_report("beyond-mckinnon",
                 "Nelder--Mead converges to McKinnon's nonstationary origin; "
                 "BFGS reaches the minimizer", measured,
                 "$10^{-6}$; $\\ge0.99$; $\\ge0.24$; $10^{-6}$", holds);
    assert_true(holds);
}
static double direct_nan(const double *theta, double *g, void *context)
{
    (void)theta, (void)g, (void)context;
    return NAN;
}
#define DIRECT_BAD(name, call, want, fragment)                         \
    do {                                                              \
        double keep_[2] = {theta[0], theta[1]};                       \
        BAD(name, call, result, want, fragment);                      \
        assert_true(theta[0] == keep_[0] && theta[1] == keep_[1]);    \
    } while (0)

static void direct_line_bad_input(void **state)
{
    (void)state;
    descent_error error;
    descent_quadratic q;
    descent_result result;
    double lambda[2] = {1, 10};
    REQUIRE(descent_quadratic_spectrum(&q, 2, lambda, NULL, 0, 3, &error),
            error);
    descent_objective f = descent_quadratic_objective(&q), none = f;
    descent_objective nan = {.n = 2, .evaluate = direct_nan};
    descent_direct_options options = descent_direct_default_options();
    descent_coordinate_search c = descent_coordinate_search_defaults();
    descent_powell p = descent_powell_defaults();
    double theta[2] = {-1.2, 1}, bad[2] = {NAN, 1};
    const char *cs = "descent_coordinate_minimize",
               *pw = "descent_powell_minimize";
    none.n = 0;
    VALID("descent_coordinate_search_defaults", "the defaults pass the checks",
          descent_coordinate_minimize(&f, &c, NULL, theta, &result), result);
    theta[0] = -1.2, theta[1] = 1;
    VALID(cs, "NULL method and options are the defaults",
          descent_coordinate_minimize(&f, NULL, NULL, theta, &result), result);
    theta[0] = -1.2, theta[1] = 1;
    assert_int_equal(descent_coordinate_minimize(&f, &c, NULL, theta, NULL),
                     DESCENT_INVALID_ARGUMENT);
    double steps[] = {0, -1, INFINITY, NAN};
    for (size_t i = 0; i < 4; i++) {
        c.initial_step = steps[i];
        DIRECT_BAD(cs, descent_coordinate_minimize(&f, &c, NULL, theta, &result),
                   DESCENT_INVALID_ARGUMENT, "initial_step");
    }
    c = descent_coordinate_search_defaults();
    double tolerances[] = {0, 1, -1, NAN};
    for (size_t i = 0; i < 4; i++) {
        c.line_tolerance = tolerances[i];
        DIRECT_BAD(cs, descent_coordinate_minimize(&f, &c, NULL, theta, &result),
                   DESCENT_INVALID_ARGUMENT, "line_tolerance");
    }
    c = descent_coordinate_search_defaults();
    DIRECT_BAD(cs, descent_coordinate_minimize(NULL, &c, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "");
    DIRECT_BAD(cs, descent_coordinate_minimize(&none, &c, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD(cs, descent_coordinate_minimize(&f, &c, NULL, NULL, &result), result,
        DESCENT_INVALID_ARGUMENT, "theta");
    BAD(cs, descent_coordinate_minimize(&f, &c, NULL, bad, &result), result,
        DESCENT_NONFINITE, "theta[0]");
    DIRECT_BAD(cs, descent_coordinate_minimize(&nan, &c, NULL, theta, &result),
               DESCENT_NONFINITE, "starting point");
    options.max_evaluations = 0;
    DIRECT_BAD(cs, descent_coordinate_minimize(&f, &c, &options, theta, &result),
               DESCENT_INVALID_ARGUMENT, "max_evaluations");
    options = descent_direct_default_options();
    VALID("descent_powell_defaults", "the defaults pass the checks",
          descent_powell_minimize(&f, &p, NULL, theta, &result), result);
    theta[0] = -1.2, theta[1] = 1;
    VALID(pw, "NULL method and options are the defaults",
          descent_powell_minimize(&f, NULL, NULL, theta, &result), result);
    theta[0] = -1.2, theta[1] = 1;
    assert_int_equal(descent_powell_minimize(&f, &p, NULL, theta, NULL),
                     DESCENT_INVALID_ARGUMENT);
    p.rule = (descent_powell_rule)7;
    DIRECT_BAD(pw, descent_powell_minimize(&f, &p, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "rule = 7");
    p = descent_powell_defaults();
    p.initial_step = 0;
    DIRECT_BAD(pw, descent_powell_minimize(&f, &p, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "initial_step = 0");
    p = descent_powell_defaults();
    p.line_tolerance = NAN;
    DIRECT_BAD(pw, descent_powell_minimize(&f, &p, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "line_tolerance = nan");
    p = descent_powell_defaults();
    DIRECT_BAD(pw, descent_powell_minimize(NULL, &p, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "");
    DIRECT_BAD(pw, descent_powell_minimize(&none, &p, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD(pw, descent_powell_minimize(&f, &p, NULL, NULL, &result), result,
        DESCENT_INVALID_ARGUMENT, "theta");
    BAD(pw, descent_powell_minimize(&f, &p, NULL, bad, &result), result,
        DESCENT_NONFINITE, "theta[0]");
    DIRECT_BAD(pw, descent_powell_minimize(&nan, &p, NULL, theta, &result),
               DESCENT_NONFINITE, "starting point");
    options.step_tolerance = -1;
    DIRECT_BAD(pw, descent_powell_minimize(&f, &p, &options, theta, &result),
               DESCENT_INVALID_ARGUMENT, "step_tolerance");
    options = descent_direct_default_options();
    descent_quadratic_free(&q);
}
static void nm_bad_input(void **state)
{
    (void)state;
    descent_error error;
    descent_rosenbrock r;
    descent_result result;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&r), none = f;
    descent_objective nan = {.n = 2, .evaluate = direct_nan};
    descent_direct_options options = descent_direct_default_options();
    descent_nelder_mead m = descent_nelder_mead_defaults();
    double theta[2] = {-1.2, 1}, bad[2] = {NAN, 1};
    const char *nm = "descent_nelder_mead_minimize";
    none.n = 0;
    VALID("descent_nelder_mead_defaults", "the defaults pass the checks",
          descent_nelder_mead_minimize(&f, &m, NULL, theta, &result), result);
    theta[0] = -1.2, theta[1] = 1;
    struct { double rho, chi, gamma, sigma; const char *fragment; } k[] = {
        {0, 2, 0.5, 0.5, "reflection = 0"}, {NAN, 2, 0.5, 0.5, "reflection"},
        {1, 1, 0.5, 0.5, "expansion = 1"}, {3, 2, 0.5, 0.5, "expansion = 2"},
        {1, INFINITY, 0.5, 0.5, "expansion = inf"},
        {1, 2, 0, 0.5, "contraction = 0"}, {1, 2, 1, 0.5, "contraction = 1"},
        {1, 2, 0.5, 0, "shrink = 0"}, {1, 2, 0.5, 1.5, "shrink = 1.5"},
        {1, 2, 0.5, NAN, "shrink = nan"}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        m.reflection = k[i].rho, m.expansion = k[i].chi;
        m.contraction = k[i].gamma, m.shrink = k[i].sigma;
        DIRECT_BAD(nm, descent_nelder_mead_minimize(&f, &m, NULL, theta, &result),
                   DESCENT_INVALID_ARGUMENT, k[i].fragment);
    }
    m = descent_nelder_mead_defaults();
    m.initial_step = -0.1;
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&f, &m, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "initial_step = -0.1");
    m = descent_nelder_mead_defaults();
    double nan_vertex[6] = {0, 0, 1, 0, 0, NAN},
           twice[6] = {0, 0, 1, 1, 1, 1},
           flat[6] = {0, 0, 1, 1, 3, 3},
           thin[6] = {0, 0, 1, 1, 2, 2.000001};
    m.simplex = nan_vertex;
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&f, &m, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "simplex[5] = nan");
    m.simplex = twice;
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&f, &m, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "degenerate");
    m.simplex = flat;
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&f, &m, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "degenerate");
    m.simplex = thin;
    VALID(nm, "a thin simplex that is not flat",
          descent_nelder_mead_minimize(&f, &m, NULL, theta, &result), result);
    theta[0] = -1.2, theta[1] = 1;
    m = descent_nelder_mead_defaults();
    VALID(nm, "NULL method and options are the defaults",
          descent_nelder_mead_minimize(&f, NULL, NULL, theta, &result), result);
    theta[0] = -1.2, theta[1] = 1;
    assert_int_equal(descent_nelder_mead_minimize(&f, &m, NULL, theta, NULL),
                     DESCENT_INVALID_ARGUMENT);
    options.max_evaluations = 2;
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&f, &m, &options, theta, &result),
               DESCENT_INVALID_ARGUMENT, "max_evaluations = 2");
    options.max_evaluations = 3;
    SURVIVES(nm, "a budget of exactly n + 1 builds the simplex and stops",
             assert_int_equal(descent_nelder_mead_minimize(&f, &m, &options,
                                                           theta, &result),
                              DESCENT_MAX_ITERATIONS));
    theta[0] = -1.2, theta[1] = 1;
    options = descent_direct_default_options();
    DIRECT_BAD(nm, descent_nelder_mead_minimize(NULL, &m, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "");
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&none, &m, NULL, theta, &result),
               DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD(nm, descent_nelder_mead_minimize(&f, &m, NULL, NULL, &result), result,
        DESCENT_INVALID_ARGUMENT, "theta");
    BAD(nm, descent_nelder_mead_minimize(&f, &m, NULL, bad, &result), result,
        DESCENT_NONFINITE, "theta[0]");
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&nan, &m, NULL, theta, &result),
               DESCENT_NONFINITE, "starting point");
    options.target = NAN;
    DIRECT_BAD(nm, descent_nelder_mead_minimize(&f, &m, &options, theta, &result),
               DESCENT_INVALID_ARGUMENT, "target = nan");
}
enum { XOR_WIDTHS = 4, XOR_MAX_N = 65, XOR_MAX_RUNS = 1000,
       XOR_BUDGET = 10000, XOR_STEPS = 1000 };
static const size_t xor_width[XOR_WIDTHS] = {2, 4, 8, 16};
static const size_t xor_runs[XOR_WIDTHS][3] = {  /* backprop, SA, GA */
    {1000, 400, 100}, {1000, 100, 50}, {1000, 100, 50}, {1000, 100, 50}};
#define XOR_OMEGA 3.0   /* a value and gradient, in evaluations of E */
#define XOR_ETA 2.0     /* backprop's step */
#define XOR_Z 3.0       /* the margins, in standard errors */
#define XOR_K_NARROW 1.5
#define XOR_K_GENETIC 10.0
#define XOR_K_ANNEAL 3.0

static const double xor_inputs[8] = {0, 0, 0, 1, 1, 0, 1, 1},
                    xor_targets[4] = {0, 1, 1, 0};

typedef struct xor_network {
    size_t h, n;
    descent_network net;
    descent_dataset data;
    descent_network_problem problem;
    descent_objective f;
} xor_network;

static void xor_setup(xor_network *x, size_t h)
{
    const size_t sizes[3] = {2, h, 1};
    descent_error e;
    x->h = h;
    x->n = 4 * h + 1;
    x->data = (descent_dataset){4, 2, 1, xor_inputs, xor_targets};
    REQUIRE(descent_network_init(&x->net, 2, sizes, DESCENT_LOGISTIC,
                                 DESCENT_LOGISTIC, &e), e);
    REQUIRE(descent_network_problem_init(&x->problem, &x->net, &x->data,
                                         DESCENT_CROSS_ENTROPY, &e), e);
    x->f = descent_network_objective(&x->problem);
}

static void xor_start_point(const xor_network *x, uint64_t seed,
                            double *theta)
{
    const descent_init init = {DESCENT_INIT_NORMAL, NAN, 2};
    size_t h = x->h;
    descent_random r;
    descent_error e;
    descent_random_seed(&r, seed);
    REQUIRE(descent_init_layer(&init, 2, h, DESCENT_LAYER_LOGISTIC, &r,
                               theta, theta + 2 * h, &e), e);
    REQUIRE(descent_init_layer(&init, h, 1, DESCENT_LAYER_LOGISTIC, &r,
                               theta + 3 * h, theta + 4 * h, &e), e);
}

static bool xor_separates(xor_network *x, const double *theta)
{
    double out[4];
    descent_error e;
    REQUIRE(descent_network_outputs(&x->problem, theta, out, &e), e);
    for (int i = 0; i < 4; i++)
        if ((out[i] > 0.5) != (xor_targets[i] > 0.5))
            return false;
    return true;
}
typedef struct xor_tally {
    size_t runs, wins;
    double sum, sum2;              /* of the costs, in evaluations of E */
    double won[XOR_MAX_RUNS];      /* the costs of the successful runs */
} xor_tally;

static void xor_count(xor_tally *t, double cost, bool won)
{
    t->runs++;
    t->sum += cost;
    t->sum2 += cost * cost;
    if (won)
        t->won[t->wins++] = cost;
}

static double xor_expected(const xor_tally *t, double margin)
{
    double n = (double)t->runs, mean = t->sum / n,
           sd = sqrt(fmax(t->sum2 / n - mean * mean, 0)),
           q = (double)t->wins / n, z2 = margin * margin / n;
    double centre = (q + z2 / 2) / (1 + z2),
           half = fabs(margin) / (1 + z2) *
                  sqrt(q * (1 - q) / n + z2 / (4 * n));
    double cost = mean + margin * sd / sqrt(n),
           rate = margin > 0 ? centre - half : margin < 0 ? centre + half : q;
    return rate > 0 ? cost / rate : INFINITY;
}
static double xor_backprop(xor_network *x, uint64_t seed, bool *won)
{
    double theta[XOR_MAX_N], g[XOR_MAX_N];
    xor_start_point(x, seed, theta);
    for (int k = 1; k <= XOR_STEPS; k++) {
        if (descent_value_gradient(&x->f, theta, g) <= log(2)) {
            *won = xor_separates(x, theta);
            return XOR_OMEGA * k;
        }
        for (size_t i = 0; i < x->n; i++)
            theta[i] -= XOR_ETA * g[i];
    }
    *won = false;
    return XOR_OMEGA * XOR_STEPS;
}
static double xor_global(xor_network *x, int method, uint64_t seed,
                         bool *won)
{
    double theta[XOR_MAX_N];
    descent_direct_options options = descent_direct_default_options();
    descent_anneal anneal = descent_anneal_defaults();
    descent_genetic genetic = descent_genetic_defaults();
    descent_result result;
    xor_start_point(x, seed, theta);
    options.target = log(2);
    options.max_evaluations = XOR_BUDGET;
    anneal.seed = genetic.seed = seed;
    descent_status status =
        method == 1
            ? descent_anneal_minimize(&x->f, &anneal, &options, theta, &result)
            : descent_genetic_minimize(&x->f, &genetic, &options, theta,
                                       &result);
    if (status != DESCENT_OK && status != DESCENT_MAX_ITERATIONS)
        claim_fail("XOR run %d failed: %s", method, result.message);
    *won = options.target_evaluations > 0 && xor_separates(x, theta);
    return *won ? (double)options.target_evaluations
                : (double)result.counts.values;
}
static int xor_by_cost(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double xor_median_won(xor_tally *t)
{
    qsort(t->won, t->wins, sizeof *t->won, xor_by_cost);
    return t->wins > 0 ? t->won[t->wins / 2] : NAN;
}
static void claim_beyond_xor(void **state)
{
    static xor_tally tally[XOR_WIDTHS][3];
    const char *name[3] = {"backprop, multi-start", "simulated annealing",
                           "genetic algorithm"};
    (void)state;
    memset(tally, 0, sizeof tally);
    for (int w = 0; w < XOR_WIDTHS; w++) {
        xor_network x;
        bool won;
        xor_setup(&x, xor_width[w]);
        for (int m = 0; m < 3; m++)
            for (uint64_t s = 0; s < xor_runs[w][m]; s++) {
                double cost = m == 0 ? xor_backprop(&x, 1000 + s, &won)
                                     : xor_global(&x, m, 1000 + s, &won);
                xor_count(&tally[w][m], cost, won);
            }
        for (int m = 0; m < 3; m++) {
            xor_tally *t = &tally[w][m];
            double rate = (double)t->wins / (double)t->runs,
                   expected = xor_expected(t, 0),
                   ratio = expected / xor_expected(&tally[w][0], 0);
            char n[32] = "";
            if (m == 0)
                snprintf(n, sizeof n, "%s$%zu$", w > 0 ? "\\midrule " : "", x.n);
            claim_table_row("beyond-xor-table",
                            "%s & %s & %zu & %.3f & %.0f & %.0f & %.1f \\\\", n,
                            name[m], t->runs, rate, xor_median_won(t), expected,
                            ratio);
            printf("  n = %zu, %s: %zu of %zu succeed, expected cost %.0f "
                   "evaluations, %.1f times backprop's\n", x.n, name[m], t->wins,
                   t->runs, expected, ratio);
        }
        descent_network_problem_free(&x.problem);
    }
    const xor_tally *narrow = tally[0], *wide = tally[XOR_WIDTHS - 1];
    double a = fmin(xor_expected(&narrow[1], -XOR_Z),
                    xor_expected(&narrow[2], -XOR_Z)) /
               xor_expected(&narrow[0], XOR_Z),
           b = xor_expected(&wide[2], -XOR_Z) / xor_expected(&wide[0], XOR_Z),
           c = xor_expected(&wide[1], XOR_Z) / xor_expected(&wide[0], -XOR_Z);
    bool holds = a >= XOR_K_NARROW && b >= XOR_K_GENETIC && c <= XOR_K_ANNEAL;
    char measured[300];
    snprintf(measured, sizeof measured, "at n = 9, expected costs %.0f, %.0f, "
             "%.0f, least ratio %.2f; at n = 65, %.0f, %.0f, %.0f, the genetic "
             "algorithm's ratio at least %.1f, annealing's at most %.2f "
             "(%g standard errors)", xor_expected(&narrow[0], 0),
             xor_expected(&narrow[1], 0), xor_expected(&narrow[2], 0), a,
             xor_expected(&wide[0], 0), xor_expected(&wide[1], 0),
             xor_expected(&wide[2], 0), b, c, XOR_Z);
    claim_report("beyond-xor", "at $n=9$ annealing and the genetic algorithm "
                 "cost at least $1.5$ times multi-start backprop; at $n=65$ "
                 "the genetic algorithm at least $10$ times, annealing at most "
                 "$3$ times", measured, "$\\ge1.5$; $\\ge10$; $\\le3$", holds);
    assert_true(holds);
}
static void stochastic_run(int method, uint64_t seed, double *theta,
                           descent_trace *trace, descent_result *result)
{
    descent_rosenbrock rosenbrock;
    descent_error e;
    descent_direct_options options = descent_direct_default_options();
    descent_anneal anneal = descent_anneal_defaults();
    descent_genetic genetic = descent_genetic_defaults();
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 2, 1, 100, &e), e);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    options.trace = trace;
    options.max_evaluations = 3000;
    anneal.seed = genetic.seed = seed;
    theta[0] = -1.2, theta[1] = 1;
    if (method == 0)
        descent_anneal_minimize(&f, &anneal, &options, theta, result);
    else
        descent_genetic_minimize(&f, &genetic, &options, theta, result);
}

static bool stochastic_same(const descent_trace *a, const descent_trace *b)
{
    if (a->length != b->length)
        return false;
    for (size_t k = 0; k < a->length; k++)
        if (memcmp(&a->value[k], &b->value[k], sizeof(double)) ||
            memcmp(&a->evaluations[k], &b->evaluations[k], sizeof(double)) ||
            memcmp(descent_trace_iterate(a, k), descent_trace_iterate(b, k),
                   2 * sizeof(double)))
            return false;
    return true;
}
static void test_stochastic_reproducible(void **state)
{
    descent_trace trace[3];
    descent_result result[3];
    descent_error e;
    double theta[3][2];
    (void)state;
    for (int method = 0; method < 2; method++) {
        for (int i = 0; i < 3; i++) {
            REQUIRE(descent_trace_init(&trace[i], 2, true, &e), e);
            stochastic_run(method, i < 2 ? 7 : 8, theta[i], &trace[i],
                           &result[i]);
        }
        assert_memory_equal(theta[0], theta[1], sizeof theta[0]);
        assert_memory_equal(&result[0].value, &result[1].value,
                            sizeof(double));
        assert_int_equal(result[0].counts.values, result[1].counts.values);
        assert_true(stochastic_same(&trace[0], &trace[1]));
        assert_true(memcmp(theta[0], theta[2], sizeof theta[0]) != 0);
        for (int i = 0; i < 3; i++)
            descent_trace_free(&trace[i]);
    }
}
static void test_anneal_schedule(void **state)
{
    descent_rosenbrock rosenbrock;
    descent_trace trace;
    descent_result result;
    descent_error e;
    descent_direct_options options = descent_direct_default_options();
    descent_anneal a = descent_anneal_defaults();
    double theta[2] = {-1.2, 1};
    (void)state;
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 2, 1, 100, &e), e);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    REQUIRE(descent_trace_init(&trace, 2, true, &e), e);
    options.trace = &trace;
    a.cooling = 0.5, a.final_temperature = 0.01, a.steps = 10;
    assert_int_equal(descent_anneal_minimize(&f, &a, &options, theta,
                                             &result), DESCENT_OK);
    size_t expected = (size_t)ceil(log(0.01 / 1.0) / log(0.5));
    assert_int_equal(a.temperatures, expected);
    assert_int_equal(trace.length, expected + 1);
    assert_int_equal(a.proposed, 10 * expected);
    assert_int_equal(result.counts.values, 1 + a.proposed);
    for (size_t k = 0; k < trace.length; k++) {
        const double *at = descent_trace_iterate(&trace, k);
        assert_true(k == 0 || trace.value[k] <= trace.value[k - 1]);
        assert_true(k == 0 || trace.eta[k] == trace.eta[k - 1] *
                                                 (k > 1 ? 0.5 : 1));
        assert_true(descent_value(&f, at) == trace.value[k]);
    }
    assert_true(trace.value[trace.length - 1] == result.value);
    assert_true(a.accepted > 0 && a.accepted <= a.proposed);
    descent_trace_free(&trace);
}
static void test_stochastic_stopping(void **state)
{
    descent_rosenbrock rosenbrock;
    descent_result result;
    descent_error e;
    descent_genetic g = descent_genetic_defaults();
    double theta[2] = {-1.2, 1};
    (void)state;
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 2, 1, 100, &e), e);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    for (int method = 0; method < 2; method++)
        for (int budget = 1; budget <= 2; budget++) {
            descent_direct_options options = descent_direct_default_options();
            options.max_evaluations = budget == 1 ? 777 : 100000;
            options.target = budget == 1 ? -INFINITY : 1.0;
            theta[0] = -1.2, theta[1] = 1;
            descent_status status =
                method == 0
                    ? descent_anneal_minimize(&f, NULL, &options, theta, &result)
                    : descent_genetic_minimize(&f, NULL, &options, theta,
                                               &result);
            if (budget == 1) {
                assert_int_equal(status, DESCENT_MAX_ITERATIONS);
                assert_int_equal(result.counts.values, 777);
            } else {
                assert_int_equal(status, DESCENT_OK);
                assert_true(result.value <= 1.0);
                assert_int_equal(result.counts.values,
                                 options.target_evaluations);
            }
        }
    g.population = 4, g.crossover = 0, g.mutation = 0, g.elite = 1;
    theta[0] = -1.2, theta[1] = 1;
    assert_int_equal(descent_genetic_minimize(&f, &g, NULL, theta, &result),
                     DESCENT_OK);
    assert_non_null(strstr(result.message, "collapsed"));
}
static void bad_stochastic(void **state)
{
    const char *an = "descent_anneal_minimize", *ga = "descent_genetic_minimize";
    descent_rosenbrock rosenbrock;
    descent_result result;
    descent_error e;
    descent_direct_options options = descent_direct_default_options();
    double theta[2] = {-1.2, 1}, nan_theta[2] = {NAN, 1};
    (void)state;
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 2, 1, 100, &e), e);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    descent_direct_options reached = descent_direct_default_options();
    options.max_evaluations = 200;
    reached.target = 10;
    static const struct {
        descent_anneal a;
        const char *fragment;
    } anneal_bad[] = {
        {{.initial_temperature = 0, .cooling = 0.9, .final_temperature = 0.1,
          .steps = 1, .step = 1}, "initial_temperature = 0"},
        {{.initial_temperature = -1, .cooling = 0.9, .final_temperature = 0.1,
          .steps = 1, .step = 1}, "initial_temperature = -1"},
        {{.initial_temperature = INFINITY, .cooling = 0.9,
          .final_temperature = 0.1, .steps = 1, .step = 1},
         "initial_temperature = inf"},
        {{.initial_temperature = NAN, .cooling = 0.9, .final_temperature = 0.1,
          .steps = 1, .step = 1}, "initial_temperature = nan"},
        {{.initial_temperature = 1, .cooling = 1, .final_temperature = 0.1,
          .steps = 1, .step = 1}, "cooling = 1"},
        {{.initial_temperature = 1, .cooling = 0, .final_temperature = 0.1,
          .steps = 1, .step = 1}, "cooling = 0"},
        {{.initial_temperature = 1, .cooling = NAN, .final_temperature = 0.1,
          .steps = 1, .step = 1}, "cooling = nan"},
        {{.initial_temperature = 1, .cooling = 0.9, .final_temperature = 0,
          .steps = 1, .step = 1}, "final_temperature = 0"},
        {{.initial_temperature = 1, .cooling = 0.9, .final_temperature = 2,
          .steps = 1, .step = 1}, "final_temperature = 2"},
        {{.initial_temperature = 1, .cooling = 0.9, .final_temperature = 0.1,
          .steps = 0, .step = 1}, "steps = 0"},
        {{.initial_temperature = 1, .cooling = 0.9, .final_temperature = 0.1,
          .steps = 1, .step = 0}, "step = 0"},
        {{.initial_temperature = 1, .cooling = 0.9, .final_temperature = 0.1,
          .steps = 1, .step = -INFINITY}, "step = -inf"},
    };
    for (size_t i = 0; i < sizeof anneal_bad / sizeof anneal_bad[0]; i++) {
        descent_anneal a = anneal_bad[i].a;
        f.counts.values = 0;
        BAD(an, descent_anneal_minimize(&f, &a, &options, theta, &result),
            result, DESCENT_INVALID_ARGUMENT, anneal_bad[i].fragment);
        assert_int_equal(f.counts.values, 0);
    }
    BAD(an, descent_anneal_minimize(NULL, NULL, &options, theta, &result),
        result, DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD(an, descent_anneal_minimize(&f, NULL, &options, NULL, &result),
        result, DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(an, descent_anneal_minimize(&f, NULL, &options, nan_theta, &result),
        result, DESCENT_NONFINITE, "theta[0] = nan");
    BAD(an, descent_anneal_minimize(&f, NULL, &options, theta, NULL),
        e, DESCENT_INVALID_ARGUMENT, "");
    VALID(an, "NULL method and options: the defaults",
          descent_anneal_minimize(&f, NULL, NULL, theta, &result), result);
    static const struct {
        size_t population, tournament, elite;
        double crossover, mutation, mutation_scale, initial_scale;
        const char *fragment;
    } genetic_bad[] = {
        {1, 1, 0, 0.9, NAN, 1, 1, "population = 1"},
        {0, 1, 0, 0.9, NAN, 1, 1, "population = 0"},
        {10, 0, 1, 0.9, NAN, 1, 1, "tournament = 0"},
        {10, 11, 1, 0.9, NAN, 1, 1, "tournament = 11"},
        {10, 3, 10, 0.9, NAN, 1, 1, "elite = 10"},
        {10, 3, 1, 1.5, NAN, 1, 1, "crossover = 1.5"},
        {10, 3, 1, NAN, NAN, 1, 1, "crossover = nan"},
        {10, 3, 1, 0.9, -0.1, 1, 1, "mutation = -0.1"},
        {10, 3, 1, 0.9, INFINITY, 1, 1, "mutation = inf"},
        {10, 3, 1, 0.9, NAN, 0, 1, "mutation_scale = 0"},
        {10, 3, 1, 0.9, NAN, NAN, 1, "mutation_scale = nan"},
        {10, 3, 1, 0.9, NAN, 1, -2, "initial_scale = -2"},
        {10, 3, 1, 0.9, NAN, 1, INFINITY, "initial_scale = inf"},
    };
    for (size_t i = 0; i < sizeof genetic_bad / sizeof genetic_bad[0]; i++) {
        descent_genetic g = descent_genetic_defaults();
        g.population = genetic_bad[i].population;
        g.tournament = genetic_bad[i].tournament;
        g.elite = genetic_bad[i].elite;
        g.crossover = genetic_bad[i].crossover;
        g.mutation = genetic_bad[i].mutation;
        g.mutation_scale = genetic_bad[i].mutation_scale;
        g.initial_scale = genetic_bad[i].initial_scale;
        f.counts.values = 0;
        BAD(ga, descent_genetic_minimize(&f, &g, &options, theta, &result),
            result, DESCENT_INVALID_ARGUMENT, genetic_bad[i].fragment);
        assert_int_equal(f.counts.values, 0);
    }
    BAD(ga, descent_genetic_minimize(NULL, NULL, &options, theta, &result),
        result, DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD(ga, descent_genetic_minimize(&f, NULL, &options, NULL, &result),
        result, DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(ga, descent_genetic_minimize(&f, NULL, &options, nan_theta, &result),
        result, DESCENT_NONFINITE, "theta[0] = nan");
    BAD(ga, descent_genetic_minimize(&f, NULL, &options, theta, NULL),
        e, DESCENT_INVALID_ARGUMENT, "");
    {
        descent_genetic huge = descent_genetic_defaults();
        huge.population = SIZE_MAX / 2;
        huge.tournament = 1;
        BAD(ga, descent_genetic_minimize(&f, &huge, &options, theta, &result),
            result, DESCENT_INVALID_ARGUMENT, "population = ");
    }
    {
        descent_genetic pair = descent_genetic_defaults();
        pair.population = 2;
        pair.tournament = 2;
        pair.elite = 1;
        VALID(ga, "a population of two, one of them elite",
              descent_genetic_minimize(&f, &pair, &reached, theta, &result),
              result);
    }
    VALID(ga, "NULL method: the defaults",
          descent_genetic_minimize(&f, NULL, &reached, theta, &result), result);
    SURVIVES(ga, "NULL options: the default budget, spent",
             descent_genetic_minimize(&f, NULL, NULL, theta, &result));
    {
        descent_anneal a = descent_anneal_defaults();
        descent_genetic g = descent_genetic_defaults();
        VALID("descent_anneal_defaults", "the defaults pass the checks",
              descent_anneal_minimize(&f, &a, &reached, theta, &result),
              result);
        VALID("descent_genetic_defaults", "the defaults pass the checks",
              descent_genetic_minimize(&f, &g, &reached, theta, &result),
              result);
    }
}
enum { SCALING_SIZES = 6, SCALING_SEEDS = 3, SCALING_METHODS = 6,
       SCALING_FIT_FROM = 2 };   /* the fits start at n = 8 */
static const size_t scaling_n[SCALING_SIZES] = {2, 4, 8, 16, 32, 64};
#define SCALING_REDUCTION 1e-6   /* E - E* must fall by this factor */
#define SCALING_BUDGET 200000    /* evaluations a method may spend */
#define SCALING_OMEGA 5.0        /* values per value and gradient */

typedef enum scaling_method {
    BY_COORDINATES, BY_ACCELERATED_COORDINATES, BY_POWELL,
    BY_NELDER_MEAD, BY_ADAPTIVE_NELDER_MEAD, BY_LBFGS
} scaling_method;

static const char *const scaling_name[SCALING_METHODS] = {
    "coordinate search", "coordinate search, accelerated", "Powell",
    "Nelder--Mead", "Nelder--Mead, adaptive", "L-BFGS, $\\omega=5$"};

typedef struct scaling_counter {
    descent_objective *inner;
    double target;
    unsigned long values, gradients;
    double cost;           /* in values, when E <= target first held */
} scaling_counter;

static double scaling_count(const double *theta, double *g, void *context)
{
    scaling_counter *c = context;
    double value = c->inner->evaluate(theta, g, c->inner->context);
    c->values++;
    c->gradients += g != NULL;
    if (value <= c->target && isnan(c->cost))
        c->cost = (double)(c->values - c->gradients) +
                  SCALING_OMEGA * (double)c->gradients;
    return value;
}
static double scaling_lbfgs(descent_objective *f, double *theta,
                            double target)
{
    scaling_counter counter = {f, target, 0, 0, NAN};
    descent_objective counted = {.n = f->n, .evaluate = scaling_count,
                                 .context = &counter, .name = f->name};
    descent_line_search search = descent_line_search_defaults();
    descent_options options = descent_default_options();
    descent_lbfgs lbfgs;
    descent_result result;
    descent_error error;
    REQUIRE(descent_lbfgs_init(&lbfgs, f->n, 5, &error), error);
    descent_direction_rule direction = descent_lbfgs_direction(&lbfgs);
    search.initial_rule = DESCENT_INITIAL_FIXED;
    search.initial_step = 1;
    descent_step_rule step = descent_wolfe_step(&search);
    options.gradient_tolerance = 1e-10;
    options.max_iterations = 100000;
    descent_minimize(&counted, &direction, &step, &options, theta, &result);
    descent_lbfgs_free(&lbfgs);
    return counter.cost;
}

static double scaling_cost(scaling_method m, descent_objective *f,
                           const double *start, double target,
                           size_t budget)
{
    double *theta = malloc(f->n * sizeof *theta), cost;
    descent_direct_options options = descent_direct_default_options();
    descent_result result;
    assert_non_null(theta);
    memcpy(theta, start, f->n * sizeof *theta);
    options.target = target;
    options.max_evaluations = budget;
    if (m == BY_LBFGS) {
        cost = scaling_lbfgs(f, theta, target);
    } else {
        if (m == BY_COORDINATES || m == BY_ACCELERATED_COORDINATES) {
            descent_coordinate_search cs = descent_coordinate_search_defaults();
            cs.accelerate = m == BY_ACCELERATED_COORDINATES;
            descent_coordinate_minimize(f, &cs, &options, theta, &result);
        } else if (m == BY_POWELL) {
            descent_powell powell = descent_powell_defaults();
            descent_powell_minimize(f, &powell, &options, theta, &result);
        } else {
            descent_nelder_mead nm = descent_nelder_mead_defaults();
            nm.adaptive = m == BY_ADAPTIVE_NELDER_MEAD;
            descent_nelder_mead_minimize(f, &nm, &options, theta, &result);
        }
        cost = options.target_evaluations > 0
                   ? (double)options.target_evaluations : NAN;
    }
    free(theta);
    return cost;
}
typedef struct scaling_problem {
    descent_quadratic q;
    descent_rosenbrock r;
    descent_objective f;
    double *start, target;
    bool quadratic;
} scaling_problem;

static void scaling_problem_init(scaling_problem *p, bool quadratic,
                                 size_t n, unsigned seed)
{
    descent_error error;
    double *lambda = malloc(n * sizeof *lambda);
    p->start = malloc(n * sizeof *p->start);
    p->quadratic = quadratic;
    assert_non_null(lambda);
    assert_non_null(p->start);
    for (size_t i = 0; i < n; i++) {
        lambda[i] = pow(100, (double)i / (double)(n - 1));
        p->start[i] = quadratic ? 1 : i % 2 ? 1 : -1.2;
    }
    if (quadratic) {
        REQUIRE(descent_quadratic_spectrum(&p->q, n, lambda, NULL, 0, seed,
                                           &error), error);
        p->f = descent_quadratic_objective(&p->q);
    } else {
        REQUIRE(descent_rosenbrock_init(&p->r, n, 1, 100, &error), error);
        p->f = descent_rosenbrock_objective(&p->r);
    }
    p->target = SCALING_REDUCTION * descent_value(&p->f, p->start);
    free(lambda);
}

static void scaling_problem_free(scaling_problem *p)
{
    if (p->quadratic)
        descent_quadratic_free(&p->q);
    free(p->start);
}
static void scaling_costs(bool quadratic, scaling_method m,
                          double cost[SCALING_SIZES])
{
    for (size_t k = 0; k < SCALING_SIZES; k++) {
        size_t seeds = quadratic ? SCALING_SEEDS : 1;
        double log_sum = 0;
        for (size_t s = 0; s < seeds && !isnan(log_sum); s++) {
            scaling_problem p;
            scaling_problem_init(&p, quadratic, scaling_n[k],
                                 (unsigned)(s + 1));
            log_sum += log(scaling_cost(m, &p.f, p.start, p.target,
                                        SCALING_BUDGET));
            scaling_problem_free(&p);
        }
        cost[k] = exp(log_sum / (double)seeds);
    }
}

static double scaling_exponent(const double cost[SCALING_SIZES],
                               size_t *sizes)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    size_t count = 0;
    for (size_t k = SCALING_FIT_FROM; k < SCALING_SIZES; k++) {
        if (isnan(cost[k]))
            continue;
        double x = log((double)scaling_n[k]), y = log(cost[k]);
        sx += x, sy += y, sxx += x * x, sxy += x * y;
        count++;
    }
    *sizes = count;
    if (count < 3)
        return NAN;
    return (sxy - sx * sy / (double)count) /
           (sxx - sx * sx / (double)count);
}
static void claim_beyond_scaling(void **state)
{
    double cost[2][SCALING_METHODS][SCALING_SIZES];
    double exponent[2][SCALING_METHODS], worst_exponent = INFINITY;
    double worst_ratio = INFINITY, bound = (64 + 1) / SCALING_OMEGA;
    size_t sizes[2][SCALING_METHODS];
    bool holds = true;
    (void)state;
    for (int q = 0; q < 2; q++)
        for (int m = 0; m < SCALING_METHODS; m++) {
            scaling_costs(q == 0, (scaling_method)m, cost[q][m]);
            exponent[q][m] = scaling_exponent(cost[q][m], &sizes[q][m]);
        }
    for (int q = 0; q < 2; q++)
        for (int m = 0; m < BY_LBFGS; m++) {
            double lbfgs = cost[q][BY_LBFGS][SCALING_SIZES - 1];
            double here = cost[q][m][SCALING_SIZES - 1];
            double ratio = (isnan(here) ? SCALING_BUDGET : here) / lbfgs;
            if (!isnan(exponent[q][m]) && exponent[q][m] < worst_exponent)
                worst_exponent = exponent[q][m];
            if (ratio < worst_ratio)
                worst_ratio = ratio;
            holds = holds && (isnan(exponent[q][m]) || exponent[q][m] >= 0.9);
            holds = holds && isfinite(lbfgs) && ratio >= bound;
        }
    holds = holds && exponent[0][BY_LBFGS] <= 0.5;
    for (int m = 0; m < SCALING_METHODS; m++) {
        char text[2][2][32];
        for (int q = 0; q < 2; q++) {
            double c64 = cost[q][m][SCALING_SIZES - 1];
            if (isnan(exponent[q][m]))
                snprintf(text[q][0], sizeof text[q][0], "--");
            else
                snprintf(text[q][0], sizeof text[q][0], "%.2f", exponent[q][m]);
            if (isnan(c64))
                snprintf(text[q][1], sizeof text[q][1], "missed");
            else
                snprintf(text[q][1], sizeof text[q][1], "%.0f", c64);
        }
        claim_table_row("beyond-scaling-table", "%s & %s & %s & %s & %s\\\\",
                        scaling_name[m], text[0][0], text[0][1], text[1][0],
                        text[1][1]);
    }
    claim_table_row("beyond-scaling-numbers",
                    "\\gdef\\beyondPerDimension{%.0f}"
                    "\\gdef\\beyondLbfgsCost{%.0f}",
                    cost[0][BY_COORDINATES][SCALING_SIZES - 1] / 64,
                    cost[0][BY_LBFGS][SCALING_SIZES - 1]);
    char measured[160];
    snprintf(measured, sizeof measured,
             "smallest exponent %.2f, L-BFGS's on the quadratic %.2f, "
             "smallest ratio at $n=64$: %.0f", worst_exponent,
             exponent[0][BY_LBFGS], worst_ratio);
    claim_report("beyond-scaling",
                 "derivative-free costs grow at least like $n^{0.9}$, "
                 "L-BFGS's on the quadratic at most like $n^{0.5}$, and "
                 "at $n=64$ each derivative-free method costs at least "
                 "$(n+1)/\\omega$ times L-BFGS's",
                 measured, "0.9, 0.5 and 13", holds);
    assert_true(holds);
}
static void bad_direct_options(void **state)
{
    const char *fn = "descent_direct_default_options";
    descent_rosenbrock r;
    descent_error e;
    descent_trace trace;
    descent_result result;
    double theta[2] = {-1.2, 1};
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &e), e);
    descent_objective f = descent_rosenbrock_objective(&r);
    descent_direct_options options = descent_direct_default_options();
    options.target_evaluations = 99;
    VALID(fn, "the defaults pass every check",
          descent_nelder_mead_minimize(&f, NULL, &options, theta, &result),
          result);
    assert_int_equal(options.target_evaluations, 0);
    options.max_evaluations = 0;
    BAD(fn, descent_nelder_mead_minimize(&f, NULL, &options, theta, &result),
        result, DESCENT_INVALID_ARGUMENT, "max_evaluations = 0");
    options = descent_direct_default_options();
    options.step_tolerance = INFINITY;
    BAD(fn, descent_nelder_mead_minimize(&f, NULL, &options, theta, &result),
        result, DESCENT_INVALID_ARGUMENT, "step_tolerance = inf");
    options = descent_direct_default_options();
    options.target = NAN;
    BAD(fn, descent_nelder_mead_minimize(&f, NULL, &options, theta, &result),
        result, DESCENT_INVALID_ARGUMENT, "target = nan");
    options = descent_direct_default_options();
    REQUIRE(descent_trace_init(&trace, 3, false, &e), e);
    options.trace = &trace;
    BAD(fn, descent_nelder_mead_minimize(&f, NULL, &options, theta, &result),
        result, DESCENT_INVALID_ARGUMENT, "the trace is for n = 3");
    descent_trace_free(&trace);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-12-table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(direct_minimizes),
        cmocka_unit_test(direct_budget_target_trace),
        cmocka_unit_test(claim_beyond_powell),
        cmocka_unit_test(claim_beyond_mckinnon),
        cmocka_unit_test(direct_line_bad_input),
        cmocka_unit_test(nm_bad_input),
        cmocka_unit_test(claim_beyond_xor),
        cmocka_unit_test(test_stochastic_reproducible),
        cmocka_unit_test(test_anneal_schedule),
        cmocka_unit_test(test_stochastic_stopping),
        cmocka_unit_test(bad_stochastic),
        cmocka_unit_test(claim_beyond_scaling),
        cmocka_unit_test(bad_direct_options),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
