/* momentum.c: generated from chapters/04-momentum.nw; do not edit. */
#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "momentum.h"

static descent_status check_parameters(size_t n, size_t vectors,
                                       descent_momentum_kind kind,
                                       double eta, double beta,
                                       descent_error *error)
{
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum: dimension n = 0");
    descent_status status = descent_check_size(n, vectors, 0, "momentum",
                                               error);
    if (status)
        return status;
    if (kind != DESCENT_HEAVY_BALL && kind != DESCENT_NESTEROV)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum: kind = %d is not a method",
                            (int)kind);
    if (!(eta > 0) || !isfinite(eta))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum: step size eta = %g must be "
                            "positive and finite", eta);
    if (!(beta >= 0 && beta < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum: beta = %g must lie in [0, 1)",
                            beta);
    return descent_succeed(error);
}
descent_status descent_momentum_init(descent_momentum *m, size_t n,
                                     descent_momentum_kind kind,
                                     double eta, double beta,
                                     descent_error *error)
{
    if (m == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum: state m is NULL");
    *m = (descent_momentum){0};
    descent_status status = check_parameters(n, 1, kind, eta, beta,
                                             error);
    if (status)
        return status;
    double *velocity = calloc(n, sizeof *velocity);
    if (velocity == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "momentum: cannot allocate n = %zu", n);
    *m = (descent_momentum){.kind = kind, .n = n, .eta = eta,
                            .beta = beta, .velocity = velocity};
    return descent_succeed(error);
}

void descent_momentum_free(descent_momentum *m)
{
    if (m != NULL) {
        free(m->velocity);
        *m = (descent_momentum){0};
    }
}
descent_status descent_momentum_step(descent_momentum *m, double *theta,
                                     const double *g,
                                     descent_error *error)
{
    size_t i;
    if (m == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum step: state m is NULL");
    if (m->velocity == NULL || m->n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum step: state m has no velocity (used "
                            "after descent_momentum_free, or never made)");
    if (theta == NULL || g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum step: %s is NULL",
                            theta == NULL ? "theta" : "g");
    if (!descent_all_finite(m->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "momentum step %zu: theta[%zu] = %g", m->steps,
                            i, theta[i]);
    if (!descent_all_finite(m->n, g, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "momentum step %zu: g[%zu] = %g", m->steps,
                            i, g[i]);
    int n = (int)m->n;
    cblas_dscal(n, m->beta, m->velocity, 1);
    cblas_daxpy(n, -m->eta, g, 1, m->velocity, 1);
    if (m->kind == DESCENT_HEAVY_BALL) {
        cblas_daxpy(n, 1.0, m->velocity, 1, theta, 1);
    } else {
        cblas_daxpy(n, m->beta, m->velocity, 1, theta, 1);
        cblas_daxpy(n, -m->eta, g, 1, theta, 1);
    }
    if (!descent_all_finite(m->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "momentum step %zu overflowed: theta[%zu] = %g",
                            m->steps, i, theta[i]);
    m->steps++;
    return descent_succeed(error);
}
descent_status descent_momentum_direction_init(
    descent_momentum_direction *m, size_t n, descent_momentum_kind kind,
    double eta, double beta, bool convex_schedule, descent_error *error)
{
    if (m == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "momentum: state m is NULL");
    *m = (descent_momentum_direction){0};
    descent_status status = check_parameters(n, 3, kind, eta, beta,
                                             error);
    if (status)
        return status;
    double *block = malloc(3 * n * sizeof *block);
    if (block == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "momentum: cannot allocate 3 n, n = %zu", n);
    *m = (descent_momentum_direction){
        .kind = kind, .n = n, .eta = eta, .beta = beta,
        .convex_schedule = convex_schedule, .previous = block,
        .lookahead = block + n, .g_lookahead = block + 2 * n};
    return descent_succeed(error);
}

void descent_momentum_direction_free(descent_momentum_direction *m)
{
    if (m != NULL) {
        free(m->previous);
        *m = (descent_momentum_direction){0};
    }
}
static descent_status momentum_direction(void *state,
                                         descent_objective *f,
                                         const descent_point *at,
                                         double *d, descent_error *error)
{
    descent_momentum_direction *m = state;
    if (m == NULL)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "momentum rule: state is NULL");
    if (m->previous == NULL || m->n == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "momentum rule: state has no storage (used after "
                            "descent_momentum_direction_free, or never made)");
    if (m->n != at->n)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "momentum rule: state made for n = %zu, but the "
                            "objective has another dimension, n = %zu", m->n,
                            at->n);
    int n = (int)at->n;
    size_t k = at->iteration;
    double beta = m->convex_schedule
                      ? (k >= 1 ? ((double)k - 1) / ((double)k + 2) : 0)
                      : (k >= 1 ? m->beta : 0);
    if (k == 0)
        memset(m->previous, 0, at->n * sizeof *m->previous);
    else   /* previous := theta_k - theta_{k-1} */
        for (size_t i = 0; i < at->n; i++)
            m->previous[i] = at->theta[i] - m->previous[i];
    const double *g = at->g;
    if (m->kind == DESCENT_NESTEROV) {
        size_t i;
        cblas_dcopy(n, at->theta, 1, m->lookahead, 1);
        cblas_daxpy(n, beta, m->previous, 1, m->lookahead, 1);
        double value = descent_value_gradient(f, m->lookahead,
                                              m->g_lookahead);
        if (!isfinite(value) ||
            !descent_all_finite(at->n, m->g_lookahead, &i))
            return descent_fail(error, DESCENT_NONFINITE,
                                "Nesterov: E or its gradient is not finite "
                                "at the look-ahead point, iteration %zu", k);
        g = m->g_lookahead;
    }
    cblas_dcopy(n, g, 1, d, 1);
    cblas_dscal(n, -1.0, d, 1);
    cblas_daxpy(n, beta / m->eta, m->previous, 1, d, 1);
    cblas_dcopy(n, at->theta, 1, m->previous, 1);
    return descent_succeed(error);
}

descent_direction_rule descent_momentum_rule(
    descent_momentum_direction *m)
{
    return (descent_direction_rule){
        m != NULL && m->kind == DESCENT_NESTEROV ? "Nesterov"
                                                 : "heavy ball",
        momentum_direction, m};
}
