/* init.c: generated from chapters/09-batchnorm.nw; do not edit. */
#include <cblas.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "init.h"
#include "internal.h"

static double gain_squared(descent_layer_kind activation)
{
    return activation == DESCENT_LAYER_RELU ? 2 : 1;
}
typedef enum { LAW_FIXED, LAW_FLAT, LAW_BELL } law_shape;

typedef struct law {
    law_shape shape;
    double spread;    /* the constant, the half-width, or sigma */
} law;

static void laws(const descent_init *init, size_t fan_in, size_t fan_out,
                 descent_layer_kind next, law *weight, law *bias)
{
    double g2 = isnan(init->gain) ? gain_squared(next)
                                  : init->gain * init->gain;
    double in = (double)fan_in, sum = (double)fan_in + (double)fan_out;
    *bias = (law){LAW_FIXED, 0};
    switch (init->kind) {
    case DESCENT_INIT_HE_NORMAL:
        *weight = (law){LAW_BELL, sqrt(g2 / in)};
        break;
    case DESCENT_INIT_HE_UNIFORM:
        *weight = (law){LAW_FLAT, sqrt(3 * g2 / in)};
        break;
    case DESCENT_INIT_GLOROT_NORMAL:
        *weight = (law){LAW_BELL, sqrt(2 * g2 / sum)};
        break;
    case DESCENT_INIT_GLOROT_UNIFORM:
        *weight = (law){LAW_FLAT, sqrt(6 * g2 / sum)};
        break;
    case DESCENT_INIT_PYTORCH:
        *weight = *bias = (law){LAW_FLAT, 1 / sqrt(in)};
        break;
    case DESCENT_INIT_NORMAL:
        *weight = (law){LAW_BELL, init->scale};
        break;
    case DESCENT_INIT_UNIFORM:
        *weight = (law){LAW_FLAT, init->scale};
        break;
    case DESCENT_INIT_CONSTANT:
        *weight = (law){LAW_FIXED, init->scale};
        break;
    default:
        *weight = (law){LAW_FIXED, 0};
    }
}

static double draw(const law *l, descent_random *r)
{
    switch (l->shape) {
    case LAW_FLAT:
        return l->spread * (2 * descent_random_uniform(r) - 1);
    case LAW_BELL:
        return l->spread * descent_random_gaussian(r);
    default:
        return l->spread;
    }
}

static double variance(const law *l)
{
    return l->shape == LAW_FLAT   ? l->spread * l->spread / 3
           : l->shape == LAW_BELL ? l->spread * l->spread
                                  : 0;
}
static const char *const init_names[] = {
    "HE_NORMAL", "HE_UNIFORM", "GLOROT_NORMAL", "GLOROT_UNIFORM",
    "PYTORCH", "NORMAL", "UNIFORM", "CONSTANT", "ZEROS"};

static descent_status check_init(const descent_init *init,
                                 const char *owner, descent_error *error)
{
    if (init == NULL)
        return descent_succeed(error);
    int kind = (int)init->kind;
    if (kind < 0 || kind > (int)DESCENT_INIT_ZEROS)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: init->kind = %d is not an initializer",
                            owner, kind);
    bool glorot_or_he = kind <= (int)DESCENT_INIT_GLOROT_UNIFORM;
    if (glorot_or_he && !isnan(init->gain) &&
        !(init->gain > 0 && isfinite(init->gain)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: init->gain = %g must be positive and "
                            "finite (NAN: the activation's gain)", owner,
                            init->gain);
    bool spread = kind == DESCENT_INIT_NORMAL || kind == DESCENT_INIT_UNIFORM;
    if (spread && !(init->scale > 0 && isfinite(init->scale)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: init->scale = %g must be positive and "
                            "finite for %s", owner, init->scale,
                            init_names[kind]);
    if (kind == DESCENT_INIT_CONSTANT && !isfinite(init->scale))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: init->scale = %g must be finite for "
                            "CONSTANT", owner, init->scale);
    return descent_succeed(error);
}

static descent_status check_kind(descent_layer_kind kind, const char *name,
                                 const char *owner, descent_error *error)
{
    if ((int)kind < 0 || (int)kind > (int)DESCENT_LAYER_BATCHNORM)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s = %d is not a layer kind", owner, name,
                            (int)kind);
    return descent_succeed(error);
}
static descent_status check_layer(const descent_init *init, size_t fan_in,
                                  size_t fan_out, descent_layer_kind next,
                                  descent_random *r, bool has_w,
                                  size_t *weights, descent_error *error)
{
    const char *owner = "init layer";
    descent_status status = check_init(init, owner, error);
    if (status || (status = check_kind(next, "next", owner, error)))
        return status;
    if (fan_in == 0 || fan_out == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: fan_in = %zu and fan_out = %zu must be "
                            "positive", owner, fan_in, fan_out);
    if (!descent_product_fits(fan_in, fan_out, weights))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: fan_in = %zu times fan_out = %zu "
                            "overflows size_t", owner, fan_in, fan_out);
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: generator r is NULL", owner);
    if (!has_w)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: weights w is NULL", owner);
    return descent_succeed(error);
}

#define real float
#define FN(name) name##_f
descent_status FN(descent_init_layer)(const descent_init *init,
                                      size_t fan_in, size_t fan_out,
                                      descent_layer_kind next,
                                      descent_random *r, real *w, real *b,
                                      descent_error *error)
{
    size_t weights;
    descent_status status = check_layer(init, fan_in, fan_out, next, r,
                                        w != NULL, &weights, error);
    if (status)
        return status;
    const descent_init fallback = DESCENT_INIT_DEFAULT;
    if (init == NULL)
        init = &fallback;
    law weight, bias;
    laws(init, fan_in, fan_out, next, &weight, &bias);
    for (size_t j = 0; j < weights; j++)
        w[j] = (real)draw(&weight, r);
    for (size_t j = 0; b != NULL && j < fan_out; j++)
        b[j] = (real)draw(&bias, r);
    return descent_succeed(error);
}
#undef real
#undef FN
#define real double
#define FN(name) name
descent_status FN(descent_init_layer)(const descent_init *init,
                                      size_t fan_in, size_t fan_out,
                                      descent_layer_kind next,
                                      descent_random *r, real *w, real *b,
                                      descent_error *error)
{
    size_t weights;
    descent_status status = check_layer(init, fan_in, fan_out, next, r,
                                        w != NULL, &weights, error);
    if (status)
        return status;
    const descent_init fallback = DESCENT_INIT_DEFAULT;
    if (init == NULL)
        init = &fallback;
    law weight, bias;
    laws(init, fan_in, fan_out, next, &weight, &bias);
    for (size_t j = 0; j < weights; j++)
        w[j] = (real)draw(&weight, r);
    for (size_t j = 0; b != NULL && j < fan_out; j++)
        b[j] = (real)draw(&bias, r);
    return descent_succeed(error);
}
#undef real
#undef FN

descent_status descent_init_gain(descent_layer_kind activation,
                                 double *gain, descent_error *error)
{
    descent_status status = check_kind(activation, "activation",
                                       "init gain", error);
    if (status)
        return status;
    if (gain == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "init gain: gain is NULL");
    *gain = sqrt(gain_squared(activation));
    return descent_succeed(error);
}
static double activate(descent_layer_kind f, double z)
{
    return f == DESCENT_LAYER_RELU ? (z > 0 ? z : 0)
           : f == DESCENT_LAYER_TANH ? tanh(z)
                                     : 1 / (1 + exp(-z));
}

static double slope(descent_layer_kind f, double z)
{
    if (f == DESCENT_LAYER_RELU)
        return z > 0;
    double a = activate(f, z);
    return f == DESCENT_LAYER_TANH ? 1 - a * a : a * (1 - a);
}
static descent_status check_signal(const descent_init *init,
                                   descent_layer_kind activation,
                                   size_t depth, size_t width,
                                   const double *forward,
                                   const double *backward,
                                   const char *owner, descent_error *error)
{
    descent_status status = check_init(init, owner, error);
    if (status)
        return status;
    if (activation != DESCENT_LAYER_RELU &&
        activation != DESCENT_LAYER_TANH &&
        activation != DESCENT_LAYER_LOGISTIC)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: activation = %d; it must be "
                            "DESCENT_LAYER_RELU, _TANH or _LOGISTIC",
                            owner, (int)activation);
    if (depth == 0 || width == 0 || width > (size_t)INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: depth = %zu and width = %zu must be "
                            "positive (width at most %d)", owner, depth,
                            width, INT_MAX);
    if (forward == NULL || backward == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is "
                            "NULL", owner,
                            forward == NULL ? "forward" : "backward");
    return descent_succeed(error);
}

static descent_status check_profile(const descent_init *init,
                                    descent_layer_kind activation,
                                    size_t depth, size_t width,
                                    size_t batch, descent_random *r,
                                    const double *forward,
                                    const double *backward, size_t *square,
                                    size_t *cells, descent_error *error)
{
    const char *owner = "init profile";
    descent_status status = check_signal(init, activation, depth, width,
                                         forward, backward, owner, error);
    if (status)
        return status;
    if (batch == 0 || batch > (size_t)INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: batch = %zu must lie in 1 to %d", owner,
                            batch, INT_MAX);
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: generator r is NULL", owner);
    size_t most = SIZE_MAX / sizeof(double) / 2;
    if (!descent_product_fits(width, width, square) ||
        !descent_product_fits(width, batch, cells) ||
        !descent_product_fits(depth, *square + *cells, NULL) ||
        depth * (*square + *cells) > most)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: depth = %zu, width = %zu and batch = %zu "
                            "need more memory than size_t can count",
                            owner, depth, width, batch);
    return descent_succeed(error);
}

static descent_status check_predict(const descent_init *init,
                                    descent_layer_kind activation,
                                    size_t depth, size_t width,
                                    const double *forward,
                                    const double *backward,
                                    descent_error *error)
{
    const char *owner = "init predict";
    descent_status status = check_signal(init, activation, depth, width,
                                         forward, backward, owner, error);
    if (status)
        return status;
    if (init != NULL && init->kind >= DESCENT_INIT_CONSTANT)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: init->kind = %s draws nothing; the "
                            "recursion needs random weights", owner,
                            init_names[init->kind]);
    return descent_succeed(error);
}
descent_status descent_init_profile(const descent_init *init,
                                    descent_layer_kind activation,
                                    size_t depth, size_t width,
                                    size_t batch, descent_random *r,
                                    double *forward, double *backward,
                                    descent_error *error)
{
    size_t square, cells;
    descent_status status = check_profile(init, activation, depth, width,
                                          batch, r, forward, backward,
                                          &square, &cells, error);
    if (status)
        return status;
    size_t n = width, m = batch;
    double *W = malloc(depth * square * sizeof *W),
           *Z = malloc(depth * cells * sizeof *Z),
           *A = malloc(2 * cells * sizeof *A), *b = malloc(n * sizeof *b);
    if (W == NULL || Z == NULL || A == NULL || b == NULL) {
        free(W), free(Z), free(A), free(b);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "init profile: "
                            "no memory for %zu layers of %zu x %zu",
                            depth, width, batch);
    }
    for (size_t j = 0; j < cells; j++)
        A[j] = descent_random_gaussian(r);
    for (size_t l = 0; l < depth; l++) {
        double *Wl = W + l * square, *Zl = Z + l * cells, sum = 0;
        descent_init_layer(init, n, n, activation, r, Wl, b, NULL);
        for (size_t i = 0; i < m; i++)
            memcpy(Zl + i * n, b, n * sizeof *b);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)m, (int)n,
                    (int)n, 1.0, A, (int)n, Wl, (int)n, 1.0, Zl, (int)n);
        for (size_t j = 0; j < cells; j++) {
            sum += Zl[j] * Zl[j];
            A[j] = activate(activation, Zl[j]);
        }
        forward[l] = sum / (double)cells;
    }
    double *delta = A, *below = A + cells;
    for (size_t l = depth; l-- > 0;) {
        const double *Zl = Z + l * cells;
        double sum = 0;
        if (l + 1 == depth)
            for (size_t j = 0; j < cells; j++)
                delta[j] = descent_random_gaussian(r);
        else {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)m,
                        (int)n, (int)n, 1.0, delta, (int)n, W + (l + 1) * square,
                        (int)n, 0.0, below, (int)n);
            double *t = delta;
            delta = below, below = t;
        }
        for (size_t j = 0; j < cells; j++) {
            delta[j] *= slope(activation, Zl[j]);
            sum += delta[j] * delta[j];
        }
        backward[l] = sum / (double)cells;
    }
    free(W), free(Z), free(A), free(b);
    return descent_succeed(error);
}
enum { NODES = 96 };

/* Gauss-Hermite: E[f(xi)], xi standard normal, is sum w[k] f(x[k]). */
static descent_status hermite(double *x, double *w, descent_error *error)
{
    double off[NODES - 1], vectors[NODES * NODES];
    for (int k = 0; k < NODES; k++)
        x[k] = 0;
    for (int k = 1; k < NODES; k++)
        off[k - 1] = sqrt((double)k);
    if (LAPACKE_dstev(LAPACK_COL_MAJOR, 'V', NODES, x, off, vectors,
                      NODES) != 0)
        return descent_fail(error, DESCENT_LAPACK_FAILED, "init predict: "
                            "the Hermite nodes did not converge");
    for (int k = 0; k < NODES; k++)
        w[k] = vectors[k * NODES] * vectors[k * NODES];
    return descent_succeed(error);
}

/* E[phi(sqrt(q) xi)^2] and E[phi'(sqrt(q) xi)^2]. */
static void moments(descent_layer_kind f, double q, const double *x,
                    const double *w, double *value, double *derivative)
{
    if (f == DESCENT_LAYER_RELU) {
        *value = q / 2, *derivative = 0.5;
        return;
    }
    *value = *derivative = 0;
    for (int k = 0; k < NODES; k++) {
        double z = sqrt(q) * x[k], s = slope(f, z), a = activate(f, z);
        *value += w[k] * a * a;
        *derivative += w[k] * s * s;
    }
}
descent_status descent_init_predict(const descent_init *init,
                                    descent_layer_kind activation,
                                    size_t depth, size_t width,
                                    double *forward, double *backward,
                                    descent_error *error)
{
    descent_status status = check_predict(init, activation, depth, width,
                                          forward, backward, error);
    if (status)
        return status;
    const descent_init fallback = DESCENT_INIT_DEFAULT;
    law weight, bias;
    double x[NODES], w[NODES], a2 = 1, above = 0;
    laws(init != NULL ? init : &fallback, width, width, activation,
         &weight, &bias);
    if ((status = hermite(x, w, error)))
        return status;
    double sw = (double)width * variance(&weight), sb = variance(&bias);
    for (size_t l = 0; l < depth; l++) {
        forward[l] = sw * a2 + sb;
        moments(activation, forward[l], x, w, &a2, &backward[l]);
    }
    for (size_t l = depth; l-- > 0;) {
        if (l + 1 < depth)
            backward[l] *= sw * above;
        above = backward[l];
    }
    return descent_succeed(error);
}
static descent_status check_multistart(descent_start_fn *start, size_t k,
                                       descent_multistart_result *result,
                                       descent_error *error)
{
    if (start == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "multistart: start is NULL");
    if (k == 0 || k > SIZE_MAX / sizeof(double))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "multistart: k = %zu starts; need at least 1",
                            k);
    if (result == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "multistart: result is NULL");
    return descent_succeed(error);
}
static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

descent_status descent_multistart(descent_start_fn *start, void *context,
                                  uint64_t seed, size_t k, double *values,
                                  descent_multistart_result *result,
                                  descent_error *error)
{
    descent_status status = check_multistart(start, k, result, error);
    if (status)
        return status;
    double *sorted = malloc(k * sizeof *sorted);
    if (sorted == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "multistart: "
                            "no memory for k = %zu values", k);
    *result = (descent_multistart_result){k, 0, seed, NAN, NAN, NAN, NAN, 0};
    size_t finite = 0;
    double sum = 0;
    for (size_t i = 0; i < k; i++) {
        double value = NAN;
        if ((status = start(context, seed + i, &value, error))) {
            free(sorted);
            return status;
        }
        if (values != NULL)
            values[i] = value;
        if (!isfinite(value)) {
            result->failed++;
            continue;
        }
        if (finite == 0 || value < result->best_value)
            result->best = i, result->best_seed = seed + i,
            result->best_value = value;
        sorted[finite++] = value;
        sum += value;
    }
    if (finite > 0) {
        qsort(sorted, finite, sizeof *sorted, by_value);
        result->worst_value = sorted[finite - 1];
        result->median = finite % 2 ? sorted[finite / 2]
                                    : (sorted[finite / 2 - 1] +
                                       sorted[finite / 2]) / 2;
        result->mean = sum / (double)finite;
    }
    free(sorted);
    return descent_succeed(error);
}
