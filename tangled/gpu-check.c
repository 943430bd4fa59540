/* gpu-check.c: generated from chapters/10-gpu.nw; do not edit. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "gpu.h"
#include "internal.h"
#include "internal-gpu.h"

static descent_status unsupported(descent_error *error, size_t k,
                                  const char *what)
{
    return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                        "gpu: model layer[%zu] %s; the GPU runs (dense "
                        "[batchnorm] relu)* dense softmax-cross-entropy",
                        k, what);
}

descent_status descent_gpu_plan_of(const descent_model *model,
                                   descent_gpu_plan *plan,
                                   descent_error *error)
{
    if (model == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: model is NULL");
    if (model->theta == NULL || model->work == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: model was freed or never made");
    *plan = (descent_gpu_plan){.inputs = model->inputs,
                               .classes = model->outputs,
                               .capacity = model->capacity,
                               .parameters = model->parameters,
                               .states = model->states,
                               .widest = model->inputs};
    size_t k = 0;
    while (k < model->count) {
        const descent_layer *l = &model->layer[k];
        if (l->kind != DESCENT_LAYER_DENSE)
            return unsupported(error, k, "is not a dense layer where a stage "
                                         "begins");
        descent_gpu_stage *s = &plan->stage[plan->stages++];
        *s = (descent_gpu_stage){.inputs = l->inputs, .outputs = l->outputs,
                                 .weights = l->offset};
        plan->widest = l->outputs > plan->widest ? l->outputs : plan->widest;
        k++;
        if (k < model->count && model->layer[k].kind == DESCENT_LAYER_BATCHNORM) {
            s->batchnorm = plan->batchnorm = true;
            s->norm = model->layer[k].offset;
            s->state = model->layer[k].state_offset;
            k++;
        }
        if (k < model->count &&
            model->layer[k].kind == DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY &&
            !s->batchnorm && k == model->count - 1)
            return descent_succeed(error);
        if (k >= model->count || model->layer[k].kind != DESCENT_LAYER_RELU)
            return unsupported(error, k < model->count ? k : model->count - 1,
                               "is not the ReLU (or the output) a stage needs");
        k++;
    }
    return descent_succeed(error);
}
descent_status descent_gpu_check_query(const descent_gpu_info *info,
                                       descent_error *error)
{
    if (info == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: info is NULL");
    return descent_succeed(error);
}

static descent_status check_train(const descent_gpu_plan *plan,
                                  const descent_samples *data,
                                  const char *name, descent_error *error)
{
    if (data == NULL || data->x == NULL || data->labels == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: %s is %s", name,
                            data == NULL ? "NULL"
                                         : "missing its inputs or labels");
    if (data->count == 0 || data->count > (size_t)INT32_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: %s has count = %zu samples; it needs 1 "
                            "to %d", name, data->count, INT32_MAX);
    if (data->inputs != plan->inputs || data->classes != plan->classes)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: %s has %zu inputs and %zu classes; the "
                            "model has %zu and %zu", name, data->inputs,
                            data->classes, plan->inputs, plan->classes);
    for (size_t i = 0; i < data->count; i++)
        if (data->labels[i] < 0 || (size_t)data->labels[i] >= plan->classes)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "gpu: %s label[%zu] = %d is not a class "
                                "(0 to %zu)", name, i,
                                (int)data->labels[i], plan->classes - 1);
    return descent_succeed(error);
}
static descent_status check_rule(descent_adaptive_kind rule,
                                 const descent_adaptive_options *options,
                                 descent_adaptive_options *o,
                                 descent_error *error)
{
    descent_optimizer probe;
    descent_status status =
        descent_adaptive_optimizer_init(&probe, 1, rule, options, error);
    if (status)
        return status;
    descent_optimizer_free(&probe);
    if (options == NULL)
        descent_adaptive_defaults(rule, o, NULL);
    else
        *o = *options;
    const char *name = descent_adaptive_name(rule);
    if (rule != DESCENT_ADAPTIVE_SGD && rule != DESCENT_ADAPTIVE_ADAM &&
        rule != DESCENT_ADAPTIVE_ADAMW)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: rule = %s; the GPU runs SGD, Adam and "
                            "AdamW", name);
    if (rule == DESCENT_ADAPTIVE_SGD && (o->nesterov || o->dampening != 0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: %s with %s; the GPU's SGD has neither",
                            name, o->nesterov ? "nesterov = true"
                                              : "dampening != 0");
    if (rule != DESCENT_ADAPTIVE_SGD && o->amsgrad)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: %s with amsgrad = true; the GPU does not "
                            "run AMSGrad", name);
    return descent_succeed(error);
}
descent_status descent_gpu_check_init(descent_gpu **gpu,
                                      const descent_model *model,
                                      const descent_samples *train,
                                      descent_adaptive_kind rule,
                                      const descent_adaptive_options *options,
                                      descent_gpu_shape *shape,
                                      descent_error *error)
{
    if (gpu == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gpu: gpu is NULL");
    *gpu = NULL;
    *shape = (descent_gpu_shape){.rule = rule};
    descent_status status = descent_gpu_plan_of(model, &shape->plan, error);
    if (!status)
        status = check_train(&shape->plan, train, "train", error);
    if (!status)
        status = check_rule(rule, options, &shape->options, error);
    if (!status)
        shape->train_count = train->count;
    return status;
}
descent_status descent_gpu_check_batch(const char *function,
                                       const descent_gpu_shape *shape,
                                       const size_t *index, size_t batch,
                                       descent_error *error)
{
    if (shape == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: gpu is NULL", function);
    if (index == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: index is NULL", function);
    size_t least = shape->plan.batchnorm ? 2 : 1;
    if (batch < least || batch > shape->plan.capacity)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: batch = %zu must lie in %zu to the "
                            "capacity %zu", function, batch, least,
                            shape->plan.capacity);
    for (size_t i = 0; i < batch; i++)
        if (index[i] >= shape->train_count)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: index[%zu] = %zu is past the %zu "
                                "training samples", function, i, index[i],
                                shape->train_count);
    return descent_succeed(error);
}

descent_status descent_gpu_check_step(const descent_gpu_shape *shape,
                                      const size_t *index, size_t batch,
                                      double lr, descent_error *error)
{
    descent_status status =
        descent_gpu_check_batch("descent_gpu_step", shape, index, batch,
                                error);
    if (!status && !(lr > 0 && isfinite(lr)))
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "descent_gpu_step: lr = %g must be positive "
                              "and finite", lr);
    return status;
}
descent_status descent_gpu_check_evaluate(const descent_gpu_shape *shape,
                                          const descent_samples *data,
                                          descent_error *error)
{
    if (shape == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "descent_gpu_evaluate: gpu is NULL");
    return check_train(&shape->plan, data, "data", error);
}

descent_status descent_gpu_check_download(const descent_gpu_shape *shape,
                                          const descent_model *model,
                                          descent_error *error)
{
    descent_gpu_plan plan;
    if (shape == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "descent_gpu_download: gpu is NULL");
    descent_status status = descent_gpu_plan_of(model, &plan, error);
    if (!status && (plan.parameters != shape->plan.parameters ||
                    plan.states != shape->plan.states))
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "descent_gpu_download: model has %zu "
                              "parameters and %zu states; the GPU's has "
                              "%zu and %zu", plan.parameters, plan.states,
                              shape->plan.parameters, shape->plan.states);
    return status;
}

descent_status descent_gpu_unavailable(descent_error *error,
                                       const char *why)
{
    return descent_fail(error, DESCENT_UNAVAILABLE, "gpu: unavailable: %s",
                        why);
}
descent_k_rule descent_gpu_rule_of(descent_adaptive_kind kind,
                                   const descent_adaptive_options *o,
                                   size_t k, double lr)
{
    bool adamw = kind == DESCENT_ADAPTIVE_ADAMW,
         adam = kind == DESCENT_ADAPTIVE_ADAM || adamw;
    double rate = lr, root = 1, shrink = adamw ? 1 - lr * o->weight_decay : 1;
    if (adam && o->bias_correction) {
        rate = lr / (1 - pow(o->beta1, (double)k));
        root = sqrt(1 - pow(o->beta2, (double)k));
    }
    return (descent_k_rule){
        .lr = (float)lr, .rate = (float)rate, .root = (float)root,
        .shrink = (float)shrink,
        .decay = (float)(adamw ? 0 : o->weight_decay),
        .beta1 = (float)o->beta1, .fresh1 = (float)(1 - o->beta1),
        .beta2 = (float)o->beta2, .fresh2 = (float)(1 - o->beta2),
        .eps = (float)o->eps, .mu = (float)o->momentum,
        .keep = (float)(1 - o->dampening), .first = k == 1,
        .momentum = kind == DESCENT_ADAPTIVE_SGD && o->momentum != 0};
}
