/* linesearch.c: generated from chapters/02-linesearch.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "linesearch.h"

enum search_kind { BACKTRACKING, WOLFE, EXACT };

typedef struct line {
    descent_objective *f;
    const descent_line_search *search;
    enum search_kind kind;
    const char *name;
    size_t n;
    const double *theta, *d;
    double value0, slope0, dnorm;
    double alpha_max;         /* max_length / ||d|| */
    bool want_norm;           /* compute ||grad E|| at every trial? */
    double *x, *g;            /* the trial point and its gradient */
    double at;                /* the step x was formed with */
    size_t evaluations;
    size_t unusable;          /* trials with a non-finite E or slope */
    double bad_alpha, bad_value, bad_slope;   /* the last of those */
} line;

typedef struct line_step {
    double alpha, value, slope;   /* alpha, phi(alpha), phi'(alpha) */
    double gradient_norm;         /* ||grad E|| at theta + alpha d */
} line_step;

descent_line_search descent_line_search_defaults(void)
{
    return (descent_line_search){
        .c1 = 1e-4, .c2 = 0.9,
        .initial_rule = DESCENT_INITIAL_SLOPE_RATIO,
        .initial_step = 1, .trust_length = 1, .backtrack = 0.5,
        .max_length = 1e10, .max_evaluations = 100, .tolerance = 1e-12,
    };
}
static descent_status line_at(line *L, line_step *t, bool slope,
                              descent_error *error)
{
    if (L->evaluations >= L->search->max_evaluations)
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: evaluation limit %zu reached at alpha "
                            "= %.17g", L->name, L->evaluations, t->alpha);
    for (size_t i = 0; i < L->n; i++)
        L->x[i] = L->theta[i] + t->alpha * L->d[i];
    L->at = t->alpha;
    L->evaluations++;
    t->slope = t->gradient_norm = NAN;
    if (slope) {
        t->value = descent_value_gradient(L->f, L->x, L->g);
        t->slope = cblas_ddot((int)L->n, L->g, 1, L->d, 1);
        if (L->want_norm)
            t->gradient_norm = descent_norm(L->n, L->g);
    } else {
        t->value = descent_value(L->f, L->x);
    }
    if (!isfinite(t->value) || (slope && !isfinite(t->slope))) {
        L->unusable++;
        L->bad_alpha = t->alpha;
        L->bad_value = t->value;
        L->bad_slope = t->slope;
        t->value = INFINITY;
        t->slope = NAN;
    }
    return DESCENT_OK;
}
static descent_status check_search_common(const descent_line_search *s,
                                          const char *name,
                                          descent_error *error)
{
    if ((unsigned)s->initial_rule > DESCENT_INITIAL_FIXED)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: initial_rule = %d is not a "
                            "descent_initial_rule", name,
                            (int)s->initial_rule);
    if (!(s->initial_step > 0 && isfinite(s->initial_step)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: initial_step = %g must be positive and "
                            "finite", name, s->initial_step);
    if (!(s->trust_length > 0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: trust_length = %g must be positive",
                            name, s->trust_length);
    if (!(s->max_length > 0 && isfinite(s->max_length)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: max_length = %g must be positive and "
                            "finite", name, s->max_length);
    if (s->max_evaluations < 2)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: max_evaluations = %zu; need at least 2",
                            name, s->max_evaluations);
    return descent_succeed(error);
}
static descent_status check_search(const descent_line_search *s,
                                   enum search_kind kind,
                                   const char *name,
                                   descent_error *error)
{
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: search is NULL (the rule was made "
                            "without parameters)", name);
    if (kind != EXACT && !(s->c1 > 0 && s->c1 < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: c1 = %g must be in (0, 1)", name, s->c1);
    if (kind == WOLFE && !(s->c2 >= s->c1 && s->c2 < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: c2 = %g must be in [c1, 1) = [%g, 1)",
                            name, s->c2, s->c1);
    if (kind == BACKTRACKING && !(s->backtrack > 0 && s->backtrack < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: backtrack = %g must be in (0, 1)", name,
                            s->backtrack);
    if (kind == EXACT && !(s->tolerance > 0 && s->tolerance < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: tolerance = %g must be in (0, 1)", name,
                            s->tolerance);
    return check_search_common(s, name, error);
}
static descent_status line_begin(line *L, descent_line_search *s,
                                 enum search_kind kind,
                                 const char *name, descent_objective *f,
                                 const descent_point *at,
                                 const double *d, descent_trial *trial,
                                 descent_error *error)
{
    *L = (line){.f = f, .search = s, .kind = kind, .name = name,
                .n = at->n, .theta = at->theta, .d = d,
                .value0 = at->value, .want_norm = kind == EXACT,
                .x = trial->theta, .g = trial->g};
    descent_status status = check_search(s, kind, name, error);
    if (status)
        return status;
    s->evaluations = 0;
    s->first_trial = NAN;
    L->slope0 = cblas_ddot((int)L->n, at->g, 1, d, 1);
    L->dnorm = descent_norm(L->n, d);
    L->alpha_max = s->max_length / L->dnorm;
    if (L->dnorm == 0)
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: the direction is zero", name);
    if (!isfinite(L->dnorm) || !isfinite(L->slope0))
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: the direction is too long: ||d|| = %g, "
                            "g^T d = %g", name, L->dnorm, L->slope0);
    if (!(L->slope0 < 0))
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: not a descent direction: g^T d = %g "
                            ">= 0", name, L->slope0);
    if (!isfinite(L->alpha_max))
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: the direction is negligible: ||d|| = "
                            "%g, ||g|| = %g", name, L->dnorm,
                            at->gradient_norm);
    return descent_succeed(error);
}
static bool same_point(const line *L, double a, double b)
{
    for (size_t i = 0; i < L->n; i++)
        if (L->theta[i] + a * L->d[i] != L->theta[i] + b * L->d[i])
            return false;
    return true;
}

static bool lost_in_rounding(const line *L, double decrease)
{
    return !(decrease > 0.5 * DBL_EPSILON * fabs(L->value0)) ||
           decrease < DBL_MIN;
}
static descent_status no_finite_step(const line *L, descent_error *error)
{
    return descent_fail(error, DESCENT_STEP_FAILED,
                        "%s: no step with a finite value and slope "
                        "along d; the shortest unusable trial, alpha = "
                        "%.17g, gave E = %g, slope %g", L->name,
                        L->bad_alpha, L->bad_value, L->bad_slope);
}

static descent_status too_short(const line *L, double alpha,
                                descent_error *error)
{
    bool still = same_point(L, 0, alpha);
    if (!still && !lost_in_rounding(L, -L->search->c1 * alpha * L->slope0))
        return DESCENT_OK;
    if (L->evaluations > 0 && L->unusable == L->evaluations)
        return no_finite_step(L, error);
    if (still)
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "backtracking: no sufficient decrease "
                            "before alpha = %g stops moving theta "
                            "(g^T d = %g)", alpha, L->slope0);
    return descent_fail(error, DESCENT_STEP_FAILED,
                        "backtracking: no decrease along d that "
                        "rounding can resolve: at alpha = %.3g, c1 alpha "
                        "|g^T d| = %.3g and E = %.17g", alpha,
                        -L->search->c1 * alpha * L->slope0, L->value0);
}
static bool collapsed(const line *L, line_step lo, line_step hi)
{
    double width = fabs(hi.alpha - lo.alpha);
    double longer = fmax(fabs(lo.alpha), fabs(hi.alpha));
    double nearest = lo.alpha + 0.1 * (hi.alpha - lo.alpha);
    return width <= 4 * DBL_EPSILON * longer ||
           same_point(L, lo.alpha, nearest) ||
           (lo.value >= L->value0 &&
            !(hi.slope * (hi.alpha - lo.alpha) > 0) &&
            lost_in_rounding(L, -longer * L->slope0));
}

static descent_status collapse_failure(const line *L, line_step lo,
                                       line_step hi, descent_error *error)
{
    if (lo.alpha == 0 && L->unusable == L->evaluations)
        return no_finite_step(L, error);
    if (lo.value >= L->value0)
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: no decrease along d that rounding can "
                            "resolve: none down to alpha = %.3g, where "
                            "alpha |g^T d| = %.3g and E = %.17g",
                            L->name, hi.alpha, -hi.alpha * L->slope0,
                            L->value0);
    if (L->kind == EXACT)
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "exact: E rises above E(0) and falls again "
                            "in [%.17g, %.17g], and no turn of the slope "
                            "can be resolved there", lo.alpha, hi.alpha);
    return descent_fail(error, DESCENT_STEP_FAILED,
                        "%s: no step in [%.17g, %.17g] has |slope| <= "
                        "c2 |slope(0)| = %g", L->name,
                        fmin(lo.alpha, hi.alpha),
                        fmax(lo.alpha, hi.alpha),
                        -L->search->c2 * L->slope0);
}
static bool sufficient_decrease(const line *L, line_step t)
{
    return t.value <= L->value0 + L->search->c1 * t.alpha * L->slope0;
}

static bool wolfe_point(const line *L, line_step t)
{
    return sufficient_decrease(L, t) &&
           fabs(t.slope) <= -L->search->c2 * L->slope0;
}
static double first_trial(const line *L, const descent_line_search *s,
                          const descent_point *at)
{
    double alpha = NAN;
    bool history = at->iteration > 0 && s->previous_step > 0;
    if (s->initial_rule == DESCENT_INITIAL_FIXED)
        alpha = s->initial_step;
    else if (history && s->initial_rule == DESCENT_INITIAL_SLOPE_RATIO)
        alpha = s->previous_step * s->previous_slope / L->slope0;
    else if (history)
        alpha = 2.02 * (L->value0 - s->previous_value) / L->slope0;
    if (!(alpha > 0 && isfinite(alpha)))
        alpha = fmin(s->initial_step, s->trust_length / L->dnorm);
    return fmin(alpha, L->alpha_max);
}
static descent_status armijo(void *state, descent_objective *f,
                             const descent_point *at, const double *d,
                             descent_trial *trial, descent_error *error)
{
    descent_line_search *s = state;
    line L;
    descent_status status = line_begin(&L, s, BACKTRACKING, "backtracking",
                                       f, at, d, trial, error);
    line_step t = {NAN, NAN, NAN, NAN};
    if (!status)
        t.alpha = s->first_trial = first_trial(&L, s, at);
    while (!status) {
        status = too_short(&L, t.alpha, error);
        if (!status)
            status = line_at(&L, &t, false, error);
        if (status || sufficient_decrease(&L, t))
            break;
        t.alpha *= s->backtrack;
    }
    if (s != NULL)
        s->evaluations = L.evaluations;
    if (status)
        return status;
    trial->eta = s->previous_step = t.alpha;
    s->previous_slope = L.slope0;
    s->previous_value = L.value0;
    trial->evaluated = false;
    return descent_succeed(error);
}
static double cubic_step(line_step lo, line_step hi);

static descent_status zoom(line *L, line_step lo, line_step hi,
                           line_step *accepted, descent_error *error)
{
    double width = fabs(hi.alpha - lo.alpha), older = INFINITY;
    for (;;) {
        line_step t = {cubic_step(lo, hi), NAN, NAN, NAN};
        if (width > 0.66 * older)                  /* too slow: bisect */
            t.alpha = 0.5 * (lo.alpha + hi.alpha);
        descent_status status = line_at(L, &t, true, error);
        if (status)
            return status;
        if (wolfe_point(L, t)) {
            *accepted = t;
            return DESCENT_OK;
        }
        if (!sufficient_decrease(L, t) || t.value > lo.value) {
            hi = t;
        } else {
            if (t.slope * (hi.alpha - lo.alpha) >= 0)
                hi = lo;
            lo = t;
        }
        older = width;
        width = fabs(hi.alpha - lo.alpha);
        if (collapsed(L, lo, hi))
            return collapse_failure(L, lo, hi, error);
    }
}
static double cubic_minimizer(line_step a, line_step b)
{
    double width = b.alpha - a.alpha;
    double d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.alpha - b.alpha);
    double radicand = d1 * d1 - a.slope * b.slope;
    if (!(radicand >= 0))
        return NAN;
    double d2 = copysign(sqrt(radicand), width);
    return b.alpha - width * (b.slope + d2 - d1) /
                             (b.slope - a.slope + 2 * d2);
}

static double cubic_step(line_step lo, line_step hi)
{
    double alpha = cubic_minimizer(lo, hi);
    double width = fabs(hi.alpha - lo.alpha);
    double left = fmin(lo.alpha, hi.alpha) + 0.1 * width;
    double right = fmax(lo.alpha, hi.alpha) - 0.1 * width;
    if (!isfinite(alpha))
        alpha = 0.5 * (lo.alpha + hi.alpha);
    return fmin(fmax(alpha, left), right);
}

static double extrapolate(const line *L, line_step previous, line_step now)
{
    double width = now.alpha - previous.alpha;
    double shortest = now.alpha + 1.1 * width;
    double longest = now.alpha + 4 * width;
    double alpha = cubic_minimizer(previous, now);
    if (!(alpha > now.alpha))
        alpha = longest;
    return fmin(fmin(fmax(alpha, shortest), longest), L->alpha_max);
}

static descent_status wolfe(void *state, descent_objective *f,
                            const descent_point *at, const double *d,
                            descent_trial *trial, descent_error *error)
{
    descent_line_search *s = state;
    line L;
    descent_status status = line_begin(&L, s, WOLFE, "strong Wolfe", f,
                                       at, d, trial, error);
    line_step previous = {0, at->value, L.slope0, at->gradient_norm};
    line_step now = {NAN, NAN, NAN, NAN};
    if (!status)
        now.alpha = s->first_trial = first_trial(&L, s, at);
    for (int i = 1; !status; i++) {
        status = line_at(&L, &now, true, error);
        if (status || wolfe_point(&L, now))
            break;
        if (!sufficient_decrease(&L, now) ||
            (i > 1 && now.value > previous.value)) {
            status = zoom(&L, previous, now, &now, error);
            break;
        }
        if (now.slope >= 0) {
            status = zoom(&L, now, previous, &now, error);
            break;
        }
        if (now.alpha >= L.alpha_max) {
            status = descent_fail(error, DESCENT_STEP_FAILED,
                                  "strong Wolfe: E still falling steeply at "
                                  "the longest step allowed, alpha ||d|| = %g "
                                  "(alpha = %g, E = %g); unbounded below along "
                                  "d?", now.alpha * L.dnorm, now.alpha,
                                  now.value);
            break;
        }
        double next = extrapolate(&L, previous, now);
        previous = now;
        now.alpha = next;
    }
    if (s != NULL)
        s->evaluations = L.evaluations;
    if (status)
        return status;
    if (!(now.value <= L.value0 + s->c1 * now.alpha * L.slope0 &&
          fabs(now.slope) <= -s->c2 * L.slope0 && L.at == now.alpha))
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "strong Wolfe: internal error: alpha = %g "
                            "fails the conditions it was accepted for",
                            now.alpha);
    trial->eta = s->previous_step = now.alpha;
    s->previous_slope = L.slope0;
    s->previous_value = L.value0;
    trial->evaluated = true;
    trial->value = now.value;
    return descent_succeed(error);
}
typedef struct root_state {
    line_step a, b, c;
    double d, e;                 /* last step, and the one before */
} root_state;

static void choose_root_step(root_state *r, double tolerance,
                             double middle);

static descent_status brent_root(line *L, line_step lo, line_step hi,
                                 double *alpha, double *value,
                                 descent_error *error)
{
    root_state r = {.a = lo, .b = hi, .c = lo,
                    .d = hi.alpha - lo.alpha, .e = hi.alpha - lo.alpha};
    descent_status status = DESCENT_OK;
    for (;;) {
        if ((r.b.slope > 0) == (r.c.slope > 0)) {
            r.c = r.a;
            r.d = r.e = r.b.alpha - r.a.alpha;
        }
        if (fabs(r.c.slope) < fabs(r.b.slope)) {
            r.a = r.b;
            r.b = r.c;
            r.c = r.a;
        }
        double tolerance = 2 * DBL_EPSILON * fabs(r.b.alpha) + DBL_MIN;
        double middle = 0.5 * (r.c.alpha - r.b.alpha);
        if (fabs(middle) <= tolerance ||
            fabs(r.b.slope) <= L->search->tolerance * r.b.gradient_norm *
                                   L->dnorm)
            break;
        choose_root_step(&r, tolerance, middle);
        r.a = r.b;
        r.b.alpha += fabs(r.d) > tolerance ? r.d
                                           : copysign(tolerance, middle);
        status = line_at(L, &r.b, true, error);
        if (status)
            return status;
        if (r.b.value == INFINITY)
            return descent_fail(error, DESCENT_NONFINITE,
                                "exact: E = %g, slope %g at alpha = %.17g, "
                                "between usable steps", L->bad_value,
                                L->bad_slope, r.b.alpha);
    }
    if (L->at != r.b.alpha)
        status = line_at(L, &r.b, true, error);
    *alpha = r.b.alpha;
    *value = r.b.value;
    return status;
}
static void choose_root_step(root_state *r, double tolerance,
                             double middle)
{
    if (fabs(r->e) >= tolerance &&
        fabs(r->a.slope) > fabs(r->b.slope)) {
        double s = r->b.slope / r->a.slope, p, q;
        if (r->a.alpha == r->c.alpha) {             /* secant */
            p = 2 * middle * s;
            q = 1 - s;
        } else {                          /* inverse quadratic */
            double qa = r->a.slope / r->c.slope;
            double rb = r->b.slope / r->c.slope;
            p = s * (2 * middle * qa * (qa - rb) -
                     (r->b.alpha - r->a.alpha) * (rb - 1));
            q = (qa - 1) * (rb - 1) * (s - 1);
        }
        if (p > 0)
            q = -q;
        else
            p = -p;
        if (2 * p < fmin(3 * middle * q - fabs(tolerance * q),
                         fabs(r->e * q))) {
            r->e = r->d;
            r->d = p / q;
            return;
        }
    }
    r->d = r->e = middle;                             /* bisect */
}

static descent_status exact(void *state, descent_objective *f,
                            const descent_point *at, const double *d,
                            descent_trial *trial, descent_error *error)
{
    descent_line_search *s = state;
    line L;
    descent_status status = line_begin(&L, s, EXACT, "exact", f, at, d,
                                       trial, error);
    line_step lo = {0, at->value, L.slope0, at->gradient_norm};
    line_step hi = {NAN, NAN, NAN, NAN};
    if (!status)
        hi.alpha = s->first_trial = first_trial(&L, s, at);
    while (!status) {
        status = line_at(&L, &hi, true, error);
        if (status || hi.slope >= 0)
            break;
        if (hi.value > L.value0) {        /* up and down again, or unusable */
            hi.alpha = 0.5 * (lo.alpha + hi.alpha);
            if (collapsed(&L, lo, hi)) {
                status = collapse_failure(&L, lo, hi, error);
                break;
            }
            continue;
        }
        if (hi.alpha >= L.alpha_max) {
            status = descent_fail(error, DESCENT_STEP_FAILED,
                                  "exact: slope still negative at the longest "
                                  "step allowed, alpha ||d|| = %g (alpha = %g, "
                                  "E = %g); unbounded below along d?",
                                  hi.alpha * L.dnorm, hi.alpha, hi.value);
            break;
        }
        double next = extrapolate(&L, lo, hi);
        lo = hi;
        hi.alpha = next;
    }
    double alpha = NAN, value = NAN;
    if (!status)
        status = brent_root(&L, lo, hi, &alpha, &value, error);
    if (s != NULL)
        s->evaluations = L.evaluations;
    if (status)
        return status;
    if (!(value < L.value0))
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "exact: the slope vanishes at alpha = %g, but "
                            "E there (%g) is not below E(0) = %g", alpha,
                            value, L.value0);
    trial->eta = s->previous_step = alpha;
    s->previous_slope = L.slope0;
    s->previous_value = L.value0;
    trial->evaluated = true;
    trial->value = value;
    return descent_succeed(error);
}
descent_step_rule descent_exact_step(descent_line_search *search)
{
    return (descent_step_rule){"exact line search", exact, search};
}

descent_step_rule descent_armijo_step(descent_line_search *search)
{
    return (descent_step_rule){"backtracking (Armijo)", armijo, search};
}

descent_step_rule descent_wolfe_step(descent_line_search *search)
{
    return (descent_step_rule){"strong Wolfe", wolfe, search};
}
static descent_status check_run(descent_step_rule rule,
                                const descent_objective *f,
                                const double *theta, const double *d,
                                const descent_trial *trial,
                                descent_error *error)
{
    size_t i;
    descent_status status =
        descent_check_size(f->n, 1, 0, "line search", error);
    if (status)
        return status;
    if (rule.step == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "line search: rule.step is NULL");
    if (theta == NULL || d == NULL || trial == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "line search: %s is NULL",
                            theta == NULL ? "theta"
                                          : d == NULL ? "d" : "trial");
    if (trial->theta == NULL || trial->g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "line search: trial->%s is NULL",
                            trial->theta == NULL ? "theta" : "g");
    if (!descent_all_finite(f->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "line search: theta[%zu] = %g", i, theta[i]);
    if (!descent_all_finite(f->n, d, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "line search: d[%zu] = %g", i, d[i]);
    return descent_succeed(error);
}
descent_status descent_line_search_run(descent_step_rule rule,
                                       descent_objective *f,
                                       const double *theta,
                                       const double *d,
                                       descent_trial *trial,
                                       descent_error *error)
{
    descent_status status = descent_objective_check(f, error);
    if (!status)
        status = check_run(rule, f, theta, d, trial, error);
    if (status)
        return status;
    size_t n = f->n;
    double *g = malloc(n * sizeof *g);
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "line search: n = %zu", n);
    size_t i;
    double value = descent_value_gradient(f, theta, g);
    descent_point at = {.iteration = 0, .n = n, .theta = theta,
                        .value = value, .g = g,
                        .gradient_norm = descent_norm(n, g)};
    trial->evaluated = false;
    if (!isfinite(value))
        status = descent_fail(error, DESCENT_NONFINITE,
                              "line search: objective %s returned E = %g at "
                              "theta", descent_objective_name(f), value);
    else if (!descent_all_finite(n, g, &i))
        status = descent_fail(error, DESCENT_NONFINITE,
                              "line search: the gradient of %s has g[%zu] = "
                              "%g at theta", descent_objective_name(f), i,
                              g[i]);
    else
        status = rule.step(rule.state, f, &at, d, trial, error);
    if (!status && !trial->evaluated) {
        memcpy(trial->theta, theta, n * sizeof *theta);
        cblas_daxpy((int)n, trial->eta, d, 1, trial->theta, 1);
        trial->value = descent_value(f, trial->theta);
    }
    free(g);
    return status;
}
