/* network.c: generated from chapters/06-backprop.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "network.h"

descent_status descent_network_init(descent_network *net, size_t layers,
                                    const size_t *sizes,
                                    descent_activation hidden,
                                    descent_activation output,
                                    descent_error *error)
{
    if (net == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: description net is NULL");
    *net = (descent_network){0};
    if (sizes == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: sizes is NULL");
    if (layers == 0 || layers > DESCENT_MAX_LAYERS)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: layers = %zu; need 1 to %d", layers,
                            DESCENT_MAX_LAYERS);
    if ((unsigned)hidden > DESCENT_IDENTITY)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: hidden activation = %d is unknown",
                            (int)hidden);
    if ((unsigned)output > DESCENT_IDENTITY)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: output activation = %d is unknown",
                            (int)output);
    size_t parameters = 0;
    for (size_t l = 0; l <= layers; l++) {
        size_t weights;
        if (sizes[l] == 0 || sizes[l] > (size_t)INT_MAX)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "network: sizes[%zu] = %zu must lie in 1 to "
                                "%d", l, sizes[l], INT_MAX);
        if (l == 0)
            continue;
        if (!descent_product_fits(sizes[l], sizes[l - 1] + 1, &weights) ||
            weights > (size_t)INT_MAX - parameters)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "network: the parameters of layers 1 to %zu "
                                "are more than BLAS can index (%d)", l,
                                INT_MAX);
        parameters += weights;
    }
    *net = (descent_network){.layers = layers, .hidden = hidden,
                             .output = output, .parameters = parameters};
    memcpy(net->sizes, sizes, (layers + 1) * sizeof *sizes);
    return descent_succeed(error);
}
static size_t layer_offset(const descent_network *net, size_t l)
{
    size_t offset = 0;
    for (size_t k = 1; k < l; k++)
        offset += net->sizes[k] * (net->sizes[k - 1] + 1);
    return offset;
}

static size_t widest(const descent_network *net)
{
    size_t width = 0;
    for (size_t l = 0; l <= net->layers; l++)
        width = width > net->sizes[l] ? width : net->sizes[l];
    return width;
}
static descent_status check_data_shape(const descent_dataset *data,
                                       const char *owner,
                                       descent_error *error)
{
    size_t numbers;
    if (data == NULL || data->x == NULL || data->t == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s is NULL", owner,
                            data == NULL      ? "data"
                            : data->x == NULL ? "data->x"
                                              : "data->t");
    const size_t counts[3] = {data->count, data->inputs, data->outputs};
    const char *const names[3] = {"count", "inputs", "outputs"};
    for (int k = 0; k < 3; k++)
        if (counts[k] == 0 || counts[k] > (size_t)INT_MAX)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: data->%s = %zu must lie in 1 to %d",
                                owner, names[k], counts[k], INT_MAX);
    if (!descent_product_fits(data->count, data->inputs + data->outputs,
                              &numbers) ||
        !descent_product_fits(numbers, sizeof(double), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: data->count = %zu examples of %zu "
                            "numbers are more than size_t can count",
                            owner, data->count,
                            data->inputs + data->outputs);
    return descent_succeed(error);
}
static descent_status check_data_values(const descent_dataset *data,
                                        const char *owner,
                                        descent_error *error)
{
    size_t i;
    if (!descent_all_finite(data->count * data->inputs, data->x, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: data->x[%zu] = %g, input %zu of example "
                            "%zu", owner, i, data->x[i], i % data->inputs,
                            i / data->inputs);
    if (!descent_all_finite(data->count * data->outputs, data->t, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: data->t[%zu] = %g, target %zu of example "
                            "%zu", owner, i, data->t[i], i % data->outputs,
                            i / data->outputs);
    return descent_succeed(error);
}
static descent_status check_targets(const descent_network *net,
                                    const descent_dataset *data,
                                    descent_divergence divergence,
                                    descent_error *error)
{
    for (size_t i = 0; i < data->count * data->outputs; i++) {
        double t = data->t[i];
        if (divergence == DESCENT_CROSS_ENTROPY && t != 0 && t != 1)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "network problem: cross-entropy needs "
                                "targets 0 or 1; data->t[%zu] = %g", i, t);
        if (net->output == DESCENT_LOGISTIC && (t < 0 || t > 1))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "network problem: a logistic output needs "
                                "targets in [0, 1]; data->t[%zu] = %g",
                                i, t);
    }
    return descent_succeed(error);
}
descent_status descent_network_problem_init(descent_network_problem *p,
                                            const descent_network *net,
                                            const descent_dataset *data,
                                            descent_divergence divergence,
                                            descent_error *error)
{
    const char *owner = "network problem";
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: p is NULL");
    *p = (descent_network_problem){0};
    if (net == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: net is NULL");
    if (net->layers == 0 || net->layers > DESCENT_MAX_LAYERS ||
        net->parameters == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: net has layers = %zu; it was "
                            "never described", net->layers);
    descent_status status = check_data_shape(data, owner, error);
    if (status)
        return status;
    if (data->inputs != net->sizes[0] ||
        data->outputs != net->sizes[net->layers])
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: data has inputs = %zu and "
                            "outputs = %zu; the network takes %zu and gives "
                            "%zu", data->inputs, data->outputs, net->sizes[0],
                            net->sizes[net->layers]);
    if ((unsigned)divergence > DESCENT_CROSS_ENTROPY)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: divergence = %d is unknown",
                            (int)divergence);
    if (divergence == DESCENT_CROSS_ENTROPY && net->output != DESCENT_LOGISTIC)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: cross-entropy needs a logistic "
                            "output, not output activation = %d",
                            (int)net->output);
    size_t cells = 2 * widest(net), numbers;
    for (size_t l = 1; l <= net->layers; l++)
        cells += 2 * net->sizes[l];
    if (!descent_product_fits(cells, data->count, &numbers) ||
        !descent_product_fits(numbers, sizeof *p->work, NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: data->count = %zu examples of "
                            "%zu numbers each are more than size_t can count",
                            data->count, cells);
    if ((status = check_data_values(data, owner, error)) ||
        (status = check_targets(net, data, divergence, error)))
        return status;
    p->work = malloc(numbers * sizeof *p->work);
    if (p->work == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "network problem: cannot allocate %zu numbers",
                            numbers);
    p->net = net;
    p->data = data;
    p->divergence = divergence;
    return descent_succeed(error);
}
void descent_network_problem_free(descent_network_problem *p)
{
    if (p != NULL) {
        free(p->work);
        *p = (descent_network_problem){0};
    }
}

static double *layer_z(const descent_network_problem *p, size_t l)
{
    size_t offset = 0;
    for (size_t k = 1; k < l; k++)
        offset += 2 * p->net->sizes[k];
    return p->work + offset * p->data->count;
}

static double *layer_a(const descent_network_problem *p, size_t l)
{
    return layer_z(p, l) + p->net->sizes[l] * p->data->count;
}
static double activate(descent_activation f, double z)
{
    switch (f) {
    case DESCENT_LOGISTIC:
        return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z));
    case DESCENT_RELU:
        return isnan(z) || z > 0 ? z : 0;
    default:
        return z;
    }
}

static double slope(descent_activation f, double z, double a)
{
    switch (f) {
    case DESCENT_LOGISTIC:
        return a * (1 - a);
    case DESCENT_RELU:
        return isnan(z) ? z : z > 0 ? 1 : 0;
    default:
        return 1;
    }
}
static void forward(descent_network_problem *p, const double *theta)
{
    const descent_network *net = p->net;
    int m = (int)p->data->count;
    for (size_t l = 1; l <= net->layers; l++) {
        int out = (int)net->sizes[l], in = (int)net->sizes[l - 1];
        const double *W = theta + layer_offset(net, l), *b = W + out * in;
        double *Z = layer_z(p, l), *A = layer_a(p, l);
        for (int r = 0; r < out; r++)
            for (int i = 0; i < m; i++)
                Z[(size_t)r * m + i] = b[r];
        if (l == 1)
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, out, m, in,
                        1.0, W, in, p->data->x, in, 1.0, Z, m);
        else
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, out, m,
                        in, 1.0, W, in, layer_a(p, l - 1), m, 1.0, Z, m);
        descent_activation f = l == net->layers ? net->output : net->hidden;
        for (size_t j = 0; j < (size_t)out * m; j++)
            A[j] = activate(f, Z[j]);
    }
}

descent_status descent_network_outputs(descent_network_problem *p,
                                       const double *theta,
                                       double *outputs,
                                       descent_error *error)
{
    size_t i;
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network outputs: problem p is NULL");
    if (p->work == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network outputs: problem p has no workspace "
                            "(used after descent_network_problem_free, or "
                            "never made)");
    if (theta == NULL || outputs == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network outputs: %s is NULL",
                            theta == NULL ? "theta" : "outputs");
    if (!descent_all_finite(p->net->parameters, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "network outputs: theta[%zu] = %g", i,
                            theta[i]);
    forward(p, theta);
    size_t m = p->data->count, out = p->net->sizes[p->net->layers];
    const double *A = layer_a(p, p->net->layers);
    for (i = 0; i < m; i++)
        for (size_t r = 0; r < out; r++)
            outputs[i * out + r] = A[r * m + i];
    if (!descent_all_finite(m * out, outputs, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "network outputs: output %zu of example %zu "
                            "overflowed to %g", i % out, i / out,
                            outputs[i]);
    return descent_succeed(error);
}
static double divergence_and_delta(descent_network_problem *p,
                                   double *delta)
{
    const descent_network *net = p->net;
    size_t m = p->data->count, out = net->sizes[net->layers];
    const double *Z = layer_z(p, net->layers), *A = layer_a(p, net->layers);
    double value = 0;
    for (size_t r = 0; r < out; r++)
        for (size_t i = 0; i < m; i++) {
            size_t j = r * m + i;
            double t = p->data->t[i * out + r], a = A[j], z = Z[j];
            if (p->divergence == DESCENT_CROSS_ENTROPY) {
                value += log1p(exp(-fabs(z))) + fmax(z, 0) - t * z;
                delta[j] = a - t;
            } else {
                value += 0.5 * (a - t) * (a - t);
                delta[j] = (a - t) * slope(net->output, z, a);
            }
        }
    return value;
}
static double network_evaluate(const double *theta, double *g,
                               void *context)
{
    descent_network_problem *p = context;
    if (p == NULL || p->work == NULL || theta == NULL ||
        !descent_all_finite(p->net->parameters, theta, NULL))
        return NAN;
    const descent_network *net = p->net;
    int m = (int)p->data->count;
    double *delta = layer_z(p, net->layers + 1);
    double *back = delta + widest(net) * p->data->count;
    forward(p, theta);
    double value = divergence_and_delta(p, delta);
    if (g == NULL)
        return value;
    for (size_t l = net->layers; l >= 1; l--) {
        int out = (int)net->sizes[l], in = (int)net->sizes[l - 1];
        const double *W = theta + layer_offset(net, l);
        double *gW = g + layer_offset(net, l), *gb = gW + out * in;
        if (l == 1)
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, out, in, m, 1.0,
                        delta, m, p->data->x, in, 0.0, gW, in);
        else
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, out, in, m, 1.0,
                        delta, m, layer_a(p, l - 1), m, 0.0, gW, in);
        for (int r = 0; r < out; r++) {
            gb[r] = 0;
            for (int i = 0; i < m; i++)
                gb[r] += delta[(size_t)r * m + i];
        }
        if (l > 1) {
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, in, m, out, 1.0,
                        W, in, delta, m, 0.0, back, m);
            const double *Z = layer_z(p, l - 1), *A = layer_a(p, l - 1);
            for (size_t j = 0; j < (size_t)in * m; j++)
                delta[j] = back[j] * slope(net->hidden, Z[j], A[j]);
        }
    }
    return value;
}
static descent_status network_check(const descent_objective *f,
                                    descent_error *error)
{
    const descent_network_problem *p = f->context;
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network objective: the problem is NULL");
    if (p->work == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network objective: the problem has no "
                            "workspace (used after "
                            "descent_network_problem_free, or never made)");
    if (f->n != p->net->parameters)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network objective has n = %zu, its network "
                            "%zu parameters", f->n, p->net->parameters);
    return descent_succeed(error);
}

descent_objective descent_network_objective(descent_network_problem *p)
{
    return (descent_objective){
        .n = p != NULL && p->work != NULL ? p->net->parameters : 0,
        .evaluate = network_evaluate, .context = p, .name = "network",
        .check = network_check};
}
static descent_status check_perceptron(const descent_dataset *data,
                                       const double *w, size_t max_updates,
                                       descent_error *error)
{
    size_t i;
    if (w == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "perceptron: weights w is NULL");
    descent_status status = check_data_shape(data, "perceptron", error);
    if (status)
        return status;
    if (data->outputs != 1)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "perceptron: needs data->outputs = 1, not %zu",
                            data->outputs);
    if (max_updates == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "perceptron: max_updates = 0; the limit must "
                            "be at least 1");
    if ((status = check_data_values(data, "perceptron", error)))
        return status;
    for (i = 0; i < data->count; i++)
        if (data->t[i] != 0 && data->t[i] != 1)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "perceptron: labels must be 0 or 1; "
                                "data->t[%zu] = %g", i, data->t[i]);
    if (!descent_all_finite(data->inputs + 1, w, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "perceptron: w[%zu] = %g", i, w[i]);
    return descent_succeed(error);
}
descent_status descent_perceptron(const descent_dataset *data, double *w,
                                  size_t max_updates, size_t *updates,
                                  descent_error *error)
{
    size_t count = 0;
    descent_status checked = check_perceptron(data, w, max_updates, error);
    if (checked)
        return checked;
    int n = (int)data->inputs;
    descent_status status = DESCENT_OK;
    for (bool mistakes = true; mistakes && !status;) {
        mistakes = false;
        for (size_t i = 0; i < data->count && !status; i++) {
            const double *x = data->x + i * data->inputs;
            double y = 2 * data->t[i] - 1;
            double score = cblas_ddot(n, w, 1, x, 1) + w[n];
            if (!isfinite(score)) {
                status = descent_fail(error, DESCENT_NONFINITE,
                                      "perceptron: the score of example %zu is %g "
                                      "after %zu updates; data or weights too large",
                                      i, score, count);
                break;
            }
            if (y * score > 0)
                continue;
            mistakes = true;
            if (count == max_updates) {
                status = descent_fail(error, DESCENT_MAX_ITERATIONS,
                                      "perceptron: not separated after %zu "
                                      "updates; is the data separable?",
                                      count);
                break;
            }
            cblas_daxpy(n, y, x, 1, w, 1);
            w[n] += y;
            count++;
        }
    }
    if (updates != NULL)
        *updates = count;
    return status ? status : descent_succeed(error);
}
static descent_status check_point(size_t n, const double *theta,
                                  descent_error *error)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(theta[i]))
            return descent_fail(error, DESCENT_NONFINITE,
                                "gradient check: theta[%zu] = %g", i,
                                theta[i]);
        if (fabs(theta[i]) > DBL_MAX / 2)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "gradient check: theta[%zu] = %g is too "
                                "large to move by h", i, theta[i]);
    }
    return descent_succeed(error);
}
static descent_status compare(descent_objective *f, const double *theta,
                              double *g, double *x, double *worst,
                              size_t *where, double *relative,
                              descent_error *error)
{
    size_t n = f->n;
    const char *name = descent_objective_name(f);
    double value = descent_value_gradient(f, theta, g);
    size_t bad;
    if (!isfinite(value))
        return descent_fail(error, DESCENT_NONFINITE,
                            "gradient check: objective %s gave E = %g at "
                            "theta", name, value);
    if (!descent_all_finite(n, g, &bad))
        return descent_fail(error, DESCENT_NONFINITE,
                            "gradient check: objective %s gave g[%zu] = %g at "
                            "theta", name, bad, g[bad]);
    double smallest = 1e-4 * fmax(1, fabs(value));
    memcpy(x, theta, n * sizeof *x);
    *worst = 0;
    for (size_t i = 0; i < n; i++) {
        double h = cbrt(DBL_EPSILON) * fmax(1, fabs(theta[i]));
        double up = theta[i] + h, down = theta[i] - h;
        x[i] = up;
        double e_up = descent_value(f, x);
        x[i] = down;
        double e_down = descent_value(f, x);
        x[i] = theta[i];
        double estimate = (e_up - e_down) / (up - down);
        if (!isfinite(e_up) || !isfinite(e_down) || !isfinite(estimate))
            return descent_fail(error, DESCENT_NONFINITE,
                                "gradient check: objective %s gave E = %g at "
                                "theta + h e_%zu and %g at theta - h e_%zu", name,
                                e_up, i, e_down, i);
        double r = fabs(g[i] - estimate) /
                   fmax(fmax(fabs(g[i]), fabs(estimate)), smallest);
        if (relative != NULL)
            relative[i] = r;
        if (i == 0 || r > *worst) {
            *worst = r;
            if (where != NULL)
                *where = i;
        }
    }
    if (!isfinite(*worst))
        return descent_fail(error, DESCENT_NONFINITE,
                            "gradient check: a relative error overflowed");
    return descent_succeed(error);
}
descent_status descent_gradient_check(descent_objective *f,
                                      const double *theta,
                                      double *worst, size_t *where,
                                      double *relative,
                                      descent_error *error)
{
    descent_status status = descent_objective_check(f, error);
    if (status)
        return status;
    if (theta == NULL || worst == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gradient check: %s is NULL",
                            theta == NULL ? "theta" : "worst");
    *worst = NAN;
    size_t n = f->n;
    if ((status = descent_check_size(n, 2, 0, "gradient check", error)) ||
        (status = check_point(n, theta, error)))
        return status;
    double *g = malloc(2 * n * sizeof *g);
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "gradient check: cannot allocate 2 n, n = %zu",
                            n);
    status = compare(f, theta, g, g + n, worst, where, relative, error);
    if (status)
        *worst = NAN;
    free(g);
    return status;
}
