/* network.c: generated from chapters/06-backprop.nw; do not edit. */
#include <cblas.h>
#include <float.h>
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
    if (net == NULL || sizes == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: description or sizes is NULL");
    if (layers == 0 || layers > DESCENT_MAX_LAYERS)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: %zu layers; need 1 to %d", layers,
                            DESCENT_MAX_LAYERS);
    if ((unsigned)hidden > DESCENT_IDENTITY ||
        (unsigned)output > DESCENT_IDENTITY)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network: unknown activation");
    *net = (descent_network){.layers = layers, .hidden = hidden,
                             .output = output};
    for (size_t l = 0; l <= layers; l++) {
        if (sizes[l] == 0)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "network: layer %zu has size 0", l);
        net->sizes[l] = sizes[l];
        if (l > 0)
            net->parameters += sizes[l] * (sizes[l - 1] + 1);
    }
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
static descent_status check_targets(const descent_network *net,
                                    const descent_dataset *data,
                                    descent_divergence divergence,
                                    descent_error *error)
{
    size_t i;
    size_t n = data->count * data->outputs;
    if (!descent_all_finite(data->count * data->inputs, data->x, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "data: input %zu of example %zu is %g",
                            i % data->inputs, i / data->inputs, data->x[i]);
    if (!descent_all_finite(n, data->t, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "data: target of example %zu is %g",
                            i / data->outputs, data->t[i]);
    for (i = 0; i < n; i++) {
        double t = data->t[i];
        if (divergence == DESCENT_CROSS_ENTROPY && t != 0 && t != 1)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "data: cross-entropy needs targets 0 or "
                                "1; example %zu has %g",
                                i / data->outputs, t);
        if (net->output == DESCENT_LOGISTIC && (t < 0 || t > 1))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "data: a logistic output needs targets "
                                "in [0, 1]; example %zu has %g",
                                i / data->outputs, t);
    }
    return descent_succeed(error);
}
descent_status descent_network_problem_init(descent_network_problem *p,
                                            const descent_network *net,
                                            const descent_dataset *data,
                                            descent_divergence divergence,
                                            descent_error *error)
{
    if (p == NULL || net == NULL || data == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network problem: a NULL argument");
    if (data->count == 0 || data->x == NULL || data->t == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "data: empty training set");
    if (data->inputs != net->sizes[0] ||
        data->outputs != net->sizes[net->layers])
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "data has %zu inputs and %zu outputs; the "
                            "network takes %zu and gives %zu",
                            data->inputs, data->outputs, net->sizes[0],
                            net->sizes[net->layers]);
    if (divergence == DESCENT_CROSS_ENTROPY &&
        net->output != DESCENT_LOGISTIC)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "cross-entropy needs a logistic output");
    descent_status status = check_targets(net, data, divergence, error);
    if (status)
        return status;
    size_t cells = 2 * widest(net);
    for (size_t l = 1; l <= net->layers; l++)
        cells += 2 * net->sizes[l];
    *p = (descent_network_problem){.net = net, .data = data,
                                   .divergence = divergence};
    p->work = malloc(cells * data->count * sizeof *p->work);
    if (p->work == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "network problem: %zu numbers", cells * data->count);
    return descent_succeed(error);
}
void descent_network_problem_free(descent_network_problem *p)
{
    if (p != NULL) {
        free(p->work);
        p->work = NULL;
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
        return z > 0 ? z : 0;
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
        return z > 0 ? 1 : 0;
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
                Z[r * m + i] = b[r];
        if (l == 1)
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, out, m, in,
                        1.0, W, in, p->data->x, in, 1.0, Z, m);
        else
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, out, m,
                        in, 1.0, W, in, layer_a(p, l - 1), m, 1.0, Z, m);
        descent_activation f = l == net->layers ? net->output : net->hidden;
        for (int j = 0; j < out * m; j++)
            A[j] = activate(f, Z[j]);
    }
}

descent_status descent_network_outputs(descent_network_problem *p,
                                       const double *theta,
                                       double *outputs,
                                       descent_error *error)
{
    if (p == NULL || p->work == NULL || theta == NULL || outputs == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "network outputs: a NULL argument");
    forward(p, theta);
    size_t m = p->data->count, out = p->net->sizes[p->net->layers];
    const double *A = layer_a(p, p->net->layers);
    for (size_t i = 0; i < m; i++)
        for (size_t r = 0; r < out; r++)
            outputs[i * out + r] = A[r * m + i];
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
                gb[r] += delta[r * m + i];
        }
        if (l > 1) {
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, in, m, out, 1.0,
                        W, in, delta, m, 0.0, back, m);
            const double *Z = layer_z(p, l - 1), *A = layer_a(p, l - 1);
            for (int j = 0; j < in * m; j++)
                delta[j] = back[j] * slope(net->hidden, Z[j], A[j]);
        }
    }
    return value;
}
descent_objective descent_network_objective(descent_network_problem *p)
{
    return (descent_objective){
        .n = p != NULL && p->net != NULL ? p->net->parameters : 0,
        .evaluate = network_evaluate, .context = p, .name = "network"};
}
descent_status descent_perceptron(const descent_dataset *data, double *w,
                                  size_t max_updates, size_t *updates,
                                  descent_error *error)
{
    size_t count = 0;
    if (data == NULL || w == NULL || data->count == 0 || data->x == NULL ||
        data->t == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "perceptron: no data, or no weights");
    if (data->outputs != 1)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "perceptron: needs 1 output, not %zu",
                            data->outputs);
    for (size_t i = 0; i < data->count; i++)
        if (data->t[i] != 0 && data->t[i] != 1)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "perceptron: labels must be 0 or 1; "
                                "example %zu has %g", i, data->t[i]);
    int n = (int)data->inputs;
    descent_status status = DESCENT_OK;
    for (bool mistakes = true; mistakes && !status;) {
        mistakes = false;
        for (size_t i = 0; i < data->count && !status; i++) {
            const double *x = data->x + i * data->inputs;
            double y = 2 * data->t[i] - 1;
            if (y * (cblas_ddot(n, w, 1, x, 1) + w[n]) > 0)
                continue;
            mistakes = true;
            if (max_updates > 0 && count == max_updates) {
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
                            "gradient check: theta or worst is NULL");
    size_t n = f->n;
    double *g = malloc(2 * n * sizeof *g);
    if (g == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "gradient check: n = %zu", n);
    double *x = g + n;
    double value = descent_value_gradient(f, theta, g);
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
        double r = fabs(g[i] - estimate) /
                   fmax(fmax(fabs(g[i]), fabs(estimate)), smallest);
        if (relative != NULL)
            relative[i] = r;
        if (!(r <= *worst)) {     /* a NaN becomes the worst, too */
            *worst = r;
            if (where != NULL)
                *where = i;
        }
    }
    if (!isfinite(*worst))
        status = descent_fail(error, DESCENT_NONFINITE,
                              "gradient check: a value or derivative is not "
                              "finite");
    else
        status = descent_succeed(error);
    free(g);
    return status;
}
