/* newton.c: generated from chapters/05-newton.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "newton.h"

static descent_status newton_check(size_t n, descent_newton_kind kind,
                                   descent_error *error)
{
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Newton: dimension n = 0");
    descent_status status = descent_check_size(n, 2, 2, "Newton", error);
    if (status)
        return status;
    if ((unsigned)kind > DESCENT_NEWTON_EIGENVALUE)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Newton: kind = %d is not a descent_newton_kind",
                            (int)kind);
    return descent_succeed(error);
}
descent_status descent_newton_init(descent_newton *newton, size_t n,
                                   descent_newton_kind kind,
                                   descent_error *error)
{
    if (newton == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Newton: state newton is NULL");
    *newton = (descent_newton){0};
    descent_status status = newton_check(n, kind, error);
    if (status)
        return status;
    double *block = malloc((2 * n * n + 2 * n) * sizeof *block);
    double *work = NULL, query = 0;
    size_t lwork = 0;
    if (block != NULL)
        {
            LAPACKE_dsyev_work(LAPACK_COL_MAJOR, 'V', 'L', (int)n, block, (int)n,
                               block + 2 * n * n, &query, -1);
            lwork = (size_t)fmax(query, 3.0 * (double)n);
            work = malloc(lwork * sizeof *work);
        }
    if (block == NULL || work == NULL) {
        free(block);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "Newton: cannot allocate for n = %zu", n);
    }
    *newton = (descent_newton){
        .kind = kind, .n = n, .mu0 = 1e-3, .delta = 1e-8, .H = block,
        .factor = block + n * n, .lambda = block + 2 * n * n,
        .w = block + 2 * n * n + n, .work = work, .lwork = lwork};
    return descent_succeed(error);
}
void descent_newton_free(descent_newton *newton)
{
    if (newton != NULL) {
        free(newton->H);
        free(newton->work);
        *newton = (descent_newton){0};
    }
}
static descent_status cholesky_direction(descent_newton *newton,
                                         const descent_point *at,
                                         double *d, descent_error *error)
{
    size_t n = at->n;
    double mu = 0, beta = 0;
    int tries = 0;
    if (newton->kind == DESCENT_NEWTON_DAMPED)
        {
            double smallest = INFINITY, frobenius = 0;
            for (size_t i = 0; i < n; i++)
                smallest = fmin(smallest, newton->H[i * n + i]);
            for (size_t i = 0; i < n * n; i++)
                frobenius = hypot(frobenius, newton->H[i]);
            beta = newton->mu0 * (frobenius > 0 ? frobenius : 1);
            mu = smallest > 0 ? 0 : beta - smallest;
        }
    for (;;) {
        memcpy(newton->factor, newton->H, n * n * sizeof *newton->H);
        for (size_t i = 0; i < n; i++)
            newton->factor[i * n + i] += mu;
        lapack_int info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', (int)n,
                                              newton->factor, (int)n);
        newton->factorizations++;
        if (info == 0)
            break;
        if (newton->kind == DESCENT_NEWTON_PLAIN)
            return descent_fail(error, DESCENT_DIRECTION_FAILED,
                                "Newton: the Hessian is not positive definite "
                                "(its leading minor of order %d is not "
                                "positive) at iteration %zu; use the damped or "
                                "the eigenvalue-modified direction", (int)info,
                                at->iteration);
        if (++tries == 60)
            return descent_fail(error, DESCENT_DIRECTION_FAILED,
                                "damped Newton: the shift mu = %g did not make "
                                "the Hessian positive definite", mu);
        mu = fmax(2 * mu, beta);
    }
    cblas_dcopy((int)n, at->g, 1, d, 1);
    cblas_dscal((int)n, -1.0, d, 1);
    LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'L', (int)n, 1, newton->factor,
                        (int)n, d, (int)n);
    newton->mu = mu;
    newton->modified += mu > 0;
    return descent_succeed(error);
}
static descent_status eigenvalue_direction(descent_newton *newton,
                                           const descent_point *at,
                                           double *d, descent_error *error)
{
    int n = (int)at->n;
    lapack_int info = LAPACKE_dsyev_work(
        LAPACK_COL_MAJOR, 'V', 'L', n, newton->H, n, newton->lambda,
        newton->work, (lapack_int)newton->lwork);
    if (info != 0)
        return descent_fail(error, DESCENT_LAPACK_FAILED,
                            "eigenvalue-modified Newton: dsyev failed "
                            "(info = %d) at iteration %zu", (int)info,
                            at->iteration);
    double largest = 0;
    for (int i = 0; i < n; i++)
        largest = fmax(largest, fabs(newton->lambda[i]));
    double floor = largest > 0 ? newton->delta * largest : 1;
    bool changed = false;
    for (int i = 0; i < n; i++) {
        double modified = fmax(fabs(newton->lambda[i]), floor);
        changed = changed || modified != newton->lambda[i];
        newton->lambda[i] = modified;
    }
    newton->modified += changed;
    newton->mu = 0;
    /* d = -Q diag(1/lambda) Q^T g; Q's columns in LAPACK's layout */
    cblas_dgemv(CblasColMajor, CblasTrans, n, n, 1.0, newton->H, n, at->g,
                1, 0.0, newton->w, 1);
    for (int i = 0; i < n; i++)
        newton->w[i] /= newton->lambda[i];
    cblas_dgemv(CblasColMajor, CblasNoTrans, n, n, -1.0, newton->H, n,
                newton->w, 1, 0.0, d, 1);
    return descent_succeed(error);
}
static descent_status newton_direction(void *state, descent_objective *f,
                                       const descent_point *at, double *d,
                                       descent_error *error)
{
    descent_newton *newton = state;
    if (newton == NULL)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "Newton rule: state is NULL");
    if (newton->H == NULL || newton->n == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "Newton rule: state has no storage (used after "
                            "descent_newton_free, or never made)");
    if (newton->n != at->n)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "Newton rule: state made for n = %zu, but the "
                            "objective has another dimension, n = %zu",
                            newton->n, at->n);
    if ((unsigned)newton->kind > DESCENT_NEWTON_EIGENVALUE)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "Newton rule: kind = %d is not a "
                            "descent_newton_kind", (int)newton->kind);
    if (!(newton->mu0 > 0) || !isfinite(newton->mu0))
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "damped Newton: mu0 = %g must be positive and "
                            "finite", newton->mu0);
    if (!(newton->delta > 0 && newton->delta < 1))
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "eigenvalue-modified Newton: delta = %g must lie "
                            "in (0, 1)", newton->delta);
    descent_status status = descent_hessian(f, at->theta, newton->H,
                                            error);
    if (status)
        return status;
    if (newton->kind == DESCENT_NEWTON_EIGENVALUE)
        return eigenvalue_direction(newton, at, d, error);
    return cholesky_direction(newton, at, d, error);
}

descent_direction_rule descent_newton_direction(descent_newton *newton)
{
    static const char *const names[3] = {
        "Newton", "damped Newton", "eigenvalue-modified Newton"};
    bool known = newton != NULL &&
                 (unsigned)newton->kind <= DESCENT_NEWTON_EIGENVALUE;
    return (descent_direction_rule){known ? names[newton->kind] : "Newton",
                                    newton_direction, newton};
}
static bool curvature_positive(size_t n, const double *s, const double *y,
                               double sy)
{
    double scale = descent_norm(n, s) * descent_norm(n, y);
    return sy > DBL_EPSILON * scale && isfinite(1 / sy);
}
static void set_identity(size_t n, double gamma, double *H)
{
    memset(H, 0, n * n * sizeof *H);
    for (size_t i = 0; i < n; i++)
        H[i * n + i] = gamma;
}
descent_status descent_bfgs_init(descent_bfgs *bfgs, size_t n,
                                 descent_error *error)
{
    if (bfgs == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "BFGS: state bfgs is NULL");
    *bfgs = (descent_bfgs){0};
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "BFGS: dimension n = 0");
    descent_status status = descent_check_size(n, 3, 1, "BFGS", error);
    if (status)
        return status;
    double *block = malloc((n * n + 3 * n) * sizeof *block);
    if (block == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "BFGS: cannot allocate for n = %zu", n);
    *bfgs = (descent_bfgs){.n = n, .H = block, .h = block + n * n,
                           .theta_previous = block + n * n + n,
                           .g_previous = block + n * n + 2 * n};
    set_identity(n, 1.0, bfgs->H);
    return descent_succeed(error);
}

void descent_bfgs_free(descent_bfgs *bfgs)
{
    if (bfgs != NULL) {
        free(bfgs->H);
        *bfgs = (descent_bfgs){0};
    }
}
descent_status descent_bfgs_update(descent_bfgs *bfgs, const double *s,
                                   const double *y, descent_error *error)
{
    size_t i;
    if (bfgs == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "BFGS update: state bfgs is NULL");
    if (bfgs->H == NULL || bfgs->n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "BFGS update: state has no storage (used after "
                            "descent_bfgs_free, or never made)");
    if (s == NULL || y == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "BFGS update: %s is NULL", s == NULL ? "s" : "y");
    if (!descent_all_finite(bfgs->n, s, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "BFGS update: s[%zu] = %g", i, s[i]);
    if (!descent_all_finite(bfgs->n, y, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "BFGS update: y[%zu] = %g", i, y[i]);
    int n = (int)bfgs->n;
    double sy = cblas_ddot(n, s, 1, y, 1);
    if (!curvature_positive(bfgs->n, s, y, sy)) {
        bfgs->skipped++;
        return descent_fail(error, DESCENT_OK, "BFGS: update skipped, "
                            "s^T y = %g is not positive", sy);
    }
    double rho = 1 / sy;
    cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, bfgs->H, n, y, 1, 0.0,
                bfgs->h, 1);
    double yh = cblas_ddot(n, y, 1, bfgs->h, 1);
    cblas_dsyr2(CblasRowMajor, CblasUpper, n, -rho, s, 1, bfgs->h, 1,
                bfgs->H, n);
    cblas_dsyr(CblasRowMajor, CblasUpper, n, rho * rho * yh + rho, s, 1,
               bfgs->H, n);
    bfgs->updates++;
    return descent_succeed(error);
}
static descent_status bfgs_direction(void *state, descent_objective *f,
                                     const descent_point *at, double *d,
                                     descent_error *error)
{
    descent_bfgs *bfgs = state;
    (void)f;
    if (bfgs == NULL)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "BFGS rule: state is NULL");
    if (bfgs->H == NULL || bfgs->n == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "BFGS rule: state has no storage (used after "
                            "descent_bfgs_free, or never made)");
    if (bfgs->n != at->n)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "BFGS rule: state made for n = %zu, but the "
                            "objective has another dimension, n = %zu",
                            bfgs->n, at->n);
    int n = (int)at->n;
    if (at->iteration == 0)
        {
            set_identity(bfgs->n, 1.0, bfgs->H);
            bfgs->updates = bfgs->skipped = 0;
        }
    else
        {
            double *s = bfgs->theta_previous, *y = bfgs->g_previous;
            for (int i = 0; i < n; i++) {
                s[i] = at->theta[i] - s[i];
                y[i] = at->g[i] - y[i];
            }
            double sy = cblas_ddot(n, s, 1, y, 1);
            if (bfgs->updates == 0 && curvature_positive(bfgs->n, s, y, sy))
                set_identity(bfgs->n, sy / cblas_ddot(n, y, 1, y, 1), bfgs->H);
            descent_status status = descent_bfgs_update(bfgs, s, y, error);
            if (status)
                return status;
        }
    cblas_dsymv(CblasRowMajor, CblasUpper, n, -1.0, bfgs->H, n, at->g, 1,
                0.0, d, 1);
    cblas_dcopy(n, at->theta, 1, bfgs->theta_previous, 1);
    cblas_dcopy(n, at->g, 1, bfgs->g_previous, 1);
    return descent_succeed(error);
}

descent_direction_rule descent_bfgs_direction(descent_bfgs *bfgs)
{
    return (descent_direction_rule){"BFGS", bfgs_direction, bfgs};
}
descent_status descent_lbfgs_init(descent_lbfgs *lbfgs, size_t n,
                                  size_t m, descent_error *error)
{
    if (lbfgs == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS: state lbfgs is NULL");
    *lbfgs = (descent_lbfgs){0};
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS: dimension n = 0");
    if (m == 0 || m > (SIZE_MAX - 4) / 2)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS: memory m = %zu must be at least 1 and "
                            "at most %zu", m, (SIZE_MAX - 4) / 2);
    descent_status status = descent_check_size(n, 2 * m + 4, 0, "L-BFGS",
                                               error);
    if (status)
        return status;
    double *block = malloc((2 * m * n + 2 * n + 2 * m) * sizeof *block);
    if (block == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "L-BFGS: cannot allocate for n = %zu, m = %zu",
                            n, m);
    *lbfgs = (descent_lbfgs){.n = n, .m = m, .s = block, .y = block + m * n};
    lbfgs->theta_previous = block + 2 * m * n;
    lbfgs->g_previous = lbfgs->theta_previous + n;
    lbfgs->rho = lbfgs->g_previous + n;
    lbfgs->alpha = lbfgs->rho + m;
    return descent_succeed(error);
}
void descent_lbfgs_free(descent_lbfgs *lbfgs)
{
    if (lbfgs != NULL) {
        free(lbfgs->s);
        *lbfgs = (descent_lbfgs){0};
    }
}
static double lbfgs_gamma(const descent_lbfgs *lbfgs)
{
    if (lbfgs->stored == 0)
        return 1;
    const double *y = lbfgs->y + lbfgs->newest * lbfgs->n;
    return 1 / (lbfgs->rho[lbfgs->newest] *
                cblas_ddot((int)lbfgs->n, y, 1, y, 1));
}
descent_status descent_lbfgs_multiply(descent_lbfgs *lbfgs,
                                      const double *q, double *r,
                                      descent_error *error)
{
    size_t i;
    if (lbfgs == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS product: state lbfgs is NULL");
    if (lbfgs->s == NULL || lbfgs->n == 0 || lbfgs->m == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS: state has no storage (used after "
                            "descent_lbfgs_free, or never made)");
    if (lbfgs->stored > lbfgs->m || lbfgs->newest >= lbfgs->m)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS product: the ring is corrupt (stored = "
                            "%zu, newest = %zu, m = %zu)", lbfgs->stored,
                            lbfgs->newest, lbfgs->m);
    if (q == NULL || r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS product: %s is NULL", q == NULL ? "q" : "r");
    if (!descent_all_finite(lbfgs->n, q, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "L-BFGS product: q[%zu] = %g", i, q[i]);
    int n = (int)lbfgs->n;
    size_t m = lbfgs->m, stored = lbfgs->stored;
    size_t oldest = (lbfgs->newest + m + 1 - stored) % m;
    cblas_dcopy(n, q, 1, r, 1);
    for (size_t k = 1; k <= stored; k++) {    /* newest to oldest */
        size_t slot = (oldest + stored - k) % m;
        double *s = lbfgs->s + slot * lbfgs->n, *y = lbfgs->y + slot * lbfgs->n;
        lbfgs->alpha[slot] = lbfgs->rho[slot] * cblas_ddot(n, s, 1, r, 1);
        cblas_daxpy(n, -lbfgs->alpha[slot], y, 1, r, 1);
    }
    cblas_dscal(n, lbfgs_gamma(lbfgs), r, 1);
    for (size_t j = 0; j < stored; j++) {     /* oldest to newest */
        size_t slot = (oldest + j) % m;
        double *s = lbfgs->s + slot * lbfgs->n, *y = lbfgs->y + slot * lbfgs->n;
        double beta = lbfgs->rho[slot] * cblas_ddot(n, y, 1, r, 1);
        cblas_daxpy(n, lbfgs->alpha[slot] - beta, s, 1, r, 1);
    }
    return descent_succeed(error);
}
descent_status descent_lbfgs_update(descent_lbfgs *lbfgs, const double *s,
                                    const double *y, descent_error *error)
{
    size_t i;
    if (lbfgs == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS update: state lbfgs is NULL");
    if (lbfgs->s == NULL || lbfgs->n == 0 || lbfgs->m == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS: state has no storage (used after "
                            "descent_lbfgs_free, or never made)");
    if (s == NULL || y == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "L-BFGS update: %s is NULL", s == NULL ? "s" : "y");
    if (!descent_all_finite(lbfgs->n, s, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "L-BFGS update: s[%zu] = %g", i, s[i]);
    if (!descent_all_finite(lbfgs->n, y, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "L-BFGS update: y[%zu] = %g", i, y[i]);
    int n = (int)lbfgs->n;
    double sy = cblas_ddot(n, s, 1, y, 1);
    if (!curvature_positive(lbfgs->n, s, y, sy)) {
        lbfgs->skipped++;
        return descent_fail(error, DESCENT_OK, "L-BFGS: pair skipped, "
                            "s^T y = %g is not positive", sy);
    }
    size_t slot = lbfgs->stored == 0 ? 0 : (lbfgs->newest + 1) % lbfgs->m;
    cblas_dcopy(n, s, 1, lbfgs->s + slot * lbfgs->n, 1);
    cblas_dcopy(n, y, 1, lbfgs->y + slot * lbfgs->n, 1);
    lbfgs->rho[slot] = 1 / sy;
    lbfgs->newest = slot;
    lbfgs->stored += lbfgs->stored < lbfgs->m;
    lbfgs->updates++;
    return descent_succeed(error);
}
static descent_status lbfgs_direction(void *state, descent_objective *f,
                                      const descent_point *at, double *d,
                                      descent_error *error)
{
    descent_lbfgs *lbfgs = state;
    (void)f;
    if (lbfgs == NULL)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "L-BFGS rule: state is NULL");
    if (lbfgs->s == NULL || lbfgs->n == 0 || lbfgs->m == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "L-BFGS rule: state has no storage (used after "
                            "descent_lbfgs_free, or never made)");
    if (lbfgs->n != at->n)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "L-BFGS rule: state made for n = %zu, but the "
                            "objective has another dimension, n = %zu",
                            lbfgs->n, at->n);
    int n = (int)at->n;
    if (at->iteration == 0) {
        lbfgs->stored = lbfgs->newest = 0;
        lbfgs->updates = lbfgs->skipped = 0;
    } else {
        double *s = lbfgs->theta_previous, *y = lbfgs->g_previous;
        for (int i = 0; i < n; i++) {
            s[i] = at->theta[i] - s[i];
            y[i] = at->g[i] - y[i];
        }
        descent_status status = descent_lbfgs_update(lbfgs, s, y, error);
        if (status)
            return status;
    }
    descent_status status = descent_lbfgs_multiply(lbfgs, at->g, d, error);
    if (status)
        return status;
    cblas_dscal(n, lbfgs->stored == 0 && at->gradient_norm > 0
                       ? -1 / at->gradient_norm : -1.0, d, 1);
    cblas_dcopy(n, at->theta, 1, lbfgs->theta_previous, 1);
    cblas_dcopy(n, at->g, 1, lbfgs->g_previous, 1);
    return descent_succeed(error);
}

descent_direction_rule descent_lbfgs_direction(descent_lbfgs *lbfgs)
{
    return (descent_direction_rule){"L-BFGS", lbfgs_direction, lbfgs};
}
descent_status descent_newton_cg_init(descent_newton_cg *ncg, size_t n,
                                      descent_hessian_vector_fn *product,
                                      void *context, descent_error *error)
{
    if (ncg == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Newton-CG: state ncg is NULL");
    *ncg = (descent_newton_cg){0};
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Newton-CG: dimension n = 0");
    descent_status status = descent_check_size(n, 5, 0, "Newton-CG", error);
    if (status)
        return status;
    double *block = malloc(5 * n * sizeof *block);
    if (block == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "Newton-CG: cannot allocate for n = %zu", n);
    *ncg = (descent_newton_cg){
        .n = n, .product = product, .context = context, .r = block,
        .v = block + n, .Hv = block + 2 * n, .x = block + 3 * n,
        .gx = block + 4 * n};
    return descent_succeed(error);
}

void descent_newton_cg_free(descent_newton_cg *ncg)
{
    if (ncg != NULL) {
        free(ncg->r);
        *ncg = (descent_newton_cg){0};
    }
}
static descent_status hessian_vector(descent_newton_cg *ncg,
                                     descent_objective *f,
                                     const descent_point *at,
                                     descent_error *error)
{
    size_t i, n = at->n;
    ncg->products++;
    if (ncg->product != NULL) {
        ncg->product(at->theta, ncg->v, ncg->Hv, ncg->context);
    } else {
        double h = sqrt(DBL_EPSILON) * (1 + descent_norm(n, at->theta)) /
                   descent_norm(n, ncg->v);
        for (i = 0; i < n; i++)
            ncg->x[i] = at->theta[i] + h * ncg->v[i];
        descent_value_gradient(f, ncg->x, ncg->gx);
        for (i = 0; i < n; i++)
            ncg->Hv[i] = (ncg->gx[i] - at->g[i]) / h;
    }
    if (!descent_all_finite(n, ncg->Hv, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "Newton-CG: the Hessian-vector product has "
                            "Hv[%zu] = %g at iteration %zu", i, ncg->Hv[i],
                            at->iteration);
    return descent_succeed(error);
}
static descent_status newton_cg_direction(void *state, descent_objective *f,
                                          const descent_point *at, double *d,
                                          descent_error *error)
{
    descent_newton_cg *ncg = state;
    if (ncg == NULL)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "Newton-CG rule: state is NULL");
    if (ncg->r == NULL || ncg->n == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "Newton-CG rule: state has no storage (used after "
                            "descent_newton_cg_free, or never made)");
    if (ncg->n != at->n)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "Newton-CG rule: state made for n = %zu, but the "
                            "objective has another dimension, n = %zu",
                            ncg->n, at->n);
    int n = (int)at->n;
    double g_norm = at->gradient_norm, rr = g_norm * g_norm;
    double tolerance = fmin(0.5, sqrt(g_norm)) * g_norm;
    size_t cap = ncg->max_cg > 0 ? ncg->max_cg : at->n;
    memset(d, 0, at->n * sizeof *d);
    cblas_dcopy(n, at->g, 1, ncg->r, 1);
    cblas_dcopy(n, at->g, 1, ncg->v, 1);
    cblas_dscal(n, -1.0, ncg->v, 1);
    for (size_t j = 0; j < cap; j++) {
        descent_status status = hessian_vector(ncg, f, at, error);
        if (status)
            return status;
        double curvature = cblas_ddot(n, ncg->v, 1, ncg->Hv, 1);
        if (!(curvature > 0)) {
            ncg->negative_curvature++;
            if (j == 0)
                cblas_dcopy(n, ncg->v, 1, d, 1);
            break;
        }
        double alpha = rr / curvature;
        cblas_daxpy(n, alpha, ncg->v, 1, d, 1);
        cblas_daxpy(n, alpha, ncg->Hv, 1, ncg->r, 1);
        double rr_next = cblas_ddot(n, ncg->r, 1, ncg->r, 1);
        ncg->iterations++;
        if (sqrt(rr_next) <= tolerance) {
            rr = rr_next;
            break;
        }
        cblas_dscal(n, rr_next / rr, ncg->v, 1);
        cblas_daxpy(n, -1.0, ncg->r, 1, ncg->v, 1);
        rr = rr_next;
    }
    ncg->relative_residual = sqrt(rr) / g_norm;
    return descent_succeed(error);
}
descent_direction_rule descent_newton_cg_direction(descent_newton_cg *ncg)
{
    return (descent_direction_rule){"Newton-CG", newton_cg_direction, ncg};
}
descent_status descent_trust_region_init(descent_trust_region *tr,
                                         size_t n, double radius,
                                         descent_error *error)
{
    if (tr == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "trust region: state tr is NULL");
    *tr = (descent_trust_region){0};
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "trust region: dimension n = 0");
    descent_status status = descent_check_size(n, 5, 2, "trust region",
                                               error);
    if (status)
        return status;
    if (!(radius > 0) || !(radius <= 1e10))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "trust region: radius = %g must be positive and "
                            "at most 1e10", radius);
    double *block = malloc((2 * n * n + 5 * n) * sizeof *block);
    if (block == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "trust region: cannot allocate for n = %zu", n);
    *tr = (descent_trust_region){
        .n = n, .radius = radius, .max_radius = 1e10, .H = block,
        .factor = block + n * n, .newton = block + 2 * n * n};
    tr->cauchy = tr->newton + n;
    tr->Hg = tr->cauchy + n;
    tr->Hp = tr->Hg + n;
    tr->x = tr->Hp + n;
    return descent_succeed(error);
}

void descent_trust_region_free(descent_trust_region *tr)
{
    if (tr != NULL) {
        free(tr->H);
        *tr = (descent_trust_region){0};
    }
}
static bool trust_region_newton(descent_trust_region *tr,
                                const descent_point *at)
{
    int n = (int)at->n;
    cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, tr->H, n, at->g, 1, 0.0,
                tr->Hg, 1);
    memcpy(tr->factor, tr->H, at->n * at->n * sizeof *tr->H);
    if (LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', n, tr->factor, n) != 0) {
        tr->indefinite++;
        return false;
    }
    cblas_dcopy(n, at->g, 1, tr->newton, 1);
    cblas_dscal(n, -1.0, tr->newton, 1);
    LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'L', n, 1, tr->factor, n,
                        tr->newton, n);
    return true;
}
static bool dogleg(descent_trust_region *tr, const descent_point *at,
                   bool newton_ok, double *p)
{
    int n = (int)at->n;
    double g_norm = at->gradient_norm, gHg = cblas_ddot(n, at->g, 1, tr->Hg, 1);
    double radius = tr->radius, tau = 1;
    if (newton_ok && descent_norm(at->n, tr->newton) <= radius) {
        cblas_dcopy(n, tr->newton, 1, p, 1);
        return false;
    }
    if (!newton_ok || g_norm * g_norm * g_norm >= radius * gHg) {
        if (gHg > 0)
            tau = fmin(1, g_norm * g_norm * g_norm / (radius * gHg));
        cblas_dcopy(n, at->g, 1, p, 1);
        cblas_dscal(n, -tau * radius / g_norm, p, 1);
        return tau == 1;
    }
    double *u = tr->cauchy, scale = -g_norm * g_norm / gHg;
    for (int i = 0; i < n; i++) {
        u[i] = scale * at->g[i];
        p[i] = tr->newton[i] - u[i];
    }
    double a = cblas_ddot(n, p, 1, p, 1), b = 2 * cblas_ddot(n, u, 1, p, 1);
    double c = cblas_ddot(n, u, 1, u, 1) - radius * radius;
    tau = -2 * c / (b + sqrt(b * b - 4 * a * c));
    for (int i = 0; i < n; i++)
        p[i] = u[i] + tau * p[i];
    return true;
}
static descent_status trust_region_direction(void *state,
                                             descent_objective *f,
                                             const descent_point *at,
                                             double *d, descent_error *error)
{
    descent_trust_region *tr = state;
    if (tr == NULL)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "trust-region rule: state is NULL");
    if (tr->H == NULL || tr->n == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "trust-region rule: state has no storage (used "
                            "after descent_trust_region_free, or never made)");
    if (tr->n != at->n)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "trust-region rule: state made for n = %zu, but the "
                            "objective has another dimension, n = %zu", tr->n,
                            at->n);
    if (!(tr->radius > 0) || !(tr->radius <= tr->max_radius) ||
        !isfinite(tr->max_radius))
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "trust-region rule: radius = %g must be positive "
                            "and at most max_radius = %g (finite)", tr->radius,
                            tr->max_radius);
    int n = (int)at->n;
    descent_status status = descent_hessian(f, at->theta, tr->H, error);
    if (status)
        return status;
    bool newton_ok = trust_region_newton(tr, at);
    if (!newton_ok && !(at->gradient_norm > 0))
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "trust region: g = 0 and the Hessian is not positive "
                            "definite at iteration %zu (a saddle or a maximum): "
                            "the dogleg has no direction", at->iteration);
    double theta_norm = descent_norm(at->n, at->theta);
    for (;;) {
        bool on_boundary = dogleg(tr, at, newton_ok, d);
        double p_norm = descent_norm(at->n, d);
        if (!(p_norm > DBL_EPSILON * theta_norm))
            return descent_fail(error, DESCENT_DIRECTION_FAILED,
                                "trust region: no acceptable step before the radius "
                                "%g fell below the resolution of theta (%zu "
                                "rejected) at iteration %zu", tr->radius, tr->rejected,
                                at->iteration);
        cblas_dsymv(CblasRowMajor, CblasUpper, n, 1.0, tr->H, n, d, 1, 0.0, tr->Hp,
                    1);
        double predicted = -(cblas_ddot(n, at->g, 1, d, 1) +
                             0.5 * cblas_ddot(n, d, 1, tr->Hp, 1));
        for (int i = 0; i < n; i++)
            tr->x[i] = at->theta[i] + d[i];
        double value = descent_value(f, tr->x);
        double rho = isfinite(value) ? (at->value - value) / predicted : -INFINITY;
        double noise = 16 * DBL_EPSILON * fabs(at->value);
        if (isfinite(value) && predicted <= noise && fabs(at->value - value) <= noise)
            rho = 1;
        if (rho < 0.25)
            tr->radius = 0.25 * p_norm;
        else if (rho > 0.75 && on_boundary)
            tr->radius = fmin(2 * tr->radius, tr->max_radius);
        if (rho > 1e-4) {
            tr->boundary += on_boundary;
            return descent_succeed(error);
        }
        tr->rejected++;
    }
}
descent_direction_rule descent_trust_region_direction(
    descent_trust_region *tr)
{
    return (descent_direction_rule){"trust region", trust_region_direction,
                                    tr};
}
static descent_status lm_sizes(size_t m, size_t n, size_t *doubles,
                               descent_error *error)
{
    size_t stacked = 0, jacobian = 0;
    if (m == 0 || n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Levenberg-Marquardt: m = %zu residuals and n = "
                            "%zu parameters must both be positive", m, n);
    if (n > (size_t)INT_MAX || m > (size_t)INT_MAX - n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Levenberg-Marquardt: m = %zu, n = %zu: m + n is "
                            "more than LAPACK can index", m, n);
    descent_product_fits(m + n, n, &stacked);
    descent_product_fits(m, n, &jacobian);
    *doubles = stacked + jacobian + 3 * (m + n) + 4 * n;
    if (!descent_product_fits(*doubles, sizeof(double), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Levenberg-Marquardt: m = %zu, n = %zu needs more "
                            "memory than size_t can count", m, n);
    return descent_succeed(error);
}
descent_status descent_lm_init(descent_lm *lm, size_t m, size_t n,
                               descent_error *error)
{
    size_t doubles = 0;
    if (lm == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Levenberg-Marquardt: state lm is NULL");
    *lm = (descent_lm){0};
    descent_status status = lm_sizes(m, n, &doubles, error);
    if (status)
        return status;
    double *block = malloc(doubles * sizeof *block), query = 0;
    *lm = (descent_lm){
        .m = m, .n = n, .mu0 = 1e-3, .max_mu = 1e20, .gradient_tolerance = 1e-12,
        .reduction_tolerance = 1e-15, .step_tolerance = 1e-14,
        .max_iterations = 200, .scale = true, .reason = DESCENT_LM_FAILED,
        .r = block};
    if (block != NULL) {
        lm->J = lm->r + m;
        lm->A = lm->J + m * n;
        lm->rhs = lm->A + (m + n) * n;
        lm->rx = lm->rhs + m + n;
        lm->D = lm->rx + m;
        lm->p = lm->D + n;
        lm->x = lm->p + n;
        lm->g = lm->x + n;
    }
    if (block != NULL)
        LAPACKE_dgels_work(LAPACK_COL_MAJOR, 'N', (int)(m + n), (int)n, 1,
                           lm->A, (int)(m + n), lm->rhs, (int)(m + n), &query,
                           -1);
    lm->lwork = (size_t)fmax(query, (double)(m + 2 * n));
    lm->work = block != NULL ? malloc(lm->lwork * sizeof *lm->work) : NULL;
    if (lm->work == NULL) {
        free(block);
        *lm = (descent_lm){0};
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "Levenberg-Marquardt: cannot allocate for m = "
                            "%zu, n = %zu", m, n);
    }
    return descent_succeed(error);
}
void descent_lm_free(descent_lm *lm)
{
    if (lm != NULL) {
        free(lm->r);
        free(lm->work);
        *lm = (descent_lm){0};
    }
}

const char *descent_lm_reason_name(descent_lm_reason reason)
{
    static const char *const names[] = {
        "the gradient is below its tolerance",
        "the relative reduction of E is below its tolerance",
        "the step is below its tolerance",
        "the damping grew past its limit",
        "the iteration limit was reached",
        "the run failed"};
    return (unsigned)reason <= DESCENT_LM_FAILED ? names[reason]
                                                 : "unknown reason";
}
static descent_status lm_check(const descent_lm *lm,
                               const descent_least_squares *problem,
                               const double *theta, const char *who,
                               descent_error *error)
{
    size_t i;
    if (lm == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: state lm is NULL", who);
    if (lm->r == NULL || lm->m == 0 || lm->n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: state has no storage (used after "
                            "descent_lm_free, or never made)", who);
    if (problem == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: problem is NULL", who);
    const char *name = problem->name != NULL ? problem->name : "(unnamed)";
    if (problem->residuals == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: problem %s has no residual function", who, name);
    if (problem->m != lm->m || problem->n != lm->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: problem %s has a %zu x %zu Jacobian, but the "
                            "state was made for %zu x %zu", who, name, problem->m,
                            problem->n, lm->m, lm->n);
    if (theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: theta is NULL", who);
    if (!descent_all_finite(lm->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE, "%s: theta[%zu] = %g",
                            who, i, theta[i]);
    if (!(lm->mu0 > 0) || !isfinite(lm->mu0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: mu0 = %g must be positive and finite", who,
                            lm->mu0);
    if (!(lm->max_mu > 0) || !isfinite(lm->max_mu))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: max_mu = %g must be positive and finite", who,
                            lm->max_mu);
    double tolerances[3] = {lm->gradient_tolerance, lm->reduction_tolerance,
                            lm->step_tolerance};
    const char *names[3] = {"gradient_tolerance", "reduction_tolerance",
                            "step_tolerance"};
    for (int t = 0; t < 3; t++)
        if (!(tolerances[t] >= 0) || !isfinite(tolerances[t]))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: %s = %g must be finite and >= 0", who,
                                names[t], tolerances[t]);
    if (lm->trace != NULL && lm->trace->n != lm->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: trace has dimension %zu, the problem %zu (or "
                            "was freed)", who, lm->trace->n, lm->n);
    return descent_succeed(error);
}
static descent_status lm_evaluate(descent_lm *lm,
                                  descent_least_squares *problem,
                                  const double *theta, descent_error *error)
{
    size_t i, m = lm->m, n = lm->n;
    const char *name = problem->name != NULL ? problem->name : "(unnamed)";
    problem->residuals(theta, lm->r, lm->J, problem->context);
    lm->residual_evaluations++;
    lm->jacobians++;
    if (!descent_all_finite(m, lm->r, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "least squares %s: residual r[%zu] = %g", name, i,
                            lm->r[i]);
    if (!descent_all_finite(m * n, lm->J, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "least squares %s: Jacobian J[%zu][%zu] = %g",
                            name, i / n, i % n, lm->J[i]);
    lm->value = 0.5 * cblas_ddot((int)m, lm->r, 1, lm->r, 1);
    cblas_dgemv(CblasRowMajor, CblasTrans, (int)m, (int)n, 1.0, lm->J,
                (int)n, lm->r, 1, 0.0, lm->g, 1);
    return descent_succeed(error);
}
static descent_status lm_stop(descent_lm *lm, descent_lm_reason reason,
                              descent_status status, descent_error *error)
{
    lm->reason = reason;
    if (reason == DESCENT_LM_FAILED)
        return status;
    return descent_fail(error, status, "Levenberg-Marquardt: %s after %zu "
                        "iterations (E = %.6g, mu = %.3g)",
                        descent_lm_reason_name(reason), lm->iterations,
                        lm->value, lm->mu);
}

static descent_status lm_record(descent_lm *lm, const double *theta,
                                descent_error *error)
{
    if (lm->trace == NULL)
        return descent_succeed(error);
    return trace_append(lm->trace, theta, lm->value,
                        descent_norm(lm->n, lm->g),
                        (double)lm->residual_evaluations, error);
}

static double lm_largest_curvature(const descent_lm *lm)
{
    double largest = 0;
    for (size_t j = 0; j < lm->n; j++) {
        double column = 0;
        for (size_t i = 0; i < lm->m; i++)
            column += lm->J[i * lm->n + j] * lm->J[i * lm->n + j];
        largest = fmax(largest, column);
    }
    return largest > 0 ? largest : 1;
}
static void lm_scale(descent_lm *lm)
{
    for (size_t j = 0; j < lm->n; j++) {
        double norm = 0;
        for (size_t i = 0; i < lm->m; i++)
            norm = hypot(norm, lm->J[i * lm->n + j]);
        lm->D[j] = !lm->scale ? 1 : fmax(lm->D[j], norm);
    }
    for (size_t j = 0; j < lm->n; j++)
        if (lm->D[j] == 0)
            lm->D[j] = 1;
}
static descent_status lm_solve(descent_lm *lm, double mu,
                               descent_error *error)
{
    size_t m = lm->m, n = lm->n, rows = m + n;
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < m; i++)
            lm->A[j * rows + i] = lm->J[i * n + j];
        for (size_t i = 0; i < n; i++)
            lm->A[j * rows + m + i] = i == j ? sqrt(mu) * lm->D[j] : 0;
    }
    for (size_t i = 0; i < m; i++)
        lm->rhs[i] = -lm->r[i];
    memset(lm->rhs + m, 0, n * sizeof *lm->rhs);
    lapack_int info = LAPACKE_dgels_work(
        LAPACK_COL_MAJOR, 'N', (int)rows, (int)n, 1, lm->A, (int)rows,
        lm->rhs, (int)rows, lm->work, (lapack_int)lm->lwork);
    if (info != 0)
        return descent_fail(error, DESCENT_LAPACK_FAILED,
                            "Levenberg-Marquardt: dgels failed (info = %d) "
                            "with mu = %g", (int)info, mu);
    memcpy(lm->p, lm->rhs, n * sizeof *lm->p);
    return descent_succeed(error);
}
descent_status descent_levenberg_marquardt(descent_lm *lm,
                                           descent_least_squares *problem,
                                           double *theta,
                                           descent_error *error)
{
    descent_status status = lm_check(lm, problem, theta, "Levenberg-Marquardt",
                                     error);
    if (status) {
        if (lm != NULL)
            lm->reason = DESCENT_LM_FAILED;
        return status;
    }
    lm->iterations = lm->residual_evaluations = lm->jacobians = 0;
    memset(lm->D, 0, lm->n * sizeof *lm->D);
    if (lm->trace != NULL)
        trace_restart(lm->trace);
    status = lm_evaluate(lm, problem, theta, error);
    if (status == DESCENT_OK)
        status = lm_record(lm, theta, error);
    if (status)
        return lm_stop(lm, DESCENT_LM_FAILED, status, error);
    lm_scale(lm);
    double residual = sqrt(2 * lm->value);
    double lambda = lm->mu0 * lm_largest_curvature(lm) /
                    (residual > 0 ? residual : 1);
    lm->mu = lambda * residual;
    double nu = 2;
    for (;;) {
        int m = (int)lm->m, n = (int)lm->n;
        double largest = fabs(lm->g[cblas_idamax(n, lm->g, 1)]);
        if (largest <= lm->gradient_tolerance)
            return lm_stop(lm, DESCENT_LM_GRADIENT, DESCENT_OK, error);
        if (lm->iterations == lm->max_iterations)
            return lm_stop(lm, DESCENT_LM_MAX_ITERATIONS, DESCENT_MAX_ITERATIONS,
                           error);
        lm->iterations++;
        double actual, predicted;
        for (;;) {
            descent_status status = lm_solve(lm, lm->mu, error);
            if (status)
                return lm_stop(lm, DESCENT_LM_FAILED, status, error);
            if (descent_norm(lm->n, lm->p) <=
                lm->step_tolerance * (descent_norm(lm->n, theta) + lm->step_tolerance))
                return lm_stop(lm, DESCENT_LM_SMALL_STEP, DESCENT_OK, error);
            double dp = 0;
            for (int i = 0; i < n; i++) {
                lm->x[i] = theta[i] + lm->p[i];
                dp = hypot(dp, lm->D[i] * lm->p[i]);
            }
            problem->residuals(lm->x, lm->rx, NULL, problem->context);
            lm->residual_evaluations++;
            double trial = 0.5 * cblas_ddot(m, lm->rx, 1, lm->rx, 1);
            actual = lm->value - trial;
            predicted = 0.5 * (-cblas_ddot(n, lm->g, 1, lm->p, 1) + lm->mu * dp * dp);
            double rho = isfinite(trial) ? actual / predicted : -INFINITY;
            if (rho > 0) {
                lambda *= fmax(1.0 / 3, 1 - pow(2 * rho - 1, 3));
                nu = 2;
                break;
            }
            lambda *= nu;
            nu *= 2;
            lm->mu = lambda * sqrt(2 * lm->value);
            if (!(lm->mu <= lm->max_mu))
                return lm_stop(lm, DESCENT_LM_DAMPING_LIMIT,
                               DESCENT_DIRECTION_FAILED, error);
        }
        double before = lm->value;
        memcpy(theta, lm->x, lm->n * sizeof *theta);
        descent_status evaluated = lm_evaluate(lm, problem, theta, error);
        if (evaluated == DESCENT_OK)
            evaluated = lm_record(lm, theta, error);
        if (evaluated)
            return lm_stop(lm, DESCENT_LM_FAILED, evaluated, error);
        lm_scale(lm);
        lm->mu = lambda * sqrt(2 * lm->value);
        if (actual <= lm->reduction_tolerance * before &&
            predicted <= lm->reduction_tolerance * before)
            return lm_stop(lm, DESCENT_LM_SMALL_REDUCTION, DESCENT_OK, error);
    }
}
descent_status descent_lm_step(descent_lm *lm,
                               descent_least_squares *problem,
                               const double *theta, double mu, double *step,
                               descent_error *error)
{
    descent_status status = lm_check(lm, problem, theta,
                                     "Levenberg-Marquardt step", error);
    if (!status && (!(mu >= 0) || !isfinite(mu)))
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "Levenberg-Marquardt step: mu = %g must be "
                              "finite and >= 0", mu);
    if (!status && step == NULL)
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "Levenberg-Marquardt step: step is NULL");
    if (!status)
        status = lm_evaluate(lm, problem, theta, error);
    if (status)
        return status;
    memset(lm->D, 0, lm->n * sizeof *lm->D);
    lm_scale(lm);
    status = lm_solve(lm, mu, error);
    if (!status)
        memcpy(step, lm->p, lm->n * sizeof *step);
    return status;
}
