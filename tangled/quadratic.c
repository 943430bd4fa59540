/* quadratic.c: generated from chapters/01-descent.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "random.h"

void descent_quadratic_free(descent_quadratic *q)
{
    if (q == NULL)
        return;
    free(q->A);
    free(q->b);
    free(q->lambda);
    free(q->Q);
    free(q->work);
    *q = (descent_quadratic){0};
}

static bool quadratic_made(const descent_quadratic *q)
{
    return q != NULL && q->n > 0 && q->A != NULL && q->b != NULL &&
           q->lambda != NULL && q->Q != NULL && q->work != NULL;
}

static descent_status quadratic_alloc(descent_quadratic *q, size_t n,
                                      descent_error *error)
{
    *q = (descent_quadratic){.n = n};
    q->A = malloc(n * n * sizeof *q->A);
    q->b = calloc(n, sizeof *q->b);
    q->lambda = malloc(n * sizeof *q->lambda);
    q->Q = malloc(n * n * sizeof *q->Q);
    q->work = malloc(n * sizeof *q->work);
    if (!q->A || !q->b || !q->lambda || !q->Q || !q->work) {
        descent_quadratic_free(q);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "cannot allocate a quadratic of dimension "
                            "%zu", n);
    }
    return descent_succeed(error);
}
static descent_status check_common(const descent_quadratic *q, size_t n,
                                   const double *b, double c,
                                   descent_error *error)
{
    size_t i;
    if (q == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "quadratic is NULL");
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "quadratic of dimension n = 0");
    descent_status status = descent_check_size(n, 4, 3, "quadratic",
                                               error);
    if (status)
        return status;
    if (b != NULL && !descent_all_finite(n, b, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "quadratic has b[%zu] = %g", i, b[i]);
    if (!isfinite(c))
        return descent_fail(error, DESCENT_NONFINITE,
                            "quadratic has c = %g", c);
    return descent_succeed(error);
}
static descent_status decompose(descent_quadratic *q,
                                descent_error *error)
{
    int n = (int)q->n;
    memcpy(q->Q, q->A, q->n * q->n * sizeof *q->A);
    lapack_int info = LAPACKE_dsyev(LAPACK_ROW_MAJOR, 'V', 'U', n, q->Q,
                                    n, q->lambda);
    if (info != 0)
        return descent_fail(error, DESCENT_LAPACK_FAILED,
                            "dsyev failed on a %d x %d matrix "
                            "(info = %d)", n, n, (int)info);
    return descent_succeed(error);
}
descent_status descent_check_symmetric(size_t n, const double *A,
                                       const char *owner,
                                       const char *name,
                                       descent_error *error)
{
    double largest = 0;
    size_t where;
    if (A == NULL || !descent_product_fits(n, n, NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s is NULL or n = %zu is too large",
                            owner, name, n);
    if (!descent_all_finite(n * n, A, &where))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s has %s[%zu][%zu] = %g", owner, name,
                            where / n, where % n, A[where]);
    for (size_t i = 0; i < n * n; i++)
        largest = fmax(largest, fabs(A[i]));
    double tolerance = 4.0 * (double)n * DBL_EPSILON * largest;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (fabs(A[i * n + j] - A[j * n + i]) > tolerance)
                return descent_fail(
                    error, DESCENT_INVALID_ARGUMENT,
                    "%s is not symmetric: %s[%zu][%zu] = %g but "
                    "%s[%zu][%zu] = %g", name, name, i, j,
                    A[i * n + j], name, j, i, A[j * n + i]);
    return descent_succeed(error);
}
descent_status descent_quadratic_init(descent_quadratic *q, size_t n,
                                      const double *A, const double *b,
                                      double c, descent_error *error)
{
    descent_status status = check_common(q, n, b, c, error);
    if (!status && A == NULL)
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "quadratic's matrix A is NULL");
    if (!status)
        status = descent_check_symmetric(n, A, "quadratic", "A", error);
    if (!status)
        status = quadratic_alloc(q, n, error);
    if (status)
        return status;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            q->A[i * n + j] = 0.5 * (A[i * n + j] + A[j * n + i]);
    if (b != NULL)
        memcpy(q->b, b, n * sizeof *b);
    q->c = c;
    status = decompose(q, error);
    if (status)
        descent_quadratic_free(q);
    return status;
}

descent_status descent_quadratic_1d(descent_quadratic *q, double a,
                                    double b, double c,
                                    descent_error *error)
{
    if (!isfinite(a) || !isfinite(b))
        return descent_fail(error, DESCENT_NONFINITE,
                            "quadratic_1d: %s = %g", isfinite(a) ? "b"
                            : "a", isfinite(a) ? b : a);
    return descent_quadratic_init(q, 1, &a, &b, c, error);
}
static descent_status random_orthogonal(size_t n, unsigned seed,
                                        double *Q, descent_error *error)
{
    descent_random r;
    lapack_int m = (lapack_int)n, info;
    double *tau = malloc(n * sizeof *tau);
    if (tau == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "cannot allocate %zu numbers", n);
    descent_random_seed(&r, seed);
    for (size_t i = 0; i < n * n; i++)
        Q[i] = descent_random_gaussian(&r);
    info = LAPACKE_dgeqrf(LAPACK_ROW_MAJOR, m, m, Q, m, tau);
    if (info == 0)
        info = LAPACKE_dorgqr(LAPACK_ROW_MAJOR, m, m, m, Q, m, tau);
    free(tau);
    if (info != 0)
        return descent_fail(error, DESCENT_LAPACK_FAILED,
                            "random orthogonal matrix of order %zu: "
                            "LAPACK info = %d", n, (int)info);
    return descent_succeed(error);
}
descent_status descent_quadratic_spectrum(descent_quadratic *q,
                                          size_t n,
                                          const double *lambda,
                                          const double *b, double c,
                                          unsigned seed,
                                          descent_error *error)
{
    size_t i;
    descent_status status = check_common(q, n, b, c, error);
    if (!status && n * n > (size_t)INT_MAX)
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "quadratic: n = %zu is too large for "
                              "LAPACK's indices (n * n > %d)", n,
                              INT_MAX);
    if (!status && lambda == NULL)
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "eigenvalues lambda are NULL");
    if (!status && !descent_all_finite(n, lambda, &i))
        status = descent_fail(error, DESCENT_NONFINITE,
                              "eigenvalue lambda[%zu] = %g", i,
                              lambda[i]);
    if (!status)
        status = quadratic_alloc(q, n, error);
    if (status)
        return status;
    status = random_orthogonal(n, seed, q->Q, error);
    if (status) {
        descent_quadratic_free(q);
        return status;
    }
    int m = (int)n;
    double *scaled = q->A;
    for (size_t r = 0; r < n; r++)
        for (size_t j = 0; j < n; j++)
            scaled[r * n + j] = q->Q[r * n + j] * lambda[j];
    double *product = malloc(n * n * sizeof *product);
    if (product == NULL) {
        descent_quadratic_free(q);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "cannot allocate a %zu x %zu matrix", n, n);
    }
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, m, m, 1.0,
                scaled, m, q->Q, m, 0.0, product, m);
    for (size_t r = 0; r < n; r++)
        for (size_t j = 0; j < n; j++)
            q->A[r * n + j] = 0.5 * (product[r * n + j] + product[j * n + r]);
    free(product);
    memcpy(q->lambda, lambda, n * sizeof *lambda);
    if (b != NULL)
        memcpy(q->b, b, n * sizeof *b);
    q->c = c;
    return descent_succeed(error);
}
static double quadratic_evaluate(const double *theta, double *g,
                                 void *context)
{
    descent_quadratic *q = context;
    if (!quadratic_made(q) || theta == NULL)
        return NAN;
    int n = (int)q->n;
    cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, q->A, n, theta, 1,
                0.0, q->work, 1);
    double value = 0.5 * cblas_ddot(n, theta, 1, q->work, 1) +
                   cblas_ddot(n, q->b, 1, theta, 1) + q->c;
    if (g != NULL) {
        cblas_dcopy(n, q->work, 1, g, 1);
        cblas_daxpy(n, 1.0, q->b, 1, g, 1);
    }
    return value;
}

static void quadratic_hessian(const double *theta, double *H,
                              void *context)
{
    const descent_quadratic *q = context;
    (void)theta;
    if (quadratic_made(q) && H != NULL)
        memcpy(H, q->A, q->n * q->n * sizeof *H);
}
static descent_status quadratic_check(const descent_objective *f,
                                      descent_error *error)
{
    const descent_quadratic *q = f->context;
    if (q == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "quadratic objective: the quadratic is NULL");
    if (!quadratic_made(q))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "quadratic objective: the quadratic has no storage "
                            "(used after descent_quadratic_free, or "
                            "never made)");
    if (q->n != f->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "quadratic objective has n = %zu, its "
                            "quadratic %zu", f->n, q->n);
    return descent_succeed(error);
}

descent_objective descent_quadratic_objective(descent_quadratic *q)
{
    return (descent_objective){
        .n = q != NULL ? q->n : 0, .evaluate = quadratic_evaluate,
        .hessian = quadratic_hessian, .context = q, .name = "quadratic",
        .check = quadratic_check,
    };
}
descent_status descent_quadratic_critical_point(
    const descent_quadratic *q, double *theta_star,
    descent_error *error)
{
    if (q == NULL || theta_star == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "critical point: %s is NULL",
                            q == NULL ? "the quadratic q" : "theta_star");
    if (!quadratic_made(q))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "critical point: the quadratic has no storage "
                            "(used after descent_quadratic_free, or "
                            "never made)");
    int n = (int)q->n;
    double largest = 0;
    for (size_t i = 0; i < q->n; i++)
        largest = fmax(largest, fabs(q->lambda[i]));
    for (size_t i = 0; i < q->n; i++)
        if (fabs(q->lambda[i]) <= (double)n * DBL_EPSILON * largest)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "A is singular (lambda[%zu] = %g): no "
                                "unique critical point", i,
                                q->lambda[i]);
    cblas_dgemv(CblasRowMajor, CblasTrans, n, n, 1.0, q->Q, n, q->b, 1,
                0.0, q->work, 1);
    for (size_t i = 0; i < q->n; i++)
        q->work[i] /= -q->lambda[i];
    cblas_dgemv(CblasRowMajor, CblasNoTrans, n, n, 1.0, q->Q, n,
                q->work, 1, 0.0, theta_star, 1);
    return descent_succeed(error);
}
