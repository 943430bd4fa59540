/* stochastic.c: generated from chapters/07-stochastic.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <limits.h>
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
descent_status descent_regression_init(descent_regression *p,
                                          size_t count, size_t d,
                                          double condition, double noise,
                                          uint64_t seed,
                                          descent_error *error)
{
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "least squares: p is NULL");
    *p = (descent_regression){0};
    if (d == 0 || d > 16)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "least squares: d = %zu must lie in [1, 16]", d);
    if (count <= d || count > (size_t)INT_MAX / 16)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "least squares: count = %zu must lie in [d + 1 "
                            "= %zu, %d]", count, d + 1, INT_MAX / 16);
    if (!(condition >= 1) || !isfinite(condition))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "least squares: condition = %g must be at least 1 "
                            "and finite", condition);
    if (!(noise >= 0) || !isfinite(noise))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "least squares: noise = %g must be nonnegative "
                            "and finite", noise);
    size_t doubles = count * d + count + 2 * d + 4 * d * d;
    double *block = malloc(doubles * sizeof *block);
    if (block == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "least squares: cannot allocate count = %zu, "
                            "d = %zu", count, d);
    *p = (descent_regression){.count = count, .d = d, .x = block,
                                 .y = block + count * d};
    p->theta_star = p->y + count;
    p->H = p->theta_star + d;
    p->S = p->H + d * d;
    descent_random r;
    descent_random_seed(&r, seed);
    for (size_t i = 0; i < count; i++) {
        double *x = p->x + i * d, target = 0;
        for (size_t j = 0; j < d; j++) {
            double power = d > 1 ? (double)j / (double)(d - 1) : 0;
            x[j] = pow(condition, -power / 2) * descent_random_gaussian(&r);
            target += x[j];
        }
        p->y[i] = target + noise * descent_random_gaussian(&r);
    }
    int n = (int)d, N = (int)count;
    double *b = p->S + d * d, *factor = b + d, *Z = factor + d * d;
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, n, n, N,
                1.0 / N, p->x, n, p->x, n, 0, p->H, n);
    cblas_dgemv(CblasRowMajor, CblasTrans, N, n, 1.0 / N, p->x, n, p->y, 1,
                0, b, 1);
    memcpy(factor, p->H, d * d * sizeof *factor);
    memcpy(p->theta_star, b, d * sizeof *b);
    lapack_int info = LAPACKE_dposv(LAPACK_ROW_MAJOR, 'U', n, 1, factor, n,
                                    p->theta_star, 1);
    memset(p->S, 0, d * d * sizeof *p->S);
    for (size_t i = 0; i < count; i++) {
        const double *x = p->x + i * d;
        double residual = cblas_ddot(n, x, 1, p->theta_star, 1) - p->y[i];
        cblas_dger(CblasRowMajor, n, n, residual * residual / N, x, 1, x, 1,
                   p->S, n);
    }
    if (info == 0)
        info = LAPACKE_dpotrs(LAPACK_ROW_MAJOR, 'U', n, n, factor, n,
                              memcpy(Z, p->S, d * d * sizeof *Z), n);
    if (info != 0) {
        descent_regression_free(p);
        return descent_fail(error, DESCENT_LAPACK_FAILED,
                            "least squares: H is singular (info = %d)",
                            (int)info);
    }
    p->trace = 0;
    for (size_t j = 0; j < d; j++)
        p->trace += Z[j * d + j];
    return descent_succeed(error);
}

void descent_regression_free(descent_regression *p)
{
    if (p != NULL) {
        free(p->x);
        *p = (descent_regression){0};
    }
}
descent_status descent_minibatch_draw(descent_random *r, size_t count,
                                      size_t m, size_t *indices,
                                      descent_error *error)
{
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "minibatch: generator r is NULL");
    if (indices == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "minibatch: indices is NULL");
    if (m == 0 || m > count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "minibatch: m = %zu must lie in [1, count = %zu]",
                            m, count);
    for (size_t j = 0; j < m; j++) {
        size_t pick = j + (size_t)descent_random_below(r, count - j);
        size_t t = indices[j];
        indices[j] = indices[pick];
        indices[pick] = t;
    }
    return descent_succeed(error);
}
static void batch_gradient(const descent_regression *p,
                           const double *theta, const size_t *batch,
                           size_t m, double *g)
{
    int d = (int)p->d;
    memset(g, 0, p->d * sizeof *g);
    for (size_t j = 0; j < m; j++) {
        const double *x = p->x + (batch ? batch[j] : j) * p->d;
        double residual = cblas_ddot(d, x, 1, theta, 1) -
                          p->y[batch ? batch[j] : j];
        cblas_daxpy(d, residual / (double)m, x, 1, g, 1);
    }
}
descent_status descent_regression_gradient(
    const descent_regression *p, const double *theta,
    const size_t *batch, size_t m, double *g, descent_error *error)
{
    const char *name = "least-squares gradient";
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: p is NULL",
                            name);
    if (p->x == NULL || p->d == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: p has no examples (freed, or never made)",
                            name);
    if (theta == NULL || g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is NULL",
                            name, theta == NULL ? "theta" : "g");
    if (m == 0 || m > p->count || (batch == NULL && m != p->count))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: m = %zu must lie in [1, count = %zu] (and "
                            "equal count when batch is NULL)", name, m,
                            p->count);
    for (size_t j = 0; batch != NULL && j < m; j++)
        if (batch[j] >= p->count)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: batch[%zu] = %zu is not below count = "
                                "%zu", name, j, batch[j], p->count);
    if (!descent_all_finite(p->d, theta, NULL))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: theta is not finite", name);
    batch_gradient(p, theta, batch, m, g);
    return descent_succeed(error);
}
descent_status descent_regression_sgd(const descent_regression *p,
                                         double *theta, size_t m,
                                         const descent_schedule *s,
                                         size_t steps, descent_random *r,
                                         descent_sgd_path *path,
                                         descent_error *error)
{
    const char *name = "least-squares SGD";
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: p is NULL",
                            name);
    if (p->x == NULL || p->d == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: p has no examples (freed, or never made)",
                            name);
    if (theta == NULL || r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is NULL",
                            name, theta == NULL ? "theta" : "generator r");
    if (m == 0 || m > p->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: m = %zu must lie in [1, count = %zu]", name, m,
                            p->count);
    if (!isfinite(descent_schedule_eta(s, 0)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: schedule s is missing or was never made", name);
    if (!descent_all_finite(p->d, theta, NULL))
        return descent_fail(error, DESCENT_NONFINITE, "%s: theta is not finite",
                            name);
    int d = (int)p->d;
    double *g = malloc(p->d * sizeof *g + p->count * sizeof(size_t));
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate count = %zu", name, p->count);
    size_t *indices = (size_t *)(void *)(g + p->d);
    for (size_t i = 0; i < p->count; i++)
        indices[i] = i;
    if (path != NULL)
        path->travelled = path->largest_gradient = 0;
    for (size_t k = 0; k < steps; k++) {
        descent_minibatch_draw(r, p->count, m, indices, NULL);
        batch_gradient(p, theta, indices, m, g);
        double eta = descent_schedule_eta(s, k);
        double length = descent_norm(p->d, g);
        cblas_daxpy(d, -eta, g, 1, theta, 1);
        double distance = 0;
        for (size_t j = 0; j < p->d; j++)
            distance += (theta[j] - p->theta_star[j]) * (theta[j] - p->theta_star[j]);
        if (!isfinite(distance)) {
            free(g);
            return descent_fail(error, DESCENT_NONFINITE,
                                "%s: theta is not finite after step %zu (eta = %g "
                                "too large?)", name, k, eta);
        }
        if (path != NULL) {
            if (path->squared_distance != NULL)
                path->squared_distance[k] = distance;
            if (path->theta != NULL)
                memcpy(path->theta + k * p->d, theta, p->d * sizeof *theta);
            path->travelled += eta * length;
            path->largest_gradient = fmax(path->largest_gradient, length);
        }
    }
    free(g);
    return descent_succeed(error);
}
descent_status descent_regression_stationary(
    const descent_regression *p, double eta, size_t m,
    double *first_order, double *exact, descent_error *error)
{
    const char *name = "stationary error";
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: p is NULL",
                            name);
    if (p->x == NULL || p->d == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: p has no examples (freed, or never made)",
                            name);
    if (!(eta > 0) || !isfinite(eta))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: eta = %g must be positive and finite", name,
                            eta);
    if (m == 0 || m > p->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: m = %zu must lie in [1, count = %zu]", name, m,
                            p->count);
    size_t d = p->d, n = d * d;
    double c = (double)(p->count - m) / ((double)m * (double)(p->count - 1));
    double *M = calloc(3 * n * n + 3 * n, sizeof *M);
    if (M == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate d = %zu", name, d);
    double *G = M + n * n, *P = G + n * n, *re = P + n, *im = re + n;
    for (size_t a = 0; a < d; a++)
        for (size_t b = 0; b < d; b++)
            for (size_t k = 0; k < d; k++)
                for (size_t l = 0; l < d; l++) {
                    double f = 0, h = p->H[a * d + k] * p->H[l * d + b];
                    for (size_t i = 0; i < p->count; i++) {
                        const double *x = p->x + i * d;
                        f += x[a] * x[b] * x[k] * x[l];
                    }
                    double entry = (l == b ? p->H[a * d + k] : 0) +
                                   (a == k ? p->H[l * d + b] : 0) -
                                   eta * ((1 - c) * h + c * f / (double)p->count);
                    M[(a * d + b) * n + k * d + l] = entry;
                    G[(a * d + b) * n + k * d + l] =
                        (a * d + b == k * d + l) - eta * entry;
                }
    for (size_t j = 0; j < n; j++)
        P[j] = eta * c * p->S[j];
    lapack_int info = LAPACKE_dgeev(LAPACK_ROW_MAJOR, 'N', 'N', (int)n, G,
                                    (int)n, re, im, NULL, 1, NULL, 1);
    double radius = 0;
    for (size_t j = 0; j < n; j++)
        radius = fmax(radius, hypot(re[j], im[j]));
    if (info == 0 && radius < 1)
        info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, (int)n, 1, M, (int)n,
                             (lapack_int *)(void *)G, P, 1);
    double trace = 0;
    for (size_t a = 0; a < d; a++)
        trace += P[a * d + a];
    free(M);
    if (info != 0 || !(radius < 1))
        return descent_fail(error, DESCENT_DIVERGED,
                            "%s: no stationary distribution for eta = %g, m = "
                            "%zu (spectral radius %g)", name, eta, m, radius);
    if (first_order != NULL)
        *first_order = eta * c * p->trace / 2;
    if (exact != NULL)
        *exact = trace;
    return descent_succeed(error);
}
static double logistic_batch(const descent_logistic *p, const double *theta,
                             const size_t *batch, size_t m, double *g,
                             double *curvature)
{
    int d = (int)p->d;
    double value = 0;
    if (g != NULL)
        memset(g, 0, p->d * sizeof *g);
    for (size_t j = 0; j < m; j++) {
        size_t i = batch ? batch[j] : j;
        const double *x = p->x + i * p->d;
        double z = cblas_ddot(d, x, 1, theta, 1), s = 1 / (1 + exp(-z));
        double loss = fmax(z, 0) + log1p(exp(-fabs(z))) - p->y[i] * z;
        value += loss / (double)m;
        if (g != NULL)
            cblas_daxpy(d, (s - p->y[i]) / (double)m, x, 1, g, 1);
        if (curvature != NULL)
            cblas_dsyr(CblasRowMajor, CblasUpper, d, s * (1 - s) / (double)m,
                       x, 1, curvature, d);
    }
    double norm2 = cblas_ddot(d, theta, 1, theta, 1);
    if (g != NULL)
        cblas_daxpy(d, p->lambda, theta, 1, g, 1);
    return value + p->lambda / 2 * norm2;
}
descent_status descent_logistic_init(descent_logistic *p, size_t count,
                                     size_t d, double lambda, uint64_t seed,
                                     descent_error *error)
{
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "logistic: p is NULL");
    *p = (descent_logistic){0};
    if (d == 0 || d > 16)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "logistic: d = %zu must lie in [1, 16]", d);
    if (count == 0 || count > (size_t)INT_MAX / 16)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "logistic: count = %zu must lie in [1, %d]", count,
                            INT_MAX / 16);
    if (!(lambda > 0) || !isfinite(lambda))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "logistic: lambda = %g must be positive and finite",
                            lambda);
    size_t doubles = count * d + count + 3 * d + d * d;
    double *block = malloc(doubles * sizeof *block);
    if (block == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "logistic: cannot allocate count = %zu, d = %zu",
                            count, d);
    *p = (descent_logistic){.count = count, .d = d, .x = block,
                            .y = block + count * d, .lambda = lambda};
    p->theta_star = p->y + count;
    descent_random r;
    descent_random_seed(&r, seed);
    for (size_t i = 0; i < count; i++) {
        double z = 0;
        for (size_t j = 0; j < d; j++) {
            p->x[i * d + j] = descent_random_gaussian(&r);
            z += p->x[i * d + j] * 2 / sqrt((double)d);
        }
        p->y[i] = descent_random_uniform(&r) < 1 / (1 + exp(-z));
    }
    double *theta = p->theta_star, *g = theta + d, *s = g + d, *H = s + d;
    int n = (int)d;
    memset(theta, 0, d * sizeof *theta);
    double value = logistic_batch(p, theta, NULL, count, g, NULL);
    double first = descent_norm(d, g), norm = first;
    for (int k = 0; k < 100 && norm > 1e-15 * first; k++) {
        memset(H, 0, d * d * sizeof *H);
        logistic_batch(p, theta, NULL, count, NULL, H);
        for (size_t j = 0; j < d; j++) {
            H[j * d + j] += p->lambda;
            s[j] = -g[j];
        }
        LAPACKE_dposv(LAPACK_ROW_MAJOR, 'U', n, 1, H, n, s, 1);
        double slope = cblas_ddot(n, g, 1, s, 1), t = 1, trial = value;
        for (int halving = 0; halving < 60; halving++, t /= 2) {
            cblas_daxpy(n, t, s, 1, theta, 1);
            trial = logistic_batch(p, theta, NULL, count, NULL, NULL);
            if (trial <= value + 1e-4 * t * slope)
                break;
            cblas_daxpy(n, -t, s, 1, theta, 1);
        }
        value = logistic_batch(p, theta, NULL, count, g, NULL);
        double trial_norm = descent_norm(d, g);
        bool stalled = trial_norm >= norm;
        norm = trial_norm;
        if (stalled)
            break;
    }
    p->value_star = value;
    if (!(norm <= 1e-10 * first)) {
        descent_logistic_free(p);
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "logistic: Newton's method did not converge "
                            "(gradient %g of %g)", norm, first);
    }
    return descent_succeed(error);
}

void descent_logistic_free(descent_logistic *p)
{
    if (p != NULL) {
        free(p->x);
        *p = (descent_logistic){0};
    }
}
descent_status descent_logistic_value(const descent_logistic *p,
                                      const double *theta,
                                      const size_t *batch, size_t m,
                                      double *value, double *g,
                                      descent_error *error)
{
    const char *name = "logistic value";
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: p is NULL",
                            name);
    if (p->x == NULL || p->d == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: p has no examples (freed, or never made)",
                            name);
    if (theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: theta is NULL", name);
    if (m == 0 || m > p->count || (batch == NULL && m != p->count))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: m = %zu must lie in [1, count = %zu] (and "
                            "equal count when batch is NULL)", name, m,
                            p->count);
    for (size_t j = 0; batch != NULL && j < m; j++)
        if (batch[j] >= p->count)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: batch[%zu] = %zu is not below count = "
                                "%zu", name, j, batch[j], p->count);
    if (!descent_all_finite(p->d, theta, NULL))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: theta is not finite", name);
    double v = logistic_batch(p, theta, batch, m, g, NULL);
    if (value != NULL)
        *value = v;
    return descent_succeed(error);
}
