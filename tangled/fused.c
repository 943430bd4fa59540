/* fused.c: generated from chapters/10-gpu.nw; do not edit. */
#include <cblas.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batchnorm.h"
#include "gpu.h"
#include "internal-fused.h"
#include "internal.h"
#include "kernels.h"

void descent_fused_dense_forward(size_t m, size_t n, size_t k,
                                 const float *x, const float *w, float *z)
{
    for (size_t i = 0; i < m; i++)
        memcpy(z + i * n, w + n * k, n * sizeof *z);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)m, (int)n,
                (int)k, 1, x, (int)k, w, (int)k, 1, z, (int)n);
}
void descent_fused_bn_relu_forward(size_t m, size_t n,
                                   const float *restrict z,
                                   const float *restrict w,
                                   float *restrict s, bool training,
                                   float *restrict y)
{
    const float *gamma = w, *beta = w + n;
    float *mean = s + 2 * n, *inv = s + 3 * n;
    if (training) {
        for (size_t j = 0; j < n; j++)
            mean[j] = inv[j] = 0;
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++)
                mean[j] += z[i * n + j];
        for (size_t j = 0; j < n; j++)
            mean[j] /= (float)m;
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++) {
                float d = z[i * n + j] - mean[j];
                inv[j] += d * d;
            }
        for (size_t j = 0; j < n; j++) {
            float var = inv[j] / (float)m;
            inv[j] = 1 / sqrtf(var + (float)DESCENT_BATCHNORM_EPS);
            if (isfinite(mean[j]) && isfinite(var)) {
                s[j] += (float)DESCENT_BATCHNORM_MOMENTUM * (mean[j] - s[j]);
                s[n + j] += (float)DESCENT_BATCHNORM_MOMENTUM *
                            (var * (float)m / (float)(m - 1) - s[n + j]);
            }
        }
    } else {
        for (size_t j = 0; j < n; j++) {
            mean[j] = s[j];
            inv[j] = 1 / sqrtf(s[n + j] + (float)DESCENT_BATCHNORM_EPS);
        }
    }
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++)
            y[i * n + j] = descent_k_relu(descent_k_bn_apply(
                z[i * n + j], mean[j], inv[j], gamma[j], beta[j]));
}

void descent_fused_relu_forward(size_t m, size_t n,
                                const float *restrict z, float *restrict y)
{
    for (size_t j = 0; j < m * n; j++)
        y[j] = descent_k_relu(z[j]);
}
double descent_fused_softmax_xent(size_t m, size_t n, const float *z,
                                  const int32_t *labels, float *delta)
{
    double total = 0;
    for (size_t i = 0; i < m; i++) {
        const float *zi = z + i * n;
        float *d = delta + i * n, top = zi[0], sum = 0;
        size_t y = (size_t)labels[i];
        for (size_t r = 1; r < n; r++)
            top = zi[r] > top ? zi[r] : top;
        for (size_t r = 0; r < n; r++)
            sum += d[r] = expf(zi[r] - top);
        total += logf(sum) + top - zi[y];       /* -log p_y */
        for (size_t r = 0; r < n; r++)
            d[r] = d[r] / sum / (float)m;
        d[y] -= 1 / (float)m;
    }
    return total / (double)m;
}
void descent_fused_bn_relu_backward(size_t m, size_t n,
                                    const float *restrict z,
                                    const float *restrict y,
                                    const float *restrict w,
                                    const float *restrict s, bool training,
                                    float *restrict delta,
                                    float *restrict g)
{
    const float *gamma = w, *mean = s + 2 * n, *inv = s + 3 * n;
    float *dgamma = g, *dbeta = g + n;
    for (size_t j = 0; j < n; j++)
        dgamma[j] = dbeta[j] = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            float d = descent_k_relu_back(delta[i * n + j], y[i * n + j]);
            dbeta[j] += d;
            dgamma[j] += d * (z[i * n + j] - mean[j]) * inv[j];
        }
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            float d = descent_k_relu_back(delta[i * n + j], y[i * n + j]);
            delta[i * n + j] =
                training ? descent_k_bn_back(d, z[i * n + j], mean[j], inv[j],
                                             gamma[j], dgamma[j], dbeta[j],
                                             (float)m)
                         : gamma[j] * inv[j] * d;
        }
}

void descent_fused_relu_backward(size_t m, size_t n, const float *y,
                                 float *delta)
{
    for (size_t j = 0; j < m * n; j++)
        delta[j] = descent_k_relu_back(delta[j], y[j]);
}
void descent_fused_dense_backward(size_t m, size_t n, size_t k,
                                  const float *x, const float *w,
                                  const float *restrict delta,
                                  float *restrict g, float *back)
{
    float *gb = g + n * k;
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)n, (int)k,
                (int)m, 1, delta, (int)n, x, (int)k, 0, g, (int)k);
    for (size_t r = 0; r < n; r++)
        gb[r] = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t r = 0; r < n; r++)
            gb[r] += delta[i * n + r];
    if (back != NULL)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)m,
                    (int)k, (int)n, 1, delta, (int)n, w, (int)k, 0, back,
                    (int)k);
}
static size_t next_hidden(const descent_model *model, size_t k)
{
    return model->layer[k + 1].kind == DESCENT_LAYER_BATCHNORM ? k + 3
                                                               : k + 2;
}

static size_t previous_hidden(const descent_model *model, size_t k)
{
    return k >= 3 && model->layer[k - 2].kind == DESCENT_LAYER_BATCHNORM
               ? k - 3 : k - 2;
}
descent_status descent_fused_check(const descent_model *model,
                                   descent_error *error)
{
    const char *owner = "fused check";
    if (model == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: model is NULL", owner);
    if (model->work == NULL || model->theta == NULL || model->count == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: model has no storage (used after "
                            "descent_model_free, or never made)", owner);
    if (model->hooks != NULL)           /* Chapter 11's processes */
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: model has hooks (the fused step runs one "
                            "process)", owner);
    size_t L = model->count, k = 0;
    while (k + 2 < L) {
        const descent_layer *l = model->layer;
        bool bn = l[k + 1].kind == DESCENT_LAYER_BATCHNORM;
        size_t r = bn ? k + 2 : k + 1;
        if (l[k].kind != DESCENT_LAYER_DENSE || r >= L ||
            l[r].kind != DESCENT_LAYER_RELU)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: layers[%zu] to [%zu]: a hidden layer must be "
                                "dense, then batch normalization or not, then ReLU",
                                owner, k, r < L ? r : L - 1);
        k = next_hidden(model, k);
    }
    if (k + 2 != L || model->layer[k].kind != DESCENT_LAYER_DENSE ||
        model->layer[k + 1].kind != DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: layers[%zu] and after: the model must end "
                            "with a dense layer and softmax-cross-entropy",
                            owner, k);
    return descent_succeed(error);
}
static descent_status fused_gather(descent_model *model,
                                   const descent_samples *data,
                                   const size_t *index, size_t m,
                                   const char *owner, descent_error *error)
{
    size_t d = model->inputs, n = model->outputs;
    for (size_t i = 0; i < m; i++) {
        size_t j = index != NULL ? index[i] : i;
        if (j >= data->count)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: index[%zu] = %zu is past the %zu "
                                "samples", owner, i, j, data->count);
        int32_t y = data->labels[j];
        if (y < 0 || (size_t)y >= n)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: data->labels[%zu] = %d is outside 0 to "
                                "%zu", owner, j, (int)y, n - 1);
        memcpy(model->x + i * d, data->x + j * d, d * sizeof(float));
        model->labels[i] = y;
    }
    return descent_succeed(error);
}
static descent_status check_fused_batch(const descent_model *model,
                                        const descent_samples *data,
                                        size_t batch, const char *owner,
                                        descent_error *error)
{
    if (data == NULL || data->x == NULL || data->labels == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: data%s is NULL", owner,
                            data == NULL ? "" : data->x == NULL ? "->x"
                                                                : "->labels");
    if (data->inputs != model->inputs || data->classes != model->outputs)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: data has %zu inputs and %zu classes; the "
                            "model takes %zu and classifies into %zu", owner,
                            data->inputs, data->classes, model->inputs,
                            model->outputs);
    if (batch == 0 || batch > model->capacity || batch > data->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: batch = %zu must lie in 1 to %zu (the "
                            "model's capacity %zu, the data's count %zu)",
                            owner, batch,
                            model->capacity < data->count ? model->capacity
                                                          : data->count,
                            model->capacity, data->count);
    for (size_t k = 0; batch == 1 && model->training && k < model->count;
         k++)
        if (model->layer[k].kind == DESCENT_LAYER_BATCHNORM)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: the batch holds 1 sample, and "
                                "layers[%zu] normalizes over the batch in "
                                "training mode: one sample has no variance",
                                owner, k);
    return descent_succeed(error);
}
static double fused_pass(descent_model *model, size_t m)
{
    const float *in = model->x;
    float *theta = model->theta, *g = model->gradient;
    size_t L = model->count, k = 0;
    for (; k + 2 < L; k = next_hidden(model, k)) {
        const descent_layer *dense = &model->layer[k],
                            *relu = &model->layer[next_hidden(model, k) - 1];
        descent_fused_dense_forward(m, dense->outputs, dense->inputs, in,
                                    theta + dense->offset, dense->out);
        if (model->layer[k + 1].kind == DESCENT_LAYER_BATCHNORM) {
            const descent_layer *bn = &model->layer[k + 1];
            descent_fused_bn_relu_forward(m, bn->outputs, dense->out,
                                          theta + bn->offset,
                                          model->state + bn->state_offset,
                                          model->training, relu->out);
        } else {
            descent_fused_relu_forward(m, dense->outputs, dense->out, relu->out);
        }
        in = relu->out;
    }
    const descent_layer *out = &model->layer[k];
    descent_fused_dense_forward(m, out->outputs, out->inputs, in,
                                theta + out->offset, out->out);
    double loss = descent_fused_softmax_xent(m, out->outputs, out->out,
                                             model->labels, model->delta[0]);
    float *delta = model->delta[0], *spare = model->delta[1];
    for (;;) {
        const descent_layer *dense = &model->layer[k];
        const float *x = k > 0 ? model->layer[k - 1].out : model->x;
        float *back = k > 0 ? spare : NULL;
        descent_fused_dense_backward(m, dense->outputs, dense->inputs, x,
                                     theta + dense->offset, delta,
                                     g + dense->offset, back);
        if (k == 0)
            break;
        spare = delta;
        delta = back;
        k = previous_hidden(model, k);
        const descent_layer *relu = &model->layer[next_hidden(model, k) - 1];
        if (model->layer[k + 1].kind == DESCENT_LAYER_BATCHNORM) {
            const descent_layer *bn = &model->layer[k + 1];
            descent_fused_bn_relu_backward(m, bn->outputs, model->layer[k].out,
                                           relu->out, theta + bn->offset,
                                           model->state + bn->state_offset,
                                           model->training, delta,
                                           g + bn->offset);
        } else {
            descent_fused_relu_backward(m, relu->outputs, relu->out, delta);
        }
    }
    return loss;
}
descent_status descent_fused_gradient(descent_model *model,
                                      const descent_samples *data,
                                      const size_t *index, size_t batch,
                                      double *loss, descent_error *error)
{
    const char *owner = "fused gradient";
    descent_status status = descent_fused_check(model, error);
    if (status || (status = check_fused_batch(model, data, batch, owner,
                                              error)) ||
        (status = fused_gather(model, data, index, batch, owner, error)))
        return status;
    double value = fused_pass(model, batch);
    if (loss != NULL)
        *loss = value;
    if (!isfinite(value))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: the loss is %g", owner, value);
    return descent_succeed(error);
}
