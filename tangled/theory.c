/* theory.c: generated from chapters/01-descent.nw; do not edit. */
#include <cblas.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

double descent_gd_rate(size_t n, const double *lambda, double eta)
{
    double rate = 0;
    if (lambda == NULL || n == 0 || n > (size_t)INT_MAX || !isfinite(eta) ||
        !descent_all_finite(n, lambda, NULL))
        return NAN;
    for (size_t i = 0; i < n; i++)
        rate = fmax(rate, fabs(1 - eta * lambda[i]));
    return rate;
}

double descent_gd_best_step(double lambda_min, double lambda_max)
{
    if (!(lambda_min > 0 && lambda_min <= lambda_max &&
          lambda_max < INFINITY))
        return NAN;
    return 2 / (lambda_min + lambda_max);
}
static descent_status check_point_arguments(const char *owner,
                                            descent_objective *f,
                                            const double *theta,
                                            descent_error *error)
{
    size_t i;
    descent_status status = descent_objective_check(f, error);
    if (!status)
        status = descent_check_size(f->n, 2, 1, owner, error);
    if (status)
        return status;
    if (theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: theta is NULL", owner);
    if (!descent_all_finite(f->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: theta[%zu] = %g", owner, i, theta[i]);
    return descent_succeed(error);
}
static descent_status check_taylor(descent_objective *f,
                                   const double *theta, const double *d,
                                   const double *eta_star,
                                   descent_error *error)
{
    size_t i;
    descent_status status = check_point_arguments("Taylor step", f,
                                                  theta, error);
    if (status)
        return status;
    if (d == NULL || eta_star == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Taylor step: %s is NULL",
                            d == NULL ? "d" : "eta_star");
    if (!descent_all_finite(f->n, d, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "Taylor step: d[%zu] = %g", i, d[i]);
    return descent_succeed(error);
}
descent_status descent_taylor_step(descent_objective *f,
                                   const double *theta,
                                   const double *d, double *eta_star,
                                   double *decrease,
                                   descent_error *error)
{
    descent_status status = check_taylor(f, theta, d, eta_star, error);
    if (status)
        return status;
    size_t n = f->n;
    double *g = malloc((2 * n + n * n) * sizeof *g);
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "Taylor step: cannot allocate for n = %zu",
                            n);
    double *Hd = g + n, *H = g + 2 * n;
    double value = descent_value_gradient(f, theta, g);
    size_t i;
    if (!isfinite(value) || !descent_all_finite(n, g, &i))
        status = descent_fail(error, DESCENT_NONFINITE,
                              "Taylor step: E or its gradient is not "
                              "finite at theta");
    if (!status)
        status = descent_hessian(f, theta, H, error);
    if (!status) {
        cblas_dsymv(CblasRowMajor, CblasUpper, (int)n, 1.0, H, (int)n, d, 1,
                    0.0, Hd, 1);
        double gd = cblas_ddot((int)n, g, 1, d, 1);
        double dHd = cblas_ddot((int)n, d, 1, Hd, 1);
        if (!(gd < 0))
            status = descent_fail(error, DESCENT_STEP_FAILED,
                                  "Taylor step: g^T d = %g >= 0, d is not "
                                  "a descent direction", gd);
        else if (!(dHd > 0))
            status = descent_fail(error, DESCENT_STEP_FAILED,
                                  "Taylor step: d^T H d = %g <= 0, the "
                                  "model has no minimum along d", dHd);
        else {
            *eta_star = -gd / dHd;
            if (decrease != NULL)
                *decrease = 0.5 * gd * gd / dHd;
            status = descent_succeed(error);
        }
    }
    free(g);
    return status;
}
descent_status descent_symmetric_eigenvalues(size_t n, const double *H,
                                             double *lambda,
                                             descent_error *error)
{
    descent_status status = DESCENT_OK;
    if (n == 0)
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "eigenvalues: n = 0");
    else if (H == NULL || lambda == NULL)
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "eigenvalues: %s is NULL",
                              H == NULL ? "H" : "lambda");
    if (!status)
        status = descent_check_size(n, 1, 1, "eigenvalues", error);
    if (!status)
        status = descent_check_symmetric(n, H, "eigenvalue problem",
                                         "H", error);
    if (status)
        return status;
    double *copy = malloc(n * n * sizeof *copy);
    if (copy == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "eigenvalues: cannot copy a %zu x %zu "
                            "matrix", n, n);
    memcpy(copy, H, n * n * sizeof *copy);
    lapack_int info = LAPACKE_dsyev(LAPACK_ROW_MAJOR, 'N', 'U', (int)n,
                                    copy, (int)n, lambda);
    free(copy);
    if (info != 0)
        return descent_fail(error, DESCENT_LAPACK_FAILED,
                            "dsyev failed (info = %d)", (int)info);
    return descent_succeed(error);
}
static descent_point_kind kind_from_eigenvalues(size_t n,
                                                const double *lambda,
                                                double tolerance)
{
    size_t positive = 0, negative = 0;
    for (size_t i = 0; i < n; i++) {
        positive += lambda[i] > tolerance;
        negative += lambda[i] < -tolerance;
    }
    if (positive > 0 && negative > 0)
        return DESCENT_SADDLE;
    if (positive == n)
        return DESCENT_MINIMUM;
    if (negative == n)
        return DESCENT_MAXIMUM;
    return DESCENT_DEGENERATE;
}

const char *descent_point_kind_name(descent_point_kind kind)
{
    static const char *const names[] = {
        "not critical", "minimum", "maximum", "saddle point",
        "degenerate (test inconclusive)"};
    if ((size_t)kind >= sizeof names / sizeof names[0])
        return "unknown kind";
    return names[kind];
}
descent_status descent_classify_point(descent_objective *f,
                                      const double *theta,
                                      double gradient_tolerance,
                                      double eigenvalue_tolerance,
                                      descent_point_kind *kind,
                                      double *eigenvalues,
                                      descent_error *error)
{
    descent_status status = check_point_arguments("classify", f, theta,
                                                  error);
    if (status)
        return status;
    if (kind == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "classify: kind is NULL");
    if (!(gradient_tolerance >= 0) || !isfinite(gradient_tolerance))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "classify: gradient_tolerance = %g must be "
                            "finite and >= 0", gradient_tolerance);
    if (!(eigenvalue_tolerance >= 0) || !isfinite(eigenvalue_tolerance))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "classify: eigenvalue_tolerance = %g must be "
                            "finite and >= 0", eigenvalue_tolerance);
    size_t n = f->n;
    double *g = malloc((2 * n + n * n) * sizeof *g);
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "classify: cannot allocate for n = %zu", n);
    double *lambda = g + n, *H = g + 2 * n;
    double value = descent_value_gradient(f, theta, g);
    size_t i;
    if (!isfinite(value) || !descent_all_finite(n, g, &i))
        status = descent_fail(error, DESCENT_NONFINITE,
                              "classify: E or its gradient is not finite");
    if (!status)
        status = descent_hessian(f, theta, H, error);
    if (!status)
        status = descent_symmetric_eigenvalues(n, H, lambda, error);
    if (!status) {
        double norm = cblas_dnrm2((int)n, g, 1);
        *kind = norm > gradient_tolerance
                    ? DESCENT_NOT_CRITICAL
                    : kind_from_eigenvalues(n, lambda, eigenvalue_tolerance);
        if (eigenvalues != NULL)
            memcpy(eigenvalues, lambda, n * sizeof *lambda);
    }
    free(g);
    return status;
}
