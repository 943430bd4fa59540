/* sharpness.c: generated from chapters/07-stochastic.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sharpness.h"

typedef struct lanczos_work {
    double *Q;                   /* m x n: the basis, a row each */
    double *r, *c;               /* n; m: the residual, its projection */
    double *alpha, *beta;        /* m each: T's diagonals */
    double *d, *e, *z, *s;       /* m, m, m x m, m: for dstev */
} lanczos_work;

descent_lanczos_options descent_lanczos_defaults(void)
{
    return (descent_lanczos_options){.max_iterations = 100,
                                     .tolerance = 1e-4, .seed = 1};
}

static void lanczos_end(lanczos_work *w)
{
    free(w->Q);
    free(w->r);
    free(w->alpha);
    *w = (lanczos_work){0};
}

static descent_status lanczos_begin(size_t n, descent_product_fn *product,
                                    const descent_lanczos_options *o,
                                    const double *vector,
                                    descent_eigen_estimate *estimate,
                                    lanczos_work *w, descent_error *error)
{
    const char *owner = "top eigenvalue";
    *w = (lanczos_work){0};
    if (product == NULL || estimate == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is "
                            "NULL", owner, product == NULL ? "product"
                                                           : "estimate");
    *estimate = (descent_eigen_estimate){.value = NAN, .residual = NAN};
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: n = 0",
                            owner);
    if (o->max_iterations == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "options->max_iterations = 0", owner);
    if (!(o->tolerance > 0 && o->tolerance < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "options->tolerance = %g must lie in (0, 1)",
                            owner, o->tolerance);
    size_t m = o->max_iterations < n ? o->max_iterations : n, cells;
    descent_status status = descent_check_size(n, 2, 0, owner, error);
    if (status)
        return status;
    if (!descent_product_fits(m, n, &cells) || cells > SIZE_MAX / 8 ||
        m > 46340)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: a basis "
                            "of %zu vectors of n = %zu is more than memory "
                            "can address", owner, m, n);
    if (vector != NULL && !descent_all_finite(n, vector, NULL))
        return descent_fail(error, DESCENT_NONFINITE, "%s: the start "
                            "vector is not finite", owner);
    w->Q = malloc(cells * sizeof *w->Q);
    w->r = malloc((n + m) * sizeof *w->r);
    w->alpha = malloc((6 * m + m * m) * sizeof *w->alpha);
    if (w->Q == NULL || w->r == NULL || w->alpha == NULL) {
        lanczos_end(w);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "%s: cannot "
                            "allocate a basis of %zu vectors of %zu", owner,
                            m, n);
    }
    w->c = w->r + n;
    w->beta = w->alpha + m;
    w->d = w->beta + m;
    w->e = w->d + m;
    w->s = w->e + m;
    w->z = w->s + m;
    double size = vector != NULL ? cblas_dnrm2((int)n, vector, 1) : 0;
    if (size > 0) {
        cblas_dcopy((int)n, vector, 1, w->Q, 1);
    } else {
        descent_random r;
        descent_random_seed(&r, o->seed);
        for (size_t i = 0; i < n; i++)
            w->Q[i] = descent_random_gaussian(&r);
        size = cblas_dnrm2((int)n, w->Q, 1);
    }
    cblas_dscal((int)n, 1 / size, w->Q, 1);
    return descent_succeed(error);
}
descent_status descent_top_eigenvalue(size_t n, descent_product_fn *product,
                                      void *context,
                                      const descent_lanczos_options *options,
                                      double *vector,
                                      descent_eigen_estimate *estimate,
                                      descent_error *error)
{
    descent_lanczos_options o = options != NULL ? *options
                                                : descent_lanczos_defaults();
    lanczos_work w;
    descent_status status = lanczos_begin(n, product, &o, vector, estimate,
                                          &w, error);
    if (status)
        return status;
    size_t m = o.max_iterations < n ? o.max_iterations : n, k = 0;
    double scale = 0;                       /* |T|, for the breakdown */
    while (!status && k < m) {
        double *q = w.Q + k * n;
        descent_error why;
        status = product(q, w.r, context, &why);
        size_t bad;
        if (status) {
            status = descent_fail(error, status, "top eigenvalue: product %zu: %s",
                                  k + 1, why.message);
            break;
        }
        if (!descent_all_finite(n, w.r, &bad)) {
            status = descent_fail(error, DESCENT_NONFINITE, "top eigenvalue: "
                                  "product %zu has (Av)[%zu] = %g", k + 1, bad,
                                  w.r[bad]);
            break;
        }
        w.alpha[k] = cblas_ddot((int)n, q, 1, w.r, 1);
        for (int pass = 0; pass < 2; pass++) {
            cblas_dgemv(CblasRowMajor, CblasNoTrans, (int)k + 1, (int)n, 1, w.Q,
                        (int)n, w.r, 1, 0, w.c, 1);                  /* c = Q r */
            cblas_dgemv(CblasRowMajor, CblasTrans, (int)k + 1, (int)n, -1, w.Q,
                        (int)n, w.c, 1, 1, w.r, 1);              /* r -= Q^T c */
        }
        w.beta[k] = cblas_dnrm2((int)n, w.r, 1);
        scale = fmax(scale, fabs(w.alpha[k]) + w.beta[k] +
                                (k > 0 ? w.beta[k - 1] : 0));
        k++;
        cblas_dcopy((int)k, w.alpha, 1, w.d, 1);
        if (k > 1)
            cblas_dcopy((int)k - 1, w.beta, 1, w.e, 1);
        if (LAPACKE_dstev(LAPACK_ROW_MAJOR, 'V', (lapack_int)k, w.d, w.e, w.z,
                          (lapack_int)k) != 0) {
            status = descent_fail(error, DESCENT_LAPACK_FAILED, "top eigenvalue: "
                                  "the %zu-by-%zu tridiagonal eigenproblem "
                                  "(dstev) failed", k, k);
            break;
        }
        for (size_t i = 0; i < k; i++)               /* s: the top eigenvector */
            w.s[i] = w.z[i * k + k - 1];
        estimate->value = w.d[k - 1];
        estimate->residual = w.beta[k - 1] * fabs(w.s[k - 1]);
        estimate->iterations = k;
        estimate->converged =
            estimate->residual <= o.tolerance * fabs(estimate->value) ||
            w.beta[k - 1] <= DBL_EPSILON * scale || k == n;
        if (estimate->converged || k == m)
            break;
        cblas_dcopy((int)n, w.r, 1, w.Q + k * n, 1);  /* q = r / beta */
        cblas_dscal((int)n, 1 / w.beta[k - 1], w.Q + k * n, 1);
    }
    if (!status && vector != NULL)                     /* y = Q^T s */
        cblas_dgemv(CblasRowMajor, CblasTrans, (int)k, (int)n, 1, w.Q,
                    (int)n, w.s, 1, 0, vector, 1);
    lanczos_end(&w);
    if (status)
        return status;
    if (!estimate->converged)
        return descent_fail(error, DESCENT_MAX_ITERATIONS,
                            "top eigenvalue: %zu Lanczos steps left the "
                            "residual at %.3g of |%.6g|, above the "
                            "tolerance %g", k, estimate->residual /
                            fabs(estimate->value), estimate->value,
                            o.tolerance);
    return descent_succeed(error);
}
/* The central difference's step along a unit vector: the cube root of
   the machine epsilon, scaled by the size of theta, as the gradient
   checker's (Chapter 6). */
static double difference_step(size_t n, const double *theta, double unit)
{
    double top = 1;
    for (size_t i = 0; i < n; i++)
        top = fmax(top, fabs(theta[i]));
    return cbrt(unit) * top;
}

static double difference_step_f(size_t n, const float *theta, double unit)
{
    double top = 1;
    for (size_t i = 0; i < n; i++)
        top = fmax(top, fabs((double)theta[i]));
    return cbrt(unit) * top;
}
static descent_status check_full_gradient(const descent_model *model,
                                          const descent_samples *data,
                                          const double *g,
                                          const double *loss,
                                          descent_error *error)
{
    const char *owner = "full gradient";
    if (model == NULL || data == NULL || g == NULL || loss == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is "
                            "NULL", owner, model == NULL ? "model"
                                           : data == NULL ? "data"
                                           : g == NULL ? "g" : "loss");
    if (model->theta == NULL || model->capacity == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: the model "
                            "is not made", owner);
    if (data->count == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "data->count = 0", owner);
    return descent_succeed(error);
}

/* The checks both products share: a context that was made (NULL, or
   made == false), v and Hv given, and v finite over n entries. */
static descent_status check_product(const char *owner, const void *context,
                                    bool made, size_t n, const double *v,
                                    const double *Hv, descent_error *error)
{
    if (context == NULL || !made)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: the "
                            "operator (context) is %s", owner,
                            context == NULL ? "NULL" : "not made");
    if (v == NULL || Hv == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is "
                            "NULL", owner, v == NULL ? "v" : "Hv");
    if (!descent_all_finite(n, v, NULL))
        return descent_fail(error, DESCENT_NONFINITE, "%s: v is not "
                            "finite", owner);
    return descent_succeed(error);
}

static descent_status check_hessian_product(const descent_hessian_operator
                                            *op, const double *v,
                                            const double *Hv,
                                            descent_error *error)
{
    bool made = op != NULL && op->work != NULL;
    return check_product("Hessian product", op, made, made ? op->f->n : 0,
                         v, Hv, error);
}

static descent_status check_model_hessian_product(
    const descent_model_hessian *mh, const double *v, const double *Hv,
    descent_error *error)
{
    bool made = mh != NULL && mh->g != NULL && mh->model != NULL;
    return check_product("model Hessian product", mh, made,
                         made ? mh->model->parameters : 0, v, Hv, error);
}
descent_status descent_hessian_operator_init(descent_hessian_operator *op,
                                             descent_objective *f,
                                             const double *theta,
                                             double h, descent_error *error)
{
    const char *owner = "Hessian operator";
    if (op == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: op is "
                            "NULL", owner);
    *op = (descent_hessian_operator){0};
    descent_status status = descent_objective_check(f, error);
    if (status || (status = descent_check_size(f->n, 3, 0, owner, error)))
        return status;
    if (theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: theta "
                            "is NULL", owner);
    if (!descent_all_finite(f->n, theta, NULL))
        return descent_fail(error, DESCENT_NONFINITE, "%s: theta is not "
                            "finite", owner);
    if (!(h >= 0) || !isfinite(h))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: h = %g "
                            "must be positive and finite, or 0 for the "
                            "default", owner, h);
    op->work = malloc(3 * f->n * sizeof *op->work);
    if (op->work == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "%s: cannot "
                            "allocate 3 vectors of %zu", owner, f->n);
    op->f = f;
    op->theta = theta;
    op->h = h;
    return descent_succeed(error);
}

void descent_hessian_operator_free(descent_hessian_operator *op)
{
    if (op == NULL)
        return;
    free(op->work);
    *op = (descent_hessian_operator){0};
}
descent_status descent_hessian_product(const double *v, double *Hv,
                                       void *context, descent_error *error)
{
    descent_hessian_operator *op = context;
    descent_status status = check_hessian_product(op, v, Hv, error);
    if (status)
        return status;
    size_t n = op->f->n;
    double *x = op->work, *plus = x + n, *minus = plus + n;
    double size = cblas_dnrm2((int)n, v, 1);
    double h = op->h > 0 ? op->h : difference_step(n, op->theta,
                                                    DBL_EPSILON);
    if (size == 0) {
        memset(Hv, 0, n * sizeof *Hv);
        return descent_succeed(error);
    }
    for (int side = 0; side < 2; side++) {     /* x = theta +- h v / |v| */
        double *g = side == 0 ? plus : minus;
        cblas_dcopy((int)n, op->theta, 1, x, 1);
        cblas_daxpy((int)n, (side == 0 ? h : -h) / size, v, 1, x, 1);
        double value = descent_value_gradient(op->f, x, g);
        if (!isfinite(value) || !descent_all_finite(n, g, NULL))
            return descent_fail(error, DESCENT_NONFINITE, "Hessian "
                                "product: the gradient of %s at theta %s "
                                "h v/|v| (h = %g) is not finite",
                                descent_objective_name(op->f),
                                side == 0 ? "+" : "-", h);
    }
    for (size_t i = 0; i < n; i++)        /* Hv = |v| (g+ - g-) / 2h */
        Hv[i] = size * (plus[i] - minus[i]) / (2 * h);
    op->products++;
    return descent_succeed(error);
}
descent_status descent_model_hessian_init(descent_model_hessian *mh,
                                          descent_model *model,
                                          const descent_samples *data,
                                          double h, descent_error *error)
{
    const char *owner = "model Hessian";
    if (mh == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: mh is "
                            "NULL", owner);
    *mh = (descent_model_hessian){0};
    if (model == NULL || data == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is "
                            "NULL", owner, model == NULL ? "model" : "data");
    if (!(h >= 0) || !isfinite(h))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: h = %g "
                            "must be positive and finite, or 0 for the "
                            "default", owner, h);
    if (model->theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: the "
                            "model is not made", owner);
    size_t n = model->parameters;
    mh->theta = malloc(n * sizeof *mh->theta);
    mh->g = malloc(n * sizeof *mh->g);
    if (mh->theta == NULL || mh->g == NULL) {
        descent_model_hessian_free(mh);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "%s: cannot "
                            "allocate for %zu parameters", owner, n);
    }
    *mh = (descent_model_hessian){.model = model, .data = data, .h = h,
                                  .theta = mh->theta, .g = mh->g};
    double loss;
    descent_status status = descent_model_full_gradient(model, data, mh->g,
                                                        &loss, error);
    if (status)
        descent_model_hessian_free(mh);
    return status;
}

void descent_model_hessian_free(descent_model_hessian *mh)
{
    if (mh == NULL)
        return;
    free(mh->theta);
    free(mh->g);
    *mh = (descent_model_hessian){0};
}
descent_status descent_model_full_gradient(descent_model *model,
                                           const descent_samples *data,
                                           double *g, double *loss,
                                           descent_error *error)
{
    descent_status status = check_full_gradient(model, data, g, loss,
                                                error);
    if (status)
        return status;
    size_t n = model->parameters, count = data->count;
    size_t *index = NULL;                /* NULL: the samples in order */
    if (count > model->capacity &&
        (index = malloc(count * sizeof *index)) == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "full gradient: "
                            "cannot allocate an index of %zu", count);
    for (size_t i = 0; index != NULL && i < count; i++)
        index[i] = i;
    memset(g, 0, n * sizeof *g);
    *loss = 0;
    for (size_t first = 0; first < count && !status;
         first += model->capacity) {
        size_t m = count - first < model->capacity ? count - first
                                                   : model->capacity;
        double part, weight = (double)m / (double)count;
        descent_error why;
        status = descent_model_gradient(model, data, index ? index + first
                                                           : NULL,
                                        m, &part, &why);
        if (status)
            descent_fail(error, status, "full gradient: %s", why.message);
        for (size_t i = 0; i < n && !status; i++)
            g[i] += weight * model->gradient[i];
        *loss += weight * part;
    }
    free(index);
    if (!status && !descent_all_finite(n, g, NULL))
        status = descent_fail(error, DESCENT_NONFINITE, "full gradient: "
                              "the gradient over the %zu samples is not "
                              "finite", count);
    return status ? status : descent_succeed(error);
}
descent_status descent_model_hessian_product(const double *v, double *Hv,
                                             void *context,
                                             descent_error *error)
{
    descent_model_hessian *mh = context;
    descent_status status = check_model_hessian_product(mh, v, Hv, error);
    if (status)
        return status;
    descent_model *model = mh->model;
    size_t n = model->parameters;
    double size = cblas_dnrm2((int)n, v, 1), loss;
    double h = mh->h > 0 ? mh->h : difference_step_f(n, model->theta,
                                                      FLT_EPSILON);
    if (size == 0) {
        memset(Hv, 0, n * sizeof *Hv);
        return descent_succeed(error);
    }
    memcpy(mh->theta, model->theta, n * sizeof *mh->theta);
    for (int side = 0; side < 2 && !status; side++) {
        double shift = (side == 0 ? h : -h) / size;
        descent_error why;
        for (size_t i = 0; i < n; i++)
            model->theta[i] = (float)(mh->theta[i] + shift * v[i]);
        status = descent_model_full_gradient(model, mh->data,
                                             side == 0 ? mh->g : Hv, &loss,
                                             &why);
        if (status)
            descent_fail(error, status, "model Hessian product: at theta "
                         "%s h v/|v| (h = %g): %s", side == 0 ? "+" : "-", h,
                         why.message);
    }
    memcpy(model->theta, mh->theta, n * sizeof *mh->theta);
    if (status)
        return status;
    for (size_t i = 0; i < n; i++)        /* Hv = |v| (g+ - g-) / 2h */
        Hv[i] = size * (mh->g[i] - Hv[i]) / (2 * h);
    mh->products++;
    return descent_succeed(error);
}
descent_status descent_sharpness_recorder_init(
    descent_sharpness_recorder *rec, descent_model *model,
    const descent_samples *data, size_t every, size_t capacity,
    size_t steps, descent_error *error)
{
    const char *owner = "sharpness recorder";
    if (rec == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: rec is "
                            "NULL", owner);
    *rec = (descent_sharpness_recorder){0};
    if (every == 0 || capacity == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s = 0",
                            owner, every == 0 ? "every" : "capacity");
    if (capacity > SIZE_MAX / 32 || steps > SIZE_MAX / 16)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: capacity "
                            "= %zu and steps = %zu are more than memory can "
                            "address", owner, capacity, steps);
    descent_status status = descent_model_hessian_init(&rec->hessian, model,
                                                       data, 0, error);
    if (status)
        return status;
    rec->lanczos = descent_lanczos_defaults();
    rec->lanczos.tolerance = 1e-3;
    rec->n = model->parameters;
    rec->every = every;
    rec->capacity = capacity;
    rec->loss_capacity = steps;
    rec->step = malloc(capacity * sizeof *rec->step);
    rec->sharpness = malloc(2 * capacity * sizeof *rec->sharpness);
    rec->loss = malloc((steps + 1) * sizeof *rec->loss);
    rec->vector = malloc(model->parameters * sizeof *rec->vector);
    if (rec->step == NULL || rec->sharpness == NULL || rec->loss == NULL ||
        rec->vector == NULL) {
        descent_sharpness_recorder_free(rec);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "%s: cannot "
                            "allocate %zu measurements and %zu losses",
                            owner, capacity, steps);
    }
    rec->residual = rec->sharpness + capacity;
    descent_random_seed(&rec->random, 1);
    return descent_succeed(error);
}

void descent_sharpness_recorder_free(descent_sharpness_recorder *rec)
{
    if (rec == NULL)
        return;
    descent_model_hessian_free(&rec->hessian);
    free(rec->step);
    free(rec->sharpness);
    free(rec->loss);
    free(rec->vector);
    *rec = (descent_sharpness_recorder){0};
}

static descent_status check_measure(const descent_sharpness_recorder *rec,
                                    descent_error *error)
{
    if (rec == NULL || rec->vector == NULL || rec->hessian.model == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "sharpness "
                            "measure: the recorder is %s", rec == NULL
                                ? "NULL" : "not made, or its model is gone");
    if (rec->measured == rec->capacity)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "sharpness "
                            "measure: the recorder is full (capacity = %zu)",
                            rec->capacity);
    return descent_succeed(error);
}
descent_status descent_sharpness_measure(descent_sharpness_recorder *rec,
                                         size_t step, descent_error *error)
{
    descent_status status = check_measure(rec, error);
    if (status)
        return status;
    size_t n = rec->n;
    double *v = rec->vector, mix = rec->measured > 0 ? 0.5 : 1;
    descent_eigen_estimate e;
    for (size_t i = 0; i < n; i++)        /* the last vector, half noise */
        v[i] = (rec->measured > 0 ? v[i] : 0) +
               mix * descent_random_gaussian(&rec->random) / sqrt((double)n);
    status = descent_top_eigenvalue(n, descent_model_hessian_product,
                                    &rec->hessian, &rec->lanczos, v, &e,
                                    error);
    if (status && status != DESCENT_MAX_ITERATIONS)
        return status;
    rec->unconverged += status == DESCENT_MAX_ITERATIONS;
    rec->step[rec->measured] = step;
    rec->sharpness[rec->measured] = e.value;
    rec->residual[rec->measured] = e.residual;
    rec->measured++;
    return descent_succeed(error);
}
void descent_sharpness_hook(size_t step, double loss, void *context)
{
    descent_sharpness_recorder *rec = context;
    if (rec == NULL || rec->loss == NULL)
        return;
    if (step < rec->loss_capacity)
        rec->loss[step] = loss;
    rec->steps = step + 1;
    if (rec->status == DESCENT_OK && (step + 1) % rec->every == 0 &&
        rec->measured < rec->capacity)
        rec->status = descent_sharpness_measure(rec, step + 1, &rec->error);
}
descent_status descent_edge_samples(descent_samples *s, size_t count,
                                    size_t pool, descent_error *error)
{
    const char *owner = "edge samples";
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: s is "
                            "NULL", owner);
    *s = (descent_samples){0};
    if (count == 0 || count > 60000)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: count = "
                            "%zu must lie in 1 to 60000", owner, count);
    if (pool == 0 || 28 % pool != 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: pool = "
                            "%zu must divide 28", owner, pool);
    descent_samples raw;
    descent_status status = descent_fashion_mnist_load(&raw, true, count,
                                                       error);
    if (status)
        return status;
    size_t side = 28 / pool, inputs = side * side;
    if (!(status = descent_samples_init(s, count, inputs, 0, 10, error))) {
        for (size_t k = 0; k < count; k++) {
            const float *image = raw.x + k * 28 * 28;
            float *x = s->x + k * inputs;
            for (size_t i = 0; i < side; i++)
                for (size_t j = 0; j < side; j++) {
                    double sum = 0;
                    for (size_t a = 0; a < pool; a++)
                        for (size_t b = 0; b < pool; b++)
                            sum += image[(i * pool + a) * 28 + j * pool + b];
                    x[i * side + j] = (float)(sum / (double)(pool * pool));
                }
            s->targets[k * 10 + (size_t)raw.labels[k]] = 1;
        }
        for (size_t j = 0; j < inputs; j++) {
            double mean = 0;
            for (size_t k = 0; k < count; k++)
                mean += s->x[k * inputs + j];
            mean /= (double)count;
            for (size_t k = 0; k < count; k++)
                s->x[k * inputs + j] = (float)(s->x[k * inputs + j] - mean);
        }
    }
    descent_samples_free(&raw);
    return status;
}
static descent_status check_edge_run(const descent_samples *data,
                                     const descent_edge_run *run,
                                     const descent_sharpness_recorder *rec,
                                     descent_error *error)
{
    const char *owner = "edge run";
    if (data == NULL || run == NULL || rec == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is "
                            "NULL", owner, data == NULL ? "data"
                                           : run == NULL ? "run" : "rec");
    if (data->targets == NULL || data->outputs == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: data has "
                            "no targets for the squared error", owner);
    if (run->hidden[0] == 0 || run->hidden[1] == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "run->hidden[%d] = 0", owner,
                            run->hidden[0] == 0 ? 0 : 1);
    if (!(run->scale > 0) || !isfinite(run->scale))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "run->scale = %g must be positive and finite",
                            owner, run->scale);
    if (!(run->eta > 0) || !isfinite(run->eta))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: run->eta "
                            "= %g must be positive and finite", owner,
                            run->eta);
    if (!(run->beta >= 0 && run->beta < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "run->beta = %g must lie in [0, 1)", owner,
                            run->beta);
    if (run->batch > data->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "run->batch = %zu is more than the %zu samples",
                            owner, run->batch, data->count);
    if (run->steps == 0 || run->every == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: run->%s "
                            "= 0", owner, run->steps == 0 ? "steps"
                                                          : "every");
    return descent_succeed(error);
}
descent_status descent_edge_train(const descent_samples *data,
                                  const descent_edge_run *run,
                                  descent_sharpness_recorder *rec,
                                  descent_error *error)
{
    if (rec != NULL)
        *rec = (descent_sharpness_recorder){0};
    descent_status status = check_edge_run(data, run, rec, error);
    if (status)
        return status;
    const descent_layer_spec spec[6] = {
        {DESCENT_LAYER_DENSE, run->hidden[0]}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, run->hidden[1]}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, data->outputs}, {DESCENT_LAYER_L2, 0}};
    descent_model model;
    descent_optimizer gd;
    descent_schedule eta;
    descent_random r;
    size_t batch = run->batch > 0 ? run->batch : data->count;
    if ((status = descent_model_init(&model, data->inputs, 6, spec, batch,
                                     error)))
        return status;
    descent_random_seed(&r, run->seed);
    if (!(status = descent_model_init_weights(&model, &r, error)))
        cblas_sscal((int)model.parameters, (float)run->scale, model.theta, 1);
    if (!status &&
        !(status = descent_sgd_init(&gd, model.parameters, run->beta, false,
                                    error))) {
        if (!(status = descent_schedule_init(&eta, DESCENT_SCHEDULE_CONSTANT,
                                             run->eta, 0, 0, error)) &&
            !(status = descent_sharpness_recorder_init(
                  rec, &model, data, run->every,
                  run->steps / run->every + 1, run->steps, error))) {
            size_t batches = (data->count + batch - 1) / batch;
            descent_train_options o = {
                .epochs = (run->steps + batches - 1) / batches, .batch = batch,
                .optimizer = &gd,
                .schedule = &eta, .quiet = true, .callback = descent_sharpness_hook,
                .context = rec};
            descent_error why;
            status = descent_sharpness_measure(rec, 0, &why);         /* at theta_0 */
            if (!status)
                status = descent_train(&model, data, &o, NULL, &why);
            if (!status && rec->status)
                status = rec->status, why = rec->error;
            if (status)
                descent_fail(error, status, "edge run: %s", why.message);
            if (status)
                descent_sharpness_recorder_free(rec);
            rec->hessian.model = NULL;        /* the model is freed here */
        }
        descent_optimizer_free(&gd);
    }
    descent_model_free(&model);
    return status;
}
