/* batchnorm.c: generated from chapters/09-batchnorm.nw; do not edit. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "internal-batchnorm.h"

#define real float
#define FN(name) name##_f
#define SQRT sqrtf
void FN(descent_bn_forward_across)(size_t m, size_t n, const real *in,
                                   const real *w, real *s, bool training,
                                   double momentum, double eps,
                                   FN(descent_bn_sum) *sum, void *context,
                                   size_t replicas, real *out)
{
    const real *gamma = w, *beta = w + n;
    real *mean = s + 2 * n, *inv = s + 3 * n;
    size_t M = sum != NULL ? replicas * m : m;   /* rows over all replicas */
    if (training) {
        for (size_t j = 0; j < n; j++)
            mean[j] = inv[j] = 0;
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++)
                mean[j] += in[i * n + j];
        if (sum != NULL)
            sum(context, mean, n);                /* over every replica's rows */
        for (size_t j = 0; j < n; j++)
            mean[j] /= (real)M;
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++) {
                real d = in[i * n + j] - mean[j];
                inv[j] += d * d;                  /* m times the variance */
            }
        if (sum != NULL)
            sum(context, inv, n);                 /* M times the variance */
        for (size_t j = 0; j < n; j++) {
            real var = inv[j] / (real)M;
            inv[j] = 1 / SQRT(var + (real)eps);
            if (isfinite(mean[j]) && isfinite(var)) {
                s[j] += (real)momentum * (mean[j] - s[j]);
                s[n + j] += (real)momentum *
                            (var * (real)M / (real)(M - 1) - s[n + j]);
            }
        }
    } else {
        for (size_t j = 0; j < n; j++) {
            mean[j] = s[j];
            inv[j] = 1 / SQRT(s[n + j] + (real)eps);
        }
    }
    for (size_t i = 0; i < m; i++) {
        const real *x = in + i * n;
        real *y = out + i * n;
        for (size_t j = 0; j < n; j++)
            y[j] = (x[j] - mean[j]) * inv[j] * gamma[j] + beta[j];
    }
}

void FN(descent_bn_forward)(size_t m, size_t n, const real *in,
                            const real *w, real *s, bool training,
                            double momentum, double eps, real *out)
{
    FN(descent_bn_forward_across)(m, n, in, w, s, training, momentum, eps,
                                  NULL, NULL, 1, out);
}
void FN(descent_bn_backward_across)(size_t m, size_t n, const real *in,
                                    const real *w, const real *s,
                                    bool training, const real *delta,
                                    FN(descent_bn_sum) *sum, void *context,
                                    size_t replicas, real *scratch,
                                    real *dgamma, real *dbeta, real *back)
{
    const real *gamma = w, *mean = s + 2 * n, *inv = s + 3 * n;
    const real *all_dbeta = dbeta, *all_dgamma = dgamma;
    size_t M = sum != NULL ? replicas * m : m;
    for (size_t j = 0; j < n; j++)
        dgamma[j] = dbeta[j] = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            real d = delta[i * n + j];
            dbeta[j] += d;
            dgamma[j] += d * (in[i * n + j] - mean[j]) * inv[j];
        }
    if (back == NULL)
        return;
    if (training && sum != NULL) {
        memcpy(scratch, dbeta, n * sizeof *scratch);
        memcpy(scratch + n, dgamma, n * sizeof *scratch);
        sum(context, scratch, 2 * n);
        all_dbeta = scratch;
        all_dgamma = scratch + n;
    }
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            real d = delta[i * n + j], scale = gamma[j] * inv[j];
            if (training) {
                real xhat = (in[i * n + j] - mean[j]) * inv[j];
                d -= (all_dbeta[j] + xhat * all_dgamma[j]) / (real)M;
            }
            back[i * n + j] = scale * d;
        }
}

void FN(descent_bn_backward)(size_t m, size_t n, const real *in,
                             const real *w, const real *s, bool training,
                             const real *delta, real *dgamma,
                             real *dbeta, real *back)
{
    FN(descent_bn_backward_across)(m, n, in, w, s, training, delta, NULL,
                                   NULL, 1, NULL, dgamma, dbeta, back);
}
#undef real
#undef FN
#undef SQRT

#define real double
#define FN(name) name##_d
#define SQRT sqrt
void FN(descent_bn_forward_across)(size_t m, size_t n, const real *in,
                                   const real *w, real *s, bool training,
                                   double momentum, double eps,
                                   FN(descent_bn_sum) *sum, void *context,
                                   size_t replicas, real *out)
{
    const real *gamma = w, *beta = w + n;
    real *mean = s + 2 * n, *inv = s + 3 * n;
    size_t M = sum != NULL ? replicas * m : m;   /* rows over all replicas */
    if (training) {
        for (size_t j = 0; j < n; j++)
            mean[j] = inv[j] = 0;
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++)
                mean[j] += in[i * n + j];
        if (sum != NULL)
            sum(context, mean, n);                /* over every replica's rows */
        for (size_t j = 0; j < n; j++)
            mean[j] /= (real)M;
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++) {
                real d = in[i * n + j] - mean[j];
                inv[j] += d * d;                  /* m times the variance */
            }
        if (sum != NULL)
            sum(context, inv, n);                 /* M times the variance */
        for (size_t j = 0; j < n; j++) {
            real var = inv[j] / (real)M;
            inv[j] = 1 / SQRT(var + (real)eps);
            if (isfinite(mean[j]) && isfinite(var)) {
                s[j] += (real)momentum * (mean[j] - s[j]);
                s[n + j] += (real)momentum *
                            (var * (real)M / (real)(M - 1) - s[n + j]);
            }
        }
    } else {
        for (size_t j = 0; j < n; j++) {
            mean[j] = s[j];
            inv[j] = 1 / SQRT(s[n + j] + (real)eps);
        }
    }
    for (size_t i = 0; i < m; i++) {
        const real *x = in + i * n;
        real *y = out + i * n;
        for (size_t j = 0; j < n; j++)
            y[j] = (x[j] - mean[j]) * inv[j] * gamma[j] + beta[j];
    }
}

void FN(descent_bn_forward)(size_t m, size_t n, const real *in,
                            const real *w, real *s, bool training,
                            double momentum, double eps, real *out)
{
    FN(descent_bn_forward_across)(m, n, in, w, s, training, momentum, eps,
                                  NULL, NULL, 1, out);
}
void FN(descent_bn_backward_across)(size_t m, size_t n, const real *in,
                                    const real *w, const real *s,
                                    bool training, const real *delta,
                                    FN(descent_bn_sum) *sum, void *context,
                                    size_t replicas, real *scratch,
                                    real *dgamma, real *dbeta, real *back)
{
    const real *gamma = w, *mean = s + 2 * n, *inv = s + 3 * n;
    const real *all_dbeta = dbeta, *all_dgamma = dgamma;
    size_t M = sum != NULL ? replicas * m : m;
    for (size_t j = 0; j < n; j++)
        dgamma[j] = dbeta[j] = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            real d = delta[i * n + j];
            dbeta[j] += d;
            dgamma[j] += d * (in[i * n + j] - mean[j]) * inv[j];
        }
    if (back == NULL)
        return;
    if (training && sum != NULL) {
        memcpy(scratch, dbeta, n * sizeof *scratch);
        memcpy(scratch + n, dgamma, n * sizeof *scratch);
        sum(context, scratch, 2 * n);
        all_dbeta = scratch;
        all_dgamma = scratch + n;
    }
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            real d = delta[i * n + j], scale = gamma[j] * inv[j];
            if (training) {
                real xhat = (in[i * n + j] - mean[j]) * inv[j];
                d -= (all_dbeta[j] + xhat * all_dgamma[j]) / (real)M;
            }
            back[i * n + j] = scale * d;
        }
}

void FN(descent_bn_backward)(size_t m, size_t n, const real *in,
                             const real *w, const real *s, bool training,
                             const real *delta, real *dgamma,
                             real *dbeta, real *back)
{
    FN(descent_bn_backward_across)(m, n, in, w, s, training, delta, NULL,
                                   NULL, 1, NULL, dgamma, dbeta, back);
}
#undef real
#undef FN
#undef SQRT

descent_status descent_batchnorm_init(descent_batchnorm *bn, size_t units,
                                      double momentum, double eps,
                                      descent_error *error)
{
    const char *owner = "batch normalization";
    if (bn == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: bn is NULL", owner);
    *bn = (descent_batchnorm){0};
    if (units == 0 || units > SIZE_MAX / 6 / sizeof(double))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: units = %zu must lie in 1 to %zu", owner,
                            units, SIZE_MAX / 6 / sizeof(double));
    if (!(momentum >= 0 && momentum <= 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: momentum = %g must lie in [0, 1]", owner,
                            momentum);
    if (!(eps > 0) || !isfinite(eps))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: eps = %g must be positive and finite",
                            owner, eps);
    double *p = malloc(6 * units * sizeof *p);
    if (p == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate 6 vectors of %zu", owner,
                            units);
    *bn = (descent_batchnorm){
        .units = units, .momentum = momentum, .eps = eps, .training = true,
        .gamma = p, .beta = p + units, .running_mean = p + 2 * units,
        .running_var = p + 3 * units, .mean = p + 4 * units,
        .invstd = p + 5 * units, .storage = p};
    for (size_t j = 0; j < units; j++) {
        bn->gamma[j] = bn->running_var[j] = bn->invstd[j] = 1;
        bn->beta[j] = bn->running_mean[j] = bn->mean[j] = 0;
    }
    return descent_succeed(error);
}

void descent_batchnorm_free(descent_batchnorm *bn)
{
    if (bn != NULL) {
        free(bn->storage);
        *bn = (descent_batchnorm){0};
    }
}
static descent_status check_pass(const descent_batchnorm *bn, size_t m,
                                 bool training, const char *owner,
                                 descent_error *error)
{
    size_t cells;
    if (bn == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: bn is NULL", owner);
    if (bn->storage == NULL || bn->units == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: bn has no storage (used after "
                            "descent_batchnorm_free, or never made)", owner);
    if (m == 0 || !descent_product_fits(m, bn->units, &cells) ||
        !descent_product_fits(cells, sizeof(double), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: m = %zu rows of %zu units must be at least "
                            "1 and countable", owner, m, bn->units);
    if (m == 1 && training)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: m = 1 row in training mode: one sample has "
                            "no variance to normalize by (evaluation mode, "
                            "training = false, uses the running "
                            "statistics)", owner);
    return descent_succeed(error);
}

static descent_status check_finite(size_t n, const double *v,
                                   const char *name, const char *owner,
                                   descent_error *error)
{
    size_t where;
    if (v == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s is NULL", owner, name);
    if (!descent_all_finite(n, v, &where))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: %s[%zu] = %g is not finite", owner, name,
                            where, v[where]);
    return descent_succeed(error);
}
descent_status descent_batchnorm_forward(descent_batchnorm *bn, size_t m,
                                         const double *x, double *y,
                                         descent_error *error)
{
    const char *owner = "batch normalization forward";
    descent_status status = check_pass(bn, m, bn != NULL && bn->training,
                                       owner, error);
    if (status ||
        (status = check_finite(m * bn->units, x, "x", owner, error)) ||
        (status = check_finite(2 * bn->units, bn->gamma, "gamma and beta",
                               owner, error)))
        return status;
    if (y == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: y is NULL", owner);
    descent_bn_forward_d(m, bn->units, x, bn->gamma, bn->running_mean,
                         bn->training, bn->momentum, bn->eps, y);
    bn->batches += bn->training;
    bn->last = m;
    bn->last_training = bn->training;
    return descent_succeed(error);
}

descent_status descent_batchnorm_backward(const descent_batchnorm *bn,
                                          size_t m, const double *x,
                                          const double *dy, double *dx,
                                          double *dgamma, double *dbeta,
                                          descent_error *error)
{
    const char *owner = "batch normalization backward";
    descent_status status = check_pass(bn, m, false, owner, error);
    if (status)
        return status;
    if (bn->last == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: no forward pass yet to differentiate",
                            owner);
    if (bn->last != m)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: m = %zu rows; the last forward pass "
                            "normalized %zu", owner, m, bn->last);
    if ((status = check_finite(m * bn->units, x, "x", owner, error)) ||
        (status = check_finite(m * bn->units, dy, "dy", owner, error)))
        return status;
    if (dx == NULL || dgamma == NULL || dbeta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is NULL",
                            owner, dx == NULL ? "dx" : dgamma == NULL
                                                           ? "dgamma" : "dbeta");
    descent_bn_backward_d(m, bn->units, x, bn->gamma, bn->running_mean,
                          bn->last_training, dy, dgamma, dbeta, dx);
    return descent_succeed(error);
}
