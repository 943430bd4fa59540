/* objective.c: generated from chapters/01-descent.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "internal.h"

const char *descent_objective_name(const descent_objective *f)
{
    return f->name != NULL ? f->name : "(unnamed)";
}

descent_status descent_objective_check(const descent_objective *f,
                                       descent_error *error)
{
    char owner[96];
    if (f == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "objective is NULL");
    if (f->check != NULL) {
        descent_status status = f->check(f, error);
        if (status)
            return status;
    }
    if (f->n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "objective %s has dimension n = 0",
                            descent_objective_name(f));
    if (f->evaluate == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "objective %s has no evaluate function",
                            descent_objective_name(f));
    if (descent_check_size(f->n, 1, 0, "objective", NULL) == DESCENT_OK)
        return descent_succeed(error);
    snprintf(owner, sizeof owner, "objective %s",
             descent_objective_name(f));
    return descent_check_size(f->n, 1, 0, owner, error);
}
double descent_value(descent_objective *f, const double *theta)
{
    if (theta == NULL || descent_objective_check(f, NULL))
        return NAN;
    f->counts.values++;
    return f->evaluate(theta, NULL, f->context);
}

double descent_value_gradient(descent_objective *f,
                              const double *theta, double *g)
{
    if (theta == NULL || g == NULL || descent_objective_check(f, NULL))
        return NAN;
    f->counts.values++;
    f->counts.gradients++;
    return f->evaluate(theta, g, f->context);
}
descent_status descent_hessian(descent_objective *f,
                               const double *theta, double *H,
                               descent_error *error)
{
    size_t where;
    descent_status status = descent_objective_check(f, error);
    if (!status && (theta == NULL || H == NULL))
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "Hessian of %s: %s is NULL",
                              descent_objective_name(f),
                              theta == NULL ? "theta" : "H");
    if (!status)
        status = descent_check_size(f->n, 0, 1, "Hessian", error);
    if (status)
        return status;
    if (f->hessian == NULL)
        return descent_fail(error, DESCENT_NO_HESSIAN,
                            "objective %s has no Hessian",
                            descent_objective_name(f));
    f->counts.hessians++;
    f->hessian(theta, H, f->context);
    if (!descent_all_finite(f->n * f->n, H, &where))
        return descent_fail(error, DESCENT_NONFINITE,
                            "Hessian of %s has H[%zu][%zu] = %g",
                            descent_objective_name(f), where / f->n,
                            where % f->n, H[where]);
    return descent_succeed(error);
}
bool descent_all_finite(size_t n, const double *x, size_t *where)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i])) {
            if (where != NULL)
                *where = i;
            return false;
        }
    }
    return true;
}
double descent_norm(size_t n, const double *x)
{
    double sum = cblas_ddot((int)n, x, 1, x, 1);
    if (sum < DBL_MAX && sum > 0x1p-900)
        return sqrt(sum);
    return cblas_dnrm2((int)n, x, 1);
}
