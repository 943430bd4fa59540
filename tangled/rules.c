/* rules.c: generated from chapters/01-descent.nw; do not edit. */
#include <cblas.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "internal.h"

static descent_status check_point(const char *rule,
                                  const descent_point *at,
                                  const double *d, descent_error *error)
{
    if (at == NULL || at->g == NULL || d == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s is NULL", rule,
                            at == NULL ? "the point at"
                            : at->g == NULL ? "the gradient at->g"
                                            : "the direction d");
    if (at->n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: the point has n = 0", rule);
    if (at->n > (size_t)INT_MAX)
        return descent_check_size(at->n, 1, 0, rule, error);
    return DESCENT_OK;
}
static descent_status steepest(void *state, descent_objective *f,
                               const descent_point *at, double *d,
                               descent_error *error)
{
    (void)state;
    (void)f;
    if (check_point("steepest descent", at, d, error))
        return DESCENT_INVALID_ARGUMENT;
    cblas_dcopy((int)at->n, at->g, 1, d, 1);
    cblas_dscal((int)at->n, -1.0, d, 1);
    return descent_succeed(error);
}

descent_direction_rule descent_steepest_descent(void)
{
    return (descent_direction_rule){"steepest descent", steepest, NULL};
}
static descent_status normalized(void *state, descent_objective *f,
                                 const descent_point *at, double *d,
                                 descent_error *error)
{
    (void)state;
    (void)f;
    if (check_point("normalized steepest descent", at, d, error))
        return DESCENT_INVALID_ARGUMENT;
    if (!(at->gradient_norm > 0) || !isfinite(at->gradient_norm))
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "normalized steepest descent: ||g|| = %g at "
                            "iteration %zu, so -g/||g|| is undefined",
                            at->gradient_norm, at->iteration);
    cblas_dcopy((int)at->n, at->g, 1, d, 1);
    cblas_dscal((int)at->n, -1.0 / at->gradient_norm, d, 1);
    return descent_succeed(error);
}

descent_direction_rule descent_normalized_steepest_descent(void)
{
    return (descent_direction_rule){"normalized steepest descent",
                                    normalized, NULL};
}
static descent_status preconditioned(void *state, descent_objective *f,
                                     const descent_point *at, double *d,
                                     descent_error *error)
{
    const descent_preconditioner *p = state;
    (void)f;
    if (check_point("preconditioned steepest descent", at, d, error))
        return DESCENT_INVALID_ARGUMENT;
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "preconditioned steepest descent: the "
                            "preconditioner is NULL");
    if (p->M == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "preconditioned steepest descent: no matrix M "
                            "(NULL)");
    if (p->n != at->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "preconditioner has dimension %zu, objective "
                            "%zu", p->n, at->n);
    if (at->iteration == 0) {
        descent_status status = descent_check_symmetric(
            p->n, p->M, "preconditioner", "M", error);
        if (status)
            return status;
    }
    int n = (int)at->n;
    cblas_dsymv(CblasRowMajor, CblasUpper, n, -1.0, p->M, n, at->g, 1,
                0.0, d, 1);
    double gMg = -cblas_ddot(n, at->g, 1, d, 1);
    if (!(gMg > 0) && at->gradient_norm > 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "preconditioned steepest descent: g^T M g "
                            "= %g at iteration %zu, so M is not "
                            "positive definite", gMg, at->iteration);
    return descent_succeed(error);
}

descent_direction_rule descent_preconditioned_descent(
    descent_preconditioner *preconditioner, size_t n, const double *M)
{
    if (preconditioner != NULL)
        *preconditioner = (descent_preconditioner){.n = n, .M = M};
    return (descent_direction_rule){"preconditioned steepest descent",
                                    preconditioned, preconditioner};
}
static descent_status scheduled(const descent_step_schedule *s,
                                const descent_point *at,
                                descent_trial *trial, const char *eta,
                                descent_error *error)
{
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "step rule has no schedule (NULL)");
    if (at == NULL || trial == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "step rule: %s is NULL",
                            at == NULL ? "the point at" : "the trial");
    if (!(s->eta0 > 0) || !isfinite(s->eta0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "step size %s = %g must be positive and "
                            "finite", eta, s->eta0);
    if (!(s->gamma > 0 && s->gamma <= 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "decay factor gamma = %g must lie in (0, 1]",
                            s->gamma);
    trial->eta = s->eta0 * pow(s->gamma, (double)at->iteration);
    return descent_succeed(error);
}
static descent_status fixed(void *state, descent_objective *f,
                            const descent_point *at, const double *d,
                            descent_trial *trial, descent_error *error)
{
    (void)f;
    (void)d;
    return scheduled(state, at, trial, "eta", error);
}

static descent_status geometric(void *state, descent_objective *f,
                                const descent_point *at, const double *d,
                                descent_trial *trial,
                                descent_error *error)
{
    (void)f;
    (void)d;
    return scheduled(state, at, trial, "eta0", error);
}
descent_step_rule descent_fixed_step(descent_step_schedule *schedule,
                                     double eta)
{
    if (schedule != NULL)
        *schedule = (descent_step_schedule){.eta0 = eta, .gamma = 1};
    return (descent_step_rule){"fixed step", fixed, schedule};
}

descent_step_rule descent_geometric_step(
    descent_step_schedule *schedule, double eta0, double gamma)
{
    if (schedule != NULL)
        *schedule = (descent_step_schedule){.eta0 = eta0,
                                            .gamma = gamma};
    return (descent_step_rule){"geometric step", geometric, schedule};
}
