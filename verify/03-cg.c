/* 03-cg.c: generated from chapters/03-cg.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cg.h"
#include "claims.h"
#include "descent.h"
#include "linesearch.h"

typedef struct spd_system {
    size_t n;
    descent_quadratic q;
    double *b;
} spd_system;

static spd_system make_system(size_t n, const double *lambda, unsigned seed)
{
    descent_error error;
    spd_system s = {.n = n, .b = malloc(n * sizeof(double))};
    assert_non_null(s.b);
    REQUIRE(descent_quadratic_spectrum(&s.q, n, lambda, NULL, 0, seed,
                                       &error), error);
    for (size_t i = 0; i < n; i++)
        s.b[i] = sin((double)i + 1);
    return s;
}

static void free_system(spd_system *s)
{
    descent_quadratic_free(&s->q);
    free(s->b);
}

static double a_norm(const spd_system *s, const double *x)
{
    double *Ax = malloc(s->n * sizeof *Ax);
    assert_non_null(Ax);
    cblas_dsymv(CblasRowMajor, CblasUpper, (int)s->n, 1.0, s->q.A,
                (int)s->n, x, 1, 0.0, Ax, 1);
    double norm = sqrt(cblas_ddot((int)s->n, x, 1, Ax, 1));
    free(Ax);
    return norm;
}

static void uniform_spectrum(size_t n, double kappa, double *lambda)
{
    for (size_t i = 0; i < n; i++)
        lambda[i] = 1 + (kappa - 1) * (double)i / (double)(n - 1);
}
typedef struct conjugacy_loss {
    double orthogonality, conjugacy;   /* worst over all pairs */
    double local;                      /* worst consecutive, / u kappa s_j */
} conjugacy_loss;

static conjugacy_loss measure_conjugacy(const spd_system *s, const double *r,
                                        const double *d, size_t count,
                                        double kappa)
{
    const double u = 0x1p-53;
    size_t n = s->n;
    int m = (int)n;
    conjugacy_loss loss = {0, 0, 0};
    double *Ad = malloc(count * (n + 2) * sizeof *Ad);
    assert_non_null(Ad);
    double *r_norm = Ad + count * n, *d_norm = r_norm + count;
    for (size_t j = 0; j < count; j++) {
        cblas_dsymv(CblasRowMajor, CblasUpper, m, 1.0, s->q.A, m, d + j * n,
                    1, 0.0, Ad + j * n, 1);
        r_norm[j] = cblas_dnrm2(m, r + j * n, 1);
        d_norm[j] = sqrt(cblas_ddot(m, d + j * n, 1, Ad + j * n, 1));
        assert_true(r_norm[j] > 0 && r_norm[j] < INFINITY);
        assert_true(d_norm[j] > 0 && d_norm[j] < INFINITY);
    }
    for (size_t j = 1; j < count; j++) {
        double s_j = fmax(1, r_norm[j - 1] / r_norm[j]);
        for (size_t i = 0; i < j; i++) {
            double o = fabs(cblas_ddot(m, r + i * n, 1, r + j * n, 1)) /
                       (r_norm[i] * r_norm[j]);
            double c = fabs(cblas_ddot(m, d + i * n, 1, Ad + j * n, 1)) /
                       (d_norm[i] * d_norm[j]);
            loss.orthogonality = fmax(loss.orthogonality, o);
            loss.conjugacy = fmax(loss.conjugacy, c);
            if (i + 1 == j)
                loss.local = fmax(loss.local, fmax(o, c) / (u * kappa * s_j));
        }
    }
    free(Ad);
    return loss;
}
typedef struct watched_direction {
    descent_direction_rule inner;
    double lowest, highest;       /* of g^T d / ||g||^2 */
} watched_direction;

static descent_status watch(void *state, descent_objective *f,
                            const descent_point *at, double *d,
                            descent_error *error)
{
    watched_direction *w = state;
    descent_status status =
        w->inner.direction(w->inner.state, f, at, d, error);
    if (status == DESCENT_OK) {
        double ratio = cblas_ddot((int)at->n, at->g, 1, d, 1) /
                       (at->gradient_norm * at->gradient_norm);
        w->lowest = fmin(w->lowest, ratio);
        w->highest = fmax(w->highest, ratio);
    }
    return status;
}
#define LINEAR_CG(n, A, b, x, options)                                \
    (descent_linear_cg(n, A, b, x, options, &r), r.status)
#define BAD_CG(n, A, b, x, options, want, fragment)                   \
    BAD("descent_linear_cg", LINEAR_CG(n, A, b, x, options), r, want, \
        fragment)
#define CG_OPTION(field, value)                                       \
    (options = descent_cg_default_options(), options.field = (value), \
     &options)
#define CG_RUN(state)                                                 \
    (direction = descent_nonlinear_cg_direction(state),               \
     theta[0] = theta[1] = 0.5,                                       \
     descent_minimize(&cubic, &direction, &step, NULL, theta,         \
                      &result))
#define BAD_CG_RUN(state, want, fragment)                             \
    BAD("descent_nonlinear_cg_direction", CG_RUN(state), result,      \
        want, fragment)
#define BAD_CG_INIT(n, formula, fragment)                             \
    BAD("descent_nonlinear_cg_init",                                  \
        descent_nonlinear_cg_init(&cg, n, formula, 0, &e), e,         \
        DESCENT_INVALID_ARGUMENT, fragment)
static void claim_cg_finite(void **state)
{
    const size_t sizes[3] = {10, 20, 50}, distinct[4] = {2, 3, 5, 8};
    const double kappas[2] = {10, 100};
    double lambda[100], x[100];
    int within = 0, cases = 0;
    descent_cg_result result;
    (void)state;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++, cases++) {
            uniform_spectrum(sizes[i], kappas[j], lambda);
            spd_system s = make_system(sizes[i], lambda, 80 + (unsigned)cases);
            memset(x, 0, sizeof x);
            descent_linear_cg(s.n, s.q.A, s.b, x, NULL, &result);
            within += result.status == DESCENT_OK &&
                      result.iterations <= s.n;
            free_system(&s);
        }
    for (int i = 0; i < 4; i++, cases++) {
        size_t m = distinct[i];
        for (size_t k = 0; k < 100; k++)
            lambda[k] = 1 + 99.0 * (double)(k % m) / (double)(m - 1);
        spd_system s = make_system(100, lambda, 90 + (unsigned)i);
        memset(x, 0, sizeof x);
        descent_linear_cg(s.n, s.q.A, s.b, x, NULL, &result);
        within += result.status == DESCENT_OK && result.iterations <= m;
        if (result.iterations > m)
            printf("m = %zu distinct eigenvalues: %zu iterations\n", m,
                   result.iterations);
        free_system(&s);
    }
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d within the count",
             within, cases);
    snprintf(bound, sizeof bound, "all %d", cases);
    claim_report("cg-finite",
                 "linear CG finishes in at most $n$ steps, in $m$ for "
                 "$m$ distinct eigenvalues", measured, bound,
                 within == cases);
    assert_int_equal(within, cases);
}
static void claim_cg_bound(void **state)
{
    enum { n = 100, most = 1000 };
    const double kappas[4] = {10, 1e2, 1e3, 1e4};
    double lambda[n], x[n], star[n], e[n], worst = 0;
    double *iterates = malloc((most + 1) * n * sizeof *iterates);
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result result;
    descent_error error;
    (void)state;
    assert_non_null(iterates);
    options.tolerance = 1e-14;
    options.max_iterations = most;
    options.iterates = iterates;
    for (int j = 0; j < 4; j++) {
        uniform_spectrum(n, kappas[j], lambda);
        spd_system s = make_system(n, lambda, 100 + (unsigned)j);
        memcpy(s.q.b, s.b, n * sizeof *s.b);
        cblas_dscal(n, -1.0, s.q.b, 1);
        REQUIRE(descent_quadratic_critical_point(&s.q, star, &error), error);
        memset(x, 0, sizeof x);
        descent_linear_cg(n, s.q.A, s.b, x, &options, &result);
        assert_true(result.status == DESCENT_OK ||
                    result.status == DESCENT_MAX_ITERATIONS);
        double root = sqrt(kappas[j]), rate = (root - 1) / (root + 1);
        double e0 = a_norm(&s, star);
        for (size_t k = 0; k <= result.iterations; k++) {
            memcpy(e, iterates + k * n, sizeof e);
            cblas_daxpy(n, -1.0, star, 1, e, 1);
            double ek = a_norm(&s, e);
            if (ek < 1e-12 * e0)
                break;
            worst = fmax(worst, ek / (2 * pow(rate, (double)k) * e0));
        }
        free_system(&s);
    }
    free(iterates);
    bool holds = claim_report_at_most(
        "cg-bound", "$\\|e_k\\|_A\\le2((\\sqrt\\kappa-1)/(\\sqrt\\kappa+1))^k"
                    "\\|e_0\\|_A$ (ratio to the bound)", worst, 1);
    assert_true(holds);
}
static void claim_cg_conjugacy(void **state)
{
    enum { n = 50, most = 500, matrices = 3 };
    const double kappas[4] = {10, 1e2, 1e3, 1e4};
    double lambda[n], x[n], local = 0;
    double *r = malloc(2 * (most + 1) * n * sizeof *r), *d = r + (most + 1) * n;
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result result;
    (void)state;
    assert_non_null(r);
    options.max_iterations = most;
    options.residuals = r;
    options.directions = d;
    for (int j = 0; j < 4; j++) {
        conjugacy_loss worst = {0, 0, 0};
        size_t iterations = 0;
        uniform_spectrum(n, kappas[j], lambda);
        for (int k = 0; k < matrices; k++) {
            unsigned seed = 110 + (unsigned)(j + 4 * k);
            spd_system s = make_system(n, lambda, seed);
            memset(x, 0, sizeof x);
            for (size_t i = 0; i < 2 * (most + 1) * n; i++)
                r[i] = NAN;
            REQUIRE(descent_linear_cg(n, s.q.A, s.b, x, &options, &result),
                    result);
            conjugacy_loss loss =
                measure_conjugacy(&s, r, d, result.iterations, kappas[j]);
            worst.orthogonality =
                fmax(worst.orthogonality, loss.orthogonality);
            worst.conjugacy = fmax(worst.conjugacy, loss.conjugacy);
            worst.local = fmax(worst.local, loss.local);
            if (result.iterations > iterations)
                iterations = result.iterations;
            free_system(&s);
        }
        char c_text[40], o_text[40];
        claim_format(c_text, sizeof c_text, worst.conjugacy);
        claim_format(o_text, sizeof o_text, worst.orthogonality);
        claim_table_row("cg-conjugacy-table",
                        "$10^{%d}$ & %zu & %s & %s & $%.2f$ \\\\", j + 1,
                        iterations, c_text, o_text, worst.local);
        local = fmax(local, worst.local);
    }
    free(r);
    char measured[80];
    snprintf(measured, sizeof measured,
             "local losses within $%.2fu\\kappa s_j$", local);
    bool holds = local <= n;
    claim_report("cg-conjugacy",
                 "consecutive residuals stay orthogonal and consecutive "
                 "directions conjugate to within $nu\\kappa s_j$",
                 measured, "$nu\\kappa s_j$ with $n=50$", holds);
    assert_true(holds);
}
static void claim_cg_matches_linear(void **state)
{
    enum { n = 10 };
    const descent_cg_formula formulas[2] = {DESCENT_FLETCHER_REEVES,
                                            DESCENT_POLAK_RIBIERE};
    double lambda[n], x[n], star[n], linear[(n + 1) * n], worst = 0;
    bool finite = true;
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result result;
    descent_error error;
    (void)state;
    uniform_spectrum(n, 100, lambda);
    spd_system s = make_system(n, lambda, 120);
    memcpy(s.q.b, s.b, sizeof x);
    cblas_dscal(n, -1.0, s.q.b, 1);
    REQUIRE(descent_quadratic_critical_point(&s.q, star, &error), error);
    options.iterates = linear;
    options.max_iterations = n;
    memset(x, 0, sizeof x);
    descent_linear_cg(n, s.q.A, s.b, x, &options, &result);
    for (int f = 0; f < 2; f++) {
        descent_nonlinear_cg cg;
        descent_line_search search = descent_line_search_defaults();
        descent_trace trace;
        double theta[n] = {0};
        REQUIRE(descent_nonlinear_cg_init(&cg, n, formulas[f], 0, &error),
                error);
        REQUIRE(descent_trace_init(&trace, n, true, &error), error);
        descent_objective objective = descent_quadratic_objective(&s.q);
        descent_direction_rule direction = descent_nonlinear_cg_direction(&cg);
        descent_step_rule step = descent_exact_step(&search);
        descent_options o = descent_default_options();
        o.gradient_tolerance = 1e-10 * cblas_dnrm2(n, s.b, 1);
        o.trace = &trace;
        descent_result r;
        descent_minimize(&objective, &direction, &step, &o, theta, &r);
        finite = finite && r.status == DESCENT_OK && r.iterations <= n;
        for (size_t k = 0; k < trace.length && k <= result.iterations; k++) {
            const double *t = descent_trace_iterate(&trace, k);
            double difference[n];
            memcpy(difference, t, sizeof difference);
            cblas_daxpy(n, -1.0, linear + k * n, 1, difference, 1);
            worst = fmax(worst, cblas_dnrm2(n, difference, 1) /
                                    cblas_dnrm2(n, star, 1));
        }
        descent_trace_free(&trace);
        descent_nonlinear_cg_free(&cg);
    }
    free_system(&s);
    char measured[128], text[40];
    claim_format(text, sizeof text, worst);
    snprintf(measured, sizeof measured,
             "paths within %s of $\\|\\theta^*\\|$, %s", text,
             finite ? "each in at most $n$ steps" : "not all in $n$ steps");
    bool holds = worst <= 1e-8 && finite;
    claim_report("cg-matches-linear",
                 "with exact steps, FR and PR reproduce linear CG",
                 measured, "within $10^{-8}$, in at most $n$ steps", holds);
    assert_true(holds);
}
typedef struct method_run {
    size_t iterations;
    unsigned long gradients;
    double lowest, highest;
    size_t safeguards;
} method_run;

static method_run run_method(descent_objective *f, const double *start,
                             int method)
{
    enum { steepest = 0 };
    const descent_cg_formula formulas[3] = {
        DESCENT_FLETCHER_REEVES, DESCENT_FLETCHER_REEVES,
        DESCENT_POLAK_RIBIERE_PLUS};
    size_t n = f->n;
    double *theta = malloc(n * sizeof *theta);
    descent_nonlinear_cg cg;
    descent_error error;
    assert_non_null(theta);
    memcpy(theta, start, n * sizeof *theta);
    REQUIRE(descent_nonlinear_cg_init(&cg, n, formulas[method], 0, &error),
            error);
    watched_direction w = {
        method == steepest ? descent_steepest_descent()
                           : descent_nonlinear_cg_direction(&cg),
        INFINITY, -INFINITY};
    descent_direction_rule direction = {"watched", watch, &w};
    descent_line_search search = descent_line_search_defaults();
    search.c2 = 0.1;
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.gradient_tolerance = 1e-6;
    options.max_iterations = 100000;
    descent_result result;
    descent_minimize(f, &direction, &step, &options, theta, &result);
    expect(result.status, result.message, DESCENT_OK, "converged");
    method_run run = {result.iterations, result.counts.gradients, w.lowest,
                      w.highest, cg.safeguard_restarts};
    descent_nonlinear_cg_free(&cg);
    free(theta);
    return run;
}
static void claim_cg_faster_and_descent(void **state)
{
    const char *names[3] = {"steepest descent", "Fletcher--Reeves", "PR+"};
    const double c2 = 0.1;
    double start[100], lambda[100], smallest_ratio = INFINITY;
    double lowest = INFINITY, highest = -INFINITY;
    size_t fr_safeguards = 0, pr_safeguards = 0;
    descent_rosenbrock r;
    descent_error error;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    uniform_spectrum(100, 1e3, lambda);
    spd_system s = make_system(100, lambda, 130);
    descent_objective problems[2] = {descent_rosenbrock_objective(&r),
                                     descent_quadratic_objective(&s.q)};
    const char *problem_names[2] = {"Rosenbrock", "quadratic"};
    for (int p = 0; p < 2; p++) {
        size_t n = problems[p].n;
        for (size_t i = 0; i < n; i++)
            start[i] = p == 0 ? (i == 0 ? -1.2 : 1) : cos((double)i + 1);
        method_run runs[3];
        for (int m = 0; m < 3; m++) {
            runs[m] = run_method(&problems[p], start, m);
            claim_table_row("cg-faster-table", "%s & %s & %zu & %lu \\\\",
                            m == 0 ? problem_names[p] : "", names[m],
                            runs[m].iterations, runs[m].gradients);
        }
        for (int m = 1; m < 3; m++) {
            smallest_ratio = fmin(smallest_ratio,
                                  fmin((double)runs[0].iterations /
                                           (double)runs[m].iterations,
                                       (double)runs[0].gradients /
                                           (double)runs[m].gradients));
        }
        fr_safeguards += runs[1].safeguards;
        pr_safeguards += runs[2].safeguards;
        lowest = fmin(lowest, runs[1].lowest);
        highest = fmax(highest, runs[1].highest);
    }
    free_system(&s);
    char measured[96], bound[64];
    snprintf(measured, sizeof measured, "ratio at least $%.3g$",
             smallest_ratio);
    bool faster = smallest_ratio >= 5;
    claim_report("cg-faster",
                 "FR and PR+ need far fewer iterations and gradients than "
                 "steepest descent", measured, "ratio $\\ge5$", faster);
    double below = -1 / (1 - c2), above = (2 * c2 - 1) / (1 - c2);
    bool descent = lowest >= below && highest <= above && fr_safeguards == 0;
    snprintf(measured, sizeof measured,
             "$g^{\\mathsf T}d/\\|g\\|^2$ between $%.3f$ and $%.3f$, %zu "
             "safeguard restarts (PR+: %zu)", lowest, highest, fr_safeguards,
             pr_safeguards);
    snprintf(bound, sizeof bound, "between $%.3f$ and $%.3f$, no restarts",
             below, above);
    claim_report("cg-descent",
                 "with $c_2<\\frac12$ FR directions satisfy Al-Baali's bounds; "
                 "FR needs no safeguard restart", measured, bound, descent);
    assert_true(faster);
    assert_true(descent);
}
static void bad_cg_input(void **state)
{
    const double A[4] = {2, 1, 1, 2}, b[2] = {1, 1};
    double x[2] = {0, 0}, norms[4];
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result r;
    descent_error e;
    (void)state;
    BAD("descent_linear_cg", descent_linear_cg(2, A, b, x, NULL, NULL),
        e, DESCENT_INVALID_ARGUMENT, "");
    BAD_CG(2, NULL, b, x, NULL, DESCENT_INVALID_ARGUMENT, "A is NULL");
    BAD_CG(2, A, NULL, x, NULL, DESCENT_INVALID_ARGUMENT, "b is NULL");
    BAD_CG(2, A, b, NULL, NULL, DESCENT_INVALID_ARGUMENT, "x is NULL");
    BAD_CG(0, A, b, x, NULL, DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD_CG((size_t)1 << 61, A, b, x, NULL, DESCENT_INVALID_ARGUMENT,
           "n = 2305843009213693952");
    BAD_CG((size_t)1 << 60, A, b, x, NULL, DESCENT_INVALID_ARGUMENT,
           "n = 1152921504606846976");
    BAD_CG(SIZE_MAX, A, b, x, NULL, DESCENT_INVALID_ARGUMENT,
           "n = 18446744073709551615");
    BAD_CG((size_t)INT_MAX + 1, A, b, x, NULL, DESCENT_INVALID_ARGUMENT,
           "n = 2147483648");
    BAD_CG(2, A, b, x, CG_OPTION(tolerance, NAN), DESCENT_INVALID_ARGUMENT,
           "tolerance = nan");
    BAD_CG(2, A, b, x, CG_OPTION(tolerance, INFINITY),
           DESCENT_INVALID_ARGUMENT, "tolerance = inf");
    BAD_CG(2, A, b, x, CG_OPTION(tolerance, -INFINITY),
           DESCENT_INVALID_ARGUMENT, "tolerance = -inf");
    BAD_CG(2, A, b, x, CG_OPTION(tolerance, 0), DESCENT_INVALID_ARGUMENT,
           "tolerance = 0");
    BAD_CG(2, A, b, x, CG_OPTION(tolerance, -1), DESCENT_INVALID_ARGUMENT,
           "tolerance = -1");
    options = descent_cg_default_options();
    options.residual_norms = norms;
    options.max_iterations = SIZE_MAX;
    BAD_CG(2, A, b, x, &options, DESCENT_INVALID_ARGUMENT,
           "max_iterations = 18446744073709551615");
    options.residual_norms = NULL;
    options.iterates = norms;
    options.max_iterations = SIZE_MAX / 4;
    BAD_CG(2, A, b, x, &options, DESCENT_INVALID_ARGUMENT,
           "max_iterations = 4611686018427387903");
    const double nan_A[4] = {1, NAN, NAN, 1}, inf_A[4] = {1, 0, 0, INFINITY};
    const double lopsided[4] = {2, 1, 0, 2}, indefinite[4] = {1, 0, 0, -1};
    const double huge[4] = {1e300, 0, 0, 1e300}, nan_b[2] = {1, NAN};
    double far[2] = {1e300, 1e300}, nan_x[2] = {NAN, 0};
    BAD_CG(2, nan_A, b, x, NULL, DESCENT_NONFINITE, "A[0][1] = nan");
    BAD_CG(2, inf_A, b, x, NULL, DESCENT_NONFINITE, "A[1][1] = inf");
    BAD_CG(2, lopsided, b, x, NULL, DESCENT_INVALID_ARGUMENT,
           "A is not symmetric: A[0][1] = 1 but A[1][0] = 0");
    BAD_CG(2, indefinite, b, x, NULL, DESCENT_INVALID_ARGUMENT,
           "not positive definite: d^T A d = 0");
    BAD_CG(2, indefinite, b, x, CG_OPTION(jacobi, true),
           DESCENT_INVALID_ARGUMENT, "positive diagonal: A[1][1] = -1");
    BAD_CG(2, A, nan_b, x, NULL, DESCENT_NONFINITE, "b[1] = nan");
    BAD_CG(2, A, b, nan_x, NULL, DESCENT_NONFINITE, "x[0] = nan");
    BAD_CG(2, huge, b, far, NULL, DESCENT_NONFINITE,
           "the residual became inf");
    const double zero[2] = {0, 0};
    x[0] = 5;
    VALID("descent_linear_cg", "b = 0 has the solution x = 0",
          LINEAR_CG(2, indefinite, zero, x, NULL), r);
    assert_true(x[0] == 0 && x[1] == 0);
    assert_true(r.iterations == 0 && r.relative_residual == 0);
    VALID("descent_linear_cg", "NULL options are the defaults",
          LINEAR_CG(2, A, b, x, NULL), r);
    VALID("descent_linear_cg", "max_iterations = 0 means 10 n",
          LINEAR_CG(2, A, b, x, CG_OPTION(max_iterations, 0)), r);
    VALID("descent_cg_default_options", "the defaults pass the checks",
          LINEAR_CG(2, A, b, x, CG_OPTION(jacobi, false)), r);
}
static void bad_nonlinear_cg_input(void **state)
{
    descent_nonlinear_cg cg;
    descent_error e;
    descent_objective cubic = descent_cubic_objective();
    descent_direction_rule direction;
    descent_line_search search = descent_line_search_defaults();
    descent_step_rule step = descent_wolfe_step(&search);
    descent_result result;
    double theta[2];
    (void)state;
    BAD("descent_nonlinear_cg_init",
        descent_nonlinear_cg_init(NULL, 2, DESCENT_FLETCHER_REEVES, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "cg is NULL");
    BAD_CG_INIT(0, DESCENT_FLETCHER_REEVES, "n = 0");
    BAD_CG_INIT((size_t)1 << 61, DESCENT_FLETCHER_REEVES,
                "n = 2305843009213693952");
    BAD_CG_INIT((size_t)1 << 60, DESCENT_POLAK_RIBIERE,
                "n = 1152921504606846976");
    BAD_CG_INIT(SIZE_MAX, DESCENT_POLAK_RIBIERE_PLUS,
                "n = 18446744073709551615");
    BAD_CG_INIT((size_t)INT_MAX + 1, DESCENT_HESTENES_STIEFEL,
                "n = 2147483648");
    BAD_CG_INIT(2, (descent_cg_formula)4, "formula = 4");
    BAD_CG_INIT(2, (descent_cg_formula)-1, "formula = -1");
    VALID("descent_nonlinear_cg_init", "restart_every = 0 means n",
          descent_nonlinear_cg_init(&cg, 2, DESCENT_FLETCHER_REEVES, 0, &e), e);
    assert_true(cg.restart_every == 2);
    descent_nonlinear_cg_free(&cg);
    VALID("descent_nonlinear_cg_init", "the error is optional",
          descent_nonlinear_cg_init(&cg, 2, DESCENT_FLETCHER_REEVES, 0, NULL),
          e);
    SURVIVES("descent_nonlinear_cg_free", "freeing NULL does nothing",
             descent_nonlinear_cg_free(NULL));
    SURVIVES("descent_nonlinear_cg_free", "a freed state is freed again",
             (descent_nonlinear_cg_free(&cg), descent_nonlinear_cg_free(&cg)));
    assert_true(cg.g_previous == NULL && cg.d_previous == NULL && cg.n == 0);
    descent_nonlinear_cg failed;
    descent_nonlinear_cg_init(&failed, 0, DESCENT_FLETCHER_REEVES, 0, &e);
    SURVIVES("descent_nonlinear_cg_free", "a failed init leaves it freeable",
             descent_nonlinear_cg_free(&failed));
    BAD_CG_RUN(NULL, DESCENT_INVALID_ARGUMENT, "cg is NULL");
    BAD_CG_RUN(&cg, DESCENT_DIRECTION_FAILED, "cg is used after free");
    BAD_CG_RUN(&failed, DESCENT_DIRECTION_FAILED, "cg is used after free");
    REQUIRE(descent_nonlinear_cg_init(&cg, 3, DESCENT_FLETCHER_REEVES, 0, &e),
            e);
    BAD_CG_RUN(&cg, DESCENT_DIRECTION_FAILED,
               "cg was made for n = 3; the objective has another dimension");
    descent_nonlinear_cg_free(&cg);
    REQUIRE(descent_nonlinear_cg_init(&cg, 2, DESCENT_POLAK_RIBIERE, 0, &e),
            e);
    cg.formula = (descent_cg_formula)9;
    BAD_CG_RUN(&cg, DESCENT_DIRECTION_FAILED, "formula = 9");
    cg.formula = DESCENT_POLAK_RIBIERE;
    cg.restart_every = 0;
    BAD_CG_RUN(&cg, DESCENT_DIRECTION_FAILED, "restart_every = 0");
    cg.restart_every = 2;
    const double cosines[4] = {NAN, 1, -1, INFINITY};
    const char *fragments[4] = {"min_cosine = nan", "min_cosine = 1 ",
                                "min_cosine = -1", "min_cosine = inf"};
    for (int i = 0; i < 4; i++) {
        cg.min_cosine = cosines[i];
        BAD_CG_RUN(&cg, DESCENT_DIRECTION_FAILED, fragments[i]);
    }
    cg.min_cosine = 0;
    VALID("descent_nonlinear_cg_direction",
          "min_cosine = 0 asks only for a downhill direction", CG_RUN(&cg),
          result);
    descent_nonlinear_cg_free(&cg);
}
static void jacobi_helps(void **state)
{
    enum { n = 50 };
    double lambda[n], A[n * n], x[n], scale[n];
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result plain, jacobi;
    (void)state;
    uniform_spectrum(n, 10, lambda);
    spd_system s = make_system(n, lambda, 140);
    for (int i = 0; i < n; i++)
        scale[i] = pow(10, 3.0 * i / (n - 1));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            A[i * n + j] = scale[i] * s.q.A[i * n + j] * scale[j];
    options.max_iterations = 5000;
    memset(x, 0, sizeof x);
    descent_linear_cg(n, A, s.b, x, &options, &plain);
    options.jacobi = true;
    memset(x, 0, sizeof x);
    descent_linear_cg(n, A, s.b, x, &options, &jacobi);
    expect(plain.status, plain.message, DESCENT_OK, "converged");
    expect(jacobi.status, jacobi.message, DESCENT_OK, "converged");
    if (2 * jacobi.iterations >= plain.iterations)
        claim_fail("Jacobi: %zu iterations; plain: %zu",
                   jacobi.iterations, plain.iterations);
    free_system(&s);
}
static void cg_from_any_start(void **state)
{
    enum { n = 20, most = 4 };
    double lambda[n], x[n], y[n], r0[n], true_r[n];
    double from_x[(most + 1) * n], from_0[(most + 1) * n];
    double norms[most + 1], largest = 0, path = 0, drift = 0;
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result result, shifted;
    (void)state;
    uniform_spectrum(n, 100, lambda);
    spd_system s = make_system(n, lambda, 150);
    for (int i = 0; i < n; i++)
        x[i] = cos(3.0 * i + 1);
    cblas_dcopy(n, s.b, 1, r0, 1);
    cblas_dsymv(CblasRowMajor, CblasUpper, n, -1.0, s.q.A, n, x, 1, 1.0,
                r0, 1);
    options.tolerance = 1e-14;
    options.max_iterations = most;
    options.iterates = from_x;
    options.residual_norms = norms;
    descent_linear_cg(n, s.q.A, s.b, x, &options, &result);
    expect(result.status, result.message, DESCENT_MAX_ITERATIONS,
           "after 4 iterations");
    assert_int_equal(result.iterations, most);
    assert_memory_equal(x, from_x + most * n, sizeof x);
    options.iterates = from_0;
    options.residual_norms = NULL;
    memset(y, 0, sizeof y);
    descent_linear_cg(n, s.q.A, r0, y, &options, &shifted);
    assert_int_equal(shifted.iterations, most);
    double b_norm = cblas_dnrm2(n, s.b, 1);
    for (int k = 0; k <= most; k++) {
        const double *xk = from_x + k * n, *yk = from_0 + k * n;
        largest = fmax(largest, cblas_dnrm2(n, xk, 1));
        for (int i = 0; i < n; i++)
            path = fmax(path, fabs((xk[i] - from_x[i]) - yk[i]));
        cblas_dcopy(n, s.b, 1, true_r, 1);
        cblas_dsymv(CblasRowMajor, CblasUpper, n, -1.0, s.q.A, n, xk, 1,
                    1.0, true_r, 1);
        drift = fmax(drift, fabs(norms[k] - cblas_dnrm2(n, true_r, 1) /
                                                b_norm));
    }
    print_message("  CG from theta_0 != 0: path differs by %.2g of "
                  "max ||theta_k||, recorded residuals by %.2g\n",
                  path / largest, drift);
    assert_true(path <= 1e-12 * largest);
    assert_true(drift <= 1e-12);
    free_system(&s);
}
static void made_up_gradient(int k, double *g)
{
    for (int i = 0; i < 5; i++) {
        double v = 43758.5453 * sin(12.9898 * (5 * k + i) + 1);
        g[i] = pow(0.8, k) * (2 * (v - floor(v)) - 1 + (i == 0 ? 0.8 : 0));
    }
}

static double reference_beta(descent_cg_formula formula, const double *g,
                             const double *g_old, const double *d_old)
{
    double gg = cblas_ddot(5, g, 1, g, 1);
    double old = cblas_ddot(5, g_old, 1, g_old, 1), gy = 0, dy = 0;
    for (int i = 0; i < 5; i++) {
        gy += g[i] * (g[i] - g_old[i]);
        dy += d_old[i] * (g[i] - g_old[i]);
    }
    switch (formula) {
    case DESCENT_FLETCHER_REEVES:
        return gg / old;
    case DESCENT_POLAK_RIBIERE:
    case DESCENT_POLAK_RIBIERE_PLUS:
        return gy / old;
    default:
        return gy / dy;
    }
}

static void nonlinear_cg_formulas(void **state)
{
    enum { n = 5, steps = 24, period = 4 };
    size_t clips[2] = {0}, periodic[2] = {0}, safeguards[2] = {0};
    size_t continued[2] = {0}, uphill[2] = {0};
    double worst = 0;
    descent_error e;
    (void)state;
    for (int scaled = 0; scaled < 2; scaled++)
    for (int formula = 0; formula < 4; formula++) {
        descent_nonlinear_cg cg;
        REQUIRE(descent_nonlinear_cg_init(&cg, n, (descent_cg_formula)formula,
                                          period, &e), e);
        descent_direction_rule rule = descent_nonlinear_cg_direction(&cg);
        double g[n], g_old[n], d[n], d_old[n] = {0}, want[n];
        double theta[n] = {0};
        size_t since = 0, my_clips = 0, my_safeguards = 0, my_uphill = 0;
        for (int k = 0; k < steps; k++) {
            made_up_gradient(k, g);
            if (scaled)
                cblas_dscal(n, 0x1p-10, g, 1);
            double g_norm = cblas_dnrm2(n, g, 1);
            descent_point at = {(size_t)k, n, theta, 1, g, g_norm};
            REQUIRE(rule.direction(rule.state, NULL, &at, d, &e), e);
            double beta = 0;
            if (k > 0 && since < period) {
                beta = reference_beta((descent_cg_formula)formula, g, g_old,
                                      d_old);
                if (formula == DESCENT_POLAK_RIBIERE_PLUS && beta < 0) {
                    beta = 0;
                    my_clips++;
                }
            } else if (k > 0) {
                periodic[scaled]++;
            }
            for (int i = 0; i < n; i++)
                want[i] = beta * d_old[i] - g[i];
            double gd = cblas_ddot(n, g, 1, want, 1);
            double d_norm = cblas_dnrm2(n, want, 1);
            double noise = 1024 * DBL_EPSILON *
                           (g_norm + fabs(beta) * cblas_dnrm2(n, d_old, 1));
            if (beta != 0 && !(gd <= -cg.min_cosine * g_norm * d_norm &&
                               d_norm > noise)) {
                beta = 0;
                my_safeguards++;
                my_uphill += !(gd < 0);
                for (int i = 0; i < n; i++)
                    want[i] = -g[i];
            }
            continued[scaled] += beta != 0;
            since = beta == 0 ? 1 : since + 1;
            double difference = 0;
            for (int i = 0; i < n; i++)
                difference = fmax(difference, fabs(d[i] - want[i]));
            worst = fmax(worst, difference / cblas_dnrm2(n, want, 1));
            memcpy(g_old, g, sizeof g);
            memcpy(d_old, want, sizeof want);
        }
        assert_int_equal(cg.safeguard_restarts, my_safeguards);
        assert_int_equal(cg.uphill, my_uphill);
        uphill[scaled] += my_uphill;
        if (formula == DESCENT_POLAK_RIBIERE_PLUS)
            assert_int_equal(cg.negative_beta, my_clips);
        clips[scaled] += my_clips;
        safeguards[scaled] += my_safeguards;
        descent_nonlinear_cg_free(&cg);
    }
    print_message("  four formulas: directions agree to %.2g; %zu continued, "
                  "%zu periodic restarts, %zu safeguard restarts (%zu uphill), "
                  "%zu PR+ clips; the same with g scaled by 2^-10\n", worst,
                  continued[0], periodic[0], safeguards[0], uphill[0],
                  clips[0]);
    assert_true(worst <= 1e-13);
    assert_true(clips[0] > 0 && periodic[0] > 0 && safeguards[0] > 0 &&
                continued[0] > 0 && uphill[0] > 0);
    assert_true(clips[1] == clips[0] && periodic[1] == periodic[0] &&
                safeguards[1] == safeguards[0] &&
                continued[1] == continued[0] && uphill[1] == uphill[0]);
    descent_nonlinear_cg hs;
    REQUIRE(descent_nonlinear_cg_init(&hs, 2, DESCENT_HESTENES_STIEFEL, 0, &e),
            e);
    descent_direction_rule rule = descent_nonlinear_cg_direction(&hs);
    double theta[2] = {0, 0}, g0[2] = {1, 0}, g1[2] = {1, 1}, d[2];
    descent_point at = {0, 2, theta, 1, g0, 1};
    REQUIRE(rule.direction(rule.state, NULL, &at, d, &e), e);
    at = (descent_point){1, 2, theta, 1, g1, sqrt(2.0)};
    REQUIRE(rule.direction(rule.state, NULL, &at, d, &e), e);
    assert_true(d[0] == -1 && d[1] == -1 && hs.safeguard_restarts == 0);
    descent_nonlinear_cg_free(&hs);
}
static void cg_defaults(void **state)
{
    enum { n = 6 };
    double lambda[n], x[n] = {0};
    descent_cg_options options = descent_cg_default_options();
    descent_cg_result result;
    descent_nonlinear_cg cg;
    descent_error e;
    (void)state;
    assert_true(options.tolerance == 1e-10);
    assert_int_equal(options.max_iterations, 0);
    assert_true(!options.jacobi && options.residual_norms == NULL &&
                options.residuals == NULL && options.directions == NULL &&
                options.iterates == NULL);
    uniform_spectrum(n, 10, lambda);
    spd_system s = make_system(n, lambda, 160);
    options.tolerance = 1e-300;
    descent_linear_cg(n, s.q.A, s.b, x, &options, &result);
    expect(result.status, result.message, DESCENT_MAX_ITERATIONS, "after 60");
    assert_int_equal(result.iterations, 10 * n);
    free_system(&s);
    REQUIRE(descent_nonlinear_cg_init(&cg, n, DESCENT_POLAK_RIBIERE_PLUS, 0,
                                      &e), e);
    assert_true(cg.min_cosine == 1e-6);
    assert_int_equal(cg.restart_every, n);
    descent_nonlinear_cg_free(&cg);
}
static double ring(const double *x, double *g, void *c)
{
    double r = -1;
    (void)c;
    for (int i = 0; i < 10; i++)
        r += x[i] * x[i];
    if (g != NULL)
        for (int i = 0; i < 10; i++)
            g[i] = 4 * r * x[i];
    return r * r;
}

static void cg_cancelled_direction(void **state)
{
    descent_error e;
    (void)state;
    for (int formula = 0; formula < 4; formula++) {
        double theta[10];
        for (int i = 0; i < 10; i++)
            theta[i] = 0.1 * (i + 1);
        descent_objective f = {.n = 10, .evaluate = ring, .name = "ring"};
        descent_nonlinear_cg cg;
        REQUIRE(descent_nonlinear_cg_init(&cg, 10,
                                          (descent_cg_formula)formula, 0,
                                          &e), e);
        descent_direction_rule direction = descent_nonlinear_cg_direction(&cg);
        descent_line_search search = descent_line_search_defaults();
        search.c2 = 0.1;
        descent_step_rule step = descent_wolfe_step(&search);
        descent_options options = descent_default_options();
        descent_result result;
        descent_minimize(&f, &direction, &step, &options, theta, &result);
        expect(result.status, result.message, DESCENT_OK, "converged");
        if (formula == DESCENT_HESTENES_STIEFEL)
            assert_true(cg.safeguard_restarts > cg.uphill);
        descent_nonlinear_cg_free(&cg);
    }
}
static void cg_noise_floor(void **state)
{
    descent_error e;
    (void)state;
    for (int above = 0; above < 2; above++) {
        double eta = (above ? 1.5 : 0.7) * ldexp(1, -41);
        double theta[2] = {0, 0}, g0[2] = {4, 0}, g1[2] = {4 * (-1 + eta), 0};
        double d[2];
        descent_objective f = {.n = 2, .evaluate = ring, .name = "unused"};
        descent_nonlinear_cg cg;
        REQUIRE(descent_nonlinear_cg_init(&cg, 2, DESCENT_FLETCHER_REEVES, 0,
                                          &e), e);
        descent_direction_rule rule = descent_nonlinear_cg_direction(&cg);
        descent_point at = {0, 2, theta, 1, g0, 4};
        REQUIRE(rule.direction(rule.state, &f, &at, d, &e), e);
        assert_true(d[0] == -4 && d[1] == 0);
        at = (descent_point){1, 2, theta, 0.5, g1, 4 * (1 - eta)};
        REQUIRE(rule.direction(rule.state, &f, &at, d, &e), e);
        if (above) {
            assert_true(fabs(d[0] / (4 * (1 - eta) * eta) - 1) <= 1e-3);
            assert_int_equal(cg.safeguard_restarts, 0);
        } else {
            assert_true(d[0] == -g1[0] && d[1] == 0);
            assert_int_equal(cg.safeguard_restarts, 1);
        }
        assert_int_equal(cg.uphill, 0);
        descent_nonlinear_cg_free(&cg);
    }
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-03-table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_cg_finite),
        cmocka_unit_test(claim_cg_bound),
        cmocka_unit_test(claim_cg_conjugacy),
        cmocka_unit_test(claim_cg_matches_linear),
        cmocka_unit_test(claim_cg_faster_and_descent),
        cmocka_unit_test(bad_cg_input),
        cmocka_unit_test(bad_nonlinear_cg_input),
        cmocka_unit_test(cg_cancelled_direction),
        cmocka_unit_test(cg_noise_floor),
        cmocka_unit_test(jacobi_helps),
        cmocka_unit_test(cg_from_any_start),
        cmocka_unit_test(nonlinear_cg_formulas),
        cmocka_unit_test(cg_defaults),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name("chapter 3: conjugate gradient",
                                       tests, NULL, NULL);
}
