/* 07-stochastic.c: generated from chapters/07-stochastic.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"
#include "internal-batchnorm.h"

static double chi_square(size_t cells, const long *count, long draws)
{
    double expected = (double)draws / (double)cells, sum = 0;
    for (size_t i = 0; i < cells; i++) {
        double d = (double)count[i] - expected;
        sum += d * d / expected;
    }
    return sum;
}
static double standard_errors(double estimate, double expected,
                              double deviation, long draws)
{
    return fabs(estimate - expected) / (deviation / sqrt((double)draws));
}
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);

static char scratch[512];

static void make_scratch(void)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    for (unsigned k = 0;; k++) {
        snprintf(scratch, sizeof scratch, "%s/descent-07-%ld-%u", tmp,
                 (long)getpid(), k);
        if (mkdir(scratch, 0700) == 0)
            return;
        if (errno != EEXIST || k > 100)
            claim_fail("cannot make a folder in %s: %s", tmp,
                       strerror(errno));
    }
}
static const char *in_scratch(const char *name)
{
    static char paths[4][600];
    static int next;
    char *path = paths[next++ % 4];
    snprintf(path, sizeof paths[0], "%s/%s", scratch, name);
    return path;
}

static void write_bytes(const char *path, const unsigned char *b,
                        size_t size)
{
    FILE *out = fopen(path, "wb");
    if (out == NULL || fwrite(b, 1, size, out) != size || fclose(out))
        claim_fail("cannot write %s", path);
}

static void write_gzip(const char *path, const unsigned char *b,
                       size_t size)
{
    gzFile out = gzopen(path, "wb");
    if (out == NULL || gzwrite(out, b, (unsigned)size) != (int)size ||
        gzclose(out) != Z_OK)
        claim_fail("cannot write %s", path);
}
static size_t read_bytes(const char *path, unsigned char *b, size_t size)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        claim_fail("cannot read %s", path);
    size_t got = fread(b, 1, size, in);
    fclose(in);
    return got;
}

static void forget_scratch(void)
{
    const char *names[] = {"images", "labels", "images.gz", "cut",
                           "t10k-images-idx3-ubyte.gz",
                           "t10k-labels-idx1-ubyte.gz"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        remove(in_scratch(names[i]));
    remove(scratch);
}
static void put_big_endian(unsigned char *b, uint32_t x)
{
    b[0] = (unsigned char)(x >> 24);
    b[1] = (unsigned char)(x >> 16);
    b[2] = (unsigned char)(x >> 8);
    b[3] = (unsigned char)x;
}

static size_t image_idx(unsigned char *b, uint32_t magic, uint32_t count,
                        uint32_t rows, uint32_t columns)
{
    put_big_endian(b, magic);
    put_big_endian(b + 4, count);
    put_big_endian(b + 8, rows);
    put_big_endian(b + 12, columns);
    size_t pixels = (size_t)count * rows * columns;
    for (size_t k = 0; k < pixels; k++)
        b[16 + k] = (unsigned char)(k % 251);
    return 16 + pixels;
}

static size_t label_idx(unsigned char *b, uint32_t magic, uint32_t count,
                        const unsigned char *labels)
{
    put_big_endian(b, magic);
    put_big_endian(b + 4, count);
    memcpy(b + 8, labels, count);
    return 8 + count;
}
static const double schedule_eta0 = 0.1;

static descent_schedule make_schedule(descent_schedule_kind kind)
{
    const double x[7] = {0, 0.001, 0, 0, 0.9999, 0.5, 0.1};
    const size_t count[7] = {0, 500, 0, 0, 0, 200, 3};
    descent_schedule s;
    descent_error error;
    REQUIRE(descent_schedule_init(&s, kind, schedule_eta0, x[kind],
                                  count[kind], &error), error);
    return s;
}

static int schedule_violations(const descent_schedule *s)
{
    int bad = descent_schedule_eta(s, 0) != schedule_eta0;
    for (size_t k = 1; k <= 100000; k++) {
        double now = descent_schedule_eta(s, k),
               before = descent_schedule_eta(s, k - 1);
        bool strict = s->kind == DESCENT_SCHEDULE_HARMONIC ||
                      s->kind == DESCENT_SCHEDULE_INVERSE_SQUARE;
        bad += s->kind == DESCENT_SCHEDULE_CONSTANT ? now != before
               : strict                            ? !(now < before)
                                                   : !(now <= before);
        bad += s->kind == DESCENT_SCHEDULE_LINEAR && k >= s->tau &&
               now != s->eta_tau;
    }
    return bad;
}
static void clip_case(int t, size_t n, double *g, double *threshold)
{
    double length = pow(10, 4.0 * ((t * 7919) % 2000) / 1999.0);
    *threshold = pow(10, -3 + 6.0 * ((t * 104729) % 2000) / 1999.0);
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        g[i] = sin(1.7 * (double)i * (1 + t % 13) + 0.3 * t) + 0.05;
        sum += g[i] * g[i];
    }
    for (size_t i = 0; i < n; i++)
        g[i] *= length / sqrt(sum);
}

static long double long_norm(size_t n, const double *g)
{
    long double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (long double)g[i] * g[i];
    return sqrtl(sum);
}
static double sine_between(size_t n, const double *a, const double *b)
{
    long double na = long_norm(n, a), nb = long_norm(n, b), dot = 0,
                sum = 0;
    for (size_t i = 0; i < n; i++)
        dot += ((long double)a[i] / na) * ((long double)b[i] / nb);
    for (size_t i = 0; i < n; i++) {
        long double r = (long double)b[i] / nb - dot * a[i] / na;
        sum += r * r;
    }
    return (double)sqrtl(sum);
}
static double clip_worst(size_t n, const double *g0, const double *g,
                         double c, double norm, double unit)
{
    double length = (double)long_norm(n, g0);
    double worst = length > 0 ? fabs(norm - length) /
                                    ((n + 4) * 0x1p-53 * length)
                              : norm == 0 ? 0 : INFINITY;
    if (norm <= c)
        worst = fmax(worst, memcmp(g, g0, n * sizeof *g) == 0 ? 0
                                                              : INFINITY);
    else {
        double excess = fabs((double)(long_norm(n, g) / c - 1));
        worst = fmax(worst, excess / (unit + (n + 4) * 0x1p-53));
        worst = fmax(worst, sine_between(n, g0, g) / (2 * unit));
    }
    return isnan(worst) ? INFINITY : worst;
}

/* The bound a float can hold: the largest float not above c. */
static double value_worst(size_t n, const double *g0, const double *g,
                          double c, bool in_float)
{
    double bound = c;
    if (in_float) {
        float b = (float)c;
        bound = (double)b > c ? nextafterf(b, 0) : b;
    }
    for (size_t i = 0; i < n; i++) {
        double want = g0[i] > bound ? bound : g0[i] < -bound ? -bound : g0[i];
        if (g[i] != want)
            return INFINITY;
    }
    return 0;
}
static double fit_slope(int n, const double *x, const double *y,
                        const double *sigma, double *slope_error)
{
    double mx = 0, my = 0, sxx = 0, sxy = 0, var = 0;
    for (int i = 0; i < n; i++) {
        mx += x[i] / n;
        my += y[i] / n;
    }
    for (int i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    for (int i = 0; sigma != NULL && i < n; i++)
        var += (x[i] - mx) * (x[i] - mx) * sigma[i] * sigma[i];
    if (slope_error != NULL)
        *slope_error = sqrt(var) / sxx;
    return sxy / sxx;
}
typedef struct zone_run {
    double eta, mean, error, first_order, exact;
    size_t m;
} zone_run;

static void zone_measure(const descent_regression *p, double lambda,
                         zone_run *run, uint64_t seed)
{
    enum { blocks = 20 };
    size_t burn = (size_t)(3 / (run->eta * lambda)),
           block = (size_t)(50 / (run->eta * lambda));
    double theta[2] = {p->theta_star[0], p->theta_star[1]}, sum = 0,
           sum2 = 0;
    double *distance = malloc(block * sizeof *distance);
    descent_sgd_path path = {.squared_distance = distance};
    descent_schedule s;
    descent_random r;
    descent_error error;
    assert_non_null(distance);
    descent_random_seed(&r, seed);
    REQUIRE(descent_schedule_init(&s, DESCENT_SCHEDULE_CONSTANT, run->eta,
                                  0, 0, &error), error);
    REQUIRE(descent_regression_sgd(p, theta, run->m, &s, burn, &r, NULL,
                                      &error), error);
    for (int b = 0; b < blocks; b++) {
        double mean = 0;
        REQUIRE(descent_regression_sgd(p, theta, run->m, &s, block, &r,
                                          &path, &error), error);
        for (size_t k = 0; k < block; k++)
            mean += distance[k] / (double)block;
        sum += mean;
        sum2 += mean * mean;
    }
    run->mean = sum / blocks;
    run->error = sqrt((sum2 / blocks - run->mean * run->mean) / (blocks - 1));
    free(distance);
    REQUIRE(descent_regression_stationary(p, run->eta, run->m,
                                             &run->first_order, &run->exact,
                                             &error), error);
}
static const char *const clip_names[4] = {
    "descent_clip_norm_f", "descent_clip_value_f", "descent_clip_norm",
    "descent_clip_value"};

static descent_status clip_call(int which, double *g, size_t n, double c,
                                double *norm, descent_error *error)
{
    float f[4] = {0};
    for (size_t i = 0; g != NULL && i < n && i < 4; i++)
        f[i] = (float)g[i];
    descent_status status =
        which == 0   ? descent_clip_norm_f(g ? f : NULL, n, c, norm, error)
        : which == 1 ? descent_clip_value_f(g ? f : NULL, n, c, error)
        : which == 2 ? descent_clip_norm(g, n, c, norm, error)
                     : descent_clip_value(g, n, c, error);
    for (size_t i = 0; which < 2 && g != NULL && i < n && i < 4; i++)
        g[i] = f[i];
    return status;
}
#define real double
#define FN(name) name##_d
#define EXP exp
#define LOG log
#define TANH tanh
#define GEMM cblas_dgemm
#define BITS uint64_t
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

/* count samples of Gaussian inputs, with uniform labels (classes > 0)
   or Gaussian targets (outputs > 0). */
static void random_samples(descent_samples *s, size_t count, size_t inputs,
                           size_t classes, size_t outputs, uint64_t seed)
{
    descent_error e;
    descent_random r;
    REQUIRE(descent_samples_init(s, count, inputs, classes, outputs, &e), e);
    descent_random_seed(&r, seed);
    for (size_t i = 0; i < count * inputs; i++)
        s->x[i] = (float)descent_random_gaussian(&r);
    for (size_t i = 0; classes > 0 && i < count; i++)
        s->labels[i] = (int32_t)descent_random_below(&r, classes);
    for (size_t i = 0; i < count * outputs; i++)
        s->targets[i] = (float)descent_random_gaussian(&r);
}

/* |a - b| / |b|, Euclidean norms. */
static double relative_gap(size_t n, const float *a, const double *b)
{
    double gap = 0, norm = 0;
    for (size_t i = 0; i < n; i++) {
        gap += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        norm += b[i] * b[i];
    }
    return sqrt(gap / norm);
}

/* The tolerance of Section~\ref{sec:train-float}: u times the sum, over
   the dense layers, of n_in + n_out + m + 5. */
static double float_tolerance(const descent_model *model, size_t m)
{
    double growth = 0;
    for (size_t k = 0; k < model->count; k++)
        if (model->layer[k].kind == DESCENT_LAYER_DENSE)
            growth += (double)(model->layer[k].inputs +
                               model->layer[k].outputs + m + 5);
    return growth * 0x1p-24;
}

/* Keeps every step's loss: the callback of descent_train. */
typedef struct loss_curve {
    size_t steps, capacity;
    double *loss;
} loss_curve;

static void keep_loss(size_t step, double loss, void *context)
{
    loss_curve *curve = context;
    if (step < curve->capacity)
        curve->loss[step] = loss;
    curve->steps = step + 1;
}
static void claim_random_reference(void **state)
{
    static const uint64_t expected[2][8] = {
        {UINT64_C(0x99ec5f36cb75f2b4), UINT64_C(0xbf6e1f784956452a),
         UINT64_C(0x1a5f849d4933e6e0), UINT64_C(0x6aa594f1262d2d2c),
         UINT64_C(0xbba5ad4a1f842e59), UINT64_C(0xffef8375d9ebcaca),
         UINT64_C(0x6c160deed2f54c98), UINT64_C(0x8920ad648fc30a3f)},
        {UINT64_C(0x15780b2e0c2ec716), UINT64_C(0x6104d9866d113a7e),
         UINT64_C(0xae17533239e499a1), UINT64_C(0xecb8ad4703b360a1),
         UINT64_C(0xfde6dc7fe2ec5e64), UINT64_C(0xc50da53101795238),
         UINT64_C(0xb82154855a65ddb2), UINT64_C(0xd99a2743ebe60087)}};
    static const uint64_t splitmix_zero[4] = {
        UINT64_C(0xe220a8397b1dcdaf), UINT64_C(0x6e789e6aa1b965f4),
        UINT64_C(0x06c45d188009454f), UINT64_C(0xf88bb8a8724c81ec)};
    const uint64_t seeds[2] = {0, 42};
    descent_random r;
    int equal = 0, total = 0;
    (void)state;
    descent_random_seed(&r, 0);
    for (int i = 0; i < 4; i++, total++)
        equal += r.state[i] == splitmix_zero[i];
    for (int s = 0; s < 2; s++) {
        descent_random_seed(&r, seeds[s]);
        for (int i = 0; i < 8; i++, total++)
            equal += descent_random_bits(&r) == expected[s][i];
    }
    static const uint64_t published[4] = {
        UINT64_C(11520), UINT64_C(0), UINT64_C(1509978240),
        UINT64_C(1215971899390074240)};
    descent_random fixed = {.state = {1, 2, 3, 4}};
    for (int i = 0; i < 4; i++, total++)
        equal += descent_random_bits(&fixed) == published[i];
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d words equal", equal,
             total);
    snprintf(bound, sizeof bound, "all %d", total);
    claim_report("random-reference",
                 "the generator's first words are the reference's",
                 measured, bound, equal == total);
    assert_int_equal(equal, total);
}
static void claim_random_below(void **state)
{
    enum { draws = 1000000 };
    const uint64_t large = UINT64_C(3) << 62, third = UINT64_C(1) << 62;
    long small_count[10] = {0}, large_count[3] = {0};
    descent_random r;
    (void)state;
    descent_random_seed(&r, 2024);
    for (long k = 0; k < draws; k++)
        small_count[descent_random_below(&r, 10)]++;
    for (long k = 0; k < draws; k++)
        large_count[descent_random_below(&r, large) / third]++;
    double small = chi_square(10, small_count, draws);
    double thirds = chi_square(3, large_count, draws);
    char measured[96];
    snprintf(measured, sizeof measured,
             "$\\chi^2_9=%.1f$, $\\chi^2_2=%.1f$", small, thirds);
    bool holds = small < 27.88 && thirds < 13.82;
    claim_report("random-below",
                 "bounded integers are uniform (chi-square)", measured,
                 "$27.88$ and $13.82$", holds);
    assert_true(holds);
}
static void claim_random_uniform(void **state)
{
    enum { draws = 1000000 };
    descent_random r;
    long double sum = 0, squares = 0;
    (void)state;
    descent_random_seed(&r, 7);
    for (long k = 0; k < draws; k++) {
        double u = descent_random_uniform(&r);
        assert_true(u >= 0 && u < 1);
        sum += u;
        squares += (u - 0.5) * (u - 0.5);
    }
    double mean = (double)(sum / draws), variance = (double)(squares / draws);
    double worst = fmax(standard_errors(mean, 0.5, sqrt(1.0 / 12), draws),
                        standard_errors(variance, 1.0 / 12,
                                        sqrt(1.0 / 80 - 1.0 / 144), draws));
    bool holds = claim_report_at_most(
        "random-uniform", "uniform mean and variance, in standard errors",
        worst, 4);
    assert_true(holds);
}
static void claim_random_gaussian(void **state)
{
    enum { draws = 1000000 };
    descent_random r;
    long double sum = 0, squares = 0, fourth = 0;
    (void)state;
    descent_random_seed(&r, 11);
    for (long k = 0; k < draws; k++) {
        double z = descent_random_gaussian(&r);
        sum += z;
        squares += z * z;
        fourth += z * z * z * z;
    }
    double mean = (double)(sum / draws);
    double worst = standard_errors(mean, 0, 1, draws);
    worst = fmax(worst, standard_errors((double)(squares / draws), 1,
                                        sqrt(2.0), draws));
    worst = fmax(worst, standard_errors((double)(fourth / draws), 3,
                                        sqrt(96.0), draws));
    bool holds = claim_report_at_most(
        "random-gaussian",
        "Gaussian mean, variance and fourth moment, in standard errors",
        worst, 4);
    assert_true(holds);
}
static void claim_random_permutation(void **state)
{
    enum { draws = 600000 };
    long count[9] = {0}, cells[6];
    size_t p[3];
    descent_random r;
    descent_error error;
    (void)state;
    descent_random_seed(&r, 3);
    for (long k = 0; k < draws; k++) {
        REQUIRE(descent_random_permutation(&r, 3, p, &error), error);
        assert_true(p[0] + p[1] + p[2] == 3 && p[0] != p[1]);
        count[3 * p[0] + p[1]]++;
    }
    for (int i = 0, c = 0; i < 9; i++)
        if (i / 3 != i % 3)
            cells[c++] = count[i];
    bool holds = claim_report_at_most(
        "random-permutation",
        "permutations of three equally often (chi-square, 5 df)",
        chi_square(6, cells, draws), 20.52);
    assert_true(holds);
}
static bool near_ulps(double a, double b, double ulps)
{
    return fabs(a - b) <= ulps * 0x1p-52 * fabs(b);
}

static void random_known_answers(void **state)
{
    static const uint64_t bounds[7] = {
        10, UINT64_C(3) << 62, UINT64_MAX, (UINT64_C(1) << 32) + 1,
        UINT64_C(0xdeadbeefcafe1234), (UINT64_C(1) << 63) + 12345, 1000003};
    static const uint64_t below[14] = {
        UINT64_C(7), UINT64_C(3856539442751087005),
        UINT64_C(15488392906492639637), UINT64_C(4213782644),
        UINT64_C(14004260920431986694), UINT64_C(560339031174819607),
        UINT64_C(104436), UINT64_C(4), UINT64_C(2100384658694504714),
        UINT64_C(9986469540036305302), UINT64_C(3143307065),
        UINT64_C(15066351842069465227), UINT64_C(8124414284930639749),
        UINT64_C(451421)};
    static const double gaussian[6] = {
        0x1.30f509f517c7dp+0, 0x1.8de2302e4393fp-2, 0x1.12d0201ba9d9fp-3,
        0x1.35a2e5d0fc187p-1, -0x1.02bee8459e1c0p-1, -0x1.59e3139c5385bp+0};
    static const size_t permutation[12] = {3, 8, 9, 11, 10, 4,
                                           5, 7, 6, 1, 2, 0};
    static const double fill[9] = {
        0x1.e8dbb85cd2425p-1, 0x1.a6377a9f905c4p-2, 0x1.fe0a6df1a1710p-4,
        -0x1.ba2559f0a8182p-1, -0x1.445dd1f332da8p-3, -0x1.01bfe68f88f96p-1,
        0x1.3b49164bc8116p-2, -0x1.3701386ae2292p-2, 0x1.1d8e6d71951a2p+0};
    descent_random r;
    descent_error e;
    size_t p[12];
    double x[3];
    (void)state;
    descent_random_seed(&r, 7);
    for (int k = 0; k < 14; k++) {
        assert_true(descent_random_below(&r, 0) == 0);
        assert_true(descent_random_below(&r, bounds[k % 7]) == below[k]);
    }
    descent_random_seed(&r, 8);
    for (int k = 0; k < 6; k++)
        assert_true(near_ulps(descent_random_gaussian(&r), gaussian[k], 4));
    descent_random_seed(&r, 9);
    REQUIRE(descent_random_permutation(&r, 12, p, &e), e);
    for (int k = 0; k < 12; k++)
        assert_true(p[k] == permutation[k]);
    assert_true(descent_random_bits(&r) == UINT64_C(18247066277725569505));
    descent_random_seed(&r, 10);
    const int kinds[3] = {DESCENT_UNIFORM, DESCENT_SYMMETRIC, DESCENT_GAUSSIAN};
    for (int d = 0; d < 3; d++) {
        REQUIRE(descent_random_fill(&r, 3, x, kinds[d], &e), e);
        for (int k = 0; k < 3; k++)
            assert_true(d < 2 ? x[k] == fill[3 * d + k]
                              : near_ulps(x[k], fill[3 * d + k], 4));
    }
}
static void bad_random(void **state)
{
    descent_random r;
    descent_error e;
    size_t p[3];
    double x[3];
    (void)state;
    SURVIVES("descent_random_seed", "seed 0 gives a nonzero state",
             descent_random_seed(&r, 0);
             assert_true((r.state[0] | r.state[1] | r.state[2] |
                          r.state[3]) != 0));
    SURVIVES("descent_random_seed", "any 64-bit seed is valid",
             descent_random_seed(&r, UINT64_MAX));
    SURVIVES("descent_random_bits", "the all-zero state, which no seed "
             "gives, draws zeros", r = (descent_random){0};
             assert_true(descent_random_bits(&r) == 0));
    descent_random_seed(&r, 1);
    SURVIVES("descent_random_below", "n = 0 returns 0",
             assert_true(descent_random_below(&r, 0) == 0));
    SURVIVES("descent_random_below", "n = 1 returns 0",
             assert_true(descent_random_below(&r, 1) == 0));
    SURVIVES("descent_random_below", "n = 2^64 - 1 is valid",
             assert_true(descent_random_below(&r, UINT64_MAX) <
                         UINT64_MAX));
    SURVIVES("descent_random_uniform", "a state whose next word is all "
             "ones gives a value below 1",
             uint64_t w = UINT64_MAX * UINT64_C(0x8e38e38e38e38e39);
             w = (w >> 7) | (w << 57);
             r.state[1] = w * UINT64_C(0xcccccccccccccccd);
             assert_true(descent_random_uniform(&r) == 1 - 0x1.0p-53));
    SURVIVES("descent_random_gaussian", "a new seed discards the spare",
             descent_random_seed(&r, 5); (void)descent_random_gaussian(&r);
             descent_random_seed(&r, 5);
             assert_false(r.has_spare));
    BAD("descent_random_permutation",
        descent_random_permutation(NULL, 3, p, &e), e,
        DESCENT_INVALID_ARGUMENT, "generator r is NULL");
    BAD("descent_random_permutation",
        descent_random_permutation(&r, 3, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "p is NULL, n = 3");
    VALID("descent_random_permutation", "n = 0 is the empty permutation",
          descent_random_permutation(&r, 0, NULL, &e), e);
    BAD("descent_random_fill", descent_random_fill(NULL, 3, x, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "generator r is NULL");
    BAD("descent_random_fill", descent_random_fill(&r, 3, NULL, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "x is NULL, n = 3");
    BAD("descent_random_fill", descent_random_fill(&r, 3, x, 3, &e), e,
        DESCENT_INVALID_ARGUMENT, "distribution = 3");
    BAD("descent_random_fill", descent_random_fill(&r, 3, x, -1, &e), e,
        DESCENT_INVALID_ARGUMENT, "distribution = -1");
    VALID("descent_random_fill", "n = 0 draws nothing",
          descent_random_fill(&r, 0, NULL, DESCENT_GAUSSIAN, &e), e);
}
static int refused(const char *images, const char *labels, int *tried)
{
    descent_samples s;
    descent_error e;
    ++*tried;
    descent_status status = descent_idx_load(&s, images, labels, 0, &e);
    descent_samples_free(&s);
    return status == DESCENT_DATA_ERROR;
}
static void check_small_set(const char *images, const char *labels)
{
    descent_samples s;
    descent_error error;
    REQUIRE(descent_idx_load(&s, images, labels, 0, &error), error);
    assert_true(s.count == 3 && s.inputs == 6 && s.classes == 3);
    assert_true(s.outputs == 0 && s.targets == NULL);
    assert_true(s.labels[0] == 0 && s.labels[1] == 2 && s.labels[2] == 1);
    for (int k = 0; k < 18; k++)
        assert_true(s.x[k] == (float)k / 255.0f);
    descent_samples_free(&s);
}
static void claim_idx_faults(void **state)
{
    const unsigned char labels[3] = {0, 2, 1};
    unsigned char image[64], label[16], gz[256], cut[4096];
    int refusals = 0, tried = 0;
    (void)state;
    make_scratch();
    size_t image_size = image_idx(image, 0x803, 3, 2, 3);
    size_t label_size = label_idx(label, 0x801, 3, labels);
    const char *images = in_scratch("images"), *zipped =
        in_scratch("images.gz"), *labels_path = in_scratch("labels");
    write_bytes(images, image, image_size);
    write_bytes(labels_path, label, label_size);
    write_gzip(zipped, image, image_size);
    size_t gz_size = read_bytes(zipped, gz, sizeof gz);
    check_small_set(images, labels_path);
    check_small_set(zipped, labels_path);
    const char *cut_path = in_scratch("cut");
    for (size_t n = 0; n <= image_size; n++) {
        memcpy(cut, image, image_size);
        cut[image_size] = 7;
        write_bytes(cut_path, cut, n < image_size ? n : image_size + 1);
        refusals += refused(cut_path, labels_path, &tried);
    }
    for (size_t n = 0; n <= label_size; n++) {
        memcpy(cut, label, label_size);
        cut[label_size] = 1;
        write_bytes(cut_path, cut, n < label_size ? n : label_size + 1);
        refusals += refused(images, cut_path, &tried);
    }
    for (size_t n = 0; n < gz_size; n++) {
        write_bytes(cut_path, gz, n);
        refusals += refused(cut_path, labels_path, &tried);
    }
    memcpy(cut, gz, gz_size);
    cut[gz_size / 2] ^= 0x10;
    write_bytes(cut_path, cut, gz_size);
    refusals += refused(cut_path, labels_path, &tried);
    {
        FILE *in = fopen("/usr/share/datasets/fashion-mnist/"
                         "train-images-idx3-ubyte.gz", "rb");
        if (in == NULL)
            claim_fail("Fashion-MNIST is not installed: %s", strerror(errno));
        size_t got = fread(cut, 1, sizeof cut, in);
        fclose(in);
        write_bytes(cut_path, cut, got);
        refusals += refused(cut_path, "/usr/share/datasets/fashion-mnist/"
                            "train-labels-idx1-ubyte.gz", &tried);
    }
    forget_scratch();
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d faulty files refused",
             refusals, tried);
    snprintf(bound, sizeof bound, "all %d", tried);
    claim_report("idx-faults", "every cut, extended or altered IDX file "
                 "is refused", measured, bound, refusals == tried);
    assert_int_equal(refusals, tried);
}
static bool balanced(const descent_samples *s, size_t per_class)
{
    size_t count[10] = {0};
    bool holds = s->inputs == 784 && s->classes == 10;
    for (size_t i = 0; holds && i < s->count; i++)
        count[s->labels[i]]++;
    for (size_t c = 0; c < 10; c++)
        holds = holds && count[c] == per_class;
    for (size_t k = 0; holds && k < s->count * s->inputs; k++)
        holds = s->x[k] >= 0 && s->x[k] <= 1;
    return holds;
}
static void claim_fashion_mnist(void **state)
{
    descent_samples test, training;
    descent_error error;
    (void)state;
    REQUIRE(descent_fashion_mnist_load(&test, false, 0, &error), error);
    REQUIRE(descent_fashion_mnist_load(&training, true, 0, &error), error);
    bool holds = test.count == 10000 && training.count == 60000 &&
                 balanced(&test, 1000) && balanced(&training, 6000);
    char measured[96];
    snprintf(measured, sizeof measured,
             "%zu and %zu samples, %zu classes%s", training.count,
             test.count, test.classes, holds ? ", balanced" : "");
    claim_report("fashion-mnist", "Fashion-MNIST loads whole and balanced",
                 measured, "$60000$ and $10000$, $10$ classes of "
                 "$6000$ and $1000$", holds);
    descent_samples_free(&test);
    descent_samples_free(&training);
    assert_true(holds);
}
static void expect_message(const char *images, const char *labels,
                           const char *want)
{
    descent_samples s;
    descent_error e;
    descent_status status = descent_idx_load(&s, images, labels, 0, &e);
    descent_samples_free(&s);
    if (status != DESCENT_DATA_ERROR || strstr(e.message, want) == NULL)
        claim_fail("idx load: got status %d, '%s'; wanted '%s'",
                   (int)status, e.message, want);
}

static void idx_exact_numbers(void **state)
{
    const unsigned char labels[3] = {0, 2, 1};
    unsigned char image[64], label[16];
    descent_samples s;
    descent_error e;
    (void)state;
    make_scratch();
    size_t image_size = image_idx(image, 0x803, 3, 2, 3);
    size_t label_size = label_idx(label, 0x801, 3, labels);
    const char *images = in_scratch("images"), *labels_path =
        in_scratch("labels"), *cut = in_scratch("cut");
    write_bytes(images, image, image_size);
    write_bytes(labels_path, label, label_size);
    write_bytes(cut, image, 20);
    expect_message(cut, labels_path, "ends after 20 of the 34 bytes its "
                   "header announces");
    write_bytes(cut, image, 10);
    expect_message(cut, labels_path, "ends after 10 of the 16 bytes of "
                   "the header");
    write_bytes(cut, label, 9);
    expect_message(images, cut, "ends after 9 of the 11 bytes its header "
                   "announces");
    image[0] = 1;
    image[1] = 2;
    write_bytes(cut, image, image_size);
    expect_message(cut, labels_path, "magic number 0x01020803, not "
                   "0x00000803");
    image[0] = image[1] = 0;
    image[16] = 200;
    write_bytes(cut, image, image_size);
    REQUIRE(descent_idx_load(&s, cut, labels_path, 0, &e), e);
    for (int k = 0; k < 18; k++)
        assert_true(s.x[k] == (float)image[16 + k] / 255.0f);
    descent_samples_free(&s);
    forget_scratch();
}
static void bad_samples(void **state)
{
    descent_samples s;
    descent_error e;
    const size_t big = (size_t)INT_MAX + 1;
    (void)state;
    BAD("descent_samples_init", descent_samples_init(NULL, 2, 3, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "s is NULL");
    BAD("descent_samples_init", descent_samples_init(&s, 0, 3, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "count = 0");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 0, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "inputs = 0");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 3, 0, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "classes = 0 and outputs = 0");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 3, 2, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "classes = 2 and outputs = 1");
    BAD("descent_samples_init",
        descent_samples_init(&s, 2, 3, (size_t)INT32_MAX + 1, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "classes = 2147483648");
    BAD("descent_samples_init", descent_samples_init(&s, 2, big, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "inputs = 2147483648");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 3, 0, big, &e),
        e, DESCENT_INVALID_ARGUMENT, "outputs = 2147483648");
    BAD("descent_samples_init",
        descent_samples_init(&s, SIZE_MAX / 2, 4, 2, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "inputs = 4 need more memory");
    BAD("descent_samples_init",
        descent_samples_init(&s, SIZE_MAX, 1, 0, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "need more memory");
    VALID("descent_samples_init", "a regression set, two targets each",
          descent_samples_init(&s, 2, 3, 0, 2, &e), e);
    assert_true(s.labels == NULL && s.targets != NULL && s.targets[3] == 0);
    descent_samples_free(&s);
    VALID("descent_samples_init", "one class is a valid, if dull, set",
          descent_samples_init(&s, 2, 3, 1, 0, &e), e);
    SURVIVES("descent_samples_free", "a set is freed and left empty",
             descent_samples_free(&s); assert_null(s.x));
    SURVIVES("descent_samples_free", "freeing twice does nothing",
             descent_samples_free(&s));
    SURVIVES("descent_samples_free", "NULL does nothing",
             descent_samples_free(NULL));
    (void)descent_samples_init(&s, 0, 3, 2, 0, &e);
    SURVIVES("descent_samples_free", "a failed creation leaves it empty",
             assert_null(s.labels); descent_samples_free(&s));
}
static descent_status load_small(uint32_t image_magic, uint32_t images,
                                 uint32_t rows, uint32_t columns,
                                 uint32_t label_magic, uint32_t labels,
                                 size_t limit, descent_error *e)
{
    static const unsigned char label_bytes[4] = {0, 2, 1, 3};
    unsigned char image[128], label[16];
    size_t pixels = (size_t)images * rows * columns;
    size_t size = image_idx(image, image_magic, pixels <= 100 ? images : 0,
                            rows, columns);
    if (pixels > 100)
        put_big_endian(image + 4, images);
    write_bytes(in_scratch("images"), image, size);
    size = label_idx(label, label_magic, labels <= 4 ? labels : 0,
                     label_bytes);
    if (labels > 4)
        put_big_endian(label + 4, labels);
    write_bytes(in_scratch("labels"), label, size);
    descent_samples s;
    descent_status status = descent_idx_load(
        &s, in_scratch("images"), in_scratch("labels"), limit, e);
    descent_samples_free(&s);
    return status;
}
static void bad_idx_load(void **state)
{
    const char *name = "descent_idx_load", *dir = "/usr/share/datasets/"
        "fashion-mnist/", *real = "/usr/share/datasets/fashion-mnist/"
        "t10k-labels-idx1-ubyte.gz";
    descent_samples s;
    descent_error e;
    (void)state;
    make_scratch();
    BAD(name, descent_idx_load(NULL, real, real, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "samples s is NULL");
    BAD(name, descent_idx_load(&s, NULL, real, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "images path is NULL");
    BAD(name, descent_idx_load(&s, real, NULL, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "labels path is NULL");
    BAD(name, descent_idx_load(&s, in_scratch("absent"), real, 0, &e), e,
        DESCENT_DATA_ERROR, "absent' cannot be opened: No such file");
    BAD(name, descent_idx_load(&s, dir, real, 0, &e), e,
        DESCENT_DATA_ERROR, "fashion-mnist/' cannot be read after 0 bytes");
    BAD(name, descent_idx_load(&s, real, real, 0, &e), e,
        DESCENT_DATA_ERROR, "magic number 0x00000801, not 0x00000803 (the "
        "other kind");
    BAD(name, load_small(0x803, 3, 2, 3, 0x803, 3, 0, &e), e,
        DESCENT_DATA_ERROR, "labels file");
    BAD(name, load_small(0x80d, 3, 2, 3, 0x801, 3, 0, &e), e,
        DESCENT_DATA_ERROR, "magic number 0x0000080d, not 0x00000803");
    BAD(name, load_small(0x803, 0, 2, 3, 0x801, 0, 0, &e), e,
        DESCENT_DATA_ERROR, "announces 0 images of 2 x 3 pixels");
    BAD(name, load_small(0x803, 3, 0, 3, 0x801, 3, 0, &e), e,
        DESCENT_DATA_ERROR, "announces 3 images of 0 x 3 pixels");
    BAD(name, load_small(0x803, 3, 2, 3, 0x801, 4, 0, &e), e,
        DESCENT_DATA_ERROR, "holds 3 images but labels file");
    BAD(name, load_small(0x803, 3, 2, 3, 0x801, 3, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "limit = 4 is more than the 3 samples");
    BAD(name, load_small(0x803, UINT32_MAX, UINT32_MAX, UINT32_MAX, 0x801,
                         UINT32_MAX, 0, &e), e, DESCENT_DATA_ERROR,
        "more than size_t can count");
    BAD(name, load_small(0x803, 3, 2, 3, 0x801, 3, 0, &e) == DESCENT_OK
                  ? descent_idx_load(&s, in_scratch("images"),
                                     in_scratch("images"), 0, &e)
                  : DESCENT_OK, e, DESCENT_DATA_ERROR,
        "labels file");
    VALID(name, "limit = count loads the whole set",
          load_small(0x803, 3, 2, 3, 0x801, 3, 3, &e), e);
    forget_scratch();
}
static descent_status fashion_in(const char *folder, size_t limit,
                                 descent_error *e)
{
    descent_samples s;
    if (folder != NULL)
        setenv("DESCENT_FASHION_MNIST", folder, 1);
    descent_status status = descent_fashion_mnist_load(&s, false, limit, e);
    descent_samples_free(&s);
    return status;
}

static void fashion_files(uint32_t rows, uint32_t columns,
                          unsigned char label)
{
    static unsigned char image[16 + 2 * 28 * 28];
    unsigned char labels[2] = {0, label}, bytes[16];
    write_gzip(in_scratch("t10k-images-idx3-ubyte.gz"), image,
               image_idx(image, 0x803, 2, rows, columns));
    write_gzip(in_scratch("t10k-labels-idx1-ubyte.gz"), bytes,
               label_idx(bytes, 0x801, 2, labels));
}
static void bad_fashion_mnist(void **state)
{
    const char *name = "descent_fashion_mnist_load";
    const char *saved = getenv("DESCENT_FASHION_MNIST");
    char before[4096], long_name[5000];
    descent_error e;
    (void)state;
    snprintf(before, sizeof before, "%s", saved != NULL ? saved : "");
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    make_scratch();
    BAD(name, descent_fashion_mnist_load(NULL, false, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "samples s is NULL");
    BAD(name, fashion_in(in_scratch("absent"), 0, &e), e, DESCENT_DATA_ERROR,
        "cannot be opened: No such file or directory (install Debian's "
        "dataset-fashion-mnist, or set DESCENT_FASHION_MNIST");
    BAD(name, fashion_in(long_name, 0, &e), e, DESCENT_INVALID_ARGUMENT,
        "folder name is too long (DESCENT_FASHION_MNIST, 4999 characters)");
    fashion_files(2, 3, 1);
    BAD(name, fashion_in(scratch, 0, &e), e, DESCENT_DATA_ERROR,
        "images of 6 pixels, not 28 x 28 = 784");
    fashion_files(28, 28, 12);
    BAD(name, fashion_in(scratch, 0, &e), e, DESCENT_DATA_ERROR,
        "label 12 is not one of the 10 classes");
    fashion_files(28, 28, 9);
    VALID(name, "a folder of the user's, through DESCENT_FASHION_MNIST",
          fashion_in(scratch, 0, &e), e);
    BAD(name, fashion_in(scratch, 3, &e), e, DESCENT_INVALID_ARGUMENT,
        "limit = 3 is more than the 2 samples");
    VALID(name, "limit = 1 loads the first sample",
          fashion_in(scratch, 1, &e), e);
    forget_scratch();
    if (saved != NULL)
        setenv("DESCENT_FASHION_MNIST", before, 1);
    else
        unsetenv("DESCENT_FASHION_MNIST");
}
static void claim_stoch_schedules(void **state)
{
    descent_error error;
    int bad = 0;
    (void)state;
    for (int kind = DESCENT_SCHEDULE_CONSTANT;
         kind < DESCENT_SCHEDULE_PLATEAU; kind++) {
        descent_schedule s = make_schedule((descent_schedule_kind)kind);
        bad += schedule_violations(&s);
    }
    descent_schedule plateau = make_schedule(DESCENT_SCHEDULE_PLATEAU);
    double before = descent_schedule_eta(&plateau, 0);
    bad += before != schedule_eta0;
    for (int epoch = 0; epoch < 1000; epoch++) {
        double loss = pow(10, -epoch / 1000.0) * (1.2 + sin(0.7 * epoch));
        REQUIRE(descent_schedule_epoch(&plateau, loss, &error), error);
        double now = descent_schedule_eta(&plateau, (size_t)epoch);
        bad += !(now <= before);
        before = now;
    }
    bad += !(before < schedule_eta0);
    bool holds = claim_report_at_most(
        "stoch-schedules",
        "every schedule is monotone where it claims to be; linear decay "
        "reaches $\\eta_\\tau$ at $k=\\tau$ and stays",
        bad, 0);
    assert_true(holds);
}
static void claim_stoch_clip(void **state)
{
    enum { cases = 2000, most = 1000 };
    const double sentinel = 1e30;
    double g0[most + 1], g[most + 1], c, norm, worst = 0;
    float f[most + 1];
    descent_error error;
    (void)state;
    for (int t = 0; t <= cases; t++) {
        size_t n = 1 + (size_t)(t * 389) % most;
        clip_case(t, n, g0, &c);
        if (t == cases) {               /* c = 1, components past it */
            c = 1;
            for (size_t i = 0; i < n; i++)
                g0[i] = 1.5 * sin(3.0 * (double)i + 1);
        }
        g[n] = sentinel;
        f[n] = (float)sentinel;
        memcpy(g, g0, n * sizeof *g);
        REQUIRE(descent_clip_norm(g, n, c, &norm, &error), error);
        worst = fmax(worst, clip_worst(n, g0, g, c, norm, 0x1p-53));
        memcpy(g, g0, n * sizeof *g);
        REQUIRE(descent_clip_value(g, n, c, &error), error);
        worst = fmax(worst, value_worst(n, g0, g, c, false));
        for (size_t i = 0; i < n; i++) {
            f[i] = (float)g0[i];
            g0[i] = f[i];
        }
        REQUIRE(descent_clip_norm_f(f, n, c, &norm, &error), error);
        for (size_t i = 0; i < n; i++)
            g[i] = f[i];
        worst = fmax(worst, clip_worst(n, g0, g, c, norm, 0x1p-24));
        for (size_t i = 0; i < n; i++)
            f[i] = (float)g0[i];
        REQUIRE(descent_clip_value_f(f, n, c, &error), error);
        for (size_t i = 0; i < n; i++)
            g[i] = f[i];
        worst = fmax(worst, value_worst(n, g0, g, c, true));
        if (g[n] != sentinel || f[n] != (float)sentinel)
            worst = INFINITY;
    }
    for (size_t i = 0; i < 5; i++)
        g[i] = f[i] = 0;
    REQUIRE(descent_clip_norm(g, 5, 1, &norm, &error), error);
    worst = fmax(worst, norm == 0 && g[0] == 0 ? 0 : INFINITY);
    REQUIRE(descent_clip_norm_f(f, 5, 1, &norm, &error), error);
    worst = fmax(worst, norm == 0 && f[0] == 0 ? 0 : INFINITY);
    g[0] = f[0] = NAN;
    assert_int_equal(descent_clip_norm(g, 5, 1, &norm, &error),
                     DESCENT_NONFINITE);
    assert_int_equal(descent_clip_norm_f(f, 5, 1, &norm, &error),
                     DESCENT_NONFINITE);
    assert_int_equal(descent_clip_value(g, 5, 1, &error), DESCENT_NONFINITE);
    assert_int_equal(descent_clip_value_f(f, 5, 1, &error), DESCENT_NONFINITE);
    bool holds = claim_report_at_most(
        "stoch-clip",
        "clipping by norm returns a gradient no longer than the "
        "threshold, in the same direction; by value bounds every "
        "component (worst measured fraction of the rounding bounds)",
        worst, 1);
    assert_true(holds);
}
static void claim_stoch_variance(void **state)
{
    enum { count = 200, d = 5, draws = 4000, sizes = 8 };
    descent_regression p;
    descent_random r;
    descent_error error;
    double theta[d] = {0}, full[d], spread = 0, worst_z = 0;
    double logm[sizes], logv[sizes], sigma[sizes], naive[sizes];
    size_t indices[count];
    (void)state;
    REQUIRE(descent_regression_init(&p, count, d, 10, 0.5, 71, &error),
            error);
    REQUIRE(descent_regression_gradient(&p, theta, NULL, count, full,
                                           &error), error);
    for (size_t i = 0; i < count; i++) {
        double g[d];
        REQUIRE(descent_regression_gradient(&p, theta, &i, 1, g, &error),
                error);
        for (int j = 0; j < d; j++)
            spread += (g[j] - full[j]) * (g[j] - full[j]) / count;
    }
    descent_random_seed(&r, 72);
    for (int s = 0; s < sizes; s++) {
        size_t m = (size_t)1 << s;
        double sum[d] = {0}, sum2[d] = {0}, squares = 0, fourth = 0;
        for (size_t i = 0; i < count; i++)
            indices[i] = i;
        for (int t = 0; t < draws; t++) {
            double g[d], dev2 = 0;
            REQUIRE(descent_minibatch_draw(&r, count, m, indices, &error), error);
            REQUIRE(descent_regression_gradient(&p, theta, indices, m, g,
                                                   &error), error);
            for (int j = 0; j < d; j++) {
                double dev = g[j] - full[j];
                sum[j] += dev;
                sum2[j] += dev * dev;
                dev2 += dev * dev;
            }
            squares += dev2;
            fourth += dev2 * dev2;
        }
        double v = squares / draws, se = sqrt((fourth / draws - v * v) / draws);
        double predicted = (double)(count - m) / ((double)m * (count - 1)) * spread;
        worst_z = fmax(worst_z, fabs(v - predicted) / se);
        for (int j = 0; j < d; j++) {
            double mean = sum[j] / draws, var = sum2[j] / draws - mean * mean;
            worst_z = fmax(worst_z, fabs(mean) / sqrt(var / draws));
        }
        logm[s] = log((double)m);
        naive[s] = log(v);
        logv[s] = log(v * (count - 1) / (double)(count - m));
        sigma[s] = se / v;
    }
    descent_regression_free(&p);
    double slope_error, slope = fit_slope(sizes, logm, logv, sigma,
                                          &slope_error);
    double raw = fit_slope(sizes, logm, naive, NULL, NULL);
    char measured[160], bound[160];
    snprintf(measured, sizeof measured,
             "slope $%.3f$ (without the factor $%.3f$), largest $|z|=%.2f$",
             slope, raw, worst_z);
    snprintf(bound, sizeof bound, "$-1\\pm%.3f$ ($4$ s.e.), $|z|\\le4$",
             4 * slope_error);
    bool holds = fabs(slope + 1) <= 4 * slope_error && worst_z <= 4;
    claim_report("stoch-variance",
                 "the minibatch gradient is unbiased and its variance falls "
                 "as $(N-m)/(m(N-1))$",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_stoch_zone(void **state)
{
    descent_regression p;
    descent_error error;
    zone_run runs[7] = {{.eta = 0.005, .m = 1}, {.eta = 0.01, .m = 1},
                        {.eta = 0.02, .m = 1},  {.eta = 0.04, .m = 1},
                        {.eta = 0.02, .m = 4},  {.eta = 0.02, .m = 16},
                        {.eta = 0.02, .m = 64}};
    double worst_z = 0, worst_first = 0;
    (void)state;
    REQUIRE(descent_regression_init(&p, 1000, 2, 4, 0.5, 7, &error),
            error);
    double *H = p.H, tr = H[0] + H[3], det = H[0] * H[3] - H[1] * H[2];
    double lambda = (tr - sqrt(tr * tr - 4 * det)) / 2;
    for (int i = 0; i < 7; i++) {
        zone_measure(&p, lambda, &runs[i], 100 + (uint64_t)i);
        worst_z = fmax(worst_z, fabs(runs[i].mean - runs[i].exact) / runs[i].error);
        worst_first = fmax(worst_first,
                           fabs(runs[i].first_order / runs[i].exact - 1));
        char mean[64], spread[64], exact[64];
        claim_format(mean, sizeof mean, runs[i].mean);
        claim_format(spread, sizeof spread, runs[i].error);
        claim_format(exact, sizeof exact, runs[i].exact);
        claim_table_row("stoch-zone-table", "%g & %zu & %s & %s & %s & %.3f \\\\",
                        runs[i].eta, runs[i].m, mean, spread, exact,
                        runs[i].mean / runs[i].first_order);
    }
    double x[4], y[4], yexact[4], sigma[4], e_eta, e_m;
    for (int i = 0; i < 4; i++) {
        x[i] = log(runs[i].eta);
        y[i] = log(runs[i].mean);
        yexact[i] = log(runs[i].exact);
        sigma[i] = runs[i].error / runs[i].mean;
    }
    double slope_eta = fit_slope(4, x, y, sigma, &e_eta),
           exact_eta = fit_slope(4, x, yexact, NULL, NULL);
    for (int i = 0; i < 4; i++) {
        zone_run *run = &runs[i == 0 ? 2 : i + 3];
        double factor = (double)(p.count - run->m) / (double)(p.count - 1);
        x[i] = log((double)run->m);
        y[i] = log(run->mean / factor);
        yexact[i] = log(run->exact / factor);
        sigma[i] = run->error / run->mean;
    }
    double slope_m = fit_slope(4, x, y, sigma, &e_m),
           exact_m = fit_slope(4, x, yexact, NULL, NULL);
    char measured[200], bound[200];
    snprintf(measured, sizeof measured,
             "slopes $%.3f$ in $\\eta$, $%.3f$ in $m$; largest $|z|=%.2f$; "
             "first order within $%.1f\\%%$ of exact",
             slope_eta, slope_m, worst_z, 100 * worst_first);
    snprintf(bound, sizeof bound,
             "$%.3f\\pm%.3f$, $%.3f\\pm%.3f$; $|z|\\le4$; $10\\%%$", exact_eta,
             4 * e_eta, exact_m, 4 * e_m);
    bool holds = worst_z <= 4 && worst_first <= 0.1 &&
                 fabs(slope_eta - exact_eta) <= 4 * e_eta &&
                 fabs(slope_m - exact_m) <= 4 * e_m;
    claim_report("stoch-zone",
                 "constant-step SGD stalls at the stationary mean squared "
                 "distance, linear in $\\eta$ and in $1/m$",
                 measured, bound, holds);
    assert_true(holds);
    descent_regression_free(&p);
}
static void claim_stoch_decay(void **state)
{
    enum { steps = 100000, seeds = 8 };
    const double start = 100, pi = 3.14159265358979323846,
                 zeta2 = pi * pi / 6;
    descent_regression p;
    descent_schedule harmonic, inverse;
    descent_random r;
    descent_error error;
    double *distance = malloc(steps * sizeof *distance), early = 0, late = 0;
    descent_sgd_path path = {.squared_distance = distance};
    (void)state;
    assert_non_null(distance);
    REQUIRE(descent_regression_init(&p, 1000, 2, 4, 0.5, 7, &error),
            error);
    REQUIRE(descent_schedule_init(&harmonic, DESCENT_SCHEDULE_HARMONIC, 3, 0,
                                  0, &error), error);
    REQUIRE(descent_schedule_init(&inverse, DESCENT_SCHEDULE_INVERSE_SQUARE,
                                  0.1, 0, 0, &error), error);
    for (int seed = 0; seed < seeds; seed++) {
        double theta[2] = {p.theta_star[0] + start, p.theta_star[1]};
        descent_random_seed(&r, 300 + (uint64_t)seed);
        REQUIRE(descent_regression_sgd(&p, theta, 16, &harmonic, steps, &r,
                                          &path, &error), error);
        for (size_t k = steps / 16; k < steps / 8; k++)
            early += distance[k] / (steps / 16) / seeds;
        for (size_t k = steps / 2; k < steps; k++)
            late += distance[k] / (steps / 2) / seeds;
    }
    double theta[2] = {p.theta_star[0] + start, p.theta_star[1]};
    double *iterates = malloc(2 * steps * sizeof *iterates), travelled = 0;
    assert_non_null(iterates);
    path.theta = iterates;
    descent_random_seed(&r, 400);
    REQUIRE(descent_regression_sgd(&p, theta, 16, &inverse, steps, &r,
                                      &path, &error), error);
    for (size_t k = 0; k < steps; k++) {
        double x = k ? iterates[2 * k - 2] : p.theta_star[0] + start,
               y = k ? iterates[2 * k - 1] : p.theta_star[1];
        travelled += hypot(iterates[2 * k] - x, iterates[2 * k + 1] - y);
    }
    free(iterates);
    assert_true(fabs(travelled - path.travelled) <= 1e-9 * path.travelled);
    double budget = 0.1 * zeta2 * path.largest_gradient;
    double final = sqrt(distance[steps - 1]);
    free(distance);
    descent_regression_free(&p);
    char measured[200], bound[200], relative[64];
    claim_format(relative, sizeof relative, late / (start * start));
    snprintf(measured, sizeof measured,
             "harmonic: late/early $%.2g$, late %s$\\,D_0^2$; inverse "
             "square: travelled $%.3g$, final distance $%.3g$",
             late / early, relative, travelled, final);
    snprintf(bound, sizeof bound,
             "$\\le0.25$, $\\le10^{-6}$; travel $\\le%.3g$, distance $\\ge%.3g$",
             budget, start - budget);
    bool holds = late <= early / 4 && late <= 1e-6 * start * start &&
                 travelled <= budget * (1 + 1e-9) &&
                 start - budget > 0 && final >= start - budget;
    claim_report("stoch-decay",
                 "harmonic steps keep reducing the error; inverse-square steps "
                 "stop short, as their finite sum predicts",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_stoch_logistic(void **state)
{
    enum { d = 4 };
    descent_logistic p;
    descent_error error;
    double g[d], g0[d], zero[d] = {0}, value0, worst = INFINITY;
    (void)state;
    REQUIRE(descent_logistic_init(&p, 500, d, 0.01, 17, &error), error);
    REQUIRE(descent_logistic_value(&p, zero, NULL, 500, &value0, g0, &error),
            error);
    REQUIRE(descent_logistic_value(&p, p.theta_star, NULL, 500, NULL, g,
                                   &error), error);
    double gradient = cblas_dnrm2(d, g, 1), first = cblas_dnrm2(d, g0, 1);
    for (int t = 0; t < 200; t++) {
        double delta[d], theta[d], sum = 0, value;
        for (int j = 0; j < d; j++) {
            delta[j] = sin(2.1 * t + 1.3 * j + 0.2 * t * j);
            sum += delta[j] * delta[j];
        }
        double length = pow(10, -2 + 2.0 * t / 199), scale = length / sqrt(sum);
        for (int j = 0; j < d; j++)
            theta[j] = p.theta_star[j] + scale * delta[j];
        REQUIRE(descent_logistic_value(&p, theta, NULL, 500, &value, NULL, &error),
                error);
        double lower = p.lambda / 2 * length * length - gradient * length;
        worst = fmin(worst, (value - p.value_star) / lower);
    }
    descent_logistic_free(&p);
    char measured[160], bound[160];
    snprintf(measured, sizeof measured,
             "gradient $%.2g$ of the start's, smallest ratio $%.6f$",
             gradient / first, worst);
    snprintf(bound, sizeof bound, "$\\le10^{-10}$, $\\ge1-10^{-6}$");
    bool holds = gradient <= 1e-10 * first && worst >= 1 - 1e-6;
    claim_report("stoch-logistic",
                 "the logistic regression's $\\theta^*$ is its minimizer",
                 measured, bound, holds);
    assert_true(holds);
}
static void schedule_values(void **state)
{
    descent_schedule s;
    descent_error e;
    (void)state;
    REQUIRE(descent_schedule_init(&s, DESCENT_SCHEDULE_LINEAR, 1, 0.25, 4,
                                  &e), e);
    assert_true(descent_schedule_eta(&s, 2) == 0.625);
    assert_true(descent_schedule_eta(&s, 4) == 0.25);
    assert_true(descent_schedule_eta(&s, 9) == 0.25);
    REQUIRE(descent_schedule_init(&s, DESCENT_SCHEDULE_STEP, 1, 0.5, 3, &e),
            e);
    assert_true(descent_schedule_eta(&s, 7) == 0.25);
    REQUIRE(descent_schedule_init(&s, DESCENT_SCHEDULE_PLATEAU, 1, 0.5, 2,
                                  &e), e);
    const double loss[9] = {5, 4, 4, 4.5, 3, 6, 2, 2.5, 2};
    const double eta[9] = {1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25};
    for (int k = 0; k < 9; k++) {
        REQUIRE(descent_schedule_epoch(&s, loss[k], &e), e);
        assert_true(descent_schedule_eta(&s, 100) == eta[k]);
    }
}
static void regression_definition(void **state)
{
    enum { N = 4000, D = 4 };
    descent_regression p;
    descent_random r;
    descent_error e;
    (void)state;
    for (int noisy = 0; noisy < 2; noisy++) {
        REQUIRE(descent_regression_init(&p, N, D, 100, noisy ? 0.5 : 0, 3,
                                        &e), e);
        descent_random_seed(&r, 3);
        assert_true(p.x[0] == descent_random_gaussian(&r));
        double square[D] = {0}, noise = 0, H[D * D] = {0}, S[D * D] = {0};
        for (size_t i = 0; i < N; i++) {
            const double *x = p.x + i * D;
            double sum = 0, residual = -p.y[i];
            for (size_t j = 0; j < D; j++) {
                square[j] += x[j] * x[j] / N;
                sum += x[j];
                residual += x[j] * p.theta_star[j];
            }
            noise += (p.y[i] - sum) * (p.y[i] - sum) / N;
            for (size_t a = 0; a < D * D; a++) {
                H[a] += x[a / D] * x[a % D] / N;
                S[a] += residual * residual * x[a / D] * x[a % D] / N;
            }
        }
        for (size_t j = 0; j < D; j++) {
            double want = pow(100, -(double)j / (D - 1));
            assert_true(fabs(square[j] / want - 1) < 0.1);
            if (!noisy)
                assert_true(fabs(p.theta_star[j] - 1) < 1e-10);
        }
        assert_true(noisy ? fabs(noise / 0.25 - 1) < 0.1 : noise == 0);
        for (size_t a = 0; a < D * D; a++) {
            assert_true(fabs(p.H[a] - H[a]) <= 1e-12 * fabs(H[0]));
            assert_true(!noisy || fabs(p.S[a] - S[a]) <= 1e-9 * S[0]);
        }
        descent_regression_free(&p);
    }
}
static void minibatch_definition(void **state)
{
    enum { N = 10, M = 4 };
    size_t got[N], want[N];
    descent_random r, copy;
    descent_error e;
    (void)state;
    for (size_t i = 0; i < N; i++)
        got[i] = want[i] = i;
    descent_random_seed(&r, 11);
    copy = r;
    REQUIRE(descent_minibatch_draw(&r, N, M, got, &e), e);
    for (size_t j = 0; j < M; j++) {
        size_t pick = j + (size_t)descent_random_below(&copy, N - j);
        size_t t = want[j];
        want[j] = want[pick];
        want[pick] = t;
    }
    assert_memory_equal(got, want, sizeof got);
    assert_true(descent_random_bits(&r) == descent_random_bits(&copy));
}
/* Batch mask (m of the six examples) of the problem: A = I - eta H_B and
   the batch's gradient g_B at theta*. */
static bool batch_map(const descent_regression *p, double eta, size_t m,
                      unsigned mask, double A[9], double g[3])
{
    size_t size = 0;
    for (int i = 0; i < 6; i++)
        size += mask >> i & 1;
    if (size != m)
        return false;
    for (int a = 0; a < 9; a++)
        A[a] = a % 4 == 0;
    for (int a = 0; a < 3; a++)
        g[a] = 0;
    for (int i = 0; i < 6; i++) {
        if (!(mask >> i & 1))
            continue;
        const double *x = p->x + i * 3;
        double r = -p->y[i];
        for (int a = 0; a < 3; a++)
            r += x[a] * p->theta_star[a];
        for (int a = 0; a < 3; a++) {
            g[a] += r * x[a] / (double)m;
            for (int b = 0; b < 3; b++)
                A[a * 3 + b] -= eta * x[a] * x[b] / (double)m;
        }
    }
    return true;
}

/* out += A X A' for 3 x 3 matrices. */
static void add_sandwich(const double A[9], const double X[9], double out[9])
{
    for (int a = 0; a < 3; a++)
        for (int b = 0; b < 3; b++)
            for (int c = 0; c < 3; c++)
                for (int e = 0; e < 3; e++)
                    out[a * 3 + b] += A[a * 3 + c] * X[c * 3 + e] *
                                      A[b * 3 + e];
}

/* One step of the second moment: next = E_B[A_B X A_B'] (+ eta^2
   E_B[g_B g_B'] with noise); returns the trace of next. */
static double moment_step(const descent_regression *p, double eta, size_t m,
                          const double X[9], double next[9], bool noise)
{
    double A[9], g[3];
    int batches = 0;
    memset(next, 0, 9 * sizeof *next);
    for (unsigned mask = 0; mask < 64; mask++) {
        if (!batch_map(p, eta, m, mask, A, g))
            continue;
        batches++;
        add_sandwich(A, X, next);
        for (int a = 0; noise && a < 9; a++)
            next[a] += eta * eta * g[a / 3] * g[a % 3];
    }
    for (int a = 0; a < 9; a++)
        next[a] /= batches;
    return next[0] + next[4] + next[8];
}

/* The stationary E|e|^2: the second moment iterated from zero until a
   step changes no entry by more than 2^-50 of the trace. */
static double brute_stationary(const descent_regression *p, double eta,
                               size_t m)
{
    double sigma[9] = {0}, next[9];
    for (int k = 0, settled = 0; k < 1000000 && !settled; k++) {
        double trace = moment_step(p, eta, m, sigma, next, true);
        settled = 1;
        for (int a = 0; a < 9; a++) {
            settled &= fabs(next[a] - sigma[a]) <= 0x1p-50 * trace;
            sigma[a] = next[a];
        }
    }
    return sigma[0] + sigma[4] + sigma[8];
}

/* The spectral radius of Sigma -> E_B[(I - eta H_B) Sigma (I - eta H_B)'],
   by the power method from the identity (the map is positive, so its
   radius is attained at a positive semidefinite matrix). */
static double brute_radius(const descent_regression *p, double eta, size_t m)
{
    double sigma[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1}, next[9], growth = 0;
    for (int k = 0; k < 3000; k++) {
        double trace = moment_step(p, eta, m, sigma, next, false);
        growth = trace / (sigma[0] + sigma[4] + sigma[8]);
        for (int a = 0; a < 9; a++)
            sigma[a] = next[a] / trace;
    }
    return growth;
}

static void stationary_by_enumeration(void **state)
{
    descent_regression p;
    descent_error e;
    (void)state;
    REQUIRE(descent_regression_init(&p, 6, 3, 4, 0.3, 5, &e), e);
    for (size_t m = 1; m <= 3; m++) {
        double first, exact;
        REQUIRE(descent_regression_stationary(&p, 0.05, m, &first, &exact,
                                              &e), e);
        double brute = brute_stationary(&p, 0.05, m);
        assert_true(fabs(exact - brute) <= 1e-9 * brute);
        assert_true(fabs(first - 0.05 *
                                     (6.0 - (double)m) / (5.0 * (double)m) *
                                     p.trace / 2) <= 1e-15 * first);
        for (double eta = 0.1; eta < 3.3; eta *= 1.5) {
            double radius = brute_radius(&p, eta, m);
            if (fabs(radius - 1) < 0.01)
                continue;
            descent_status status =
                descent_regression_stationary(&p, eta, m, &first, &exact, &e);
            assert_int_equal(status, radius < 1 ? DESCENT_OK : DESCENT_DIVERGED);
        }
    }
    descent_regression_free(&p);
}
static void logistic_definition(void **state)
{
    enum { N = 20000, D = 4 };
    descent_logistic p;
    descent_random r;
    descent_error e;
    double value;
    (void)state;
    REQUIRE(descent_logistic_init(&p, N, D, 1e-8, 4, &e), e);
    for (size_t j = 0; j < D; j++)
        assert_true(fabs(p.theta_star[j] - 1) < 0.1);
    double excess = 0, loss = 0, norm2 = 0;
    for (size_t i = 0; i < N; i++) {
        const double *x = p.x + i * D;
        double z = 0, z_star = 0;
        for (size_t j = 0; j < D; j++) {
            z += x[j] * 2 / sqrt((double)D);
            z_star += x[j] * p.theta_star[j];
        }
        assert_true(p.y[i] == 0 || p.y[i] == 1);
        excess += (p.y[i] - 1 / (1 + exp(-z))) / N;
        loss += (log1p(exp(z_star)) - p.y[i] * z_star) / N;
    }
    for (size_t j = 0; j < D; j++)
        norm2 += p.theta_star[j] * p.theta_star[j];
    assert_true(fabs(excess) <= 4 * sqrt(0.25 / N));
    descent_random_seed(&r, 4);
    assert_true(p.x[0] == descent_random_gaussian(&r));
    REQUIRE(descent_logistic_value(&p, p.theta_star, NULL, N, &value, NULL,
                                   &e), e);
    assert_true(value == p.value_star);
    assert_true(fabs(value - (loss + 1e-8 / 2 * norm2)) <= 1e-12 * value);
    descent_logistic_free(&p);
}
/* Against Chapter 6's network: a 20-16-12-5 model with ReLU or
   logistic hidden layers and an L2 output; the relative errors of the
   loss and the gradient, and of two updates of each rule (plain,
   heavy ball, Nesterov) over their bound. */
static void against_network(descent_layer_kind kind,
                              descent_activation activation, uint64_t seed,
                              double worst[3], double *tolerance)
{
    enum { M = 32, P = 16 * 21 + 12 * 17 + 5 * 13 };
    const size_t sizes[4] = {20, 16, 12, 5};
    const descent_layer_spec spec[6] = {
        {DESCENT_LAYER_DENSE, 16}, {kind, 0}, {DESCENT_LAYER_DENSE, 12},
        {kind, 0}, {DESCENT_LAYER_DENSE, 5}, {DESCENT_LAYER_L2, 0}};
    descent_model model;
    descent_samples data;
    descent_random r;
    descent_error e;
    descent_optimizer opt;
    descent_momentum mom;
    descent_network net;
    descent_network_problem problem;
    double x[M * 20], t[M * 5], theta[P], g[P], start[P], loss;
    REQUIRE(descent_model_init(&model, 20, 6, spec, M, &e), e);
    assert_int_equal(model.parameters, P);
    descent_random_seed(&r, seed);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    random_samples(&data, M, 20, 0, 5, seed + 1);
    for (size_t i = 0; i < M * 20; i++)
        x[i] = data.x[i];
    for (size_t i = 0; i < M * 5; i++)
        t[i] = data.targets[i];
    for (size_t j = 0; j < P; j++)
        start[j] = theta[j] = model.theta[j];
    const descent_dataset set = {.count = M, .inputs = 20, .outputs = 5,
                                 .x = x, .t = t};
    REQUIRE(descent_network_init(&net, 3, sizes, activation,
                                 DESCENT_IDENTITY, &e), e);
    REQUIRE(descent_network_problem_init(&problem, &net, &set, DESCENT_L2,
                                         &e), e);
    descent_objective f = descent_network_objective(&problem);
    double value = descent_value_gradient(&f, theta, g) / M;
    for (size_t j = 0; j < P; j++)
        g[j] /= M;                        /* Chapter 6 sums; we average */
    REQUIRE(descent_model_gradient(&model, &data, NULL, M, &loss, &e), e);
    *tolerance = float_tolerance(&model, M);
    worst[0] = fmax(worst[0], fabs(loss - value) / fabs(value));
    worst[1] = fmax(worst[1], relative_gap(P, model.gradient, g));
    for (int rule = 0; rule < 3; rule++) {
        float updated[P];
        double expect[P], gap = 0, step = 0, size = 0;
        memcpy(updated, model.theta, sizeof updated);
        memcpy(expect, start, sizeof expect);
        REQUIRE(descent_sgd_init(&opt, P, rule == 0 ? 0 : 0.9, rule == 2, &e),
                e);
        REQUIRE(descent_momentum_init(&mom, P, rule == 2 ? DESCENT_NESTEROV
                                                        : DESCENT_HEAVY_BALL,
                                      0.1, rule == 0 ? 0 : 0.9, &e), e);
        for (int k = 0; k < 2; k++) {          /* the second uses the velocity */
            REQUIRE(descent_optimizer_step(&opt, updated, model.gradient, 0.1,
                                           &e), e);
            REQUIRE(descent_momentum_step(&mom, expect, g, &e), e);
        }
        for (size_t j = 0; j < P; j++) {
            gap += (updated[j] - expect[j]) * (updated[j] - expect[j]);
            step += (expect[j] - start[j]) * (expect[j] - start[j]);
            size += expect[j] * expect[j];
        }
        worst[2] = fmax(worst[2], sqrt(gap) / (*tolerance * sqrt(step) +
                                               6 * 0x1p-24 * sqrt(size)));
        descent_optimizer_free(&opt);
        descent_momentum_free(&mom);
    }
    descent_network_problem_free(&problem);
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void against_double_instance(double worst[2], double *tolerance)
{
    enum { M = 32, P = 16 * 21 + 10 * 17 };
    const descent_layer_spec spec[4] = {
        {DESCENT_LAYER_DENSE, 16}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model model;
    descent_samples data;
    descent_random r;
    descent_error e;
    double x[M * 20], theta[P], g[P], z1[M * 16], a1[M * 16], z2[M * 10],
        p[M * 10], d0[M * 20], d1[M * 20], loss;
    double *const outs[4] = {z1, a1, z2, p};
    REQUIRE(descent_model_init(&model, 20, 4, spec, M, &e), e);
    descent_random_seed(&r, 5);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    random_samples(&data, M, 20, 10, 0, 6);
    for (size_t i = 0; i < M * 20; i++)
        x[i] = data.x[i];
    for (size_t j = 0; j < P; j++)
        theta[j] = model.theta[j];
    forward_d(&model, theta, NULL, x, outs, M);
    double value = output_loss_d(&model.layer[3], z2, p, data.labels, NULL,
                                 d0, M);
    backward_d(&model, theta, NULL, x, outs, d0, d1, g, M);
    REQUIRE(descent_model_gradient(&model, &data, NULL, M, &loss, &e), e);
    *tolerance = float_tolerance(&model, M);
    worst[0] = fmax(worst[0], fabs(loss - value) / fabs(value));
    worst[1] = fmax(worst[1], relative_gap(P, model.gradient, g));
    descent_model_free(&model);
    descent_samples_free(&data);
}

static void claim_float_path(void **state)
{
    double worst[3] = {0, 0, 0}, tolerance[3];
    char measured[200], text[4][32];
    (void)state;
    against_network(DESCENT_LAYER_RELU, DESCENT_RELU, 1, worst,
                    &tolerance[0]);
    against_network(DESCENT_LAYER_LOGISTIC, DESCENT_LOGISTIC, 3, worst,
                    &tolerance[1]);
    against_double_instance(worst, &tolerance[2]);
    double tau = fmin(tolerance[0], tolerance[2]);
    bool holds = worst[0] <= tau && worst[1] <= tau && worst[2] <= 1;
    claim_format(text[0], sizeof text[0], worst[0]);
    claim_format(text[1], sizeof text[1], worst[1]);
    claim_format(text[2], sizeof text[2], worst[2]);
    claim_format(text[3], sizeof text[3], tau);
    snprintf(measured, sizeof measured, "loss %s, gradient %s, update %s "
             "of its bound", text[0], text[1], text[2]);
    claim_report("train-float",
                 "the float path matches the double network (forward, "
                 "backward, two updates of each rule) within "
                 "$u\\sum_l(n_{l-1}+n_l+m+5)$",
                 measured, text[3], holds);
    assert_true(holds);
}
static double train_subset(const descent_samples *train,
                           const descent_samples *test, loss_curve *curve)
{
    enum { EPOCHS = 5 };
    const size_t hidden[1] = {128};
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    descent_epoch_record records[EPOCHS];
    REQUIRE(descent_mlp_init(&model, 784, 1, hidden, DESCENT_LAYER_RELU, 10,
                             64, &e), e);
    descent_random_seed(&r, 1);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    REQUIRE(descent_sgd_init(&opt, model.parameters, 0.9, false, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.01,
                                  0, 0, &e), e);
    const descent_train_options options = {
        .epochs = EPOCHS, .batch = 64, .seed = 2, .optimizer = &opt,
        .schedule = &schedule, .test = test, .quiet = true,
        .callback = keep_loss, .context = curve};
    REQUIRE(descent_train(&model, train, &options, records, &e), e);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    return records[EPOCHS - 1].test_accuracy;
}

static void claim_train_mnist(void **state)
{
    enum { TRAIN = 20000, TEST = 5000, STEPS = 5 * ((TRAIN + 63) / 64) };
    descent_samples train, test;
    descent_error e;
    loss_curve curve[2];
    char measured[200];
    (void)state;
    REQUIRE(descent_fashion_mnist_load(&train, true, TRAIN, &e), e);
    REQUIRE(descent_fashion_mnist_load(&test, false, TEST, &e), e);
    for (int run = 0; run < 2; run++) {
        curve[run] = (loss_curve){.capacity = STEPS};
        curve[run].loss = calloc(STEPS, sizeof(double));
        assert_non_null(curve[run].loss);
    }
    double accuracy = train_subset(&train, &test, &curve[0]);
    train_subset(&train, &test, &curve[1]);
    bool same = curve[0].steps == STEPS && curve[1].steps == STEPS &&
                memcmp(curve[0].loss, curve[1].loss,
                       STEPS * sizeof(double)) == 0;
    bool holds = same && accuracy >= 0.80;
    snprintf(measured, sizeof measured, "test accuracy %.3f after 5 epochs "
             "on %d samples; the two runs' %d losses %s", accuracy, TRAIN,
             STEPS, same ? "equal bit for bit" : "DIFFER");
    claim_report("train-mnist",
                 "an MLP trained with SGD and momentum on (a subset of) "
                 "Fashion-MNIST passes the accuracy bound, and the same "
                 "seed gives the same losses bit for bit",
                 measured, "accuracy $\\ge 0.80$, losses equal", holds);
    for (int run = 0; run < 2; run++)
        free(curve[run].loss);
    descent_samples_free(&train);
    descent_samples_free(&test);
    assert_true(holds);
}
static void evaluate_definition(void **state)
{
    enum { N = 150, P = 16 * 21 + 10 * 17 };
    const descent_layer_spec spec[4] = {
        {DESCENT_LAYER_DENSE, 16}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    static double x[N * 20], theta[P], z1[N * 16], a1[N * 16], z2[N * 10],
        p[N * 10];
    double *const outs[4] = {z1, a1, z2, p};
    descent_model model;
    descent_samples data;
    descent_random r;
    descent_error e;
    double loss, accuracy;
    (void)state;
    REQUIRE(descent_model_init(&model, 20, 4, spec, 64, &e), e);
    descent_random_seed(&r, 12);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    for (size_t j = 0; j < P; j++) {
        model.theta[j] += (float)(0.3 * descent_random_gaussian(&r));
        theta[j] = model.theta[j];
    }
    random_samples(&data, N, 20, 10, 0, 13);
    for (size_t i = 0; i < N * 20; i++)
        x[i] = data.x[i];
    forward_d(&model, theta, NULL, x, outs, N);
    size_t right = 0;
    for (size_t i = 0; i < N; i++) {
        size_t best = 0;
        for (size_t c = 1; c < 10; c++)
            best = p[i * 10 + c] > p[i * 10 + best] ? c : best;
        if (i % 2 == 0)                 /* every other label is right */
            data.labels[i] = (int32_t)best;
        right += best == (size_t)data.labels[i];
    }
    double value = output_loss_d(&model.layer[3], z2, p, data.labels, NULL,
                                 NULL, N);
    REQUIRE(descent_model_evaluate(&model, &data, &loss, &accuracy, &e), e);
    assert_true(fabs(loss - value) <= float_tolerance(&model, 64) * value);
    assert_true(accuracy == (double)right / N);
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void softmax_large_logits(void **state)
{
    enum { M = 3, K = 4 };
    static const float logits[M * K] = {0, 200, -100, 50,
                                        600, 0, -300, 1,
                                        -50, -40, 120, 119};
    const int32_t label[M] = {3, 0, 2};
    const descent_layer_spec spec[2] = {
        {DESCENT_LAYER_DENSE, K}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model model;
    descent_samples data;
    descent_error e;
    double loss, evaluated, accuracy;
    (void)state;
    REQUIRE(descent_model_init(&model, K, 2, spec, M, &e), e);
    REQUIRE(descent_samples_init(&data, M, K, K, 0, &e), e);
    memset(model.theta, 0, model.parameters * sizeof *model.theta);
    for (size_t j = 0; j < K; j++)
        model.theta[j * K + j] = 1;
    memcpy(data.x, logits, sizeof logits);
    memcpy(data.labels, label, sizeof label);
    REQUIRE(descent_model_gradient(&model, &data, NULL, M, &loss, &e), e);
    REQUIRE(descent_model_evaluate(&model, &data, &evaluated, &accuracy, &e),
            e);
    long double want = 0;
    for (size_t i = 0; i < M; i++) {
        const float *z = logits + i * K;
        long double top = z[0], sum = 0;
        for (size_t c = 1; c < K; c++)
            top = z[c] > top ? z[c] : top;
        for (size_t c = 0; c < K; c++)
            sum += expl(z[c] - top);
        want += (logl(sum) + top - z[label[i]]) / M;
        for (size_t c = 0; c < K; c++) {   /* dE/db_c = mean of p_c - y_c */
            long double dp = expl(z[c] - top) / sum - (c == (size_t)label[i]);
            model.gradient[K * K + c] -= (float)(dp / M);
        }
    }
    assert_true(fabs(loss - (double)want) <= 1e-5 * (double)want);
    assert_true(fabs(evaluated - (double)want) <= 1e-5 * (double)want);
    for (size_t c = 0; c < K; c++)
        assert_true(fabsf(model.gradient[K * K + c]) <= 1e-6f);
    descent_model_free(&model);
    descent_samples_free(&data);
    const descent_layer_spec squash[3] = {{DESCENT_LAYER_DENSE, 2},
                                          {DESCENT_LAYER_LOGISTIC, 0},
                                          {DESCENT_LAYER_L2, 0}};
    REQUIRE(descent_model_init(&model, 2, 3, squash, 1, &e), e);
    REQUIRE(descent_samples_init(&data, 1, 2, 0, 2, &e), e);
    memset(model.theta, 0, model.parameters * sizeof *model.theta);
    model.theta[0] = model.theta[3] = 1;
    data.x[0] = 100;
    data.x[1] = -100;
    REQUIRE(descent_model_evaluate(&model, &data, &loss, NULL, &e), e);
    const float *a = model.layer[1].out;
    assert_true(a[0] == 1 && a[1] >= 0 && a[1] < 1e-40f && isfinite(loss));
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void dead_relu(void **state)
{
    const descent_layer_spec spec[4] = {
        {DESCENT_LAYER_DENSE, 6}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 3}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model model;
    descent_samples data;
    descent_random r;
    descent_error e;
    double loss;
    (void)state;
    REQUIRE(descent_model_init(&model, 5, 4, spec, 8, &e), e);
    descent_random_seed(&r, 14);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    for (size_t j = 0; j < 6; j++)
        model.theta[6 * 5 + j] = -100;
    random_samples(&data, 8, 5, 3, 0, 15);
    REQUIRE(descent_model_gradient(&model, &data, NULL, 8, &loss, &e), e);
    for (size_t j = 0; j < model.layer[0].parameters; j++)
        assert_true(model.gradient[j] == 0);
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void initial_weights(void **state)
{
    const descent_layer_spec spec[6] = {
        {DESCENT_LAYER_DENSE, 12}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 9}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, 4}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model model;
    descent_random r;
    descent_error e;
    (void)state;
    REQUIRE(descent_model_init(&model, 7, 6, spec, 1, &e), e);
    descent_random_seed(&r, 16);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    descent_random_seed(&r, 16);
    for (size_t k = 0; k < model.count; k += 2) {
        const descent_layer *l = &model.layer[k];
        double sigma = sqrt((k == 0 ? 2.0 : 1.0) / (double)l->inputs);
        const float *w = model.theta + l->offset;
        size_t weights = l->inputs * l->outputs;
        assert_true(l->parameters == weights + l->outputs);
        for (size_t j = 0; j < weights; j++)
            assert_true(w[j] == (float)(sigma * descent_random_gaussian(&r)));
        for (size_t j = 0; j < l->outputs; j++)
            assert_true(w[weights + j] == 0);
    }
    descent_model_free(&model);
}
static void sgd_fields(void **state)
{
    static const char *const names[3] = {"sgd", "momentum", "nesterov"};
    descent_optimizer opt;
    descent_error e;
    (void)state;
    for (int rule = 0; rule < 3; rule++) {
        REQUIRE(descent_sgd_init(&opt, 5, rule ? 0.9 : 0, rule == 2, &e), e);
        assert_string_equal(opt.name, names[rule]);
        assert_true(opt.vectors == (rule > 0) &&
                    (opt.memory != NULL) == (rule > 0));
        descent_optimizer_free(&opt);
    }
}
static double train_once(descent_model *model, const descent_samples *data,
                         size_t batch, double eta, descent_clip_kind clip,
                         double threshold, FILE *progress,
                         descent_epoch_record *record, loss_curve *curve)
{
    descent_optimizer opt;
    descent_schedule schedule;
    descent_error e;
    REQUIRE(descent_sgd_init(&opt, model->parameters, 0, false, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, eta,
                                  0, 0, &e), e);
    const descent_train_options options = {
        .epochs = 1, .batch = batch, .seed = 17, .optimizer = &opt,
        .schedule = &schedule, .clip = clip, .clip_threshold = threshold,
        .test = progress ? data : NULL, .quiet = progress == NULL,
        .progress = progress, .callback = keep_loss, .context = curve};
    REQUIRE(descent_train(model, data, &options, record, &e), e);
    descent_optimizer_free(&opt);
    return record->train_loss;
}

static void train_records(void **state)
{
    enum { N = 40 };
    const size_t hidden[1] = {5};
    double steps[8], loss;
    loss_curve curve = {.capacity = 8, .loss = steps};
    descent_epoch_record record;
    descent_model model;
    descent_samples data;
    descent_random r;
    descent_error e;
    char text[512] = "";
    (void)state;
    REQUIRE(descent_mlp_init(&model, 6, 1, hidden, DESCENT_LAYER_TANH, 3, N,
                             &e), e);
    descent_random_seed(&r, 18);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    random_samples(&data, N, 6, 3, 0, 19);
    FILE *progress = tmpfile();
    assert_non_null(progress);
    train_once(&model, &data, 16, 1e-30, DESCENT_CLIP_NONE, 0, progress,
               &record, &curve);
    rewind(progress);
    size_t got = fread(text, 1, sizeof text - 1, progress);
    fclose(progress);
    text[got] = '\0';
    assert_true(strstr(text, "test loss") != NULL &&
                strstr(text, "accuracy") != NULL);
    assert_true(curve.steps == 3 && record.seconds >= 0);
    assert_true(record.train_loss ==
                (steps[0] * 16 + steps[1] * 16 + steps[2] * 8) / N);
    double most = 0;
    for (size_t i = 0; i < N; i++) {
        REQUIRE(descent_model_gradient(&model, &data, &i, 1, &loss, &e), e);
        most = fmax(most, cblas_snrm2((int)model.parameters, model.gradient,
                                      1));
    }
    assert_true(record.gradient_norm > 0 &&
                record.gradient_norm <= most * (1 + 1e-5));
    curve.steps = 0;
    train_once(&model, &data, N, 1e-30, DESCENT_CLIP_NONE, 0, NULL, &record,
               &curve);
    REQUIRE(descent_model_gradient(&model, &data, NULL, N, &loss, &e), e);
    double norm = cblas_snrm2((int)model.parameters, model.gradient, 1);
    assert_true(fabs(record.gradient_norm - norm) <= 1e-5 * norm);
    assert_true(fabs(record.train_loss - steps[0]) <= 0x1p-52 * steps[0]);
    size_t P = model.parameters;
    float *before = malloc(P * sizeof *before);
    assert_non_null(before);
    for (int kind = 0; kind < 2; kind++) {
        double threshold = kind == 0 ? 1e-3 : 1e-4, moved = 0, largest = 0;
        memcpy(before, model.theta, P * sizeof *before);
        train_once(&model, &data, N, 0.5,
                   kind == 0 ? DESCENT_CLIP_NORM : DESCENT_CLIP_VALUE, threshold,
                   NULL, &record, &curve);
        for (size_t j = 0; j < P; j++) {
            double step = (double)model.theta[j] - before[j];
            moved += step * step;
            largest = fmax(largest, fabs(step));
        }
        double want = 0.5 * threshold;
        if (kind == 0)
            assert_true(fabs(sqrt(moved) / want - 1) <= 1e-3);
        else
            assert_true(largest <= want * (1 + 1e-3) &&
                        largest >= want * (1 - 1e-3));
    }
    free(before);
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void bad_model(void **state)
{
    const descent_layer_spec good[2] = {{DESCENT_LAYER_DENSE, 3},
                                        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY,
                                         0}};
    const descent_layer_spec no_output[2] = {{DESCENT_LAYER_DENSE, 3},
                                             {DESCENT_LAYER_RELU, 0}};
    const descent_layer_spec early[3] = {{DESCENT_LAYER_DENSE, 3},
                                         {DESCENT_LAYER_L2, 0},
                                         {DESCENT_LAYER_L2, 0}};
    const descent_layer_spec unknown[2] = {{(descent_layer_kind)9, 3},
                                           {DESCENT_LAYER_L2, 0}};
    const descent_layer_spec huge[2] = {{DESCENT_LAYER_DENSE,
                                         (size_t)INT_MAX},
                                        {DESCENT_LAYER_L2, 0}};
    const descent_layer_spec wide[4] = {{DESCENT_LAYER_DENSE, 65536},
                                        {DESCENT_LAYER_DENSE, 65536},
                                        {DESCENT_LAYER_DENSE, 2},
                                        {DESCENT_LAYER_L2, 0}};
    const descent_layer_spec one[2] = {{DESCENT_LAYER_DENSE, 1},
                                       {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY,
                                        0}};
    const descent_layer_spec bare[1] = {{DESCENT_LAYER_L2, 0}};
    const descent_layer_spec vast[3] = {{DESCENT_LAYER_RELU, 0},
                                        {DESCENT_LAYER_DENSE, 1},
                                        {DESCENT_LAYER_L2, 0}};
    const size_t hidden[1] = {4}, zero[1] = {0};
    const char *init = "descent_model_init", *mlp = "descent_mlp_init";
    descent_model m;
    descent_error e;
    (void)state;
    BAD(init, descent_model_init(NULL, 2, 2, good, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(init, descent_model_init(&m, 2, 2, NULL, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "layers is NULL");
    BAD(init, descent_model_init(&m, 0, 2, good, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "inputs = 0");
    BAD(init, descent_model_init(&m, SIZE_MAX, 2, good, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "inputs = ");
    BAD(init, descent_model_init(&m, 2, 0, good, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "count = 0");
    BAD(init, descent_model_init(&m, 2, 33, good, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "count = 33");
    BAD(init, descent_model_init(&m, 2, 2, good, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "capacity = 0");
    BAD(init, descent_model_init(&m, 2, 2, good, SIZE_MAX, &e), e,
        DESCENT_INVALID_ARGUMENT, "capacity = ");
    BAD(init, descent_model_init(&m, 2, 2, no_output, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "layers[1] is not an output layer");
    BAD(init, descent_model_init(&m, 2, 3, early, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "layers[1] is an output layer");
    BAD(init, descent_model_init(&m, 2, 2, unknown, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "layers[0].kind = 9");
    BAD(init, descent_model_init(&m, 2, 2, huge, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "more than BLAS can index");
    BAD(init, descent_model_init(&m, 2, 4, wide, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "layers 0 to 1 are more than BLAS");
    BAD(init, descent_model_init(&m, 2, 2, one, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "softmax over 1 class");
    BAD(init, descent_model_init(&m, 2, 1, bare, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "no dense layer");
    BAD(init, descent_model_init(&m, (size_t)INT_MAX - 1, 3, vast,
                                 (size_t)INT_MAX, &e),
        e, DESCENT_INVALID_ARGUMENT, "more than size_t can count");
    BAD(mlp, descent_mlp_init(&m, 2, 16, hidden, DESCENT_LAYER_RELU, 3, 4,
                              &e), e, DESCENT_INVALID_ARGUMENT,
        "hidden_count = 16");
    BAD(mlp, descent_mlp_init(&m, 2, 1, NULL, DESCENT_LAYER_RELU, 3, 4, &e),
        e, DESCENT_INVALID_ARGUMENT, "hidden is NULL");
    BAD(mlp, descent_mlp_init(&m, 2, 1, hidden, DESCENT_LAYER_DENSE, 3, 4,
                              &e), e, DESCENT_INVALID_ARGUMENT,
        "activation = 0");
    BAD(mlp, descent_mlp_init(&m, 2, 1, zero, DESCENT_LAYER_RELU, 3, 4, &e),
        e, DESCENT_INVALID_ARGUMENT, "layers[0].outputs = 0");
    BAD(mlp, descent_mlp_init(&m, 2, 1, hidden, DESCENT_LAYER_RELU, 1, 4,
                              &e), e, DESCENT_INVALID_ARGUMENT,
        "softmax over 1 class");
    BAD(mlp, descent_mlp_init(NULL, 2, 1, hidden, DESCENT_LAYER_RELU, 3, 4,
                              &e), e, DESCENT_INVALID_ARGUMENT,
        "model is NULL");
    VALID(mlp, "no hidden layer is multinomial logistic regression",
          descent_mlp_init(&m, 2, 0, NULL, DESCENT_LAYER_TANH, 3, 4, &e), e);
    descent_model_free(&m);
    SURVIVES("descent_model_free", "freeing NULL does nothing",
             descent_model_free(NULL));
    SURVIVES("descent_model_free", "freeing twice does nothing",
             descent_model_free(&m));
}
static void bad_minibatch(void **state)
{
    const size_t hidden[1] = {4};
    descent_model m, freed = {0};
    descent_samples data, regression, wrong;
    descent_random r;
    descent_error e;
    double loss, accuracy;
    size_t index[2] = {0, 12};
    const char *weights = "descent_model_init_weights",
               *gradient = "descent_model_gradient",
               *evaluate = "descent_model_evaluate";
    (void)state;
    REQUIRE(descent_mlp_init(&m, 3, 1, hidden, DESCENT_LAYER_RELU, 4, 8, &e),
            e);
    random_samples(&data, 10, 3, 4, 0, 1);
    random_samples(&regression, 10, 3, 0, 4, 2);
    random_samples(&wrong, 10, 5, 4, 0, 3);
    descent_random_seed(&r, 1);
    BAD(weights, descent_model_init_weights(NULL, &r, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(weights, descent_model_init_weights(&freed, &r, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(weights, descent_model_init_weights(&m, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "generator r is NULL");
    REQUIRE(descent_model_init_weights(&m, &r, &e), e);
    BAD(gradient, descent_model_gradient(NULL, &data, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(gradient, descent_model_gradient(&freed, &data, NULL, 4, &loss, &e),
        e, DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(gradient, descent_model_gradient(&m, NULL, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data is NULL");
    descent_samples empty = data;
    empty.count = 0;
    BAD(gradient, descent_model_gradient(&m, &empty, NULL, 1, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->count = 0");
    BAD(gradient, descent_model_gradient(&m, &data, NULL, 0, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "batch = 0");
    BAD(gradient, descent_model_gradient(&m, &data, NULL, 9, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "batch = 9");
    BAD(gradient, descent_model_gradient(&m, &regression, NULL, 4, &loss,
                                         &e), e, DESCENT_INVALID_ARGUMENT,
        "data has no labels");
    BAD(gradient, descent_model_gradient(&m, &wrong, NULL, 4, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->inputs = 5, the model takes 3");
    BAD(gradient, descent_model_gradient(&m, &data, index, 2, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "index[1] = 12");
    data.labels[1] = 4;
    BAD(gradient, descent_model_gradient(&m, &data, NULL, 2, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->labels[1] = 4 is outside 0 to 3");
    BAD(evaluate, descent_model_evaluate(&m, &data, &loss, &accuracy, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->labels[1] = 4");
    data.labels[1] = -1;
    BAD(gradient, descent_model_gradient(&m, &data, NULL, 2, &loss, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->labels[1] = -1");
    data.labels[1] = 0;
    data.x[0] = NAN;
    BAD(gradient, descent_model_gradient(&m, &data, NULL, 2, &loss, &e), e,
        DESCENT_NONFINITE, "the loss is nan");
    BAD(evaluate, descent_model_evaluate(&m, &data, &loss, &accuracy, &e), e,
        DESCENT_NONFINITE, "the loss is nan");
    data.x[0] = 0;
    BAD(evaluate, descent_model_evaluate(NULL, &data, &loss, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(evaluate, descent_model_evaluate(&m, &wrong, &loss, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->inputs = 5");
    VALID(gradient, "loss may be NULL",
          descent_model_gradient(&m, &data, NULL, 8, NULL, &e), e);
    VALID(evaluate, "a dataset longer than the capacity goes in batches",
          descent_model_evaluate(&m, &data, &loss, &accuracy, &e), e);
    descent_model_free(&m);
    const descent_layer_spec l2[2] = {{DESCENT_LAYER_DENSE, 4},
                                      {DESCENT_LAYER_L2, 0}};
    REQUIRE(descent_model_init(&m, 3, 2, l2, 4, &e), e);
    BAD(evaluate, descent_model_evaluate(&m, &data, &loss, &accuracy, &e), e,
        DESCENT_INVALID_ARGUMENT, "data has no targets");
    VALID(evaluate, "a regression model has no accuracy (NaN)",
          descent_model_evaluate(&m, &regression, &loss, &accuracy, &e), e);
    assert_true(isnan(accuracy) && loss > 0);
    descent_model_free(&m);
    descent_samples_free(&data);
    descent_samples_free(&regression);
    descent_samples_free(&wrong);
}
static void bad_optimizer(void **state)
{
    const double bad[4] = {-0.1, 1, NAN, INFINITY};
    descent_optimizer opt, never = {0};
    descent_error e;
    float theta[2] = {1, 1}, g[2] = {1, 1};
    char fragment[64];
    const char *init = "descent_sgd_init", *step = "descent_optimizer_step";
    (void)state;
    BAD(init, descent_sgd_init(NULL, 2, 0.9, false, &e), e,
        DESCENT_INVALID_ARGUMENT, "opt is NULL");
    BAD(init, descent_sgd_init(&opt, 0, 0.9, false, &e), e,
        DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD(init, descent_sgd_init(&opt, (size_t)INT_MAX + 1, 0.9, false, &e),
        e, DESCENT_INVALID_ARGUMENT, "n = 2147483648");
    for (int i = 0; i < 4; i++) {
        snprintf(fragment, sizeof fragment, "momentum = %g", bad[i]);
        BAD(init, descent_sgd_init(&opt, 2, bad[i], true, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    VALID(init, "momentum 0 is plain SGD",
          descent_sgd_init(&opt, 2, 0, true, &e), e);
    descent_optimizer_free(&opt);
    REQUIRE(descent_sgd_init(&opt, 2, 0.5, false, &e), e);
    BAD(step, descent_optimizer_step(NULL, theta, g, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "opt is NULL");
    BAD(step, descent_optimizer_step(&never, theta, g, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(step, descent_optimizer_step(&opt, NULL, g, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(step, descent_optimizer_step(&opt, theta, NULL, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "g is NULL");
    for (int i = 2; i < 4; i++) {
        snprintf(fragment, sizeof fragment, "eta = %g", bad[i]);
        BAD(step, descent_optimizer_step(&opt, theta, g, bad[i], &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    BAD(step, descent_optimizer_step(&opt, theta, g, -0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "eta = -0.1");
    VALID(step, "eta = 0 leaves theta but decays the velocity",
          descent_optimizer_step(&opt, theta, g, 0, &e), e);
    assert_true(theta[0] == 1 && opt.steps == 1);
    descent_optimizer_free(&opt);
    SURVIVES("descent_optimizer_free", "freeing NULL does nothing",
             descent_optimizer_free(NULL));
    SURVIVES("descent_optimizer_free", "freeing twice does nothing",
             descent_optimizer_free(&opt));
}
static void bad_train(void **state)
{
    const size_t hidden[1] = {4};
    descent_model m;
    descent_samples data, test;
    descent_optimizer opt, small;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    descent_epoch_record records[2];
    const char *train = "descent_train";
    (void)state;
    REQUIRE(descent_mlp_init(&m, 3, 1, hidden, DESCENT_LAYER_RELU, 4, 8, &e),
            e);
    descent_random_seed(&r, 1);
    REQUIRE(descent_model_init_weights(&m, &r, &e), e);
    random_samples(&data, 10, 3, 4, 0, 1);
    random_samples(&test, 5, 3, 4, 0, 2);
    REQUIRE(descent_sgd_init(&opt, m.parameters, 0.9, true, &e), e);
    REQUIRE(descent_sgd_init(&small, 3, 0.9, true, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.1,
                                  0, 0, &e), e);
    const descent_train_options good = {.epochs = 2, .batch = 4,
                                        .optimizer = &opt,
                                        .schedule = &schedule,
                                        .test = &test, .quiet = true};
    descent_train_options o = good;
    BAD(train, descent_train(NULL, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(train, descent_train(&m, NULL, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "train is NULL");
    BAD(train, descent_train(&m, &data, NULL, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options is NULL");
    o.epochs = 0;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->epochs = 0");
    o = good, o.batch = 0;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->batch = 0");
    o.batch = 9;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->batch = 9");
    o = good, o.optimizer = NULL;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->optimizer is NULL");
    o.optimizer = &small;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->optimizer has n = 3");
    o = good, o.schedule = NULL;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->schedule is NULL");
    o = good, o.clip = (descent_clip_kind)5;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->clip = 5");
    o.clip = DESCENT_CLIP_NORM, o.clip_threshold = 0;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->clip_threshold = 0");
    o.clip = DESCENT_CLIP_VALUE, o.clip_threshold = NAN;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->clip_threshold = nan");
    o = good;
    test.labels[3] = 7;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "options->test->labels[3] = 7");
    test.labels[3] = 0;
    data.labels[9] = 4;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_INVALID_ARGUMENT, "train->labels[9] = 4 is outside 0 to 3");
    data.labels[9] = 0;
    data.x[5] = INFINITY;
    BAD(train, descent_train(&m, &data, &o, records, &e), e,
        DESCENT_NONFINITE, "the loss is");
    data.x[5] = 0;
    VALID(train, "records may be NULL; the last batch may be short",
          descent_train(&m, &data, &o, NULL, &e), e);
    FILE *lines = tmpfile();
    assert_non_null(lines);
    o = good, o.clip = DESCENT_CLIP_NORM, o.clip_threshold = 0.5;
    o.quiet = false, o.progress = lines;
    VALID(train, "clipping by norm, progress to a file",
          descent_train(&m, &data, &o, records, &e), e);
    o.clip = DESCENT_CLIP_VALUE, o.clip_threshold = 0.01;
    VALID(train, "clipping by value",
          descent_train(&m, &data, &o, records, &e), e);
    char text[512] = "";
    rewind(lines);
    size_t length = fread(text, 1, sizeof text - 1, lines);
    text[length] = '\0';
    assert_non_null(strstr(text, "epoch 2/2  batch 3/3"));
    assert_null(strchr(text, '\r'));
    assert_true(records[1].eta == 0.1 && records[1].steps == 6);
    fclose(lines);
    descent_optimizer_free(&opt);
    descent_optimizer_free(&small);
    descent_model_free(&m);
    descent_samples_free(&data);
    descent_samples_free(&test);
}
static void bad_schedule_init(void **state)
{
    const char *name = "descent_schedule_init";
    const double bad_eta0[5] = {NAN, INFINITY, -INFINITY, 0, -1};
    descent_schedule s;
    descent_error e;
    char fragment[64];
    (void)state;
    BAD(name, descent_schedule_init(NULL, DESCENT_SCHEDULE_CONSTANT, 0.1,
                                    0, 0, &e), e, DESCENT_INVALID_ARGUMENT,
        "s is NULL");
    BAD(name, descent_schedule_init(&s, (descent_schedule_kind)7, 0.1, 0, 0,
                                    &e), e, DESCENT_INVALID_ARGUMENT,
        "kind = 7");
    BAD(name, descent_schedule_init(&s, (descent_schedule_kind)-1, 0.1, 0,
                                    0, &e), e, DESCENT_INVALID_ARGUMENT,
        "kind = -1");
    for (int i = 0; i < 5; i++) {
        snprintf(fragment, sizeof fragment, "eta0 = %g", bad_eta0[i]);
        BAD(name, descent_schedule_init(&s, DESCENT_SCHEDULE_HARMONIC,
                                        bad_eta0[i], 0, 0, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    const double bad_tau_eta[4] = {NAN, -0.01, 0.2, INFINITY};
    const double bad_gamma[5] = {NAN, 0, -0.5, 1.5, INFINITY};
    for (int i = 0; i < 4; i++) {
        snprintf(fragment, sizeof fragment, "eta_tau = %g", bad_tau_eta[i]);
        BAD(name, descent_schedule_init(&s, DESCENT_SCHEDULE_LINEAR, 0.1,
                                        bad_tau_eta[i], 10, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    BAD(name, descent_schedule_init(&s, DESCENT_SCHEDULE_LINEAR, 0.1, 0.001, 0,
                                    &e), e, DESCENT_INVALID_ARGUMENT, "tau = 0");
    for (int kind = DESCENT_SCHEDULE_EXPONENTIAL;
         kind <= DESCENT_SCHEDULE_PLATEAU; kind++)
        for (int i = 0; i < 5; i++) {
            snprintf(fragment, sizeof fragment, "gamma = %g", bad_gamma[i]);
            BAD(name, descent_schedule_init(&s, (descent_schedule_kind)kind,
                                            0.1, bad_gamma[i], 10, &e), e,
                DESCENT_INVALID_ARGUMENT, fragment);
        }
    BAD(name, descent_schedule_init(&s, DESCENT_SCHEDULE_PLATEAU, 0.1, 1, 3,
                                    &e), e, DESCENT_INVALID_ARGUMENT,
        "gamma = 1");
    BAD(name, descent_schedule_init(&s, DESCENT_SCHEDULE_STEP, 0.1, 0.5, 0,
                                    &e), e, DESCENT_INVALID_ARGUMENT,
        "every = 0");
    BAD(name, descent_schedule_init(&s, DESCENT_SCHEDULE_PLATEAU, 0.1, 0.1, 0,
                                    &e), e, DESCENT_INVALID_ARGUMENT,
        "patience = 0");
    VALID(name, "linear decay to zero stops the steps at tau",
          descent_schedule_init(&s, DESCENT_SCHEDULE_LINEAR, 0.1, 0, 10, &e), e);
    VALID(name, "an exponential with gamma = 1 is a constant step",
          descent_schedule_init(&s, DESCENT_SCHEDULE_EXPONENTIAL, 0.1, 1, 0, &e),
          e);
    VALID(name, "a constant schedule ignores the parameters it does not use",
          descent_schedule_init(&s, DESCENT_SCHEDULE_CONSTANT, 0.1, NAN, 0, &e),
          e);
}
static void bad_schedule_use(void **state)
{
    descent_schedule never = {0}, s, odd;
    descent_error e;
    (void)state;
    REQUIRE(descent_schedule_init(&s, DESCENT_SCHEDULE_PLATEAU, 0.1, 0.1, 2,
                                  &e), e);
    BAD_NAN("descent_schedule_eta", descent_schedule_eta(NULL, 3));
    BAD_NAN("descent_schedule_eta", descent_schedule_eta(&never, 3));
    odd = s;
    odd.kind = (descent_schedule_kind)99;
    BAD_NAN("descent_schedule_eta", descent_schedule_eta(&odd, 3));
    odd = make_schedule(DESCENT_SCHEDULE_STEP);
    odd.every = 0;
    BAD_NAN("descent_schedule_eta", descent_schedule_eta(&odd, 3));
    const char *name = "descent_schedule_epoch";
    BAD(name, descent_schedule_epoch(NULL, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "s is NULL");
    BAD(name, descent_schedule_epoch(&never, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "never made");
    BAD(name, descent_schedule_epoch(&s, NAN, &e), e, DESCENT_NONFINITE,
        "loss = nan");
    BAD(name, descent_schedule_epoch(&s, INFINITY, &e), e,
        DESCENT_NONFINITE, "loss = inf");
    odd = make_schedule(DESCENT_SCHEDULE_HARMONIC);
    VALID(name, "the epoch does nothing to a schedule without state",
          descent_schedule_epoch(&odd, 1, &e), e);
}
static void bad_clip(void **state)
{
    const double bad_c[4] = {NAN, INFINITY, 0, -1};
    const double poison[2] = {NAN, INFINITY};
    char fragment[64];
    descent_error e;
    double norm;
    (void)state;
    for (int which = 0; which < 4; which++) {
        const char *name = clip_names[which];
        double g[4] = {3, -4, 0.5, 2};
        for (int i = 0; i < 4; i++) {
            snprintf(fragment, sizeof fragment, "threshold = %g", bad_c[i]);
            BAD(name, clip_call(which, g, 4, bad_c[i], &norm, &e), e,
                DESCENT_INVALID_ARGUMENT, fragment);
        }
        BAD(name, clip_call(which, g, 0, 1, &norm, &e), e,
            DESCENT_INVALID_ARGUMENT, "n = 0");
        BAD(name, clip_call(which, NULL, 4, 1, &norm, &e), e,
            DESCENT_INVALID_ARGUMENT, "g is NULL");
        for (int p = 0; p < 2; p++) {
            double h[4] = {30, -40, poison[p], 20};
            snprintf(fragment, sizeof fragment, "g[2] = %g", poison[p]);
            BAD(name, clip_call(which, h, 4, 1, &norm, &e), e, DESCENT_NONFINITE,
                fragment);
            assert_true(h[0] == 30 && h[1] == -40 && h[3] == 20);
        }
        if (which % 2 == 0)
            VALID(name, "norm may be NULL",
                  clip_call(which, g, 4, 1, NULL, &e), e);
        double zero[4] = {0};
        VALID(name, "a zero gradient is left as it is",
              clip_call(which, zero, 4, 1, &norm, &e), e);
    }
}
static void bad_least_squares_init(void **state)
{
    const char *name = "descent_regression_init";
    descent_regression p;
    descent_error e;
    (void)state;
    BAD(name, descent_regression_init(NULL, 10, 2, 4, 0.5, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "p is NULL");
    BAD(name, descent_regression_init(&p, 10, 0, 4, 0.5, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "d = 0");
    BAD(name, descent_regression_init(&p, 100, 17, 4, 0.5, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "d = 17");
    BAD(name, descent_regression_init(&p, 2, 2, 4, 0.5, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "count = 2");
    BAD(name, descent_regression_init(&p, SIZE_MAX, 2, 4, 0.5, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "count = ");
    const double bad_condition[4] = {NAN, INFINITY, 0.5, -4};
    const double bad_noise[4] = {NAN, INFINITY, -0.5, -INFINITY};
    char fragment[64];
    for (int i = 0; i < 4; i++) {
        snprintf(fragment, sizeof fragment, "condition = %g",
                 bad_condition[i]);
        BAD(name, descent_regression_init(&p, 10, 2, bad_condition[i],
                                             0.5, 1, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
        snprintf(fragment, sizeof fragment, "noise = %g", bad_noise[i]);
        BAD(name, descent_regression_init(&p, 10, 2, 4, bad_noise[i], 1,
                                             &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    VALID(name, "noise 0: every example is fitted exactly at theta*",
          descent_regression_init(&p, 10, 2, 4, 0, 1, &e), e);
    descent_regression_free(&p);
    SURVIVES("descent_regression_free", "freeing NULL does nothing",
             descent_regression_free(NULL));
    SURVIVES("descent_regression_free", "a second free does nothing",
             descent_regression_free(&p));
}
static void bad_least_squares_use(void **state)
{
    descent_regression p, freed = {0};
    descent_schedule s, huge, never = {0};
    descent_random r;
    descent_error e;
    double theta[2] = {0, 0}, g[2], nan_theta[2] = {NAN, 0};
    size_t batch[3] = {0, 1, 2}, wild[2] = {0, 10}, indices[10];
    (void)state;
    REQUIRE(descent_regression_init(&p, 10, 2, 4, 0.5, 1, &e), e);
    REQUIRE(descent_schedule_init(&s, DESCENT_SCHEDULE_CONSTANT, 0.01, 0, 0,
                                  &e), e);
    REQUIRE(descent_schedule_init(&huge, DESCENT_SCHEDULE_CONSTANT, 1e3, 0,
                                  0, &e), e);
    descent_random_seed(&r, 5);
    for (size_t i = 0; i < 10; i++)
        indices[i] = i;
    const char *name = "descent_regression_gradient";
    BAD(name, descent_regression_gradient(NULL, theta, batch, 3, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "p is NULL");
    BAD(name, descent_regression_gradient(&freed, theta, batch, 3, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "p has no examples");
    BAD(name, descent_regression_gradient(&p, NULL, batch, 3, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(name, descent_regression_gradient(&p, theta, batch, 3, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "g is NULL");
    BAD(name, descent_regression_gradient(&p, theta, batch, 0, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 0");
    BAD(name, descent_regression_gradient(&p, theta, batch, 11, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 11");
    BAD(name, descent_regression_gradient(&p, theta, NULL, 3, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 3");
    BAD(name, descent_regression_gradient(&p, theta, wild, 2, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "batch[1] = 10");
    BAD(name, descent_regression_gradient(&p, nan_theta, batch, 3, g, &e),
        e, DESCENT_NONFINITE, "theta is not finite");
    VALID(name, "batch NULL with m = count is the full gradient",
          descent_regression_gradient(&p, theta, NULL, 10, g, &e), e);
    name = "descent_minibatch_draw";
    BAD(name, descent_minibatch_draw(NULL, 10, 3, indices, &e), e,
        DESCENT_INVALID_ARGUMENT, "generator r is NULL");
    BAD(name, descent_minibatch_draw(&r, 10, 3, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "indices is NULL");
    BAD(name, descent_minibatch_draw(&r, 10, 0, indices, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 0");
    BAD(name, descent_minibatch_draw(&r, 10, 11, indices, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 11");
    VALID(name, "m = count draws a permutation",
          descent_minibatch_draw(&r, 10, 10, indices, &e), e);
    name = "descent_regression_sgd";
    BAD(name, descent_regression_sgd(NULL, theta, 3, &s, 5, &r, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "p is NULL");
    BAD(name, descent_regression_sgd(&freed, theta, 3, &s, 5, &r, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "p has no examples");
    BAD(name, descent_regression_sgd(&p, NULL, 3, &s, 5, &r, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(name, descent_regression_sgd(&p, theta, 3, &s, 5, NULL, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "generator r is NULL");
    BAD(name, descent_regression_sgd(&p, theta, 0, &s, 5, &r, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 0");
    BAD(name, descent_regression_sgd(&p, theta, 11, &s, 5, &r, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 11");
    BAD(name, descent_regression_sgd(&p, theta, 3, NULL, 5, &r, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "schedule s is missing");
    BAD(name, descent_regression_sgd(&p, theta, 3, &never, 5, &r, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "schedule s is missing");
    BAD(name, descent_regression_sgd(&p, nan_theta, 3, &s, 5, &r, NULL, &e),
        e, DESCENT_NONFINITE, "theta is not finite");
    BAD(name, descent_regression_sgd(&p, theta, 3, &huge, 1000, &r, NULL,
                                        &e), e, DESCENT_NONFINITE,
        "not finite after step");
    theta[0] = theta[1] = 0;
    VALID(name, "no path and no steps: nothing to do",
          descent_regression_sgd(&p, theta, 3, &s, 0, &r, NULL, &e), e);
    name = "descent_regression_stationary";
    double first, exact;
    BAD(name, descent_regression_stationary(NULL, 0.01, 1, &first, &exact,
                                               &e), e, DESCENT_INVALID_ARGUMENT,
        "p is NULL");
    BAD(name, descent_regression_stationary(&freed, 0.01, 1, &first, &exact,
                                               &e), e, DESCENT_INVALID_ARGUMENT,
        "p has no examples");
    const double bad_eta[4] = {NAN, INFINITY, 0, -0.1};
    char fragment[64];
    for (int i = 0; i < 4; i++) {
        snprintf(fragment, sizeof fragment, "eta = %g", bad_eta[i]);
        BAD(name, descent_regression_stationary(&p, bad_eta[i], 1, &first,
                                                   &exact, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    BAD(name, descent_regression_stationary(&p, 0.01, 0, &first, &exact,
                                               &e), e, DESCENT_INVALID_ARGUMENT,
        "m = 0");
    BAD(name, descent_regression_stationary(&p, 0.01, 11, &first, &exact,
                                               &e), e, DESCENT_INVALID_ARGUMENT,
        "m = 11");
    BAD(name, descent_regression_stationary(&p, 100, 1, &first, &exact, &e),
        e, DESCENT_DIVERGED, "no stationary distribution");
    VALID(name, "the outputs may be NULL",
          descent_regression_stationary(&p, 0.01, 1, NULL, NULL, &e), e);
    descent_regression_free(&p);
}
static void bad_logistic(void **state)
{
    const char *name = "descent_logistic_init";
    const double bad_lambda[4] = {NAN, INFINITY, 0, -1};
    descent_logistic p, freed = {0};
    descent_error e;
    char fragment[64];
    double theta[2] = {0, 0}, g[2], value, nan_theta[2] = {NAN, 0};
    size_t batch[2] = {0, 1}, wild[2] = {0, 10};
    (void)state;
    BAD(name, descent_logistic_init(NULL, 10, 2, 0.1, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "p is NULL");
    BAD(name, descent_logistic_init(&p, 10, 0, 0.1, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "d = 0");
    BAD(name, descent_logistic_init(&p, 10, 17, 0.1, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "d = 17");
    BAD(name, descent_logistic_init(&p, 0, 2, 0.1, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "count = 0");
    BAD(name, descent_logistic_init(&p, SIZE_MAX, 2, 0.1, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "count = ");
    for (int i = 0; i < 4; i++) {
        snprintf(fragment, sizeof fragment, "lambda = %g", bad_lambda[i]);
        BAD(name, descent_logistic_init(&p, 10, 2, bad_lambda[i], 1, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    VALID(name, "one example is enough: the regularization makes E "
                "strongly convex",
          descent_logistic_init(&p, 1, 2, 0.1, 1, &e), e);
    descent_logistic_free(&p);
    SURVIVES("descent_logistic_free", "freeing NULL does nothing",
             descent_logistic_free(NULL));
    SURVIVES("descent_logistic_free", "a second free does nothing",
             descent_logistic_free(&p));
    REQUIRE(descent_logistic_init(&p, 10, 2, 0.1, 1, &e), e);
    name = "descent_logistic_value";
    BAD(name, descent_logistic_value(NULL, theta, batch, 2, &value, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "p is NULL");
    BAD(name, descent_logistic_value(&freed, theta, batch, 2, &value, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "p has no examples");
    BAD(name, descent_logistic_value(&p, NULL, batch, 2, &value, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(name, descent_logistic_value(&p, theta, batch, 0, &value, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 0");
    BAD(name, descent_logistic_value(&p, theta, batch, 11, &value, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 11");
    BAD(name, descent_logistic_value(&p, theta, NULL, 2, &value, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "m = 2");
    BAD(name, descent_logistic_value(&p, theta, wild, 2, &value, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "batch[1] = 10");
    BAD(name, descent_logistic_value(&p, nan_theta, batch, 2, &value, g, &e), e,
        DESCENT_NONFINITE, "theta is not finite");
    VALID(name, "value and g may be NULL",
          descent_logistic_value(&p, theta, batch, 2, NULL, NULL, &e), e);
    descent_logistic_free(&p);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-07-table");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_random_reference),
        cmocka_unit_test(claim_random_below),
        cmocka_unit_test(claim_random_uniform),
        cmocka_unit_test(claim_random_gaussian),
        cmocka_unit_test(claim_random_permutation),
        cmocka_unit_test(random_known_answers),
        cmocka_unit_test(bad_random),
        cmocka_unit_test(claim_idx_faults),
        cmocka_unit_test(claim_fashion_mnist),
        cmocka_unit_test(idx_exact_numbers),
        cmocka_unit_test(bad_samples),
        cmocka_unit_test(bad_idx_load),
        cmocka_unit_test(bad_fashion_mnist),
        cmocka_unit_test(schedule_values),
        cmocka_unit_test(regression_definition),
        cmocka_unit_test(minibatch_definition),
        cmocka_unit_test(stationary_by_enumeration),
        cmocka_unit_test(logistic_definition),
        cmocka_unit_test(claim_stoch_schedules),
        cmocka_unit_test(claim_stoch_clip),
        cmocka_unit_test(bad_schedule_init),
        cmocka_unit_test(bad_schedule_use),
        cmocka_unit_test(bad_clip),
        cmocka_unit_test(claim_stoch_variance),
        cmocka_unit_test(claim_stoch_zone),
        cmocka_unit_test(claim_stoch_decay),
        cmocka_unit_test(bad_least_squares_init),
        cmocka_unit_test(bad_least_squares_use),
        cmocka_unit_test(claim_stoch_logistic),
        cmocka_unit_test(bad_logistic),
        cmocka_unit_test(evaluate_definition),
        cmocka_unit_test(softmax_large_logits),
        cmocka_unit_test(dead_relu),
        cmocka_unit_test(initial_weights),
        cmocka_unit_test(sgd_fields),
        cmocka_unit_test(train_records),
        cmocka_unit_test(claim_float_path),
        cmocka_unit_test(claim_train_mnist),
        cmocka_unit_test(bad_model),
        cmocka_unit_test(bad_minibatch),
        cmocka_unit_test(bad_optimizer),
        cmocka_unit_test(bad_train),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name(
        "chapter 7: stochastic and minibatch gradient descent", tests,
        NULL, NULL);
}
