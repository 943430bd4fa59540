/* 08-adaptive.c: generated from chapters/08-adaptive.nw; do not edit. */
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

static void noisy_gradient(size_t n, const double *theta, double centre,
                           double sigma, descent_random *r, double *g)
{
    for (size_t i = 0; i < n; i++) {
        double h = pow(10, -1 + 2.0 * (double)i / (double)(n - 1));
        double c = centre * sin(1.0 + 2.3 * (double)i);
        g[i] = (float)(h * (theta[i] - c)
                       + sigma * descent_random_gaussian(r));
    }
}
typedef struct rprop_tally {
    double worst;                  /* largest residual / (Delta phi) */
    long grew, shrank, kept, clamped, wrong;
} rprop_tally;

static void rprop_check(const descent_adaptive *a, const double *size0,
                        const double *prev0, const double *theta0,
                        const double *last0, const double *theta,
                        const double *g, rprop_tally *t)
{
    const descent_adaptive_options *o = &a->o;
    for (size_t i = 0; i < a->n; i++) {
        int sign = (g[i] > 0) - (g[i] < 0),
            agree = sign * ((prev0[i] > 0) - (prev0[i] < 0));
        double phi = agree > 0 ? o->eta_plus : agree < 0 ? o->eta_minus : 1;
        double size = a->size[i], want = size0[i] * phi;
        if (!(size >= o->step_min && size <= o->step_max))
            t->wrong++;
        else if (want <= o->step_min || want >= o->step_max) {
            t->clamped++;
            t->wrong += size != (want <= o->step_min ? o->step_min : o->step_max);
        } else {
            t->worst = fmax(t->worst, fabs(fma(size0[i], phi, -size)) / want);
            t->grew += agree > 0;
            t->shrank += agree < 0;
            t->kept += agree == 0;
        }
        double moved;
        if (agree < 0)
            moved = last0 != NULL ? theta0[i] - last0[i] : theta0[i];
        else
            moved = theta0[i] + (double)-sign * size;
        t->wrong += theta[i] != moved;
    }
}
enum { FLOAT_CASES = 12 };

static descent_adaptive_kind float_case(int c, descent_adaptive_options *o,
                                        double *lr)
{
    static const descent_adaptive_kind kind[FLOAT_CASES] = {
        DESCENT_ADAPTIVE_SGD, DESCENT_ADAPTIVE_SGD, DESCENT_ADAPTIVE_RPROP,
        DESCENT_ADAPTIVE_RPROP, DESCENT_ADAPTIVE_QUICKPROP,
        DESCENT_ADAPTIVE_ADAGRAD, DESCENT_ADAPTIVE_RMSPROP,
        DESCENT_ADAPTIVE_RMSPROP, DESCENT_ADAPTIVE_ADAM,
        DESCENT_ADAPTIVE_ADAM, DESCENT_ADAPTIVE_ADAM, DESCENT_ADAPTIVE_ADAMW};
    descent_adaptive_defaults(kind[c], o, NULL);
    *lr = 0.01;
    switch (c) {
    case 0: o->momentum = 0.9, o->dampening = 0.1, o->weight_decay = 1e-3;
            break;
    case 1: o->momentum = 0.9, o->nesterov = true; break;
    case 3: o->backtracking = true; break;
    case 5: o->lr_decay = 1e-3, o->initial_accumulator = 0.1,
            o->weight_decay = 1e-3, *lr = 0.5; break;
    case 7: o->centered = true, o->momentum = 0.5; break;
    case 9: o->amsgrad = true, o->weight_decay = 1e-2; break;
    case 10: o->bias_correction = false; break;
    }
    return kind[c];
}
static double rate_taken(const descent_adaptive *a, double step, double g,
                         size_t i)
{
    switch (a->kind) {
    case DESCENT_ADAPTIVE_RPROP:
        return fabs(step);
    case DESCENT_ADAPTIVE_ADAM:
    case DESCENT_ADAPTIVE_ADAMW:
        return -step * (1 - pow(a->o.beta1, (double)a->steps)) / a->m[i];
    default:
        return -step / g;
    }
}
typedef struct bad_option {
    descent_adaptive_kind kind;
    const char *name;
    size_t offset;                  /* of the double in the options */
    double value;
} bad_option;

#define BAD_OPTION(kind, field, value)                                   \
    {DESCENT_ADAPTIVE_##kind, #field,                                    \
     offsetof(descent_adaptive_options, field), value}
static const bad_option bad_options[] = {
    BAD_OPTION(SGD, weight_decay, -1e-4), BAD_OPTION(SGD, momentum, 1),
    BAD_OPTION(SGD, momentum, -0.5), BAD_OPTION(SGD, dampening, 1.5),
    BAD_OPTION(RPROP, eta_minus, 0), BAD_OPTION(RPROP, eta_minus, 1),
    BAD_OPTION(RPROP, eta_plus, 1), BAD_OPTION(RPROP, step_min, 0),
    BAD_OPTION(RPROP, step_max, 1e-7), BAD_OPTION(RPROP, step_max, INFINITY),
    BAD_OPTION(QUICKPROP, growth_limit, 0),
    BAD_OPTION(ADAGRAD, eps, 0), BAD_OPTION(ADAGRAD, lr_decay, -1),
    BAD_OPTION(ADAGRAD, initial_accumulator, -0.1),
    BAD_OPTION(RMSPROP, alpha, 1), BAD_OPTION(RMSPROP, eps, -1e-8),
    BAD_OPTION(RMSPROP, momentum, 1), BAD_OPTION(ADAM, beta1, 1),
    BAD_OPTION(ADAM, beta1, -0.1), BAD_OPTION(ADAM, beta2, 1),
    BAD_OPTION(ADAM, eps, 0), BAD_OPTION(ADAMW, weight_decay, -0.01),
    BAD_OPTION(ADAMW, beta2, NAN), BAD_OPTION(ADAM, eps, INFINITY),
    BAD_OPTION(RMSPROP, alpha, NAN), BAD_OPTION(QUICKPROP, weight_decay, NAN),
};
static descent_adaptive_options theory_options(descent_adaptive_kind kind)
{
    descent_adaptive_options o;
    descent_error error;
    REQUIRE(descent_adaptive_defaults(kind, &o, &error), error);
    return o;
}

static void theory_rule(descent_adaptive *a, size_t n,
                        descent_adaptive_kind kind,
                        const descent_adaptive_options *o)
{
    descent_error error;
    REQUIRE(descent_adaptive_init(a, n, kind, o, &error), error);
}

static void theory_step(descent_adaptive *a, double *step, const double *g,
                        double eta)
{
    descent_error error;
    for (size_t i = 0; i < a->n; i++)
        step[i] = 0;
    REQUIRE(descent_adaptive_step(a, step, g, eta, &error), error);
}
static double theory_relative(double measured, double reference)
{
    if (measured == reference)
        return 0;
    if (reference == 0 || !isfinite(measured))
        return INFINITY;
    return fabs(measured / reference - 1);
}
enum { theory_dimension = 5 };

static void theory_iterations(descent_adaptive_kind kind,
                              const descent_adaptive_options *o,
                              const double *a, double eta, long budget,
                              long *most, long *least)
{
    descent_adaptive rule;
    descent_error error;
    double theta[theory_dimension], g[theory_dimension];
    long first[theory_dimension];
    int done = 0;
    theory_rule(&rule, theory_dimension, kind, o);
    for (int i = 0; i < theory_dimension; i++) {
        theta[i] = 1;
        first[i] = -1;
    }
    for (long k = 1; k <= budget && done < theory_dimension; k++) {
        for (int i = 0; i < theory_dimension; i++)
            g[i] = a[i] * theta[i];
        REQUIRE(descent_adaptive_step(&rule, theta, g, eta, &error), error);
        for (int i = 0; i < theory_dimension; i++)
            if (first[i] < 0 && fabs(theta[i]) <= 1e-3) {
                first[i] = k;
                done++;
            }
    }
    descent_adaptive_free(&rule);
    *most = 0;
    *least = budget + 1;
    for (int i = 0; i < theory_dimension; i++) {
        *most = first[i] > *most ? first[i] : *most;
        *least = first[i] < *least ? first[i] : *least;
    }
}
static double theory_adam_bound(double beta1, double beta2, int k)
{
    double q = beta1 * beta1 / beta2;
    return (1 - beta1) / (1 - pow(beta1, k)) *
           sqrt((1 - pow(beta2, k)) / (1 - beta2) *
                (1 - pow(q, k)) / (1 - q));
}
static void theory_rosenbrock_run(descent_adaptive_kind kind,
                                  const descent_adaptive_options *o,
                                  double c, double eta, int steps,
                                  double *path)
{
    descent_rosenbrock rosenbrock;
    descent_adaptive rule;
    descent_error error;
    double theta[2] = {-1.2, 1}, g[2];
    REQUIRE(descent_rosenbrock_init(&rosenbrock, 2, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&rosenbrock);
    theory_rule(&rule, 2, kind, o);
    for (int k = 0; k < steps; k++) {
        f.evaluate(theta, g, f.context);
        g[0] *= c;
        g[1] *= c;
        if (!isfinite(g[0]) || !isfinite(g[1])) {
            for (int j = 2 * k; j < 2 * steps; j++)
                path[j] = INFINITY;
            break;
        }
        REQUIRE(descent_adaptive_step(&rule, theta, g, eta, &error), error);
        path[2 * k] = theta[0];
        path[2 * k + 1] = theta[1];
    }
    descent_adaptive_free(&rule);
}
static void theory_online(bool amsgrad, double C, long rounds,
                          double *late_mean, double *regret)
{
    descent_adaptive rule;
    descent_error error;
    descent_adaptive_options o = theory_options(DESCENT_ADAPTIVE_ADAM);
    double theta = 0, late = 0, total = 0;
    o.beta1 = 0;
    o.beta2 = 1 / (1 + C * C);
    o.amsgrad = amsgrad;
    theory_rule(&rule, 1, DESCENT_ADAPTIVE_ADAM, &o);
    for (long k = 1; k <= rounds; k++) {
        double g = k % 3 == 1 ? C : -1;
        total += g * theta + g;
        REQUIRE(descent_adaptive_step(&rule, &theta, &g, 0.5 / sqrt((double)k),
                                      &error), error);
        theta = fmin(1, fmax(-1, theta));
        if (k > rounds - rounds / 3)
            late += theta / (double)(rounds / 3);
    }
    descent_adaptive_free(&rule);
    *late_mean = late;
    *regret = total / (double)rounds;
}
enum { MNIST_TRAIN = 5000, MNIST_TEST = 2000, MNIST_HIDDEN = 32,
       MNIST_EPOCHS = 15, MNIST_BATCH = 64, MNIST_RULES = 9 };

typedef struct mnist_rule {
    const char *name;
    descent_adaptive_kind kind;
    double eta, momentum;
    bool nesterov, full_batch;
    double floor;                 /* the claim's least test accuracy */
} mnist_rule;

static const mnist_rule mnist_rules[MNIST_RULES] = {
    {"SGD", DESCENT_ADAPTIVE_SGD, 0.01, 0, false, false, 0.70},
    {"momentum", DESCENT_ADAPTIVE_SGD, 0.01, 0.9, false, false, 0.75},
    {"Nesterov", DESCENT_ADAPTIVE_SGD, 0.01, 0.9, true, false, 0.75},
    {"AdaGrad", DESCENT_ADAPTIVE_ADAGRAD, 0.01, 0, false, false, 0.75},
    {"RMSProp", DESCENT_ADAPTIVE_RMSPROP, 0.001, 0, false, false, 0.75},
    {"Adam", DESCENT_ADAPTIVE_ADAM, 0.001, 0, false, false, 0.75},
    {"AdamW", DESCENT_ADAPTIVE_ADAMW, 0.001, 0, false, false, 0.75},
    {"Rprop", DESCENT_ADAPTIVE_RPROP, 0.01, 0, false, true, 0.70},
    {"Quickprop", DESCENT_ADAPTIVE_QUICKPROP, 0.01, 0, false, true, 0.65}};
static void mnist_run(const mnist_rule *u, const descent_samples *train,
                      const descent_samples *test,
                      descent_epoch_record records[MNIST_EPOCHS])
{
    const size_t hidden[1] = {MNIST_HIDDEN};
    descent_model model;
    descent_optimizer opt;
    descent_adaptive_options o;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    REQUIRE(descent_mlp_init(&model, 784, 1, hidden, DESCENT_LAYER_RELU, 10,
                             MNIST_TRAIN, &e), e);
    descent_random_seed(&r, 1);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    REQUIRE(descent_adaptive_defaults(u->kind, &o, &e), e);
    o.momentum = u->momentum;
    o.nesterov = u->nesterov;
    REQUIRE(descent_adaptive_optimizer_init(&opt, model.parameters, u->kind,
                                            &o, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                  u->eta, 0, 0, &e), e);
    const descent_train_options options = {
        .epochs = MNIST_EPOCHS,
        .batch = u->full_batch ? MNIST_TRAIN : MNIST_BATCH, .seed = 2,
        .optimizer = &opt, .schedule = &schedule, .test = test,
        .quiet = true};
    REQUIRE(descent_train(&model, train, &options, records, &e), e);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
}
static bool same_records(const descent_epoch_record *a,
                         const descent_epoch_record *b, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        const double x[5] = {a[k].train_loss, a[k].test_loss,
                             a[k].test_accuracy, a[k].eta,
                             a[k].gradient_norm};
        const double y[5] = {b[k].train_loss, b[k].test_loss,
                             b[k].test_accuracy, b[k].eta,
                             b[k].gradient_norm};
        if (a[k].steps != b[k].steps || memcmp(x, y, sizeof x) != 0)
            return false;
    }
    return true;
}
#define TRACES "bench/results/adaptive-traces.txt"
enum { TRACE_LINE = 4096, TRACE_MAX_N = 16 };

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool same_word(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (lower(*a) != lower(*b))
            return false;
    return *a == *b;
}

static bool kind_named(const char *name, descent_adaptive_kind *kind)
{
    for (int k = DESCENT_ADAPTIVE_SGD; k <= DESCENT_ADAPTIVE_ADAMW; k++)
        if (same_word(name, descent_adaptive_name((descent_adaptive_kind)k))) {
            *kind = (descent_adaptive_kind)k;
            return true;
        }
    return false;
}
static bool set_option(descent_adaptive_options *o, const char *key,
                       double value)
{
    const struct { const char *key; double *real; bool *flag; } field[] = {
        {"weight_decay", &o->weight_decay, NULL},
        {"momentum", &o->momentum, NULL},
        {"dampening", &o->dampening, NULL},
        {"nesterov", NULL, &o->nesterov},
        {"alpha", &o->alpha, NULL},
        {"centered", NULL, &o->centered},
        {"beta1", &o->beta1, NULL},
        {"beta2", &o->beta2, NULL},
        {"amsgrad", NULL, &o->amsgrad},
        {"eps", &o->eps, NULL},
        {"lr_decay", &o->lr_decay, NULL},
        {"initial_accumulator", &o->initial_accumulator, NULL},
        {"eta_minus", &o->eta_minus, NULL},
        {"eta_plus", &o->eta_plus, NULL},
        {"step_min", &o->step_min, NULL},
        {"step_max", &o->step_max, NULL}};
    for (size_t k = 0; k < sizeof field / sizeof field[0]; k++)
        if (strcmp(key, field[k].key) == 0) {
            if (field[k].real != NULL)
                *field[k].real = value;
            else
                *field[k].flag = value != 0;
            return true;
        }
    return false;
}
static void read_numbers(FILE *in, const char *word, size_t count,
                         double *x)
{
    char line[TRACE_LINE], *end;
    if (fgets(line, sizeof line, in) == NULL ||
        strncmp(line, word, strlen(word)) != 0)
        claim_fail("%s: expected a line '%s ...'", TRACES, word);
    const char *p = line + strlen(word);
    for (size_t i = 0; i < count; i++, p = end) {
        x[i] = strtod(p, &end);
        if (end == p)
            claim_fail("%s: a '%s' line has %zu numbers, not %zu", TRACES,
                       word, i, count);
    }
}
typedef struct trace_outcome {
    double worst;                 /* max |ours - PyTorch| / (u S_k) */
    char worst_at[96];            /* where */
    size_t rules, compared, equal;
} trace_outcome;

static void follow_rule(FILE *in, char *line, size_t steps, size_t n,
                        trace_outcome *out)
{
    descent_adaptive_kind kind = DESCENT_ADAPTIVE_SGD;
    descent_adaptive_options o;
    descent_adaptive a;
    descent_error e;
    char *word = strtok(line, " \n"), *kind_name = strtok(NULL, " \n"),
         *label = strtok(NULL, " \n"), *rate = strtok(NULL, " \n");
    if (word == NULL || strcmp(word, "rule") != 0 || rate == NULL ||
        !kind_named(kind_name, &kind))
        claim_fail("%s: a bad 'rule' line", TRACES);
    double lr = strtod(rate, NULL);
    REQUIRE(descent_adaptive_defaults(kind, &o, &e), e);
    for (char *key; (key = strtok(NULL, " \n")) != NULL;) {
        char *value = strtok(NULL, " \n");
        if (value == NULL || !set_option(&o, key, strtod(value, NULL)))
            claim_fail("%s: %s: unknown option %s", TRACES, label, key);
    }
    double theta[TRACE_MAX_N], row[2 * TRACE_MAX_N], previous[TRACE_MAX_N],
        scale[TRACE_MAX_N] = {0};
    read_numbers(in, "theta", n, theta);
    memcpy(previous, theta, sizeof previous);
    REQUIRE(descent_adaptive_init(&a, n, kind, &o, &e), e);
    for (size_t k = 1; k <= steps; k++) {
        read_numbers(in, "step", 2 * n, row);
        REQUIRE(descent_adaptive_step(&a, theta, row, lr, &e), e);
        for (size_t i = 0; i < n; i++) {
            const double torch = row[n + i], gap = fabs(theta[i] - torch);
            scale[i] += fabs(torch) + fabs(torch - previous[i]);
            previous[i] = torch;
            double ratio = gap / (0x1p-53 * scale[i]);
            if (!(ratio <= out->worst)) {    /* a NaN is the worst */
                out->worst = isnan(ratio) ? INFINITY : ratio;
                snprintf(out->worst_at, sizeof out->worst_at,
                         "%s, step %zu, coordinate %zu", label, k, i);
            }
            out->compared++;
            out->equal += gap == 0;
        }
    }
    descent_adaptive_free(&a);
    out->rules++;
}
static void claim_rprop_steps(void **state)
{
    enum { n = 32, steps = 400 };
    double theta[n], g[n], size0[n], prev0[n], theta0[n], last0[n];
    rprop_tally t = {0};
    descent_error e;
    (void)state;
    for (int variant = 0; variant < 2; variant++) {
        descent_adaptive a;
        descent_adaptive_options o;
        descent_random r;
        REQUIRE(descent_adaptive_defaults(DESCENT_ADAPTIVE_RPROP, &o, &e), e);
        o.step_min = 1e-5, o.step_max = 2, o.backtracking = variant == 1;
        REQUIRE(descent_adaptive_init(&a, n, DESCENT_ADAPTIVE_RPROP, &o, &e), e);
        descent_random_seed(&r, 8);
        for (size_t i = 0; i < n; i++)
            theta[i] = 0, size0[i] = 0.05;
        for (int k = 0; k < steps; k++) {
            noisy_gradient(n, theta, 20, 0.01, &r, g);
            if (k > 0)
                memcpy(size0, a.size, sizeof size0);
            memcpy(prev0, a.prev, sizeof prev0);
            memcpy(theta0, theta, sizeof theta0);
            if (a.last != NULL)
                memcpy(last0, a.last, sizeof last0);
            REQUIRE(descent_adaptive_step(&a, theta, g, 0.05, &e), e);
            rprop_check(&a, size0, prev0, theta0, a.last != NULL ? last0 : NULL,
                        theta, g, &t);
        }
        descent_adaptive_free(&a);
    }
    char measured[200], bound[96];
    double worst = t.worst / 0x1p-53;
    bool holds = t.wrong == 0 && worst <= 1 && t.grew > 0 && t.shrank > 0
                 && t.kept > 0 && t.clamped > 0;
    snprintf(measured, sizeof measured,
             "worst factor residual %.2f$u$ over %ld growths, %ld "
             "shrinkings, %ld unchanged; %ld clamped; %ld wrong", worst,
             t.grew, t.shrank, t.kept, t.clamped, t.wrong);
    snprintf(bound, sizeof bound, "$\\le 1u$, none wrong");
    claim_report("rprop-steps",
                 "Rprop's step sizes stay in their bounds and change by "
                 "exactly eta+ or eta-", measured, bound, holds);
    assert_true(holds);
}
static void claim_adaptive_float(void **state)
{
    enum { n = 64, steps = 2000 };
    double theta[n], before[n], g[n], bound[n], worst = 0;
    float theta_f[n], g_f[n];
    const double u = 0x1p-24;
    int worst_case = 0;
    descent_error e;
    (void)state;
    for (int c = 0; c < FLOAT_CASES; c++) {
        descent_adaptive a;
        descent_adaptive_options o;
        descent_optimizer opt;
        descent_random r;
        double lr;
        descent_adaptive_kind kind = float_case(c, &o, &lr);
        REQUIRE(descent_adaptive_init(&a, n, kind, &o, &e), e);
        REQUIRE(descent_adaptive_optimizer_init(&opt, n, kind, &o, &e), e);
        descent_random_seed(&r, 80 + (uint64_t)c);
        for (size_t i = 0; i < n; i++)
            theta[i] = theta_f[i] = 0, bound[i] = 0;
        for (int k = 1; k <= steps; k++) {
            noisy_gradient(n, theta, 3, 0.5, &r, g);
            for (size_t i = 0; i < n; i++)
                g_f[i] = (float)g[i], before[i] = theta[i];
            REQUIRE(descent_adaptive_step(&a, theta, g, lr, &e), e);
            REQUIRE(descent_optimizer_step(&opt, theta_f, g_f, lr, &e), e);
            for (size_t i = 0; i < n; i++) {
                bound[i] += u * (3 * fabs(theta[i])
                                 + (10 + k) * fabs(theta[i] - before[i]));
                double diff = fabs(theta_f[i] - theta[i]),
                       ratio = diff == 0 ? 0 : diff / bound[i];
                if (ratio > worst || isnan(ratio))
                    worst = isnan(ratio) ? INFINITY : ratio, worst_case = c;
            }
        }
        descent_adaptive_free(&a);
        descent_optimizer_free(&opt);
    }
    char measured[160];
    double lr_unused;
    descent_adaptive_options o_worst;
    descent_adaptive_kind kind_worst = float_case(worst_case, &o_worst,
                                                  &lr_unused);
    snprintf(measured, sizeof measured,
             "%.3g of the bound (worst: %s, case %d of %d)", worst,
             descent_adaptive_name(kind_worst), worst_case + 1, FLOAT_CASES);
    bool holds = worst <= 1;
    claim_report("adaptive-float",
                 "the float fused rules stay within the rounding bound of "
                 "the double ones over 2000 steps", measured, "$\\le 1$",
                 holds);
    assert_true(holds);
}
static void effective_step_is_the_step(void **state)
{
    enum { n = 16 };
    const descent_adaptive_kind kinds[] = {
        DESCENT_ADAPTIVE_SGD, DESCENT_ADAPTIVE_RPROP,
        DESCENT_ADAPTIVE_QUICKPROP, DESCENT_ADAPTIVE_ADAGRAD,
        DESCENT_ADAPTIVE_RMSPROP, DESCENT_ADAPTIVE_ADAM};
    double theta[n], before[n], g[n], rate[n], worst = 0;
    long compared = 0;
    descent_error e;
    (void)state;
    for (size_t j = 0; j < sizeof kinds / sizeof *kinds; j++) {
        descent_adaptive a;
        descent_random r;
        descent_adaptive_options o;
        REQUIRE(descent_adaptive_defaults(kinds[j], &o, &e), e);
        o.lr_decay = 0.1, o.amsgrad = true, o.centered = true;
        REQUIRE(descent_adaptive_init(&a, n, kinds[j], &o, &e), e);
        descent_random_seed(&r, 5);
        for (size_t i = 0; i < n; i++)
            theta[i] = 0;
        for (int k = 0; k < 4; k++) {
            noisy_gradient(n, theta, 2, 0.3, &r, g);
            memcpy(before, theta, sizeof before);
            REQUIRE(descent_adaptive_step(&a, theta, g, 0.05, &e), e);
        }
        REQUIRE(descent_adaptive_effective_step(&a, 0.05, rate, &e), e);
        for (size_t i = 0; i < n; i++) {
            double step = theta[i] - before[i];
            if (step == 0)
                continue;
            double taken = rate_taken(&a, step, g[i], i);
            double allowed = 0x1p-53 * (8 + 2 * fabs(theta[i]) / fabs(step));
            worst = fmax(worst, fabs(taken - rate[i]) / rate[i] / allowed);
            compared++;
        }
        descent_adaptive_free(&a);
    }
    printf("  effective steps: %ld compared, worst %.3f of the bound\n",
           compared, worst);
    assert_true(compared > 0 && worst <= 1);
}
static void claim_adaptive_bias(void **state)
{
    enum { n = 5, steps = 1000 };
    const double g[n] = {-1e3, -1, 1e-3, 1, 1e3}, eta = 0.01,
                 beta1 = 0.9, beta2 = 0.999;
    double worst[2] = {0, 0}, last_m = 0, last_v = 0, first = 0;
    (void)state;
    for (int correct = 0; correct < 2; correct++) {
        descent_adaptive a;
        descent_adaptive_options o = theory_options(DESCENT_ADAPTIVE_ADAM);
        double step[n];
        o.beta2 = 0;
        o.eps = 1e-30;
        o.bias_correction = correct;
        theory_rule(&a, n, DESCENT_ADAPTIVE_ADAM, &o);
        for (int k = 1; k <= steps; k++) {
            theory_step(&a, step, g, eta);
            for (int i = 0; i < n; i++) {
                double m = -step[i] * fabs(g[i]) / eta,
                       want = correct ? g[i] : (1 - pow(beta1, k)) * g[i];
                worst[correct] = fmax(worst[correct], theory_relative(m, want));
                if (!correct && k == steps && i == n - 1)
                    last_m = m / ((1 - beta1) * g[i]);
            }
        }
        descent_adaptive_free(&a);
        o = theory_options(DESCENT_ADAPTIVE_ADAM);
        o.beta1 = 0;
        o.eps = 1e-30;
        o.bias_correction = correct;
        theory_rule(&a, n, DESCENT_ADAPTIVE_ADAM, &o);
        for (int k = 1; k <= steps; k++) {
            theory_step(&a, step, g, eta);
            for (int i = 0; i < n; i++) {
                double root = eta * g[i] / -step[i], v = root * root,
                       want = correct ? g[i] * g[i]
                                      : (1 - pow(beta2, k)) * g[i] * g[i];
                worst[correct] = fmax(worst[correct], theory_relative(v, want));
                if (!correct && k == steps && i == n - 1)
                    last_v = v / ((1 - beta2) * g[i] * g[i]);
            }
        }
        descent_adaptive_free(&a);
    }
    descent_adaptive a;
    descent_adaptive_options o = theory_options(DESCENT_ADAPTIVE_ADAM);
    double step[n];
    o.eps = 1e-30;
    o.bias_correction = false;
    theory_rule(&a, n, DESCENT_ADAPTIVE_ADAM, &o);
    theory_step(&a, step, g, eta);
    for (int i = 0; i < n; i++)
        first = fmax(first, fabs(step[i]) / eta);
    descent_adaptive_free(&a);
    double first_want = (1 - beta1) / sqrt(1 - beta2);
    double notes_m = (1 - pow(beta1, steps)) / (1 - beta1),
           notes_v = (1 - pow(beta2, steps)) / (1 - beta2);
    char measured[240], bound[160];
    snprintf(measured, sizeof measured,
             "corrected $%.2g$, uncorrected $%.2g$; first step $%.4f\\,\\eta$; "
             "notes' $\\hat m$ $\\times%.4g$, $\\hat v$ $\\times%.4g$ at $k=%d$",
             worst[1], worst[0], first, last_m, last_v, steps);
    snprintf(bound, sizeof bound,
             "$\\le10^{-12}$; $%.4f\\,\\eta$; $\\times%.4g$, $\\times%.4g$",
             first_want, notes_m, notes_v);
    bool holds = worst[1] <= 1e-12 && worst[0] <= 1e-12 &&
                 theory_relative(first, first_want) <= 1e-12 &&
                 theory_relative(last_m, notes_m) <= 1e-12 &&
                 theory_relative(last_v, notes_v) <= 1e-12;
    claim_report("adaptive-bias",
                 "Adam's $\\hat m_k$ and $\\hat v_k$ are exact with "
                 "$1-\\beta^k$ and off by the derived factors without it "
                 "and with $1-\\beta$",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_adaptive_effective_step(void **state)
{
    enum { n = 3, steps = 2000 };
    const double eta = 0.01;
    descent_adaptive a;
    descent_error error;
    descent_random r;
    double g[n], theta[n] = {0}, before[n], after[n];
    long rises = 0;
    (void)state;
    descent_adaptive_options o = theory_options(DESCENT_ADAPTIVE_ADAGRAD);
    theory_rule(&a, n, DESCENT_ADAPTIVE_ADAGRAD, &o);
    descent_random_seed(&r, 808);
    for (int k = 0; k < steps; k++) {
        for (int i = 0; i < n; i++) {
            double size = pow(10, -6 + 12 * descent_random_uniform(&r));
            g[i] = descent_random_uniform(&r) < 0.5 ? -size : size;
        }
        REQUIRE(descent_adaptive_step(&a, theta, g, eta, &error), error);
        REQUIRE(descent_adaptive_effective_step(&a, eta, after, &error), error);
        for (int i = 0; i < n; i++) {
            if (k > 0 && !(after[i] <= before[i]))
                rises++;
            before[i] = after[i];
        }
    }
    descent_adaptive_free(&a);
    const int later[4] = {1, 10, 100, 1000};
    double rmsprop_error = 0, growth = 0;
    o = theory_options(DESCENT_ADAPTIVE_RMSPROP);
    const double rho = o.alpha, eps = o.eps;
    for (int t = 0; t < 4; t++) {
        double one = 1, small = 1e-2, x = 0, first, last;
        theory_rule(&a, 1, DESCENT_ADAPTIVE_RMSPROP, &o);
        for (int k = 0; k < 1000; k++)
            REQUIRE(descent_adaptive_step(&a, &x, &one, eta, &error), error);
        REQUIRE(descent_adaptive_effective_step(&a, eta, &first, &error), error);
        for (int k = 0; k < later[t]; k++)
            REQUIRE(descent_adaptive_step(&a, &x, &small, eta, &error), error);
        REQUIRE(descent_adaptive_effective_step(&a, eta, &last, &error), error);
        descent_adaptive_free(&a);
        double v0 = 1 - pow(rho, 1000),
               v1 = pow(rho, later[t]) * v0 + (1 - pow(rho, later[t])) * 1e-4;
        double want = (sqrt(v0) + eps) / (sqrt(v1) + eps);
        rmsprop_error = fmax(rmsprop_error, theory_relative(last / first, want));
        growth = last / first;
    }
    char measured[200], bound[120];
    snprintf(measured, sizeof measured,
             "AdaGrad: %ld rises in %d steps; RMSProp: growth $\\times%.1f$ "
             "at $j=1000$, error $%.2g$", rises, n * steps, growth,
             rmsprop_error);
    snprintf(bound, sizeof bound, "$0$ rises; error $\\le10^{-12}$");
    bool holds = rises == 0 && rmsprop_error <= 1e-12 && growth > 60;
    claim_report("adaptive-effective-step",
                 "AdaGrad's effective step never grows; RMSProp's grows "
                 "as predicted when the gradient falls",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_adaptive_curvature(void **state)
{
    const descent_adaptive_kind kinds[3] = {DESCENT_ADAPTIVE_ADAGRAD,
        DESCENT_ADAPTIVE_RMSPROP, DESCENT_ADAPTIVE_ADAM};
    const double etas[3] = {0.1, 0.01, 0.01};
    long method_most[3] = {0, 0, 0},
         method_least[3] = {2147483647L, 2147483647L, 2147483647L};
    long gd_miss = 0;
    bool near_integer = false;
    (void)state;
    for (int e = 0; e <= 4; e++) {
        double kappa = pow(10, e), a[theory_dimension], eta = 2 / (1 + kappa);
        long most[4], least[4];
        for (int i = 0; i < theory_dimension; i++)
            a[i] = pow(kappa, i / 4.0);
        descent_adaptive_options sgd = theory_options(DESCENT_ADAPTIVE_SGD);
        theory_iterations(DESCENT_ADAPTIVE_SGD, &sgd, a, eta, 1000000, &most[0],
                          &least[0]);
        double exact = kappa == 1 ? 0 : log(1e3) / -log(fabs(1 - eta));
        long predicted = exact < 1 ? 1 : (long)ceil(exact);
        near_integer |= kappa > 1 && fabs(exact - round(exact)) < 1e-6;
        gd_miss += least[0] < 0 ? predicted : labs(most[0] - predicted);
        for (int m = 0; m < 3; m++) {
            descent_adaptive_options o = theory_options(kinds[m]);
            theory_iterations(kinds[m], &o, a, etas[m], 100000, &most[m + 1],
                              &least[m + 1]);
            if (most[m + 1] > method_most[m])
                method_most[m] = most[m + 1];
            if (least[m + 1] < method_least[m])
                method_least[m] = least[m + 1];
        }
        claim_table_row("adaptive-curvature-table",
                        "$10^{%d}$ & %ld & %ld & %ld & %ld & %ld \\\\", e, most[0],
                        predicted, most[1], most[2], most[3]);
    }
    long spread = 0;
    bool arrived = true;
    for (int m = 0; m < 3; m++) {
        spread = method_most[m] - method_least[m] > spread
                     ? method_most[m] - method_least[m] : spread;
        arrived &= method_least[m] > 0;
    }
    char measured[200], bound[80];
    snprintf(measured, sizeof measured,
             "spread %ld (AdaGrad %ld, RMSProp %ld, Adam %ld); GD off its "
             "prediction by %ld", spread, method_most[0], method_most[1],
             method_most[2], gd_miss);
    snprintf(bound, sizeof bound, "spread $\\le1$; $0$");
    bool holds = gd_miss == 0 && !near_integer && arrived && spread <= 1;
    claim_report("adaptive-curvature",
                 "AdaGrad, RMSProp and Adam progress at a rate independent "
                 "of the curvature; GD's iterations grow with $\\kappa$",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_adaptive_scale(void **state)
{
    enum { n = 20, steps = 2000, growing = 150 };
    const double eta = 0.01;
    descent_adaptive a;
    descent_random r;
    double g[n], step[n], largest = 0, equal = 0;
    (void)state;
    descent_adaptive_options o = theory_options(DESCENT_ADAPTIVE_ADAM);
    const double beta1 = o.beta1, beta2 = o.beta2;
    theory_rule(&a, n, DESCENT_ADAPTIVE_ADAM, &o);
    descent_random_seed(&r, 909);
    for (int k = 1; k <= steps; k++) {
        for (int i = 0; i < n; i++) {
            double size = pow(10, -6 + 12 * descent_random_uniform(&r));
            g[i] = descent_random_uniform(&r) < 0.5 ? -size : size;
        }
        theory_step(&a, step, g, eta);
        double bound = eta * theory_adam_bound(beta1, beta2, k);
        for (int i = 0; i < n; i++)
            largest = fmax(largest, fabs(step[i]) / bound);
    }
    descent_adaptive_free(&a);
    o.eps = 1e-30;
    theory_rule(&a, 1, DESCENT_ADAPTIVE_ADAM, &o);
    for (int k = 1; k <= growing; k++) {
        double gk = pow(beta2 / beta1, k), x;
        theory_step(&a, &x, &gk, eta);
        equal = fmax(equal, theory_relative(fabs(x),
                                            eta * theory_adam_bound(beta1, beta2,
                                                                    k)));
    }
    descent_adaptive_free(&a);
    enum { path_steps = 500 };
    const double scales[4] = {0x1p-20, 0x1p-10, 0x1p10, 0x1p20};
    static double base[2 * path_steps], scaled[2 * path_steps],
                  base_eps[2 * path_steps], base_gd[2 * path_steps];
    descent_adaptive_options tiny = theory_options(DESCENT_ADAPTIVE_ADAM),
        plain = theory_options(DESCENT_ADAPTIVE_ADAM),
        sgd = theory_options(DESCENT_ADAPTIVE_SGD);
    long differ = 0;
    double eps_gap = 0, gd_gap = INFINITY;
    tiny.eps = 1e-30;
    theory_rosenbrock_run(DESCENT_ADAPTIVE_ADAM, &tiny, 1, eta, path_steps, base);
    theory_rosenbrock_run(DESCENT_ADAPTIVE_ADAM, &plain, 1, eta, path_steps,
                          base_eps);
    theory_rosenbrock_run(DESCENT_ADAPTIVE_SGD, &sgd, 1, 1e-3, path_steps, base_gd);
    for (int s = 0; s < 4; s++) {
        theory_rosenbrock_run(DESCENT_ADAPTIVE_ADAM, &tiny, scales[s], eta,
                              path_steps, scaled);
        for (int j = 0; j < 2 * path_steps; j++)
            differ += scaled[j] != base[j];
        theory_rosenbrock_run(DESCENT_ADAPTIVE_ADAM, &plain, scales[s], eta,
                              path_steps, scaled);
        for (int j = 0; j < 2 * path_steps; j++)
            eps_gap = fmax(eps_gap, fabs(scaled[j] - base_eps[j]));
        theory_rosenbrock_run(DESCENT_ADAPTIVE_SGD, &sgd, scales[s], 1e-3,
                              path_steps, scaled);
        double gap = 0;
        for (int j = 0; j < 2 * path_steps; j++)
            gap = isfinite(scaled[j]) ? fmax(gap, fabs(scaled[j] - base_gd[j]))
                                      : INFINITY;
        gd_gap = fmin(gd_gap, gap);
    }
    char measured[640], bound[120], gd_text[64];
    claim_format(gd_text, sizeof gd_text, gd_gap);
    snprintf(measured, sizeof measured,
             "largest step $%.3f\\,\\eta B_k$, growing sequence off by "
             "$%.2g$; %ld of %d "
             "coordinates differ (with $\\epsilon=10^{-8}$ up to $%.2g$); "
             "GD differs by at least %s", largest, equal, differ,
             4 * 2 * path_steps, eps_gap, gd_text);
    snprintf(bound, sizeof bound,
             "$\\le10^{-12}$, $\\le10^{-9}$; $0$; GD $\\ge10^{-2}$");
    bool holds = largest <= 1 + 1e-12 && equal <= 1e-9 && differ == 0 &&
                 gd_gap >= 1e-2;
    claim_report("adaptive-scale",
                 "Adam's step is at most $\\eta B_k$ whatever the gradients, "
                 "and its iterates do not change with the loss's scale",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_adaptive_amsgrad(void **state)
{
    const double C = 3, worst = 2 * (C - 2) / 3;
    double adam_mean, adam_regret, ams_mean, ams_regret;
    (void)state;
    theory_online(false, C, 30000, &adam_mean, &adam_regret);
    theory_online(true, C, 30000, &ams_mean, &ams_regret);
    char measured[200], bound[160];
    snprintf(measured, sizeof measured,
             "Adam: mean $%.4f$, regret $%.4f$; AMSGrad: mean $%.4f$, "
             "regret $%.4f$", adam_mean, adam_regret, ams_mean, ams_regret);
    snprintf(bound, sizeof bound,
             "$\\ge0.99$, $\\ge%.4f$; $\\le-0.99$, $\\le0.01$", 0.9 * worst);
    bool holds = adam_mean >= 0.99 && adam_regret >= 0.9 * worst &&
                 ams_mean <= -0.99 && ams_regret <= 0.01;
    claim_report("adaptive-amsgrad",
                 "on Reddi, Kale and Kumar's problem Adam goes to the worst "
                 "point and AMSGrad to the minimizer",
                 measured, bound, holds);
    assert_true(holds);
}
static void claim_adaptive_mnist(void **state)
{
    descent_samples train, test;
    descent_error e;
    descent_epoch_record records[MNIST_RULES][MNIST_EPOCHS],
        again[MNIST_EPOCHS];
    (void)state;
    REQUIRE(descent_fashion_mnist_load(&train, true, MNIST_TRAIN, &e), e);
    REQUIRE(descent_fashion_mnist_load(&test, false, MNIST_TEST, &e), e);
    for (int k = 0; k < MNIST_RULES; k++) {
        const mnist_rule *u = &mnist_rules[k];
        const descent_epoch_record *last = &records[k][MNIST_EPOCHS - 1];
        mnist_run(u, &train, &test, records[k]);
        claim_table_row("adaptive-mnist-table",
                        "%s & %zu & %g & %zu & %.3f & %.3f & %.3f \\\\",
                        u->name, u->full_batch ? (size_t)MNIST_TRAIN
                                               : (size_t)MNIST_BATCH,
                        u->eta, last->steps, last->train_loss,
                        last->test_loss, last->test_accuracy);
    }
    double margin = INFINITY;
    const char *closest = "(none)";
    bool finite = true;
    for (int k = 0; k < MNIST_RULES; k++) {
        const descent_epoch_record *last = &records[k][MNIST_EPOCHS - 1];
        finite = finite && isfinite(last->train_loss) &&
                 isfinite(last->test_loss);
        if (!(last->test_accuracy - mnist_rules[k].floor >= margin)) {
            margin = last->test_accuracy - mnist_rules[k].floor;
            closest = mnist_rules[k].name;
        }
    }
    bool repeated = true;
    for (int k = 0; k < MNIST_RULES; k++)
        if (mnist_rules[k].kind == DESCENT_ADAPTIVE_ADAM ||
            mnist_rules[k].kind == DESCENT_ADAPTIVE_RPROP) {
            mnist_run(&mnist_rules[k], &train, &test, again);
            repeated = repeated &&
                       same_records(records[k], again, MNIST_EPOCHS);
        }
    char measured[256];
    snprintf(measured, sizeof measured, "closest to its floor: %s, %+.3f; "
             "losses %s; Adam's and Rprop's runs repeated %s", closest, margin,
             finite ? "finite" : "NOT FINITE",
             repeated ? "bit for bit" : "WITH DIFFERENCES");
    bool holds = margin >= 0 && finite && repeated;
    claim_report("adaptive-mnist",
                 "nine rules train the same network on Fashion-MNIST, each "
                 "above its floor, reproducibly from the seed",
                 measured, "floors $0.75$, $0.70$, $0.65$; equal records",
                 holds);
    assert_true(holds);
    descent_samples_free(&train);
    descent_samples_free(&test);
}
#define TRACE_C (2 * (1 + 6 + 2 / (1 - 0.9)))
static void claim_adaptive_pytorch(void **state)
{
    char line[TRACE_LINE], version[64];
    size_t count, steps, n;
    trace_outcome out = {.worst = 0, .worst_at = "(none)"};
    (void)state;
    char path[4096];
    const char *root = getenv("DESCENT_ROOT");
    snprintf(path, sizeof path, "%s%s%s", root != NULL ? root : "",
             root != NULL ? "/" : "", TRACES);
    FILE *in = fopen(path, "r");
    if (in == NULL)
        claim_fail("cannot read %s (the suite runs in the repository's "
                   "root, or DESCENT_ROOT names it)", path);
    if (fgets(line, sizeof line, in) == NULL ||
        sscanf(line, "traces %zu steps %zu n %zu torch %63s", &count, &steps,
               &n, version) != 4 || n == 0 || n > TRACE_MAX_N)
        claim_fail("%s: a bad header", TRACES);
    while (fgets(line, sizeof line, in) != NULL)
        follow_rule(in, line, steps, n, &out);
    fclose(in);
    char measured[512], worst[32], bound[64];
    claim_format(worst, sizeof worst, out.worst);
    snprintf(bound, sizeof bound, "$%.0f\\,uS_k$, every configuration",
             TRACE_C);
    snprintf(measured, sizeof measured, "worst gap %s $uS_k$ (%s); %zu of %zu "
             "iterates equal; %zu configurations, %zu steps each, PyTorch %s",
             worst, out.worst_at, out.equal, out.compared, out.rules, steps,
             version);
    bool holds = out.rules == count && count > 0 && out.worst <= TRACE_C;
    claim_report("adaptive-pytorch",
                 "the double rules reproduce PyTorch's iterates, fed its "
                 "gradients, step for step",
                 measured, bound, holds);
    assert_true(holds);
}
static void bad_adaptive_options(void **state)
{
    descent_adaptive a;
    descent_optimizer opt;
    descent_adaptive_options o;
    descent_error e;
    char fragment[96];
    (void)state;
    for (size_t j = 0; j < sizeof bad_options / sizeof *bad_options; j++) {
        const bad_option *b = &bad_options[j];
        REQUIRE(descent_adaptive_defaults(b->kind, &o, &e), e);
        memcpy((char *)&o + b->offset, &b->value, sizeof b->value);
        snprintf(fragment, sizeof fragment, "%s: option %s = %g",
                 descent_adaptive_name(b->kind), b->name, b->value);
        BAD("descent_adaptive_init",
            descent_adaptive_init(&a, 3, b->kind, &o, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
        BAD("descent_adaptive_optimizer_init",
            descent_adaptive_optimizer_init(&opt, 3, b->kind, &o, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    REQUIRE(descent_adaptive_defaults(DESCENT_ADAPTIVE_SGD, &o, &e), e);
    o.nesterov = true;
    BAD("descent_adaptive_init",
        descent_adaptive_init(&a, 3, DESCENT_ADAPTIVE_SGD, &o, &e), e,
        DESCENT_INVALID_ARGUMENT, "nesterov needs momentum > 0");
    o.momentum = 0.9, o.dampening = 0.1;
    BAD("descent_adaptive_optimizer_init",
        descent_adaptive_optimizer_init(&opt, 3, DESCENT_ADAPTIVE_SGD, &o, &e),
        e, DESCENT_INVALID_ARGUMENT, "dampening = 0.1");
    REQUIRE(descent_adaptive_defaults(DESCENT_ADAPTIVE_ADAM, &o, &e), e);
    o.eta_minus = -1, o.alpha = 7;
    VALID("descent_adaptive_init", "Adam does not read Rprop's or RMSProp's options",
          descent_adaptive_init(&a, 3, DESCENT_ADAPTIVE_ADAM, &o, &e), e);
    descent_adaptive_free(&a);
}
static void bad_adaptive_rules(void **state)
{
    descent_adaptive a, never = {0};
    descent_optimizer opt;
    descent_adaptive_options o;
    descent_error e;
    double theta[3] = {1, 2, 3}, g[3] = {1, -1, 0}, out[3];
    const descent_adaptive_kind unknown = (descent_adaptive_kind)9;
    const char *init = "descent_adaptive_init",
               *step = "descent_adaptive_step",
               *effective = "descent_adaptive_effective_step",
               *defaults = "descent_adaptive_defaults",
               *floats = "descent_adaptive_optimizer_init";
    (void)state;
    BAD(defaults, descent_adaptive_defaults(DESCENT_ADAPTIVE_ADAM, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "options o is NULL");
    BAD(defaults, descent_adaptive_defaults(unknown, &o, &e), e,
        DESCENT_INVALID_ARGUMENT, "kind = 9 is not a rule");
    SURVIVES("descent_adaptive_name", "an unknown kind has a name",
             assert_string_equal(descent_adaptive_name(unknown),
                                 "an unknown rule"));
    BAD(init, descent_adaptive_init(NULL, 3, DESCENT_ADAPTIVE_ADAM, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "a is NULL");
    BAD(init, descent_adaptive_init(&a, 0, DESCENT_ADAPTIVE_ADAM, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "Adam: n = 0");
    BAD(init, descent_adaptive_init(&a, 3, unknown, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "kind = 9");
    BAD(init, descent_adaptive_init(&a, (size_t)1 << 40, DESCENT_ADAPTIVE_ADAM,
                                    NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "n = 1099511627776");
    BAD(floats, descent_adaptive_optimizer_init(NULL, 3, DESCENT_ADAPTIVE_ADAM,
                                                NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "opt is NULL");
    BAD(floats, descent_adaptive_optimizer_init(&opt, 0, DESCENT_ADAPTIVE_RPROP,
                                                NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "Rprop: n = 0");
    BAD(floats, descent_adaptive_optimizer_init(&opt, 3, unknown, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "kind = 9");
    BAD(floats, descent_adaptive_optimizer_init(&opt, (size_t)1 << 40,
                                                DESCENT_ADAPTIVE_SGD, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "n = 1099511627776");
    VALID(floats, "plain SGD keeps no vectors",
          descent_adaptive_optimizer_init(&opt, 3, DESCENT_ADAPTIVE_SGD, NULL,
                                          &e), e);
    assert_true(opt.memory == NULL && opt.vectors == 0);
    descent_optimizer_free(&opt);
    REQUIRE(descent_adaptive_init(&a, 3, DESCENT_ADAPTIVE_ADAM, NULL, &e), e);
    BAD(step, descent_adaptive_step(NULL, theta, g, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "a is NULL");
    BAD(step, descent_adaptive_step(&never, theta, g, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(step, descent_adaptive_step(&a, NULL, g, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(step, descent_adaptive_step(&a, theta, NULL, 0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "g is NULL");
    BAD(step, descent_adaptive_step(&a, theta, g, -0.1, &e), e,
        DESCENT_INVALID_ARGUMENT, "lr = -0.1");
    BAD(step, descent_adaptive_step(&a, theta, g, NAN, &e), e,
        DESCENT_INVALID_ARGUMENT, "lr = nan");
    BAD(step, descent_adaptive_step(&a, theta, g, INFINITY, &e), e,
        DESCENT_INVALID_ARGUMENT, "lr = inf");
    g[1] = NAN;
    BAD(step, descent_adaptive_step(&a, theta, g, 0.1, &e), e,
        DESCENT_NONFINITE, "g[1] = nan");
    g[1] = -1, theta[2] = -INFINITY;
    BAD(step, descent_adaptive_step(&a, theta, g, 0.1, &e), e,
        DESCENT_NONFINITE, "theta[2] = -inf");
    theta[2] = 3;
    assert_true(a.steps == 0 && a.m[1] == 0);
    VALID(step, "lr = 0 moves nothing but updates the averages",
          descent_adaptive_step(&a, theta, g, 0, &e), e);
    assert_true(theta[0] == 1 && a.steps == 1 && a.m[1] != 0);
    BAD(effective, descent_adaptive_effective_step(NULL, 0.1, out, &e), e,
        DESCENT_INVALID_ARGUMENT, "a is NULL");
    BAD(effective, descent_adaptive_effective_step(&never, 0.1, out, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    BAD(effective, descent_adaptive_effective_step(&a, 0.1, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "out is NULL");
    BAD(effective, descent_adaptive_effective_step(&a, NAN, out, &e), e,
        DESCENT_INVALID_ARGUMENT, "lr = nan");
    descent_adaptive_free(&a);
    BAD(effective, descent_adaptive_effective_step(&a, 0.1, out, &e), e,
        DESCENT_INVALID_ARGUMENT, "after descent_adaptive_free");
    REQUIRE(descent_adaptive_init(&a, 3, DESCENT_ADAPTIVE_QUICKPROP, NULL, &e),
            e);
    VALID(effective, "Quickprop's rate is NaN before its first step",
          descent_adaptive_effective_step(&a, 0.1, out, &e), e);
    assert_true(isnan(out[0]));
    descent_adaptive_free(&a);
    SURVIVES("descent_adaptive_free", "freeing NULL does nothing",
             descent_adaptive_free(NULL));
    SURVIVES("descent_adaptive_free", "freeing twice does nothing",
             descent_adaptive_free(&a));
}
static void bad_adaptive_float(void **state)
{
    descent_optimizer opt;
    descent_adaptive_options o;
    descent_error e;
    float theta[2] = {1, 1}, g[2] = {1, -1};
    (void)state;
    REQUIRE(descent_adaptive_defaults(DESCENT_ADAPTIVE_ADAGRAD, &o, &e), e);
    o.initial_accumulator = 3;
    REQUIRE(descent_adaptive_optimizer_init(&opt, 2, DESCENT_ADAPTIVE_ADAGRAD,
                                            &o, &e), e);
    assert_true(opt.memory[0] == 3 && opt.memory[1] == 3);
    BAD("descent_optimizer_step",
        descent_optimizer_step(&opt, theta, g, -1, &e), e,
        DESCENT_INVALID_ARGUMENT, "eta = -1");
    VALID("descent_optimizer_step", "a float AdaGrad step",
          descent_optimizer_step(&opt, theta, g, 0.5, &e), e);
    assert_true(opt.memory[0] == 4 && theta[0] == 0.75f);
    descent_optimizer_free(&opt);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-08-table");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_rprop_steps),
        cmocka_unit_test(claim_adaptive_float),
        cmocka_unit_test(effective_step_is_the_step),
        cmocka_unit_test(bad_adaptive_options),
        cmocka_unit_test(bad_adaptive_rules),
        cmocka_unit_test(bad_adaptive_float),
        cmocka_unit_test(bad_input_summary),
        cmocka_unit_test(claim_adaptive_bias),
        cmocka_unit_test(claim_adaptive_effective_step),
        cmocka_unit_test(claim_adaptive_curvature),
        cmocka_unit_test(claim_adaptive_scale),
        cmocka_unit_test(claim_adaptive_amsgrad),
        cmocka_unit_test(claim_adaptive_mnist),
        cmocka_unit_test(claim_adaptive_pytorch),
    };
    return cmocka_run_group_tests_name("chapter 8: adaptive methods",
                                       tests, NULL, NULL);
}
