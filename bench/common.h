/* What bench/cg-gsl.c and bench/quasi-newton.c share beyond report.h
 * (the report, stdout and a results file together): the noise, the objective, the
 * checks that come before any run, and the output helpers. A program
 * defines BENCH_NAME (its name, for messages) before including this.
 * Every function is static inline, so one a program leaves unused costs
 * no warning. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "descent.h"
#include "problems.h"
#include "report.h"
#include "timing.h"

#ifndef BENCH_NAME
#error "define BENCH_NAME before including common.h"
#endif

char *openblas_get_corename(void);
char *openblas_get_config(void);
int openblas_get_num_threads(void);

#define SOLVED_GRADIENT 1e-6      /* success: ||g||_inf at the end */
#define SOLVED_VALUE 1e-6         /* success: |E - E*| / max(1, |E*|) */
#define GRADIENT_CHECK_LIMIT 1e-6 /* see check_gradient */

/* A deterministic uniform number in [-1, 1] (a 64-bit LCG, top bits). */
static inline double noise(unsigned long long *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) * 0x1p-53 * 2 - 1;
}

/* The problem's objective: bench_prepare (in check_problem, before any
 * run) has built it. */
static inline descent_objective objective(bench_problem *p)
{
    return p->f;
}

static inline double max_abs(const double *x, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++)
        if (!(fabs(x[i]) <= m))     /* a NaN wins */
            m = fabs(x[i]);
    return m;
}

/* ---- the checks that come before any run ---- */

/* The problem's own data must agree: E(x*) = E* to rounding, and the
 * gradient there is far below the success threshold, so that the test
 * a method must pass is passable. */
static inline bool check_minimum(bench_problem *p, double *x, double *g)
{
    bench_solution(p, x);
    double value = bench_evaluate(p, x, g), target = p->minimum;
    double error = fabs(value - target) / fmax(1, fabs(target));
    double slope = max_abs(g, p->n);
    if (error <= 1e-10 && slope <= 1e-8)
        return true;
    fprintf(stderr, BENCH_NAME ": %s (n = %zu): at its minimizer x*, "
            "E(x*) = %.17g and E* = %.17g differ by %.3g (relative; at "
            "most 1e-10 allowed), ||g(x*)||_inf = %.3g (at most 1e-8)\n",
            p->name, p->n, value, target, error, slope);
    return false;
}

/* descent_gradient_check compares g_i with the central difference
 * (E(x + h e_i) - E(x - h e_i)) / 2h, h = eps^(1/3) max(1, |x_i|), and
 * divides the difference by max(|g_i|, |estimate|, 1e-4 max(1, |E|)).
 * Truncation contributes about h^2 |E'''| / 6, i.e. 4e-12 times the
 * ratio of third to first derivative; rounding about eps |E| / h =
 * 4e-11 |E|, which the floor 1e-4 |E| turns into at most 4e-7 (a few
 * times that when E is a long sum whose rounding does not cancel). A
 * wrong gradient (a sign, a factor, a term left out) is off by O(1).
 * So the limit 1e-6 sits above the noise of a correct gradient and
 * five orders of magnitude below a real mistake. */
static inline bool check_gradient(bench_problem *p, const double *x,
                           const char *where, double *worst_seen)
{
    descent_objective f = objective(p);
    descent_error error;
    double worst = 0;
    size_t at = 0;
    if (descent_gradient_check(&f, x, &worst, &at, NULL, &error)) {
        fprintf(stderr, BENCH_NAME ": %s (n = %zu): gradient check at %s "
                "failed: %s\n", p->name, p->n, where, error.message);
        return false;
    }
    if (worst > *worst_seen)
        *worst_seen = worst;
    if (worst <= GRADIENT_CHECK_LIMIT)
        return true;
    fprintf(stderr, BENCH_NAME ": %s (n = %zu): the gradient disagrees with "
            "central differences at %s: relative error %.3g > %g in "
            "component %zu\n", p->name, p->n, where, worst,
            GRADIENT_CHECK_LIMIT, at + 1);
    return false;
}

static inline bool check_problem(bench_problem *p, double *worst_seen)
{
    if (!bench_prepare(p))
        return false;
    double *x = malloc(2 * p->n * sizeof *x);
    if (x == NULL)
        return false;
    double *g = x + p->n;
    bool ok = check_minimum(p, x, g);
    bench_start(p, x);
    ok = ok && check_gradient(p, x, "x0", worst_seen);
    unsigned long long state = 12345;
    for (size_t i = 0; i < p->n; i++)
        x[i] += 0.1 * noise(&state);
    ok = ok && check_gradient(p, x, "x0 + 0.1 u, u in [-1, 1]^n",
                              worst_seen);
    free(x);
    return ok;
}

/* ---- the runs ---- */

/* ---- judging a run ---- */

/* Recompute E and g at the final point x (outside any count): the
 * relative error of E against E* and ||g||_inf, and whether both pass. */
static inline bool judge_point(bench_problem *p, const double *x, double *g,
                               double *value_error, double *gradient_inf)
{
    double value = bench_evaluate(p, x, g), target = p->minimum;
    *value_error = fabs(value - target) / fmax(1, fabs(target));
    *gradient_inf = max_abs(g, p->n);
    return *gradient_inf <= SOLVED_GRADIENT && *value_error <= SOLVED_VALUE;
}

/* ---- timing ---- */

typedef struct speed {
    double seconds, per_iteration, per_evaluation;
} speed;

/* The median of the repeats' seconds, and that per iteration and per
 * evaluation. */
static inline speed speed_of(double *seconds, size_t repeats,
                             size_t iterations, unsigned long evaluations)
{
    speed s;
    s.seconds = median(seconds, repeats);
    s.per_iteration = s.seconds / (double)(iterations ? iterations : 1);
    s.per_evaluation = s.seconds / (double)evaluations;
    return s;
}

/* ---- output helpers ---- */

/* A median for a table: "--" if there was nothing to take it of. */
static inline const char *number(double x, char *buffer, size_t size)
{
    if (isnan(x))
        snprintf(buffer, size, "--");
    else if (x == floor(x))
        snprintf(buffer, size, "%.0f", x);
    else
        snprintf(buffer, size, "%.1f", x);
    return buffer;
}

/* ---- GSL ---- */

/* GSL's f, df and fdf, each one evaluation of the same objective. */
static inline double gsl_value(const gsl_vector *x, void *f)
{
    return descent_value(f, x->data);
}
static inline void gsl_gradient(const gsl_vector *x, void *f, gsl_vector *g)
{
    descent_value_gradient(f, x->data, g->data);
}
static inline void gsl_value_gradient(const gsl_vector *x, void *f,
                                      double *value, gsl_vector *g)
{
    *value = descent_value_gradient(f, x->data, g->data);
}

/* How a GSL minimizer's run ended, for the report. */
static inline const char *gsl_status_name(
    const gsl_multimin_fdfminimizer *s, int status, bool converged)
{
    return converged               ? "converged"
           : !isfinite(s->f)       ? "non-finite"
           : status == GSL_ENOPROG ? "no progress"
           : status != GSL_SUCCESS ? gsl_strerror(status)
                                   : "iteration cap";
}

#endif
