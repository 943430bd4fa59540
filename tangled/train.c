/* train.c: generated from chapters/07-stochastic.nw; do not edit. */
#define _POSIX_C_SOURCE 200809L
#include <cblas.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "init.h"
#include "internal-batchnorm.h"
#include "internal-train.h"
#include "internal.h"
#include "train.h"

#define real float
#define FN(name) name##_f
#define EXP expf
#define LOG logf
#define TANH tanhf
#define GEMM cblas_sgemm
#define BITS uint32_t
static real FN(logistic)(real z)
{
    return z >= 0 ? 1 / (1 + EXP(-z)) : EXP(z) / (1 + EXP(z));
}

/* The slope f'(z) of an activation, from its output a = f(z). */
static real FN(slope)(descent_layer_kind kind, real a)
{
    switch (kind) {
    case DESCENT_LAYER_RELU:
        return a > 0 ? 1 : 0;
    case DESCENT_LAYER_LOGISTIC:
        return a * (1 - a);
    default:
        return 1 - a * a;                             /* tanh */
    }
}

/* v where keep holds, +0 where it does not, without a branch: on
   signs that look random a mispredicted branch per element cost more
   than the rest of ReLU (bench/train.c). BITS: an unsigned integer of
   the size of real. */
static real FN(masked)(real v, bool keep)
{
    BITS b;
    memcpy(&b, &v, sizeof b);
    b &= -(BITS)keep;
    memcpy(&v, &b, sizeof v);
    return v;
}

/* Chapter 11's hooks work on the float model's buffers; the double
   instance, a test's reference, is always one process. */
static const descent_model_hooks *FN(hooks_of)(const descent_model *model)
{
    return _Generic((real)0, float: model->hooks, default: NULL);
}

static FN(descent_bn_sum) *FN(bn_sum)(const descent_model_hooks *hooks)
{
    if (hooks == NULL)
        return NULL;
    return _Generic((real)0, float: hooks->reduce_sum, default: NULL);
}

/* One layer forward over a batch of m samples (rows): out = f(in).
   w and s: the layer's parameters and state; training: the model's
   mode, which only batch normalization reads (Chapter 9), as it
   reads hooks (NULL: one process; Chapter 11). */
static void FN(layer_forward)(const descent_layer *l, const real *w,
                              real *s, bool training,
                              const descent_model_hooks *hooks,
                              const real *in, real *out, size_t m)
{
    size_t n = l->outputs, k = l->inputs, total = m * n;
    switch (l->kind) {
    case DESCENT_LAYER_DENSE:
        for (size_t i = 0; i < m; i++)                /* the biases, ... */
            memcpy(out + i * n, w + n * k, n * sizeof *out);
        GEMM(CblasRowMajor, CblasNoTrans, CblasTrans, (int)m, (int)n,
             (int)k, 1, in, (int)k, w, (int)k, 1, out, (int)n); /* + X W' */
        break;
    case DESCENT_LAYER_RELU:
        for (size_t j = 0; j < total; j++)
            out[j] = FN(masked)(in[j], !(in[j] <= 0)); /* NaN passes */
        break;
    case DESCENT_LAYER_LOGISTIC:
        for (size_t j = 0; j < total; j++)
            out[j] = FN(logistic)(in[j]);
        break;
    case DESCENT_LAYER_TANH:
        for (size_t j = 0; j < total; j++)
            out[j] = TANH(in[j]);
        break;
    case DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY:
        for (size_t i = 0; i < m; i++) {
            const real *z = in + i * n;
            real *p = out + i * n, top = z[0], sum = 0;
            for (size_t r = 1; r < n; r++)
                top = z[r] > top ? z[r] : top;
            for (size_t r = 0; r < n; r++)
                sum += p[r] = EXP(z[r] - top);
            for (size_t r = 0; r < n; r++)
                p[r] /= sum;
        }
        break;
    case DESCENT_LAYER_L2:
        memcpy(out, in, total * sizeof *out);
        break;
    case DESCENT_LAYER_BATCHNORM:
        FN(descent_bn_forward_across)(m, n, in, w, s, training,
                                      DESCENT_BATCHNORM_MOMENTUM,
                                      DESCENT_BATCHNORM_EPS,
                                      FN(bn_sum)(hooks),
                                      hooks ? hooks->context : NULL,
                                      hooks ? hooks->replicas : 1, out);
        break;
    }
}

/* The output layer's mean loss over the batch, and (if delta is not
   NULL) its signal delta = dE/d(in), E the mean loss. */
static double FN(output_loss)(const descent_layer *l, const real *in,
                              const real *out, const int32_t *labels,
                              const real *targets, real *delta, size_t m)
{
    size_t n = l->outputs;
    double total = 0;
    for (size_t i = 0; i < m; i++) {
        const real *z = in + i * n, *p = out + i * n;
        real *d = delta != NULL ? delta + i * n : NULL;
        if (l->kind == DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY) {
            size_t y = (size_t)labels[i];
            real top = z[0], sum = 0;
            for (size_t r = 1; r < n; r++)
                top = z[r] > top ? z[r] : top;
            for (size_t r = 0; r < n; r++)
                sum += EXP(z[r] - top);
            total += LOG(sum) + top - z[y];      /* -log p_y, log-sum-exp */
            if (d != NULL) {
                for (size_t r = 0; r < n; r++)
                    d[r] = p[r] / (real)m;
                d[y] -= 1 / (real)m;
            }
        } else {
            for (size_t r = 0; r < n; r++) {
                real e = p[r] - targets[i * n + r];
                total += e * e / 2;
                if (d != NULL)
                    d[r] = e / (real)m;
            }
        }
    }
    return total / (double)m;
}

/* One layer backward: given delta = dE/d(out), its gradient g (dense
   and batch-normalization layers) and back = dE/d(in) (NULL: not
   needed; the other layers may work in place, back = delta).
   scratch: m x outputs numbers that batch normalization across
   processes may use. */
static void FN(layer_backward)(const descent_layer *l, const real *w,
                               const real *s, bool training,
                               const descent_model_hooks *hooks,
                               const real *in, const real *out,
                               const real *delta, real *g, real *back,
                               real *scratch, size_t m)
{
    int n = (int)l->outputs, k = (int)l->inputs;
    if (l->kind == DESCENT_LAYER_DENSE) {
        real *gb = g + (size_t)n * k;
        GEMM(CblasRowMajor, CblasTrans, CblasNoTrans, n, k, (int)m, 1,
             delta, n, in, k, 0, g, k);                 /* delta' X */
        for (int r = 0; r < n; r++)
            gb[r] = 0;
        for (size_t i = 0; i < m; i++)
            for (int r = 0; r < n; r++)
                gb[r] += delta[i * n + r];
        if (back != NULL)
            GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)m, k, n,
                 1, delta, n, w, k, 0, back, k);        /* delta W */
    } else if (l->kind == DESCENT_LAYER_BATCHNORM) {
        FN(descent_bn_backward_across)(m, (size_t)n, in, w, s, training,
                                       delta, FN(bn_sum)(hooks),
                                       hooks ? hooks->context : NULL,
                                       hooks ? hooks->replicas : 1,
                                       scratch, g, g + n, back);
    } else if (l->kind == DESCENT_LAYER_RELU) {    /* slope [a > 0] */
        for (size_t j = 0; j < m * (size_t)n; j++)
            back[j] = delta[j] * FN(masked)(1, out[j] > 0);
    } else {
        for (size_t j = 0; j < m * (size_t)n; j++)
            back[j] = delta[j] * FN(slope)(l->kind, out[j]);
    }
}
static void FN(forward)(const descent_model *model, const real *theta,
                        real *state, const real *x, real *const *outs,
                        size_t m)
{
    const real *in = x;
    for (size_t k = 0; k < model->count; k++) {
        const descent_layer *l = &model->layer[k];
        real *s = l->states > 0 ? state + l->state_offset : NULL;
        FN(layer_forward)(l, theta + l->offset, s, model->training,
                          FN(hooks_of)(model), in, outs[k], m);
        in = outs[k];
    }
}

static void FN(backward)(const descent_model *model, const real *theta,
                         const real *state, const real *x,
                         real *const *outs, real *d0, real *d1,
                         real *gradient, size_t m)
{
    real *delta = d0, *spare = d1;
    const descent_model_hooks *hooks = FN(hooks_of)(model);
    for (size_t k = model->count - 1; k-- > 0;) {
        const descent_layer *l = &model->layer[k];
        const real *in = k > 0 ? outs[k - 1] : x;
        const real *s = l->states > 0 ? state + l->state_offset : NULL;
        if (l->kind == DESCENT_LAYER_DENSE) {
            real *back = k > 0 ? spare : NULL;
            FN(layer_backward)(l, theta + l->offset, s, model->training,
                               hooks, in, outs[k], delta,
                               gradient + l->offset, back, NULL, m);
            spare = delta;
            delta = back;
        } else if (k > 0 || l->parameters > 0) {
            FN(layer_backward)(l, theta + l->offset, s, model->training,
                               hooks, in, outs[k], delta,
                               gradient + l->offset, k > 0 ? delta : NULL,
                               spare, m);
        }
        if (hooks != NULL && hooks->gradient_ready != NULL &&
            l->parameters > 0)
            hooks->gradient_ready(hooks->context, k);
    }
}
#undef real
#undef FN
#undef EXP
#undef LOG
#undef TANH
#undef GEMM
#undef BITS

static bool is_output(descent_layer_kind kind)
{
    return kind == DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY ||
           kind == DESCENT_LAYER_L2;
}

/* The first batch-normalization layer, or count if there is none. */
static size_t first_batchnorm(const descent_model *model)
{
    size_t k = 0;
    while (k < model->count &&
           model->layer[k].kind != DESCENT_LAYER_BATCHNORM)
        k++;
    return k;
}

/* Batch normalization in training mode needs two samples or more. */
static descent_status check_batch_of_one(const descent_model *model,
                                         size_t m, const char *owner,
                                         const char *what,
                                         descent_error *error)
{
    size_t k = first_batchnorm(model);
    if (m == 1 && model->training && k < model->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s holds 1 sample, and layers[%zu] "
                            "normalizes over the batch in training mode: "
                            "one sample has no variance (evaluation mode, "
                            "training = false, uses the running "
                            "statistics)", owner, what, k);
    return descent_succeed(error);
}

static descent_status check_model(const descent_model *model,
                                  const char *owner, descent_error *error)
{
    if (model == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: model is NULL", owner);
    if (model->work == NULL || model->theta == NULL || model->count == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: model has no storage (used after "
                            "descent_model_free, or never made)", owner);
    return descent_succeed(error);
}

/* Does data fit the model: its width, its kind (labels for softmax,
   targets for L2), and (if labels) is every label in range? */
static descent_status check_data(const descent_model *model,
                                 const descent_samples *data,
                                 const char *name, const char *owner,
                                 bool labels, descent_error *error)
{
    const descent_layer *last = &model->layer[model->count - 1];
    if (data == NULL || data->x == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s%s is "
                            "NULL", owner, name, data == NULL ? "" : "->x");
    if (data->count == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s->count = 0 samples", owner, name);
    if (data->inputs != model->inputs)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s->inputs = %zu, the model takes %zu",
                            owner, name, data->inputs, model->inputs);
    if (last->kind == DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY) {
        if (data->labels == NULL || data->classes != model->outputs)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: %s has %s and classes = %zu; the model "
                                "classifies into %zu", owner, name,
                                data->labels == NULL ? "no labels" : "labels",
                                data->classes, model->outputs);
        for (size_t i = 0; labels && i < data->count; i++)
            if (data->labels[i] < 0 ||
                (size_t)data->labels[i] >= model->outputs)
                return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                    "%s: %s->labels[%zu] = %d is outside 0 "
                                    "to %zu", owner, name, i,
                                    (int)data->labels[i], model->outputs - 1);
    } else if (data->targets == NULL || data->outputs != model->outputs) {
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s has %s and outputs = %zu; the model "
                            "gives %zu", owner, name,
                            data->targets == NULL ? "no targets" : "targets",
                            data->outputs, model->outputs);
    }
    return descent_succeed(error);
}
static descent_status layout(descent_model *model, size_t inputs,
                             size_t count, const descent_layer_spec *layers,
                             size_t *widest, descent_error *error)
{
    const char *owner = "model";
    size_t width = inputs, parameters = 0, states = 0;
    *widest = inputs;
    for (size_t k = 0; k < count; k++) {
        descent_layer_kind kind = layers[k].kind;
        descent_layer *l = &model->layer[k];
        if ((unsigned)kind > DESCENT_LAYER_BATCHNORM)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: layers[%zu].kind = %d is unknown", owner,
                                k, (int)kind);
        if (is_output(kind) != (k == count - 1))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: layers[%zu] is %s output layer; the "
                                "last layer, and only it, must be one", owner,
                                k, is_output(kind) ? "an" : "not an");
        *l = (descent_layer){.kind = kind, .inputs = width,
                             .outputs = width, .offset = parameters};
        if (kind == DESCENT_LAYER_DENSE) {
            size_t n = layers[k].outputs, weights;
            if (n == 0 || n > (size_t)INT_MAX)
                return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                    "%s: layers[%zu].outputs = %zu must lie "
                                    "in 1 to %d", owner, k, n, INT_MAX);
            if (!descent_product_fits(n, width + 1, &weights) ||
                weights > (size_t)INT_MAX - parameters)
                return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                    "%s: the parameters of layers 0 to %zu "
                                    "are more than BLAS can index (%d)",
                                    owner, k, INT_MAX);
            l->outputs = n;
            l->parameters = weights;
            parameters += weights;
        }
        if (kind == DESCENT_LAYER_BATCHNORM) {
            if (2 * width > (size_t)INT_MAX - parameters)
                return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                    "%s: the parameters of layers 0 to %zu "
                                    "are more than BLAS can index (%d)",
                                    owner, k, INT_MAX);
            l->parameters = 2 * width;      /* gamma, then beta */
            l->state_offset = states;       /* running mean and variance, */
            l->states = 4 * width;          /* the batch's mean and 1/sigma */
            parameters += l->parameters;
            states += l->states;
        }
        if (kind == DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY && width < 2)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: layers[%zu] is a softmax over %zu "
                                "class; it needs 2 or more", owner, k,
                                width);
        width = l->outputs;
        *widest = width > *widest ? width : *widest;
    }
    if (parameters == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: no dense layer, nothing to train", owner);
    model->inputs = inputs;
    model->outputs = width;
    model->count = count;
    model->parameters = parameters;
    model->states = states;
    return descent_succeed(error);
}

/* Batch normalization starts as the identity on normalized units:
   gamma 1, beta 0, the running mean 0 and variance 1 (PyTorch's
   start), and no batch seen. */
static void start_batchnorm(descent_model *model)
{
    for (size_t k = 0; k < model->count; k++) {
        const descent_layer *l = &model->layer[k];
        if (l->kind != DESCENT_LAYER_BATCHNORM)
            continue;
        size_t n = l->outputs;
        float *w = model->theta + l->offset, *s = model->state + l->state_offset;
        for (size_t j = 0; j < n; j++) {
            w[j] = 1;
            w[n + j] = 0;
            s[j] = 0;
            s[n + j] = 1;
            s[2 * n + j] = 0;
            s[3 * n + j] = 1;
        }
    }
}

descent_status descent_model_init(descent_model *model, size_t inputs,
                                  size_t count,
                                  const descent_layer_spec *layers,
                                  size_t capacity, descent_error *error)
{
    if (model == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "model: model is NULL");
    *model = (descent_model){0};
    if (layers == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "model: layers is NULL");
    if (inputs == 0 || inputs > (size_t)INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "model: inputs = %zu must lie in 1 to %d",
                            inputs, INT_MAX);
    if (count == 0 || count > DESCENT_MAX_MODEL_LAYERS)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "model: count = %zu layers; need 1 to %d", count,
                            DESCENT_MAX_MODEL_LAYERS);
    if (capacity == 0 || capacity > (size_t)INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "model: capacity = %zu samples must lie in 1 to "
                            "%d", capacity, INT_MAX);
    size_t widest, cells = 0, numbers;
    descent_status status = layout(model, inputs, count, layers, &widest,
                                   error);
    if (status) {
        *model = (descent_model){0};
        return status;
    }
    /* The workspace: the batch's inputs and targets, each layer's
       output, two backward signals; all capacity rows. */
    cells = inputs + model->outputs + 2 * widest;
    for (size_t k = 0; k < count; k++)
        cells += model->layer[k].outputs;
    if (!descent_product_fits(cells, capacity, &numbers) ||
        !descent_product_fits(numbers, sizeof(float), NULL)) {
        *model = (descent_model){0};
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "model: capacity = %zu samples of %zu numbers "
                            "each are more than size_t can count", capacity,
                            cells);
    }
    model->capacity = capacity;
    model->training = true;
    model->theta = calloc(model->parameters, sizeof(float));
    model->gradient = calloc(model->parameters, sizeof(float));
    model->state = calloc(model->states + 1, sizeof(float));
    model->work = malloc(numbers * sizeof(float));
    model->labels = malloc(capacity * sizeof(int32_t));
    if (model->theta == NULL || model->gradient == NULL ||
        model->state == NULL || model->work == NULL ||
        model->labels == NULL) {
        descent_model_free(model);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "model: cannot allocate %zu parameters and %zu "
                            "numbers of workspace", model->parameters,
                            numbers);
    }
    float *next = model->work;
    model->x = next;
    next += capacity * inputs;
    model->targets = next;
    next += capacity * model->outputs;
    for (int j = 0; j < 2; j++, next += capacity * widest)
        model->delta[j] = next;
    for (size_t k = 0; k < count; k++) {
        model->layer[k].out = next;
        next += capacity * model->layer[k].outputs;
    }
    start_batchnorm(model);
    return descent_succeed(error);
}

descent_status descent_mlp_init(descent_model *model, size_t inputs,
                                size_t hidden_count, const size_t *hidden,
                                descent_layer_kind activation,
                                size_t classes, size_t capacity,
                                descent_error *error)
{
    descent_layer_spec spec[DESCENT_MAX_MODEL_LAYERS];
    size_t count = 0;
    if (model != NULL)
        *model = (descent_model){0};
    if (hidden_count > (DESCENT_MAX_MODEL_LAYERS - 2) / 2)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "MLP: hidden_count = %zu layers; at most %d",
                            hidden_count, (DESCENT_MAX_MODEL_LAYERS - 2) / 2);
    if (hidden == NULL && hidden_count > 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "MLP: hidden is NULL");
    if (activation != DESCENT_LAYER_RELU &&
        activation != DESCENT_LAYER_LOGISTIC &&
        activation != DESCENT_LAYER_TANH)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "MLP: activation = %d is not ReLU, logistic or "
                            "tanh", (int)activation);
    for (size_t h = 0; h < hidden_count; h++) {
        spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, hidden[h]};
        spec[count++] = (descent_layer_spec){activation, 0};
    }
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, classes};
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0};
    return descent_model_init(model, inputs, count, spec, capacity, error);
}

void descent_model_free(descent_model *model)
{
    if (model != NULL) {
        free(model->theta);
        free(model->gradient);
        free(model->state);
        free(model->work);
        free(model->labels);
        *model = (descent_model){0};
    }
}
descent_status descent_model_initialize(descent_model *model,
                                        const descent_init *init,
                                        descent_random *r,
                                        descent_error *error)
{
    const char *owner = "model weights";
    descent_status status = check_model(model, owner, error);
    if (status)
        return status;
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: generator r is NULL", owner);
    for (size_t k = 0; k < model->count; k++) {
        const descent_layer *l = &model->layer[k];
        if (l->kind != DESCENT_LAYER_DENSE)
            continue;
        float *w = model->theta + l->offset;
        if ((status = descent_init_layer_f(init, l->inputs, l->outputs,
                                           model->layer[k + 1].kind, r, w,
                                           w + l->inputs * l->outputs,
                                           error)))
            return status;
    }
    start_batchnorm(model);
    return descent_succeed(error);
}

descent_status descent_model_init_weights(descent_model *model,
                                          descent_random *r,
                                          descent_error *error)
{
    return descent_model_initialize(model, NULL, r, error);
}
static descent_status gather(descent_model *model,
                             const descent_samples *data,
                             const size_t *index, size_t first, size_t m,
                             const char *owner, descent_error *error)
{
    size_t n = model->outputs, d = model->inputs;
    bool softmax = model->layer[model->count - 1].kind ==
                   DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY;
    for (size_t i = 0; i < m; i++) {
        size_t j = index != NULL ? index[i] : first + i;
        if (j >= data->count)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: index[%zu] = %zu is past the %zu "
                                "samples", owner, i, j, data->count);
        memcpy(model->x + i * d, data->x + j * d, d * sizeof(float));
        if (!softmax) {
            memcpy(model->targets + i * n, data->targets + j * n,
                   n * sizeof(float));
            continue;
        }
        int32_t y = data->labels[j];
        if (y < 0 || (size_t)y >= n)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: data->labels[%zu] = %d is outside 0 to "
                                "%zu", owner, j, (int)y, n - 1);
        model->labels[i] = y;
    }
    return descent_succeed(error);
}

/* The forward pass over the gathered batch, and its mean loss; with
   the gradient too if backward. */
static double pass(descent_model *model, size_t m, bool backward)
{
    float *outs[DESCENT_MAX_MODEL_LAYERS];
    size_t L = model->count;
    for (size_t k = 0; k < L; k++)
        outs[k] = model->layer[k].out;
    forward_f(model, model->theta, model->state, model->x, outs, m);
    double loss = output_loss_f(&model->layer[L - 1],
                                L > 1 ? outs[L - 2] : model->x, outs[L - 1],
                                model->labels, model->targets,
                                backward ? model->delta[0] : NULL, m);
    if (backward)
        backward_f(model, model->theta, model->state, model->x, outs,
                   model->delta[0], model->delta[1], model->gradient, m);
    return loss;
}

descent_status descent_model_gradient(descent_model *model,
                                      const descent_samples *data,
                                      const size_t *index, size_t batch,
                                      double *loss, descent_error *error)
{
    const char *owner = "model gradient";
    descent_status status = check_model(model, owner, error);
    if (status || (status = check_data(model, data, "data", owner, false,
                                       error)))
        return status;
    if (batch == 0 || batch > model->capacity || batch > data->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: batch = %zu must lie in 1 to %zu (the "
                            "model's capacity %zu, the data's count %zu)",
                            owner, batch,
                            model->capacity < data->count ? model->capacity
                                                          : data->count,
                            model->capacity, data->count);
    if ((status = check_batch_of_one(model, batch, owner, "the batch",
                                     error)) ||
        (status = gather(model, data, index, 0, batch, owner, error)))
        return status;
    double value = pass(model, batch, true);
    if (loss != NULL)
        *loss = value;
    if (!isfinite(value))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: the loss is %g", owner, value);
    return descent_succeed(error);
}
descent_status descent_model_evaluate(descent_model *model,
                                      const descent_samples *data,
                                      double *loss, double *accuracy,
                                      descent_error *error)
{
    const char *owner = "model evaluate";
    descent_status status = check_model(model, owner, error);
    if (status || (status = check_data(model, data, "data", owner, false,
                                       error)))
        return status;
    bool softmax = model->layer[model->count - 1].kind ==
                   DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY;
    bool training = model->training;
    double total = 0;
    size_t right = 0, n = model->outputs;
    model->training = false;
    for (size_t first = 0; first < data->count; first += model->capacity) {
        size_t m = data->count - first < model->capacity
                       ? data->count - first : model->capacity;
        if ((status = gather(model, data, NULL, first, m, owner, error))) {
            model->training = training;
            return status;
        }
        total += pass(model, m, false) * (double)m;
        const float *p = model->layer[model->count - 1].out;
        for (size_t i = 0; softmax && i < m; i++) {
            size_t best = 0;
            for (size_t r = 1; r < n; r++)
                best = p[i * n + r] > p[i * n + best] ? r : best;
            right += best == (size_t)model->labels[i];
        }
    }
    model->training = training;
    if (loss != NULL)
        *loss = total / (double)data->count;
    if (accuracy != NULL)
        *accuracy = softmax ? (double)right / (double)data->count : NAN;
    if (!isfinite(total))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: the loss is %g", owner, total);
    return descent_succeed(error);
}
static descent_status sgd_step(descent_optimizer *opt, float *theta,
                               const float *g, double eta,
                               descent_error *error)
{
    int n = (int)opt->n;
    float *v = opt->memory, beta = (float)opt->beta;
    if (v == NULL) {                                /* plain SGD */
        cblas_saxpy(n, (float)-eta, g, 1, theta, 1);
        return descent_succeed(error);
    }
    cblas_sscal(n, beta, v, 1);                     /* v = beta v - eta g */
    cblas_saxpy(n, (float)-eta, g, 1, v, 1);
    if (!opt->nesterov) {
        cblas_saxpy(n, 1, v, 1, theta, 1);          /* theta += v */
    } else {                                        /* += beta v - eta g */
        cblas_saxpy(n, beta, v, 1, theta, 1);
        cblas_saxpy(n, (float)-eta, g, 1, theta, 1);
    }
    return descent_succeed(error);
}

descent_status descent_sgd_init(descent_optimizer *opt, size_t n,
                                double momentum, bool nesterov,
                                descent_error *error)
{
    if (opt == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "SGD: optimizer opt is NULL");
    *opt = (descent_optimizer){0};
    if (n == 0 || n > (size_t)INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "SGD: n = %zu parameters must lie in 1 to %d", n,
                            INT_MAX);
    if (!(momentum >= 0 && momentum < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "SGD: momentum = %g must lie in [0, 1)",
                            momentum);
    float *memory = NULL;
    if (momentum > 0 && (memory = calloc(n, sizeof *memory)) == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "SGD: cannot allocate a velocity of %zu", n);
    *opt = (descent_optimizer){
        .name = momentum == 0 ? "sgd" : nesterov ? "nesterov" : "momentum",
        .n = n, .beta = momentum, .nesterov = nesterov, .memory = memory,
        .vectors = memory != NULL, .step = sgd_step};
    return descent_succeed(error);
}

descent_status descent_optimizer_step(descent_optimizer *opt, float *theta,
                                      const float *g, double eta,
                                      descent_error *error)
{
    if (opt == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "optimizer step: opt is NULL");
    if (opt->step == NULL || opt->n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "optimizer step: opt has no rule (used after "
                            "descent_optimizer_free, or never made)");
    if (theta == NULL || g == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "optimizer step: %s is NULL",
                            theta == NULL ? "theta" : "g");
    if (!(eta >= 0) || !isfinite(eta))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "optimizer step: step size eta = %g must be "
                            "finite and at least 0", eta);
    descent_status status = opt->step(opt, theta, g, eta, error);
    if (status == DESCENT_OK)
        opt->steps++;
    return status;
}

void descent_optimizer_free(descent_optimizer *opt)
{
    if (opt != NULL) {
        free(opt->memory);
        free(opt->settings);
        *opt = (descent_optimizer){0};
    }
}
double descent_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

void descent_progress_show(descent_progress *p,
                           const descent_epoch_record *r, size_t epochs,
                           size_t batch, size_t batches, double loss,
                           double seconds, size_t samples, bool done)
{
    char line[256];
    double t = descent_now();
    if (p->out == NULL || (!done && (!p->terminal || t - p->shown < 0.2)))
        return;
    p->shown = t;
    int n = snprintf(line, sizeof line, "epoch %zu/%zu  batch %zu/%zu  "
                     "loss %.4f  %.0f samples/s", r->epoch, epochs, batch,
                     batches, loss,
                     seconds > 0 ? (double)samples / seconds : 0.0);
    if (done && !isnan(r->test_accuracy) && n >= 0 &&
        (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n,
                      "  test loss %.4f  accuracy %.4f", r->test_loss,
                      r->test_accuracy);
    n = n < 0 ? 0 : n >= (int)sizeof line ? (int)sizeof line - 1 : n;
    fprintf(p->out, "%s%s%*s%s", p->terminal ? "\r" : "", line,
            p->terminal && p->width > n ? p->width - n : 0, "",
            done ? "\n" : "");
    p->width = done ? 0 : n;
    fflush(p->out);
}
descent_status descent_train_update(descent_model *model,
                                    const descent_train_options *o,
                                    size_t k, double *norm, double *eta,
                                    descent_error *error)
{
    descent_status status = DESCENT_OK;
    *norm = cblas_snrm2((int)model->parameters, model->gradient, 1);
    if (o->clip == DESCENT_CLIP_NORM)
        status = descent_clip_norm_f(model->gradient, model->parameters,
                                     o->clip_threshold, norm, error);
    else if (o->clip == DESCENT_CLIP_VALUE)
        status = descent_clip_value_f(model->gradient, model->parameters,
                                      o->clip_threshold, error);
    *eta = descent_schedule_eta(o->schedule, k);
    if (!status)
        status = descent_optimizer_step(o->optimizer, model->theta,
                                        model->gradient, *eta, error);
    return status;
}
static descent_status check_options(const descent_model *model,
                                    const descent_samples *train,
                                    const descent_train_options *o,
                                    descent_error *error)
{
    const char *owner = "train";
    descent_status status = check_model(model, owner, error);
    if (status ||
        (status = check_data(model, train, "train", owner, true, error)))
        return status;
    if (o == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train: options is NULL");
    if (o->test != NULL &&
        (status = check_data(model, o->test, "options->test", owner, true,
                             error)))
        return status;
    if (o->epochs == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train: options->epochs = 0");
    if (o->batch == 0 || o->batch > model->capacity ||
        o->batch > train->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train: options->batch = %zu must lie in 1 to "
                            "the model's capacity %zu and the %zu samples",
                            o->batch, model->capacity, train->count);
    char last[96];
    snprintf(last, sizeof last, "the last minibatch of an epoch (%zu "
             "samples in batches of %zu)", train->count, o->batch);
    if ((o->batch == 1 && (status = check_batch_of_one(
                               model, 1, owner, "options->batch = 1",
                               error))) ||
        (train->count % o->batch == 1 &&
         (status = check_batch_of_one(model, 1, owner, last, error))))
        return status;
    return descent_check_train_rule(model, o, owner, error);
}

/* The update's options: the optimizer, the schedule and the clipping.
   Chapter 11's loop on many processes checks them with this too. */
descent_status descent_check_train_rule(const descent_model *model,
                                        const descent_train_options *o,
                                        const char *owner,
                                        descent_error *error)
{
    if (o->optimizer == NULL || o->optimizer->step == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: options->optimizer is %s", owner,
                            o->optimizer == NULL ? "NULL" : "not made");
    if (o->optimizer->n != model->parameters)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: options->optimizer has n = %zu, the "
                            "model %zu parameters", owner, o->optimizer->n,
                            model->parameters);
    if (o->schedule == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: options->schedule is NULL", owner);
    if ((unsigned)o->clip > DESCENT_CLIP_VALUE)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: options->clip = %d is unknown", owner,
                            (int)o->clip);
    if (o->clip != DESCENT_CLIP_NONE &&
        (!(o->clip_threshold > 0) || !isfinite(o->clip_threshold)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: options->clip_threshold = %g must be "
                            "positive and finite", owner, o->clip_threshold);
    return descent_succeed(error);
}

descent_status descent_train(descent_model *model,
                             const descent_samples *train,
                             const descent_train_options *options,
                             descent_epoch_record *records,
                             descent_error *error)
{
    const descent_train_options *o = options;
    descent_status status = check_options(model, train, o, error);
    if (status)
        return status;
    size_t count = train->count, batches = (count + o->batch - 1) / o->batch;
    size_t *order = malloc(count * sizeof *order), k = 0;
    if (order == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "train: cannot allocate an order of %zu", count);
    descent_gradient_fn *gradient = o->gradient != NULL
                                        ? o->gradient
                                        : descent_model_gradient;
    descent_random r;
    descent_random_seed(&r, o->seed);
    descent_progress line = {.out = o->quiet ? NULL
                                     : o->progress ? o->progress : stderr};
    line.terminal = line.out != NULL && isatty(fileno(line.out));
    for (size_t epoch = 1; epoch <= o->epochs && !status; epoch++) {
        descent_epoch_record record = {.epoch = epoch, .test_loss = NAN,
                                       .test_accuracy = NAN};
        double start = descent_now(), sum = 0, norms = 0;
        status = descent_random_permutation(&r, count, order, error);
        for (size_t b = 0; b < batches && !status; b++, k++) {
            size_t first = b * o->batch;
            size_t m = count - first < o->batch ? count - first : o->batch;
            double loss, norm;
            descent_error why;
            status = gradient(model, train, order + first, m, &loss, &why);
            if (status) {
                descent_fail(error, status, "train: epoch %zu, step %zu: %s", epoch,
                             k, why.message);
                break;
            }
            status = descent_train_update(model, o, k, &norm, &record.eta, error);
            sum += loss * (double)m;
            norms += norm;
            if (o->callback != NULL)
                o->callback(k, loss, o->context);
            descent_progress_show(&line, &record, o->epochs, b + 1, batches,
                                  sum / (double)(first + m), descent_now() - start,
                                  first + m, false);
        }
        double trained = descent_now() - start;   /* without the test */
        record.steps = k;
        record.train_loss = sum / (double)count;
        record.gradient_norm = norms / (double)batches;
        if (!status && o->test != NULL)
            status = descent_model_evaluate(model, o->test,
                                            &record.test_loss,
                                            &record.test_accuracy, error);
        if (!status)
            status = descent_schedule_epoch(o->schedule, record.train_loss,
                                            error);
        record.seconds = descent_now() - start;
        if (records != NULL)
            records[epoch - 1] = record;
        if (!status)
            descent_progress_show(&line, &record, o->epochs, batches,
                                  batches, record.train_loss, trained,
                                  count, true);
    }
    free(order);
    return status ? status : descent_succeed(error);
}
