/* nelder-mead.c: descent's Nelder-Mead against GSL's nmsimplex2.
 *
 * The problems: the instances of bench/problems.h with n <= 10 (Andrei
 * 2008; the Moré-Garbow-Hillstrom set is held out), each from its
 * standard x0. The two methods:
 *   descent: descent_nelder_mead_minimize with the library's default
 *     coefficients (reflection 1, expansion 2, contraction 1/2, shrink
 *     1/2, not adaptive) and default options, except those below.
 *   GSL: gsl_multimin_fminimizer_nmsimplex2 (the same four coefficients,
 *     but only the inside contraction).
 * The same initial simplex: x0 and the n vertices x0 + s_i e_i, with
 * s_i the step descent takes by default from its initial_step (see
 * simplex_steps below); descent receives these vertices as its
 * simplex, GSL the s_i as its step_size vector, from which nmsimplex2
 * builds exactly these vertices.
 * The same stopping rule, as far as the two can share one:
 *   - the target: stop as soon as an evaluation returns
 *     E <= E* + 1e-6 max(1, |E*|), E* the known minimum (descent's
 *     options.target; for GSL the counting wrapper notes the evaluation
 *     and the loop stops after that iteration). Reaching it is what
 *     "solved" means, and its evaluation's index is the cost reported;
 *   - the budget: 20000 evaluations (descent stops at once; GSL after
 *     the iteration in which it is spent, up to n + 1 more);
 *   - the simplex's collapse: descent's own test, size <= step_tolerance
 *     (1 + ||best||) with step_tolerance = 1e-8; GSL's
 *     gsl_multimin_fminimizer_size (the root mean square distance of
 *     the vertices from their centroid) <= 1e-8 (1 + ||x||).
 * An evaluation is one call of the problem's evaluate function through
 * descent_value, for both.
 *
 * Times: every run is repeated (a batch of runs long enough to read the
 * clock, REPEATS times) and the median time per run kept; the ratio
 * descent / GSL is given per problem, whole run and per evaluation,
 * and its median over the problems.
 *
 * Before anything runs, every problem must pass the checks of cg-gsl.c
 * (E(x*) = E*, g(x*) = 0, the gradient against central differences):
 * neither method uses the gradient, but the checks vouch for E*.
 *
 * The report is printed and written to $BENCH_RESULTS/nelder-mead.txt
 * (default bench/results/), with the table for the book in
 * nelder-mead.tex.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "descent.h"
#include "problems.h"
#include "timing.h"

#define BENCH_NAME "nelder-mead"
#include "common.h"

#define MAX_DIMENSION 10
#define TARGET_ACCURACY 1e-6     /* relative to max(1, |E*|) */
#define SIZE_TOLERANCE 1e-8      /* the simplex's collapse, both */
#define MIN_BATCH_SECONDS 0.02   /* a timed batch lasts at least this */

enum { BUDGET = 20000, REPEATS = 5 };

typedef enum method { DESCENT_NM, GSL_NM, METHOD_COUNT } method;
static const char *const method_names[METHOD_COUNT] = {
    "descent Nelder-Mead", "GSL nmsimplex2"};

typedef struct outcome {
    bool solved;               /* the target was met within the budget */
    unsigned long to_target;   /* the evaluation that met it; 0: none */
    unsigned long evaluations; /* all of the run's */
    size_t iterations;
    double value_error;        /* |E - E*| / max(1, |E*|) at the end */
    double seconds;            /* median time of the run */
    char status[64];
} outcome;

/* The target of a problem: the accuracy that counts as solved. */
static double target_of(const bench_problem *p)
{
    return p->minimum + TARGET_ACCURACY * fmax(1, fabs(p->minimum));
}

/* The steps s_i of the initial simplex, x0 + s_i e_i: descent's default
 * (descent_nelder_mead_defaults().initial_step, scaled as the library
 * scales it when it builds the simplex itself). */
static void simplex_steps(const bench_problem *p, const double *x0,
                          double *steps)
{
    double step = descent_nelder_mead_defaults().initial_step;
    (void)x0;
    for (size_t i = 0; i < p->n; i++)
        steps[i] = step;
}

/* ---- descent ---- */

static void run_descent(bench_problem *p, const double *steps,
                        double *simplex, double *x, outcome *out)
{
    descent_objective f = objective(p);
    descent_nelder_mead method = descent_nelder_mead_defaults();
    descent_direct_options options = descent_direct_default_options();
    descent_result result;
    size_t n = p->n;
    bench_start(p, x);
    for (size_t v = 0; v <= n; v++) {
        memcpy(simplex + v * n, x, n * sizeof *x);
        if (v > 0)
            simplex[v * n + v - 1] += steps[v - 1];
    }
    method.simplex = simplex;
    options.max_evaluations = BUDGET;
    options.target = target_of(p);
    options.step_tolerance = SIZE_TOLERANCE;
    descent_nelder_mead_minimize(&f, &method, &options, x, &result);
    out->to_target = options.target_evaluations;
    out->solved = out->to_target > 0;
    out->evaluations = result.counts.values;
    out->iterations = method.iterations;
    snprintf(out->status, sizeof out->status, "%s",
             out->solved ? "target" : descent_status_name(result.status));
}

/* ---- GSL ---- */

/* GSL's f: one counted evaluation, and the first one that meets the
 * target noted. */
typedef struct counted {
    descent_objective f;
    double target;
    unsigned long to_target;
} counted;

static double gsl_counted_value(const gsl_vector *x, void *context)
{
    counted *c = context;
    double value = descent_value(&c->f, x->data);
    if (value <= c->target && c->to_target == 0)
        c->to_target = c->f.counts.values;
    return value;
}

static void run_gsl(bench_problem *p, const double *steps, double *x,
                    outcome *out)
{
    size_t n = p->n;
    counted c = {objective(p), target_of(p), 0};
    gsl_multimin_function function = {gsl_counted_value, n, &c};
    gsl_multimin_fminimizer *s =
        gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n);
    gsl_vector *start = gsl_vector_alloc(n);
    gsl_vector *step = gsl_vector_alloc(n);
    if (s == NULL || start == NULL || step == NULL)
        die("out of memory for GSL, n = %zu", n);
    bench_start(p, start->data);
    memcpy(step->data, steps, n * sizeof *steps);
    int status = gsl_multimin_fminimizer_set(s, &function, start, step);
    const char *why = "budget";
    size_t k = 0;
    while (status == GSL_SUCCESS) {
        if (c.to_target > 0) {
            why = "target";
            break;
        }
        if (c.f.counts.values >= BUDGET)
            break;
        double norm = 0;
        for (size_t i = 0; i < n; i++)
            norm = hypot(norm, s->x->data[i]);
        if (gsl_multimin_fminimizer_size(s) <= SIZE_TOLERANCE * (1 + norm)) {
            why = "collapsed";
            break;
        }
        status = gsl_multimin_fminimizer_iterate(s);
        k++;
    }
    if (status != GSL_SUCCESS)
        why = gsl_strerror(status);
    out->to_target = c.to_target <= BUDGET ? c.to_target : 0;
    out->solved = out->to_target > 0;
    out->evaluations = c.f.counts.values;
    out->iterations = k;
    snprintf(out->status, sizeof out->status, "%s", why);
    memcpy(x, s->x->data, n * sizeof *x);
    gsl_multimin_fminimizer_free(s);
    gsl_vector_free(step);
    gsl_vector_free(start);
}

/* One run of method m on p, into out (x: the final point). */
static void run(bench_problem *p, method m, const double *steps,
                double *simplex, double *x, outcome *out)
{
    if (m == DESCENT_NM)
        run_descent(p, steps, simplex, x, out);
    else
        run_gsl(p, steps, x, out);
}

/* The median over REPEATS batches of the time of one run. */
static double time_runs(bench_problem *p, method m, const double *steps,
                        double *simplex, double *x)
{
    double seconds[REPEATS];
    outcome scratch;
    size_t batch = 1;
    for (;;) {
        double t0 = now();
        for (size_t b = 0; b < batch; b++)
            run(p, m, steps, simplex, x, &scratch);
        if (now() - t0 >= MIN_BATCH_SECONDS || batch >= (size_t)1 << 20)
            break;
        batch *= 2;
    }
    for (int r = 0; r < REPEATS; r++) {
        double t0 = now();
        for (size_t b = 0; b < batch; b++)
            run(p, m, steps, simplex, x, &scratch);
        seconds[r] = (now() - t0) / (double)batch;
    }
    return median(seconds, REPEATS);
}

/* ---- main ---- */

int main(void)
{
    const char *directory = results_directory();
    gsl_set_error_handler_off();
    bench_problem *problems[BENCH_PROBLEM_COUNT];
    size_t count = 0;
    for (size_t i = 0; i < BENCH_PROBLEM_COUNT; i++)
        if (bench_problems[i].n <= MAX_DIMENSION)
            problems[count++] = &bench_problems[i];

    double worst = 0;
    for (size_t i = 0; i < count; i++)
        if (!check_problem(problems[i], &worst))
            die("refusing to run: problem %s fails its checks",
                problems[i]->name);

    report_file = open_result(directory, "nelder-mead.txt");
    FILE *tex = open_result(directory, "nelder-mead.tex");
    outcome *results = calloc(count * METHOD_COUNT, sizeof *results);
    double *x = malloc(MAX_DIMENSION * sizeof *x);
    double *g = malloc(MAX_DIMENSION * sizeof *g);
    double *steps = malloc(MAX_DIMENSION * sizeof *steps);
    double *simplex =
        malloc((MAX_DIMENSION + 1) * MAX_DIMENSION * sizeof *simplex);
    double *work = malloc((count + 1) * sizeof *work);
    if (!results || !x || !g || !steps || !simplex || !work)
        die("out of memory");

    say("nelder-mead: descent's Nelder-Mead against GSL's nmsimplex2\n");
    say("OpenBLAS core: %s (config: %s; threads: %d)\n",
        openblas_get_corename(), openblas_get_config(),
        openblas_get_num_threads());
    const char *forced = getenv("OPENBLAS_CORETYPE");
    say("OPENBLAS_CORETYPE: %s\n", forced ? forced : "(not set)");
    say("Compiled with: library %s; benchmark %s\n", BENCH_LIBRARY_CFLAGS,
        BENCH_CFLAGS);
    say("\n%zu problem instances with n <= %d (Andrei 2008; "
        "bench/problems.h).\n", count, MAX_DIMENSION);
    say("All passed the checks: E(x*) = E*, g(x*) = 0, and the gradient "
        "check\n(worst relative error %.2g, limit %g).\n", worst,
        GRADIENT_CHECK_LIMIT);
    say("Both from x0, with the simplex x0, x0 + s_i e_i, s_i = %g "
        "(descent's default).\n",
        descent_nelder_mead_defaults().initial_step);
    say("Stop: E <= E* + %g max(1, |E*|) (solved), %d evaluations, or the "
        "simplex's\nsize <= %g (1 + ||x||) (descent: its own size; GSL: "
        "gsl_multimin_fminimizer_size).\n", TARGET_ACCURACY, BUDGET,
        SIZE_TOLERANCE);
    say("Times: median of %d batches (each >= %g s) of the whole run.\n\n",
        REPEATS, MIN_BATCH_SECONDS);

    say("%-28s %3s | %-10s %8s %8s %10s | %-10s %8s %8s %10s | %6s %6s\n",
        "problem", "n", "descent", "to E*", "evals", "|dE|rel", "GSL",
        "to E*", "evals", "|dE|rel", "t d/G", "t/ev");
    for (size_t i = 0; i < count; i++) {
        bench_problem *p = problems[i];
        for (int m = 0; m < METHOD_COUNT; m++) {
            outcome *out = &results[i * METHOD_COUNT + (size_t)m];
            bench_start(p, x);
            simplex_steps(p, x, steps);
            run(p, (method)m, steps, simplex, x, out);
            double value = bench_evaluate(p, x, g);
            out->value_error =
                fabs(value - p->minimum) / fmax(1, fabs(p->minimum));
            out->seconds = time_runs(p, (method)m, steps, simplex, x);
        }
        const outcome *d = &results[i * METHOD_COUNT + DESCENT_NM];
        const outcome *s = &results[i * METHOD_COUNT + GSL_NM];
        say("%-28s %3zu | %-10s %8lu %8lu %10.2e | %-10s %8lu %8lu %10.2e "
            "| %6.2f %6.2f\n", p->name, p->n, d->status, d->to_target,
            d->evaluations, d->value_error, s->status, s->to_target,
            s->evaluations, s->value_error, d->seconds / s->seconds,
            (d->seconds / (double)d->evaluations) /
                (s->seconds / (double)s->evaluations));
    }

    /* The medians: solved counts, evaluations to the target over the
     * problems both solved, and the time ratios over all problems. */
    size_t solved[METHOD_COUNT] = {0}, both = 0;
    for (size_t i = 0; i < count; i++) {
        bool all = true;
        for (int m = 0; m < METHOD_COUNT; m++) {
            solved[m] += results[i * METHOD_COUNT + (size_t)m].solved;
            all = all && results[i * METHOD_COUNT + (size_t)m].solved;
        }
        both += all;
    }
    double median_to_target[METHOD_COUNT];
    for (int m = 0; m < METHOD_COUNT; m++) {
        size_t k = 0;
        for (size_t i = 0; i < count; i++)
            if (results[i * METHOD_COUNT + DESCENT_NM].solved &&
                results[i * METHOD_COUNT + GSL_NM].solved)
                work[k++] =
                    (double)results[i * METHOD_COUNT + (size_t)m].to_target;
        median_to_target[m] = median(work, k);
    }
    for (size_t i = 0; i < count; i++)
        work[i] = results[i * METHOD_COUNT + DESCENT_NM].seconds /
                  results[i * METHOD_COUNT + GSL_NM].seconds;
    double time_ratio = median(work, count);
    for (size_t i = 0; i < count; i++) {
        const outcome *d = &results[i * METHOD_COUNT + DESCENT_NM];
        const outcome *s = &results[i * METHOD_COUNT + GSL_NM];
        work[i] = (d->seconds / (double)d->evaluations) /
                  (s->seconds / (double)s->evaluations);
    }
    double evaluation_time_ratio = median(work, count);
    char a[32], b[32];
    say("\nSolved (of %zu): %s %zu, %s %zu; both: %zu.\n", count,
        method_names[DESCENT_NM], solved[DESCENT_NM], method_names[GSL_NM],
        solved[GSL_NM], both);
    say("Median evaluations to the target over the %zu both solved: "
        "descent %s, GSL %s.\n", both,
        number(median_to_target[DESCENT_NM], a, sizeof a),
        number(median_to_target[GSL_NM], b, sizeof b));
    say("Median time ratio descent / GSL over the %zu problems: whole run "
        "%.2f,\nper evaluation %.2f.\n", count, time_ratio,
        evaluation_time_ratio);

    /* The table and macros for Chapter 12. */
    fprintf(tex, "%% nelder-mead.tex: written by bench/nelder-mead.c (make "
            "bench); do not edit.\n%% descent's Nelder-Mead against GSL's "
            "nmsimplex2 on the %zu instances of\n%% bench/problems.h with "
            "n <= %d. Needs booktabs.\n", count, MAX_DIMENSION);
    fprintf(tex, "\\gdef\\beyondNmProblems{%zu}\n", count);
    fprintf(tex, "\\gdef\\beyondNmBudget{%d}\n", BUDGET);
    fprintf(tex, "\\gdef\\beyondNmMaxDimension{%d}\n", MAX_DIMENSION);
    fprintf(tex, "\\gdef\\beyondNmAccuracy{10^{%d}}\n",
            (int)lround(log10(TARGET_ACCURACY)));
    fprintf(tex, "\\gdef\\beyondNmRepeats{%d}\n", REPEATS);
    fprintf(tex, "\\gdef\\beyondNmSolvedDescent{%zu}\n", solved[DESCENT_NM]);
    fprintf(tex, "\\gdef\\beyondNmSolvedGsl{%zu}\n", solved[GSL_NM]);
    fprintf(tex, "\\gdef\\beyondNmSolvedBoth{%zu}\n", both);
    fprintf(tex, "\\gdef\\beyondNmMedianDescent{%s}\n",
            number(median_to_target[DESCENT_NM], a, sizeof a));
    fprintf(tex, "\\gdef\\beyondNmMedianGsl{%s}\n",
            number(median_to_target[GSL_NM], b, sizeof b));
    fprintf(tex, "\\gdef\\beyondNmTimeRatio{%.2f}\n", time_ratio);
    fprintf(tex, "\\gdef\\beyondNmEvaluationTimeRatio{%.2f}\n",
            evaluation_time_ratio);
    fprintf(tex, "\\gdef\\beyondNmInitialStep{%g}\n",
            descent_nelder_mead_defaults().initial_step);
    fprintf(tex, "\\gdef\\beyondNmOpenblasCore{");
    tex_escape(tex, openblas_get_corename());
    fprintf(tex, "}\n");
    fprintf(tex, "\\begin{tabular}{@{}lrrrrr@{}}\n\\toprule\n");
    fprintf(tex, " & & \\multicolumn{2}{c}{evaluations to $E^*$} & "
            "\\multicolumn{2}{c}{time, descent/GSL} \\\\\n");
    fprintf(tex, "\\cmidrule(lr){3-4}\\cmidrule(l){5-6}\n");
    fprintf(tex, "problem & $n$ & descent & GSL & run & evaluation "
            "\\\\\n\\midrule\n");
    for (size_t i = 0; i < count; i++) {
        const outcome *d = &results[i * METHOD_COUNT + DESCENT_NM];
        const outcome *s = &results[i * METHOD_COUNT + GSL_NM];
        tex_escape(tex, problems[i]->name);
        fprintf(tex, " & %zu", problems[i]->n);
        for (int m = 0; m < METHOD_COUNT; m++) {
            const outcome *o = &results[i * METHOD_COUNT + (size_t)m];
            if (o->solved)
                fprintf(tex, " & %lu", o->to_target);
            else
                fprintf(tex, " & --");
        }
        fprintf(tex, " & %.2f & %.2f \\\\\n", d->seconds / s->seconds,
                (d->seconds / (double)d->evaluations) /
                    (s->seconds / (double)s->evaluations));
    }
    fprintf(tex, "\\midrule\nsolved (of %zu) & & %zu & %zu & & \\\\\n",
            count, solved[DESCENT_NM], solved[GSL_NM]);
    fprintf(tex, "median & & %s & %s & %.2f & %.2f \\\\\n\\bottomrule\n"
            "\\end{tabular}\n",
            number(median_to_target[DESCENT_NM], a, sizeof a),
            number(median_to_target[GSL_NM], b, sizeof b), time_ratio,
            evaluation_time_ratio);

    say("\nWritten: %s/nelder-mead.txt, nelder-mead.tex\n", directory);
    free(work);
    free(simplex);
    free(steps);
    free(g);
    free(x);
    free(results);
    int closed = fclose(tex) | fclose(report_file);
    return closed != 0;
}
