/* adaptive.c: generated from chapters/08-adaptive.nw; do not edit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "adaptive.h"

typedef struct rule_scalars {
    double lr;          /* the learning rate of the step */
    double rate;        /* AdaGrad, Adam(W): the decayed or corrected rate */
    double root;        /* Adam(W): sqrt(1 - beta2^k), or 1 */
    double shrink;      /* AdamW: 1 - lr wd; 1 for the others */
    double decay;       /* coupled weight decay; 0 for AdamW */
    bool first;         /* k = 1 */
} rule_scalars;

static rule_scalars rule_scalars_of(descent_adaptive_kind kind,
                                    const descent_adaptive_options *o,
                                    size_t k, double lr)
{
    bool adamw = kind == DESCENT_ADAPTIVE_ADAMW,
         adam = kind == DESCENT_ADAPTIVE_ADAM || adamw,
         corrected = adam && o->bias_correction;
    rule_scalars c = {.lr = lr, .rate = lr, .root = 1, .shrink = 1,
                      .decay = adamw ? 0 : o->weight_decay, .first = k == 1};
    if (adamw)
        c.shrink = 1 - lr * o->weight_decay;
    if (corrected) {
        c.rate = lr / (1 - pow(o->beta1, (double)k));
        c.root = sqrt(1 - pow(o->beta2, (double)k));
    }
    if (kind == DESCENT_ADAPTIVE_ADAGRAD)
        c.rate = lr / (1 + (double)(k - 1) * o->lr_decay);
    return c;
}
enum { SLOT_M, SLOT_V, SLOT_VMAX, SLOT_GBAR, SLOT_PREV, SLOT_SIZE,
       SLOT_LAST, RULE_VECTORS };

typedef struct adaptive_settings {
    descent_adaptive_kind kind;
    descent_adaptive_options o;
    int slot[RULE_VECTORS];
} adaptive_settings;

static size_t rule_layout(descent_adaptive_kind kind,
                          const descent_adaptive_options *o,
                          int slot[RULE_VECTORS])
{
    bool want[RULE_VECTORS] = {false};
    switch (kind) {
    case DESCENT_ADAPTIVE_SGD:
        want[SLOT_M] = o->momentum > 0;
        break;
    case DESCENT_ADAPTIVE_RPROP:
        want[SLOT_PREV] = want[SLOT_SIZE] = true;
        want[SLOT_LAST] = o->backtracking;
        break;
    case DESCENT_ADAPTIVE_QUICKPROP:
        want[SLOT_PREV] = want[SLOT_LAST] = true;
        break;
    case DESCENT_ADAPTIVE_ADAGRAD:
        want[SLOT_V] = true;
        break;
    case DESCENT_ADAPTIVE_RMSPROP:
        want[SLOT_V] = true;
        want[SLOT_GBAR] = o->centered;
        want[SLOT_M] = o->momentum > 0;
        break;
    case DESCENT_ADAPTIVE_ADAM:
    case DESCENT_ADAPTIVE_ADAMW:
        want[SLOT_M] = want[SLOT_V] = true;
        want[SLOT_VMAX] = o->amsgrad;
        break;
    }
    int count = 0;
    for (int j = 0; j < RULE_VECTORS; j++)
        slot[j] = want[j] ? count++ : -1;
    return (size_t)count;
}

#define real double
#define FN(name) name##_d
#define SQRT sqrt
typedef struct FN(rule_state) {
    real *m, *v, *vmax, *gbar, *prev, *size, *last;
} FN(rule_state);

static void FN(sgd_pass)(const descent_adaptive_options *o,
                         const rule_scalars *c, size_t n, real *theta,
                         const real *g, const FN(rule_state) *s)
{
    const real lr = (real)c->lr, decay = (real)c->decay,
               mu = (real)o->momentum, keep = (real)(1 - o->dampening);
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        if (s->m != NULL) {
            s->m[i] = c->first ? d : mu * s->m[i] + keep * d;
            d = o->nesterov ? d + mu * s->m[i] : s->m[i];
        }
        theta[i] -= lr * d;
    }
}
static void FN(rprop_pass)(const descent_adaptive_options *o,
                           const rule_scalars *c, size_t n, real *theta,
                           const real *g, const FN(rule_state) *s)
{
    const real decay = (real)c->decay, up = (real)o->eta_plus,
               down = (real)o->eta_minus, lo = (real)o->step_min,
               hi = (real)o->step_max, start = (real)c->lr;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i], p = s->prev[i],
             sign = d > 0 ? 1 : d < 0 ? -1 : 0,
             agree = sign * (p > 0 ? 1 : p < 0 ? -1 : 0),
             size = c->first ? start : s->size[i];
        size *= agree > 0 ? up : agree < 0 ? down : 1;
        size = size < lo ? lo : size > hi ? hi : size;
        s->size[i] = size;
        bool changed = agree < 0;              /* the sign changed */
        real step = changed ? 0 : -sign * size;
        if (s->last != NULL) {                 /* Rprop+: undo the last step */
            theta[i] += changed ? -s->last[i] : step;
            s->last[i] = step;
        } else {
            theta[i] += step;
        }
        s->prev[i] = changed ? 0 : d;
    }
}
static void FN(quickprop_pass)(const descent_adaptive_options *o,
                               const rule_scalars *c, size_t n,
                               real *theta, const real *g,
                               const FN(rule_state) *s)
{
    const real lr = (real)c->lr, decay = (real)c->decay,
               mu = (real)o->growth_limit,
               shrink = (real)(o->growth_limit / (1 + o->growth_limit));
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i], last = s->last[i],
             p = s->prev[i], step = -lr * d;
        if (last != 0 && p != d) {
            real sigma = last > 0 ? -d : d, sigma_p = last > 0 ? -p : p;
            step = sigma > 0 ? step : 0;
            step += sigma > shrink * sigma_p ? mu * last
                                             : last * d / (p - d);
        }
        theta[i] += step;
        s->last[i] = step;
        s->prev[i] = d;
    }
}
static void FN(adagrad_pass)(const descent_adaptive_options *o,
                             const rule_scalars *c, size_t n, real *theta,
                             const real *g, const FN(rule_state) *s)
{
    const real rate = (real)c->rate, decay = (real)c->decay,
               eps = (real)o->eps;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        s->v[i] += d * d;
        theta[i] -= rate * (d / (SQRT(s->v[i]) + eps));
    }
}
static void FN(rmsprop_pass)(const descent_adaptive_options *o,
                             const rule_scalars *c, size_t n, real *theta,
                             const real *g, const FN(rule_state) *s)
{
    const real lr = (real)c->lr, decay = (real)c->decay,
               alpha = (real)o->alpha, fresh = (real)(1 - o->alpha),
               eps = (real)o->eps, mu = (real)o->momentum;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        s->v[i] = alpha * s->v[i] + fresh * d * d;
        real square = s->v[i];
        if (s->gbar != NULL) {
            s->gbar[i] = alpha * s->gbar[i] + fresh * d;
            square -= s->gbar[i] * s->gbar[i];
            square = square > 0 ? square : 0;
        }
        real scaled = d / (SQRT(square) + eps);
        if (s->m != NULL)
            scaled = s->m[i] = mu * s->m[i] + scaled;
        theta[i] -= lr * scaled;
    }
}
static void FN(adam_pass)(const descent_adaptive_options *o,
                          const rule_scalars *c, size_t n, real *theta,
                          const real *g, const FN(rule_state) *s)
{
    const real rate = (real)c->rate, root = (real)c->root,
               shrink = (real)c->shrink, decay = (real)c->decay,
               beta1 = (real)o->beta1, fresh1 = (real)(1 - o->beta1),
               beta2 = (real)o->beta2, fresh2 = (real)(1 - o->beta2),
               eps = (real)o->eps;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        theta[i] *= shrink;
        s->m[i] = beta1 * s->m[i] + fresh1 * d;
        s->v[i] = beta2 * s->v[i] + fresh2 * d * d;
        real v = s->v[i];
        if (s->vmax != NULL)
            v = s->vmax[i] = v > s->vmax[i] ? v : s->vmax[i];
        theta[i] -= rate * (s->m[i] / (SQRT(v) / root + eps));
    }
}
static void FN(rule_pass)(descent_adaptive_kind kind,
                          const descent_adaptive_options *o,
                          const rule_scalars *c, size_t n, real *theta,
                          const real *g, const FN(rule_state) *s)
{
    switch (kind) {
    case DESCENT_ADAPTIVE_SGD:       FN(sgd_pass)(o, c, n, theta, g, s); break;
    case DESCENT_ADAPTIVE_RPROP:     FN(rprop_pass)(o, c, n, theta, g, s); break;
    case DESCENT_ADAPTIVE_QUICKPROP: FN(quickprop_pass)(o, c, n, theta, g, s);
                                     break;
    case DESCENT_ADAPTIVE_ADAGRAD:   FN(adagrad_pass)(o, c, n, theta, g, s);
                                     break;
    case DESCENT_ADAPTIVE_RMSPROP:   FN(rmsprop_pass)(o, c, n, theta, g, s);
                                     break;
    case DESCENT_ADAPTIVE_ADAM:
    case DESCENT_ADAPTIVE_ADAMW:     FN(adam_pass)(o, c, n, theta, g, s); break;
    }
}
#undef real
#undef FN
#undef SQRT

#define real float
#define FN(name) name##_f
#define SQRT sqrtf
typedef struct FN(rule_state) {
    real *m, *v, *vmax, *gbar, *prev, *size, *last;
} FN(rule_state);

static void FN(sgd_pass)(const descent_adaptive_options *o,
                         const rule_scalars *c, size_t n, real *theta,
                         const real *g, const FN(rule_state) *s)
{
    const real lr = (real)c->lr, decay = (real)c->decay,
               mu = (real)o->momentum, keep = (real)(1 - o->dampening);
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        if (s->m != NULL) {
            s->m[i] = c->first ? d : mu * s->m[i] + keep * d;
            d = o->nesterov ? d + mu * s->m[i] : s->m[i];
        }
        theta[i] -= lr * d;
    }
}
static void FN(rprop_pass)(const descent_adaptive_options *o,
                           const rule_scalars *c, size_t n, real *theta,
                           const real *g, const FN(rule_state) *s)
{
    const real decay = (real)c->decay, up = (real)o->eta_plus,
               down = (real)o->eta_minus, lo = (real)o->step_min,
               hi = (real)o->step_max, start = (real)c->lr;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i], p = s->prev[i],
             sign = d > 0 ? 1 : d < 0 ? -1 : 0,
             agree = sign * (p > 0 ? 1 : p < 0 ? -1 : 0),
             size = c->first ? start : s->size[i];
        size *= agree > 0 ? up : agree < 0 ? down : 1;
        size = size < lo ? lo : size > hi ? hi : size;
        s->size[i] = size;
        bool changed = agree < 0;              /* the sign changed */
        real step = changed ? 0 : -sign * size;
        if (s->last != NULL) {                 /* Rprop+: undo the last step */
            theta[i] += changed ? -s->last[i] : step;
            s->last[i] = step;
        } else {
            theta[i] += step;
        }
        s->prev[i] = changed ? 0 : d;
    }
}
static void FN(quickprop_pass)(const descent_adaptive_options *o,
                               const rule_scalars *c, size_t n,
                               real *theta, const real *g,
                               const FN(rule_state) *s)
{
    const real lr = (real)c->lr, decay = (real)c->decay,
               mu = (real)o->growth_limit,
               shrink = (real)(o->growth_limit / (1 + o->growth_limit));
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i], last = s->last[i],
             p = s->prev[i], step = -lr * d;
        if (last != 0 && p != d) {
            real sigma = last > 0 ? -d : d, sigma_p = last > 0 ? -p : p;
            step = sigma > 0 ? step : 0;
            step += sigma > shrink * sigma_p ? mu * last
                                             : last * d / (p - d);
        }
        theta[i] += step;
        s->last[i] = step;
        s->prev[i] = d;
    }
}
static void FN(adagrad_pass)(const descent_adaptive_options *o,
                             const rule_scalars *c, size_t n, real *theta,
                             const real *g, const FN(rule_state) *s)
{
    const real rate = (real)c->rate, decay = (real)c->decay,
               eps = (real)o->eps;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        s->v[i] += d * d;
        theta[i] -= rate * (d / (SQRT(s->v[i]) + eps));
    }
}
static void FN(rmsprop_pass)(const descent_adaptive_options *o,
                             const rule_scalars *c, size_t n, real *theta,
                             const real *g, const FN(rule_state) *s)
{
    const real lr = (real)c->lr, decay = (real)c->decay,
               alpha = (real)o->alpha, fresh = (real)(1 - o->alpha),
               eps = (real)o->eps, mu = (real)o->momentum;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        s->v[i] = alpha * s->v[i] + fresh * d * d;
        real square = s->v[i];
        if (s->gbar != NULL) {
            s->gbar[i] = alpha * s->gbar[i] + fresh * d;
            square -= s->gbar[i] * s->gbar[i];
            square = square > 0 ? square : 0;
        }
        real scaled = d / (SQRT(square) + eps);
        if (s->m != NULL)
            scaled = s->m[i] = mu * s->m[i] + scaled;
        theta[i] -= lr * scaled;
    }
}
static void FN(adam_pass)(const descent_adaptive_options *o,
                          const rule_scalars *c, size_t n, real *theta,
                          const real *g, const FN(rule_state) *s)
{
    const real rate = (real)c->rate, root = (real)c->root,
               shrink = (real)c->shrink, decay = (real)c->decay,
               beta1 = (real)o->beta1, fresh1 = (real)(1 - o->beta1),
               beta2 = (real)o->beta2, fresh2 = (real)(1 - o->beta2),
               eps = (real)o->eps;
    for (size_t i = 0; i < n; i++) {
        real d = g[i] + decay * theta[i];
        theta[i] *= shrink;
        s->m[i] = beta1 * s->m[i] + fresh1 * d;
        s->v[i] = beta2 * s->v[i] + fresh2 * d * d;
        real v = s->v[i];
        if (s->vmax != NULL)
            v = s->vmax[i] = v > s->vmax[i] ? v : s->vmax[i];
        theta[i] -= rate * (s->m[i] / (SQRT(v) / root + eps));
    }
}
static void FN(rule_pass)(descent_adaptive_kind kind,
                          const descent_adaptive_options *o,
                          const rule_scalars *c, size_t n, real *theta,
                          const real *g, const FN(rule_state) *s)
{
    switch (kind) {
    case DESCENT_ADAPTIVE_SGD:       FN(sgd_pass)(o, c, n, theta, g, s); break;
    case DESCENT_ADAPTIVE_RPROP:     FN(rprop_pass)(o, c, n, theta, g, s); break;
    case DESCENT_ADAPTIVE_QUICKPROP: FN(quickprop_pass)(o, c, n, theta, g, s);
                                     break;
    case DESCENT_ADAPTIVE_ADAGRAD:   FN(adagrad_pass)(o, c, n, theta, g, s);
                                     break;
    case DESCENT_ADAPTIVE_RMSPROP:   FN(rmsprop_pass)(o, c, n, theta, g, s);
                                     break;
    case DESCENT_ADAPTIVE_ADAM:
    case DESCENT_ADAPTIVE_ADAMW:     FN(adam_pass)(o, c, n, theta, g, s); break;
    }
}
#undef real
#undef FN
#undef SQRT

static bool known_kind(descent_adaptive_kind kind)
{
    return (int)kind >= DESCENT_ADAPTIVE_SGD
           && (int)kind <= DESCENT_ADAPTIVE_ADAMW;
}

const char *descent_adaptive_name(descent_adaptive_kind kind)
{
    static const char *const name[] = {"SGD",     "Rprop",   "Quickprop",
                                       "Adagrad", "RMSprop", "Adam",
                                       "AdamW"};
    return known_kind(kind) ? name[kind] : "an unknown rule";
}
descent_status descent_adaptive_defaults(descent_adaptive_kind kind,
                                         descent_adaptive_options *o,
                                         descent_error *error)
{
    if (o == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "adaptive defaults: options o is NULL");
    if (!known_kind(kind))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "adaptive defaults: kind = %d is not a rule",
                            (int)kind);
    *o = (descent_adaptive_options){
        .alpha = 0.99, .beta1 = 0.9, .beta2 = 0.999,
        .bias_correction = true, .eps = 1e-8, .eta_minus = 0.5,
        .eta_plus = 1.2, .step_min = 1e-6, .step_max = 50,
        .growth_limit = 1.75};
    if (kind == DESCENT_ADAPTIVE_ADAGRAD)
        o->eps = 1e-10;
    if (kind == DESCENT_ADAPTIVE_ADAMW)
        o->weight_decay = 1e-2;
    return descent_succeed(error);
}
static descent_status option_within(const char *rule, const char *name,
                                    double x, double low, bool open_low,
                                    double high, bool open_high,
                                    descent_error *error)
{
    bool above = open_low ? x > low : x >= low,
         below = open_high ? x < high : x <= high;
    if (isfinite(x) && above && below)
        return DESCENT_OK;
    return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                        "%s: option %s = %g must be finite and lie in "
                        "%c%g, %g%c", rule, name, x, open_low ? '(' : '[',
                        low, high, open_high ? ')' : ']');
}
static descent_status check_options(descent_adaptive_kind kind,
                                    const descent_adaptive_options *o,
                                    descent_error *error)
{
    const char *rule = descent_adaptive_name(kind);
    const double top = INFINITY;
    descent_status s = option_within(rule, "weight_decay", o->weight_decay,
                                     0, false, top, true, error);
    switch (kind) {
    case DESCENT_ADAPTIVE_SGD:
        if (!s) s = option_within(rule, "momentum", o->momentum, 0, false, 1,
                                  true, error);
        if (!s) s = option_within(rule, "dampening", o->dampening, 0, false, 1,
                                  false, error);
        if (!s && o->nesterov && (o->momentum == 0 || o->dampening != 0))
            s = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                             "SGD: nesterov needs momentum > 0 and dampening "
                             "= 0, not momentum = %g, dampening = %g",
                             o->momentum, o->dampening);
        break;
    case DESCENT_ADAPTIVE_RPROP:
        if (!s) s = option_within(rule, "eta_minus", o->eta_minus, 0, true, 1,
                                  true, error);
        if (!s) s = option_within(rule, "eta_plus", o->eta_plus, 1, true, top,
                                  true, error);
        if (!s) s = option_within(rule, "step_min", o->step_min, 0, true, top,
                                  true, error);
        if (!s) s = option_within(rule, "step_max", o->step_max, o->step_min,
                                  false, top, true, error);
        break;
    case DESCENT_ADAPTIVE_QUICKPROP:
        if (!s) s = option_within(rule, "growth_limit", o->growth_limit, 0,
                                  true, top, true, error);
        break;
    case DESCENT_ADAPTIVE_ADAGRAD:
        if (!s) s = option_within(rule, "eps", o->eps, 0, true, top, true,
                                  error);
        if (!s) s = option_within(rule, "lr_decay", o->lr_decay, 0, false, top,
                                  true, error);
        if (!s) s = option_within(rule, "initial_accumulator",
                                  o->initial_accumulator, 0, false, top, true,
                                  error);
        break;
    case DESCENT_ADAPTIVE_RMSPROP:
        if (!s) s = option_within(rule, "alpha", o->alpha, 0, false, 1, true,
                                  error);
        if (!s) s = option_within(rule, "eps", o->eps, 0, true, top, true,
                                  error);
        if (!s) s = option_within(rule, "momentum", o->momentum, 0, false, 1,
                                  true, error);
        break;
    case DESCENT_ADAPTIVE_ADAM:
    case DESCENT_ADAPTIVE_ADAMW:
        if (!s) s = option_within(rule, "beta1", o->beta1, 0, false, 1, true,
                                  error);
        if (!s) s = option_within(rule, "beta2", o->beta2, 0, false, 1, true,
                                  error);
        if (!s) s = option_within(rule, "eps", o->eps, 0, true, top, true,
                                  error);
        break;
    }
    return s;
}
static descent_status rule_prepare(descent_adaptive_kind kind,
                                   const descent_adaptive_options *o,
                                   size_t n, adaptive_settings *r,
                                   size_t *count, descent_error *error)
{
    if (!known_kind(kind))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "adaptive rule: kind = %d is not a rule",
                            (int)kind);
    r->kind = kind;
    if (o == NULL)
        descent_adaptive_defaults(kind, &r->o, NULL);
    else
        r->o = *o;
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: n = 0 parameters; it needs at least one",
                            descent_adaptive_name(kind));
    descent_status status = check_options(kind, &r->o, error);
    if (status)
        return status;
    *count = rule_layout(kind, &r->o, r->slot);
    return descent_check_size(n, *count, 0, descent_adaptive_name(kind),
                              error);
}
descent_status descent_adaptive_init(descent_adaptive *a, size_t n,
                                     descent_adaptive_kind kind,
                                     const descent_adaptive_options *o,
                                     descent_error *error)
{
    adaptive_settings r;
    size_t count = 0;
    if (a == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "adaptive rule: a is NULL");
    *a = (descent_adaptive){0};
    descent_status status = rule_prepare(kind, o, n, &r, &count, error);
    if (status)
        return status;
    double *memory = NULL;
    if (count > 0 && (memory = calloc(count * n, sizeof *memory)) == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate %zu vectors of %zu",
                            descent_adaptive_name(kind), count, n);
    *a = (descent_adaptive){.kind = kind, .o = r.o, .n = n,
                            .memory = memory};
    double **named[RULE_VECTORS] = {&a->m, &a->v, &a->vmax, &a->gbar,
                                    &a->prev, &a->size, &a->last};
    for (int j = 0; j < RULE_VECTORS; j++)
        *named[j] = r.slot[j] < 0 ? NULL : memory + (size_t)r.slot[j] * n;
    if (kind == DESCENT_ADAPTIVE_ADAGRAD)
        for (size_t i = 0; i < n; i++)
            a->v[i] = r.o.initial_accumulator;
    return descent_succeed(error);
}

void descent_adaptive_free(descent_adaptive *a)
{
    if (a != NULL) {
        free(a->memory);
        *a = (descent_adaptive){0};
    }
}
static descent_status check_made(const descent_adaptive *a,
                                 const char *what, descent_error *error)
{
    if (a == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: a is NULL", what);
    if (a->n == 0 || !known_kind(a->kind))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: a has no rule (used after "
                            "descent_adaptive_free, or never made)", what);
    return DESCENT_OK;
}

static descent_status check_rate(const descent_adaptive *a, double lr,
                                 const char *what, descent_error *error)
{
    if (lr >= 0 && isfinite(lr))
        return DESCENT_OK;
    return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                        "%s %s: learning rate lr = %g must be finite and "
                        "at least 0", descent_adaptive_name(a->kind), what,
                        lr);
}
descent_status descent_adaptive_step(descent_adaptive *a, double *theta,
                                     const double *g, double lr,
                                     descent_error *error)
{
    size_t where;
    descent_status status = check_made(a, "adaptive step", error);
    if (status)
        return status;
    if (theta == NULL || g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s step: %s is NULL",
                            descent_adaptive_name(a->kind),
                            theta == NULL ? "theta" : "g");
    if ((status = check_rate(a, lr, "step", error)))
        return status;
    if (!descent_all_finite(a->n, g, &where))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s step: g[%zu] = %g is not finite",
                            descent_adaptive_name(a->kind), where, g[where]);
    if (!descent_all_finite(a->n, theta, &where))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s step: theta[%zu] = %g is not finite",
                            descent_adaptive_name(a->kind), where, theta[where]);
    rule_scalars c = rule_scalars_of(a->kind, &a->o, a->steps + 1, lr);
    const rule_state_d s = {a->m, a->v, a->vmax, a->gbar, a->prev, a->size,
                            a->last};
    rule_pass_d(a->kind, &a->o, &c, a->n, theta, g, &s);
    a->steps++;
    return descent_succeed(error);
}
descent_status descent_adaptive_effective_step(const descent_adaptive *a,
                                               double lr, double *out,
                                               descent_error *error)
{
    descent_status status = check_made(a, "effective step", error);
    if (status)
        return status;
    if (out == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s effective step: out is NULL",
                            descent_adaptive_name(a->kind));
    if ((status = check_rate(a, lr, "effective step", error)))
        return status;
    const descent_adaptive_options *o = &a->o;
    rule_scalars c = rule_scalars_of(a->kind, o,
                                     a->steps > 0 ? a->steps : 1, lr);
    for (size_t i = 0; i < a->n; i++)
        switch (a->kind) {
        case DESCENT_ADAPTIVE_SGD:
            out[i] = lr;
            break;
        case DESCENT_ADAPTIVE_RPROP:
            out[i] = a->steps > 0 ? a->size[i]
                                  : fmin(fmax(lr, o->step_min), o->step_max);
            break;
        case DESCENT_ADAPTIVE_QUICKPROP:
            out[i] = a->prev[i] != 0 ? -a->last[i] / a->prev[i] : NAN;
            break;
        case DESCENT_ADAPTIVE_ADAGRAD:
            out[i] = c.rate / (sqrt(a->v[i]) + o->eps);
            break;
        case DESCENT_ADAPTIVE_RMSPROP: {
            double square = a->v[i];
            if (a->gbar != NULL)
                square = fmax(square - a->gbar[i] * a->gbar[i], 0);
            out[i] = lr / (sqrt(square) + o->eps);
            break;
        }
        case DESCENT_ADAPTIVE_ADAM:
        case DESCENT_ADAPTIVE_ADAMW: {
            double v = a->vmax != NULL ? a->vmax[i] : a->v[i];
            out[i] = lr / (sqrt(v) / (a->steps > 0 ? c.root : 1) + o->eps);
            break;
        }
        }
    return descent_succeed(error);
}
static descent_status adaptive_step_f(descent_optimizer *opt, float *theta,
                                      const float *g, double eta,
                                      descent_error *error)
{
    const adaptive_settings *r = opt->settings;
    rule_scalars c = rule_scalars_of(r->kind, &r->o, opt->steps + 1, eta);
    float *vector[RULE_VECTORS];
    for (int j = 0; j < RULE_VECTORS; j++)
        vector[j] = r->slot[j] < 0 ? NULL
                                   : opt->memory + (size_t)r->slot[j] * opt->n;
    const rule_state_f s = {vector[0], vector[1], vector[2], vector[3],
                            vector[4], vector[5], vector[6]};
    rule_pass_f(r->kind, &r->o, &c, opt->n, theta, g, &s);
    return descent_succeed(error);
}
descent_status descent_adaptive_optimizer_init(descent_optimizer *opt,
                                               size_t n,
                                               descent_adaptive_kind kind,
                                               const descent_adaptive_options *o,
                                               descent_error *error)
{
    size_t count = 0;
    if (opt == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "adaptive optimizer: opt is NULL");
    *opt = (descent_optimizer){0};
    adaptive_settings *r = malloc(sizeof *r);
    if (r == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "adaptive optimizer: cannot allocate settings");
    descent_status status = rule_prepare(kind, o, n, r, &count, error);
    float *memory = NULL;
    if (!status && count > 0
        && (memory = calloc(count * n, sizeof *memory)) == NULL)
        status = descent_fail(error, DESCENT_OUT_OF_MEMORY,
                              "%s: cannot allocate %zu float vectors of %zu",
                              descent_adaptive_name(kind), count, n);
    if (status) {
        free(r);
        return status;
    }
    if (kind == DESCENT_ADAPTIVE_ADAGRAD)
        for (size_t i = 0; i < n; i++)
            memory[(size_t)r->slot[SLOT_V] * n + i] =
                (float)r->o.initial_accumulator;
    *opt = (descent_optimizer){.name = descent_adaptive_name(kind), .n = n,
                               .memory = memory, .vectors = count,
                               .settings = r, .step = adaptive_step_f};
    return descent_succeed(error);
}
