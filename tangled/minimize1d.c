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
static descent_status check_interval(descent_scalar_fn *f, double a,
                                     double b,
                                     const descent_scalar_options *opt,
                                     descent_error *error)
{
    if (f == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "the function is NULL");
    if (!isfinite(a) || !isfinite(b) || a == b)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "interval [%g, %g] must be finite and "
                            "non-empty", a, b);
    if (opt != NULL && (!(opt->relative_tolerance >= 0) ||
                        !(opt->absolute_tolerance >= 0) ||
                        opt->relative_tolerance +
                                opt->absolute_tolerance <= 0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "tolerances %g (relative) and %g (absolute) "
                            "must be >= 0, not both zero",
                            opt->relative_tolerance,
                            opt->absolute_tolerance);
    return descent_succeed(error);
}

static void record_width(const descent_scalar_options *opt, size_t k,
                         double width)
{
    if (opt->widths != NULL && k >= 1 && k <= opt->max_evaluations)
        opt->widths[k - 1] = width;
}
descent_status descent_bracket_minimum(descent_scalar_fn *f,
                                       void *context, double a,
                                       double b, size_t max_evaluations,
                                       double x[3], double fx[3],
                                       size_t *evaluations,
                                       descent_error *error)
{
    size_t count = 0;
    descent_status status = check_interval(f, a, b, NULL, error);
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
            status = evaluate_scalar(f, context, x[2], &fx[2], &count, error);
            if (status || fx[2] > fx[1])
                break;
            if (count >= max_evaluations) {
                status = descent_fail(error, DESCENT_STEP_FAILED,
                                      "no bracket after %zu evaluations: f is "
                                      "still falling at x = %g (f = %g); "
                                      "unbounded below?", count, x[2], fx[2]);
                break;
            }
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
    descent_status status = check_interval(f, a, b, opt, error);
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
    if (minimum != NULL) {
        bool first = f1 < f2;
        *minimum = (descent_scalar_minimum){
            .x = first ? x1 : x2, .value = first ? f1 : f2, .lower = a,
            .upper = b, .evaluations = count, .parabolic_steps = 0};
    }
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
    descent_status status = check_interval(f, a, b, opt, error);
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
    if (minimum != NULL)
        *minimum = (descent_scalar_minimum){
            .x = s.x, .value = s.fx, .lower = s.a, .upper = s.b,
            .evaluations = count, .parabolic_steps = parabolic};
    return status ? status : descent_succeed(error);
}
