/* cg.c: generated from chapters/03-cg.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cg.h"
#include "internal.h"

descent_cg_options descent_cg_default_options(void)
{
    return (descent_cg_options){.tolerance = 1e-10};
}

static descent_status check_record(size_t n,
                                   const descent_cg_options *opt,
                                   descent_error *error);

static descent_status check_system(size_t n, const double *A,
                                   const double *b, const double *x,
                                   const descent_cg_options *opt,
                                   descent_error *error)
{
    size_t i;
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "linear CG: n = 0");
    descent_status status =
        descent_check_size(n, 5, 1, "linear CG", error);
    if (status)
        return status;
    if (A == NULL || b == NULL || x == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "linear CG: %s is NULL",
                            A == NULL ? "A" : b == NULL ? "b" : "x");
    if (!(opt->tolerance > 0 && isfinite(opt->tolerance)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "linear CG: tolerance = %g must be positive "
                            "and finite", opt->tolerance);
    status = check_record(n, opt, error);
    if (!status)
        status = descent_check_symmetric(n, A, "linear CG", "A", error);
    if (status)
        return status;
    if (!descent_all_finite(n, b, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "linear CG: b[%zu] = %g", i, b[i]);
    if (!descent_all_finite(n, x, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "linear CG: x[%zu] = %g", i, x[i]);
    return descent_succeed(error);
}
static descent_status check_record(size_t n,
                                   const descent_cg_options *opt,
                                   descent_error *error)
{
    bool vectors = opt->residuals != NULL || opt->directions != NULL ||
                   opt->iterates != NULL;
    size_t entries = 0;
    if (!vectors && opt->residual_norms == NULL)
        return descent_succeed(error);
    if (opt->max_iterations == SIZE_MAX ||
        !descent_product_fits(opt->max_iterations + 1, vectors ? n : 1,
                              &entries) ||
        !descent_product_fits(entries, sizeof(double), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "linear CG: max_iterations = %zu: a record "
                            "of max_iterations + 1 entries of %zu "
                            "numbers overflows", opt->max_iterations,
                            vectors ? n : 1);
    return descent_succeed(error);
}
static void record(const descent_cg_options *opt, size_t n, size_t k,
                   double relative, const double *r, const double *d,
                   const double *x)
{
    if (opt->iterates != NULL)
        memcpy(opt->iterates + k * n, x, n * sizeof *x);
    if (opt->residual_norms != NULL)
        opt->residual_norms[k] = relative;
    if (opt->residuals != NULL)
        memcpy(opt->residuals + k * n, r, n * sizeof *r);
    if (opt->directions != NULL)
        memcpy(opt->directions + k * n, d, n * sizeof *d);
}
static void precondition(size_t n, const double *inverse_diagonal,
                         const double *r, double *z)
{
    if (inverse_diagonal == NULL) {
        memcpy(z, r, n * sizeof *z);
        return;
    }
    for (size_t i = 0; i < n; i++)
        z[i] = inverse_diagonal[i] * r[i];
}
descent_status descent_linear_cg(size_t n, const double *A,
                                 const double *b, double *x,
                                 const descent_cg_options *options,
                                 descent_cg_result *result)
{
    descent_cg_options opt =
        options != NULL ? *options : descent_cg_default_options();
    descent_error error;
    size_t k = 0;
    double relative = NAN;
    double *work = NULL;
    if (opt.max_iterations == 0)
        opt.max_iterations = 10 * n;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (check_system(n, A, b, x, &opt, &error) == DESCENT_OK) {
        int m = (int)n;
        double b_norm = cblas_dnrm2(m, b, 1);
        if (b_norm == 0) {
            memset(x, 0, n * sizeof *x);
            relative = 0;
            descent_fail(&error, DESCENT_OK, "b = 0: the solution is x = 0");
        } else if ((work = malloc(5 * n * sizeof *work)) == NULL) {
            descent_fail(&error, DESCENT_OUT_OF_MEMORY,
                         "linear CG: cannot allocate for n = %zu", n);
        } else {
            double *r = work, *z = work + n, *d = work + 2 * n, *q = work + 3 * n;
            double *inverse_diagonal = opt.jacobi ? work + 4 * n : NULL;
            bool ok = true;
            if (inverse_diagonal != NULL)
                for (size_t i = 0; i < n && ok; i++) {
                    if (!(A[i * n + i] > 0)) {
                        descent_fail(&error, DESCENT_INVALID_ARGUMENT,
                                     "Jacobi preconditioner needs a positive "
                                     "diagonal: A[%zu][%zu] = %g", i, i,
                                     A[i * n + i]);
                        ok = false;
                    } else {
                        inverse_diagonal[i] = 1 / A[i * n + i];
                    }
                }
            cblas_dcopy(m, b, 1, r, 1);
            cblas_dsymv(CblasRowMajor, CblasUpper, m, -1.0, A, m, x, 1, 1.0, r, 1);
            precondition(n, inverse_diagonal, r, z);
            cblas_dcopy(m, z, 1, d, 1);
            double rz = cblas_ddot(m, r, 1, z, 1);
            for (k = 0; ok; k++) {
                relative = cblas_dnrm2(m, r, 1) / b_norm;
                record(&opt, n, k, relative, r, d, x);
                if (!isfinite(relative)) {
                    descent_fail(&error, DESCENT_NONFINITE,
                                 "linear CG: the residual became %g at iteration "
                                 "%zu", relative, k);
                    break;
                }
                if (relative <= opt.tolerance) {
                    descent_fail(&error, DESCENT_OK,
                                 "converged: ||r||/||b|| = %.3g after %zu "
                                 "iterations", relative, k);
                    break;
                }
                if (k == opt.max_iterations) {
                    descent_fail(&error, DESCENT_MAX_ITERATIONS,
                                 "linear CG: ||r||/||b|| = %.3g after %zu "
                                 "iterations", relative, k);
                    break;
                }
                cblas_dsymv(CblasRowMajor, CblasUpper, m, 1.0, A, m, d, 1, 0.0, q, 1);
                double curvature = cblas_ddot(m, d, 1, q, 1);
                if (!(curvature > 0)) {
                    descent_fail(&error, DESCENT_INVALID_ARGUMENT,
                                 "A is not positive definite: d^T A d = %g at "
                                 "iteration %zu", curvature, k);
                    break;
                }
                double alpha = rz / curvature;
                cblas_daxpy(m, alpha, d, 1, x, 1);
                cblas_daxpy(m, -alpha, q, 1, r, 1);
                precondition(n, inverse_diagonal, r, z);
                double rz_next = cblas_ddot(m, r, 1, z, 1);
                cblas_dscal(m, rz_next / rz, d, 1);
                cblas_daxpy(m, 1.0, z, 1, d, 1);
                rz = rz_next;
            }
        }
    }
    free(work);
    *result = (descent_cg_result){.status = error.status,
                                  .iterations = k,
                                  .relative_residual = relative};
    memcpy(result->message, error.message, sizeof result->message);
    return result->status;
}
static descent_status check_cg_init(size_t n, descent_cg_formula formula,
                                    descent_error *error)
{
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "nonlinear CG: n = 0");
    descent_status status =
        descent_check_size(n, 2, 0, "nonlinear CG", error);
    if (status)
        return status;
    if ((unsigned)formula > DESCENT_HESTENES_STIEFEL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "nonlinear CG: formula = %d is not a "
                            "descent_cg_formula", (int)formula);
    return descent_succeed(error);
}

descent_status descent_nonlinear_cg_init(descent_nonlinear_cg *cg,
                                         size_t n,
                                         descent_cg_formula formula,
                                         size_t restart_every,
                                         descent_error *error)
{
    if (cg == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "nonlinear CG: cg is NULL");
    *cg = (descent_nonlinear_cg){0};
    descent_status status = check_cg_init(n, formula, error);
    if (status)
        return status;
    *cg = (descent_nonlinear_cg){
        .formula = formula, .n = n, .min_cosine = 1e-6,
        .restart_every = restart_every ? restart_every : n};
    cg->g_previous = calloc(2 * n, sizeof *cg->g_previous);
    if (cg->g_previous == NULL) {
        *cg = (descent_nonlinear_cg){0};
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "nonlinear CG: cannot allocate for n = %zu",
                            n);
    }
    cg->d_previous = cg->g_previous + n;
    return descent_succeed(error);
}
void descent_nonlinear_cg_free(descent_nonlinear_cg *cg)
{
    if (cg != NULL) {
        free(cg->g_previous);
        cg->g_previous = cg->d_previous = NULL;
        cg->n = 0;
    }
}
static bool sufficiently_downhill(const descent_nonlinear_cg *cg,
                                  double gd, double gg, double dd,
                                  double beta);
static double cg_beta(descent_nonlinear_cg *cg, const double *g,
                      double gg)
{
    double g_old_g = 0, d_old_g = 0, beta;
    switch (cg->formula) {
    case DESCENT_FLETCHER_REEVES:
        return gg / cg->gg_previous;
    case DESCENT_POLAK_RIBIERE:
        g_old_g = cblas_ddot((int)cg->n, cg->g_previous, 1, g, 1);
        return (gg - g_old_g) / cg->gg_previous;
    case DESCENT_POLAK_RIBIERE_PLUS:
        g_old_g = cblas_ddot((int)cg->n, cg->g_previous, 1, g, 1);
        beta = (gg - g_old_g) / cg->gg_previous;
        cg->negative_beta += beta < 0;
        return fmax(beta, 0);
    default:
        g_old_g = cblas_ddot((int)cg->n, cg->g_previous, 1, g, 1);
        d_old_g = cblas_ddot((int)cg->n, cg->d_previous, 1, g, 1);
        return (gg - g_old_g) / (d_old_g - cg->slope_previous);
    }
}
static descent_status cg_direction(void *state, descent_objective *f,
                                   const descent_point *at, double *d,
                                   descent_error *error)
{
    descent_nonlinear_cg *cg = state;
    (void)f;
    if (cg == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "nonlinear CG: cg is NULL (the rule was made "
                            "without a state)");
    if (cg->g_previous == NULL || cg->n == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "nonlinear CG: cg is used after free or was "
                            "never initialised (n = %zu)", cg->n);
    if (cg->n != at->n)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "nonlinear CG: cg was made for n = %zu; the "
                            "objective has another dimension, n = %zu",
                            cg->n, at->n);
    if ((unsigned)cg->formula > DESCENT_HESTENES_STIEFEL)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "nonlinear CG: formula = %d is not a "
                            "descent_cg_formula", (int)cg->formula);
    if (cg->restart_every == 0)
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "nonlinear CG: restart_every = 0; init turns 0 "
                            "into n");
    if (!(cg->min_cosine >= 0 && cg->min_cosine < 1))
        return descent_fail(error, DESCENT_DIRECTION_FAILED,
                            "nonlinear CG: min_cosine = %g not in [0, 1)",
                            cg->min_cosine);
    size_t n = at->n;
    const double *g = at->g;
    double gg = at->gradient_norm * at->gradient_norm;
    bool restart = at->iteration == 0 ||
                   cg->since_restart >= cg->restart_every;
    double beta = restart ? 0 : cg_beta(cg, g, gg);
    if (!isfinite(beta))
        beta = 0;
    for (size_t i = 0; i < n; i++) {
        d[i] = cg->d_previous[i] = beta * cg->d_previous[i] - g[i];
        cg->g_previous[i] = g[i];
    }
    double gd = cblas_ddot((int)n, g, 1, d, 1);
    double dd = cblas_ddot((int)n, d, 1, d, 1);
    if (beta != 0 && !sufficiently_downhill(cg, gd, gg, dd, beta)) {
        cg->safeguard_restarts++;
        cg->uphill += !(gd < 0);
        for (size_t i = 0; i < n; i++)
            d[i] = cg->d_previous[i] = -g[i];
        gd = -gg;
        dd = gg;
        beta = 0;
    }
    cg->since_restart = beta == 0 ? 1 : cg->since_restart + 1;
    cg->gg_previous = gg;
    cg->slope_previous = gd;
    cg->d_norm_previous = sqrt(dd);
    return descent_succeed(error);
}

descent_direction_rule descent_nonlinear_cg_direction(
    descent_nonlinear_cg *cg)
{
    return (descent_direction_rule){"nonlinear CG", cg_direction, cg};
}
static bool sufficiently_downhill(const descent_nonlinear_cg *cg,
                                  double gd, double gg, double dd,
                                  double beta)
{
    double g_norm = sqrt(gg), d_norm = sqrt(dd);
    double noise = 1024 * DBL_EPSILON *
                   (g_norm + fabs(beta) * cg->d_norm_previous);
    return gd <= -cg->min_cosine * g_norm * d_norm && d_norm > noise;
}
