/* quasi-newton.c: descent's BFGS, L-BFGS and Levenberg-Marquardt against
 * libLBFGS, GSL's vector_bfgs2 and MINPACK's lmder (cminpack).
 *
 * Three measurements.
 *
 * 1. Quasi-Newton, on the problems of bench/problems.h (Andrei 2008, the
 *    line-search benchmark's collection), from each standard x0:
 *      descent BFGS and L-BFGS (m = 6) through descent_minimize with the
 *        strong Wolfe step as Chapter 5 sets it: initial_rule =
 *        DESCENT_INITIAL_FIXED, initial_step = 1, c2 = 0.9, the rest the
 *        library's defaults; descent_default_options() with
 *        gradient_tolerance = 1e-6 (on ||g||_2) and max_iterations =
 *        10000.
 *      libLBFGS lbfgs() with m = 6 and its defaults otherwise (the
 *        More-Thuente search, ftol = 1e-4, gtol = 0.9, at most 40 trials
 *        per search). Its own stopping tests cannot express ||g||_2 <=
 *        1e-6: it stops when ||g|| < epsilon max(1, ||x||) and on a
 *        relative decrease over `past` iterations. So epsilon = 0 and
 *        past = 0 switch both off, and the progress callback, which
 *        lbfgs() calls after every iteration with ||g||_2, ends the run
 *        (returns nonzero) as soon as ||g||_2 <= 1e-6: exactly
 *        descent's test, at the same points (the accepted iterates).
 *        max_iterations = 10000.
 *      GSL vector_bfgs2 with step_size = 0.01 and tol = 0.1, stopping
 *        when gsl_multimin_test_gradient(g, 1e-6) succeeds (the 2-norm),
 *        when an iteration fails, or after 10000 iterations.
 *    An evaluation is one call of the problem's evaluate function, with
 *    or without the gradient, for every method (libLBFGS always asks for
 *    both). A method solves an instance when, at its final point,
 *    recomputed here, ||g||_inf <= 1e-6 and |E - E*| <= 1e-6 max(1,
 *    |E*|). The medians are over the "common set": the instances that
 *    all four methods solved. A diagnostic, not part of the comparison:
 *    the evaluations of the first iteration alone (descent's BFGS and
 *    L-BFGS run again with an iteration cap of 1; libLBFGS's count when
 *    its progress callback reports iteration 1), because there the two
 *    searches start differently: descent tries the step 1 on the raw
 *    gradient, libLBFGS 1/||g0||.
 *
 * 2. Levenberg-Marquardt on the least-squares forms in
 *    bench/least-squares.h: descent_levenberg_marquardt with its
 *    defaults, against cminpack's lmder1 with tol = sqrt(machine
 *    epsilon) (MINPACK's recommended value; lmder1 sets ftol = xtol =
 *    tol, gtol = 0, maxfev = 100 (n + 1), mode 1, factor 100). Counted
 *    in the residual callback, the same way for both: a residual
 *    evaluation is a call that returns r, a Jacobian evaluation a call
 *    that returns J (descent's callback returns r with every J; lmder's
 *    iflag = 2 returns J alone). Success: the same test as above, with
 *    E = ||r||^2 the collection's function.
 *
 * 3. Timing: 100 iterations of L-BFGS (m = 6) on extended Rosenbrock
 *    with n = 10^6, from (-1.2, 1, ...) times (1 + 1e-3 u), u uniform in
 *    [-1, 1] (the start of cg-gsl.c), for descent and libLBFGS, both with
 *    an iteration cap of 100 and no gradient test; the same evaluate
 *    function; median of 5 repeats. The line searches differ as far as
 *    the APIs allow: both strong Wolfe with c1 = 1e-4 and c2 = 0.9,
 *    first trial 1 after the first search; in the first search descent
 *    tries 1 and libLBFGS 1/||g0||; descent's bracketing and zoom
 *    against More-Thuente's safeguarded cubic steps. Each run includes
 *    its own allocation and release. The first iteration alone is shown
 *    too (evaluations, and E after it).
 *
 * Before anything runs every problem must pass the checks of cg-gsl.c
 * (E(x*) = E*, g(x*) = 0, descent_gradient_check at x0 and at a
 * perturbed point), and every least-squares form: ||r||^2 = E and J
 * against central differences of r.
 *
 * The report is printed and written to $BENCH_RESULTS/quasi-newton.txt
 * (default bench/results/), per-instance lines to
 * quasi-newton-problems.txt, and the tables for the book to
 * quasi-newton.tex.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cminpack-1/cminpack.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <lbfgs.h>

#include "descent.h"
#include "linesearch.h"
#include "newton.h"
#include "timing.h"
#include "problems.h"
#include "least-squares.h"

#define BENCH_NAME "quasi-newton"
#include "common.h"

#define GRADIENT_TOLERANCE 1e-6   /* stopping test, 2-norm, every method */
#define JACOBIAN_CHECK_LIMIT 1e-6
#define GSL_STEP_SIZE 0.01
#define GSL_TOL 0.1
#define WOLFE_C2 0.9
#ifndef TIMING_N
#define TIMING_N 1000000
#endif

enum {
    MAX_ITERATIONS = 10000,
    MEMORY = 6,

    TIMING_ITERATIONS = 100,
    REPEATS = 5,
};

typedef enum method {
    DESCENT_BFGS, DESCENT_LBFGS, LIBLBFGS, GSL_BFGS2, METHOD_COUNT
} method;

static const char *const method_names[METHOD_COUNT] = {
    "descent BFGS", "descent L-BFGS (m = 6)", "libLBFGS (m = 6)",
    "GSL vector_bfgs2",
};
static const char *const method_tex[METHOD_COUNT] = {
    "descent BFGS", "descent L-BFGS ($m = 6$)", "libLBFGS ($m = 6$)",
    "GSL \\texttt{vector\\_bfgs2}",
};

typedef struct outcome {
    bool solved;
    size_t iterations;
    unsigned long evaluations, jacobians;
    unsigned long first;       /* evaluations in the first iteration */
    double value_error, gradient_inf;
    char status[64];
} outcome;

/* ---- the least-squares checks (the others are in common.h) ---- */

/* ||r||^2 = E, and each column of J against the central difference
 * (r(x + h e_j) - r(x - h e_j)) / 2h, h = eps^(1/3) max(1, |x_j|), the
 * difference relative to max(|J_ij|, |estimate|, 1e-4 max(1, ||r||_inf)),
 * at x. */
static bool check_residuals(bench_least_squares *ls, double *x,
                            const char *where, double *worst_seen)
{
    bench_problem *p = &ls->problem;
    size_t n = p->n, m = ls->residual_count(n);
    double *r = malloc((3 * m + m * n) * sizeof *r);
    if (r == NULL)
        return false;
    double *rp = r + m, *rm = rp + m, *J = rm + m;
    ls->residuals(x, r, J, ls);
    double sum = 0;
    for (size_t i = 0; i < m; i++)
        sum += r[i] * r[i];
    double value = bench_evaluate(p, x, NULL);
    bool ok = fabs(sum - value) <= 1e-12 * fmax(1, fabs(value));
    if (!ok)
        fprintf(stderr, "quasi-newton: %s (least squares, n = %zu): "
                "||r||^2 = %.17g but E = %.17g at %s\n", p->name, n, sum,
                value, where);
    double floor = 1e-4 * fmax(1, max_abs(r, m)), worst = 0;
    for (size_t j = 0; ok && j < n; j++) {
        double keep = x[j], h = cbrt(DBL_EPSILON) * fmax(1, fabs(keep));
        x[j] = keep + h;
        ls->residuals(x, rp, NULL, ls);
        x[j] = keep - h;
        ls->residuals(x, rm, NULL, ls);
        x[j] = keep;
        for (size_t i = 0; i < m; i++) {
            double estimate = (rp[i] - rm[i]) / (2 * h);
            double scale = fmax(fmax(fabs(J[i * n + j]), fabs(estimate)),
                                floor);
            double e = fabs(J[i * n + j] - estimate) / scale;
            if (e > worst)
                worst = e;
            if (e > JACOBIAN_CHECK_LIMIT) {
                fprintf(stderr, "quasi-newton: %s (least squares, n = "
                        "%zu): J[%zu][%zu] = %.17g, central difference "
                        "%.17g at %s\n", p->name, n, i, j, J[i * n + j],
                        estimate, where);
                ok = false;
                break;
            }
        }
    }
    if (worst > *worst_seen)
        *worst_seen = worst;
    free(r);
    return ok;
}

static bool check_least_squares(bench_least_squares *ls, double *worst)
{
    bench_problem *p = &ls->problem;
    if (!bench_prepare(p))
        return false;
    double *x = malloc(p->n * sizeof *x);
    if (x == NULL)
        return false;
    bench_start(p, x);
    bool ok = check_residuals(ls, x, "x0", worst);
    unsigned long long state = 54321;
    for (size_t i = 0; i < p->n; i++)
        x[i] += 0.1 * noise(&state);
    ok = ok && check_residuals(ls, x, "x0 + 0.1 u", worst);
    free(x);
    return ok;
}

/* ---- the quasi-Newton runs ---- */

static void judge(bench_problem *p, const double *x, double *g,
                  outcome *out)
{
    out->solved = judge_point(p, x, g, &out->value_error,
                              &out->gradient_inf);
}

/* descent's BFGS or L-BFGS from x (overwritten with the final point). */
static int descent_quasi_newton(bench_problem *p, bool limited,
                                size_t max_iterations, double tolerance,
                                double *x, descent_result *result)
{
    descent_objective f = objective(p);
    descent_line_search search = descent_line_search_defaults();
    search.initial_rule = DESCENT_INITIAL_FIXED;
    search.initial_step = 1;
    search.c2 = WOLFE_C2;
    descent_step_rule step = descent_wolfe_step(&search);
    descent_bfgs bfgs = {0};
    descent_lbfgs lbfgs = {0};
    descent_error error;
    descent_direction_rule direction;
    if (limited ? descent_lbfgs_init(&lbfgs, p->n, MEMORY, &error)
                : descent_bfgs_init(&bfgs, p->n, &error)) {
        fprintf(stderr, "quasi-newton: %s\n", error.message);
        return 1;
    }
    direction = limited ? descent_lbfgs_direction(&lbfgs)
                        : descent_bfgs_direction(&bfgs);
    descent_options options = descent_default_options();
    options.gradient_tolerance = tolerance;
    options.max_iterations = max_iterations;
    descent_minimize(&f, &direction, &step, &options, x, result);
    descent_bfgs_free(&bfgs);
    descent_lbfgs_free(&lbfgs);
    return 0;
}

static int run_descent(bench_problem *p, method m, double *x, double *g,
                       outcome *out)
{
    descent_result result;
    bench_start(p, x);
    if (descent_quasi_newton(p, m == DESCENT_LBFGS, MAX_ITERATIONS,
                             GRADIENT_TOLERANCE, x, &result))
        return 1;
    out->iterations = result.iterations;
    out->evaluations = result.counts.values;
    snprintf(out->status, sizeof out->status, "%s",
             descent_status_name(result.status));
    judge(p, x, g, out);
    /* The diagnostic: what the first iteration alone costs. */
    bench_start(p, x);
    if (descent_quasi_newton(p, m == DESCENT_LBFGS, 1, GRADIENT_TOLERANCE,
                             x, &result))
        return 1;
    out->first = result.counts.values;
    return 0;
}

/* libLBFGS: the objective and the progress callback. The callback's
 * nonzero return ends lbfgs(), which returns it: PROGRESS_STOP is none of
 * libLBFGS's own codes (0, 1, 2 and negatives). */
enum { PROGRESS_STOP = 100 };
typedef struct lbfgs_run {
    descent_objective f;
    double tolerance;          /* 0: no gradient test */
    int iterations;
    unsigned long first;       /* evaluations when iteration 1 ended */
    bool converged;
} lbfgs_run;

static lbfgsfloatval_t lbfgs_evaluate(void *instance,
                                      const lbfgsfloatval_t *x,
                                      lbfgsfloatval_t *g, const int n,
                                      const lbfgsfloatval_t step)
{
    (void)n;
    (void)step;
    lbfgs_run *run = instance;
    return descent_value_gradient(&run->f, x, g);
}

static int lbfgs_progress(void *instance, const lbfgsfloatval_t *x,
                          const lbfgsfloatval_t *g,
                          const lbfgsfloatval_t fx,
                          const lbfgsfloatval_t xnorm,
                          const lbfgsfloatval_t gnorm,
                          const lbfgsfloatval_t step, int n, int k, int ls)
{
    (void)x, (void)g, (void)fx, (void)xnorm, (void)step, (void)n, (void)ls;
    lbfgs_run *run = instance;
    run->iterations = k;
    if (k == 1)
        run->first = run->f.counts.values;
    if (run->tolerance > 0 && gnorm <= run->tolerance) {
        run->converged = true;
        return PROGRESS_STOP;
    }
    return 0;
}

static int liblbfgs_minimize(bench_problem *p, int max_iterations,
                             double tolerance, lbfgsfloatval_t *x,
                             lbfgs_run *run, double *value)
{
    lbfgs_parameter_t parameter;
    lbfgs_parameter_init(&parameter);
    parameter.m = MEMORY;
    parameter.epsilon = 0;
    parameter.past = 0;
    parameter.max_iterations = max_iterations;
    *run = (lbfgs_run){.f = objective(p), .tolerance = tolerance};
    lbfgsfloatval_t fx = 0;
    int status = lbfgs((int)p->n, x, &fx, lbfgs_evaluate, lbfgs_progress,
                       run, &parameter);
    *value = fx;
    return status;
}

static const char *lbfgs_status_name(int status, bool converged)
{
    switch (status) {
    case PROGRESS_STOP: return converged ? "converged" : "stopped";
    case LBFGS_SUCCESS: return "success (epsilon)";
    case LBFGS_STOP: return "stop (delta)";
    case LBFGS_ALREADY_MINIMIZED: return "already minimized";
    case LBFGSERR_MAXIMUMITERATION: return "iteration cap";
    case LBFGSERR_ROUNDING_ERROR: return "rounding error";
    case LBFGSERR_MINIMUMSTEP: return "minimum step";
    case LBFGSERR_MAXIMUMSTEP: return "maximum step";
    case LBFGSERR_MAXIMUMLINESEARCH: return "line search cap";
    case LBFGSERR_WIDTHTOOSMALL: return "interval too small";
    case LBFGSERR_INCREASEGRADIENT: return "increasing gradient";
    default: return "other error";
    }
}

static int run_liblbfgs(bench_problem *p, double *x, double *g,
                        outcome *out)
{
    lbfgsfloatval_t *y = lbfgs_malloc((int)p->n);
    if (y == NULL)
        return 1;
    bench_start(p, y);
    lbfgs_run run;
    double value;
    int status = liblbfgs_minimize(p, MAX_ITERATIONS, GRADIENT_TOLERANCE,
                                   y, &run, &value);
    out->iterations = (size_t)run.iterations;
    out->evaluations = run.f.counts.values;
    out->first = run.first;
    snprintf(out->status, sizeof out->status, "%s",
             lbfgs_status_name(status, run.converged));
    memcpy(x, y, p->n * sizeof *x);
    lbfgs_free(y);
    judge(p, x, g, out);
    return 0;
}


static int run_gsl(bench_problem *p, double *x, double *g, outcome *out)
{
    descent_objective f = objective(p);
    gsl_multimin_function_fdf fdf = {gsl_value, gsl_gradient,
                                     gsl_value_gradient, p->n, &f};
    gsl_vector *start = gsl_vector_alloc(p->n);
    gsl_multimin_fdfminimizer *s = gsl_multimin_fdfminimizer_alloc(
        gsl_multimin_fdfminimizer_vector_bfgs2, p->n);
    if (start == NULL || s == NULL)
        return 1;
    bench_start(p, start->data);
    gsl_multimin_fdfminimizer_set(s, &fdf, start, GSL_STEP_SIZE, GSL_TOL);
    int status = GSL_SUCCESS;
    size_t k = 0;
    while (gsl_multimin_test_gradient(s->gradient, GRADIENT_TOLERANCE) !=
               GSL_SUCCESS &&
           k < MAX_ITERATIONS) {
        status = gsl_multimin_fdfminimizer_iterate(s);
        k++;
        if (status != GSL_SUCCESS || !isfinite(s->f))
            break;
    }
    out->iterations = k;
    out->evaluations = f.counts.values;
    bool converged = gsl_multimin_test_gradient(s->gradient,
                                                GRADIENT_TOLERANCE) ==
                     GSL_SUCCESS;
    snprintf(out->status, sizeof out->status, "%s",
             gsl_status_name(s, status, converged));
    memcpy(x, s->x->data, p->n * sizeof *x);
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(start);
    judge(p, x, g, out);
    return 0;
}

/* ---- Levenberg-Marquardt ---- */

typedef enum lm_method { DESCENT_LM, MINPACK_LMDER, LM_COUNT } lm_method;
static const char *const lm_names[LM_COUNT] = {
    "descent Levenberg-Marquardt", "MINPACK lmder1 (cminpack)",
};
static const char *const lm_tex[LM_COUNT] = {
    "descent Levenberg--Marquardt", "MINPACK \\texttt{lmder1}",
};

typedef struct counted {
    bench_least_squares *ls;
    size_t m, n;
    double *J;                 /* row-major scratch for lmder */
    unsigned long residuals, jacobians;
} counted;

static void counted_residuals(const double *x, double *r, double *J,
                              void *context)
{
    counted *c = context;
    c->residuals++;
    c->jacobians += J != NULL;
    c->ls->residuals(x, r, J, c->ls);
}

static int lmder_callback(void *context, int m, int n, const double *x,
                          double *fvec, double *fjac, int ldfjac, int iflag)
{
    counted *c = context;
    (void)m;
    if (iflag == 1) {
        c->residuals++;
        c->ls->residuals(x, fvec, NULL, c->ls);
    } else if (iflag == 2) {
        /* r is computed alongside (into a scratch copy), not returned */
        double *r = c->J + c->m * c->n;
        c->jacobians++;
        c->ls->residuals(x, r, c->J, c->ls);
        for (size_t i = 0; i < c->m; i++)
            for (size_t j = 0; j < (size_t)n; j++)
                fjac[j * (size_t)ldfjac + i] = c->J[i * c->n + j];
    }
    return 0;
}

static int run_lm(bench_least_squares *ls, lm_method which, double *x,
                  double *g, outcome *out)
{
    bench_problem *p = &ls->problem;
    size_t n = p->n, m = ls->residual_count(n);
    counted c = {.ls = ls, .m = m, .n = n};
    bench_start(p, x);
    if (which == DESCENT_LM) {
        descent_lm lm;
        descent_error error;
        descent_least_squares problem = {m, n, counted_residuals, &c,
                                         p->name};
        if (descent_lm_init(&lm, m, n, &error)) {
            fprintf(stderr, "quasi-newton: %s\n", error.message);
            return 1;
        }
        descent_levenberg_marquardt(&lm, &problem, x, &error);
        out->iterations = lm.iterations;
        snprintf(out->status, sizeof out->status, "%s",
                 descent_lm_reason_name(lm.reason));
        descent_lm_free(&lm);
    } else {
        size_t lwa = 5 * n + m;
        double *work = malloc((m + m * n + n * m + m + lwa) * sizeof *work);
        int *ipvt = malloc(n * sizeof *ipvt);
        if (work == NULL || ipvt == NULL)
            return 1;
        double *fvec = work, *fjac = fvec + m, *wa = fjac + m * n;
        c.J = wa + lwa;
        int info = lmder1(lmder_callback, &c, (int)m, (int)n, x, fvec,
                          fjac, (int)m, sqrt(DBL_EPSILON), ipvt, wa,
                          (int)lwa);
        out->iterations = 0;
        snprintf(out->status, sizeof out->status, "info %d", info);
        free(ipvt);
        free(work);
    }
    out->evaluations = c.residuals;
    out->jacobians = c.jacobians;
    judge(p, x, g, out);
    return 0;
}

/* ---- timing ---- */

typedef struct timing {
    double seconds[REPEATS];
    size_t iterations;
    unsigned long evaluations;
    double value;
    char status[64];
} timing;

static int time_descent(bench_problem *p, const double *x0, double *x,
                        timing *t, int r)
{
    descent_result result;
    memcpy(x, x0, p->n * sizeof *x);
    double t0 = now();
    if (descent_quasi_newton(p, true, TIMING_ITERATIONS, 0, x, &result))
        return 1;
    t->seconds[r] = now() - t0;
    t->iterations = result.iterations;
    t->evaluations = result.counts.values;
    t->value = result.value;
    snprintf(t->status, sizeof t->status, "%s",
             descent_status_name(result.status));
    return 0;
}

static int time_liblbfgs(bench_problem *p, const double *x0,
                         lbfgsfloatval_t *x, timing *t, int r)
{
    lbfgs_run run;
    memcpy(x, x0, p->n * sizeof *x);
    double t0 = now();
    int status = liblbfgs_minimize(p, TIMING_ITERATIONS, 0, x, &run,
                                   &t->value);
    t->seconds[r] = now() - t0;
    t->iterations = (size_t)run.iterations;
    t->evaluations = run.f.counts.values;
    snprintf(t->status, sizeof t->status, "%s",
             lbfgs_status_name(status, false));
    return 0;
}

static speed report_timing(const char *name, timing *t)
{
    speed s = speed_of(t->seconds, REPEATS, t->iterations, t->evaluations);
    say("  %-22s %8.3f %6zu %6lu %9.2f %8.2f  %.6g (%s)\n", name,
        s.seconds, t->iterations, t->evaluations, 1e3 * s.per_iteration,
        1e3 * s.per_evaluation, t->value, t->status);
    return s;
}

/* ---- output helpers ---- */

/* x as $m \times 10^{e}$ for a table. */
static const char *scientific(double x, char *buffer, size_t size)
{
    int e = x == 0 || !isfinite(x) ? 0 : (int)floor(log10(fabs(x)));
    double m = x / pow(10, e);
    if (fabs(m) >= 9.95) {      /* rounds up to 10.0 */
        m /= 10;
        e++;
    }
    if (e == 0)
        snprintf(buffer, size, "%.1f", x);
    else
        snprintf(buffer, size, "$%.1f \\times 10^{%d}$", m, e);
    return buffer;
}

/* Median of a field over the instances where keep[i] and the method
 * solved; count returned in *count. */
static double median_of(const outcome *results, size_t stride, size_t col,
                        size_t instances, const bool *keep, bool jacobians,
                        double *work, size_t *count)
{
    size_t k = 0;
    for (size_t i = 0; i < instances; i++) {
        const outcome *o = &results[i * stride + col];
        if ((keep == NULL || keep[i]) && o->solved)
            work[k++] = (double)(jacobians ? o->jacobians : o->evaluations);
    }
    if (count != NULL)
        *count = k;
    return median(work, k);
}

int main(void)
{
    const char *directory = results_directory();
    gsl_set_error_handler_off();
    const size_t problems = BENCH_PROBLEM_COUNT;
    const size_t squares = BENCH_LEAST_SQUARES_COUNT;
    size_t largest = 0;
    for (size_t i = 0; i < problems; i++)
        if (bench_problems[i].n > largest)
            largest = bench_problems[i].n;

    double worst = 0, worst_jacobian = 0;
    for (size_t i = 0; i < problems; i++)
        if (!check_problem(&bench_problems[i], &worst)) {
            fprintf(stderr, "quasi-newton: refusing to run: problem %s "
                    "fails its checks\n", bench_problems[i].name);
            return 1;
        }
    for (size_t i = 0; i < squares; i++) {
        bench_least_squares *ls = &bench_least_squares_problems[i];
        if (!check_problem(&ls->problem, &worst) ||
            !check_least_squares(ls, &worst_jacobian)) {
            fprintf(stderr, "quasi-newton: refusing to run: least-squares "
                    "problem %s fails its checks\n", ls->problem.name);
            return 1;
        }
    }

    report_file = open_result(directory, "quasi-newton.txt");
    FILE *details = open_result(directory, "quasi-newton-problems.txt");
    FILE *tex = open_result(directory, "quasi-newton.tex");
    outcome *results = calloc(problems * METHOD_COUNT, sizeof *results);
    outcome *lm_results = calloc(squares * LM_COUNT, sizeof *lm_results);
    bool *common = calloc(problems, sizeof *common);
    bool *lm_common = calloc(squares, sizeof *lm_common);
    double *x = malloc(largest * sizeof *x);
    double *g = malloc(largest * sizeof *g);
    double *work = malloc((problems + squares + 1) * sizeof *work);
    if (!report_file || !details || !tex || !results || !lm_results ||
        !common || !lm_common || !x || !g || !work)
        return 1;

    say("quasi-newton: descent's BFGS, L-BFGS and Levenberg-Marquardt "
        "against\nlibLBFGS, GSL vector_bfgs2 and MINPACK lmder\n");
    say("OpenBLAS core: %s (config: %s; threads: %d)\n",
        openblas_get_corename(), openblas_get_config(),
        openblas_get_num_threads());
    const char *forced = getenv("OPENBLAS_CORETYPE");
    say("OPENBLAS_CORETYPE: %s\n", forced ? forced : "(not set)");
    say("Compiler: %s; library CFLAGS: %s; this program: %s\n", __VERSION__,
        BENCH_LIBRARY_CFLAGS, BENCH_CFLAGS);

    say("\n1. Quasi-Newton: %zu problem instances (Andrei 2008; "
        "bench/problems.h), n from 2\nto %zu. All passed the checks "
        "(worst gradient-check error %.2g, limit %g).\n", problems,
        largest, worst, GRADIENT_CHECK_LIMIT);
    say("descent: strong Wolfe, initial step 1 (DESCENT_INITIAL_FIXED), "
        "c2 = %g; default\n  options with gradient_tolerance = %g "
        "(||g||_2), max_iterations = %d.\n", WOLFE_C2, GRADIENT_TOLERANCE,
        MAX_ITERATIONS);
    say("libLBFGS: m = %d, default More-Thuente search (ftol 1e-4, gtol "
        "0.9); epsilon = 0\n  and past = 0 (its own tests off); the "
        "progress callback stops the run\n  when ||g||_2 <= %g; "
        "max_iterations = %d.\n", MEMORY, GRADIENT_TOLERANCE,
        MAX_ITERATIONS);
    say("GSL vector_bfgs2: step_size = %g, tol = %g; stop on "
        "gsl_multimin_test_gradient(g, %g),\n  an iteration error or %d "
        "iterations.\n", GSL_STEP_SIZE, GSL_TOL, GRADIENT_TOLERANCE,
        MAX_ITERATIONS);
    say("Evaluation: one call of the objective (f, or f and g), for "
        "every method.\nSolved: ||g||_inf <= %g and |E - E*| <= %g "
        "max(1, |E*|), recomputed at the end.\n", SOLVED_GRADIENT,
        SOLVED_VALUE);

    fprintf(details, "# quasi-newton: one line per instance and method\n"
            "# jacs*: Jacobian evaluations for Levenberg-Marquardt; for "
            "the quasi-Newton\n# methods, the evaluations of the first "
            "iteration (0 where not measured)\n");
    fprintf(details, "# %-32s %5s %-28s %-20s %6s %8s %6s %10s %10s %s\n",
            "problem", "n", "method", "status", "iters", "evals", "jacs*",
            "|dE|rel", "|g|inf", "solved");
    for (size_t i = 0; i < problems; i++) {
        bench_problem *p = &bench_problems[i];
        common[i] = true;
        for (int m = 0; m < METHOD_COUNT; m++) {
            outcome *out = &results[i * METHOD_COUNT + (size_t)m];
            int failed = m == LIBLBFGS    ? run_liblbfgs(p, x, g, out)
                         : m == GSL_BFGS2 ? run_gsl(p, x, g, out)
                                          : run_descent(p, (method)m, x, g,
                                                        out);
            if (failed)
                return 1;
            fprintf(details, "%-34s %5zu %-28s %-20s %6zu %8lu %6lu %10.2e "
                    "%10.2e %s\n", p->name, p->n, method_names[m],
                    out->status, out->iterations, out->evaluations,
                    out->first,
                    out->value_error, out->gradient_inf,
                    out->solved ? "yes" : "no");
            common[i] = common[i] && out->solved;
        }
    }
    size_t common_count = 0;
    for (size_t i = 0; i < problems; i++)
        common_count += common[i];

    char a[32], b[32], c[32], d0[32];
    size_t solved[METHOD_COUNT];
    double common_median[METHOD_COUNT], own_median[METHOD_COUNT];
    say("\nCommon set: the %zu instances all four methods solved (the "
        "fair comparison).\n", common_count);
    say("%-24s %7s | %14s | %14s\n", "method", "solved",
        "common: median", "own: median");
    say("%-24s %7s | %14s | %14s\n", "", "", "evaluations", "evaluations");
    for (int m = 0; m < METHOD_COUNT; m++) {
        common_median[m] = median_of(results, METHOD_COUNT, (size_t)m,
                                     problems, common, false, work, NULL);
        own_median[m] = median_of(results, METHOD_COUNT, (size_t)m,
                                  problems, NULL, false, work, &solved[m]);
        say("%-24s %3zu/%-3zu | %14s | %14s\n", method_names[m], solved[m],
            problems, number(common_median[m], a, sizeof a),
            number(own_median[m], b, sizeof b));
    }
    /* The goal: everything libLBFGS solves, descent L-BFGS solves. */
    size_t missed = 0;
    say("\nInstances libLBFGS solves and descent L-BFGS does not:");
    for (size_t i = 0; i < problems; i++)
        if (results[i * METHOD_COUNT + LIBLBFGS].solved &&
            !results[i * METHOD_COUNT + DESCENT_LBFGS].solved) {
            say(" %s;", bench_problems[i].name);
            missed++;
        }
    say(missed ? "\n" : " none\n");
    size_t missed_bfgs = 0;
    say("Instances libLBFGS solves and descent BFGS does not:");
    for (size_t i = 0; i < problems; i++)
        if (results[i * METHOD_COUNT + LIBLBFGS].solved &&
            !results[i * METHOD_COUNT + DESCENT_BFGS].solved) {
            say(" %s;", bench_problems[i].name);
            missed_bfgs++;
        }
    say(missed_bfgs ? "\n" : " none\n");
    size_t ratios = 0;
    for (size_t i = 0; i < problems; i++)
        if (common[i])
            work[ratios++] =
                (double)results[i * METHOD_COUNT + DESCENT_LBFGS].evaluations /
                (double)results[i * METHOD_COUNT + LIBLBFGS].evaluations;
    double instance_ratio = median(work, ratios);
    double lbfgs_ratio = common_median[DESCENT_LBFGS] / common_median[LIBLBFGS];
    say("descent L-BFGS / libLBFGS on the common set: median evaluations "
        "%.2f;\nmedian over the instances of the evaluation ratio %.2f.\n",
        lbfgs_ratio, instance_ratio);
    /* Where the evaluations go: the first iteration (a unit step on the
     * raw gradient for descent, 1/||g0|| for libLBFGS) against the rest. */
    double first_median[2], rest_median[2];
    for (int k = 0; k < 2; k++) {
        size_t col = k == 0 ? DESCENT_LBFGS : LIBLBFGS, count = 0;
        for (size_t i = 0; i < problems; i++)
            if (common[i])
                work[count++] = (double)results[i * METHOD_COUNT + col].first;
        first_median[k] = median(work, count);
        count = 0;
        for (size_t i = 0; i < problems; i++)
            if (common[i])
                work[count++] =
                    (double)(results[i * METHOD_COUNT + col].evaluations -
                             results[i * METHOD_COUNT + col].first);
        rest_median[k] = median(work, count);
    }
    say("Where they go (common set, medians): the first iteration costs "
        "descent L-BFGS\n%s evaluations and libLBFGS %s; the iterations "
        "after it, %s and %s.\n", number(first_median[0], a, sizeof a),
        number(first_median[1], b, sizeof b),
        number(rest_median[0], c, sizeof c),
        number(rest_median[1], d0, sizeof d0));
    bool goal = missed == 0 && lbfgs_ratio <= 1.0;
    say("Goal (descent L-BFGS solves all libLBFGS solves, median "
        "evaluations no higher): %s\n", goal ? "holds" : "does NOT hold");
    say("\nSolved, instance by instance (+ solved, . not):\n");
    say("  %-34s %5s  BFGS L-BFGS libLBFGS GSL\n", "problem", "n");
    for (size_t i = 0; i < problems; i++) {
        const outcome *r = &results[i * METHOD_COUNT];
        say("  %-34s %5zu   %c     %c       %c      %c\n",
            bench_problems[i].name, bench_problems[i].n,
            r[0].solved ? '+' : '.', r[1].solved ? '+' : '.',
            r[2].solved ? '+' : '.', r[3].solved ? '+' : '.');
    }

    /* 2. Levenberg-Marquardt */
    say("\n2. Levenberg-Marquardt: %zu least-squares instances "
        "(bench/least-squares.h;\nJacobians checked, worst relative "
        "error %.2g). descent: defaults;\nlmder1: tol = sqrt(eps) = %.3g. "
        "Counted in the callback: residual\nevaluations (calls that "
        "return r) and Jacobian evaluations (calls that\nreturn J).\n",
        squares, worst_jacobian, sqrt(DBL_EPSILON));
    for (size_t i = 0; i < squares; i++) {
        bench_least_squares *ls = &bench_least_squares_problems[i];
        lm_common[i] = true;
        for (int m = 0; m < LM_COUNT; m++) {
            outcome *out = &lm_results[i * LM_COUNT + (size_t)m];
            if (run_lm(ls, (lm_method)m, x, g, out))
                return 1;
            fprintf(details, "%-34s %5zu %-28s %-20s %6zu %8lu %6lu "
                    "%10.2e %10.2e %s\n", ls->problem.name, ls->problem.n,
                    lm_names[m], out->status, out->iterations,
                    out->evaluations, out->jacobians, out->value_error,
                    out->gradient_inf, out->solved ? "yes" : "no");
            lm_common[i] = lm_common[i] && out->solved;
        }
    }
    size_t lm_common_count = 0;
    for (size_t i = 0; i < squares; i++)
        lm_common_count += lm_common[i];
    say("Common set: the %zu instances both solved.\n", lm_common_count);
    say("%-28s %7s | %-22s | %-22s\n", "", "", "common: median",
        "own: median");
    say("%-28s %7s | %10s %11s | %10s %11s\n", "method", "solved",
        "residuals", "Jacobians", "residuals", "Jacobians");
    size_t lm_solved[LM_COUNT];
    double lm_median[LM_COUNT][4];
    for (int m = 0; m < LM_COUNT; m++) {
        lm_median[m][0] = median_of(lm_results, LM_COUNT, (size_t)m, squares,
                                    lm_common, false, work, NULL);
        lm_median[m][1] = median_of(lm_results, LM_COUNT, (size_t)m, squares,
                                    lm_common, true, work, NULL);
        lm_median[m][2] = median_of(lm_results, LM_COUNT, (size_t)m, squares,
                                    NULL, false, work, &lm_solved[m]);
        lm_median[m][3] = median_of(lm_results, LM_COUNT, (size_t)m, squares,
                                    NULL, true, work, NULL);
        char d[32];
        say("%-28s %3zu/%-3zu | %10s %11s | %10s %11s\n", lm_names[m],
            lm_solved[m], squares, number(lm_median[m][0], a, sizeof a),
            number(lm_median[m][1], b, sizeof b),
            number(lm_median[m][2], c, sizeof c),
            number(lm_median[m][3], d, sizeof d));
    }
    bool lm_goal = lm_solved[DESCENT_LM] >= lm_solved[MINPACK_LMDER] &&
                   lm_median[DESCENT_LM][1] <= lm_median[MINPACK_LMDER][1];
    say("Goal (as many solved as lmder, median Jacobians no higher on the "
        "common set):\n  %s\n", lm_goal ? "holds" : "does NOT hold");
    say("  %-34s %5s %4s  descent  lmder\n", "problem", "n", "m");
    for (size_t i = 0; i < squares; i++) {
        const outcome *r = &lm_results[i * LM_COUNT];
        bench_least_squares *ls = &bench_least_squares_problems[i];
        say("  %-34s %5zu %4zu  %c %2lu/%-3lu %c %2lu/%-3lu\n",
            ls->problem.name, ls->problem.n,
            ls->residual_count(ls->problem.n), r[0].solved ? '+' : '.',
            r[0].jacobians, r[0].evaluations, r[1].solved ? '+' : '.',
            r[1].jacobians, r[1].evaluations);
    }
    say("  (+ solved, . not; then Jacobian/residual evaluations)\n");
    say("Details (status, iterations, evaluations, final errors): "
        "quasi-newton-problems.txt\n");

    /* 3. Timing */
    bench_problem big = BENCH_PROBLEM("Extended Rosenbrock", TIMING_N,
                                      BENCH_EXTENDED_ROSENBROCK,
                                      "Andrei (2008); MGH 21");
    if (!bench_prepare(&big))
        return 1;
    double *x0 = malloc(big.n * sizeof *x0);
    double *xt = malloc(big.n * sizeof *xt);
    lbfgsfloatval_t *xl = lbfgs_malloc((int)big.n);
    if (x0 == NULL || xt == NULL || xl == NULL)
        return 1;
    bench_start(&big, x0);
    unsigned long long state = 2024;
    for (size_t i = 0; i < big.n; i++)
        x0[i] *= 1 + 1e-3 * noise(&state);
    timing td = {0}, tl = {0};
    char load[128] = "(unknown)";
    FILE *loadavg = fopen("/proc/loadavg", "r");
    if (loadavg != NULL) {
        if (fgets(load, sizeof load, loadavg) != NULL)
            load[strcspn(load, "\n")] = '\0';
        fclose(loadavg);
    }
    for (int r = 0; r < REPEATS; r++)
        if (time_descent(&big, x0, xt, &td, r) ||
            time_liblbfgs(&big, x0, xl, &tl, r))
            return 1;
    say("\n3. Timing: L-BFGS (m = %d) on extended Rosenbrock, n = %d, x0 = "
        "(-1.2, 1, ...)\ntimes (1 + 1e-3 u), u uniform in [-1, 1] (fixed "
        "seed); iteration cap %d,\nno gradient test; median of %d runs "
        "(ms per iteration and per evaluation).\n", MEMORY, TIMING_N,
        TIMING_ITERATIONS, REPEATS);
    say("Load average before the timing (/proc/loadavg): %s; the machine "
        "has %ld\nprocessors online and may be shared.\n", load,
        sysconf(_SC_NPROCESSORS_ONLN));
    say("descent: strong Wolfe (c1 = 1e-4, c2 = %g), first trial step 1 at "
        "every search.\nlibLBFGS: More-Thuente (ftol = 1e-4, gtol = 0.9), "
        "first trial 1/||g0|| in\nthe first search, 1 after.\n", WOLFE_C2);
    say("  %-22s %8s %6s %6s %9s %8s  %s\n", "method", "seconds", "iters",
        "evals", "ms/iter", "ms/eval", "final E");
    speed sd = report_timing("descent L-BFGS", &td);
    speed sl = report_timing("libLBFGS", &tl);
    double time_ratio = sd.per_iteration / sl.per_iteration;
    say("  descent / libLBFGS: time per iteration %.2f (goal <= 1.0: %s), "
        "per evaluation %.2f,\n  evaluations %.2f (goal <= 1.0: %s)\n",
        time_ratio, time_ratio <= 1.0 ? "holds" : "does NOT hold",
        sd.per_evaluation / sl.per_evaluation,
        (double)td.evaluations / (double)tl.evaluations,
        td.evaluations <= tl.evaluations ? "holds" : "does NOT hold");
    timing first_d = {0}, first_l = {0};
    {
        descent_result result;
        memcpy(xt, x0, big.n * sizeof *xt);
        if (descent_quasi_newton(&big, true, 1, 0, xt, &result))
            return 1;
        first_d.evaluations = result.counts.values;
        first_d.value = result.value;
        lbfgs_run run;
        memcpy(xl, x0, big.n * sizeof *xl);
        liblbfgs_minimize(&big, 1, 0, xl, &run, &first_l.value);
        first_l.evaluations = run.f.counts.values;
    }
    say("  The first iteration alone: descent %lu evaluations to E = %.6g, "
        "libLBFGS %lu to\n  E = %.6g (E(x0) = %.6g).\n", first_d.evaluations,
        first_d.value, first_l.evaluations, first_l.value,
        bench_evaluate(&big, x0, NULL));
    double with[REPEATS], sink = 0;
    for (int r = 0; r < REPEATS; r++) {
        double t0 = now();
        for (int k = 0; k < 10; k++)
            sink += bench_evaluate(&big, x0, xt);
        with[r] = (now() - t0) / 10;
    }
    say("  One call of the objective with its gradient alone: %.2f ms%s\n",
        1e3 * median(with, REPEATS), isfinite(sink) ? "" : " (not finite)");

    /* The LaTeX for Chapter 5. */
    fprintf(tex, "%% quasi-newton.tex: written by bench/quasi-newton.c "
            "(make bench); do not edit.\n%% Needs booktabs.\n");
    fprintf(tex, "\\gdef\\qnProblems{%zu}\n", problems);
    fprintf(tex, "\\gdef\\qnCommon{%zu}\n", common_count);
    fprintf(tex, "\\gdef\\qnLbfgsEvaluationRatio{%.2f}\n", lbfgs_ratio);
    fprintf(tex, "\\gdef\\qnLeastSquares{%zu}\n", squares);
    fprintf(tex, "\\gdef\\qnLmCommon{%zu}\n", lm_common_count);
    fprintf(tex, "\\gdef\\qnTimeRatio{%.2f}\n", time_ratio);
    fprintf(tex, "\\gdef\\qnOpenblasCore{");
    tex_escape(tex, openblas_get_corename());
    fprintf(tex, "}\n");
    fprintf(tex, "\\begin{tabular}{lrrr}\n\\toprule\n");
    fprintf(tex, "method & solved & common set: & own: \\\\\n");
    fprintf(tex, " & (of %zu) & median evaluations & median evaluations "
            "\\\\\n\\midrule\n", problems);
    for (int m = 0; m < METHOD_COUNT; m++)
        fprintf(tex, "%s & %zu & %s & %s \\\\\n", method_tex[m], solved[m],
                number(common_median[m], a, sizeof a),
                number(own_median[m], b, sizeof b));
    fprintf(tex, "\\bottomrule\n\\multicolumn{4}{l}{\\footnotesize Common "
            "set: the %zu instances all four methods solved.} \\\\\n"
            "\\end{tabular}\n", common_count);
    fprintf(tex, "\n\\medskip\n\\begin{tabular}{lrrrrr}\n\\toprule\n");
    fprintf(tex, "method & solved & \\multicolumn{2}{c}{common set: median} "
            "& \\multicolumn{2}{c}{own: median} \\\\\n");
    fprintf(tex, " & (of %zu) & residuals & Jacobians & residuals & "
            "Jacobians \\\\\n\\midrule\n", squares);
    for (int m = 0; m < LM_COUNT; m++) {
        char d[32];
        fprintf(tex, "%s & %zu & %s & %s & %s & %s \\\\\n", lm_tex[m],
                lm_solved[m], number(lm_median[m][0], a, sizeof a),
                number(lm_median[m][1], b, sizeof b),
                number(lm_median[m][2], c, sizeof c),
                number(lm_median[m][3], d, sizeof d));
    }
    fprintf(tex, "\\bottomrule\n\\end{tabular}\n");
    fprintf(tex, "\n\\medskip\n\\begin{tabular}{lrrrrr}\n\\toprule\n");
    fprintf(tex, "$n = 10^6$, %d iterations & seconds & evaluations & "
            "ms/iteration & ms/evaluation & final $E$ \\\\\n\\midrule\n",
            TIMING_ITERATIONS);
    fprintf(tex, "descent L-BFGS & %.3f & %lu & %.2f & %.2f & %s \\\\\n",
            sd.seconds, td.evaluations, 1e3 * sd.per_iteration,
            1e3 * sd.per_evaluation, scientific(td.value, a, sizeof a));
    fprintf(tex, "libLBFGS & %.3f & %lu & %.2f & %.2f & %s \\\\\n",
            sl.seconds, tl.evaluations, 1e3 * sl.per_iteration,
            1e3 * sl.per_evaluation, scientific(tl.value, a, sizeof a));
    fprintf(tex, "descent / libLBFGS & %.2f & %.2f & %.2f & %.2f & \\\\\n",
            sd.seconds / sl.seconds,
            (double)td.evaluations / (double)tl.evaluations, time_ratio,
            sd.per_evaluation / sl.per_evaluation);
    fprintf(tex, "\\bottomrule\n\\multicolumn{6}{l}{\\footnotesize OpenBLAS "
            "core: \\qnOpenblasCore} \\\\\n\\end{tabular}\n");

    say("\nWritten: %s/quasi-newton.txt, quasi-newton-problems.txt, "
        "quasi-newton.tex\n", directory);
    lbfgs_free(xl);
    free(x0);
    free(xt);
    free(work);
    free(g);
    free(x);
    free(lm_common);
    free(common);
    free(lm_results);
    free(results);
    int closed = fclose(tex) | fclose(details) | fclose(report_file);
    return closed != 0;
}
