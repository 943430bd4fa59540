/* 10-gpu.c: generated from chapters/10-gpu.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"




enum { ACCURACY_WIDTH = 256, ACCURACY_BATCH = 128, ACCURACY_EPOCHS = 1,
       ACCURACY_SEED = 1 };
enum { ACCURACY_REFERENCE, ACCURACY_FUSED, ACCURACY_NUDGED,
       ACCURACY_RUNS };
static const double accuracy_lr = 1e-3;
static size_t accuracy_fused_calls;

static descent_status accuracy_fused(descent_model *model,
                                     const descent_samples *data,
                                     const size_t *index, size_t batch,
                                     double *loss, descent_error *error)
{
    accuracy_fused_calls++;
    return descent_fused_gradient(model, data, index, batch, loss, error);
}
static void accuracy_train(descent_model *model,
                           const descent_samples *train, int run,
                           descent_epoch_record *record)
{
    const descent_layer_spec spec[] = {
        {DESCENT_LAYER_DENSE, ACCURACY_WIDTH}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, ACCURACY_WIDTH}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_gradient_fn *gradient =
        run == ACCURACY_REFERENCE ? descent_model_gradient : accuracy_fused;
    descent_optimizer adam;
    descent_adaptive_options defaults;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    REQUIRE(descent_model_init(model, 784, sizeof spec / sizeof spec[0],
                               spec, ACCURACY_BATCH, &e), e);
    descent_random_seed(&r, ACCURACY_SEED);
    REQUIRE(descent_model_init_weights(model, &r, &e), e);
    if (run == ACCURACY_NUDGED) {
        descent_random_seed(&r, ACCURACY_SEED + 1);
        for (size_t k = 0; k < model->parameters; k++)
            if (model->theta[k] != 0)
                model->theta[k] = nextafterf(model->theta[k],
                                             descent_random_uniform(&r) < 0.5
                                                 ? -INFINITY : INFINITY);
    }
    REQUIRE(descent_adaptive_defaults(DESCENT_ADAPTIVE_ADAM, &defaults, &e), e);
    REQUIRE(descent_adaptive_optimizer_init(&adam, model->parameters,
                                            DESCENT_ADAPTIVE_ADAM, &defaults,
                                            &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                  accuracy_lr, 0, 0, &e), e);
    const descent_train_options options = {
        .epochs = ACCURACY_EPOCHS, .batch = ACCURACY_BATCH,
        .seed = ACCURACY_SEED, .optimizer = &adam, .schedule = &schedule,
        .quiet = true,
        .gradient = gradient};     /* NULL: descent_model_gradient */
    accuracy_fused_calls = 0;
    REQUIRE(descent_train(model, train, &options, record, &e), e);
    assert_int_equal(accuracy_fused_calls,
                     run == ACCURACY_REFERENCE
                         ? 0 : record[ACCURACY_EPOCHS - 1].steps);
    descent_optimizer_free(&adam);
}
static void accuracy_predict(descent_model *model,
                             const descent_samples *test, int32_t *predicted,
                             double *loss, double *accuracy)
{
    const float *p = model->layer[model->count - 1].out;
    const size_t classes = model->outputs;
    double total = 0;
    size_t right = 0;
    descent_error e;
    for (size_t first = 0; first < test->count; first += model->capacity) {
        descent_samples view = *test;
        double batch_loss;
        view.count = test->count - first < model->capacity
                         ? test->count - first : model->capacity;
        view.x = test->x + first * test->inputs;
        view.labels = test->labels + first;
        REQUIRE(descent_model_evaluate(model, &view, &batch_loss, NULL, &e), e);
        total += batch_loss * (double)view.count;
        for (size_t i = 0; i < view.count; i++) {
            size_t best = 0;
            for (size_t c = 1; c < classes; c++)
                best = p[i * classes + c] > p[i * classes + best] ? c : best;
            predicted[first + i] = (int32_t)best;
            right += best == (size_t)view.labels[i];
        }
    }
    *loss = total / (double)test->count;
    *accuracy = (double)right / (double)test->count;
}
typedef struct accuracy_pair {
    size_t only_b, only_a, differ;
    double distance;         /* |theta_b - theta_a| / |theta_a| */
    bool identical;          /* the parameters, bit for bit */
} accuracy_pair;

static accuracy_pair accuracy_compare(const descent_samples *test,
                                      const int32_t *a, const int32_t *b,
                                      const descent_model *ma,
                                      const descent_model *mb)
{
    accuracy_pair c = {0, 0, 0, 0, false};
    double distance = 0, size = 0;
    for (size_t i = 0; i < test->count; i++) {
        c.only_b += b[i] == test->labels[i] && a[i] != test->labels[i];
        c.only_a += a[i] == test->labels[i] && b[i] != test->labels[i];
        c.differ += a[i] != b[i];
    }
    for (size_t k = 0; k < ma->parameters; k++) {
        double d = (double)mb->theta[k] - (double)ma->theta[k];
        distance += d * d;
        size += (double)ma->theta[k] * (double)ma->theta[k];
    }
    c.distance = sqrt(distance / size);
    c.identical = memcmp(ma->theta, mb->theta,
                         ma->parameters * sizeof *ma->theta) == 0;
    return c;
}
static void claim_fused_accuracy(void **state)
{
    static const char *name[ACCURACY_RUNS] = {
        "\\texttt{descent\\_model\\_gradient}",
        "\\texttt{descent\\_fused\\_gradient}", "fused, nudged"};
    descent_samples train, test;
    descent_model model[ACCURACY_RUNS];
    descent_epoch_record record[ACCURACY_RUNS][ACCURACY_EPOCHS];
    double loss[ACCURACY_RUNS], accuracy[ACCURACY_RUNS];
    descent_error e;
    (void)state;
    REQUIRE(descent_fashion_mnist_load(&train, true, 0, &e), e);
    REQUIRE(descent_fashion_mnist_load(&test, false, 0, &e), e);
    int32_t *predicted = malloc(ACCURACY_RUNS * test.count *
                                sizeof *predicted);
    assert_non_null(predicted);
    for (int k = 0; k < ACCURACY_RUNS; k++) {
        accuracy_train(&model[k], &train, k, record[k]);
        accuracy_predict(&model[k], &test, predicted + k * test.count, &loss[k],
                         &accuracy[k]);
        claim_table_row("fused-accuracy-table", "%s & $%.4f$ & $%.4f$ & $%.4f$ \\\\",
                        name[k], record[k][ACCURACY_EPOCHS - 1].train_loss, loss[k],
                        accuracy[k]);
    }
    const double n = (double)test.count, tolerance = 3 / sqrt(2 * n);
    const char *pair[2] = {"model, fused", "fused, nudged"};
    accuracy_pair c[2];
    for (int k = 0; k < 2; k++) {
        c[k] = accuracy_compare(&test, predicted + k * test.count,
                                predicted + (k + 1) * test.count, &model[k],
                                &model[k + 1]);
        claim_table_row("fused-accuracy-pairs-table",
                        "%s & $%zu$ & $%zu$ & $%zu$ & $%.4f$ & $%.2g$ \\\\",
                        pair[k], c[k].only_b, c[k].only_a, c[k].differ,
                        sqrt((double)(c[k].only_b + c[k].only_a)) / n,
                        c[k].distance);
    }
    const double nudged = fabs(accuracy[ACCURACY_NUDGED] -
                               accuracy[ACCURACY_FUSED]);
    bool holds = c[0].identical &&
                 accuracy[ACCURACY_FUSED] == accuracy[ACCURACY_REFERENCE] &&
                 nudged <= tolerance;
    char measured[160], bound[80];
    snprintf(measured, sizeof measured,
             "parameters %s; nudged: $|%.4f-%.4f|=%.4f$",
             c[0].identical ? "bit for bit" : "DIFFERENT",
             accuracy[ACCURACY_NUDGED], accuracy[ACCURACY_FUSED], nudged);
    snprintf(bound, sizeof bound, "identical; $\\le 3/\\sqrt{2n}=%.4f$",
             tolerance);
    claim_report("fused-accuracy",
                 "the fused step trains to the same parameters as the model's "
                 "gradient, and a run nudged by one ulp to the same accuracy "
                 "within 3/sqrt(2n)", measured, bound, holds);
    assert_true(holds);
    free(predicted);
    for (int k = 0; k < ACCURACY_RUNS; k++)
        descent_model_free(&model[k]);
    descent_samples_free(&train);
    descent_samples_free(&test);
}


int main(void)
{
    const struct CMUnitTest tests[] = {
        
        
        cmocka_unit_test(claim_fused_accuracy),
        
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
