/* 07-edge.c: generated from chapters/07-stochastic.nw; do not edit. */
#define _POSIX_C_SOURCE 200809L
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

static double formed_top(size_t n, descent_product_fn *product,
                         void *context)
{
    double *H = malloc(n * n * sizeof *H), *e = calloc(n, sizeof *e);
    double *lambda = malloc(n * sizeof *lambda);
    descent_error error;
    assert_non_null(H);
    assert_non_null(e);
    assert_non_null(lambda);
    for (size_t i = 0; i < n; i++) {             /* column i: row i of H */
        e[i] = 1;
        REQUIRE(product(e, H + i * n, context, &error), error);
        e[i] = 0;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            H[i * n + j] = H[j * n + i] = (H[i * n + j] + H[j * n + i]) / 2;
    REQUIRE(descent_symmetric_eigenvalues(n, H, lambda, &error), error);
    double top = lambda[0];
    for (size_t i = 1; i < n; i++)
        top = fmax(top, lambda[i]);
    free(H);
    free(e);
    free(lambda);
    return top;
}
enum { EDGE_COUNT = 500, EDGE_STEPS = 700, EDGE_EVERY = 25,
       EDGE_WINDOW = 100 };

typedef struct edge_reading {
    double threshold, start;     /* S*, S_0 */
    size_t reached;              /* the step of the first S >= 0.9 S* */
    size_t below;                /* the last of the first measurements
                                    with S < S* */
    double low, high, mean;      /* min, max and mean of S / S* from
                                    reached on */
    double products;             /* products per measurement */
    size_t parameters;           /* the model's */
    size_t held;                 /* steps from reached to the end */
    double crossing;             /* steps to climb from the arrival to
                                    1.35 S* at the first phase's rate */
    bool windows_fall;           /* window means of the loss decrease */
    size_t first_rise;           /* the first k with L_k >= L_{k-1} */
} edge_reading;

static edge_reading edge_read(const descent_samples *data, double eta,
                              double beta)
{
    descent_edge_run run = {.hidden = {32, 32}, .scale = 0.5, .eta = eta,
                            .beta = beta, .steps = EDGE_STEPS,
                            .every = EDGE_EVERY, .seed = 1};
    descent_sharpness_recorder rec;
    descent_error error;
    REQUIRE(descent_edge_train(data, &run, &rec, &error), error);
    edge_reading e = {.threshold = 2 * (1 + beta) / eta,
                      .start = rec.sharpness[0], .reached = SIZE_MAX,
                      .low = INFINITY, .high = 0,
                      .first_rise = rec.steps,
                      .products = (double)rec.hessian.products /
                                  (double)rec.measured,
                      .parameters = rec.n};
    size_t late = 0;
    assert_int_equal(rec.unconverged, 0);
    for (size_t j = 0; j < rec.measured; j++) {
        double s = rec.sharpness[j] / e.threshold;
        if (e.reached == SIZE_MAX && s >= 0.9) {
            e.reached = rec.step[j];
            e.crossing = (1.35 - s) * e.threshold * (double)rec.step[j] /
                         (rec.sharpness[j] - e.start);
        }
        if (e.reached != SIZE_MAX) {
            e.low = fmin(e.low, s);
            e.high = fmax(e.high, s);
            e.mean += s;
            late++;
        }
    }
    e.mean /= (double)late;
    for (size_t j = 0; j < rec.measured &&
                       rec.sharpness[j] < e.threshold; j++)
        e.below = rec.step[j];
    e.held = e.reached == SIZE_MAX ? 0 : EDGE_STEPS - e.reached;
    e.windows_fall = e.reached != SIZE_MAX;
    double last = INFINITY;
    size_t kept = rec.steps < rec.loss_capacity ? rec.steps : rec.loss_capacity;
    for (size_t w = e.reached; w + EDGE_WINDOW <= kept &&
                               e.reached != SIZE_MAX; w += EDGE_WINDOW) {
        double mean = 0;
        for (size_t k = w; k < w + EDGE_WINDOW; k++)
            mean += rec.loss[k] / EDGE_WINDOW;
        e.windows_fall = e.windows_fall && mean < last;
        last = mean;
    }
    for (size_t k = 1; k < kept && e.first_rise == rec.steps; k++)
        if (rec.loss[k] >= rec.loss[k - 1])
            e.first_rise = k;
    printf("  eta %.2f beta %.1f: S* %.3f, S_0 %.3f, reached at %zu, S/S* in "
           "[%.3f, %.3f], mean %.3f, held %zu steps against %.0f to cross, "
           "loss first rises at %zu, %.1f products a measurement\n", eta,
           beta, e.threshold, e.start, e.reached, e.low, e.high, e.mean,
           e.held, e.crossing, e.first_rise, e.products);
    descent_sharpness_recorder_free(&rec);
    return e;
}
static const double edge_eta[3] = {0.5, 0.4, 0.35};

static const edge_reading *edge_gd_readings(void)
{
    static edge_reading reading[3];
    static bool done = false;
    descent_samples data;
    descent_error error;
    if (done)
        return reading;
    REQUIRE(descent_edge_samples(&data, EDGE_COUNT, 2, &error), error);
    for (int i = 0; i < 3; i++)
        reading[i] = edge_read(&data, edge_eta[i], 0);
    descent_samples_free(&data);
    done = true;
    return reading;
}
static void claim_edge_lanczos(void **state)
{
    (void)state;
    enum { COUNT = 100, N = 16 * 8 + 8 + 8 * 8 + 8 + 8 * 10 + 10 };
    const size_t sizes[4] = {16, 8, 8, 10};
    const descent_layer_spec spec[6] = {
        {DESCENT_LAYER_DENSE, 8}, {DESCENT_LAYER_LOGISTIC, 0},
        {DESCENT_LAYER_DENSE, 8}, {DESCENT_LAYER_LOGISTIC, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_L2, 0}};
    descent_error error;
    descent_samples data;
    descent_model model;
    descent_random r;
    descent_network net;
    descent_network_problem problem;
    static double x[COUNT * 16], t[COUNT * 10], theta[N];
    REQUIRE(descent_edge_samples(&data, COUNT, 7, &error), error);
    REQUIRE(descent_model_init(&model, 16, 6, spec, COUNT, &error), error);
    assert_int_equal(model.parameters, N);
    descent_random_seed(&r, 7);
    REQUIRE(descent_model_init_weights(&model, &r, &error), error);
    for (size_t i = 0; i < N; i++)
        theta[i] = model.theta[i];
    for (size_t i = 0; i < COUNT * 16; i++)
        x[i] = data.x[i];
    for (size_t i = 0; i < COUNT * 10; i++)
        t[i] = data.targets[i];
    const descent_dataset set = {.count = COUNT, .inputs = 16,
                                 .outputs = 10, .x = x, .t = t};
    REQUIRE(descent_network_init(&net, 3, sizes, DESCENT_LOGISTIC,
                                 DESCENT_IDENTITY, &error), error);
    REQUIRE(descent_network_problem_init(&problem, &net, &set, DESCENT_L2,
                                         &error), error);
    descent_objective f = descent_network_objective(&problem);
    descent_hessian_operator op;
    descent_eigen_estimate exact;
    REQUIRE(descent_hessian_operator_init(&op, &f, theta, 0, &error), error);
    double lapack = formed_top(N, descent_hessian_product, &op);
    REQUIRE(descent_top_eigenvalue(N, descent_hessian_product, &op, NULL, NULL,
                                   &exact, &error), error);
    double gap_double = fabs(exact.value - lapack) / lapack;
    printf("  double: Lanczos %.10g in %zu steps, LAPACK %.10g\n", exact.value,
           exact.iterations, lapack);
    descent_hessian_operator_free(&op);
    descent_model_hessian mh;
    descent_eigen_estimate single;
    REQUIRE(descent_model_hessian_init(&mh, &model, &data, 0, &error), error);
    double formed = formed_top(N, descent_model_hessian_product, &mh);
    REQUIRE(descent_top_eigenvalue(N, descent_model_hessian_product, &mh, NULL,
                                   NULL, &single, &error), error);
    double gap_float = fabs(single.value - formed) / formed;
    double gap_precision = fabs(single.value - lapack / COUNT) /
                           (lapack / COUNT);
    printf("  float: Lanczos %.7g in %zu steps, formed %.7g, double / %d "
           "%.7g\n", single.value, single.iterations, formed, COUNT,
           lapack / COUNT);
    descent_model_hessian_free(&mh);
    char measured[160], a[32], b[32], c[32];
    claim_format(a, sizeof a, gap_double);
    claim_format(b, sizeof b, gap_float);
    claim_format(c, sizeof c, gap_precision);
    snprintf(measured, sizeof measured, "%s; %s; %s", a, b, c);
    bool holds = gap_double <= 1e-4 && gap_float <= 1e-4 &&
                 gap_precision <= 1e-4;
    claim_report("edge-lanczos",
                 "Lanczos's top eigenvalue agrees with LAPACK's on the formed "
                 "Hessian, in double and in float, and float with double",
                 measured, "$10^{-4}$; $10^{-4}$; $10^{-4}$", holds);
    assert_true(holds);
    descent_network_problem_free(&problem);
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void claim_edge_sharpening(void **state)
{
    (void)state;
    const edge_reading *reading = edge_gd_readings();
    bool holds = true;
    double low = INFINITY, high = 0, rise = 0, mean[2] = {INFINITY, 0};
    double products = 0, margin = INFINITY;
    size_t held = SIZE_MAX;
    for (int i = 0; i < 3; i++) {
        const edge_reading *e = reading + i;
        mean[0] = fmin(mean[0], e->mean);
        mean[1] = fmax(mean[1], e->mean);
        holds = holds && e->start <= 0.5 * e->threshold &&
                e->reached != SIZE_MAX && e->held >= 250 &&
                (double)e->held >= 2 * e->crossing && e->low >= 0.85 &&
                e->high <= 1.35 && e->mean >= 0.95 && e->mean <= 1.2 &&
                e->windows_fall;
        products += e->products / 3;
        low = fmin(low, e->low);
        high = fmax(high, e->high);
        rise = fmax(rise, e->start / e->threshold);
        held = e->held < held ? e->held : held;
        margin = fmin(margin, (double)e->held / e->crossing);
        claim_table_row("edge-table", "%.2f & %.2f & %.2f & %zu & %.3f & "
                        "%.3f & %.3f & %zu (%.0f) & %zu & %s\\\\",
                        edge_eta[i], e->threshold, e->start, e->reached,
                        e->low, e->mean, e->high, e->held, e->crossing,
                        e->first_rise, e->windows_fall ? "yes" : "no");
    }
    double entries = (double)reading[0].parameters *
                     (double)reading[0].parameters;
    int power = (int)floor(log10(entries));
    claim_table_row("edge-numbers", "\\gdef\\edgeParameters{%zu}"
                    "\\gdef\\edgeHessianEntries{%.1f\\times10^{%d}}"
                    "\\gdef\\edgeSharpnessZero{%.2f}"
                    "\\gdef\\edgeProducts{%.0f}"
                    "\\gdef\\edgeCostRatio{%.1f}", reading[0].parameters,
                    entries / pow(10, power), power, reading[0].start,
                    products, 2 * products / EDGE_EVERY);
    char measured[160];
    snprintf(measured, sizeof measured, "$S_0/S^*\\le%.3f$; $S/S^*\\in"
             "[%.3f,%.3f]$ for $%zu$ steps, $%.1f$ crossings; means "
             "$%.3f$--$%.3f$", rise, low, high, held, margin, mean[0],
             mean[1]);
    claim_report("edge-sharpening",
                 "full-batch GD sharpens to 2/eta and stays at the edge "
                 "while the loss falls", measured,
                 "$0.5$; $[0.85,1.35]$, $250$, $2$; $[0.95,1.2]$", holds);
    assert_true(holds);
}

static void claim_edge_monotone(void **state)
{
    (void)state;
    const edge_reading *reading = edge_gd_readings();
    bool holds = true;
    size_t shortest = SIZE_MAX;
    for (int i = 0; i < 3; i++) {
        holds = holds && reading[i].first_rise > reading[i].below;
        if (reading[i].below < shortest)
            shortest = reading[i].below;
    }
    char measured[160];
    snprintf(measured, sizeof measured, "the loss first rose at steps "
             "%zu, %zu, %zu; $S<S^*$ measured to %zu, %zu, %zu",
             reading[0].first_rise, reading[1].first_rise,
             reading[2].first_rise, reading[0].below, reading[1].below,
             reading[2].below);
    claim_report("edge-monotone",
                 "while the sharpness is below 2/eta the loss falls at "
                 "every step", measured, "after the last $S<S^*$", holds &&
                 shortest > 0);
    assert_true(holds && shortest > 0);
}
static void claim_edge_momentum(void **state)
{
    (void)state;
    descent_samples data;
    descent_error error;
    REQUIRE(descent_edge_samples(&data, EDGE_COUNT, 2, &error), error);
    edge_reading e = edge_read(&data, 0.3, 0.5);
    bool holds = e.start <= 0.5 * e.threshold && e.reached != SIZE_MAX &&
                 e.held >= 250 && (double)e.held >= 2 * e.crossing &&
                 e.low >= 0.85 && e.high <= 1.35 &&
                 e.mean >= 0.95 && e.mean <= 1.2;
    char measured[160];
    snprintf(measured, sizeof measured, "$S_0/S^*=%.3f$; $S/S^*\\in"
             "[%.3f,%.3f]$ for $%zu$ steps, $%.1f$ crossings; mean $%.3f$ "
             "($%.2f\\cdot2/\\eta$)", e.start / e.threshold, e.low, e.high,
             e.held, (double)e.held / e.crossing, e.mean, e.mean * 1.5);
    claim_report("edge-momentum",
                 "with heavy ball the sharpness settles at 2(1+beta)/eta",
                 measured, "$0.5$; $[0.85,1.35]$, $250$, $2$; $[0.95,1.2]$",
                 holds);
    descent_samples_free(&data);
    assert_true(holds);
}
static void minibatch_sharpness(const descent_samples *data, size_t batch,
                                double *ratio, size_t *count)
{
    descent_edge_run run = {.hidden = {32, 32}, .scale = 0.5, .eta = 0.35,
                            .batch = batch, .steps = 1000, .every = 50,
                            .seed = 1};
    descent_sharpness_recorder rec;
    descent_error error;
    REQUIRE(descent_edge_train(data, &run, &rec, &error), error);
    assert_int_equal(rec.unconverged, 0);
    for (size_t j = 0; j < rec.measured; j++)
        ratio[j] = rec.sharpness[j] * 0.35 / 2;
    *count = rec.measured;
    descent_sharpness_recorder_free(&rec);
}

static void claim_edge_minibatch(void **state)
{
    (void)state;
    descent_samples data;
    descent_error error;
    double small[21], large[21], high = 0, gap = INFINITY;
    size_t m[2];
    const edge_reading *full = edge_gd_readings() + 2;
    REQUIRE(descent_edge_samples(&data, EDGE_COUNT, 2, &error), error);
    minibatch_sharpness(&data, 25, small, m);
    minibatch_sharpness(&data, 50, large, m + 1);
    assert_true(m[0] == 21 && m[1] == 21 && edge_eta[2] == 0.35);
    for (size_t j = 1; j < 21; j++) {
        high = fmax(high, fmax(small[j], large[j]));
        if (j >= 5)                                    /* step 250 on */
            gap = fmin(gap, large[j] - small[j]);
    }
    bool holds = full->reached != SIZE_MAX && high <= 0.95 && gap > 0;
    printf("  full batch at 0.9 S* by step %zu; batches of 25 and 50: S/S* "
           "at most %.3f, batch 50 above batch 25 by at least %.3f; at "
           "step 1000: %.3f and %.3f\n", full->reached, high, gap,
           small[20], large[20]);
    char measured[160];
    snprintf(measured, sizeof measured, "full batch at $0.9S^*$ by step "
             "%zu; $S/S^*\\le%.3f$; batch 50 above 25 by $\\ge%.3f$",
             full->reached, high, gap);
    claim_report("edge-minibatch",
                 "with minibatches the sharpness stays below 2/eta, the "
                 "lower the smaller the batch", measured,
                 "$0.95$; $>0$", holds);
    descent_samples_free(&data);
    assert_true(holds);
}
static descent_status diagonal_product(const double *v, double *Av,
                                       void *context, descent_error *error)
{
    (void)context;
    Av[0] = -100 * v[0];
    for (size_t i = 1; i < 50; i++)
        Av[i] = (double)i * v[i];
    error->status = DESCENT_OK;
    return DESCENT_OK;
}

static void edge_lanczos_exactly(void **state)
{
    (void)state;
    double y[50] = {0};
    descent_eigen_estimate e;
    descent_error error;
    descent_lanczos_options o = descent_lanczos_defaults();
    REQUIRE(descent_top_eigenvalue(50, diagonal_product, NULL, NULL, y, &e,
                                   &error), error);
    assert_true(fabs(e.value - 49) <= 1e-4 * 49 && e.converged);
    assert_true(e.residual <= 1e-4 * 49 && e.iterations <= 50);
    assert_true(fabs(fabs(y[49]) - 1) <= 1e-6);
    memset(y, 0, sizeof y);
    y[10] = 3;
    REQUIRE(descent_top_eigenvalue(50, diagonal_product, NULL, &o, y, &e,
                                   &error), error);
    assert_true(e.value == 10 && e.iterations == 1 && e.residual == 0);
    assert_true(fabs(y[10]) == 1);
    o.max_iterations = 3;
    o.tolerance = 1e-12;
    expect(descent_top_eigenvalue(50, diagonal_product, NULL, &o, NULL, &e,
                                  &error), error.message,
           DESCENT_MAX_ITERATIONS, "3 Lanczos steps");
    assert_true(e.iterations == 3 && !e.converged && e.value < 49 &&
                e.value > 20);
}
static void edge_product_on_a_quadratic(void **state)
{
    (void)state;
    descent_quadratic q;
    descent_error error;
    descent_hessian_operator op;
    double lambda[6] = {1, 2, 4, 8, 16, 32}, b[6] = {1, 0, -1, 2, 0, 3};
    double theta[6] = {0.5, -1, 2, 0, 1, -3}, v[6] = {1, 2, 3, -1, 0, 4};
    double Hv[6], Av[6], zero[6] = {0};
    REQUIRE(descent_quadratic_spectrum(&q, 6, lambda, b, 0, 3, &error),
            error);
    descent_objective f = descent_quadratic_objective(&q);
    for (int given = 0; given < 2; given++) {
        REQUIRE(descent_hessian_operator_init(&op, &f, theta,
                                              given ? 1e-3 : 0, &error),
                error);
        REQUIRE(descent_hessian_product(v, Hv, &op, &error), error);
        cblas_dgemv(CblasRowMajor, CblasNoTrans, 6, 6, 1, q.A, 6, v, 1, 0,
                    Av, 1);
        double gap = 0, size = 0;
        for (int i = 0; i < 6; i++) {
            gap = fmax(gap, fabs(Hv[i] - Av[i]));
            size = fmax(size, fabs(Av[i]));
        }
        assert_true(gap <= 1e-8 * size && op.products == 1);
        REQUIRE(descent_hessian_product(zero, Hv, &op, &error), error);
        for (int i = 0; i < 6; i++)
            assert_true(Hv[i] == 0);
        descent_hessian_operator_free(&op);
    }
    descent_quadratic_free(&q);
}
static void edge_model_product_on_a_linear_model(void **state)
{
    (void)state;
    enum { COUNT = 40, IN = 5 };
    const descent_layer_spec spec[2] = {{DESCENT_LAYER_DENSE, 3},
                                        {DESCENT_LAYER_L2, 0}};
    descent_samples data;
    descent_model model, small;
    descent_model_hessian mh;
    descent_random r;
    descent_error error;
    descent_eigen_estimate e;
    double C[(IN + 1) * (IN + 1)] = {0}, lambda[IN + 1], top = 0;
    double whole[3 * (IN + 1)], parts[3 * (IN + 1)], loss[2];
    REQUIRE(descent_samples_init(&data, COUNT, IN, 0, 3, &error), error);
    descent_random_seed(&r, 11);
    for (size_t i = 0; i < COUNT * IN; i++)
        data.x[i] = (float)descent_random_gaussian(&r);
    for (size_t i = 0; i < COUNT * 3; i++)
        data.targets[i] = (float)descent_random_gaussian(&r);
    for (size_t k = 0; k < COUNT; k++)             /* C = mean x~ x~^T */
        for (size_t i = 0; i <= IN; i++)
            for (size_t j = 0; j <= IN; j++)
                C[i * (IN + 1) + j] +=
                    (i < IN ? data.x[k * IN + i] : 1.0) *
                    (j < IN ? data.x[k * IN + j] : 1.0) / COUNT;
    REQUIRE(descent_symmetric_eigenvalues(IN + 1, C, lambda, &error), error);
    for (size_t i = 0; i <= IN; i++)
        top = fmax(top, lambda[i]);
    REQUIRE(descent_model_init(&model, IN, 2, spec, COUNT, &error), error);
    REQUIRE(descent_model_init_weights(&model, &r, &error), error);
    REQUIRE(descent_model_hessian_init(&mh, &model, &data, 0, &error),
            error);
    REQUIRE(descent_top_eigenvalue(model.parameters,
                                   descent_model_hessian_product, &mh, NULL,
                                   NULL, &e, &error), error);
    assert_true(fabs(e.value - top) <= 1e-3 * top);
    assert_true(mh.products == e.iterations);
    REQUIRE(descent_model_init(&small, IN, 2, spec, 7, &error), error);
    memcpy(small.theta, model.theta, model.parameters * sizeof(float));
    REQUIRE(descent_model_full_gradient(&model, &data, whole, loss, &error),
            error);
    REQUIRE(descent_model_full_gradient(&small, &data, parts, loss + 1,
                                        &error), error);
    for (size_t i = 0; i < model.parameters; i++)
        assert_true(fabs(whole[i] - parts[i]) <=
                    1e-5 * (1 + fabs(whole[i])));
    assert_true(fabs(loss[0] - loss[1]) <= 1e-5 * loss[0]);
    descent_model_hessian_free(&mh);
    descent_model_free(&small);
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void edge_samples_exactly(void **state)
{
    (void)state;
    descent_samples raw, s;
    descent_error error;
    REQUIRE(descent_fashion_mnist_load(&raw, true, 3, &error), error);
    REQUIRE(descent_edge_samples(&s, 3, 2, &error), error);
    assert_true(s.count == 3 && s.inputs == 196 && s.outputs == 10 &&
                s.classes == 0 && s.labels == NULL);
    for (size_t p = 0; p < 196; p++) {
        double block[3], mean = 0;
        size_t i = p / 14, j = p % 14;
        for (size_t k = 0; k < 3; k++) {
            const float *image = raw.x + k * 784;
            block[k] = (image[2 * i * 28 + 2 * j] +
                        image[2 * i * 28 + 2 * j + 1] +
                        image[(2 * i + 1) * 28 + 2 * j] +
                        image[(2 * i + 1) * 28 + 2 * j + 1]) / 4.0;
            mean += block[k] / 3;
        }
        for (size_t k = 0; k < 3; k++)
            assert_true(fabs(s.x[k * 196 + p] - (block[k] - mean)) <= 1e-6);
    }
    for (size_t k = 0; k < 3; k++)
        for (size_t c = 0; c < 10; c++)
            assert_true(s.targets[k * 10 + c] ==
                        (c == (size_t)raw.labels[k] ? 1.0f : 0.0f));
    descent_samples_free(&s);
    descent_samples_free(&raw);
}
static void edge_recorder_counts(void **state)
{
    (void)state;
    descent_samples data;
    descent_sharpness_recorder rec;
    descent_error error;
    descent_edge_run run = {.hidden = {8, 8}, .scale = 1, .eta = 0.01,
                            .steps = 10, .every = 5, .seed = 3};
    REQUIRE(descent_edge_samples(&data, 500, 4, &error), error);
    for (int twice = 0; twice < 2; twice++) {
        REQUIRE(descent_edge_train(&data, &run, &rec, &error), error);
        assert_true(rec.measured == 3 && rec.step[0] == 0 &&
                    rec.step[1] == 5 && rec.step[2] == 10);
        assert_true(rec.steps == (twice ? 15u : 10u));
        assert_true(rec.loss_capacity == run.steps);
        for (size_t k = 1; k < run.steps && !twice; k++)
            assert_true(rec.loss[k] < rec.loss[k - 1]);
        for (size_t j = 0; j < 3; j++)
            assert_true(rec.sharpness[j] > 0 && rec.residual[j] <=
                        1e-3 * rec.sharpness[j]);
        assert_null(rec.hessian.model);
        descent_sharpness_recorder_free(&rec);
        run.batch = 100;
        run.steps = 12;
    }
    descent_samples_free(&data);
}
static void train_twenty(descent_model *model, const descent_samples *data,
                         descent_sharpness_recorder *rec)
{
    descent_optimizer gd;
    descent_schedule eta;
    descent_random r;
    descent_error error;
    descent_random_seed(&r, 5);
    REQUIRE(descent_model_init_weights(model, &r, &error), error);
    REQUIRE(descent_sgd_init(&gd, model->parameters, 0.5, false, &error),
            error);
    REQUIRE(descent_schedule_init(&eta, DESCENT_SCHEDULE_CONSTANT, 0.1, 0, 0,
                                  &error), error);
    descent_train_options o = {
        .epochs = 20, .batch = data->count, .optimizer = &gd,
        .schedule = &eta, .quiet = true,
        .callback = rec != NULL ? descent_sharpness_hook : NULL,
        .context = rec};
    REQUIRE(descent_train(model, data, &o, NULL, &error), error);
    descent_optimizer_free(&gd);
}

static void edge_recorder_leaves_training_alone(void **state)
{
    (void)state;
    const descent_layer_spec spec[6] = {
        {DESCENT_LAYER_DENSE, 8}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, 8}, {DESCENT_LAYER_TANH, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_L2, 0}};
    descent_samples data;
    descent_model watched, alone;
    descent_sharpness_recorder rec;
    descent_error error;
    REQUIRE(descent_edge_samples(&data, 100, 4, &error), error);
    REQUIRE(descent_model_init(&watched, 49, 6, spec, 100, &error), error);
    REQUIRE(descent_model_init(&alone, 49, 6, spec, 100, &error), error);
    REQUIRE(descent_sharpness_recorder_init(&rec, &watched, &data, 5, 4, 20,
                                            &error), error);
    train_twenty(&watched, &data, &rec);
    train_twenty(&alone, &data, NULL);
    assert_true(rec.status == DESCENT_OK && rec.measured == 4 &&
                rec.steps == 20);
    assert_memory_equal(watched.theta, alone.theta,
                        watched.parameters * sizeof(float));
    descent_sharpness_recorder_free(&rec);
    descent_model_free(&watched);
    descent_model_free(&alone);
    descent_samples_free(&data);
}
static descent_status failing_product(const double *v, double *Av,
                                      void *context, descent_error *error)
{
    (void)v, (void)Av, (void)context;
    error->status = DESCENT_NONFINITE;
    snprintf(error->message, sizeof error->message, "the product's own "
             "complaint");
    return DESCENT_NONFINITE;
}

static descent_status nan_product(const double *v, double *Av,
                                  void *context, descent_error *error)
{
    (void)context;
    Av[0] = v[0];
    Av[1] = NAN;
    error->status = DESCENT_OK;
    return DESCENT_OK;
}

static double nan_gradient(const double *theta, double *g, void *context)
{
    (void)context;
    if (g != NULL)
        g[0] = theta[0] > 0 ? NAN : 1, g[1] = 0;
    return 0;
}
static void edge_bad_eigenvalue(void)
{
    const char *fn = "descent_top_eigenvalue";
    descent_lanczos_options o = descent_lanczos_defaults();
    descent_eigen_estimate e;
    descent_error error;
    double y[50] = {0}, nan_start[50] = {NAN};
    VALID("descent_lanczos_defaults", "the defaults pass the checks",
          descent_top_eigenvalue(50, diagonal_product, NULL, &o, NULL, &e,
                                 &error), error);
    VALID(fn, "NULL options are the defaults; a zero vector a random start",
          descent_top_eigenvalue(50, diagonal_product, NULL, NULL, y, &e,
                                 &error), error);
    BAD(fn, descent_top_eigenvalue(0, diagonal_product, NULL, &o, NULL, &e,
                                   &error), error, DESCENT_INVALID_ARGUMENT,
        "n = 0");
    BAD(fn, descent_top_eigenvalue(SIZE_MAX / 2, diagonal_product, NULL, &o,
                                   NULL, &e, &error), error,
        DESCENT_INVALID_ARGUMENT, "n = ");
    BAD(fn, descent_top_eigenvalue(50, NULL, NULL, &o, NULL, &e, &error),
        error, DESCENT_INVALID_ARGUMENT, "product is NULL");
    BAD(fn, descent_top_eigenvalue(50, diagonal_product, NULL, &o, NULL,
                                   NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "estimate is NULL");
    BAD(fn, descent_top_eigenvalue(50, diagonal_product, NULL, &o,
                                   nan_start, &e, &error), error,
        DESCENT_NONFINITE, "start vector");
    BAD(fn, descent_top_eigenvalue(50, failing_product, NULL, &o, NULL, &e,
                                   &error), error, DESCENT_NONFINITE,
        "product 1: the product's own complaint");
    BAD(fn, descent_top_eigenvalue(50, nan_product, NULL, &o, NULL, &e,
                                   &error), error, DESCENT_NONFINITE,
        "(Av)[1] = nan");
    o.max_iterations = 0;
    BAD(fn, descent_top_eigenvalue(50, diagonal_product, NULL, &o, NULL, &e,
                                   &error), error, DESCENT_INVALID_ARGUMENT,
        "options->max_iterations = 0");
    o = descent_lanczos_defaults();
    const double tolerances[4] = {0, -1, 1, NAN};
    for (int i = 0; i < 4; i++) {
        o.tolerance = tolerances[i];
        BAD(fn, descent_top_eigenvalue(50, diagonal_product, NULL, &o, NULL,
                                       &e, &error), error,
            DESCENT_INVALID_ARGUMENT, "options->tolerance = ");
    }
}
static void edge_bad_operator(void)
{
    const char *init = "descent_hessian_operator_init",
               *product = "descent_hessian_product";
    descent_quadratic q;
    descent_hessian_operator op, unmade = {0};
    descent_error error;
    double lambda[2] = {1, 3}, theta[2] = {1, 2}, bad[2] = {1, NAN};
    double v[2] = {1, 1}, Hv[2];
    REQUIRE(descent_quadratic_spectrum(&q, 2, lambda, NULL, 0, 1, &error),
            error);
    descent_objective f = descent_quadratic_objective(&q), none = f;
    descent_objective nan = {.n = 2, .evaluate = nan_gradient};
    none.n = 0;
    BAD(init, descent_hessian_operator_init(NULL, &f, theta, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "op is NULL");
    BAD(init, descent_hessian_operator_init(&op, NULL, theta, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "NULL");
    BAD(init, descent_hessian_operator_init(&op, &none, theta, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD(init, descent_hessian_operator_init(&op, &f, NULL, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(init, descent_hessian_operator_init(&op, &f, bad, 0, &error),
        error, DESCENT_NONFINITE, "theta is not finite");
    const double steps[3] = {-1, NAN, INFINITY};
    for (int i = 0; i < 3; i++)
        BAD(init, descent_hessian_operator_init(&op, &f, theta, steps[i],
                                                &error),
            error, DESCENT_INVALID_ARGUMENT, "h = ");
    SURVIVES("descent_hessian_operator_free", "NULL is ignored",
             descent_hessian_operator_free(NULL));
    SURVIVES("descent_hessian_operator_free", "an operator freed twice",
             (descent_hessian_operator_free(&unmade),
              descent_hessian_operator_free(&unmade)));
    REQUIRE(descent_hessian_operator_init(&op, &f, theta, 0, &error), error);
    BAD(product, descent_hessian_product(v, Hv, NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "(context) is NULL");
    BAD(product, descent_hessian_product(v, Hv, &unmade, &error), error,
        DESCENT_INVALID_ARGUMENT, "not made");
    BAD(product, descent_hessian_product(NULL, Hv, &op, &error), error,
        DESCENT_INVALID_ARGUMENT, "v is NULL");
    BAD(product, descent_hessian_product(v, NULL, &op, &error), error,
        DESCENT_INVALID_ARGUMENT, "Hv is NULL");
    BAD(product, descent_hessian_product(bad, Hv, &op, &error), error,
        DESCENT_NONFINITE, "v is not finite");
    descent_hessian_operator_free(&op);
    REQUIRE(descent_hessian_operator_init(&op, &nan, theta, 0, &error),
            error);
    BAD(product, descent_hessian_product(v, Hv, &op, &error), error,
        DESCENT_NONFINITE, "is not finite");
    descent_hessian_operator_free(&op);
    descent_quadratic_free(&q);
}
static void edge_bad_model(void)
{
    const char *init = "descent_model_hessian_init",
               *product = "descent_model_hessian_product",
               *full = "descent_model_full_gradient";
    const descent_layer_spec spec[2] = {{DESCENT_LAYER_DENSE, 2},
                                        {DESCENT_LAYER_L2, 0}};
    descent_samples data, wide, empty = {0};
    descent_model model, unmade = {0};
    descent_model_hessian mh, none = {0};
    descent_random r;
    descent_error error;
    double v[6] = {1, 0, 0, 0, 0, 0}, bad[6] = {NAN}, Hv[6], g[6], loss;
    REQUIRE(descent_samples_init(&data, 4, 2, 0, 2, &error), error);
    REQUIRE(descent_samples_init(&wide, 4, 3, 0, 2, &error), error);
    REQUIRE(descent_model_init(&model, 2, 2, spec, 4, &error), error);
    descent_random_seed(&r, 1);
    REQUIRE(descent_model_init_weights(&model, &r, &error), error);
    BAD(full, descent_model_full_gradient(NULL, &data, g, &loss, &error),
        error, DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(full, descent_model_full_gradient(&model, NULL, g, &loss, &error),
        error, DESCENT_INVALID_ARGUMENT, "data is NULL");
    BAD(full, descent_model_full_gradient(&model, &data, NULL, &loss,
                                          &error),
        error, DESCENT_INVALID_ARGUMENT, "g is NULL");
    BAD(full, descent_model_full_gradient(&model, &data, g, NULL, &error),
        error, DESCENT_INVALID_ARGUMENT, "loss is NULL");
    BAD(full, descent_model_full_gradient(&unmade, &data, g, &loss,
                                          &error),
        error, DESCENT_INVALID_ARGUMENT, "not made");
    BAD(full, descent_model_full_gradient(&model, &empty, g, &loss,
                                          &error),
        error, DESCENT_INVALID_ARGUMENT, "data->count = 0");
    BAD(full, descent_model_full_gradient(&model, &wide, g, &loss, &error),
        error, DESCENT_INVALID_ARGUMENT, "full gradient: model gradient:");
    BAD(init, descent_model_hessian_init(NULL, &model, &data, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "mh is NULL");
    BAD(init, descent_model_hessian_init(&mh, NULL, &data, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(init, descent_model_hessian_init(&mh, &model, NULL, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "data is NULL");
    BAD(init, descent_model_hessian_init(&mh, &model, &data, -1, &error),
        error, DESCENT_INVALID_ARGUMENT, "h = -1");
    BAD(init, descent_model_hessian_init(&mh, &model, &data, NAN, &error),
        error, DESCENT_INVALID_ARGUMENT, "h = nan");
    BAD(init, descent_model_hessian_init(&mh, &unmade, &data, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "not made");
    BAD(init, descent_model_hessian_init(&mh, &model, &wide, 0, &error),
        error, DESCENT_INVALID_ARGUMENT, "data->inputs");
    SURVIVES("descent_model_hessian_free", "NULL is ignored",
             descent_model_hessian_free(NULL));
    SURVIVES("descent_model_hessian_free", "one never made",
             descent_model_hessian_free(&none));
    REQUIRE(descent_model_hessian_init(&mh, &model, &data, 0, &error),
            error);
    BAD(product, descent_model_hessian_product(v, Hv, NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "(context) is NULL");
    BAD(product, descent_model_hessian_product(v, Hv, &none, &error), error,
        DESCENT_INVALID_ARGUMENT, "not made");
    BAD(product, descent_model_hessian_product(NULL, Hv, &mh, &error),
        error, DESCENT_INVALID_ARGUMENT, "v is NULL");
    BAD(product, descent_model_hessian_product(v, NULL, &mh, &error),
        error, DESCENT_INVALID_ARGUMENT, "Hv is NULL");
    BAD(product, descent_model_hessian_product(bad, Hv, &mh, &error),
        error, DESCENT_NONFINITE, "v is not finite");
    model.theta[0] = INFINITY;
    BAD(product, descent_model_hessian_product(v, Hv, &mh, &error), error,
        DESCENT_NONFINITE, "the loss is");
    assert_true(isinf(model.theta[0]));      /* the point is restored */
    descent_model_hessian_free(&mh);
    descent_model_free(&model);
    descent_samples_free(&data);
    descent_samples_free(&wide);
}
static void edge_bad_recorder(void)
{
    const char *init = "descent_sharpness_recorder_init",
               *measure = "descent_sharpness_measure";
    const descent_layer_spec spec[2] = {{DESCENT_LAYER_DENSE, 2},
                                        {DESCENT_LAYER_L2, 0}};
    descent_samples data;
    descent_model model;
    descent_sharpness_recorder rec, unmade = {0};
    descent_random r;
    descent_error error;
    REQUIRE(descent_samples_init(&data, 4, 2, 0, 2, &error), error);
    for (size_t i = 0; i < 8; i++)
        data.x[i] = (float)i / 8;
    REQUIRE(descent_model_init(&model, 2, 2, spec, 4, &error), error);
    descent_random_seed(&r, 1);
    REQUIRE(descent_model_init_weights(&model, &r, &error), error);
    BAD(init, descent_sharpness_recorder_init(NULL, &model, &data, 1, 1, 1,
                                              &error),
        error, DESCENT_INVALID_ARGUMENT, "rec is NULL");
    BAD(init, descent_sharpness_recorder_init(&rec, &model, &data, 0, 1, 1,
                                              &error),
        error, DESCENT_INVALID_ARGUMENT, "every = 0");
    BAD(init, descent_sharpness_recorder_init(&rec, &model, &data, 1, 0, 1,
                                              &error),
        error, DESCENT_INVALID_ARGUMENT, "capacity = 0");
    BAD(init, descent_sharpness_recorder_init(&rec, &model, &data, 1,
                                              SIZE_MAX, 1, &error),
        error, DESCENT_INVALID_ARGUMENT, "capacity = ");
    BAD(init, descent_sharpness_recorder_init(&rec, &model, &data, 1, 1,
                                              SIZE_MAX, &error),
        error, DESCENT_INVALID_ARGUMENT, "steps = ");
    BAD(init, descent_sharpness_recorder_init(&rec, NULL, &data, 1, 1, 1,
                                              &error),
        error, DESCENT_INVALID_ARGUMENT, "model is NULL");
    SURVIVES("descent_sharpness_recorder_free", "NULL is ignored",
             descent_sharpness_recorder_free(NULL));
    SURVIVES("descent_sharpness_recorder_free", "one never made",
             descent_sharpness_recorder_free(&unmade));
    SURVIVES("descent_sharpness_hook", "a NULL context is ignored",
             descent_sharpness_hook(0, 1, NULL));
    SURVIVES("descent_sharpness_hook", "a recorder never made is ignored",
             descent_sharpness_hook(0, 1, &unmade));
    BAD(measure, descent_sharpness_measure(NULL, 0, &error), error,
        DESCENT_INVALID_ARGUMENT, "recorder is NULL");
    BAD(measure, descent_sharpness_measure(&unmade, 0, &error), error,
        DESCENT_INVALID_ARGUMENT, "not made");
    REQUIRE(descent_sharpness_recorder_init(&rec, &model, &data, 1, 1, 2,
                                            &error), error);
    VALID(measure, "a measurement while there is room",
          descent_sharpness_measure(&rec, 0, &error), error);
    BAD(measure, descent_sharpness_measure(&rec, 1, &error), error,
        DESCENT_INVALID_ARGUMENT, "full (capacity = 1)");
    SURVIVES("descent_sharpness_hook", "a full recorder keeps losses only",
             descent_sharpness_hook(0, 1, &rec));
    assert_true(rec.measured == 1 && rec.steps == 1 && rec.loss[0] == 1);
    descent_sharpness_recorder_free(&rec);
    descent_model_free(&model);
    descent_samples_free(&data);
}
static void edge_bad_run(void)
{
    const char *samples = "descent_edge_samples", *train = "descent_edge_train";
    descent_samples s, data, labelled;
    descent_sharpness_recorder rec;
    descent_error error;
    descent_edge_run good = {.hidden = {4, 4}, .scale = 1, .eta = 0.1,
                             .steps = 2, .every = 1, .seed = 1};
    descent_edge_run run = good;
    BAD(samples, descent_edge_samples(NULL, 10, 2, &error), error,
        DESCENT_INVALID_ARGUMENT, "s is NULL");
    BAD(samples, descent_edge_samples(&s, 0, 2, &error), error,
        DESCENT_INVALID_ARGUMENT, "count = 0");
    BAD(samples, descent_edge_samples(&s, 60001, 2, &error), error,
        DESCENT_INVALID_ARGUMENT, "count = 60001");
    BAD(samples, descent_edge_samples(&s, 10, 0, &error), error,
        DESCENT_INVALID_ARGUMENT, "pool = 0");
    BAD(samples, descent_edge_samples(&s, 10, 3, &error), error,
        DESCENT_INVALID_ARGUMENT, "pool = 3");
    const char *folder = getenv("DESCENT_FASHION_MNIST");
    char *saved = folder != NULL ? strdup(folder) : NULL;
    setenv("DESCENT_FASHION_MNIST", "/nonexistent/descent", 1);
    BAD(samples, descent_edge_samples(&s, 10, 2, &error), error,
        DESCENT_DATA_ERROR, "cannot be opened");
    if (saved != NULL)
        setenv("DESCENT_FASHION_MNIST", saved, 1);
    else
        unsetenv("DESCENT_FASHION_MNIST");
    free(saved);
    REQUIRE(descent_edge_samples(&data, 20, 7, &error), error);
    REQUIRE(descent_fashion_mnist_load(&labelled, true, 20, &error), error);
    VALID(train, "a small run",
          descent_edge_train(&data, &run, &rec, &error), error);
    descent_sharpness_recorder_free(&rec);
    BAD(train, descent_edge_train(NULL, &run, &rec, &error), error,
        DESCENT_INVALID_ARGUMENT, "data is NULL");
    BAD(train, descent_edge_train(&data, NULL, &rec, &error), error,
        DESCENT_INVALID_ARGUMENT, "run is NULL");
    BAD(train, descent_edge_train(&data, &run, NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "rec is NULL");
    BAD(train, descent_edge_train(&labelled, &run, &rec, &error), error,
        DESCENT_INVALID_ARGUMENT, "no targets");
    struct { descent_edge_run run; const char *fragment; } bad[] = {
        {good, "run->hidden[0] = 0"}, {good, "run->hidden[1] = 0"},
        {good, "run->scale = 0"}, {good, "run->scale = nan"},
        {good, "run->eta = 0"}, {good, "run->eta = inf"},
        {good, "run->beta = -0.1"}, {good, "run->beta = 1"},
        {good, "run->batch = 21"}, {good, "run->steps = 0"},
        {good, "run->every = 0"}};
    bad[0].run.hidden[0] = 0;
    bad[1].run.hidden[1] = 0;
    bad[2].run.scale = 0;
    bad[3].run.scale = NAN;
    bad[4].run.eta = 0;
    bad[5].run.eta = INFINITY;
    bad[6].run.beta = -0.1;
    bad[7].run.beta = 1;
    bad[8].run.batch = 21;
    bad[9].run.steps = 0;
    bad[10].run.every = 0;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        BAD(train, descent_edge_train(&data, &bad[i].run, &rec, &error), error,
            DESCENT_INVALID_ARGUMENT, bad[i].fragment);
    run = good;
    run.eta = 1e4;
    run.steps = 50;
    BAD(train, descent_edge_train(&data, &run, &rec, &error), error,
        DESCENT_NONFINITE, "the loss is");
    descent_samples_free(&data);
    descent_samples_free(&labelled);
}
static void edge_bad_input(void **state)
{
    (void)state;
    edge_bad_eigenvalue();
    edge_bad_operator();
    edge_bad_model();
    edge_bad_recorder();
    edge_bad_run();
    bad_input_table("bad-input-07-edge-table");
}

void openblas_set_num_threads(int threads);

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_edge_lanczos),
        cmocka_unit_test(claim_edge_sharpening),
        cmocka_unit_test(claim_edge_monotone),
        cmocka_unit_test(claim_edge_momentum),
        cmocka_unit_test(claim_edge_minibatch),
        cmocka_unit_test(edge_lanczos_exactly),
        cmocka_unit_test(edge_product_on_a_quadratic),
        cmocka_unit_test(edge_model_product_on_a_linear_model),
        cmocka_unit_test(edge_samples_exactly),
        cmocka_unit_test(edge_recorder_counts),
        cmocka_unit_test(edge_recorder_leaves_training_alone),
        cmocka_unit_test(edge_bad_input),
    };
    openblas_set_num_threads(1);         /* small products: threads cost more */
    return cmocka_run_group_tests_name(
        "chapter 7: the edge of stability", tests, NULL, NULL);
}
