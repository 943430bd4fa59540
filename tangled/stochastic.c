/* stochastic.c: generated from chapters/07-stochastic.nw; do not edit. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "stochastic.h"

descent_status descent_schedule_init(descent_schedule *s,
                                     descent_schedule_kind kind,
                                     double eta0, double eta_tau_or_gamma,
                                     size_t tau_or_every_or_patience,
                                     descent_error *error)
{
    double x = eta_tau_or_gamma;
    size_t count = tau_or_every_or_patience;
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "schedule: s is NULL");
    *s = (descent_schedule){0};
    if ((int)kind < (int)DESCENT_SCHEDULE_CONSTANT ||
        (int)kind > (int)DESCENT_SCHEDULE_PLATEAU)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "schedule: kind = %d is not a schedule", (int)kind);
    if (!(eta0 > 0) || !isfinite(eta0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "schedule: eta0 = %g must be positive and finite",
                            eta0);
    descent_schedule made = {.kind = kind, .eta0 = eta0, .gamma = 1,
                             .best = INFINITY, .factor = 1};
    if (kind == DESCENT_SCHEDULE_LINEAR) {
        if (!(x >= 0 && x <= eta0))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "schedule: eta_tau = %g must lie in [0, eta0 "
                                "= %g]", x, eta0);
        if (count == 0)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "schedule: tau = 0 must be at least 1");
        made.eta_tau = x;
        made.tau = count;
    } else if (kind == DESCENT_SCHEDULE_EXPONENTIAL ||
               kind == DESCENT_SCHEDULE_STEP ||
               kind == DESCENT_SCHEDULE_PLATEAU) {
        bool plateau = kind == DESCENT_SCHEDULE_PLATEAU;
        if (!(x > 0 && (plateau ? x < 1 : x <= 1)))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "schedule: gamma = %g must lie in (0, 1%s", x,
                                plateau ? ")" : "]");
        if (kind != DESCENT_SCHEDULE_EXPONENTIAL && count == 0)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "schedule: %s = 0 must be at least 1",
                                plateau ? "patience" : "every");
        made.gamma = x;
        made.every = plateau ? 0 : count;
        made.patience = plateau ? count : 0;
    }
    *s = made;
    return descent_succeed(error);
}
double descent_schedule_eta(const descent_schedule *s, size_t k)
{
    if (s == NULL || !(s->eta0 > 0) || !isfinite(s->eta0) ||
        !(s->factor > 0) || (s->kind == DESCENT_SCHEDULE_LINEAR && s->tau == 0) ||
        (s->kind == DESCENT_SCHEDULE_STEP && s->every == 0))
        return NAN;
    double t = (double)k;
    switch (s->kind) {
    case DESCENT_SCHEDULE_CONSTANT:
        return s->eta0;
    case DESCENT_SCHEDULE_LINEAR:
        if (k >= s->tau)
            return s->eta_tau;
        return fmax(s->eta0 - t / (double)s->tau * (s->eta0 - s->eta_tau),
                    s->eta_tau);
    case DESCENT_SCHEDULE_HARMONIC:
        return s->eta0 / (t + 1);
    case DESCENT_SCHEDULE_INVERSE_SQUARE:
        return s->eta0 / ((t + 1) * (t + 1));
    case DESCENT_SCHEDULE_EXPONENTIAL:
        return s->eta0 * pow(s->gamma, t);
    case DESCENT_SCHEDULE_STEP:
        return s->eta0 * pow(s->gamma, (double)(k / s->every));
    case DESCENT_SCHEDULE_PLATEAU:
        return s->eta0 * s->factor;
    }
    return NAN;
}
descent_status descent_schedule_epoch(descent_schedule *s, double loss,
                                      descent_error *error)
{
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "schedule epoch: s is NULL");
    if (!(s->eta0 > 0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "schedule epoch: s was never made (eta0 = %g)",
                            s->eta0);
    if (!isfinite(loss))
        return descent_fail(error, DESCENT_NONFINITE,
                            "schedule epoch: loss = %g is not finite", loss);
    if (s->kind != DESCENT_SCHEDULE_PLATEAU)
        return descent_succeed(error);
    if (loss < s->best) {
        s->best = loss;
        s->waited = 0;
    } else if (++s->waited >= s->patience) {
        s->factor *= s->gamma;
        s->waited = 0;
    }
    return descent_succeed(error);
}
descent_status descent_clip_norm_f(float *g, size_t n, double threshold,
                                   double *norm, descent_error *error)
{
    typedef float real;
    const char *name = "descent_clip_norm_f";
    if (!(threshold > 0) || !isfinite(threshold))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: threshold = %g must be positive and finite",
                            name, threshold);
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: n = 0",
                            name);
    if (g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: g is NULL",
                            name);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(g[i]))
            return descent_fail(error, DESCENT_NONFINITE,
                                "%s: g[%zu] = %g is not finite", name, i,
                                (double)g[i]);
    double largest = 0, sum = 0;
    for (size_t i = 0; i < n; i++)
        largest = fmax(largest, fabs((double)g[i]));
    if (largest > 0)
        for (size_t i = 0; i < n; i++) {
            double t = (double)g[i] / largest;
            sum += t * t;
        }
    double length = largest * sqrt(sum);
    if (norm != NULL)
        *norm = length;
    if (length > threshold) {
        double shrink = threshold / length;
        for (size_t i = 0; i < n; i++)
            g[i] = (real)((double)g[i] * shrink);
    }
    return descent_succeed(error);
}

descent_status descent_clip_norm(double *g, size_t n, double threshold,
                                 double *norm, descent_error *error)
{
    typedef double real;
    const char *name = "descent_clip_norm";
    if (!(threshold > 0) || !isfinite(threshold))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: threshold = %g must be positive and finite",
                            name, threshold);
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: n = 0",
                            name);
    if (g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: g is NULL",
                            name);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(g[i]))
            return descent_fail(error, DESCENT_NONFINITE,
                                "%s: g[%zu] = %g is not finite", name, i,
                                (double)g[i]);
    double largest = 0, sum = 0;
    for (size_t i = 0; i < n; i++)
        largest = fmax(largest, fabs((double)g[i]));
    if (largest > 0)
        for (size_t i = 0; i < n; i++) {
            double t = (double)g[i] / largest;
            sum += t * t;
        }
    double length = largest * sqrt(sum);
    if (norm != NULL)
        *norm = length;
    if (length > threshold) {
        double shrink = threshold / length;
        for (size_t i = 0; i < n; i++)
            g[i] = (real)((double)g[i] * shrink);
    }
    return descent_succeed(error);
}

descent_status descent_clip_value_f(float *g, size_t n, double threshold,
                                    descent_error *error)
{
    typedef float real;
    const double unit = FLT_EPSILON / 2;
    const char *name = "descent_clip_value_f";
    if (!(threshold > 0) || !isfinite(threshold))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: threshold = %g must be positive and finite",
                            name, threshold);
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: n = 0",
                            name);
    if (g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: g is NULL",
                            name);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(g[i]))
            return descent_fail(error, DESCENT_NONFINITE,
                                "%s: g[%zu] = %g is not finite", name, i,
                                (double)g[i]);
    real bound = (real)threshold;
    if ((double)bound > threshold)
        bound = (real)((double)bound * (1 - unit));
    for (size_t i = 0; i < n; i++)
        if (g[i] > bound)
            g[i] = bound;
        else if (g[i] < -bound)
            g[i] = -bound;
    return descent_succeed(error);
}

descent_status descent_clip_value(double *g, size_t n, double threshold,
                                  descent_error *error)
{
    typedef double real;
    const double unit = DBL_EPSILON / 2;
    const char *name = "descent_clip_value";
    if (!(threshold > 0) || !isfinite(threshold))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: threshold = %g must be positive and finite",
                            name, threshold);
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: n = 0",
                            name);
    if (g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: g is NULL",
                            name);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(g[i]))
            return descent_fail(error, DESCENT_NONFINITE,
                                "%s: g[%zu] = %g is not finite", name, i,
                                (double)g[i]);
    real bound = (real)threshold;
    if ((double)bound > threshold)
        bound = (real)((double)bound * (1 - unit));
    for (size_t i = 0; i < n; i++)
        if (g[i] > bound)
            g[i] = bound;
        else if (g[i] < -bound)
            g[i] = -bound;
    return descent_succeed(error);
}
