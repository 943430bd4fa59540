/* 09-batchnorm.c: generated from chapters/09-batchnorm.nw; do not edit. */
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
#include "internal-batchnorm.h"


static void smoke(void **state)
{
    descent_batchnorm bn;
    descent_error e;
    double x[6] = {1, 2, 3, 4, 5, 7}, y[6];
    (void)state;
    REQUIRE(descent_batchnorm_init(&bn, 2, 0.1, 1e-5, &e), e);
    REQUIRE(descent_batchnorm_forward(&bn, 3, x, y, &e), e);
    assert_true(fabs(y[0] + y[2] + y[4]) < 1e-12);
    descent_batchnorm_free(&bn);
}
enum { DEEP_COUNT = 1024, DEEP_INPUTS = 16, DEEP_CLASSES = 4,
       DEEP_HIDDEN = 6, DEEP_WIDTH = 32, DEEP_BATCH = 32,
       DEEP_EPOCHS = 60, DEEP_RATES = 7, DEEP_PROBE = 256,
       DEEP_TANH_EPOCHS = 20 };

static void deep_data(descent_samples *s, uint64_t seed)
{
    double v[DEEP_CLASSES][DEEP_INPUTS];
    descent_random r;
    descent_error e;
    REQUIRE(descent_samples_init(s, DEEP_COUNT, DEEP_INPUTS, DEEP_CLASSES,
                                 0, &e), e);
    descent_random_seed(&r, seed);
    for (size_t k = 0; k < DEEP_CLASSES; k++)
        for (size_t j = 0; j < DEEP_INPUTS; j++)
            v[k][j] = descent_random_gaussian(&r);
    for (size_t i = 0; i < DEEP_COUNT; i++) {
        double z[DEEP_INPUTS], best = -INFINITY;
        for (size_t j = 0; j < DEEP_INPUTS; j++) {
            double scale = pow(10, 1 + (double)j / (DEEP_INPUTS - 1));
            z[j] = descent_random_gaussian(&r);
            s->x[i * DEEP_INPUTS + j] = (float)(scale * (z[j] + 1));
        }
        for (size_t k = 0; k < DEEP_CLASSES; k++) {
            double a = 0;
            for (size_t j = 0; j < DEEP_INPUTS; j++)
                a += v[k][j] * z[j];
            if (a > best) {
                best = a;
                s->labels[i] = (int32_t)k;
            }
        }
    }
}
static void deep_model(descent_model *model, bool batchnorm,
                       descent_layer_kind activation, size_t capacity,
                       uint64_t seed, size_t pre[DEEP_HIDDEN])
{
    descent_layer_spec spec[3 * DEEP_HIDDEN + 2];
    size_t count = 0;
    descent_random r;
    descent_error e;
    for (size_t h = 0; h < DEEP_HIDDEN; h++) {
        spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, DEEP_WIDTH};
        if (batchnorm)
            spec[count++] = (descent_layer_spec){DESCENT_LAYER_BATCHNORM, 0};
        pre[h] = count - 1;
        spec[count++] = (descent_layer_spec){activation, 0};
    }
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, DEEP_CLASSES};
    spec[count++] =
        (descent_layer_spec){DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0};
    REQUIRE(descent_model_init(model, DEEP_INPUTS, count, spec, capacity,
                               &e), e);
    descent_random_seed(&r, seed);
    REQUIRE(descent_model_init_weights(model, &r, &e), e);
}
typedef enum { DEEP_REACHED, DEEP_NOT_REACHED, DEEP_DIVERGED } deep_outcome;

static deep_outcome deep_train(const descent_samples *data, bool batchnorm,
                               double eta, size_t *steps)
{
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_error e;
    size_t pre[DEEP_HIDDEN];
    deep_outcome outcome = DEEP_NOT_REACHED;
    deep_model(&model, batchnorm, DESCENT_LAYER_RELU, DEEP_BATCH, 2, pre);
    REQUIRE(descent_sgd_init(&opt, model.parameters, 0, false, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, eta,
                                  0, 0, &e), e);
    *steps = 0;
    for (size_t epoch = 1; epoch <= DEEP_EPOCHS; epoch++) {
        descent_epoch_record record;
        const descent_train_options options = {
            .epochs = 1, .batch = DEEP_BATCH, .seed = epoch, .optimizer = &opt,
            .schedule = &schedule, .quiet = true};
        descent_status status = descent_train(&model, data, &options, &record, &e);
        *steps += DEEP_COUNT / DEEP_BATCH;
        if (status == DESCENT_NONFINITE || (!status && !(record.train_loss <= 1e3))) {
            outcome = DEEP_DIVERGED;
            break;
        }
        REQUIRE(status, e);
        if (record.train_loss <= 0.5) {
            outcome = DEEP_REACHED;
            break;
        }
    }
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    return outcome;
}
static void claim_bn_deep(void **state)
{
    const double eta[DEEP_RATES] = {1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1};
    descent_samples data;
    size_t fewest[2] = {SIZE_MAX, SIZE_MAX};
    bool holds = true;
    (void)state;
    deep_data(&data, 2);
    for (int q = 0; q < DEEP_RATES; q++) {
        char cell[2][32];
        for (int bn = 0; bn < 2; bn++) {
            size_t steps;
            deep_outcome o = deep_train(&data, bn, eta[q], &steps);
            if (o == DEEP_REACHED) {
                snprintf(cell[bn], sizeof cell[bn], "%zu", steps);
                fewest[bn] = steps < fewest[bn] ? steps : fewest[bn];
            } else {
                snprintf(cell[bn], sizeof cell[bn], "%s",
                         o == DEEP_DIVERGED ? "diverged" : "not reached");
            }
            if (bn)
                holds = holds && o != DEEP_DIVERGED &&
                        (eta[q] < 0.01 || o == DEEP_REACHED);
            else
                holds = holds && (eta[q] < 0.03 || o == DEEP_DIVERGED);
        }
        claim_table_row("bn-deep-table", "%g & %s & %s \\\\", eta[q],
                        cell[0], cell[1]);
    }
    double ratio = fewest[0] == SIZE_MAX ? 0
                                          : (double)fewest[1] / (double)fewest[0];
    char measured[160];
    if (fewest[0] == SIZE_MAX)
        snprintf(measured, sizeof measured, "%zu steps against none%s",
                 fewest[1], holds ? "" : "; THE DIVERGENCES DIFFER");
    else
        snprintf(measured, sizeof measured, "%zu against %zu steps, ratio "
                 "$%.3f$%s", fewest[1], fewest[0], ratio,
                 holds ? "" : "; THE DIVERGENCES DIFFER");
    holds = holds && fewest[1] != SIZE_MAX && ratio <= 1.0 / 3;
    claim_report("bn-deep",
                 "on badly scaled data, batch normalization reaches the target "
                 "in at most a third of the steps, at steps where the plain "
                 "network diverges", measured, "ratio $\\le 1/3$", holds);
    assert_true(holds);
    descent_samples_free(&data);
}
typedef struct deep_statistics {
    double mean, deviation, saturated;
} deep_statistics;

static deep_statistics deep_layer_statistics(const float *z, size_t count)
{
    double sum = 0, squares = 0;
    size_t beyond = 0;
    for (size_t i = 0; i < count; i++) {
        sum += z[i];
        beyond += fabs(z[i]) > 2.5;
    }
    double mean = sum / (double)count;
    for (size_t i = 0; i < count; i++)
        squares += (z[i] - mean) * (z[i] - mean);
    return (deep_statistics){mean, sqrt(squares / (double)count),
                             (double)beyond / (double)count};
}
static void deep_measure(descent_model *model, const descent_samples *data,
                         const size_t pre[DEEP_HIDDEN],
                         deep_statistics row[DEEP_HIDDEN])
{
    descent_error e;
    double loss;
    REQUIRE(descent_model_gradient(model, data, NULL, DEEP_PROBE, &loss, &e),
            e);
    for (size_t h = 0; h < DEEP_HIDDEN; h++)
        row[h] = deep_layer_statistics(model->layer[pre[h]].out,
                                       DEEP_PROBE * DEEP_WIDTH);
}
static void claim_bn_activations(void **state)
{
    deep_statistics s[2][2][DEEP_HIDDEN];      /* [bn][trained][layer] */
    descent_samples data;
    (void)state;
    deep_data(&data, 2);
    for (int bn = 0; bn < 2; bn++) {
        descent_model model;
        descent_optimizer opt;
        descent_schedule schedule;
        descent_error e;
        size_t pre[DEEP_HIDDEN];
        deep_model(&model, bn, DESCENT_LAYER_TANH, DEEP_PROBE, 1, pre);
        deep_measure(&model, &data, pre, s[bn][0]);
        REQUIRE(descent_sgd_init(&opt, model.parameters, 0, false, &e), e);
        REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.01, 0,
                                      0, &e), e);
        const descent_train_options options = {
            .epochs = DEEP_TANH_EPOCHS, .batch = DEEP_BATCH, .seed = 2,
            .optimizer = &opt, .schedule = &schedule, .quiet = true};
        REQUIRE(descent_train(&model, &data, &options, NULL, &e), e);
        deep_measure(&model, &data, pre, s[bn][1]);
        descent_optimizer_free(&opt);
        descent_model_free(&model);
    }
    for (size_t h = 0; h < DEEP_HIDDEN; h++) {
        char mean[2][48];
        for (int bn = 0; bn < 2; bn++)
            claim_format(mean[bn], sizeof mean[bn], s[bn][0][h].mean);
        claim_table_row("bn-activations-table",
                        "%zu & %s & %.3g & %.3f & %.3f & %s & %.4f & %.3f & "
                        "%.3f \\\\", h + 1, mean[0], s[0][0][h].deviation,
                        s[0][0][h].saturated, s[0][1][h].saturated, mean[1],
                        s[1][0][h].deviation, s[1][0][h].saturated,
                        s[1][1][h].saturated);
    }
    bool holds = s[0][0][0].saturated > 0.9 && s[0][1][0].saturated > 0.9;
    double worst = 0;
    for (size_t h = 0; h < DEEP_HIDDEN; h++) {
        holds = holds && fabs(s[1][0][h].mean) <= 1e-3 &&
                fabs(s[1][0][h].deviation - 1) <= 1e-3 &&
                s[1][0][h].saturated <= 0.16 && s[1][1][h].saturated <= 0.05;
        worst = fmax(worst, fmax(s[1][0][h].saturated, s[1][1][h].saturated));
    }
    char measured[160];
    snprintf(measured, sizeof measured, "with: at most $%.3f$ beyond $\\pm2.5$; "
             "without: $%.3f$ and $%.3f$ in layer 1", worst, s[0][0][0].saturated,
             s[0][1][0].saturated);
    claim_report("bn-activations",
                 "batch normalization keeps every $\\tanh$ layer's "
                 "pre-activations out of saturation; without it the first "
                 "layer saturates", measured,
                 "with: $\\le 0.16$ ($0.05$ trained); without: $> 0.9$", holds);
    assert_true(holds);
    descent_samples_free(&data);
}



int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(smoke),
        cmocka_unit_test(claim_bn_deep),
        cmocka_unit_test(claim_bn_activations),
        
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
