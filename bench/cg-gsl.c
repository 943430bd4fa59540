/* cg-gsl.c: descent's nonlinear conjugate gradients against GSL's.
 *
 * Two measurements, on the problems of bench/problems.h (Andrei 2008;
 * the Moré-Garbow-Hillstrom set is held out).
 *
 * 1. Reliability and cost. Six methods start from each problem's
 *    standard x0:
 *      descent: nonlinear CG Fletcher-Reeves and Polak-Ribiere+ with
 *        the strong Wolfe search at c2 = 0.1, and steepest descent with
 *        the strong Wolfe search at its default c2 = 0.9; only c1/c2 of
 *        the line search are set, everything else is the library's
 *        default. Driver options: descent_default_options() with
 *        gradient_tolerance = 1e-6 and max_iterations = 10000; the
 *        stall test keeps its default.
 *      GSL multimin: conjugate_fr, conjugate_pr and steepest_descent,
 *        set with step_size = 0.01 and tol = 0.1. The manual calls
 *        tol = 0.1 "suitable for most purposes" for the line
 *        minimization (and for steepest descent's step reduction), and
 *        its example uses step_size = 0.01, "a conservative estimate";
 *        the step then doubles after every successful first trial. The
 *        run stops when gsl_multimin_test_gradient(g, 1e-6) succeeds
 *        (the 2-norm, the same test as descent's gradient_tolerance),
 *        when an iteration returns an error (GSL_ENOPROG: no progress),
 *        or after 10000 iterations.
 *    Neither library has an evaluation budget here: the iteration cap
 *    bounds the work (descent's line search may spend at most 100
 *    evaluations per iteration). An evaluation is one call of the
 *    problem's evaluate function, with or without the gradient: for
 *    descent result.counts.values; for GSL each call of f, df or fdf
 *    (they all go through descent_value/descent_value_gradient on the
 *    same objective). A method solves an instance when, at its final
 *    point, recomputed here, ||g||_inf <= 1e-6 and
 *    |E - E*| <= 1e-6 max(1, |E*|).
 *    Before anything runs, every problem must pass two checks, or the
 *    program exits with status 1 naming it: E(x*) = E* and g(x*) = 0
 *    at the minimizer the problem names, and descent_gradient_check at
 *    x0 and at a perturbed point (see check_gradient in common.h for
 *    the limit).
 *
 * 2. Speed. 100 iterations of descent PR+ (c2 = 0.1) and of GSL
 *    conjugate_pr on the extended Rosenbrock function with n = 10^6,
 *    from (-1.2, 1, ...) perturbed by a deterministic relative noise
 *    of at most 1e-3, both with an iteration cap of 100 and a gradient
 *    tolerance of 0. Each is repeated and the median time reported,
 *    with the time per iteration and per evaluation. Both use the same
 *    evaluate function and the same BLAS: GSL's CBLAS calls resolve to
 *    OpenBLAS, which descent links too.
 *
 * The report is printed and written to $BENCH_RESULTS/cg-gsl.txt
 * (default bench/results/), with the per-problem results in
 * cg-gsl-problems.txt and the tables for the book in cg-gsl.tex.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "cg.h"
#include "descent.h"
#include "timing.h"
#include "linesearch.h"
#include "network.h"
#include "problems.h"

#define BENCH_NAME "cg-gsl"
#include "common.h"

#define GRADIENT_TOLERANCE 1e-6   /* stopping test, 2-norm, both libraries */
#define GSL_STEP_SIZE 0.01
#define GSL_TOL 0.1
#define CG_C2 0.1

enum {
    MAX_ITERATIONS = 10000,
    TIMING_N = 1000000,
    TIMING_ITERATIONS = 100,
    REPEATS = 5,
};

typedef enum method {
    DESCENT_FR, DESCENT_PR_PLUS, DESCENT_SD, GSL_FR, GSL_PR, GSL_SD,
    METHOD_COUNT
} method;

static const char *const method_names[METHOD_COUNT] = {
    "descent FR", "descent PR+", "descent steepest descent",
    "GSL conjugate_fr", "GSL conjugate_pr", "GSL steepest_descent",
};
static const char *const method_tex[METHOD_COUNT] = {
    "descent FR", "descent PR+", "descent steepest descent",
    "GSL \\texttt{conjugate\\_fr}", "GSL \\texttt{conjugate\\_pr}",
    "GSL \\texttt{steepest\\_descent}",
};
static bool is_cg(method m) { return m != DESCENT_SD && m != GSL_SD; }

typedef struct outcome {
    bool solved;
    size_t iterations;
    unsigned long evaluations;
    double value_error;      /* |E - E*| / max(1, |E*|) at the end */
    double gradient_inf;     /* ||g||_inf at the end */
    char status[64];
} outcome;

/* Recompute E and g at the final point (outside any count) and judge. */
static void judge(bench_problem *p, const double *x, double *g,
                  outcome *out)
{
    out->solved = judge_point(p, x, g, &out->value_error,
                              &out->gradient_inf);
}

static int run_descent(bench_problem *p, method m, double *x, double *g,
                       outcome *out)
{
    descent_objective f = objective(p);
    descent_line_search search = descent_line_search_defaults();
    descent_nonlinear_cg cg = {0};
    descent_direction_rule direction;
    descent_error error;
    if (m == DESCENT_SD) {
        direction = descent_steepest_descent();
    } else {
        search.c2 = CG_C2;
        if (descent_nonlinear_cg_init(&cg, p->n,
                                      m == DESCENT_FR
                                          ? DESCENT_FLETCHER_REEVES
                                          : DESCENT_POLAK_RIBIERE_PLUS,
                                      0, &error)) {
            fprintf(stderr, "cg-gsl: %s\n", error.message);
            return 1;
        }
        direction = descent_nonlinear_cg_direction(&cg);
    }
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.gradient_tolerance = GRADIENT_TOLERANCE;
    options.max_iterations = MAX_ITERATIONS;
    descent_result result;
    bench_start(p, x);
    descent_minimize(&f, &direction, &step, &options, x, &result);
    descent_nonlinear_cg_free(&cg);
    out->iterations = result.iterations;
    out->evaluations = result.counts.values;
    snprintf(out->status, sizeof out->status, "%s",
             descent_status_name(result.status));
    judge(p, x, g, out);
    return 0;
}


static const gsl_multimin_fdfminimizer_type *gsl_type(method m)
{
    return m == GSL_FR   ? gsl_multimin_fdfminimizer_conjugate_fr
           : m == GSL_PR ? gsl_multimin_fdfminimizer_conjugate_pr
                         : gsl_multimin_fdfminimizer_steepest_descent;
}

/* Iterate up to max_iterations times, stopping early on the gradient
 * test (tolerance 0 disables it) or an error; returns the last status
 * of gsl_multimin_fdfminimizer_iterate (GSL_SUCCESS if none failed). */
static int gsl_iterate(gsl_multimin_fdfminimizer *s, size_t max_iterations,
                       double tolerance, size_t *iterations)
{
    int status = GSL_SUCCESS;
    size_t k = 0;
    while (!(tolerance > 0 &&
             gsl_multimin_test_gradient(s->gradient, tolerance) ==
                 GSL_SUCCESS) &&
           k < max_iterations) {
        status = gsl_multimin_fdfminimizer_iterate(s);
        k++;
        if (status != GSL_SUCCESS || !isfinite(s->f))
            break;
    }
    *iterations = k;
    return status;
}

static int run_gsl(bench_problem *p, method m, double *x, double *g,
                   outcome *out)
{
    descent_objective f = objective(p);
    gsl_multimin_function_fdf fdf = {gsl_value, gsl_gradient,
                                     gsl_value_gradient, p->n, &f};
    gsl_vector *start = gsl_vector_alloc(p->n);
    gsl_multimin_fdfminimizer *s =
        gsl_multimin_fdfminimizer_alloc(gsl_type(m), p->n);
    if (start == NULL || s == NULL) {
        fprintf(stderr, "cg-gsl: out of memory for GSL, n = %zu\n", p->n);
        return 1;
    }
    bench_start(p, start->data);
    gsl_multimin_fdfminimizer_set(s, &fdf, start, GSL_STEP_SIZE, GSL_TOL);
    int status = gsl_iterate(s, MAX_ITERATIONS, GRADIENT_TOLERANCE,
                             &out->iterations);
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

/* ---- the summary ---- */

typedef struct summary {
    size_t solved, common_solved;
    double evaluations, iterations;                 /* own solved set */
    double common_evaluations, common_iterations;   /* common CG set */
} summary;

static void summarize(const outcome *results, const bool *common,
                      size_t problems, method m, summary *s, double *work)
{
    size_t count = 0;
    *s = (summary){0};
    for (size_t i = 0; i < problems; i++)
        if (results[i * METHOD_COUNT + m].solved)
            work[count++] = (double)results[i * METHOD_COUNT + m].evaluations;
    s->solved = count;
    s->evaluations = median(work, count);
    count = 0;
    for (size_t i = 0; i < problems; i++)
        if (results[i * METHOD_COUNT + m].solved)
            work[count++] = (double)results[i * METHOD_COUNT + m].iterations;
    s->iterations = median(work, count);
    count = 0;
    for (size_t i = 0; i < problems; i++)
        if (common[i] && results[i * METHOD_COUNT + m].solved)
            work[count++] = (double)results[i * METHOD_COUNT + m].evaluations;
    s->common_solved = count;
    s->common_evaluations = median(work, count);
    count = 0;
    for (size_t i = 0; i < problems; i++)
        if (common[i] && results[i * METHOD_COUNT + m].solved)
            work[count++] = (double)results[i * METHOD_COUNT + m].iterations;
    s->common_iterations = median(work, count);
}

/* ---- the timing ---- */

typedef struct timing {
    double seconds[REPEATS];
    size_t iterations;
    unsigned long evaluations, gradients;
    double value;
    char status[64];
} timing;

static int time_descent(bench_problem *p, const double *x0, double *x,
                        timing *t, int r)
{
    descent_objective f = objective(p);
    descent_line_search search = descent_line_search_defaults();
    search.c2 = CG_C2;
    descent_step_rule step = descent_wolfe_step(&search);
    descent_options options = descent_default_options();
    options.gradient_tolerance = 0;
    options.max_iterations = TIMING_ITERATIONS;
    descent_nonlinear_cg cg;
    descent_error error;
    descent_result result;
    memcpy(x, x0, p->n * sizeof *x);
    double t0 = now();
    if (descent_nonlinear_cg_init(&cg, p->n, DESCENT_POLAK_RIBIERE_PLUS, 0,
                                  &error)) {
        fprintf(stderr, "cg-gsl: %s\n", error.message);
        return 1;
    }
    descent_direction_rule direction = descent_nonlinear_cg_direction(&cg);
    descent_minimize(&f, &direction, &step, &options, x, &result);
    descent_nonlinear_cg_free(&cg);
    t->seconds[r] = now() - t0;
    t->iterations = result.iterations;
    t->evaluations = result.counts.values;
    t->gradients = result.counts.gradients;
    t->value = result.value;
    snprintf(t->status, sizeof t->status, "%s",
             descent_status_name(result.status));
    return 0;
}

static int time_gsl(bench_problem *p, gsl_vector *start, timing *t, int r)
{
    descent_objective f = objective(p);
    gsl_multimin_function_fdf fdf = {gsl_value, gsl_gradient,
                                     gsl_value_gradient, p->n, &f};
    double t0 = now();
    gsl_multimin_fdfminimizer *s = gsl_multimin_fdfminimizer_alloc(
        gsl_multimin_fdfminimizer_conjugate_pr, p->n);
    if (s == NULL) {
        fprintf(stderr, "cg-gsl: out of memory for GSL, n = %zu\n", p->n);
        return 1;
    }
    gsl_multimin_fdfminimizer_set(s, &fdf, start, GSL_STEP_SIZE, GSL_TOL);
    int status = gsl_iterate(s, TIMING_ITERATIONS, 0, &t->iterations);
    t->value = s->f;
    gsl_multimin_fdfminimizer_free(s);
    t->seconds[r] = now() - t0;
    t->evaluations = f.counts.values;
    t->gradients = f.counts.gradients;
    snprintf(t->status, sizeof t->status, "%s",
             status == GSL_SUCCESS ? "iteration cap" : gsl_strerror(status));
    return 0;
}

static speed report_timing(const char *name, timing *t)
{
    speed s = speed_of(t->seconds, REPEATS, t->iterations, t->evaluations);
    say("  %-18s %8.3f %6zu %6lu %6lu %9.2f %8.2f  %.6g (%s)\n", name,
        s.seconds, t->iterations, t->evaluations, t->gradients,
        1e3 * s.per_iteration, 1e3 * s.per_evaluation, t->value,
        t->status);
    return s;
}

/* What one call of the objective costs by itself, with and without the
 * gradient (median of REPEATS rounds of 10 calls): the rest of an
 * evaluation's share of the time is the methods' own vector work. */
static void time_objective(bench_problem *p, const double *x, double *g,
                           double *with_gradient, double *value_only)
{
    double with[REPEATS], without[REPEATS], sink = 0;
    for (int r = 0; r < REPEATS; r++) {
        double t0 = now();
        for (int k = 0; k < 10; k++)
            sink += bench_evaluate(p, x, g);
        double t1 = now();
        for (int k = 0; k < 10; k++)
            sink += bench_evaluate(p, x, NULL);
        with[r] = (t1 - t0) / 10;
        without[r] = (now() - t1) / 10;
    }
    *with_gradient = median(with, REPEATS);
    *value_only = median(without, REPEATS);
    if (!isfinite(sink))
        say("(the objective was not finite at x0)\n");
}

/* ---- main ---- */

int main(void)
{
    const char *directory = results_directory();
    gsl_set_error_handler_off();
    const size_t problems = BENCH_PROBLEM_COUNT;
    size_t largest = 0;
    for (size_t i = 0; i < problems; i++)
        if (bench_problems[i].n > largest)
            largest = bench_problems[i].n;

    /* The checks, before anything is run or written. */
    double worst = 0;
    for (size_t i = 0; i < problems; i++)
        if (!check_problem(&bench_problems[i], &worst)) {
            fprintf(stderr, "cg-gsl: refusing to run: problem %s fails "
                    "its checks\n", bench_problems[i].name);
            return 1;
        }

    report_file = open_result(directory, "cg-gsl.txt");
    FILE *details = open_result(directory, "cg-gsl-problems.txt");
    FILE *tex = open_result(directory, "cg-gsl.tex");
    outcome *results = calloc(problems * METHOD_COUNT, sizeof *results);
    bool *common = calloc(problems, sizeof *common);
    double *x = malloc(largest * sizeof *x);
    double *g = malloc(largest * sizeof *g);
    double *work = malloc((problems + 1) * sizeof *work);
    if (!report_file || !details || !tex || !results || !common || !x ||
        !g || !work)
        return 1;

    say("cg-gsl: descent's nonlinear CG against GSL multimin\n");
    say("OpenBLAS core: %s (config: %s; threads: %d)\n",
        openblas_get_corename(), openblas_get_config(),
        openblas_get_num_threads());
    const char *forced = getenv("OPENBLAS_CORETYPE");
    say("OPENBLAS_CORETYPE: %s\n", forced ? forced : "(not set)");
    say("\n%zu problem instances (Andrei 2008; bench/problems.h), n from 2 "
        "to %zu.\n", problems, largest);
    say("All passed the checks: E(x*) = E*, g(x*) = 0, and the gradient "
        "check at x0 and\nat a perturbed point (worst relative error "
        "%.2g, limit %g).\n", worst, GRADIENT_CHECK_LIMIT);
    say("descent: strong Wolfe, c2 = %g for CG and 0.9 for steepest "
        "descent; default\n  options with gradient_tolerance = %g, "
        "max_iterations = %d.\n", CG_C2, GRADIENT_TOLERANCE,
        MAX_ITERATIONS);
    say("GSL: step_size = %g, tol = %g; stop on "
        "gsl_multimin_test_gradient(g, %g),\n  an iteration error or %d "
        "iterations.\n", GSL_STEP_SIZE, GSL_TOL, GRADIENT_TOLERANCE,
        MAX_ITERATIONS);
    say("Solved: ||g||_inf <= %g and |E - E*| <= %g max(1, |E*|) at the "
        "final point.\n", SOLVED_GRADIENT, SOLVED_VALUE);

    fprintf(details, "# cg-gsl: one line per problem and method\n");
    fprintf(details, "# %-32s %5s %-26s %-15s %6s %8s %10s %10s %s\n",
            "problem", "n", "method", "status", "iters", "evals",
            "|dE|rel", "|g|inf", "solved");
    for (size_t i = 0; i < problems; i++) {
        bench_problem *p = &bench_problems[i];
        for (int m = 0; m < METHOD_COUNT; m++) {
            outcome *out = &results[i * METHOD_COUNT + (size_t)m];
            int failed = m <= DESCENT_SD ? run_descent(p, (method)m, x, g, out)
                                         : run_gsl(p, (method)m, x, g, out);
            if (failed)
                return 1;
            fprintf(details, "%-34s %5zu %-26s %-15s %6zu %8lu %10.2e "
                    "%10.2e %s\n", p->name, p->n, method_names[m],
                    out->status, out->iterations, out->evaluations,
                    out->value_error, out->gradient_inf,
                    out->solved ? "yes" : "no");
        }
        common[i] = true;
        for (int m = 0; m < METHOD_COUNT; m++)
            if (is_cg((method)m) && !results[i * METHOD_COUNT + (size_t)m].solved)
                common[i] = false;
    }
    size_t common_count = 0;
    for (size_t i = 0; i < problems; i++)
        common_count += common[i];

    summary s[METHOD_COUNT];
    for (int m = 0; m < METHOD_COUNT; m++)
        summarize(results, common, problems, (method)m, &s[m], work);
    char a[32], b[32], c[32], d[32];
    say("\nThe common set: the %zu instances that all four CG methods "
        "solved\n(the fair comparison). \"own\": over the instances the "
        "method solved itself.\n", common_count);
    say("%-26s %7s | %-17s %9s %9s | %9s %9s\n", "", "", "common set:",
        "median", "median", "own:", "median");
    say("%-26s %7s | %-17s %9s %9s | %9s %9s\n", "method", "solved",
        "solved of common", "evals", "iters", "evals", "iters");
    for (int m = 0; m < METHOD_COUNT; m++)
        say("%-26s %3zu/%-3zu | %8zu/%-8zu %9s %9s | %9s %9s\n",
            method_names[m], s[m].solved, problems, s[m].common_solved,
            common_count, number(s[m].common_evaluations, a, sizeof a),
            number(s[m].common_iterations, b, sizeof b),
            number(s[m].evaluations, c, sizeof c),
            number(s[m].iterations, d, sizeof d));
    size_t ratios = 0;
    for (size_t i = 0; i < problems; i++)
        if (common[i])
            work[ratios++] =
                (double)results[i * METHOD_COUNT + DESCENT_PR_PLUS].evaluations /
                (double)results[i * METHOD_COUNT + GSL_PR].evaluations;
    double median_ratio = median(work, ratios);
    double evaluation_ratio =
        s[DESCENT_PR_PLUS].common_evaluations / s[GSL_PR].common_evaluations;
    double iteration_ratio =
        s[DESCENT_PR_PLUS].common_iterations / s[GSL_PR].common_iterations;
    say("\ndescent PR+ / GSL conjugate_pr on the common set: median "
        "evaluations %.2f,\nmedian iterations %.2f; median over the "
        "instances of the evaluation ratio %.2f.\n", evaluation_ratio,
        iteration_ratio, median_ratio);
    say("(A GSL iteration is either one accepted trial step or one line "
        "minimization;\ndescent's is always a full strong Wolfe search, "
        "so evaluations are the\ncomparable cost.)\n");
    say("\nSolved by each method, problem by problem (+ solved, . not):\n");
    say("  %-34s %5s  dFR dPR+ dSD  gFR gPR gSD\n", "problem", "n");
    for (size_t i = 0; i < problems; i++) {
        const outcome *r = &results[i * METHOD_COUNT];
        say("  %-34s %5zu   %c   %c   %c    %c   %c   %c\n",
            bench_problems[i].name, bench_problems[i].n,
            r[0].solved ? '+' : '.', r[1].solved ? '+' : '.',
            r[2].solved ? '+' : '.', r[3].solved ? '+' : '.',
            r[4].solved ? '+' : '.', r[5].solved ? '+' : '.');
    }
    say("Details (status, iterations, evaluations, final errors): "
        "cg-gsl-problems.txt\n");

    /* The timing on extended Rosenbrock, n = 10^6. */
    bench_problem big = BENCH_PROBLEM("Extended Rosenbrock", TIMING_N,
                                      BENCH_EXTENDED_ROSENBROCK,
                                      "Andrei (2008); MGH 21");
    if (!bench_prepare(&big))
        return 1;
    double *x0 = malloc(big.n * sizeof *x0);
    double *xt = malloc(big.n * sizeof *xt);
    gsl_vector *start = gsl_vector_alloc(big.n);
    if (x0 == NULL || xt == NULL || start == NULL)
        return 1;
    bench_start(&big, x0);
    unsigned long long state = 2024;
    for (size_t i = 0; i < big.n; i++)
        x0[i] *= 1 + 1e-3 * noise(&state);
    memcpy(start->data, x0, big.n * sizeof *x0);
    timing td = {0}, tg = {0};
    for (int r = 0; r < REPEATS; r++)
        if (time_descent(&big, x0, xt, &td, r) || time_gsl(&big, start, &tg, r))
            return 1;
    say("\nTiming: extended Rosenbrock, n = %d, x0 = (-1.2, 1, ...) times "
        "(1 + 1e-3 u),\nu uniform in [-1, 1] (fixed seed); iteration cap "
        "%d, gradient tolerance 0;\nmedian of %d runs (times in ms per "
        "iteration and per evaluation).\n", TIMING_N, TIMING_ITERATIONS,
        REPEATS);
    say("  %-18s %8s %6s %6s %6s %9s %8s  %s\n", "method", "seconds",
        "iters", "evals", "with g", "ms/iter", "ms/eval", "final E");
    speed sd = report_timing("descent PR+", &td);
    speed sg = report_timing("GSL conjugate_pr", &tg);
    say("  descent / GSL: time %.2f, per iteration %.2f, per evaluation "
        "%.2f\n", sd.seconds / sg.seconds, sd.per_iteration / sg.per_iteration,
        sd.per_evaluation / sg.per_evaluation);
    say("  (A GSL iteration that accepts its first trial step costs a value "
        "and a\n  gradient call and leaves the direction unchanged; "
        "descent evaluates E and g\n  together at every trial. So the "
        "iterations differ in kind, and the final\n  values show how far "
        "each got.)\n");
    double with_gradient, value_only;
    time_objective(&big, x0, xt, &with_gradient, &value_only);
    say("  One call of the objective alone: %.2f ms with the gradient, "
        "%.2f ms without.\n", 1e3 * with_gradient, 1e3 * value_only);

    /* The LaTeX tables and macros for Chapter 3. */
    fprintf(tex, "%% cg-gsl.tex: written by bench/cg-gsl.c (make bench); "
            "do not edit.\n%% descent's nonlinear CG against GSL multimin "
            "on %zu instances from Andrei (2008).\n%% Common set: the %zu "
            "instances all four CG methods solved. Needs no package.\n",
            problems, common_count);
    fprintf(tex, "\\gdef\\cgGslProblems{%zu}\n", problems);
    fprintf(tex, "\\gdef\\cgGslCommon{%zu}\n", common_count);
    fprintf(tex, "\\gdef\\cgGslEvaluationRatio{%.2f}\n",
            evaluation_ratio);
    fprintf(tex, "\\gdef\\cgGslIterationRatio{%.2f}\n",
            iteration_ratio);
    fprintf(tex, "\\gdef\\cgGslTimeRatio{%.2f}\n",
            sd.seconds / sg.seconds);
    fprintf(tex, "\\gdef\\cgGslTimeRatioPerIteration{%.2f}\n",
            sd.per_iteration / sg.per_iteration);
    fprintf(tex, "\\gdef\\cgGslTimeRatioPerEvaluation{%.2f}\n",
            sd.per_evaluation / sg.per_evaluation);
    fprintf(tex, "\\gdef\\cgGslOpenblasCore{");
    tex_escape(tex, openblas_get_corename());
    fprintf(tex, "}\n");
    fprintf(tex, "\\begin{tabular}{lrrrr}\n\\hline\n");
    fprintf(tex, "method & solved & \\multicolumn{2}{c}{common set: "
            "median} & own: median \\\\\n");
    fprintf(tex, " & (of %zu) & evaluations & iterations & evaluations "
            "\\\\\n\\hline\n", problems);
    for (int m = 0; m < METHOD_COUNT; m++) {
        fprintf(tex, "%s & %zu & %s", method_tex[m], s[m].solved,
                number(s[m].common_evaluations, a, sizeof a));
        if (s[m].common_solved < common_count)
            fprintf(tex, " (%zu)", s[m].common_solved);
        fprintf(tex, " & %s & %s \\\\\n",
                number(s[m].common_iterations, b, sizeof b),
                number(s[m].evaluations, c, sizeof c));
    }
    fprintf(tex, "\\hline\n\\multicolumn{5}{l}{Common set: the %zu "
            "instances all four CG methods solved; in parentheses, how}"
            " \\\\\n\\multicolumn{5}{l}{many of them a steepest "
            "descent solved (its medians are over those).} \\\\\n"
            "\\end{tabular}\n", common_count);
    fprintf(tex, "\n\\medskip\n\\begin{tabular}{lrrr}\n\\hline\n");
    fprintf(tex, "$n = 10^6$, %d iterations & seconds & ms/iteration & "
            "ms/evaluation \\\\\n\\hline\n", TIMING_ITERATIONS);
    fprintf(tex, "descent PR+ & %.3f & %.2f & %.2f \\\\\n", sd.seconds,
            1e3 * sd.per_iteration, 1e3 * sd.per_evaluation);
    fprintf(tex, "GSL \\texttt{conjugate\\_pr} & %.3f & %.2f & %.2f \\\\\n",
            sg.seconds, 1e3 * sg.per_iteration, 1e3 * sg.per_evaluation);
    fprintf(tex, "descent / GSL & %.2f & %.2f & %.2f \\\\\n\\hline\n",
            sd.seconds / sg.seconds, sd.per_iteration / sg.per_iteration,
            sd.per_evaluation / sg.per_evaluation);
    fprintf(tex, "\\multicolumn{4}{l}{OpenBLAS core: \\cgGslOpenblasCore}"
            " \\\\\n\\end{tabular}\n");

    say("\nWritten: %s/cg-gsl.txt, cg-gsl-problems.txt, cg-gsl.tex\n",
        directory);
    gsl_vector_free(start);
    free(x0);
    free(xt);
    free(work);
    free(g);
    free(x);
    free(common);
    free(results);
    int closed = fclose(tex) | fclose(details) | fclose(report_file);
    return closed != 0;
}
