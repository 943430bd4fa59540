/* functions.c: generated from chapters/01-descent.nw; do not edit. */
#include <math.h>
#include <string.h>

#include "internal.h"

static double rosenbrock_evaluate(const double *x, double *g,
                                  void *context)
{
    const descent_rosenbrock *r = context;
    double value = 0;
    if (r == NULL || x == NULL)
        return NAN;
    if (g != NULL)
        memset(g, 0, r->n * sizeof *g);
    for (size_t i = 0; i + 1 < r->n; i++) {
        double u = r->a - x[i], v = x[i + 1] - x[i] * x[i];
        value += u * u + r->b * v * v;
        if (g != NULL) {
            g[i] += -2 * u - 4 * r->b * x[i] * v;
            g[i + 1] += 2 * r->b * v;
        }
    }
    return value;
}
static void rosenbrock_hessian(const double *x, double *H, void *context)
{
    const descent_rosenbrock *r = context;
    if (r == NULL || x == NULL || H == NULL)
        return;
    size_t n = r->n;
    memset(H, 0, n * n * sizeof *H);
    for (size_t i = 0; i + 1 < n; i++) {
        double v = x[i + 1] - x[i] * x[i];
        H[i * n + i] += 2 - 4 * r->b * v + 8 * r->b * x[i] * x[i];
        H[(i + 1) * n + i + 1] += 2 * r->b;
        H[i * n + i + 1] = H[(i + 1) * n + i] = -4 * r->b * x[i];
    }
}
descent_status descent_rosenbrock_init(descent_rosenbrock *r, size_t n,
                                       double a, double b,
                                       descent_error *error)
{
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Rosenbrock parameters are NULL");
    if (n < 2)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Rosenbrock's function needs n >= 2, "
                            "not n = %zu", n);
    descent_status status = descent_check_size(n, 1, 0, "Rosenbrock",
                                               error);
    if (status)
        return status;
    if (!isfinite(a) || !isfinite(b))
        return descent_fail(error, DESCENT_NONFINITE,
                            "Rosenbrock's %s = %g", isfinite(a) ? "b"
                            : "a", isfinite(a) ? b : a);
    *r = (descent_rosenbrock){.n = n, .a = a, .b = b};
    return descent_succeed(error);
}
static descent_status rosenbrock_check(const descent_objective *f,
                                       descent_error *error)
{
    const descent_rosenbrock *r = f->context;
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Rosenbrock parameters are NULL");
    if (r->n < 2 || r->n != f->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "Rosenbrock objective has n = %zu, its "
                            "parameters n = %zu (never made by "
                            "descent_rosenbrock_init?)", f->n, r->n);
    if (!isfinite(r->a) || !isfinite(r->b))
        return descent_fail(error, DESCENT_NONFINITE,
                            "Rosenbrock's a = %g, b = %g", r->a, r->b);
    return descent_succeed(error);
}

descent_objective descent_rosenbrock_objective(descent_rosenbrock *r)
{
    return (descent_objective){
        .n = r != NULL ? r->n : 0, .evaluate = rosenbrock_evaluate,
        .hessian = rosenbrock_hessian, .context = r,
        .name = "Rosenbrock", .check = rosenbrock_check,
    };
}
static descent_status check_dimension(const descent_objective *f,
                                      size_t n, descent_error *error)
{
    if (f->n != n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "objective %s is %zu-dimensional, not "
                            "n = %zu", descent_objective_name(f), n,
                            f->n);
    return descent_succeed(error);
}

static descent_status one_dimensional(const descent_objective *f,
                                      descent_error *error)
{
    return check_dimension(f, 1, error);
}

static descent_status two_dimensional(const descent_objective *f,
                                      descent_error *error)
{
    return check_dimension(f, 2, error);
}
static double cubic_evaluate(const double *x, double *g, void *context)
{
    (void)context;
    if (x == NULL)
        return NAN;
    if (g != NULL) {
        g[0] = 3 * x[0] * x[0] - 3;
        g[1] = 3 * x[1] * x[1] - 3;
    }
    return x[0] * x[0] * x[0] - 3 * x[0] + x[1] * x[1] * x[1] - 3 * x[1];
}

static void cubic_hessian(const double *x, double *H, void *context)
{
    (void)context;
    if (x == NULL || H == NULL)
        return;
    H[0] = 6 * x[0];
    H[1] = H[2] = 0;
    H[3] = 6 * x[1];
}

descent_objective descent_cubic_objective(void)
{
    return (descent_objective){.n = 2, .evaluate = cubic_evaluate,
                               .hessian = cubic_hessian,
                               .name = "cubic", .check = two_dimensional};
}
static double monkey_evaluate(const double *x, double *g, void *context)
{
    (void)context;
    if (x == NULL)
        return NAN;
    if (g != NULL) {
        g[0] = 3 * x[0] * x[0] - 3 * x[1] * x[1];
        g[1] = -6 * x[0] * x[1];
    }
    return x[0] * x[0] * x[0] - 3 * x[0] * x[1] * x[1];
}

static void monkey_hessian(const double *x, double *H, void *context)
{
    (void)context;
    if (x == NULL || H == NULL)
        return;
    H[0] = 6 * x[0];
    H[1] = H[2] = -6 * x[1];
    H[3] = -6 * x[0];
}

descent_objective descent_monkey_saddle_objective(void)
{
    return (descent_objective){.n = 2, .evaluate = monkey_evaluate,
                               .hessian = monkey_hessian,
                               .name = "monkey saddle",
                               .check = two_dimensional};
}
static double two_wells_evaluate(const double *w, double *g,
                                 void *context)
{
    (void)context;
    if (w == NULL)
        return NAN;
    double z = (w[0] - 2) / 0.1, dip = exp(-0.5 * z * z);
    if (g != NULL)
        g[0] = w[0] + z / 0.1 * dip;
    return 0.5 * w[0] * w[0] - dip;
}

static void two_wells_hessian(const double *w, double *H, void *context)
{
    (void)context;
    if (w == NULL || H == NULL)
        return;
    double z = (w[0] - 2) / 0.1, dip = exp(-0.5 * z * z);
    H[0] = 1 + (1 - z * z) / 0.01 * dip;
}

descent_objective descent_two_wells_objective(void)
{
    return (descent_objective){.n = 1, .evaluate = two_wells_evaluate,
                               .hessian = two_wells_hessian,
                               .name = "two wells",
                               .check = one_dimensional};
}
