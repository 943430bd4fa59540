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


int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(smoke),
        cmocka_unit_test(claim_bn_pytorch),
        
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
