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

#include <cblas.h>

#include "claims.h"
#include "descent.h"

void openblas_set_num_threads(int threads);

static void fused_network(descent_model *model, size_t inputs,
                          size_t hidden_count, const size_t *hidden,
                          const bool *bn, size_t classes, size_t capacity,
                          uint64_t seed)
{
    descent_layer_spec spec[DESCENT_MAX_MODEL_LAYERS];
    size_t L = 0;
    descent_random r;
    descent_error e;
    for (size_t h = 0; h < hidden_count; h++) {
        spec[L++] = (descent_layer_spec){DESCENT_LAYER_DENSE, hidden[h]};
        if (bn[h])
            spec[L++] = (descent_layer_spec){DESCENT_LAYER_BATCHNORM, 0};
        spec[L++] = (descent_layer_spec){DESCENT_LAYER_RELU, 0};
    }
    spec[L++] = (descent_layer_spec){DESCENT_LAYER_DENSE, classes};
    spec[L++] = (descent_layer_spec){DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0};
    REQUIRE(descent_model_init(model, inputs, L, spec, capacity, &e), e);
    descent_random_seed(&r, seed);
    REQUIRE(descent_model_init_weights(model, &r, &e), e);
}

static void fused_data(descent_samples *data, size_t count, size_t inputs,
                       size_t classes, uint64_t seed)
{
    descent_random r;
    descent_error e;
    REQUIRE(descent_samples_init(data, count, inputs, classes, 0, &e), e);
    descent_random_seed(&r, seed);
    for (size_t i = 0; i < count * inputs; i++)
        data->x[i] = (float)descent_random_gaussian(&r);
    for (size_t i = 0; i < count; i++)
        data->labels[i] = (int32_t)(i % classes);
}
static void fused_copy(descent_model *copy, const descent_model *model)
{
    descent_layer_spec spec[DESCENT_MAX_MODEL_LAYERS];
    descent_error e;
    for (size_t k = 0; k < model->count; k++)
        spec[k] = (descent_layer_spec){model->layer[k].kind,
                                       model->layer[k].outputs};
    REQUIRE(descent_model_init(copy, model->inputs, model->count, spec,
                               model->capacity, &e), e);
    memcpy(copy->theta, model->theta, model->parameters * sizeof(float));
    memcpy(copy->state, model->state, model->states * sizeof(float));
    copy->training = model->training;
}

/* How many floats of a and b differ in their bits. */
static size_t fused_bit_gaps(const float *a, const float *b, size_t n)
{
    size_t gaps = 0;
    for (size_t i = 0; i < n; i++)
        gaps += memcmp(a + i, b + i, sizeof *a) != 0;
    return gaps;
}
static size_t fused_gradient_gaps(descent_model *model,
                                  const descent_samples *data)
{
    descent_model other;
    descent_error e;
    size_t gaps = 0, index[48];
    fused_copy(&other, model);
    for (size_t step = 0; step <= 5; step++) {
        double a, b;
        for (size_t i = 0; i < 48; i++)
            index[i] = (7 * i + 5 * step) % data->count;
        if (step == 5)
            model->training = other.training = false;
        REQUIRE(descent_model_gradient(model, data, index, 48, &a, &e), e);
        REQUIRE(descent_fused_gradient(&other, data, index, 48, &b, &e), e);
        gaps += memcmp(&a, &b, sizeof a) != 0;
        gaps += fused_bit_gaps(model->gradient, other.gradient,
                               model->parameters);
        gaps += fused_bit_gaps(model->state, other.state, model->states);
        for (size_t i = 0; i < model->parameters; i++) {
            model->theta[i] -= 0.05f * model->gradient[i];
            other.theta[i] -= 0.05f * other.gradient[i];
        }
    }
    descent_model_free(&other);
    return gaps;
}
static void claim_fused_gradient(void **state)
{
    const size_t widths[3][3] = {{64, 48}, {40, 32, 24}, {50, 30}};
    const bool bn[3][3] = {{true, true}, {true, false, true},
                           {false, false}};
    const size_t depth[3] = {2, 3, 2};
    descent_samples data;
    size_t gaps = 0, compared = 0;
    (void)state;
    fused_data(&data, 200, 20, 10, 31);
    for (size_t c = 0; c < 3; c++) {
        descent_model model;
        fused_network(&model, 20, depth[c], widths[c], bn[c], 10, 48,
                      40 + c);
        gaps += fused_gradient_gaps(&model, &data);
        compared += 6 * (1 + model.parameters + model.states);
        descent_model_free(&model);
    }
    descent_samples_free(&data);
    char measured[64];
    snprintf(measured, sizeof measured,
             "%zu of %zu numbers differ", gaps, compared);
    claim_report("fused-gradient", "the fused gradient is Chapter 7's, "
                 "bit for bit", measured, "0", gaps == 0);
    assert_true(gaps == 0);
}
static size_t fused_twice_gaps(void)
{
    const size_t hidden[2] = {96, 64};
    const bool bn[2] = {true, true};
    descent_model run[2];
    descent_samples data;
    descent_error e;
    size_t index[64];
    fused_data(&data, 640, 32, 10, 32);
    for (int t = 0; t < 2; t++) {
        fused_network(&run[t], 32, 2, hidden, bn, 10, 64, 33);
        for (size_t step = 0; step < 20; step++) {
            double loss;
            for (size_t i = 0; i < 64; i++)
                index[i] = (step * 64 + 13 * i) % data.count;
            REQUIRE(descent_fused_gradient(&run[t], &data, index, 64, &loss,
                                           &e), e);
            for (size_t i = 0; i < run[t].parameters; i++)
                run[t].theta[i] -= 0.1f * run[t].gradient[i];
        }
    }
    size_t gaps = fused_bit_gaps(run[0].theta, run[1].theta,
                                 run[0].parameters) +
                  fused_bit_gaps(run[0].state, run[1].state, run[0].states);
    descent_model_free(&run[0]);
    descent_model_free(&run[1]);
    descent_samples_free(&data);
    return gaps;
}
static double fused_thread_ratio(int ta, int tb, int rows, int cols,
                                 int inner, size_t *differ)
{
    size_t na = (size_t)rows * inner, nb = (size_t)inner * cols,
           nc = (size_t)rows * cols;
    float *a = malloc(na * sizeof *a), *b = malloc(nb * sizeof *b),
          *c[2] = {malloc(nc * sizeof(float)), malloc(nc * sizeof(float))};
    double *abs_a = malloc(na * sizeof *abs_a),
           *abs_b = malloc(nb * sizeof *abs_b),
           *bound = malloc(nc * sizeof *bound), worst = 0;
    descent_random r;
    assert_non_null(a); assert_non_null(b); assert_non_null(c[0]);
    assert_non_null(c[1]); assert_non_null(abs_a); assert_non_null(abs_b);
    assert_non_null(bound);
    descent_random_seed(&r, (uint64_t)(rows + cols + inner));
    for (size_t i = 0; i < na; i++) {
        a[i] = (float)descent_random_gaussian(&r);
        abs_a[i] = fabs((double)a[i]);
    }
    for (size_t i = 0; i < nb; i++) {
        b[i] = (float)descent_random_gaussian(&r);
        abs_b[i] = fabs((double)b[i]);
    }
    cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans,
                tb ? CblasTrans : CblasNoTrans, rows, cols, inner, 1, abs_a,
                ta ? rows : inner, abs_b, tb ? inner : cols, 0, bound, cols);
    for (int t = 0; t < 2; t++) {
        openblas_set_num_threads(t == 0 ? 1 : 2);
        cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans,
                    tb ? CblasTrans : CblasNoTrans, rows, cols, inner, 1, a,
                    ta ? rows : inner, b, tb ? inner : cols, 0, c[t], cols);
    }
    openblas_set_num_threads(1);
    double gamma = inner * 0x1p-24 / (1 - inner * 0x1p-24);
    for (size_t i = 0; i < nc; i++) {
        double gap = fabs((double)c[0][i] - (double)c[1][i]);
        *differ += gap > 0;
        if (gap > 0)
            worst = fmax(worst, gap / (2 * gamma * bound[i]));
    }
    free(a); free(b); free(c[0]); free(c[1]); free(abs_a); free(abs_b);
    free(bound);
    return worst;
}
static void claim_fused_reproducible(void **state)
{
    (void)state;
    size_t gaps = fused_twice_gaps(), differ = 0;
    double worst = fused_thread_ratio(0, 1, 256, 512, 784, &differ);
    worst = fmax(worst, fused_thread_ratio(1, 0, 512, 784, 256, &differ));
    worst = fmax(worst, fused_thread_ratio(0, 0, 256, 784, 512, &differ));
    char measured[96], ratio[32];
    claim_format(ratio, sizeof ratio, worst);
    snprintf(measured, sizeof measured, "%zu bits apart; threads: %s "
             "(%zu entries differ)", gaps, ratio, differ);
    claim_report("fused-reproducible", "two runs repeat bit for bit; "
                 "thread counts differ within the products' bound",
                 measured, "0; 1", gaps == 0 && worst <= 1);
    assert_true(gaps == 0);
    assert_true(worst <= 1);
}

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
static void bad_fused(void **state)
{
    const size_t hidden[1] = {4};
    const bool bn[1] = {true};
    const descent_layer_spec tanh_net[3] = {
        {DESCENT_LAYER_DENSE, 4}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    const descent_layer_spec l2_net[2] = {{DESCENT_LAYER_DENSE, 2},
                                          {DESCENT_LAYER_L2, 0}};
    const descent_layer_spec bare[4] = {
        {DESCENT_LAYER_DENSE, 4}, {DESCENT_LAYER_DENSE, 3},
        {DESCENT_LAYER_DENSE, 2}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model model, other, freed;
    descent_samples data, wide;
    descent_error e;
    double loss;
    const char *check = "descent_fused_check",
               *gradient = "descent_fused_gradient";
    (void)state;
    fused_network(&model, 3, 1, hidden, bn, 2, 8, 34);
    fused_data(&data, 6, 3, 2, 35);
    fused_data(&wide, 6, 4, 2, 36);
    BAD(check, descent_fused_check(NULL, &e), e, DESCENT_INVALID_ARGUMENT,
        "model is NULL");
    fused_network(&freed, 3, 1, hidden, bn, 2, 8, 34);
    descent_model_free(&freed);
    BAD(check, descent_fused_check(&freed, &e), e, DESCENT_INVALID_ARGUMENT,
        "no storage");
    REQUIRE(descent_model_init(&other, 3, 3, tanh_net, 8, &e), e);
    BAD(check, descent_fused_check(&other, &e), e, DESCENT_INVALID_ARGUMENT,
        "layers[0] to [1]: a hidden layer must be dense");
    descent_model_free(&other);
    REQUIRE(descent_model_init(&other, 3, 2, l2_net, 8, &e), e);
    BAD(check, descent_fused_check(&other, &e), e, DESCENT_INVALID_ARGUMENT,
        "end with a dense layer and softmax-cross-entropy");
    descent_model_free(&other);
    REQUIRE(descent_model_init(&other, 3, 4, bare, 8, &e), e);
    BAD(check, descent_fused_check(&other, &e), e, DESCENT_INVALID_ARGUMENT,
        "a hidden layer must be dense, then batch normalization or not, "
        "then ReLU");
    BAD(gradient, descent_fused_gradient(&other, &data, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "then ReLU");
    descent_model_free(&other);
    VALID(check, "a network of the fused form", descent_fused_check(&model,
                                                                    &e), e);
    size_t past[2] = {0, 6};
    BAD(gradient, descent_fused_gradient(NULL, &data, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(gradient, descent_fused_gradient(&model, NULL, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data is NULL");
    BAD(gradient, descent_fused_gradient(&model, &wide, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data has 4 inputs");
    BAD(gradient, descent_fused_gradient(&model, &data, NULL, 0, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "batch = 0 must lie in 1 to 6");
    BAD(gradient, descent_fused_gradient(&model, &data, NULL, 9, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "the model's capacity 8");
    BAD(gradient, descent_fused_gradient(&model, &data, NULL, 1, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "layers[1] normalizes over the batch");
    BAD(gradient, descent_fused_gradient(&model, &data, past, 2, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "index[1] = 6 is past the 6 samples");
    data.labels[1] = 2;
    BAD(gradient, descent_fused_gradient(&model, &data, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->labels[1] = 2 is outside 0 to 1");
    data.labels[1] = 1;
    data.x[4] = NAN;
    BAD(gradient, descent_fused_gradient(&model, &data, NULL, 4, &loss, &e), e,
        DESCENT_NONFINITE, "the loss is nan");
    data.x[4] = 0;
    model.training = false;
    VALID(gradient, "a batch of one in evaluation mode",
          descent_fused_gradient(&model, &data, NULL, 1, &loss, &e), e);
    VALID(gradient, "a NULL loss", descent_fused_gradient(&model, &data, NULL,
                                                          4, NULL, &e), e);
    descent_model_free(&model);
    descent_samples_free(&data);
    descent_samples_free(&wide);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-10-table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_fused_gradient),
        cmocka_unit_test(claim_fused_reproducible),
        cmocka_unit_test(bad_fused),
        
        cmocka_unit_test(claim_fused_accuracy),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
