/* linesearch.c: generated from chapters/02-linesearch.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "linesearch.h"

typedef struct line {
    descent_objective *f;
    const descent_line_search *search;
    const char *name;
    size_t n;
    const double *theta, *d;
    double value0, slope0, dnorm;
    double *x, *g;            /* the trial point and its gradient */
    double at;                /* the step x was formed with */
    size_t evaluations;
} line;

typedef struct line_step {
    double alpha, value, slope;   /* alpha, phi(alpha), phi'(alpha) */
    double gradient_norm;         /* ||grad E|| at theta + alpha d */
} line_step;

descent_line_search descent_line_search_defaults(void)
{
    return (descent_line_search){
        .c1 = 1e-4, .c2 = 0.9, .initial_step = 1, .backtrack = 0.5,
        .max_step = 1e10, .max_evaluations = 100, .tolerance = 1e-12,
        .evaluations = 0, .previous_step = 0,
    };
}
static descent_status line_at(line *L, line_step *t, bool slope,
                              descent_error *error)
{
    if (L->evaluations >= L->search->max_evaluations)
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: evaluation limit %zu reached at alpha "
                            "= %g", L->name, L->evaluations, t->alpha);
    memcpy(L->x, L->theta, L->n * sizeof *L->x);
    cblas_daxpy((int)L->n, t->alpha, L->d, 1, L->x, 1);
    L->at = t->alpha;
    L->evaluations++;
    t->slope = t->gradient_norm = NAN;
    if (slope) {
        t->value = descent_value_gradient(L->f, L->x, L->g);
        t->slope = cblas_ddot((int)L->n, L->g, 1, L->d, 1);
        t->gradient_norm = cblas_dnrm2((int)L->n, L->g, 1);
    } else {
        t->value = descent_value(L->f, L->x);
    }
    if (isnan(t->value) || t->value == -INFINITY ||
        (slope && isfinite(t->value) && !isfinite(t->slope)))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: E = %g, slope %g at alpha = %g",
                            L->name, t->value, t->slope, t->alpha);
    return DESCENT_OK;
}
static descent_status check_search(const descent_line_search *s,
                                   const char *name,
                                   descent_error *error)
{
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: no parameters (NULL)", name);
    if (!(s->c1 > 0 && s->c1 < s->c2 && s->c2 < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: need 0 < c1 < c2 < 1, have c1 = %g, "
                            "c2 = %g", name, s->c1, s->c2);
    if (!(s->backtrack > 0 && s->backtrack < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: backtracking factor %g not in (0, 1)",
                            name, s->backtrack);
    if (!(s->initial_step > 0 && s->initial_step <= s->max_step &&
          isfinite(s->max_step)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: need 0 < initial step %g <= max step "
                            "%g < inf", name, s->initial_step,
                            s->max_step);
    if (!(s->tolerance > 0 && s->tolerance < 1) ||
        s->max_evaluations < 2)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: tolerance %g not in (0, 1), or fewer "
                            "than 2 evaluations allowed", name,
                            s->tolerance);
    return descent_succeed(error);
}
static descent_status line_begin(line *L, descent_line_search *s,
                                 const char *name, descent_objective *f,
                                 const descent_point *at,
                                 const double *d, descent_trial *trial,
                                 descent_error *error)
{
    *L = (line){.f = f, .search = s, .name = name, .n = at->n,
                .theta = at->theta, .d = d, .value0 = at->value,
                .x = trial->theta, .g = trial->g};
    descent_status status = check_search(s, name, error);
    if (status)
        return status;
    L->slope0 = cblas_ddot((int)L->n, at->g, 1, d, 1);
    L->dnorm = cblas_dnrm2((int)L->n, d, 1);
    if (L->dnorm == 0)
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: the direction is zero", name);
    if (!(L->slope0 < 0))
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "%s: not a descent direction: g^T d = %g "
                            ">= 0", name, L->slope0);
    return descent_succeed(error);
}
static descent_status armijo(void *state, descent_objective *f,
                             const descent_point *at, const double *d,
                             descent_trial *trial, descent_error *error)
{
    descent_line_search *s = state;
    line L;
    descent_status status =
        line_begin(&L, s, "backtracking", f, at, d, trial, error);
    line_step t = {NAN, NAN, NAN, NAN};
    double still = 0;
    if (!status) {
        t.alpha = s->initial_step;
        still = DBL_EPSILON * cblas_dnrm2((int)at->n, at->theta, 1) /
                cblas_dnrm2((int)at->n, d, 1);
    }
    while (!status) {
        status = line_at(&L, &t, false, error);
        if (status || t.value <= L.value0 + s->c1 * t.alpha * L.slope0)
            break;
        t.alpha *= s->backtrack;
        if (t.alpha < still)
            status = descent_fail(error, DESCENT_STEP_FAILED,
                                  "backtracking: no sufficient decrease "
                                  "before alpha = %g stops moving theta "
                                  "(g^T d = %g)", t.alpha, L.slope0);
    }
    if (s != NULL)
        s->evaluations = L.evaluations;
    if (status)
        return status;
    trial->eta = s->previous_step = t.alpha;
    trial->evaluated = false;
    return descent_succeed(error);
}
static double cubic_step(line_step lo, line_step hi);

static descent_status zoom(line *L, line_step lo, line_step hi,
                           line_step *accepted, descent_error *error)
{
    const descent_line_search *s = L->search;
    for (;;) {
        line_step t = {cubic_step(lo, hi), NAN, NAN, NAN};
        descent_status status = line_at(L, &t, true, error);
        if (status)
            return status;
        if (t.value > L->value0 + s->c1 * t.alpha * L->slope0 ||
            t.value >= lo.value) {
            hi = t;
        } else {
            if (fabs(t.slope) <= -s->c2 * L->slope0) {
                *accepted = t;
                return DESCENT_OK;
            }
            if (t.slope * (hi.alpha - lo.alpha) >= 0)
                hi = lo;
            lo = t;
        }
        if (fabs(hi.alpha - lo.alpha) <=
            4 * DBL_EPSILON * fmax(fabs(lo.alpha), fabs(hi.alpha)))
            return descent_fail(error, DESCENT_STEP_FAILED,
                                "strong Wolfe: no step in [%g, %g] has "
                                "|slope| <= c2 |slope(0)| = %g",
                                fmin(lo.alpha, hi.alpha),
                                fmax(lo.alpha, hi.alpha),
                                -s->c2 * L->slope0);
    }
}
static double cubic_step(line_step lo, line_step hi)
{
    double a = lo.alpha, b = hi.alpha, width = b - a;
    double d1 = lo.slope + hi.slope -
                3 * (lo.value - hi.value) / (a - b);
    double radicand = d1 * d1 - lo.slope * hi.slope;
    double alpha = 0.5 * (a + b);
    if (radicand >= 0) {
        double d2 = copysign(sqrt(radicand), width);
        double cubic = b - width * (hi.slope + d2 - d1) /
                               (hi.slope - lo.slope + 2 * d2);
        if (isfinite(cubic))
            alpha = cubic;
    }
    double left = fmin(a, b) + 0.1 * fabs(width);
    double right = fmax(a, b) - 0.1 * fabs(width);
    return fmin(fmax(alpha, left), right);
}

static descent_status wolfe(void *state, descent_objective *f,
                            const descent_point *at, const double *d,
                            descent_trial *trial, descent_error *error)
{
    descent_line_search *s = state;
    line L;
    descent_status status =
        line_begin(&L, s, "strong Wolfe", f, at, d, trial, error);
    line_step previous = {0, at->value, L.slope0, at->gradient_norm};
    line_step now = {NAN, NAN, NAN, NAN};
    if (!status)
        now.alpha = s->initial_step;
    for (int i = 1; !status; i++) {
        status = line_at(&L, &now, true, error);
        if (status)
            break;
        if (now.value > L.value0 + s->c1 * now.alpha * L.slope0 ||
            (i > 1 && now.value >= previous.value)) {
            status = zoom(&L, previous, now, &now, error);
            break;
        }
        if (fabs(now.slope) <= -s->c2 * L.slope0)
            break;
        if (now.slope >= 0) {
            status = zoom(&L, now, previous, &now, error);
            break;
        }
        if (now.alpha >= s->max_step) {
            status = descent_fail(error, DESCENT_STEP_FAILED,
                                  "strong Wolfe: E still falling steeply at "
                                  "the largest step alpha = %g (E = %g); "
                                  "unbounded below along d?", now.alpha,
                                  now.value);
            break;
        }
        previous = now;
        now.alpha = fmin(2 * now.alpha, s->max_step);
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
    descent_status status =
        line_begin(&L, s, "exact", f, at, d, trial, error);
    line_step lo = {0, at->value, L.slope0, at->gradient_norm};
    line_step hi = {NAN, NAN, NAN, NAN};
    if (!status)
        hi.alpha = at->iteration > 0 && s->previous_step > 0
                       ? fmin(s->previous_step, s->max_step)
                       : s->initial_step;
    while (!status) {
        status = line_at(&L, &hi, true, error);
        if (status || hi.slope >= 0)
            break;
        if (hi.value > L.value0) {             /* up and down again */
            hi.alpha = 0.5 * (lo.alpha + hi.alpha);
            continue;
        }
        if (hi.alpha >= s->max_step) {
            status = descent_fail(error, DESCENT_STEP_FAILED,
                                  "exact: slope still negative at the "
                                  "largest step alpha = %g (E = %g); "
                                  "unbounded below along d?", hi.alpha,
                                  hi.value);
            break;
        }
        lo = hi;
        hi.alpha = fmin(2 * hi.alpha, s->max_step);
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
descent_status descent_line_search_run(descent_step_rule rule,
                                       descent_objective *f,
                                       const double *theta,
                                       const double *d,
                                       descent_trial *trial,
                                       descent_error *error)
{
    descent_status status = descent_objective_check(f, error);
    if (status)
        return status;
    if (rule.step == NULL || theta == NULL || d == NULL ||
        trial == NULL || trial->theta == NULL || trial->g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "line search: a rule, theta, d and a trial "
                            "with buffers are required");
    size_t n = f->n;
    double *g = malloc(n * sizeof *g);
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "line search: n = %zu", n);
    double value = descent_value_gradient(f, theta, g);
    descent_point at = {.iteration = 0, .n = n, .theta = theta,
                        .value = value, .g = g,
                        .gradient_norm = cblas_dnrm2((int)n, g, 1)};
    trial->evaluated = false;
    status = rule.step(rule.state, f, &at, d, trial, error);
    if (!status && !trial->evaluated) {
        memcpy(trial->theta, theta, n * sizeof *theta);
        cblas_daxpy((int)n, trial->eta, d, 1, trial->theta, 1);
        trial->value = descent_value(f, trial->theta);
    }
    free(g);
    return status;
}
