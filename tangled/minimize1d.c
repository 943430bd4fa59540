/* minimize1d.c: generated from chapters/02-linesearch.nw; do not edit. */
#include <float.h>
#include <math.h>

#include "internal.h"
#include "linesearch.h"

static const double golden = 0.61803398874989484820;  /* (sqrt5-1)/2 */

descent_scalar_options descent_scalar_default_options(void)
{
    return (descent_scalar_options){
        .relative_tolerance = 1.4901161193847656e-08,  /* 2^-26 */
        .absolute_tolerance = 1e-12,
        .max_evaluations = 500,
        .widths = NULL,
    };
}

static descent_status evaluate_scalar(descent_scalar_fn *f,
                                      void *context, double x,
                                      double *fx, size_t *count,
                                      descent_error *error)
{
    *fx = f(x, context);
    (*count)++;
    if (!isfinite(*fx))
        return descent_fail(error, DESCENT_NONFINITE, "f(%.17g) = %g",
                            x, *fx);
    return DESCENT_OK;
}
static descent_status check_interval(const char *name,
                                     descent_scalar_fn *f, double a,
                                     double b, descent_error *error)
{
    if (f == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: f is NULL", name);
    if (!isfinite(a))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: a = %g must be finite", name, a);
    if (!isfinite(b))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: b = %g must be finite", name, b);
    if (a == b)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: a = b = %g: the interval is empty",
                            name, a);
    if (!isfinite(b - a))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: the width b - a of [%g, %g] overflows",
                            name, a, b);
    return descent_succeed(error);
}
static descent_status check_scalar_problem(
    const char *name, descent_scalar_fn *f, double a, double b,
    const descent_scalar_options *opt, size_t least,
    const descent_scalar_minimum *minimum, descent_error *error)
{
    descent_status status = check_interval(name, f, a, b, error);
    if (status)
        return status;
    if (!(opt->relative_tolerance >= 0 &&
          isfinite(opt->relative_tolerance)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: relative_tolerance = %g must be finite "
                            "and >= 0", name, opt->relative_tolerance);
    if (!(opt->absolute_tolerance >= 0 &&
          isfinite(opt->absolute_tolerance)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: absolute_tolerance = %g must be finite "
                            "and >= 0", name, opt->absolute_tolerance);
    if (opt->relative_tolerance + opt->absolute_tolerance == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: relative_tolerance and "
                            "absolute_tolerance are both 0", name);
    if (opt->max_evaluations < least)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: max_evaluations = %zu; need at least "
                            "%zu", name, opt->max_evaluations, least);
    if (minimum == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: minimum is NULL", name);
    return descent_succeed(error);
}

static void record_width(const descent_scalar_options *opt, size_t k,
                         double width)
{
    if (opt->widths != NULL && k >= 1 && k <= opt->max_evaluations)
        opt->widths[k - 1] = width;
}
static descent_status no_bracket(size_t count, const double *x,
                                 const double *fx, descent_error *error)
{
    const char *why = isfinite(x[2]) ? "the budget is spent"
                                     : "the strides overflow";
    if (fx[1] < fx[0])
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "bracketing: no bracket after %zu "
                            "evaluations (%s): f is still falling at "
                            "x = %g (f = %g); unbounded below?", count,
                            why, x[1], fx[1]);
    return descent_fail(error, DESCENT_STEP_FAILED,
                        "bracketing: no bracket after %zu evaluations "
                        "(%s): f is flat, f = %g at x = %g and at x = %g",
                        count, why, fx[1], x[0], x[1]);
}
descent_status descent_bracket_minimum(descent_scalar_fn *f,
                                       void *context, double a,
                                       double b, size_t max_evaluations,
                                       double x[3], double fx[3],
                                       size_t *evaluations,
                                       descent_error *error)
{
    size_t count = 0;
    descent_status status = check_interval("bracketing", f, a, b, error);
    if (!status && (x == NULL || fx == NULL))
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "bracketing: %s is NULL",
                              x == NULL ? "x" : "fx");
    if (!status && max_evaluations < 3)
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "bracketing: max_evaluations = %zu; need at "
                              "least 3", max_evaluations);
    if (!status)
        status = evaluate_scalar(f, context, a, &fx[0], &count, error);
    if (!status)
        status = evaluate_scalar(f, context, b, &fx[1], &count, error);
    if (!status) {
        x[0] = a;
        x[1] = b;
        if (fx[1] > fx[0]) {
            double t = x[0], ft = fx[0];
            x[0] = x[1], fx[0] = fx[1];
            x[1] = t, fx[1] = ft;
        }
        for (;;) {
            x[2] = x[1] + (x[1] - x[0]) / golden;
            if (count >= max_evaluations || !isfinite(x[2])) {
                status = no_bracket(count, x, fx, error);
                break;
            }
            status = evaluate_scalar(f, context, x[2], &fx[2], &count, error);
            if (status || fx[2] > fx[1])
                break;
            x[0] = x[1], fx[0] = fx[1];
            x[1] = x[2], fx[1] = fx[2];
        }
        if (!status && x[0] > x[2]) {   /* walked leftwards: put x in order */
            double t = x[0], ft = fx[0];
            x[0] = x[2], fx[0] = fx[2];
            x[2] = t, fx[2] = ft;
        }
    }
    if (evaluations != NULL)
        *evaluations = count;
    return status ? status : descent_succeed(error);
}
descent_status descent_golden_section(descent_scalar_fn *f,
                                      void *context, double a, double b,
                                      const descent_scalar_options *opt,
                                      descent_scalar_minimum *minimum,
                                      descent_error *error)
{
    descent_scalar_options defaults = descent_scalar_default_options();
    if (opt == NULL)
        opt = &defaults;
    descent_status status = check_scalar_problem("golden section", f, a, b,
                                                 opt, 2, minimum, error);
    if (status)
        return status;
    if (a > b) {
        double t = a;
        a = b, b = t;
    }
    size_t count = 0;
    double x1 = b - golden * (b - a), x2 = a + golden * (b - a);
    double f1 = NAN, f2 = NAN;
    status = evaluate_scalar(f, context, x1, &f1, &count, error);
    record_width(opt, count, b - a);
    if (!status)
        status = evaluate_scalar(f, context, x2, &f2, &count, error);
    record_width(opt, count, b - a);
    while (!status) {
        double x = f1 < f2 ? x1 : x2;
        double tolerance = opt->relative_tolerance * fabs(x) +
                           opt->absolute_tolerance;
        if (fmax(x - a, b - x) <= 2 * tolerance)
            break;
        if (count >= opt->max_evaluations) {
            status = descent_fail(error, DESCENT_MAX_ITERATIONS,
                                  "golden section: bracket [%g, %g] still "
                                  "wider than the tolerance after %zu "
                                  "evaluations", a, b, count);
            break;
        }
        if (f1 < f2) {                       /* keep [a, x2] */
            b = x2, x2 = x1, f2 = f1;
            x1 = b - golden * (b - a);
            status = evaluate_scalar(f, context, x1, &f1, &count, error);
        } else {                             /* keep [x1, b] */
            a = x1, x1 = x2, f1 = f2;
            x2 = a + golden * (b - a);
            status = evaluate_scalar(f, context, x2, &f2, &count, error);
        }
        record_width(opt, count, b - a);
    }
    bool first = f1 < f2;
    *minimum = (descent_scalar_minimum){
        .x = first ? x1 : x2, .value = first ? f1 : f2, .lower = a,
        .upper = b, .evaluations = count, .parabolic_steps = 0};
    return status ? status : descent_succeed(error);
}
typedef struct brent_state {
    double a, b;              /* the bracket */
    double x, w, v;           /* lowest, second lowest, previous w */
    double fx, fw, fv;
    double d, e;              /* last step, and the one before */
} brent_state;
static bool choose_brent_step(brent_state *s, double tolerance)
{
    double middle = 0.5 * (s->a + s->b);
    if (fabs(s->e) > tolerance) {
        double r = (s->x - s->w) * (s->fx - s->fv);
        double q = (s->x - s->v) * (s->fx - s->fw);
        double p = (s->x - s->v) * q - (s->x - s->w) * r;
        q = 2 * (q - r);
        if (q > 0)
            p = -p;
        else
            q = -q;
        if (fabs(p) < fabs(0.5 * q * s->e) && p > q * (s->a - s->x) &&
            p < q * (s->b - s->x)) {
            s->e = s->d;
            s->d = p / q;
            double u = s->x + s->d;
            if (u - s->a < 2 * tolerance || s->b - u < 2 * tolerance)
                s->d = s->x < middle ? tolerance : -tolerance;
            return true;
        }
    }
    s->e = s->x < middle ? s->b - s->x : s->a - s->x;
    s->d = (1 - golden) * s->e;
    return false;
}
static void update_brent(brent_state *s, double u, double fu)
{
    if (fu <= s->fx) {
        if (u < s->x)
            s->b = s->x;
        else
            s->a = s->x;
        s->v = s->w, s->fv = s->fw;
        s->w = s->x, s->fw = s->fx;
        s->x = u, s->fx = fu;
        return;
    }
    if (u < s->x)
        s->a = u;
    else
        s->b = u;
    if (fu <= s->fw || s->w == s->x) {
        s->v = s->w, s->fv = s->fw;
        s->w = u, s->fw = fu;
    } else if (fu <= s->fv || s->v == s->x || s->v == s->w) {
        s->v = u, s->fv = fu;
    }
}
descent_status descent_brent(descent_scalar_fn *f, void *context,
                             double a, double b,
                             const descent_scalar_options *opt,
                             descent_scalar_minimum *minimum,
                             descent_error *error)
{
    descent_scalar_options defaults = descent_scalar_default_options();
    if (opt == NULL)
        opt = &defaults;
    descent_status status = check_scalar_problem("Brent", f, a, b, opt, 1,
                                                 minimum, error);
    if (status)
        return status;
    size_t count = 0, parabolic = 0;
    brent_state s = {.a = fmin(a, b), .b = fmax(a, b), .fx = NAN};
    s.x = s.w = s.v = s.a + (1 - golden) * (s.b - s.a);
    status = evaluate_scalar(f, context, s.x, &s.fx, &count, error);
    s.fw = s.fv = s.fx;
    record_width(opt, count, s.b - s.a);
    while (!status) {
        double tolerance = opt->relative_tolerance * fabs(s.x) +
                           opt->absolute_tolerance;
        double middle = 0.5 * (s.a + s.b);
        if (fabs(s.x - middle) <= 2 * tolerance - 0.5 * (s.b - s.a))
            break;
        if (count >= opt->max_evaluations) {
            status = descent_fail(error, DESCENT_MAX_ITERATIONS,
                                  "Brent: bracket [%g, %g] still wider than "
                                  "the tolerance after %zu evaluations",
                                  s.a, s.b, count);
            break;
        }
        parabolic += choose_brent_step(&s, tolerance);
        double u = s.x + (fabs(s.d) >= tolerance ? s.d
                                                  : copysign(tolerance, s.d));
        double fu;
        status = evaluate_scalar(f, context, u, &fu, &count, error);
        if (!status)
            update_brent(&s, u, fu);
        record_width(opt, count, s.b - s.a);
    }
    *minimum = (descent_scalar_minimum){
        .x = s.x, .value = s.fx, .lower = s.a, .upper = s.b,
        .evaluations = count, .parabolic_steps = parabolic};
    return status ? status : descent_succeed(error);
}
