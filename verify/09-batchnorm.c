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

static const double bn_u = 0x1p-53, bn_uf = 0x1p-24;

static void bn_gaussian(descent_random *r, size_t m, size_t n,
                        const double *mean, const double *spread, double *x)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++)
            x[i * n + j] = mean[j] + spread[j] * descent_random_gaussian(r);
}

static void bn_coefficients(descent_random *r, size_t count, double *coef)
{
    for (size_t k = 0; k < 2 * count; k++)
        coef[k] = 2 * descent_random_uniform(r) - 1;
}

static double bn_energy(size_t count, const double *y, const double *coef,
                        double *dy)
{
    double energy = 0;
    for (size_t k = 0; k < count; k++) {
        const double a = coef[k], b = coef[count + k];
        energy += a * y[k] + b * y[k] * y[k] * y[k] / 6;
        if (dy != NULL)
            dy[k] = a + b * y[k] * y[k] / 2;
    }
    return energy;
}
static void bn_column_moments(size_t m, size_t n, size_t j, const double *x,
                              double *mean, double *var)
{
    double sum = 0, square = 0;
    for (size_t i = 0; i < m; i++)
        sum += x[i * n + j];
    *mean = sum / (double)m;
    for (size_t i = 0; i < m; i++)
        square += (x[i * n + j] - *mean) * (x[i * n + j] - *mean);
    *var = square / (double)m;
}
static double bn_central(descent_batchnorm *bn, size_t m, double *x,
                         double *v, const double *coef, double *y)
{
    descent_error e;
    const double keep = *v, h = cbrt(bn_u) * fmax(1, fabs(keep));
    const size_t count = m * bn->units;
    *v = keep + h;
    double up = *v;
    REQUIRE(descent_batchnorm_forward(bn, m, x, y, &e), e);
    double e_up = bn_energy(count, y, coef, NULL);
    *v = keep - h;
    double down = *v;
    REQUIRE(descent_batchnorm_forward(bn, m, x, y, &e), e);
    double e_down = bn_energy(count, y, coef, NULL);
    *v = keep;
    return (e_up - e_down) / (up - down);
}
static double bn_gradient_error(descent_batchnorm *bn, size_t m, double *x,
                                const double *coef)
{
    enum { most = 64 };
    const size_t n = bn->units, count = m * n;
    double y[most], dy[most], dx[most], dgamma[most], dbeta[most];
    double gap[3] = {0, 0, 0}, size[3] = {0, 0, 0}, worst = 0;
    descent_error e;
    assert_true(count <= most);
    REQUIRE(descent_batchnorm_forward(bn, m, x, y, &e), e);
    bn_energy(count, y, coef, dy);
    REQUIRE(descent_batchnorm_backward(bn, m, x, dy, dx, dgamma, dbeta, &e),
            e);
    for (size_t k = 0; k < count + 2 * n; k++) {
        int group = k < count ? 0 : k < count + n ? 1 : 2;
        double *v = group == 0 ? &x[k] : group == 1 ? &bn->gamma[k - count]
                                                    : &bn->beta[k - count - n];
        double g = group == 0 ? dx[k] : group == 1 ? dgamma[k - count]
                                                   : dbeta[k - count - n];
        double fd = bn_central(bn, m, x, v, coef, y);
        gap[group] += (fd - g) * (fd - g);
        size[group] += g * g;
    }
    for (int group = 0; group < 3; group++)
        worst = fmax(worst, sqrt(gap[group] / size[group]));
    return worst;
}
static void bn_sum_bounds(size_t m, size_t n, size_t j, const double *x,
                          const double *dy, const double *dx, double mean,
                          double inv, double gamma, double dgamma,
                          double dbeta, double u, double bound[2])
{
    double sx = 0, sd = 0, sdx = 0, sdxhat = 0, sxdx = 0;
    for (size_t i = 0; i < m; i++) {
        double xhat = (x[i * n + j] - mean) * inv;
        sx += fabs(x[i * n + j]);
        sd += fabs(dy[i * n + j]);
        sdx += fabs(dx[i * n + j]);
        sdxhat += fabs(dy[i * n + j] * xhat);
        sxdx += fabs(xhat * dx[i * n + j]);
    }
    double s = fabs(gamma * inv), c = (double)m + 6;
    bound[0] = 2 * c * u * (s * (sd + fabs(dbeta) + fabs(dgamma) * inv * sx)
                            + sdx);
    bound[1] = 2 * c * u * (s * (sdxhat + fabs(dbeta) * inv * sx
                                 + fabs(dgamma)) + sxdx);
}
static double bn_sums_error(const descent_batchnorm *bn, size_t m,
                            const double *x, const double *dy,
                            const double *dx, const double *dgamma,
                            const double *dbeta)
{
    const size_t n = bn->units;
    double worst = 0, bound[2];
    for (size_t j = 0; j < n; j++) {
        double sum = 0, dot = 0, inv = bn->invstd[j];
        for (size_t i = 0; i < m; i++) {
            sum += dx[i * n + j];
            dot += (x[i * n + j] - bn->mean[j]) * inv * dx[i * n + j];
        }
        double want = bn->gamma[j] * bn->eps * dgamma[j] * inv * inv * inv;
        bn_sum_bounds(m, n, j, x, dy, dx, bn->mean[j], inv, bn->gamma[j],
                      dgamma[j], dbeta[j], bn_u, bound);
        worst = fmax(worst, fmax(fabs(sum) / bound[0],
                                 fabs(dot - want) / bound[1]));
    }
    return worst;
}
enum { REF_D = 6, REF_H = 8, REF_C = 3, REF_M = 16,
       REF_P = REF_H * (REF_D + 1) + 2 * REF_H + REF_C * (REF_H + 1) };
static const descent_layer_spec bn_ref_spec[5] = {
    {DESCENT_LAYER_DENSE, REF_H}, {DESCENT_LAYER_BATCHNORM, 0},
    {DESCENT_LAYER_TANH, 0}, {DESCENT_LAYER_DENSE, REF_C},
    {DESCENT_LAYER_L2, 0}};

typedef struct bn_reference {
    double loss, g[REF_P], state[4 * REF_H];
    double z[REF_M * REF_H], dy[REF_M * REF_H], dz[REF_M * REF_H];
} bn_reference;
static void bn_reference_model(descent_model *model, descent_samples *data,
                               uint64_t seed)
{
    descent_random r;
    descent_error e;
    REQUIRE(descent_model_init(model, REF_D, 5, bn_ref_spec, REF_M, &e), e);
    assert_true(model->parameters == REF_P);
    descent_random_seed(&r, seed);
    REQUIRE(descent_model_init_weights(model, &r, &e), e);
    REQUIRE(descent_samples_init(data, REF_M, REF_D, 0, REF_C, &e), e);
    for (size_t k = 0; k < REF_M * REF_D; k++)
        data->x[k] = (float)(1 + descent_random_gaussian(&r));
    for (size_t k = 0; k < REF_M * REF_C; k++)
        data->targets[k] = (float)descent_random_gaussian(&r);
    float *w = model->theta + model->layer[1].offset;
    for (size_t j = 0; j < REF_H; j++)
        w[j] = 1 + 0.1f * (float)j, w[REF_H + j] = 0.05f * (float)j;
}
static void bn_reference_pass(const descent_model *model,
                              const descent_samples *data, bool training,
                              const double *state, bn_reference *ref)
{
    enum { D = REF_D, H = REF_H, C = REF_C, M = REF_M };
    double w[REF_P], y[M * H], a[M * H], o[M * C];
    for (size_t p = 0; p < REF_P; p++)
        w[p] = model->theta[p];
    const size_t bn = model->layer[1].offset, out = model->layer[3].offset;
    memcpy(ref->state, state, sizeof ref->state);
    for (size_t i = 0; i < M; i++)
        for (size_t j = 0; j < H; j++) {
            double sum = w[H * D + j];
            for (size_t k = 0; k < D; k++)
                sum += (double)data->x[i * D + k] * w[j * D + k];
            ref->z[i * H + j] = sum;
        }
    descent_bn_forward_d(M, H, ref->z, w + bn, ref->state, training,
                         DESCENT_BATCHNORM_MOMENTUM, DESCENT_BATCHNORM_EPS, y);
    ref->loss = 0;
    for (size_t i = 0; i < M; i++) {
        for (size_t j = 0; j < H; j++)
            a[i * H + j] = tanh(y[i * H + j]);
        for (size_t c = 0; c < C; c++) {
            double sum = w[out + C * H + c];
            for (size_t j = 0; j < H; j++)
                sum += a[i * H + j] * w[out + c * H + j];
            o[i * C + c] = (sum - data->targets[i * C + c]) / M;
            ref->loss += (sum - data->targets[i * C + c]) *
                         (sum - data->targets[i * C + c]) / (2.0 * M);
        }
    }
    for (size_t p = 0; p < REF_P; p++)
        ref->g[p] = 0;
    for (size_t i = 0; i < M; i++)
        for (size_t j = 0; j < H; j++) {
            double da = 0;
            for (size_t c = 0; c < C; c++) {
                ref->g[out + c * H + j] += o[i * C + c] * a[i * H + j];
                da += o[i * C + c] * w[out + c * H + j];
            }
            ref->dy[i * H + j] = da * (1 - a[i * H + j] * a[i * H + j]);
        }
    for (size_t i = 0; i < M; i++)
        for (size_t c = 0; c < C; c++)
            ref->g[out + C * H + c] += o[i * C + c];
    descent_bn_backward_d(M, H, ref->z, w + bn, ref->state, training, ref->dy,
                          ref->g + bn, ref->g + bn + H, ref->dz);
    for (size_t i = 0; i < M; i++)
        for (size_t j = 0; j < H; j++) {
            for (size_t k = 0; k < D; k++)
                ref->g[j * D + k] += ref->dz[i * H + j] * data->x[i * D + k];
            ref->g[H * D + j] += ref->dz[i * H + j];
        }
}
static double bn_model_bias_error(void)
{
    descent_model model;
    descent_samples data;
    descent_error e;
    bn_reference ref;
    double state[4 * REF_H], loss, worst = 0, bound[2];
    bn_reference_model(&model, &data, 93);
    for (size_t k = 0; k < 4 * REF_H; k++)
        state[k] = model.state[k];
    REQUIRE(descent_model_gradient(&model, &data, NULL, REF_M, &loss, &e), e);
    bn_reference_pass(&model, &data, true, state, &ref);
    const size_t bn = model.layer[1].offset;
    for (size_t j = 0; j < REF_H; j++) {
        bn_sum_bounds(REF_M, REF_H, j, ref.z, ref.dy, ref.dz,
                      ref.state[2 * REF_H + j], ref.state[3 * REF_H + j],
                      model.theta[bn + j], ref.g[bn + j],
                      ref.g[bn + REF_H + j], bn_uf, bound);
        worst = fmax(worst, fabs(model.gradient[REF_H * REF_D + j]) /
                                bound[0]);
    }
    descent_model_free(&model);
    descent_samples_free(&data);
    return worst;
}
enum { SC_M = 16, SC_D = 5, SC_N = 4 };

typedef struct bn_scaled {
    double z[SC_M * SC_N], y[SC_M * SC_N], dz[SC_M * SC_N];
    double dw[SC_N * (SC_D + 1)];       /* W's gradient, then b's */
    double dgamma[SC_N], dbeta[SC_N], mean[SC_N], invstd[SC_N];
} bn_scaled;
static void bn_scaled_pass(const double *x, const double *w, double c,
                           double eps, const double *coef, bn_scaled *p)
{
    descent_batchnorm bn;
    descent_error e;
    double dy[SC_M * SC_N];
    REQUIRE(descent_batchnorm_init(&bn, SC_N, DESCENT_BATCHNORM_MOMENTUM,
                                   eps, &e), e);
    for (size_t j = 0; j < SC_N; j++)
        bn.gamma[j] = 1.2 - 0.3 * (double)j, bn.beta[j] = 0.2;
    for (size_t i = 0; i < SC_M; i++)
        for (size_t j = 0; j < SC_N; j++) {
            double sum = c * w[SC_N * SC_D + j];
            for (size_t k = 0; k < SC_D; k++)
                sum += x[i * SC_D + k] * (c * w[j * SC_D + k]);
            p->z[i * SC_N + j] = sum;
        }
    REQUIRE(descent_batchnorm_forward(&bn, SC_M, p->z, p->y, &e), e);
    bn_energy(SC_M * SC_N, p->y, coef, dy);
    REQUIRE(descent_batchnorm_backward(&bn, SC_M, p->z, dy, p->dz,
                                       p->dgamma, p->dbeta, &e), e);
    for (size_t k = 0; k < SC_N * (SC_D + 1); k++)
        p->dw[k] = 0;
    for (size_t i = 0; i < SC_M; i++)
        for (size_t j = 0; j < SC_N; j++) {
            for (size_t k = 0; k < SC_D; k++)
                p->dw[j * SC_D + k] += p->dz[i * SC_N + j] * x[i * SC_D + k];
            p->dw[SC_N * SC_D + j] += p->dz[i * SC_N + j];
        }
    memcpy(p->mean, bn.mean, sizeof p->mean);
    memcpy(p->invstd, bn.invstd, sizeof p->invstd);
    descent_batchnorm_free(&bn);
}
static double bn_scale_tolerance(const double *x, const double *w,
                                 const bn_scaled *p)
{
    double kappa = 0;
    for (size_t j = 0; j < SC_N; j++) {
        double big = 0, top = 0;
        for (size_t i = 0; i < SC_M; i++) {
            double size = fabs(w[SC_N * SC_D + j]);
            for (size_t k = 0; k < SC_D; k++)
                size += fabs(x[i * SC_D + k] * w[j * SC_D + k]);
            big = fmax(big, size);
            top = fmax(top, fabs(p->z[i * SC_N + j] - p->mean[j]) *
                                p->invstd[j]);
        }
        kappa = fmax(kappa, (2 + top) * big * p->invstd[j]);
    }
    return (SC_D + 2 * SC_M + 12) * bn_u * (1 + kappa);
}
static double bn_max_gap(size_t n, const double *a, double scale,
                         const double *b)
{
    double gap = 0, size = 0;
    for (size_t k = 0; k < n; k++) {
        gap = fmax(gap, fabs(scale * a[k] - b[k]));
        size = fmax(size, fabs(b[k]));
    }
    return gap / size;
}
static double bn_relative_gap(size_t n, const float *a, const double *b)
{
    double gap = 0, norm = 0;
    for (size_t i = 0; i < n; i++) {
        gap += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        norm += b[i] * b[i];
    }
    return sqrt(gap / norm);
}

static double bn_float_tolerance(const descent_model *model,
                                 const bn_reference *ref)
{
    double growth = 2 * REF_M + 10, kappa = 0;
    for (size_t k = 0; k < model->count; k++)
        if (model->layer[k].kind == DESCENT_LAYER_DENSE)
            growth += (double)(model->layer[k].inputs +
                               model->layer[k].outputs + REF_M + 5);
    for (size_t i = 0; i < REF_M; i++)
        for (size_t j = 0; j < REF_H; j++)
            kappa = fmax(kappa, fabs(ref->z[i * REF_H + j] -
                                     ref->state[2 * REF_H + j]) *
                                    ref->state[3 * REF_H + j]);
    return growth * bn_uf * (1 + kappa);
}
enum { init_depth = 32, init_width = 256, init_batch = 64, init_draws = 4 };

typedef struct init_case {
    const char *name;                  /* the row of the table */
    descent_layer_kind activation;
    descent_init init;
    double band;                       /* allowed ratio to the recursion */
} init_case;

static const init_case init_cases[] = {
    {"ReLU, He, $g=\\sqrt2$", DESCENT_LAYER_RELU,
     {DESCENT_INIT_HE_NORMAL, NAN, 0}, 2},
    {"ReLU, $g=1$", DESCENT_LAYER_RELU, {DESCENT_INIT_HE_NORMAL, 1, 0}, 2},
    {"ReLU, $g=2$", DESCENT_LAYER_RELU, {DESCENT_INIT_HE_NORMAL, 2, 0}, 2},
    {"$\\tanh$, Glorot, $g=1$", DESCENT_LAYER_TANH,
     {DESCENT_INIT_GLOROT_NORMAL, 1, 0}, 1.15},
    {"$\\tanh$, $g=5/3$", DESCENT_LAYER_TANH,
     {DESCENT_INIT_GLOROT_NORMAL, 5.0 / 3, 0}, 1.15},
    {"$\\tanh$, $g=1/2$", DESCENT_LAYER_TANH,
     {DESCENT_INIT_GLOROT_NORMAL, 0.5, 0}, 1.15},
    {"logistic, Glorot, $g=1$", DESCENT_LAYER_LOGISTIC,
     {DESCENT_INIT_GLOROT_NORMAL, 1, 0}, 1.15}};
enum { init_count = sizeof init_cases / sizeof init_cases[0] };

typedef struct init_signal {
    double measured[2][init_depth];    /* forward, backward */
    double predicted[2][init_depth];
} init_signal;
static const init_signal *init_signals(void)
{
    static init_signal s[init_count];
    static bool measured;
    descent_error e;
    for (size_t c = 0; c < init_count && !measured; c++) {
        const init_case *k = &init_cases[c];
        double logs[2][init_depth] = {{0}}, f[init_depth], b[init_depth];
        for (int d = 0; d < init_draws; d++) {
            descent_random r;
            descent_random_seed(&r, 20 + (uint64_t)d);
            REQUIRE(descent_init_profile(&k->init, k->activation,
                                         init_depth, init_width, init_batch,
                                         &r, f, b, &e), e);
            for (size_t l = 0; l < init_depth; l++) {
                logs[0][l] += log(f[l]) / init_draws;
                logs[1][l] += log(b[l]) / init_draws;
            }
        }
        for (int v = 0; v < 2; v++)
            for (size_t l = 0; l < init_depth; l++)
                s[c].measured[v][l] = exp(logs[v][l]);
        REQUIRE(descent_init_predict(&k->init, k->activation, init_depth,
                                     init_width, s[c].predicted[0],
                                     s[c].predicted[1], &e), e);
    }
    measured = true;
    return s;
}
static double init_rate(const double *v, size_t first, size_t last)
{
    double n = (double)(last - first), sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t l = first; l < last; l++) {
        double x = (double)l, y = log(v[l]);
        sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    return exp((n * sxy - sx * sy) / (n * sxx - sx * sx));
}
static double init_judge(int v, bool table)
{
    const init_signal *s = init_signals();
    size_t first = v == 0 ? 4 : 0, last = init_depth - (v == 0 ? 0 : 4);
    double worst = 0;
    for (size_t c = 0; c < init_count; c++) {
        const double *m = s[c].measured[v], *p = s[c].predicted[v];
        double rate = init_rate(m, first, last),
               theory = init_rate(p, first, last);
        worst = fmax(worst, fabs(rate / theory - 1) / 0.03);
        for (size_t l = 0; l < init_depth; l++)
            worst = fmax(worst, fabs(log(m[l] / p[l])) /
                                    log(init_cases[c].band));
        if (table)
            claim_table_row("init-rates-table",
                            "%s & %.4f & %.4f & %.4f & %.4f\\\\",
                            init_cases[c].name, rate, theory,
                            1 / init_rate(s[c].measured[1], 0,
                                          init_depth - 4),
                            1 / init_rate(s[c].predicted[1], 0,
                                          init_depth - 4));
        printf("  %-28s %s: factor %.4f, recursion %.4f\n",
               init_cases[c].name, v == 0 ? "forward" : "backward",
               v == 0 ? rate : 1 / rate, v == 0 ? theory : 1 / theory);
    }
    return worst;
}
enum { sym_inputs = 6, sym_hidden = 12, sym_classes = 3, sym_count = 256 };

static double sym_train(const descent_init *init, descent_model *model,
                        const descent_samples *data)
{
    const descent_layer_spec spec[6] = {
        {DESCENT_LAYER_DENSE, sym_hidden}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, sym_hidden}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, sym_classes},
        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_optimizer sgd;
    descent_schedule schedule;
    descent_epoch_record records[20];
    descent_random r;
    descent_error e;
    REQUIRE(descent_model_init(model, sym_inputs, 6, spec, 32, &e), e);
    descent_random_seed(&r, 31);
    REQUIRE(descent_model_initialize(model, init, &r, &e), e);
    REQUIRE(descent_sgd_init(&sgd, model->parameters, 0.9, false, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                  0.05, 0, 0, &e), e);
    descent_train_options o = {.epochs = 20, .batch = 32, .seed = 32,
                               .optimizer = &sgd, .schedule = &schedule,
                               .quiet = true};
    REQUIRE(descent_train(model, data, &o, records, &e), e);
    descent_optimizer_free(&sgd);
    return records[19].train_loss;
}
static double sym_spread(const descent_model *model, size_t k,
                         double tolerance, size_t *distinct)
{
    const descent_layer *in = &model->layer[k], *out = &model->layer[k + 2];
    const float *W = model->theta + in->offset,
                *b = W + in->inputs * in->outputs,
                *V = model->theta + out->offset;
    double largest = fabsf(b[0]), spread = 0;
    for (size_t i = 0; i < in->inputs; i++)
        largest = fmax(largest, fabsf(W[i]));
    for (size_t o = 0; o < out->outputs; o++)
        largest = fmax(largest, fabsf(V[o * out->inputs]));
    *distinct = 0;
    for (size_t j = 1; j < in->outputs; j++) {
        double d = fabsf(b[j] - b[0]);
        for (size_t i = 0; i < in->inputs; i++)
            d = fmax(d, fabsf(W[j * in->inputs + i] - W[i]));
        for (size_t o = 0; o < out->outputs; o++)
            d = fmax(d, fabsf(V[o * out->inputs + j] - V[o * out->inputs]));
        *distinct += d > tolerance * largest;
        spread = fmax(spread, d / largest);
    }
    return spread;
}
static descent_status xor_start(void *context, uint64_t seed,
                                double *value, descent_error *error)
{
    static const double x[8] = {0, 0, 0, 1, 1, 0, 1, 1}, t[4] = {0, 1, 1, 0};
    const size_t sizes[3] = {2, 2, 1};
    const descent_init init = {DESCENT_INIT_NORMAL, NAN, 2};
    descent_dataset data = {4, 2, 1, x, t};
    descent_network net;
    descent_network_problem p;
    descent_step_schedule schedule;
    descent_random r;
    descent_result result;
    double theta[9], out[4] = {0};
    descent_status status;
    (void)context;
    if ((status = descent_network_init(&net, 2, sizes, DESCENT_LOGISTIC,
                                       DESCENT_LOGISTIC, error)) ||
        (status = descent_network_problem_init(&p, &net, &data,
                                               DESCENT_CROSS_ENTROPY, error)))
        return status;
    descent_random_seed(&r, seed);
    descent_init_layer(&init, 2, 2, DESCENT_LAYER_LOGISTIC, &r, theta,
                       theta + 4, NULL);
    descent_init_layer(&init, 2, 1, DESCENT_LAYER_LOGISTIC, &r, theta + 6,
                       theta + 8, NULL);
    descent_objective f = descent_network_objective(&p);
    descent_direction_rule down = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 2);
    descent_options options = descent_default_options();
    options.max_iterations = 1000;
    status = descent_minimize(&f, &down, &step, &options, theta, &result);
    if (status == DESCENT_MAX_ITERATIONS || status == DESCENT_STALLED)
        status = DESCENT_OK;
    if (status == DESCENT_OK)
        status = descent_network_outputs(&p, theta, out, error);
    descent_network_problem_free(&p);
    *value = 0;
    for (int i = 0; i < 4; i++)
        *value += (out[i] > 0.5) != (t[i] > 0.5);
    return status;
}
static void claim_init_forward(void **state)
{
    (void)state;
    double worst = init_judge(0, true);
    claim_report_at_most("init-forward",
                         "the pre-activations' second moment follows the "
                         "recursion at every layer, and its per-layer "
                         "factor (worst error / allowed)", worst, 1);
    assert_true(worst <= 1);
}

static void claim_init_backward(void **state)
{
    (void)state;
    double worst = init_judge(1, false);
    claim_report_at_most("init-backward",
                         "the backpropagated signal's second moment "
                         "follows the recursion at every layer, and its "
                         "per-layer factor (worst error / allowed)",
                         worst, 1);
    assert_true(worst <= 1);
}
static void claim_init_symmetry(void **state)
{
    descent_samples data;
    descent_model model;
    descent_error e;
    (void)state;
    REQUIRE(descent_samples_init(&data, sym_count, sym_inputs, sym_classes,
                                 0, &e), e);
    {
        descent_random r;
        double teacher[sym_classes * sym_inputs];
        descent_random_seed(&r, 30);
        for (size_t j = 0; j < sym_classes * sym_inputs; j++)
            teacher[j] = descent_random_gaussian(&r);
        for (size_t i = 0; i < sym_count; i++) {
            float *x = data.x + i * sym_inputs;
            double best = -INFINITY;
            for (size_t j = 0; j < sym_inputs; j++)
                x[j] = (float)descent_random_gaussian(&r);
            for (int c = 0; c < sym_classes; c++) {
                double s = 0;
                for (size_t j = 0; j < sym_inputs; j++)
                    s += teacher[c * sym_inputs + j] * x[j];
                if (s > best)
                    best = s, data.labels[i] = c;
            }
        }
    }
    const descent_init constant = {DESCENT_INIT_CONSTANT, NAN, 0.1},
                       zeros = {DESCENT_INIT_ZEROS, NAN, 0};
    double loss_constant = sym_train(&constant, &model, &data);
    const double u = 0x1p-24, rounding = 64 * u, broken = 0.01;
    size_t split[2], random_distinct[2];
    double spread = fmax(sym_spread(&model, 0, rounding, &split[0]),
                         sym_spread(&model, 2, rounding, &split[1]));
    descent_model_free(&model);
    sym_train(&zeros, &model, &data);
    size_t moved = 0;
    {
        const descent_layer *last = &model.layer[4];
        size_t keep = last->offset + last->inputs * last->outputs;
        for (size_t j = 0; j < keep; j++)
            moved += model.theta[j] != 0;
    }
    descent_model_free(&model);
    double loss_random = sym_train(NULL, &model, &data);
    sym_spread(&model, 0, broken, &random_distinct[0]);
    sym_spread(&model, 2, broken, &random_distinct[1]);
    descent_model_free(&model);
    descent_samples_free(&data);
    printf("  symmetry: %zu units split (spread %.2g u), %zu zero weights "
           "moved, losses %.4f (constant) and %.4f (He)\n",
           split[0] + split[1], spread / u, moved, loss_constant,
           loss_random);
    bool holds = split[0] + split[1] == 0 && moved == 0 &&
                 random_distinct[0] + random_distinct[1] ==
                     2 * (sym_hidden - 1) &&
                 loss_random < loss_constant;
    char measured[160];
    snprintf(measured, sizeof measured, "%zu of %d units split (largest "
             "difference %.1f$u$); %zu weights moved; loss %.3f (constant), "
             "%.3f (He)", split[0] + split[1], 2 * (sym_hidden - 1),
             spread / u, moved, loss_constant, loss_random);
    claim_report("init-symmetry", "equal weights stay equal to within "
                 "rounding, zero weights stay zero, and He's random "
                 "weights split the units and fit better", measured,
                 "0 split beyond $64u$; 0 moved; He's loss lower", holds);
    assert_true(holds);
}
static void claim_init_multistart(void **state)
{
    enum { N = 1000, G = 200 };
    double values[N], worst = 0;
    descent_multistart_result result;
    descent_error e;
    (void)state;
    REQUIRE(descent_multistart(xor_start, NULL, 1000, N, values, &result,
                               &e), e);
    size_t wins = 0;
    for (size_t i = 0; i < N; i++)
        wins += values[i] == 0;
    double p = (double)wins / N;
    for (int k = 2; k <= 8; k *= 2) {
        size_t groups = 0;
        for (size_t g = 0; g < G; g++) {
            uint64_t seed = 100000 * (uint64_t)k + g * (uint64_t)k;
            REQUIRE(descent_multistart(xor_start, NULL, seed, (size_t)k,
                                       NULL, &result, &e), e);
            groups += result.best_value == 0;
        }
        double s = 1 - pow(1 - p, k), measured = (double)groups / G,
               slope = k * pow(1 - p, k - 1),
               se = sqrt(s * (1 - s) / G + slope * slope * p * (1 - p) / N);
        worst = fmax(worst, fabs(measured - s) / fmax(se, 1e-12) / 4);
        printf("  k = %d: %.3f of the multi-starts succeed, predicted "
               "%.3f (%.3f standard errors)\n", k, measured, s,
               fabs(measured - s) / fmax(se, 1e-12));
    }
    bool holds = p > 0.2 && p < 0.8 && worst <= 1;
    char measured[128];
    snprintf(measured, sizeof measured, "$p=%.3f$; worst %.2f of 4 "
             "standard errors", p, 4 * worst);
    claim_report("init-multistart", "a fraction $p$ of starts solves XOR, "
                 "and the best of $k$ succeeds with probability "
                 "$1-(1-p)^k$", measured, "$0.2<p<0.8$; $\\le4$", holds);
    assert_true(holds);
}
static void bad_init_layer(void **state)
{
    const char *layer = "descent_init_layer", *layer_f = "descent_init_layer_f",
               *gain = "descent_init_gain";
    const descent_layer_kind relu = DESCENT_LAYER_RELU;
    double w[6] = {7, 7, 7, 7, 7, 7}, b[2], g;
    float wf[6];
    descent_random r;
    descent_error e;
    (void)state;
    descent_random_seed(&r, 1);
    static const struct {
        descent_init init;
        const char *fragment;
    } refused[] = {
        {{(descent_init_kind)42, NAN, 0}, "init->kind = 42"},
        {{DESCENT_INIT_HE_NORMAL, 0, 0}, "init->gain = 0"},
        {{DESCENT_INIT_HE_UNIFORM, -1, 0}, "init->gain = -1"},
        {{DESCENT_INIT_GLOROT_NORMAL, INFINITY, 0}, "init->gain = inf"},
        {{DESCENT_INIT_NORMAL, NAN, 0}, "init->scale = 0"},
        {{DESCENT_INIT_UNIFORM, NAN, -0.5}, "init->scale = -0.5"},
        {{DESCENT_INIT_NORMAL, NAN, NAN}, "init->scale = nan"},
        {{DESCENT_INIT_CONSTANT, NAN, INFINITY}, "init->scale = inf"}};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        BAD(layer, descent_init_layer(&refused[i].init, 3, 2, relu, &r, w, b,
                                      &e), e,
            DESCENT_INVALID_ARGUMENT, refused[i].fragment);
    for (int j = 0; j < 6; j++)
        assert_true(w[j] == 7);
    BAD(layer, descent_init_layer(NULL, 0, 2, relu, &r, w, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "fan_in = 0");
    BAD(layer, descent_init_layer(NULL, 3, 0, relu, &r, w, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "fan_out = 0");
    BAD(layer, descent_init_layer(NULL, SIZE_MAX / 2, 3, relu, &r, w, b,
                                  &e), e,
        DESCENT_INVALID_ARGUMENT, "overflows");
    BAD(layer, descent_init_layer(NULL, 3, 2, (descent_layer_kind)99, &r,
                                  w, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "next = 99");
    BAD(layer, descent_init_layer(NULL, 3, 2, relu, NULL, w, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "r is NULL");
    BAD(layer, descent_init_layer(NULL, 3, 2, relu, &r, NULL, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "w is NULL");
    BAD(layer_f, descent_init_layer_f(NULL, 0, 2, relu, &r, wf, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "fan_in = 0");
    VALID(layer, "b NULL: a layer without biases",
          descent_init_layer(NULL, 3, 2, relu, &r, w, NULL, &e), e);
    VALID(layer, "a scale is ignored by He's and Glorot's kinds",
          descent_init_layer(&(descent_init){DESCENT_INIT_GLOROT_UNIFORM,
                                             NAN, -1},
                             3, 2, relu, &r, w, b, &e), e);
    BAD(gain, descent_init_gain((descent_layer_kind)-1, &g, &e), e,
        DESCENT_INVALID_ARGUMENT, "activation = -1");
    BAD(gain, descent_init_gain(relu, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "gain is NULL");
}
static void bad_init_model(void **state)
{
    const char *model = "descent_model_initialize",
               *profile = "descent_init_profile",
               *predict = "descent_init_predict",
               *multi = "descent_multistart";
    const descent_layer_kind tanh_ = DESCENT_LAYER_TANH;
    const descent_init zeros = {DESCENT_INIT_ZEROS, NAN, 0},
                       bad = {DESCENT_INIT_HE_NORMAL, -2, 0};
    const descent_layer_spec spec[2] = {
        {DESCENT_LAYER_DENSE, 2}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model m, freed = {0};
    descent_multistart_result result;
    double f[3], b[3];
    descent_random r;
    descent_error e;
    (void)state;
    descent_random_seed(&r, 1);
    REQUIRE(descent_model_init(&m, 3, 2, spec, 4, &e), e);
    BAD(model, descent_model_initialize(NULL, NULL, &r, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(model, descent_model_initialize(&freed, NULL, &r, &e), e,
        DESCENT_INVALID_ARGUMENT, "no storage");
    BAD(model, descent_model_initialize(&m, NULL, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "r is NULL");
    BAD(model, descent_model_initialize(&m, &bad, &r, &e), e,
        DESCENT_INVALID_ARGUMENT, "init->gain = -2");
    descent_model_free(&m);
    BAD(profile, descent_init_profile(NULL, DESCENT_LAYER_DENSE, 3, 4, 5,
                                      &r, f, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "activation = 0");
    BAD(profile, descent_init_profile(NULL, tanh_, 0, 4, 5, &r, f, b, &e),
        e, DESCENT_INVALID_ARGUMENT, "depth = 0");
    BAD(profile, descent_init_profile(NULL, tanh_, 3, 0, 5, &r, f, b, &e),
        e, DESCENT_INVALID_ARGUMENT, "width = 0");
    BAD(profile, descent_init_profile(NULL, tanh_, 3, 4, 0, &r, f, b, &e),
        e, DESCENT_INVALID_ARGUMENT, "batch = 0");
    BAD(profile, descent_init_profile(NULL, tanh_, 3, 1u << 30, 1u << 30,
                                      &r, f, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "more memory");
    BAD(profile, descent_init_profile(NULL, tanh_, 3, 4, 5, NULL, f, b, &e),
        e, DESCENT_INVALID_ARGUMENT, "r is NULL");
    BAD(profile, descent_init_profile(NULL, tanh_, 3, 4, 5, &r, NULL, b, &e),
        e, DESCENT_INVALID_ARGUMENT, "forward is NULL");
    BAD(profile, descent_init_profile(&bad, tanh_, 3, 4, 5, &r, f, b, &e),
        e, DESCENT_INVALID_ARGUMENT, "init->gain = -2");
    BAD(predict, descent_init_predict(&zeros, tanh_, 3, 4, f, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "draws nothing");
    BAD(predict, descent_init_predict(NULL, DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY,
                                      3, 4, f, b, &e), e,
        DESCENT_INVALID_ARGUMENT, "activation = 4");
    BAD(predict, descent_init_predict(NULL, tanh_, 3, 4, f, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "backward is NULL");
    BAD(multi, descent_multistart(NULL, NULL, 1, 3, NULL, &result, &e), e,
        DESCENT_INVALID_ARGUMENT, "start is NULL");
    BAD(multi, descent_multistart(xor_start, NULL, 1, 0, NULL, &result, &e),
        e, DESCENT_INVALID_ARGUMENT, "k = 0");
    BAD(multi, descent_multistart(xor_start, NULL, 1, 3, NULL, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "result is NULL");
}
static void claim_bn_normalizes(void **state)
{
    enum { m = 32, n = 4 };
    const double mean[n] = {0, 1e3, 0, -5}, spread[n] = {1, 1, 1e-3, 30};
    double x[m * n], y[m * n], worst = 0, worst_eval = 0;
    descent_batchnorm bn;
    descent_random r;
    descent_error e;
    (void)state;
    descent_random_seed(&r, 90);
    REQUIRE(descent_batchnorm_init(&bn, n, DESCENT_BATCHNORM_MOMENTUM,
                                   DESCENT_BATCHNORM_EPS, &e), e);
    for (int batch = 0; batch < 5; batch++) {
        bn_gaussian(&r, m, n, mean, spread, x);
        REQUIRE(descent_batchnorm_forward(&bn, m, x, y, &e), e);
        for (size_t j = 0; j < n; j++) {
            double mx, vx, my, vy, ax = 0, ay = 0;
            bn_column_moments(m, n, j, x, &mx, &vx);
            bn_column_moments(m, n, j, y, &my, &vy);
            for (size_t i = 0; i < m; i++)
                ax += fabs(x[i * n + j]) / m, ay += fabs(y[i * n + j]) / m;
            double want = vx / (vx + bn.eps),
                   mean_bound = (m + 3) * bn_u * (ax * bn.invstd[j] + ay),
                   var_bound = (2 * m + 12) * bn_u * want;
            worst = fmax(worst, fabs(my) / mean_bound);
            worst = fmax(worst, fabs(vy - want) / var_bound);
        }
    }
    for (size_t j = 0; j < n; j++) {
        bn.gamma[j] = 0.5 + (double)j;
        bn.beta[j] = 1 - (double)j;
    }
    bn.training = false;
    bn_gaussian(&r, m, n, mean, spread, x);
    REQUIRE(descent_batchnorm_forward(&bn, m, x, y, &e), e);
    assert_true(bn.batches == 5);
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            double s = 1 / sqrt(bn.running_var[j] + bn.eps),
                   t = (x[i * n + j] - bn.running_mean[j]) * s * bn.gamma[j],
                   want = t + bn.beta[j];
            double bound = 6 * bn_u * (fabs(t) + fabs(bn.beta[j]));
            worst_eval = fmax(worst_eval, fabs(y[i * n + j] - want) / bound);
        }
    descent_batchnorm_free(&bn);
    bool holds = worst <= 1 && worst_eval <= 1;
    claim_report_at_most("bn-normalizes",
                         "batch mean 0 and variance $v/(v+\\epsilon)$ in "
                         "training mode, the affine map of the running "
                         "statistics in evaluation mode (worst error / "
                         "bound)",
                         fmax(worst, worst_eval), 1);
    assert_true(holds);
}
static void claim_bn_gradient(void **state)
{
    enum { m = 8, n = 4 };
    const double mean[n] = {0, 3, -1, 0.5}, spread[n] = {1, 2, 0.5, 1.5};
    double x[m * n], y[m * n], coef[2 * m * n], worst[2];
    descent_batchnorm bn;
    descent_random r;
    descent_error e;
    (void)state;
    descent_random_seed(&r, 91);
    REQUIRE(descent_batchnorm_init(&bn, n, DESCENT_BATCHNORM_MOMENTUM,
                                   DESCENT_BATCHNORM_EPS, &e), e);
    for (size_t j = 0; j < n; j++)
        bn.gamma[j] = 1.5 - 0.4 * (double)j, bn.beta[j] = 0.3 * (double)j;
    bn_coefficients(&r, m * n, coef);
    for (int batch = 0; batch < 5; batch++) {
        bn_gaussian(&r, m, n, mean, spread, x);
        REQUIRE(descent_batchnorm_forward(&bn, m, x, y, &e), e);
    }
    worst[0] = bn_gradient_error(&bn, m, x, coef);
    bn.training = false;
    worst[1] = bn_gradient_error(&bn, m, x, coef);
    descent_batchnorm_free(&bn);
    printf("  central differences: training %.3g, evaluation %.3g\n",
           worst[0], worst[1]);
    bool holds = claim_report_at_most("bn-gradient",
                                      "the backward pass matches central "
                                      "differences (worst relative error, "
                                      "both modes)",
                                      fmax(worst[0], worst[1]), 1e-6);
    assert_true(holds);
}
static void claim_bn_gradient_sums(void **state)
{
    enum { m = 16, n = 4 };
    const double mean[n] = {0, 1e3, 0, -5}, spread[n] = {1, 1, 1e-3, 30};
    double x[m * n], y[m * n], dy[m * n], dx[m * n], dgamma[n], dbeta[n],
        coef[2 * m * n], worst = 0;
    descent_batchnorm bn;
    descent_random r;
    descent_error e;
    (void)state;
    descent_random_seed(&r, 92);
    REQUIRE(descent_batchnorm_init(&bn, n, DESCENT_BATCHNORM_MOMENTUM,
                                   DESCENT_BATCHNORM_EPS, &e), e);
    for (size_t j = 0; j < n; j++)
        bn.gamma[j] = 0.7 + 0.2 * (double)j, bn.beta[j] = -0.1;
    for (int batch = 0; batch < 3; batch++) {
        bn_gaussian(&r, m, n, mean, spread, x);
        bn_coefficients(&r, m * n, coef);
        REQUIRE(descent_batchnorm_forward(&bn, m, x, y, &e), e);
        bn_energy(m * n, y, coef, dy);
        REQUIRE(descent_batchnorm_backward(&bn, m, x, dy, dx, dgamma, dbeta,
                                           &e), e);
        worst = fmax(worst, bn_sums_error(&bn, m, x, dy, dx, dgamma, dbeta));
    }
    descent_batchnorm_free(&bn);
    double bias = bn_model_bias_error();
    printf("  gradient sums: layer %.3g, model's bias %.3g of the bound\n",
           worst, bias);
    bool holds = claim_report_at_most("bn-gradient-sums",
                                      "the input gradient sums to zero and "
                                      "its product with $\\hat x$ is "
                                      "$\\gamma\\epsilon\\,\\partial E/"
                                      "\\partial\\gamma/\\sigma^3$; the "
                                      "bias before is zero (worst error / "
                                      "bound)", fmax(worst, bias), 1);
    assert_true(holds);
}
static void claim_bn_scale(void **state)
{
    const double scale[4] = {0.01, 0.1, 10, 100};
    double x[SC_M * SC_D], w[SC_N * (SC_D + 1)], coef[2 * SC_M * SC_N],
        worst = 0;
    bn_scaled one, scaled, moved;
    descent_random r;
    (void)state;
    descent_random_seed(&r, 94);
    for (size_t k = 0; k < SC_M * SC_D; k++)
        x[k] = descent_random_gaussian(&r);
    for (size_t k = 0; k < SC_N * (SC_D + 1); k++)
        w[k] = descent_random_gaussian(&r);
    bn_coefficients(&r, SC_M * SC_N, coef);
    bn_scaled_pass(x, w, 1, DESCENT_BATCHNORM_EPS, coef, &one);
    for (int t = 0; t < 4; t++) {
        const double c = scale[t];
        bn_scaled_pass(x, w, c, DESCENT_BATCHNORM_EPS, coef, &scaled);
        bn_scaled_pass(x, w, 1, DESCENT_BATCHNORM_EPS / (c * c), coef,
                       &moved);
        double tau = bn_scale_tolerance(x, w, &moved), orthogonal = 0;
        double out = bn_max_gap(SC_M * SC_N, scaled.y, 1, moved.y),
               grad = bn_max_gap(SC_N * (SC_D + 1), scaled.dw, c, moved.dw),
               plain = bn_max_gap(SC_M * SC_N, scaled.y, 1, one.y);
        for (size_t j = 0; j < SC_N; j++) {
            double dot = 0, size = 0, inv = scaled.invstd[j];
            for (size_t k = 0; k <= SC_D; k++) {
                size_t at = k < SC_D ? j * SC_D + k : SC_N * SC_D + j;
                dot += c * w[at] * scaled.dw[at];
                size += fabs(c * w[at] * scaled.dw[at]);
            }
            double want = (1.2 - 0.3 * (double)j) * DESCENT_BATCHNORM_EPS *
                          scaled.dgamma[j] * inv * inv;
            orthogonal = fmax(orthogonal, fabs(dot - want) / size);
        }
        worst = fmax(worst, fmax(fmax(out, orthogonal), grad / 2) / tau);
        claim_table_row("bn-scale-table", "%g & %.2e & %.2e & %.2e & %.2e & %.2e "
                        "\\\\", c, plain, out, grad, orthogonal, tau);
    }
    bool holds = claim_report_at_most("bn-scale",
                                      "scaling the weights by $c$ is "
                                      "dividing $\\epsilon$ by $c^2$: "
                                      "output equal, gradient divided by "
                                      "$c$, orthogonal to the weights but "
                                      "for $\\epsilon$ (worst "
                                      "error / tolerance)", worst, 1);
    assert_true(holds);
}
static void claim_bn_running(void **state)
{
    enum { m = 32, n = 64, batches = 300 };
    const double mu = 3, sigma2 = 4, p = DESCENT_BATCHNORM_MOMENTUM;
    double x[m * n], y[m * n], mean[n], var[n], rm[n], rv[n],
        step = 0, z_top = 0, z_mean[2] = {0, 0};
    descent_batchnorm bn;
    descent_random r;
    descent_error e;
    (void)state;
    for (size_t j = 0; j < n; j++)
        mean[j] = mu, var[j] = sqrt(sigma2);
    descent_random_seed(&r, 95);
    REQUIRE(descent_batchnorm_init(&bn, n, p, DESCENT_BATCHNORM_EPS, &e), e);
    for (int k = 0; k < batches; k++) {
        bn_gaussian(&r, m, n, mean, var, x);
        memcpy(rm, bn.running_mean, sizeof rm);
        memcpy(rv, bn.running_var, sizeof rv);
        REQUIRE(descent_batchnorm_forward(&bn, m, x, y, &e), e);
        for (size_t j = 0; j < n; j++) {
            double bm, bv, ax = 0;
            bn_column_moments(m, n, j, x, &bm, &bv);
            for (size_t i = 0; i < m; i++)
                ax += fabs(x[i * n + j]) / m;
            double unbiased = bv * m / (m - 1);
            double want_mean = (1 - p) * rm[j] + p * bm,
                   want_var = (1 - p) * rv[j] + p * unbiased;
            double mean_bound = (m + 4) * bn_u * ((1 - p) * fabs(rm[j]) + p * ax),
                   var_bound = (m + 4) * bn_u * ((1 - p) * rv[j] + p * unbiased);
            step = fmax(step, fabs(bn.running_mean[j] - want_mean) / mean_bound);
            step = fmax(step, fabs(bn.running_var[j] - want_var) / var_bound);
        }
        if ((k + 1) % 50 == 0 && k + 1 >= 100) {
            const double sd_mean = sqrt(p / (2 - p) * sigma2 / m),
                         sd_var = sqrt(p / (2 - p) * 2 * sigma2 * sigma2 / (m - 1));
            for (size_t j = 0; j < n; j++) {
                double zm = (bn.running_mean[j] - mu) / sd_mean,
                       zv = (bn.running_var[j] - sigma2) / sd_var;
                z_top = fmax(z_top, fmax(fabs(zm), fabs(zv)));
                z_mean[0] += zm / (5.0 * n);
                z_mean[1] += zv / (5.0 * n);
            }
        }
    }
    descent_batchnorm_free(&bn);
    printf("  running averages: update %.3g of its bound; largest |z| "
           "%.2f, mean z %.3f and %.3f\n", step, z_top, z_mean[0],
           z_mean[1]);
    const double z_bound = 3.5 / sqrt(5.0 * n);
    bool holds = step <= 1 && z_top <= 5 && fabs(z_mean[0]) <= z_bound &&
                 fabs(z_mean[1]) <= z_bound;
    char measured[160];
    snprintf(measured, sizeof measured, "update %.2g of its bound; largest "
             "$|z|$ %.2f, mean $z$ %.2f (mean), %.2f (variance)", step,
             z_top, z_mean[0], z_mean[1]);
    claim_report("bn-running", "the running averages follow the update "
                 "and converge to the population's statistics", measured,
                 "$\\le1$; $|z|\\le5$; $|\\bar z|\\le0.20$", holds);
    assert_true(holds);
}
static void claim_bn_small_batch(void **state)
{
    double two = 0, worst = 0;
    (void)state;
    {
        enum { n = 8 };
        const double base[n] = {0, 1, -3, 1e3, 0.5, 7, -1e2, 1e3},
                     apart[n] = {1e-4, 1e-3, 1e-2, 1, 3, 30, 1e2, 1e3};
        double x[2 * n], y[2 * n];
        descent_batchnorm bn;
        descent_error e;
        REQUIRE(descent_batchnorm_init(&bn, n, DESCENT_BATCHNORM_MOMENTUM,
                                       DESCENT_BATCHNORM_EPS, &e), e);
        for (size_t j = 0; j < n; j++)
            x[j] = base[j] + apart[j], x[n + j] = base[j];
        REQUIRE(descent_batchnorm_forward(&bn, 2, x, y, &e), e);
        for (size_t j = 0; j < n; j++) {
            double h = (x[j] - x[n + j]) / 2, v = h * h,
                   want = sqrt(v / (v + bn.eps)),
                   bound = 8 * bn_u * want *
                           (1 + fmax(fabs(x[j]), fabs(x[n + j])) / fabs(2 * h));
            two = fmax(two, fmax(fabs(y[j] - want), fabs(y[n + j] + want)) /
                                bound);
        }
        descent_batchnorm_free(&bn);
    }
    for (size_t t = 0; t < 4; t++) {
        const size_t m = (size_t)2 << (2 * t);
        enum { n = 16, N = 400 };
        double *x = malloc(m * n * sizeof *x), *y = malloc(m * n * sizeof *y);
        double zero[n], unit[n], square = 0, diff = 0, diff2 = 0;
        descent_batchnorm bn;
        descent_random r;
        descent_error e;
        assert_true(x != NULL && y != NULL);
        for (size_t j = 0; j < n; j++)
            zero[j] = 0, unit[j] = 1;
        descent_random_seed(&r, 96 + t);
        REQUIRE(descent_batchnorm_init(&bn, n, DESCENT_BATCHNORM_MOMENTUM,
                                       DESCENT_BATCHNORM_EPS, &e), e);
        for (int k = 0; k < N; k++) {
            bn_gaussian(&r, m, n, zero, unit, x);
            REQUIRE(descent_batchnorm_forward(&bn, m, x, y, &e), e);
            for (size_t j = 0; j < n; j++) {
                double d = 0;
                square += bn.mean[j] * bn.mean[j];
                for (size_t i = 0; i < m; i++) {
                    double eval = x[i * n + j] / sqrt(1 + bn.eps);
                    d += (y[i * n + j] - eval) * (y[i * n + j] - eval) / (double)m;
                }
                diff += d;
                diff2 += d * d;
            }
        }
        const double count = (double)(n * N);
        double es = sqrt(2.0 / (double)m) *
                    exp(lgamma((double)m / 2) - lgamma(((double)m - 1) / 2));
        double mean_sq = square / count, want_sq = 1 / (double)m,
               se_sq = sqrt(2 / count) / (double)m;
        double mean_diff = diff / count, want_diff = 2 - 2 * es,
               se_diff = sqrt((diff2 / count - mean_diff * mean_diff) / count);
        double z1 = fabs(mean_sq - want_sq) / se_sq,
               z2 = fabs(mean_diff - want_diff) / se_diff;
        worst = fmax(worst, fmax(z1, z2));
        claim_table_row("bn-small-batch-table",
                        "%zu & %.4f & %.4f & %.4f & %.4f \\\\", m,
                        mean_sq * (double)m, sqrt(mean_diff), sqrt(want_diff),
                        sqrt(1.5 / (double)m));
        descent_batchnorm_free(&bn);
        free(x);
        free(y);
    }
    printf("  small batches: m = 2 %.3g of the bound, noise %.3g\n", two,
           worst);
    bool holds = two <= 1 && worst <= 4;
    char measured[128];
    snprintf(measured, sizeof measured, "$m=2$: %.2g of the bound; "
             "statistics: %.2f standard errors", two, worst);
    claim_report("bn-small-batch", "at $m=2$ every output is "
                 "$\\pm\\sqrt{v/(v+\\epsilon)}$; the batch mean's and the "
                 "train-eval difference's mean squares are $1/m$ and "
                 "$2-2\\,\\mathrm{E}[s]$",
                 measured, "$\\le1$; $\\le4$", holds);
    assert_true(holds);
}
static void claim_bn_float(void **state)
{
    descent_model model;
    descent_samples data;
    descent_error e;
    bn_reference ref;
    double st[4 * REF_H], loss, worst = 0, tau = INFINITY;
    (void)state;
    bn_reference_model(&model, &data, 97);
    for (int mode = 0; mode < 2; mode++) {
        for (size_t k = 0; k < 4 * REF_H; k++)
            st[k] = model.state[k];
        model.training = mode == 0;
        REQUIRE(descent_model_gradient(&model, &data, NULL, REF_M, &loss, &e), e);
        bn_reference_pass(&model, &data, mode == 0, st, &ref);
        tau = fmin(tau, bn_float_tolerance(&model, &ref));
        worst = fmax(worst, fabs(loss - ref.loss) / ref.loss);
        worst = fmax(worst, bn_relative_gap(REF_P, model.gradient, ref.g));
        worst = fmax(worst, bn_relative_gap(2 * REF_H, model.state, ref.state));
        if (mode == 1) {
            REQUIRE(descent_model_evaluate(&model, &data, &loss, NULL, &e), e);
            worst = fmax(worst, fabs(loss - ref.loss) / ref.loss);
        }
        printf("  float model, %s mode: worst %.3g, tolerance %.3g\n",
               mode == 0 ? "training" : "evaluation", worst,
               bn_float_tolerance(&model, &ref));
    }
    descent_model_free(&model);
    descent_samples_free(&data);
    bool holds = claim_report_at_most("bn-float",
                                      "the float model with batch "
                                      "normalization matches the double "
                                      "code (loss, gradient, running "
                                      "averages; relative, worst of both "
                                      "modes)", worst, tau);
    assert_true(holds);
}
static void bn_first_layer(void **state)
{
    enum { D = 4, C = 3, M = 8 };
    const descent_layer_spec spec[3] = {{DESCENT_LAYER_BATCHNORM, 0},
                                        {DESCENT_LAYER_DENSE, C},
                                        {DESCENT_LAYER_L2, 0}};
    descent_model model;
    descent_samples data;
    descent_batchnorm bn;
    descent_random r;
    descent_error e;
    double x[M * D], y[M * D], dy[M * D] = {0}, dx[M * D], g[2 * D + C * (D + 1)] = {0};
    double loss, value = 0, norm = 0, worst = 0;
    (void)state;
    REQUIRE(descent_model_init(&model, D, 3, spec, M, &e), e);
    REQUIRE(descent_samples_init(&data, M, D, 0, C, &e), e);
    descent_random_seed(&r, 31);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    float *w = model.theta;                  /* gamma, beta, W, b */
    for (size_t j = 0; j < D; j++) {
        w[j] = 0.5f + 0.25f * (float)j;
        w[D + j] = 0.1f * (float)j - 0.2f;
    }
    for (size_t k = 0; k < M * D; k++)
        x[k] = data.x[k] = (float)(3 * descent_random_gaussian(&r) + (double)(k % D));
    for (size_t k = 0; k < M * C; k++)
        data.targets[k] = (float)descent_random_gaussian(&r);
    REQUIRE(descent_model_gradient(&model, &data, NULL, M, &loss, &e), e);
    const float *W = w + 2 * D, *b = W + C * D;
    double *gW = g + 2 * D;
    REQUIRE(descent_batchnorm_init(&bn, D, DESCENT_BATCHNORM_MOMENTUM,
                                   DESCENT_BATCHNORM_EPS, &e), e);
    for (size_t j = 0; j < D; j++) {
        bn.gamma[j] = w[j];
        bn.beta[j] = w[D + j];
    }
    REQUIRE(descent_batchnorm_forward(&bn, M, x, y, &e), e);
    for (size_t i = 0; i < M; i++)
        for (size_t c = 0; c < C; c++) {
            double o = b[c];
            for (size_t j = 0; j < D; j++)
                o += (double)W[c * D + j] * y[i * D + j];
            double err = (o - data.targets[i * C + c]) / M;
            value += err * err * M / 2;
            for (size_t j = 0; j < D; j++) {
                dy[i * D + j] += err * W[c * D + j];
                gW[c * D + j] += err * y[i * D + j];
            }
            gW[C * D + c] += err;
        }
    REQUIRE(descent_batchnorm_backward(&bn, M, x, dy, dx, g, g + D, &e), e);
    for (size_t p = 0; p < model.parameters; p++) {
        norm += g[p] * g[p];
        worst = fmax(worst, fabs(g[p] - model.gradient[p]));
    }
    worst /= sqrt(norm);
    if (!(worst <= 1e-4 && fabs(loss - value) <= 1e-5 * value))
        claim_fail("first-layer normalization: gradient off by %g of its "
                   "norm, loss %.9g against %.9g", worst, loss, value);
    descent_batchnorm_free(&bn);
    descent_samples_free(&data);
    descent_model_free(&model);
}
static size_t bn_hook_sums, bn_hook_ready;

static void bn_hook_sum(void *context, float *v, size_t n)
{
    (void)context;
    (void)v;
    (void)n;
    bn_hook_sums++;
}

static void bn_hook_gradient_ready(void *context, size_t layer)
{
    (void)context;
    (void)layer;
    bn_hook_ready++;
}

static void bn_identity_hooks(void **state)
{
    enum { D = 5, M = 16 };
    const descent_layer_spec spec[6] = {
        {DESCENT_LAYER_BATCHNORM, 0}, {DESCENT_LAYER_DENSE, 6},
        {DESCENT_LAYER_BATCHNORM, 0}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 3}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model_hooks hooks = {bn_hook_gradient_ready, bn_hook_sum, 1,
                                 NULL};
    descent_model plain, hooked;
    descent_samples data;
    descent_random r;
    descent_error e;
    double loss[2];
    (void)state;
    REQUIRE(descent_samples_init(&data, M, D, 3, 0, &e), e);
    descent_random_seed(&r, 41);
    for (size_t k = 0; k < M * D; k++)
        data.x[k] = (float)(2 * descent_random_gaussian(&r) + (double)(k % D));
    for (size_t i = 0; i < M; i++)
        data.labels[i] = (int32_t)(i % 3);
    descent_model *models[2] = {&plain, &hooked};
    for (int v = 0; v < 2; v++) {
        REQUIRE(descent_model_init(models[v], D, 6, spec, M, &e), e);
        descent_random_seed(&r, 42);
        REQUIRE(descent_model_init_weights(models[v], &r, &e), e);
    }
    hooked.hooks = &hooks;
    bn_hook_sums = bn_hook_ready = 0;
    for (int v = 0; v < 2; v++)
        REQUIRE(descent_model_gradient(models[v], &data, NULL, M, &loss[v],
                                       &e), e);
    bool same = loss[0] == loss[1] &&
                memcmp(plain.gradient, hooked.gradient,
                       plain.parameters * sizeof *plain.gradient) == 0 &&
                memcmp(plain.state, hooked.state,
                       plain.states * sizeof *plain.state) == 0;
    if (!same || bn_hook_sums != 2 * 2 + 1 || bn_hook_ready != 4)
        claim_fail("identity hooks: gradient and state %s, %zu sums "
                   "(expected 5), %zu gradient_ready calls (expected 4)",
                   same ? "identical" : "differ", bn_hook_sums,
                   bn_hook_ready);
    descent_samples_free(&data);
    descent_model_free(&plain);
    descent_model_free(&hooked);
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
#define TORCH_TRACES "bench/results/batchnorm-traces.txt"
enum { TORCH_LINE = 16384, TORCH_MAX_UNITS = 8, TORCH_MAX_ROWS = 32,
       TORCH_MAX_CELLS = TORCH_MAX_UNITS * TORCH_MAX_ROWS };

static void torch_read(FILE *in, const char *word, size_t count, double *x)
{
    char line[TORCH_LINE], *end;
    size_t length = strlen(word);
    if (fgets(line, sizeof line, in) == NULL ||
        strncmp(line, word, length) != 0 || line[length] != ' ')
        claim_fail("%s: expected a line '%s ...'", TORCH_TRACES, word);
    const char *p = line + length;
    for (size_t i = 0; i < count; i++, p = end) {
        x[i] = strtod(p, &end);
        if (end == p)
            claim_fail("%s: a '%s' line has %zu numbers, not %zu",
                       TORCH_TRACES, word, i, count);
    }
    while (*p == ' ')
        p++;
    if (*p != '\n')
        claim_fail("%s: a '%s' line has more than %zu numbers",
                   TORCH_TRACES, word, count);
}
typedef struct torch_worst {
    double ratio;                 /* max |ours - PyTorch| / (u S) */
    char at[96];                  /* where */
    bool within;                  /* every ratio within its bound */
} torch_worst;

typedef struct torch_tally {
    torch_worst pass, running;    /* y, dx, dgamma, dbeta; mean, var */
    double u;                     /* 2^-53 or 2^-24 */
    size_t compared, equal;
} torch_tally;

static void torch_compare(torch_tally *t, torch_worst *w, double bound,
                          double ours, double torch, double scale,
                          const char *what, const char *label, size_t step)
{
    double gap = fabs(ours - torch);
    double ratio = gap == 0 ? 0 : gap / (t->u * scale);
    if (!(ratio <= w->ratio)) {          /* a NaN is the worst */
        w->ratio = isnan(ratio) ? INFINITY : ratio;
        snprintf(w->at, sizeof w->at, "%s, step %zu, %s", label, step,
                 what);
    }
    w->within = w->within && ratio <= bound;
    t->compared++;
    t->equal += gap == 0;
}
typedef struct torch_step {
    bool training;
    size_t m, n;
    double x[TORCH_MAX_CELLS], dy[TORCH_MAX_CELLS];
    double y[2][TORCH_MAX_CELLS], dx[2][TORCH_MAX_CELLS];
    double dgamma[2][TORCH_MAX_UNITS], dbeta[2][TORCH_MAX_UNITS];
    double mean[2][TORCH_MAX_UNITS], var[2][TORCH_MAX_UNITS];
} torch_step;

typedef struct torch_scales {
    double y[TORCH_MAX_CELLS], dx[TORCH_MAX_CELLS];
    double dgamma[TORCH_MAX_UNITS], dbeta[TORCH_MAX_UNITS];
    double mean[TORCH_MAX_UNITS], var[TORCH_MAX_UNITS];
} torch_scales;

static void torch_read_step(FILE *in, torch_step *s)
{
    const char *bits[2] = {"64", "32"};
    char word[16];
    size_t cells = s->m * s->n;
    torch_read(in, "x", cells, s->x);
    torch_read(in, "dy", cells, s->dy);
    for (int p = 0; p < 2; p++) {
        snprintf(word, sizeof word, "y%s", bits[p]);
        torch_read(in, word, cells, s->y[p]);
        snprintf(word, sizeof word, "dx%s", bits[p]);
        torch_read(in, word, cells, s->dx[p]);
        snprintf(word, sizeof word, "dgamma%s", bits[p]);
        torch_read(in, word, s->n, s->dgamma[p]);
        snprintf(word, sizeof word, "dbeta%s", bits[p]);
        torch_read(in, word, s->n, s->dbeta[p]);
        snprintf(word, sizeof word, "mean%s", bits[p]);
        torch_read(in, word, s->n, s->mean[p]);
        snprintf(word, sizeof word, "var%s", bits[p]);
        torch_read(in, word, s->n, s->var[p]);
    }
}
static void torch_find_scales(const torch_step *s, const double *gamma,
                              const double *beta, const double *mean,
                              const double *invstd, const double *before,
                              torch_scales *c)
{
    size_t m = s->m, n = s->n;
    for (size_t j = 0; j < n; j++) {
        double a = 0, d = 0, g = 0, v = 0;
        for (size_t i = 0; i < m; i++)
            a += fabs(s->x[i * n + j]) / (double)m;
        if (!s->training)
            a = fabs(mean[j]);
        for (size_t i = 0; i < m; i++) {
            double x = (fabs(s->x[i * n + j]) + a) * invstd[j],
                   dy = fabs(s->dy[i * n + j]);
            c->y[i * n + j] = fabs(gamma[j]) * x + fabs(beta[j]);
            d += dy;
            g += dy * x;
            v += (s->x[i * n + j] - mean[j]) * (s->x[i * n + j] - mean[j]);
        }
        for (size_t i = 0; i < m; i++) {
            double x = (fabs(s->x[i * n + j]) + a) * invstd[j];
            c->dx[i * n + j] = fabs(gamma[j]) * invstd[j] *
                (fabs(s->dy[i * n + j]) + (d + x * g) / (double)m);
        }
        c->dbeta[j] = d;
        c->dgamma[j] = g;
        c->mean[j] = a + fabs(before[j]);
        c->var[j] = (s->training ? v / (double)(m - 1) : 0) +
                    fabs(before[n + j]);
    }
}
typedef struct torch_ours {
    double y[TORCH_MAX_CELLS], dx[TORCH_MAX_CELLS];
    double dgamma[TORCH_MAX_UNITS], dbeta[TORCH_MAX_UNITS];
    double mean[TORCH_MAX_UNITS], var[TORCH_MAX_UNITS];
} torch_ours;

static void torch_float_step(const torch_step *s, const double *gamma,
                             const double *beta, const double *before,
                             double momentum, double eps, torch_ours *o)
{
    size_t m = s->m, n = s->n, cells = m * n;
    float x[TORCH_MAX_CELLS], dy[TORCH_MAX_CELLS], y[TORCH_MAX_CELLS],
        dx[TORCH_MAX_CELLS], w[2 * TORCH_MAX_UNITS],
        state[4 * TORCH_MAX_UNITS] = {0}, dgamma[TORCH_MAX_UNITS],
        dbeta[TORCH_MAX_UNITS];
    for (size_t k = 0; k < cells; k++) {
        x[k] = (float)s->x[k];
        dy[k] = (float)s->dy[k];
    }
    for (size_t j = 0; j < n; j++) {
        w[j] = (float)gamma[j];
        w[n + j] = (float)beta[j];
        state[j] = (float)before[j];
        state[n + j] = (float)before[n + j];
    }
    descent_bn_forward_f(m, n, x, w, state, s->training, momentum, eps, y);
    descent_bn_backward_f(m, n, x, w, state, s->training, dy, dgamma,
                          dbeta, dx);
    for (size_t k = 0; k < cells; k++) {
        o->y[k] = y[k];
        o->dx[k] = dx[k];
    }
    for (size_t j = 0; j < n; j++) {
        o->dgamma[j] = dgamma[j];
        o->dbeta[j] = dbeta[j];
        o->mean[j] = state[j];
        o->var[j] = state[n + j];
    }
}
static void torch_double_step(descent_batchnorm *bn, const torch_step *s,
                              const double *before, torch_ours *o)
{
    descent_error e;
    size_t n = s->n;
    memcpy(bn->running_mean, before, n * sizeof *before);
    memcpy(bn->running_var, before + n, n * sizeof *before);
    bn->training = s->training;
    REQUIRE(descent_batchnorm_forward(bn, s->m, s->x, o->y, &e), e);
    REQUIRE(descent_batchnorm_backward(bn, s->m, s->x, s->dy, o->dx,
                                       o->dgamma, o->dbeta, &e), e);
    memcpy(o->mean, bn->running_mean, n * sizeof *before);
    memcpy(o->var, bn->running_var, n * sizeof *before);
}
static double torch_pass_bound(size_t m)
{
    return 9.0 * (double)m + 44;
}

static double torch_running_bound(size_t m, double momentum)
{
    return 2 * (momentum * ((double)m + 5) + 3);
}
static void torch_compare_step(torch_tally *t, int p, const torch_step *s,
                               const torch_ours *o, const torch_scales *c,
                               double momentum, const char *label,
                               size_t step)
{
    double pass = torch_pass_bound(s->m),
           running = torch_running_bound(s->m, momentum);
    size_t n = s->n;
    for (size_t k = 0; k < s->m * n; k++) {
        torch_compare(t, &t->pass, pass, o->y[k], s->y[p][k], c->y[k], "y",
                      label, step);
        torch_compare(t, &t->pass, pass, o->dx[k], s->dx[p][k], c->dx[k],
                      "dx", label, step);
    }
    for (size_t j = 0; j < n; j++) {
        torch_compare(t, &t->pass, pass, o->dgamma[j], s->dgamma[p][j],
                      c->dgamma[j], "dgamma", label, step);
        torch_compare(t, &t->pass, pass, o->dbeta[j], s->dbeta[p][j],
                      c->dbeta[j], "dbeta", label, step);
        torch_compare(t, &t->running, running, o->mean[j], s->mean[p][j],
                      c->mean[j], "running mean", label, step);
        torch_compare(t, &t->running, running, o->var[j], s->var[p][j],
                      c->var[j], "running var", label, step);
    }
}
static void torch_follow(FILE *in, const char *header, size_t n,
                         torch_tally tally[2], size_t *largest,
                         char *label, size_t *steps)
{
    double momentum, eps, gamma[TORCH_MAX_UNITS], beta[TORCH_MAX_UNITS];
    double before[2][2 * TORCH_MAX_UNITS];
    descent_batchnorm bn;
    descent_error e;
    if (sscanf(header, "config %31s steps %zu momentum %lf eps %lf", label,
               steps, &momentum, &eps) != 4 || *steps == 0)
        claim_fail("%s: a bad 'config' line", TORCH_TRACES);
    torch_read(in, "gamma", n, gamma);
    torch_read(in, "beta", n, beta);
    REQUIRE(descent_batchnorm_init(&bn, n, momentum, eps, &e), e);
    memcpy(bn.gamma, gamma, n * sizeof *gamma);
    memcpy(bn.beta, beta, n * sizeof *beta);
    for (int p = 0; p < 2; p++)
        for (size_t j = 0; j < n; j++) {
            before[p][j] = 0;
            before[p][n + j] = 1;
        }
    for (size_t k = 1; k <= *steps; k++) {
        torch_step s;
        torch_ours ours;
        torch_scales scales;
        char line[TORCH_LINE], mode[16];
        s.n = n;
        if (fgets(line, sizeof line, in) == NULL ||
            sscanf(line, "step %15s %zu", mode, &s.m) != 2 || s.m == 0 ||
            s.m > TORCH_MAX_ROWS ||
            (strcmp(mode, "train") != 0 && strcmp(mode, "eval") != 0))
            claim_fail("%s: %s: a bad 'step' line", TORCH_TRACES, label);
        s.training = strcmp(mode, "train") == 0;
        *largest = s.m > *largest ? s.m : *largest;
        torch_read_step(in, &s);
        torch_double_step(&bn, &s, before[0], &ours);
        torch_find_scales(&s, gamma, beta, bn.mean, bn.invstd, before[0],
                          &scales);
        torch_compare_step(&tally[0], 0, &s, &ours, &scales, momentum, label, k);
        torch_float_step(&s, gamma, beta, before[1], momentum, eps, &ours);
        torch_compare_step(&tally[1], 1, &s, &ours, &scales, momentum, label, k);
        for (int p = 0; p < 2; p++) {
            memcpy(before[p], s.mean[p], n * sizeof s.mean[p][0]);
            memcpy(before[p] + n, s.var[p], n * sizeof s.var[p][0]);
        }
    }
    descent_batchnorm_free(&bn);
}
static void torch_merge(torch_tally *total, const torch_tally *one)
{
    const torch_worst *from[2] = {&one->pass, &one->running};
    torch_worst *to[2] = {&total->pass, &total->running};
    for (int g = 0; g < 2; g++) {
        if (!(from[g]->ratio <= to[g]->ratio)) {
            to[g]->ratio = from[g]->ratio;
            memcpy(to[g]->at, from[g]->at, sizeof to[g]->at);
        }
        to[g]->within = to[g]->within && from[g]->within;
    }
    total->compared += one->compared;
    total->equal += one->equal;
}

static torch_tally torch_fresh(double u)
{
    torch_worst none = {.ratio = 0, .at = "(none)", .within = true};
    return (torch_tally){.pass = none, .running = none, .u = u};
}
static void torch_table_row(const char *label, size_t steps,
                            size_t largest, const torch_tally one[2])
{
    char worst[4][32];
    claim_format(worst[0], sizeof worst[0], one[0].pass.ratio);
    claim_format(worst[1], sizeof worst[1], one[1].pass.ratio);
    claim_format(worst[2], sizeof worst[2], one[0].running.ratio);
    claim_format(worst[3], sizeof worst[3], one[1].running.ratio);
    claim_table_row("bn-pytorch-table",
                    "%s & %zu & %zu & $%.0f$ & %s & %s & %s & %s \\\\",
                    label, steps, largest, torch_pass_bound(largest),
                    worst[0], worst[1], worst[2], worst[3]);
}
static void claim_bn_pytorch(void **state)
{
    char path[4096], line[TORCH_LINE], version[64];
    size_t configs, n, followed = 0, steps_all = 0;
    torch_tally total[2] = {torch_fresh(0x1p-53), torch_fresh(0x1p-24)};
    (void)state;
    const char *root = getenv("DESCENT_ROOT");
    snprintf(path, sizeof path, "%s%s%s", root != NULL ? root : "",
             root != NULL ? "/" : "", TORCH_TRACES);
    FILE *in = fopen(path, "r");
    if (in == NULL)
        claim_fail("cannot read %s (the suite runs in the repository's "
                   "root, or DESCENT_ROOT names it; "
                   "bench/batchnorm-torch.py writes the file)", path);
    if (fgets(line, sizeof line, in) == NULL ||
        sscanf(line, "batchnorm-traces configs %zu units %zu torch %63s",
               &configs, &n, version) != 3 || n == 0 ||
        n > TORCH_MAX_UNITS)
        claim_fail("%s: a bad header", TORCH_TRACES);
    while (fgets(line, sizeof line, in) != NULL) {
        torch_tally one[2] = {torch_fresh(0x1p-53), torch_fresh(0x1p-24)};
        char label[32];
        size_t largest = 0, steps = 0;
        torch_follow(in, line, n, one, &largest, label, &steps);
        torch_table_row(label, steps, largest, one);
        torch_merge(&total[0], &one[0]);
        torch_merge(&total[1], &one[1]);
        steps_all += steps;
        followed++;
    }
    fclose(in);
    char measured[640], worst[4][32];
    claim_format(worst[0], sizeof worst[0], total[0].pass.ratio);
    claim_format(worst[1], sizeof worst[1], total[0].running.ratio);
    claim_format(worst[2], sizeof worst[2], total[1].pass.ratio);
    claim_format(worst[3], sizeof worst[3], total[1].running.ratio);
    snprintf(measured, sizeof measured,
             "double: passes %s $uS$ (%s), running averages %s $uS$; float: "
             "passes %s $uS$ (%s), running averages %s $uS$; %zu of %zu "
             "numbers equal; %zu configurations, %zu steps, PyTorch %s",
             worst[0], total[0].pass.at, worst[1], worst[2], total[1].pass.at,
             worst[3], total[0].equal + total[1].equal,
             total[0].compared + total[1].compared, followed, steps_all,
             version);
    bool holds = followed == configs && configs > 0 &&
                 total[0].pass.within && total[0].running.within &&
                 total[1].pass.within && total[1].running.within;
    claim_report("bn-pytorch",
                 "the layer reproduces PyTorch's BatchNorm1d, number for "
                 "number, in double and in float",
                 measured, "$(9m+44)\\,uS$ (passes), "
                 "$2(p(m+5)+3)\\,uS$ (running averages)", holds);
    assert_true(holds);
}
static void bad_batchnorm_init(void **state)
{
    descent_batchnorm bn;
    descent_error e;
    const char *init = "descent_batchnorm_init";
    (void)state;
    BAD(init, descent_batchnorm_init(NULL, 3, 0.1, 1e-5, &e), e,
        DESCENT_INVALID_ARGUMENT, "bn is NULL");
    BAD(init, descent_batchnorm_init(&bn, 0, 0.1, 1e-5, &e), e,
        DESCENT_INVALID_ARGUMENT, "units = 0");
    BAD(init, descent_batchnorm_init(&bn, SIZE_MAX / 4, 0.1, 1e-5, &e), e,
        DESCENT_INVALID_ARGUMENT, "must lie in 1 to");
    BAD(init, descent_batchnorm_init(&bn, 3, -0.1, 1e-5, &e), e,
        DESCENT_INVALID_ARGUMENT, "momentum = -0.1");
    BAD(init, descent_batchnorm_init(&bn, 3, 1.5, 1e-5, &e), e,
        DESCENT_INVALID_ARGUMENT, "momentum = 1.5");
    BAD(init, descent_batchnorm_init(&bn, 3, NAN, 1e-5, &e), e,
        DESCENT_INVALID_ARGUMENT, "momentum = nan");
    BAD(init, descent_batchnorm_init(&bn, 3, 0.1, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "eps = 0");
    BAD(init, descent_batchnorm_init(&bn, 3, 0.1, -1e-5, &e), e,
        DESCENT_INVALID_ARGUMENT, "eps = -1e-05");
    BAD(init, descent_batchnorm_init(&bn, 3, 0.1, NAN, &e), e,
        DESCENT_INVALID_ARGUMENT, "eps = nan");
    BAD(init, descent_batchnorm_init(&bn, 3, 0.1, INFINITY, &e), e,
        DESCENT_INVALID_ARGUMENT, "eps = inf");
    assert_true(bn.storage == NULL);
    VALID(init, "momentum 0 freezes the running averages",
          descent_batchnorm_init(&bn, 3, 0, 1e-5, &e), e);
    descent_batchnorm_free(&bn);
    VALID(init, "momentum 1 keeps only the last batch's statistics",
          descent_batchnorm_init(&bn, 3, 1, 1e-5, &e), e);
    descent_batchnorm_free(&bn);
}
static void bad_batchnorm_forward(void **state)
{
    descent_batchnorm bn, never = {0};
    descent_error e;
    double x[6] = {1, 2, 3, 4, 5, 7}, y[6];
    const char *forward = "descent_batchnorm_forward";
    (void)state;
    REQUIRE(descent_batchnorm_init(&bn, 2, 0.1, 1e-5, &e), e);
    BAD(forward, descent_batchnorm_forward(NULL, 3, x, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "bn is NULL");
    BAD(forward, descent_batchnorm_forward(&never, 3, x, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(forward, descent_batchnorm_forward(&bn, 0, x, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 0 rows");
    BAD(forward, descent_batchnorm_forward(&bn, 1, x, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 1 row in training mode");
    BAD(forward, descent_batchnorm_forward(&bn, SIZE_MAX / 2, x, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "countable");
    BAD(forward, descent_batchnorm_forward(&bn, 3, NULL, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "x is NULL");
    BAD(forward, descent_batchnorm_forward(&bn, 3, x, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "y is NULL");
    x[3] = NAN;
    BAD(forward, descent_batchnorm_forward(&bn, 3, x, y, &e), e,
        DESCENT_NONFINITE, "x[3] = nan");
    x[3] = -INFINITY;
    BAD(forward, descent_batchnorm_forward(&bn, 3, x, y, &e), e,
        DESCENT_NONFINITE, "x[3] = -inf");
    x[3] = 4, bn.gamma[1] = NAN;
    BAD(forward, descent_batchnorm_forward(&bn, 3, x, y, &e), e,
        DESCENT_NONFINITE, "gamma and beta[1] = nan");
    bn.gamma[1] = 1, bn.beta[0] = INFINITY;
    BAD(forward, descent_batchnorm_forward(&bn, 3, x, y, &e), e,
        DESCENT_NONFINITE, "gamma and beta[2] = inf");
    bn.beta[0] = 0;
    assert_true(bn.batches == 0 && bn.last == 0 && bn.running_mean[0] == 0 &&
                bn.running_var[1] == 1);
    bn.training = false;
    VALID(forward, "one row in evaluation mode uses the running statistics",
          descent_batchnorm_forward(&bn, 1, x, y, &e), e);
    assert_true(y[0] == 1 / sqrt(1 + 1e-5) && bn.batches == 0);
    descent_batchnorm_free(&bn);
    BAD(forward, descent_batchnorm_forward(&bn, 3, x, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_batchnorm_free");
}
static void bad_batchnorm_backward(void **state)
{
    descent_batchnorm bn, never = {0};
    descent_error e;
    double x[6] = {1, 2, 3, 4, 5, 7}, y[6], dy[6] = {1, 0, -1, 2, 0.5, 1},
        dx[6], dg[2], db[2];
    const char *backward = "descent_batchnorm_backward";
    (void)state;
    REQUIRE(descent_batchnorm_init(&bn, 2, 0.1, 1e-5, &e), e);
    BAD(backward, descent_batchnorm_backward(&bn, 3, x, dy, dx, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "no forward pass yet");
    REQUIRE(descent_batchnorm_forward(&bn, 3, x, y, &e), e);
    BAD(backward, descent_batchnorm_backward(NULL, 3, x, dy, dx, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "bn is NULL");
    BAD(backward, descent_batchnorm_backward(&never, 3, x, dy, dx, dg, db,
                                             &e),
        e, DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(backward, descent_batchnorm_backward(&bn, 0, x, dy, dx, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "m = 0 rows");
    BAD(backward, descent_batchnorm_backward(&bn, 2, x, dy, dx, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "the last forward pass normalized 3");
    BAD(backward, descent_batchnorm_backward(&bn, 3, NULL, dy, dx, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "x is NULL");
    BAD(backward, descent_batchnorm_backward(&bn, 3, x, NULL, dx, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "dy is NULL");
    BAD(backward, descent_batchnorm_backward(&bn, 3, x, dy, NULL, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "dx is NULL");
    BAD(backward, descent_batchnorm_backward(&bn, 3, x, dy, dx, NULL, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "dgamma is NULL");
    BAD(backward, descent_batchnorm_backward(&bn, 3, x, dy, dx, dg, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "dbeta is NULL");
    dy[5] = NAN;
    BAD(backward, descent_batchnorm_backward(&bn, 3, x, dy, dx, dg, db, &e),
        e, DESCENT_NONFINITE, "dy[5] = nan");
    dy[5] = 1, x[0] = INFINITY;
    BAD(backward, descent_batchnorm_backward(&bn, 3, x, dy, dx, dg, db, &e),
        e, DESCENT_NONFINITE, "x[0] = inf");
    x[0] = 1;
    bn.training = false;
    REQUIRE(descent_batchnorm_forward(&bn, 1, x, y, &e), e);
    VALID(backward, "a pass of one row in evaluation mode has a gradient",
          descent_batchnorm_backward(&bn, 1, x, dy, dx, dg, db, &e), e);
    descent_batchnorm_free(&bn);
    BAD(backward, descent_batchnorm_backward(&bn, 1, x, dy, dx, dg, db, &e),
        e, DESCENT_INVALID_ARGUMENT, "used after descent_batchnorm_free");
    SURVIVES("descent_batchnorm_free", "freeing NULL does nothing",
             descent_batchnorm_free(NULL));
    SURVIVES("descent_batchnorm_free", "freeing twice does nothing",
             descent_batchnorm_free(&bn));
}
static void bad_batchnorm_model(void **state)
{
    const descent_layer_spec spec[5] = {
        {DESCENT_LAYER_DENSE, 4}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0}, {DESCENT_LAYER_DENSE, 2},
        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_layer_spec unknown[5];
    descent_model model, other;
    descent_samples data;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    double loss;
    const char *gradient = "descent_model_gradient";
    (void)state;
    REQUIRE(descent_model_init(&model, 3, 5, spec, 8, &e), e);
    descent_random_seed(&r, 98);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    REQUIRE(descent_samples_init(&data, 5, 3, 2, 0, &e), e);
    for (size_t k = 0; k < 15; k++)
        data.x[k] = (float)descent_random_gaussian(&r);
    for (size_t i = 0; i < 5; i++)
        data.labels[i] = (int32_t)(i % 2);
    BAD(gradient, descent_model_gradient(&model, &data, NULL, 1, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "layers[1] normalizes over the batch");
    model.training = false;
    VALID(gradient, "a batch of one in evaluation mode",
          descent_model_gradient(&model, &data, NULL, 1, &loss, &e), e);
    model.training = true;
    REQUIRE(descent_sgd_init(&opt, model.parameters, 0, false, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.1, 0,
                                  0, &e), e);
    const descent_train_options options = {
        .epochs = 1, .batch = 2, .optimizer = &opt, .schedule = &schedule,
        .quiet = true};
    BAD("descent_train", descent_train(&model, &data, &options, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "the last minibatch of an epoch");
    descent_train_options single = options;
    single.batch = 1;
    BAD("descent_train", descent_train(&model, &data, &single, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->batch = 1 holds 1 sample");
    descent_optimizer_free(&opt);
    memcpy(unknown, spec, sizeof unknown);
    unknown[2].kind = (descent_layer_kind)(DESCENT_LAYER_BATCHNORM + 1);
    BAD("descent_model_init", descent_model_init(&other, 3, 5, unknown, 8,
                                                 &e),
        e, DESCENT_INVALID_ARGUMENT, "layers[2].kind = 7 is unknown");
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-09-table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_init_forward),
        cmocka_unit_test(claim_init_backward),
        cmocka_unit_test(claim_init_symmetry),
        cmocka_unit_test(claim_init_multistart),
        cmocka_unit_test(bad_init_layer),
        cmocka_unit_test(bad_init_model),
        cmocka_unit_test(claim_bn_normalizes),
        cmocka_unit_test(claim_bn_gradient),
        cmocka_unit_test(claim_bn_gradient_sums),
        cmocka_unit_test(claim_bn_scale),
        cmocka_unit_test(claim_bn_running),
        cmocka_unit_test(claim_bn_small_batch),
        cmocka_unit_test(claim_bn_float),
        cmocka_unit_test(bad_batchnorm_init),
        cmocka_unit_test(bad_batchnorm_forward),
        cmocka_unit_test(bad_batchnorm_backward),
        cmocka_unit_test(bad_batchnorm_model),
        cmocka_unit_test(bn_first_layer),
        cmocka_unit_test(bn_identity_hooks),
        cmocka_unit_test(claim_bn_deep),
        cmocka_unit_test(claim_bn_activations),
        cmocka_unit_test(claim_bn_pytorch),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
