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
#include "internal-batchnorm.h"     /* the CPU's float passes */
#include "internal-gpu.h"           /* one kernel on host arrays */

static void gpu_model(descent_model *model, size_t inputs, size_t hidden,
                      size_t capacity, uint64_t seed)
{
    const descent_layer_spec spec[] = {
        {DESCENT_LAYER_DENSE, hidden}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0},       {DESCENT_LAYER_DENSE, hidden},
        {DESCENT_LAYER_BATCHNORM, 0},  {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 10},
        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_random r;
    descent_error e;
    descent_random_seed(&r, seed);
    REQUIRE(descent_model_init(model, inputs, 8, spec, capacity, &e), e);
    REQUIRE(descent_model_init_weights(model, &r, &e), e);
}

static void gpu_data(descent_samples *data, size_t count, size_t inputs,
                     uint64_t seed)
{
    descent_random r;
    descent_error e;
    descent_random_seed(&r, seed);
    REQUIRE(descent_samples_init(data, count, inputs, 10, 0, &e), e);
    for (size_t i = 0; i < count * inputs; i++)
        data->x[i] = (float)descent_random_uniform(&r);
    for (size_t i = 0; i < count; i++)
        data->labels[i] = (int32_t)descent_random_below(&r, 10);
}

/* The largest |a - b| over n floats, and whether they are identical. */
static double gpu_worst(const float *a, const float *b, size_t n,
                        bool *same)
{
    double worst = 0;
    *same = memcmp(a, b, n * sizeof *a) == 0;
    for (size_t i = 0; i < n; i++) {
        double d = fabs((double)a[i] - (double)b[i]);
        worst = d > worst || isnan(d) ? d : worst;
    }
    return worst;
}
static double gpu_ratio(const float *gpu, const float *cpu, size_t count,
                        double K)
{
    double scale = 0, worst = 0, u = ldexp(1, -24);
    for (size_t i = 0; i < count; i++)
        scale = fabs(cpu[i]) > scale ? fabs(cpu[i]) : scale;
    for (size_t i = 0; i < count; i++) {
        double d = fabs((double)gpu[i] - (double)cpu[i]);
        worst = d > worst || isnan(d) ? d : worst;
    }
    return scale == 0 ? (worst == 0 ? 0 : INFINITY)
                      : worst / (4 * K * u * scale);
}

static void gpu_fill(float *x, size_t n, double lo, double hi,
                     descent_random *r)
{
    for (size_t i = 0; i < n; i++)
        x[i] = (float)(lo + (hi - lo) * descent_random_uniform(r));
}
enum { KM = 64, KN = 48, KK = 40 };

static double gpu_kernels_dense(descent_random *r)
{
    static float x[KM * KK], w[KN * KK + KN], out[KM * KN], want[KM * KN];
    descent_error e;
    double worst = 0;
    gpu_fill(x, KM * KK, -1, 1, r);
    gpu_fill(w, KN * KK + KN, -0.5, 0.5, r);
    for (int relu = 0; relu < 2; relu++) {
        REQUIRE(descent_gpu_try_dense(KM, KN, KK, x, w, relu, out, &e), e);
        for (size_t i = 0; i < KM; i++)
            for (size_t j = 0; j < KN; j++) {
                double z = w[KN * KK + j];
                for (size_t t = 0; t < KK; t++)
                    z += (double)x[i * KK + t] * w[j * KK + t];
                want[i * KN + j] = (float)(relu && z <= 0 ? 0 : z);
            }
        double ratio = gpu_ratio(out, want, KM * KN, KK + 1);
        worst = ratio > worst ? ratio : worst;
    }
    return worst;
}
static double gpu_kernels_norm(descent_random *r)
{
    static float z[KM * KN], w[2 * KN], s[4 * KN], cs[4 * KN], out[KM * KN],
                 want[KM * KN];
    descent_error e;
    double worst = 0;
    gpu_fill(z, KM * KN, -2, 3, r);
    gpu_fill(w, 2 * KN, 0.5, 1.5, r);
    gpu_fill(s, 4 * KN, 0.5, 1, r);
    for (int training = 1; training >= 0; training--) {
        memcpy(cs, s, sizeof s);
        REQUIRE(descent_gpu_try_norm(KM, KN, z, w, s, training, out, &e), e);
        descent_bn_forward_f(KM, KN, z, w, cs, training,
                             DESCENT_BATCHNORM_MOMENTUM,
                             DESCENT_BATCHNORM_EPS, want);
        for (size_t i = 0; i < KM * KN; i++)
            want[i] = descent_k_relu(want[i]);
        double a = gpu_ratio(out, want, KM * KN, KM),
               b = gpu_ratio(s, cs, 4 * KN, KM);
        worst = a > worst ? a : worst;
        worst = b > worst ? b : worst;
        memcpy(s, cs, sizeof s);
    }
    return worst;
}
static void gpu_column_sums(const float *x, size_t m, size_t n, float *sum)
{
    for (size_t j = 0; j < n; j++) {
        double t = 0;
        for (size_t i = 0; i < m; i++)
            t += x[i * n + j];
        sum[j] = (float)t;
    }
}

static double gpu_kernels_back(descent_random *r)
{
    static float z[KM * KN], a[KM * KN], w[2 * KN], s[4 * KN],
                 d[KM * KN], gd[KM * KN], back[KM * KN], dw[2 * KN],
                 gdw[2 * KN], db[KN], gdb[KN];
    descent_error e;
    double worst = 0;
    gpu_fill(z, KM * KN, -2, 3, r);
    gpu_fill(w, 2 * KN, 0.5, 1.5, r);
    gpu_fill(s, 4 * KN, 0.5, 1, r);
    gpu_fill(d, KM * KN, -1, 1, r);
    descent_bn_forward_f(KM, KN, z, w, s, true, DESCENT_BATCHNORM_MOMENTUM,
                         DESCENT_BATCHNORM_EPS, a);
    for (size_t i = 0; i < KM * KN; i++)
        a[i] = descent_k_relu(a[i]);
    for (int stage = 0; stage < 3; stage++) {   /* norm, ReLU, output */
        memcpy(gd, d, sizeof d);
        for (size_t i = 0; i < KM * KN; i++)
            back[i] = stage == 2 ? d[i] : d[i] * (a[i] > 0 ? 1.0f : 0.0f);
        if (stage == 0) {
            REQUIRE(descent_gpu_try_norm_back(KM, KN, z, a, w, s, gd, gdw, gdb, &e),
                    e);
            descent_bn_backward_f(KM, KN, z, w, s, true, back, dw, dw + KN, back);
            double g = gpu_ratio(gdw, dw, 2 * KN, KM);
            worst = g > worst ? g : worst;
        } else {
            REQUIRE(descent_gpu_try_relu_back(KM, KN, stage == 1 ? a : NULL, gd,
                                              gdb, &e), e);
        }
        gpu_column_sums(back, KM, KN, db);
        double x = gpu_ratio(gd, back, KM * KN, KM), y = gpu_ratio(gdb, db, KN, KM);
        worst = x > worst ? x : worst;
        worst = y > worst ? y : worst;
    }
    return worst;
}
static double gpu_kernels_softmax(descent_random *r)
{
    enum { C = 10 };
    static float z[KM * C], loss[KM], want_loss[KM], d[KM * C],
                 want[KM * C];
    static int32_t y[KM];
    descent_error e;
    gpu_fill(z, KM * C, -4, 4, r);
    for (size_t i = 0; i < KM; i++)
        y[i] = (int32_t)descent_random_below(r, C);
    REQUIRE(descent_gpu_try_softmax(KM, C, z, y, loss, d, &e), e);
    for (size_t i = 0; i < KM; i++) {
        const float *x = z + i * C;
        float top = x[0], sum = 0;
        for (size_t c = 1; c < C; c++)
            top = x[c] > top ? x[c] : top;
        for (size_t c = 0; c < C; c++)
            sum += want[i * C + c] = expf(x[c] - top);
        for (size_t c = 0; c < C; c++)
            want[i * C + c] = want[i * C + c] / sum / (float)KM;
        want[i * C + (size_t)y[i]] -= 1 / (float)KM;
        want_loss[i] = logf(sum) + top - x[y[i]];
    }
    double a = gpu_ratio(loss, want_loss, KM, C + 8),
           b = gpu_ratio(d, want, KM * C, C + 8);
    return a > b ? a : b;
}
static bool gpu_kernels_update(descent_adaptive_kind kind, double decay,
                               descent_random *r)
{
    enum { N = 1000 };
    static float theta[N], cpu[N], g[N], m[N], v[N];
    descent_adaptive_options o;
    descent_optimizer opt;
    descent_error e;
    bool same = true;
    REQUIRE(descent_adaptive_defaults(kind, &o, &e), e);
    o.weight_decay = decay;
    o.momentum = kind == DESCENT_ADAPTIVE_SGD ? 0.9 : o.momentum;
    gpu_fill(theta, N, -1, 1, r);
    memcpy(cpu, theta, sizeof theta);
    memset(m, 0, sizeof m);
    memset(v, 0, sizeof v);
    REQUIRE(descent_adaptive_optimizer_init(&opt, N, kind, &o, &e), e);
    for (size_t k = 0; k < 3; k++) {
        gpu_fill(g, N, -1e-2, 1e-2, r);
        REQUIRE(descent_gpu_try_update(kind, &o, N, k, 1e-2, theta, g, m,
                                       kind == DESCENT_ADAPTIVE_SGD ? NULL
                                                                    : v,
                                       &e), e);
        REQUIRE(descent_optimizer_step(&opt, cpu, g, 1e-2, &e), e);
        same = same && memcmp(theta, cpu, sizeof cpu) == 0;
    }
    descent_optimizer_free(&opt);
    return same;
}
static void gpu_kernels(void)
{
    descent_random r;
    descent_random_seed(&r, 10);
    double worst = gpu_kernels_dense(&r), part[] = {
        gpu_kernels_norm(&r), gpu_kernels_back(&r), gpu_kernels_softmax(&r)};
    for (size_t i = 0; i < 3; i++)
        worst = part[i] > worst || isnan(part[i]) ? part[i] : worst;
    bool same = gpu_kernels_update(DESCENT_ADAPTIVE_SGD, 1e-4, &r) &&
                gpu_kernels_update(DESCENT_ADAPTIVE_ADAM, 0, &r) &&
                gpu_kernels_update(DESCENT_ADAPTIVE_ADAMW, 1e-2, &r);
    assert_true(claim_report_at_most(
        "gpu-kernels", "each GPU kernel within $4Ku$ of the CPU; updates "
        "bit for bit (ratio to the bound)", same ? worst : INFINITY, 1));
}
enum { STEP_INPUTS = 784, STEP_HIDDEN = 64, STEP_COUNT = 512,
       STEP_BATCH = 32 };

/* Batch t of the fixed sequence that both back ends train on. */
static void gpu_batch(size_t t, size_t *index)
{
    for (size_t i = 0; i < STEP_BATCH; i++)
        index[i] = (t * 7 + i * 13) % STEP_COUNT;
}

/* Train both back ends STEPS steps of RULE at rate LR from models made
   with the same seed; the models afterwards, and the last losses. */
static void gpu_both(descent_adaptive_kind rule,
                     const descent_adaptive_options *o, double lr,
                     size_t steps, descent_model *cpu, descent_model *gpu_side,
                     const descent_samples *data, double *loss)
{
    descent_optimizer opt;
    descent_gpu *gpu = NULL;
    descent_error e;
    size_t index[STEP_BATCH];
    gpu_model(cpu, STEP_INPUTS, STEP_HIDDEN, STEP_BATCH, 3);
    gpu_model(gpu_side, STEP_INPUTS, STEP_HIDDEN, STEP_BATCH, 3);
    REQUIRE(descent_adaptive_optimizer_init(&opt, cpu->parameters, rule, o,
                                            &e), e);
    REQUIRE(descent_gpu_init(&gpu, gpu_side, data, rule, o, &e), e);
    for (size_t t = 0; t < steps; t++) {
        gpu_batch(t, index);
        REQUIRE(descent_model_gradient(cpu, data, index, STEP_BATCH,
                                       &loss[0], &e), e);
        REQUIRE(descent_optimizer_step(&opt, cpu->theta, cpu->gradient, lr,
                                       &e), e);
        REQUIRE(descent_gpu_step(gpu, index, STEP_BATCH, lr, &loss[1], &e),
                e);
    }
    REQUIRE(descent_gpu_download(gpu, gpu_side, &e), e);
    descent_gpu_free(gpu);
    descent_optimizer_free(&opt);
}
static void gpu_step(void)
{
    descent_model cpu, gpu_side;
    descent_samples data;
    descent_adaptive_options sgd;
    descent_error e;
    double loss[2], lr = 1e-2, distance = 0, norm = 0;
    double S = (784 + 64 + 32 + 5) + (64 + 64 + 32 + 5) + (64 + 10 + 32 + 5)
               + 2 * 32 + 10, bound = 4 * S * ldexp(1, -24);
    gpu_data(&data, STEP_COUNT, STEP_INPUTS, 4);
    REQUIRE(descent_adaptive_defaults(DESCENT_ADAPTIVE_SGD, &sgd, &e), e);
    sgd.momentum = 0.9;
    gpu_both(DESCENT_ADAPTIVE_SGD, &sgd, lr, 1, &cpu, &gpu_side, &data, loss);
    for (size_t i = 0; i < cpu.parameters; i++) {
        double d = (double)cpu.theta[i] - gpu_side.theta[i];
        distance += d * d;
        norm += (double)cpu.gradient[i] * cpu.gradient[i];
    }
    double first = sqrt(distance) / (lr * sqrt(norm));
    descent_model_free(&cpu);
    descent_model_free(&gpu_side);
    gpu_both(DESCENT_ADAPTIVE_ADAM, NULL, 1e-3, 100, &cpu, &gpu_side, &data,
             loss);
    double drift = fabs(loss[1] - loss[0]) / fabs(loss[0]),
           worst = fmax(first / bound, drift / 1e-4);
    printf("gpu-step: one step %.3g (bound %.3g); after 100 steps losses "
           "%.7g (CPU) and %.7g (GPU), %.3g apart\n", first, bound, loss[0],
           loss[1], drift);
    claim_table_row("gpu-step-table", "%.3g & %.3g & %.3g \\\\", first, bound,
                    drift);
    assert_true(claim_report_at_most(
        "gpu-step", "one GPU step matches the CPU's; 100 steps' losses agree "
        "(ratio to the bound)", isnan(worst) ? INFINITY : worst, 1));
    descent_samples_free(&data);
    descent_model_free(&cpu);
    descent_model_free(&gpu_side);
}
static void gpu_run(descent_model *model, descent_samples *data)
{
    descent_gpu *gpu = NULL;
    descent_error e;
    size_t index[STEP_BATCH];
    REQUIRE(descent_gpu_init(&gpu, model, data, DESCENT_ADAPTIVE_ADAM, NULL,
                             &e), e);
    for (size_t t = 0; t < 100; t++) {
        gpu_batch(t, index);
        REQUIRE(descent_gpu_step(gpu, index, STEP_BATCH, 1e-3, NULL, &e), e);
    }
    REQUIRE(descent_gpu_download(gpu, model, &e), e);
    descent_gpu_free(gpu);
}

static void gpu_reproducible(void)
{
    descent_model a, b;
    descent_samples data;
    bool same_theta, same_state;
    gpu_model(&a, STEP_INPUTS, STEP_HIDDEN, STEP_BATCH, 5);
    gpu_model(&b, STEP_INPUTS, STEP_HIDDEN, STEP_BATCH, 5);
    gpu_data(&data, STEP_COUNT, STEP_INPUTS, 6);
    gpu_run(&a, &data);
    gpu_run(&b, &data);
    double worst = gpu_worst(a.theta, b.theta, a.parameters, &same_theta);
    gpu_worst(a.state, b.state, a.states, &same_state);
    assert_true(claim_report_at_most(
        "gpu-reproducible", "two GPU runs give bit-identical parameters",
        same_theta && same_state ? worst : INFINITY, 0));
    descent_samples_free(&data);
    descent_model_free(&a);
    descent_model_free(&b);
}
enum { ACC_HIDDEN = 256, ACC_BATCH = 128, ACC_EPOCHS = 3 };

static double gpu_train_accuracy(bool on_gpu, const descent_samples *train,
                                 const descent_samples *test)
{
    descent_model model;
    descent_optimizer opt = {0};
    descent_gpu *gpu = NULL;
    descent_random r;
    descent_error e;
    double accuracy = 0, loss;
    size_t *order = malloc(train->count * sizeof *order);
    assert_non_null(order);
    gpu_model(&model, train->inputs, ACC_HIDDEN, ACC_BATCH, 7);
    if (on_gpu)
        REQUIRE(descent_gpu_init(&gpu, &model, train, DESCENT_ADAPTIVE_ADAM,
                                 NULL, &e), e);
    else
        REQUIRE(descent_adaptive_optimizer_init(&opt, model.parameters,
                                                DESCENT_ADAPTIVE_ADAM, NULL,
                                                &e), e);
    descent_random_seed(&r, 8);
    for (size_t epoch = 0; epoch < ACC_EPOCHS; epoch++) {
        REQUIRE(descent_random_permutation(&r, train->count, order, &e), e);
        for (size_t i = 0; i < train->count; i += ACC_BATCH) {
            size_t m = train->count - i < ACC_BATCH ? train->count - i
                                                    : ACC_BATCH;
            if (on_gpu)
                REQUIRE(descent_gpu_step(gpu, order + i, m, 1e-3, NULL, &e),
                        e);
            else {
                REQUIRE(descent_model_gradient(&model, train, order + i, m,
                                               NULL, &e), e);
                REQUIRE(descent_optimizer_step(&opt, model.theta,
                                               model.gradient, 1e-3, &e), e);
            }
        }
    }
    if (on_gpu)
        REQUIRE(descent_gpu_evaluate(gpu, test, &loss, &accuracy, &e), e);
    else
        REQUIRE(descent_model_evaluate(&model, test, &loss, &accuracy, &e), e);
    descent_gpu_free(gpu);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    free(order);
    return accuracy;
}
static void gpu_accuracy(void)
{
    descent_samples train, test;
    descent_error e;
    const char *statement =
        "the GPU trains Fashion-MNIST to the CPU's accuracy";
    if (descent_fashion_mnist_load(&train, true, 0, &e) != DESCENT_OK) {
        claim_skip("gpu-accuracy", statement,
                   "Fashion-MNIST is not installed");
        return;
    }
    REQUIRE(descent_fashion_mnist_load(&test, false, 0, &e), e);
    double cpu = gpu_train_accuracy(false, &train, &test),
           gpu = gpu_train_accuracy(true, &train, &test);
    printf("gpu-accuracy: CPU %.4f, GPU %.4f\n", cpu, gpu);
    claim_table_row("gpu-accuracy-table", "%.2f & %.2f \\\\", 100 * cpu,
                    100 * gpu);
    assert_true(claim_report_at_most("gpu-accuracy", statement,
                                     100 * fabs(gpu - cpu), 1));
    descent_samples_free(&train);
    descent_samples_free(&test);
}
static void gpu_memory(void)
{
    descent_model model;
    descent_samples data;
    descent_error e;
    size_t leaked = 1;
    gpu_model(&model, 20, 8, 4, 1);
    gpu_data(&data, 16, 20, 2);
    BAD("descent_gpu_init",
        descent_gpu_try_memory(&model, &data, (size_t)1 << 40, &leaked, &e),
        e, DESCENT_OUT_OF_MEMORY, "out of memory");
    assert_true(leaked == 0);
    descent_samples_free(&data);
    descent_model_free(&model);
}
static void bad_gpu_init(const descent_model *model,
                         const descent_samples *data)
{
    descent_gpu *gpu = NULL;
    descent_model tanh_model, never = {0};
    descent_samples wide, nolabels = *data, badlabel = *data;
    descent_adaptive_options o;
    descent_error e;
    const char *init = "descent_gpu_init";
    const descent_layer_spec spec[] = {{DESCENT_LAYER_DENSE, 8},
                                       {DESCENT_LAYER_TANH, 0},
                                       {DESCENT_LAYER_DENSE, 10},
                                       {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY,
                                        0}};
    const descent_adaptive_kind adam = DESCENT_ADAPTIVE_ADAM;
    REQUIRE(descent_model_init(&tanh_model, 20, 4, spec, 4, &e), e);
    gpu_data(&wide, 16, 21, 3);
    nolabels.labels = NULL;
    BAD(init, descent_gpu_init(NULL, model, data, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "gpu is NULL");
    BAD(init, descent_gpu_init(&gpu, NULL, data, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(init, descent_gpu_init(&gpu, &never, data, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "freed or never made");
    BAD(init, descent_gpu_init(&gpu, &tanh_model, data, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "layer[1] is not the ReLU");
    BAD(init, descent_gpu_init(&gpu, model, NULL, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "train is NULL");
    BAD(init, descent_gpu_init(&gpu, model, &nolabels, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "missing its inputs or labels");
    BAD(init, descent_gpu_init(&gpu, model, &wide, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "21 inputs");
    int32_t saved = data->labels[5];
    data->labels[5] = 10;
    BAD(init, descent_gpu_init(&gpu, model, &badlabel, adam, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "label[5] = 10");
    data->labels[5] = saved;
    BAD(init, descent_gpu_init(&gpu, model, data, DESCENT_ADAPTIVE_RPROP, NULL,
                               &e), e, DESCENT_INVALID_ARGUMENT, "rule = ");
    REQUIRE(descent_adaptive_defaults(DESCENT_ADAPTIVE_SGD, &o, &e), e);
    o.nesterov = true, o.momentum = 0.9;
    BAD(init, descent_gpu_init(&gpu, model, data, DESCENT_ADAPTIVE_SGD, &o, &e),
        e, DESCENT_INVALID_ARGUMENT, "nesterov = true");
    o.nesterov = false, o.dampening = 0.5;
    BAD(init, descent_gpu_init(&gpu, model, data, DESCENT_ADAPTIVE_SGD, &o, &e),
        e, DESCENT_INVALID_ARGUMENT, "dampening != 0");
    REQUIRE(descent_adaptive_defaults(adam, &o, &e), e);
    o.amsgrad = true;
    BAD(init, descent_gpu_init(&gpu, model, data, adam, &o, &e), e,
        DESCENT_INVALID_ARGUMENT, "amsgrad = true");
    o.amsgrad = false, o.beta1 = 1.5;
    BAD(init, descent_gpu_init(&gpu, model, data, adam, &o, &e), e,
        DESCENT_INVALID_ARGUMENT, "beta1");
    assert_null(gpu);
    descent_model_free(&tanh_model);
    descent_samples_free(&wide);
}
static void bad_gpu_made(descent_gpu *gpu, descent_model *other,
                         descent_samples *data)
{
    descent_error e;
    size_t index[4] = {0, 1, 2, 3}, past[2] = {0, 16};
    descent_samples wide;
    const char *gradient = "descent_gpu_gradient", *step = "descent_gpu_step",
               *evaluate = "descent_gpu_evaluate",
               *download = "descent_gpu_download";
    BAD(gradient, descent_gpu_gradient(gpu, NULL, 2, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "index is NULL");
    BAD(gradient, descent_gpu_gradient(gpu, index, 1, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "batch = 1 must lie in 2");
    BAD(gradient, descent_gpu_gradient(gpu, index, 5, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "batch = 5");
    BAD(gradient, descent_gpu_gradient(gpu, past, 2, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "index[1] = 16");
    BAD(step, descent_gpu_step(gpu, index, 4, 0, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "lr = 0");
    BAD(step, descent_gpu_step(gpu, index, 4, NAN, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "lr = nan");
    BAD(evaluate, descent_gpu_evaluate(gpu, NULL, NULL, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "data is NULL");
    gpu_data(&wide, 16, 21, 3);
    BAD(evaluate, descent_gpu_evaluate(gpu, &wide, NULL, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "21 inputs");
    descent_samples_free(&wide);
    BAD(download, descent_gpu_download(gpu, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(download, descent_gpu_download(gpu, other, &e), e,
        DESCENT_INVALID_ARGUMENT, "parameters");
    VALID(step, "a batch of the capacity",
          descent_gpu_step(gpu, index, 4, 1e-3, NULL, &e), e);
    VALID(evaluate, "more samples than the capacity, in pieces",
          descent_gpu_evaluate(gpu, data, NULL, NULL, &e), e);
}
static void bad_gpu(void **state)
{
    descent_model model, other;
    descent_samples data;
    descent_gpu_info info;
    descent_gpu *gpu = NULL;
    descent_error e;
    size_t index[2] = {0, 1};
    (void)state;
    gpu_model(&model, 20, 8, 4, 1);
    gpu_model(&other, 20, 9, 4, 1);
    gpu_data(&data, 16, 20, 2);
    BAD("descent_gpu_query", descent_gpu_query(NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "info is NULL");
    bad_gpu_init(&model, &data);
    BAD("descent_gpu_gradient", descent_gpu_gradient(NULL, index, 2, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "gpu is NULL");
    BAD("descent_gpu_step", descent_gpu_step(NULL, index, 2, 1e-3, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "gpu is NULL");
    BAD("descent_gpu_evaluate", descent_gpu_evaluate(NULL, &data, NULL, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "gpu is NULL");
    BAD("descent_gpu_download", descent_gpu_download(NULL, &model, &e), e,
        DESCENT_INVALID_ARGUMENT, "gpu is NULL");
    SURVIVES("descent_gpu_free", "freeing no back end does nothing",
             descent_gpu_free(NULL));
    descent_status status = descent_gpu_query(&info, &e);
    if (status == DESCENT_UNAVAILABLE) {
        BAD("descent_gpu_query", descent_gpu_query(&info, &e), e,
            DESCENT_UNAVAILABLE, "gpu: unavailable");
        BAD("descent_gpu_init",
            descent_gpu_init(&gpu, &model, &data, DESCENT_ADAPTIVE_ADAM,
                             NULL, &e), e, DESCENT_UNAVAILABLE,
            "gpu: unavailable");
    } else {
        REQUIRE(descent_gpu_init(&gpu, &model, &data, DESCENT_ADAPTIVE_ADAM,
                                 NULL, &e), e);
        bad_gpu_made(gpu, &other, &data);
        descent_gpu_free(gpu);
    }
    descent_samples_free(&data);
    descent_model_free(&model);
    descent_model_free(&other);
}

typedef struct gpu_check {
    const char *key, *statement;          /* key NULL: not a claim */
    void (*run)(void);
} gpu_check;

static const gpu_check gpu_checks[] = {
    {"gpu-kernels", "each GPU kernel within $4Ku$ of the CPU; updates bit "
     "for bit (ratio to the bound)", gpu_kernels},
    {"gpu-step", "one GPU step matches the CPU's; 100 steps' losses agree "
     "(ratio to the bound)", gpu_step},
    {"gpu-reproducible", "two GPU runs give bit-identical parameters",
     gpu_reproducible},
    {"gpu-accuracy", "the GPU trains Fashion-MNIST to the CPU's accuracy",
     gpu_accuracy},
    {NULL, "an impossible allocation fails cleanly", gpu_memory},
};
static void gpu_claims(void **state)
{
    descent_gpu_info info;
    descent_error e;
    size_t count = sizeof gpu_checks / sizeof *gpu_checks;
    (void)state;
    descent_status status = descent_gpu_query(&info, &e);
    if (status == DESCENT_UNAVAILABLE) {
        printf("no CUDA toolkit / no CUDA device: %zu GPU checks skipped\n",
               count);
        for (size_t i = 0; i < count; i++)
            if (gpu_checks[i].key != NULL)
                claim_skip(gpu_checks[i].key, gpu_checks[i].statement,
                           "no CUDA toolkit or no CUDA device");
        return;
    }
    REQUIRE(status, e);
    printf("GPU: %s, compute capability %d.%d\n", info.name, info.major,
           info.minor);
    for (size_t i = 0; i < count; i++)
        gpu_checks[i].run();
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
    {
        descent_model_hooks hooks = {NULL, NULL, 1, NULL};
        model.hooks = &hooks;
        BAD(check, descent_fused_check(&model, &e), e,
            DESCENT_INVALID_ARGUMENT, "model has hooks");
        model.hooks = NULL;
    }
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
        cmocka_unit_test(gpu_claims),
        cmocka_unit_test(bad_gpu),
        cmocka_unit_test(claim_fused_accuracy),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
