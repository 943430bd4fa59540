/* 06-backprop.c: generated from chapters/06-backprop.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"
#include "network.h"

static void random_numbers(size_t n, int distribution, unsigned seed,
                           double *x)
{
    descent_random r;
    descent_error error;
    descent_random_seed(&r, seed);
    REQUIRE(descent_random_fill(&r, n, x, distribution, &error), error);
}
typedef struct four_points {
    double x[8], t[4];
    descent_dataset data;
} four_points;

static void make_points(four_points *p, double spoiler)
{
    const double x[8] = {1, 0, 0, 1, -1, 0, 0, -spoiler};
    const double t[4] = {0.95, 0.95, 0.05, 0.95};
    memcpy(p->x, x, sizeof x);
    memcpy(p->t, t, sizeof t);
    p->data = (descent_dataset){4, 2, 1, p->x, p->t};
}

static bool separated(const double *outputs)
{
    return outputs[0] > 0.5 && outputs[1] > 0.5 && outputs[2] < 0.5 &&
           outputs[3] > 0.5;
}
static void perceptron_labels(four_points *p)
{
    for (int i = 0; i < 4; i++)
        p->t[i] = p->t[i] > 0.5;
}
typedef struct neuron {
    descent_network net;
    descent_network_problem problem;
    descent_objective f;
} neuron;

static void make_neuron(neuron *n, const descent_dataset *data)
{
    const size_t sizes[2] = {2, 1};
    descent_error e;
    REQUIRE(descent_network_init(&n->net, 1, sizes, DESCENT_LOGISTIC,
                                 DESCENT_LOGISTIC, &e), e);
    REQUIRE(descent_network_problem_init(&n->problem, &n->net, data,
                                         DESCENT_L2, &e), e);
    n->f = descent_network_objective(&n->problem);
}

static descent_result train(neuron *n, double *w, size_t iterations)
{
    descent_step_schedule schedule;
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 1);
    descent_options options = descent_default_options();
    descent_result result;
    options.max_iterations = iterations;
    descent_minimize(&n->f, &sd, &step, &options, w, &result);
    return result;
}
static double smallest_curvature(descent_objective *f, const double *w)
{
    double H[9], x[3], up[3], down[3], lambda[3];
    descent_error e;
    for (int j = 0; j < 3; j++) {
        double h = 1e-5 * fmax(1, fabs(w[j]));
        memcpy(x, w, sizeof x);
        x[j] = w[j] + h;
        descent_value_gradient(f, x, up);
        x[j] = w[j] - h;
        descent_value_gradient(f, x, down);
        for (int i = 0; i < 3; i++)
            H[i * 3 + j] = (up[i] - down[i]) / (2 * h);
    }
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < i; j++)
            H[i * 3 + j] = H[j * 3 + i] = 0.5 * (H[i * 3 + j] + H[j * 3 + i]);
    REQUIRE(descent_symmetric_eigenvalues(3, H, lambda, &e), e);
    return lambda[0];
}
static double tiny_norm(const double *g)
{
    double largest = fmax(fmax(fabs(g[0]), fabs(g[1])), fabs(g[2]));
    if (largest == 0)
        return 0;
    double a = g[0] / largest, b = g[1] / largest, c = g[2] / largest;
    return largest * sqrt(a * a + b * b + c * c);
}

static double log_contribution(const double *w, double t)
{
    double z = -w[1] * t + w[2];
    double sigma = exp(z) / (1 + exp(z));
    return log(0.95 - sigma) + z - 2 * log1p(exp(z)) +
           0.5 * log(t * t + 1);
}
enum { DISC_POINTS = 25 };

typedef struct disc_points {
    double x[2 * (DISC_POINTS + 1)], t[DISC_POINTS + 1];
    descent_dataset near, spoiled;
} disc_points;

static void make_disc(disc_points *d, double spoiler)
{
    for (int i = 0; i < DISC_POINTS; i++) {
        double x1 = -1 + 0.5 * (i / 5), x2 = -1 + 0.5 * (i % 5);
        d->x[2 * i] = x1;
        d->x[2 * i + 1] = x2;
        d->t[i] = x1 * x1 + x2 * x2 < 0.5 ? 0.95 : 0.05;
    }
    d->x[2 * DISC_POINTS] = 0;
    d->x[2 * DISC_POINTS + 1] = -spoiler;
    d->t[DISC_POINTS] = 0.95;
    d->near = (descent_dataset){DISC_POINTS, 2, 1, d->x, d->t};
    d->spoiled = (descent_dataset){DISC_POINTS + 1, 2, 1, d->x, d->t};
}
static void train_small_network(const descent_dataset *data,
                                double *theta, double *outputs)
{
    const size_t sizes[3] = {2, 4, 1};
    neuron n;
    descent_error e;
    REQUIRE(descent_network_init(&n.net, 2, sizes, DESCENT_LOGISTIC,
                                 DESCENT_LOGISTIC, &e), e);
    REQUIRE(descent_network_problem_init(&n.problem, &n.net, data,
                                         DESCENT_L2, &e), e);
    n.f = descent_network_objective(&n.problem);
    train(&n, theta, 20000);
    REQUIRE(descent_network_outputs(&n.problem, theta, outputs, &e), e);
    descent_network_problem_free(&n.problem);
}
static double ulps(double a, double b)
{
    if (a == b)
        return 0;
    return fabs(a - b) / (nextafter(fabs(a), INFINITY) - fabs(a));
}
static const size_t huge[4] = {(size_t)1 << 61, (size_t)1 << 60, SIZE_MAX,
                               (size_t)INT_MAX + 1};
static const double nonfinite[3] = {NAN, INFINITY, -INFINITY};
enum { BAD_SHAPES = 15 };

static descent_dataset bad_shape(const descent_dataset *good, int c,
                                 char *fragment, size_t size)
{
    static const char *const names[3] = {"count", "inputs", "outputs"};
    descent_dataset bad = *good;
    size_t *counts[3] = {&bad.count, &bad.inputs, &bad.outputs};
    *counts[c / 5] = c % 5 == 0 ? 0 : huge[c % 5 - 1];
    snprintf(fragment, size, "data->%s = %zu", names[c / 5],
             *counts[c / 5]);
    return bad;
}
static double trap(const double *theta, double *g, void *context)
{
    int mode = *(const int *)context;
    if (g != NULL) {
        g[0] = theta[0];
        g[1] = mode == 1 ? NAN : theta[1];
    }
    if (mode == 0 || (mode == 2 && theta[1] > 1))
        return NAN;
    return 0.5 * (theta[0] * theta[0] + theta[1] * theta[1]);
}
static void claim_perceptron_updates(void **state)
{
    int exact = 0;
    size_t most = 0;
    descent_error e;
    (void)state;
    for (int t = 1; t <= 1000; t++) {
        four_points p;
        double w[3] = {0, 0, 0};
        size_t updates;
        make_points(&p, t);
        perceptron_labels(&p);
        REQUIRE(descent_perceptron(&p.data, w, 2 * (size_t)t + 10, &updates,
                                   &e), e);
        exact += updates == (size_t)t + (t % 3 == 0 ? 3 : 4);
        most = updates > most ? updates : most;
    }
    char measured[64];
    snprintf(measured, sizeof measured,
             "%d of 1000 counts as predicted, the largest %zu", exact, most);
    claim_report("perceptron-updates",
                 "from $w=0$ the perceptron needs $t+3$ or $t+4$ updates",
                 measured, "all 1000", exact == 1000);
    assert_int_equal(exact, 1000);
}
static double check_configuration(size_t layers, const size_t *sizes,
                                  descent_activation hidden,
                                  descent_activation output,
                                  descent_divergence divergence,
                                  unsigned seed)
{
    enum { m = 7 };
    size_t in = sizes[0], out = sizes[layers];
    double x[m * 8], t[m * 8], theta[200], worst;
    descent_network net;
    descent_network_problem p;
    descent_error e;
    random_numbers(m * in, DESCENT_GAUSSIAN, seed, x);
    random_numbers(m * out, DESCENT_UNIFORM, seed + 1, t);
    if (divergence == DESCENT_CROSS_ENTROPY)
        for (size_t i = 0; i < m * out; i++)
            t[i] = t[i] > 0.5;
    REQUIRE(descent_network_init(&net, layers, sizes, hidden, output, &e),
            e);
    random_numbers(net.parameters, DESCENT_GAUSSIAN, seed + 2, theta);
    descent_dataset data = {m, in, out, x, t};
    REQUIRE(descent_network_problem_init(&p, &net, &data, divergence, &e),
            e);
    descent_objective f = descent_network_objective(&p);
    REQUIRE(descent_gradient_check(&f, theta, &worst, NULL, NULL, &e), e);
    descent_network_problem_free(&p);
    return worst;
}
static void claim_gradient_check(void **state)
{
    const size_t neuron[2] = {3, 1}, deep[4] = {3, 5, 4, 2};
    double worst = 0;
    unsigned seed = 1;
    (void)state;
    for (int d = 0; d < 2; d++, seed += 3)
        worst = fmax(worst, check_configuration(1, neuron, DESCENT_LOGISTIC,
                                                DESCENT_LOGISTIC,
                                                (descent_divergence)d,
                                                seed));
    for (int h = 0; h < 2; h++)
        for (int o = 0; o < 2; o++)
            for (int d = 0; d < 2; d++, seed += 3) {
                descent_activation output = o ? DESCENT_IDENTITY
                                              : DESCENT_LOGISTIC;
                if (d == DESCENT_CROSS_ENTROPY && o)
                    continue;   /* cross-entropy needs a logistic output */
                worst = fmax(worst, check_configuration(
                                        3, deep, (descent_activation)h,
                                        output, (descent_divergence)d,
                                        seed));
            }
    bool holds = claim_report_at_most(
        "gradient-check",
        "backpropagation agrees with central differences", worst, 1e-6);
    assert_true(holds);
}
static double misgraded(const double *x, double *g, void *context)
{
    double c = *(const double *)context;
    if (g != NULL) {
        g[0] = x[0];
        g[1] = 1e-6;
        g[2] = 1.1 * x[2];
    }
    return c + 0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
}

static double half_square(const double *x, double *g, void *context)
{
    (void)context;
    if (g != NULL)
        memcpy(g, x, 3 * sizeof *x);
    return 0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
}

static double first_misgraded(const double *x, double *g, void *context)
{
    double value = half_square(x, g, context);
    if (g != NULL)
        g[0] *= 1.1;
    return value;
}

static void gradient_check_report(void **state)
{
    const double offsets[2] = {0.25, 99.375};
    double theta[3] = {0.5, 0, 1}, relative[3], worst;
    size_t where;
    descent_error e;
    (void)state;
    for (int i = 0; i < 2; i++) {
        double c = offsets[i];
        descent_objective f = {.n = 3, .evaluate = misgraded, .context = &c,
                               .name = "misgraded"};
        double value = descent_value(&f, theta);
        double tau = 1e-4 * fmax(1, fabs(value));
        relative[0] = relative[1] = relative[2] = NAN;
        REQUIRE(descent_gradient_check(&f, theta, &worst, &where, relative,
                                       &e), e);
        assert_true(relative[0] <= 1e-8);
        assert_true(fabs(relative[1] / (1e-6 / tau) - 1) <= 1e-12);
        assert_true(fabs(relative[2] / (0.1 / 1.1) - 1) <= 1e-6);
        assert_true(worst == fmax(fmax(relative[0], relative[1]), relative[2]));
        assert_true(relative[where] == worst);
    }
    double far[3] = {1e8, -3e7, 2e7};
    descent_objective bowl = {.n = 3, .evaluate = half_square, .name = "bowl"};
    REQUIRE(descent_gradient_check(&bowl, far, &worst, NULL, NULL, &e), e);
    assert_true(worst <= 1e-8);
    double near[3] = {1, 0.5, 0.25};
    descent_objective first = {.n = 3, .evaluate = first_misgraded,
                               .name = "first misgraded"};
    REQUIRE(descent_gradient_check(&first, near, &worst, &where, NULL, &e), e);
    assert_true(where == 0 && fabs(worst / (0.1 / 1.1) - 1) <= 1e-6);
}
static void forward_pass_written_out(void **state)
{
    enum { m = 5, in = 3, hid = 4, out = 2 };
    const size_t sizes[3] = {in, hid, out};
    double x[m * in], t[m * out], theta[26], y[m * out], outputs[m * out];
    double e2 = 0, ce = 0;
    int negative = 0, positive = 0;
    descent_network net;
    descent_error e;
    (void)state;
    random_numbers(m * in, DESCENT_SYMMETRIC, 61, x);
    random_numbers(m * out, DESCENT_UNIFORM, 62, t);
    for (int k = 0; k < m * out; k++)
        t[k] = t[k] > 0.5;
    REQUIRE(descent_network_init(&net, 2, sizes, DESCENT_RELU,
                                 DESCENT_LOGISTIC, &e), e);
    assert_int_equal(net.parameters, 26);
    random_numbers(net.parameters, DESCENT_SYMMETRIC, 63, theta);
    const double *W1 = theta, *b1 = theta + hid * in;
    const double *W2 = b1 + hid, *b2 = W2 + out * hid;
    for (int i = 0; i < m; i++) {
        double a1[hid];
        for (int j = 0; j < hid; j++) {
            double z = b1[j];
            for (int k = 0; k < in; k++)
                z += W1[j * in + k] * x[i * in + k];
            negative += z < 0;
            positive += z > 0;
            a1[j] = z > 0 ? z : 0;
        }
        for (int r = 0; r < out; r++) {
            double z = b2[r];
            for (int j = 0; j < hid; j++)
                z += W2[r * hid + j] * a1[j];
            double yr = 1 / (1 + exp(-z)), tr = t[i * out + r];
            y[i * out + r] = yr;
            e2 += 0.5 * (yr - tr) * (yr - tr);
            ce -= tr * log(yr) + (1 - tr) * log(1 - yr);
        }
    }
    assert_true(negative > 0 && positive > 0);
    descent_dataset data = {m, in, out, x, t};
    for (int d = 0; d < 2; d++) {
        descent_network_problem p;
        REQUIRE(descent_network_problem_init(&p, &net, &data,
                                             (descent_divergence)d, &e), e);
        descent_objective f = descent_network_objective(&p);
        double want = d == DESCENT_L2 ? e2 : ce;
        assert_true(fabs(descent_value(&f, theta) - want) <= 1e-12 * want);
        REQUIRE(descent_network_outputs(&p, theta, outputs, &e), e);
        for (int k = 0; k < m * out; k++)
            assert_true(fabs(outputs[k] - y[k]) <= 1e-12 * y[k]);
        descent_network_problem_free(&p);
    }
}
static double hessian_error(descent_objective *f, const double *theta)
{
    enum { most = 8 };
    size_t n = f->n;
    double H[most * most], x[most], g_up[most], g_down[most];
    double largest = 0, worst = 0;
    descent_error e;
    assert_true(n <= most);
    REQUIRE(descent_hessian(f, theta, H, &e), e);
    for (size_t k = 0; k < n * n; k++)
        largest = fmax(largest, fabs(H[k]));
    double smallest = 1e-4 * fmax(1, largest);
    memcpy(x, theta, n * sizeof *x);
    for (size_t i = 0; i < n; i++) {
        double h = cbrt(DBL_EPSILON) * fmax(1, fabs(theta[i]));
        double up = theta[i] + h, down = theta[i] - h;
        x[i] = up;
        descent_value_gradient(f, x, g_up);
        x[i] = down;
        descent_value_gradient(f, x, g_down);
        x[i] = theta[i];
        for (size_t j = 0; j < n; j++) {
            double estimate = (g_up[j] - g_down[j]) / (up - down);
            double exact = H[i * n + j];
            worst = fmax(worst, fabs(exact - estimate) /
                                    fmax(fmax(fabs(exact), fabs(estimate)),
                                         smallest));
        }
    }
    return worst;
}

static void check_derivatives(descent_objective *f, unsigned seed,
                              double *gradient_worst, double *hessian_worst)
{
    double theta[8], worst;
    descent_error e;
    for (unsigned point = 0; point < 5; point++) {
        random_numbers(f->n, DESCENT_SYMMETRIC, seed + point, theta);
        cblas_dscal((int)f->n, 2, theta, 1);
        REQUIRE(descent_gradient_check(f, theta, &worst, NULL, NULL, &e), e);
        *gradient_worst = fmax(*gradient_worst, worst);
        *hessian_worst = fmax(*hessian_worst, hessian_error(f, theta));
    }
}

static void test_problem_derivatives(void **state)
{
    const size_t sizes[3] = {2, 3, 7};
    const double ab[3][2] = {{1, 100}, {2, 5}, {-0.5, 1}};
    double gradient = 0, hessian = 0, lambda[5], b[5];
    unsigned seed = 100;
    descent_error e;
    (void)state;
    for (int s = 0; s < 3; s++)
        for (int p = 0; p < 3; p++, seed += 5) {
            descent_rosenbrock r;
            REQUIRE(descent_rosenbrock_init(&r, sizes[s], ab[p][0], ab[p][1],
                                            &e), e);
            descent_objective f = descent_rosenbrock_objective(&r);
            check_derivatives(&f, seed, &gradient, &hessian);
        }
    for (int definite = 0; definite < 2; definite++, seed += 5) {
        descent_quadratic q;
        random_numbers(5, DESCENT_GAUSSIAN, seed, lambda);
        for (int i = 0; i < 5; i++)
            lambda[i] = definite ? 1 + fabs(lambda[i]) : 3 * lambda[i];
        random_numbers(5, DESCENT_GAUSSIAN, seed + 1, b);
        REQUIRE(descent_quadratic_spectrum(&q, 5, lambda, b, 0.5, seed, &e),
                e);
        descent_objective f = descent_quadratic_objective(&q);
        check_derivatives(&f, seed, &gradient, &hessian);
        descent_quadratic_free(&q);
    }
    descent_objective fixed[3] = {descent_cubic_objective(),
                                  descent_monkey_saddle_objective(),
                                  descent_two_wells_objective()};
    for (int i = 0; i < 3; i++, seed += 5)
        check_derivatives(&fixed[i], seed, &gradient, &hessian);
    print_message("  test problems: worst relative error %.2g (gradients), "
                  "%.2g (Hessians)\n", gradient, hessian);
    assert_true(gradient <= 1e-6);
    assert_true(hessian <= 1e-6);
}
static void claim_perceptron_bound(void **state)
{
    const double spoilers[2] = {100, 1000};
    double u[3] = {1, 0, 0.25};
    int good = 0, runs = 0;
    descent_error e;
    (void)state;
    cblas_dscal(3, 1 / cblas_dnrm2(3, u, 1), u, 1);
    for (int s = 0; s < 2; s++) {
        four_points p;
        make_points(&p, spoilers[s]);
        double gamma = INFINITY, radius = 0;
        for (int i = 0; i < 4; i++) {
            double y = 2 * p.t[i] - 1 > 0 ? 1 : -1;
            double xt[3] = {p.x[2 * i], p.x[2 * i + 1], 1};
            gamma = fmin(gamma, y * cblas_ddot(3, u, 1, xt, 1));
            radius = fmax(radius, cblas_dnrm2(3, xt, 1));
        }
        for (int i = 0; i < 4; i++)
            p.t[i] = p.t[i] > 0.5;   /* the perceptron's labels */
        for (unsigned r = 0; r < 100; r++, runs++) {
            double w[3], outputs[4];
            size_t updates;
            random_numbers(3, DESCENT_SYMMETRIC, 500 + r, w);
            double a = cblas_ddot(3, w, 1, u, 1), w0 = cblas_ddot(3, w, 1, w, 1);
            double c = radius * radius - 2 * a * gamma;
            double most = (c + sqrt(c * c - 4 * gamma * gamma * (a * a - w0))) /
                          (2 * gamma * gamma);
            assert_true(most >= 1 && most < 1e12);
            descent_status status = descent_perceptron(&p.data, w, (size_t)most + 1,
                                                       &updates, &e);
            for (int i = 0; i < 4; i++)
                outputs[i] = w[0] * p.x[2 * i] + w[1] * p.x[2 * i + 1] + w[2] > 0;
            good += status == DESCENT_OK && separated(outputs) &&
                    (double)updates <= most;
        }
    }
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d within the bound", good,
             runs);
    snprintf(bound, sizeof bound, "all %d", runs);
    claim_report("perceptron-bound",
                 "the perceptron separates the four points within "
                 "Novikoff's bound", measured, bound, good == runs);
    assert_int_equal(good, runs);
}
static void claim_spoiler_minimum(void **state)
{
    four_points p;
    neuron n;
    int runs = 200, unseparated = 0, spoiler = 0;
    double distance = 0, curvature_error = 0;
    const double ell = log(0.95 / 0.05);
    const double curvature = pow(0.95 * 0.05, 2) * (2 - sqrt(2));
    (void)state;
    make_points(&p, 1000);
    make_neuron(&n, &p.data);
    double minimum[3] = {ell, ell, 0}, g[3];
    descent_value_gradient(&n.f, minimum, g);
    assert_true(cblas_dnrm2(3, g, 1) <= 1e-15);
    for (int r = 0; r < runs; r++) {
        double w[3], outputs[4];
        descent_error e;
        random_numbers(3, DESCENT_SYMMETRIC, 1000 + (unsigned)r, w);
        cblas_dscal(3, 0.1, w, 1);
        train(&n, w, 200000);
        REQUIRE(descent_network_outputs(&n.problem, w, outputs, &e), e);
        unseparated += !separated(outputs);
        if (outputs[3] < 0.5) {
            double away[3] = {w[0] - ell, w[1] - ell, w[2]};
            double off = fabs(smallest_curvature(&n.f, w) / curvature - 1);
            spoiler++;
            distance = fmax(distance, cblas_dnrm2(3, away, 1));
            curvature_error = fmax(curvature_error, off);
        }
    }
    double separating[3] = {2 * ell, 0, ell}, outputs[4];
    descent_error e;
    double better = descent_value(&n.f, separating);
    REQUIRE(descent_network_outputs(&n.problem, separating, outputs, &e), e);
    bool holds = unseparated >= runs - 5 && 10 * spoiler >= 9 * runs &&
                 distance <= 1e-4 && curvature_error <= 1e-3 &&
                 separated(outputs) && better < 0.45;
    char measured[256], d_text[40], c_text[40];
    claim_format(d_text, sizeof d_text, distance);
    claim_format(c_text, sizeof c_text, curvature_error);
    snprintf(measured, sizeof measured,
             "%d of %d runs fail and %d misclassify the spoiler, all "
             "within %s of $(\\ell,\\ell,0)$ with $\\lambda_{\\min}$ off "
             "by %s",
             unseparated, runs, spoiler, d_text, c_text);
    claim_report("spoiler-minimum",
                 "backprop ends at a strict local minimum that misclassifies "
                 "the spoiler", measured,
                 "at most 5 runs separate and at least 180 misclassify the "
                 "spoiler, "
                 "within $10^{-4}$ with $\\lambda_{\\min}$ off by $10^{-3}$",
                 holds);
    assert_true(holds);
    descent_network_problem_free(&n.problem);
}
static void claim_spoiler_decay(void **state)
{
    four_points three;
    neuron n3;
    double w[3] = {0, 0, 0}, agreement = 0, slope_error, g[3];
    (void)state;
    make_points(&three, 0);
    three.data.count = 3;
    make_neuron(&n3, &three.data);
    descent_result r = train(&n3, w, 200000);
    assert_true(r.gradient_norm <= 1e-8);
    for (double t = 1; t <= 200; t += 1) {
        double x[2] = {0, -t}, target = 0.95;
        descent_dataset one = {1, 2, 1, x, &target};
        neuron n1;
        make_neuron(&n1, &one);
        descent_value_gradient(&n1.f, w, g);
        double computed = log(tiny_norm(g));
        agreement = fmax(agreement, fabs(computed - log_contribution(w, t)));
        descent_network_problem_free(&n1.problem);
    }
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int points = 0;
    for (double t = 100; t <= 250; t += 10, points++) {
        double x[2] = {0, -t}, target = 0.95;
        descent_dataset one = {1, 2, 1, x, &target};
        neuron n1;
        make_neuron(&n1, &one);
        descent_value_gradient(&n1.f, w, g);
        double y = log(tiny_norm(g)) - log(t);
        sx += t, sy += y, sxx += t * t, sxy += t * y;
        descent_network_problem_free(&n1.problem);
    }
    double slope = (points * sxy - sx * sy) / (points * sxx - sx * sx);
    slope_error = fabs(slope + w[1]) / w[1];
    bool vanished = true;
    for (double t = 260; t <= 1000; t += 20) {
        double x[2] = {0, -t}, target = 0.95;
        descent_dataset one = {1, 2, 1, x, &target};
        neuron n1;
        make_neuron(&n1, &one);
        descent_value_gradient(&n1.f, w, g);
        vanished = vanished && g[0] == 0 && g[1] == 0 && g[2] == 0;
        descent_network_problem_free(&n1.problem);
    }
    char measured[192], a_text[40], s_text[40];
    claim_format(a_text, sizeof a_text, agreement);
    claim_format(s_text, sizeof s_text, slope_error);
    snprintf(measured, sizeof measured,
             "the gradient agrees with the formula to %s and in slope to %s, "
             "and is %s from $t=260$", a_text, s_text,
             vanished ? "exactly zero" : "not zero");
    bool holds = agreement <= 1e-12 && slope_error <= 1e-6 && vanished;
    claim_report("spoiler-decay",
                 "the spoiler's gradient decays like $e^{-w_yt}$, and vanishes "
                 "in double precision", measured,
                 "the gradient agrees to $10^{-12}$ and in slope to $10^{-6}$, "
                 "and is exactly zero", holds);
    assert_true(holds);
    descent_network_problem_free(&n3.problem);
}
static void claim_spoiler_grows(void **state)
{
    const double spoilers[4] = {1, 10, 100, 1000};
    int failed[4];
    (void)state;
    for (int s = 0; s < 4; s++) {
        four_points p;
        neuron n;
        int wrong_spoiler = 0;
        make_points(&p, spoilers[s]);
        make_neuron(&n, &p.data);
        failed[s] = 0;
        for (unsigned r = 0; r < 100; r++) {
            double w[3], outputs[4];
            descent_error e;
            random_numbers(3, DESCENT_SYMMETRIC, 2000 + r, w);
            cblas_dscal(3, 0.1, w, 1);
            train(&n, w, 20000);
            REQUIRE(descent_network_outputs(&n.problem, w, outputs, &e), e);
            failed[s] += !separated(outputs);
            wrong_spoiler += outputs[3] < 0.5;
        }
        claim_table_row("spoiler-table", "%g & %d & %d \\\\", spoilers[s],
                        failed[s], wrong_spoiler);
        descent_network_problem_free(&n.problem);
    }
    bool growing = failed[0] <= failed[1] && failed[1] <= failed[2] &&
                   failed[2] <= failed[3] && failed[0] == 0 &&
                   failed[3] == 100;
    char measured[64];
    snprintf(measured, sizeof measured, "%d, %d, %d and %d of 100 runs",
             failed[0], failed[1], failed[2], failed[3]);
    claim_report("spoiler-grows",
                 "the fraction of runs that fail to separate grows with $t$",
                 measured, "non-decreasing, from none to all 100", growing);
    assert_true(growing);
}
static void claim_spoiler_mlp(void **state)
{
    const double spoilers[2] = {1e3, 1e6};
    int ignored[2] = {0, 0}, learned[2] = {0, 0}, changed[2] = {0, 0};
    disc_points d[2];
    (void)state;
    for (int s = 0; s < 2; s++)
        make_disc(&d[s], spoilers[s]);
    for (unsigned r = 0; r < 20; r++) {
        double start[17], theta[17];
        double clean[DISC_POINTS], outputs[DISC_POINTS + 1];
        random_numbers(17, DESCENT_SYMMETRIC, 100 + r, start);
        cblas_dscal(17, 0.1, start, 1);
        memcpy(theta, start, sizeof theta);
        train_small_network(&d[0].near, theta, clean);
        for (int s = 0; s < 2; s++) {
            bool same = true;
            memcpy(theta, start, sizeof theta);
            train_small_network(&d[s].spoiled, theta, outputs);
            for (int i = 0; i < DISC_POINTS; i++)
                same = same && (outputs[i] > 0.5) == (clean[i] > 0.5);
            ignored[s] += same && outputs[DISC_POINTS] < 0.5;
            learned[s] += same && outputs[DISC_POINTS] > 0.5;
            changed[s] += !same;
        }
    }
    for (int s = 0; s < 2; s++)
        claim_table_row("spoiler-mlp-table", "$10^{%.0f}$ & %d & %d & %d \\\\",
                        log10(spoilers[s]), ignored[s], learned[s],
                        changed[s]);
    char measured[96];
    snprintf(measured, sizeof measured,
             "ignored in %d of 20 runs at $t=10^3$, %d of 20 at $t=10^6$",
             ignored[0], ignored[1]);
    bool holds = 2 * ignored[0] <= 20 && 2 * ignored[1] <= 20;
    claim_report("spoiler-mlp",
                 "a far spoiler changes what a small network learns", measured,
                 "at most 10 of 20 at each $t$", holds);
    assert_true(holds);
}
static void claim_permutation(void **state)
{
    enum { m = 20 };
    const size_t sizes[4] = {3, 8, 6, 2};
    const int pi1[8] = {3, 7, 0, 5, 1, 6, 2, 4}, pi2[6] = {5, 2, 4, 0, 3, 1};
    double x[m * 3], t[m * 2], theta[200], permuted[200];
    double before[m * 2], after[m * 2], worst = 0;
    descent_network net;
    descent_network_problem p;
    descent_error e;
    (void)state;
    random_numbers(m * 3, DESCENT_GAUSSIAN, 40, x);
    random_numbers(m * 2, DESCENT_UNIFORM, 41, t);
    REQUIRE(descent_network_init(&net, 3, sizes, DESCENT_LOGISTIC,
                                 DESCENT_LOGISTIC, &e), e);
    descent_dataset data = {m, 3, 2, x, t};
    REQUIRE(descent_network_problem_init(&p, &net, &data, DESCENT_L2, &e), e);
    random_numbers(net.parameters, DESCENT_GAUSSIAN, 42, theta);
    descent_objective f = descent_network_objective(&p);
    descent_step_schedule schedule;
    descent_direction_rule sd = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 0.1);
    descent_options options = descent_default_options();
    descent_result result;
    options.max_iterations = 200;
    descent_minimize(&f, &sd, &step, &options, theta, &result);
    assert_int_equal(result.status, DESCENT_MAX_ITERATIONS);
    const double *W1 = theta, *b1 = W1 + 24, *W2 = b1 + 8, *b2 = W2 + 48;
    const double *W3 = b2 + 6, *b3 = W3 + 12;
    double *V1 = permuted, *c1 = V1 + 24, *V2 = c1 + 8, *c2 = V2 + 48;
    double *V3 = c2 + 6, *c3 = V3 + 12;
    for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 3; j++)
            V1[i * 3 + j] = W1[pi1[i] * 3 + j];
        c1[i] = b1[pi1[i]];
    }
    for (int i = 0; i < 6; i++) {
        for (int j = 0; j < 8; j++)
            V2[i * 8 + j] = W2[pi2[i] * 8 + pi1[j]];
        c2[i] = b2[pi2[i]];
    }
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 6; j++)
            V3[i * 6 + j] = W3[i * 6 + pi2[j]];
        c3[i] = b3[i];
    }
    REQUIRE(descent_network_outputs(&p, theta, before, &e), e);
    REQUIRE(descent_network_outputs(&p, permuted, after, &e), e);
    for (int i = 0; i < m * 2; i++)
        worst = fmax(worst, ulps(before[i], after[i]));
    descent_network_problem_free(&p);
    bool holds = claim_report_at_most(
        "permutation",
        "permuting hidden units leaves the outputs unchanged (in ulps)",
        worst, 4);
    assert_true(holds);
}
static void bad_network_description(void **state)
{
    const char *init = "descent_network_init";
    const descent_activation relu = DESCENT_RELU, logistic =
        DESCENT_LOGISTIC;
    size_t sizes[4] = {2, 3, 1, 1};
    descent_network net;
    descent_error e;
    char fragment[64];
    (void)state;
    BAD(init, descent_network_init(NULL, 2, sizes, relu, logistic, &e), e,
        DESCENT_INVALID_ARGUMENT, "net is NULL");
    BAD(init, descent_network_init(&net, 2, NULL, relu, logistic, &e), e,
        DESCENT_INVALID_ARGUMENT, "sizes is NULL");
    const size_t layers[3] = {0, DESCENT_MAX_LAYERS + 1, SIZE_MAX};
    for (int i = 0; i < 3; i++) {
        snprintf(fragment, sizeof fragment, "layers = %zu", layers[i]);
        BAD(init, descent_network_init(&net, layers[i], sizes, relu,
                                       logistic, &e),
            e, DESCENT_INVALID_ARGUMENT, fragment);
    }
    for (size_t l = 0; l < 3; l++) {
        size_t keep = sizes[l];
        sizes[l] = 0;
        snprintf(fragment, sizeof fragment, "sizes[%zu] = 0", l);
        BAD(init, descent_network_init(&net, 2, sizes, relu, logistic, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
        sizes[l] = keep;
    }
    for (int i = 0; i < 4; i++) {
        sizes[1] = huge[i];
        snprintf(fragment, sizeof fragment, "sizes[1] = %zu", huge[i]);
        BAD(init, descent_network_init(&net, 2, sizes, relu, logistic, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    size_t wide[2] = {65536, 65536}, deep[4] = {30000, 30000, 30000, 30000};
    BAD(init, descent_network_init(&net, 1, wide, relu, logistic, &e), e,
        DESCENT_INVALID_ARGUMENT, "parameters of layers 1 to 1");
    BAD(init, descent_network_init(&net, 3, deep, relu, logistic, &e), e,
        DESCENT_INVALID_ARGUMENT, "parameters of layers 1 to 3");
    sizes[1] = 3;
    BAD(init, descent_network_init(&net, 2, sizes, (descent_activation)7,
                                   logistic, &e),
        e, DESCENT_INVALID_ARGUMENT, "hidden activation = 7");
    BAD(init, descent_network_init(&net, 2, sizes, relu,
                                   (descent_activation)-1, &e),
        e, DESCENT_INVALID_ARGUMENT, "output activation = -1");
}
static void bad_network_problem(void **state)
{
    const char *init = "descent_network_problem_init";
    const size_t sizes[3] = {2, 3, 1};
    double x[4] = {0, 1, 1, 0}, t[2] = {0, 1};
    descent_network net, never = {0};
    descent_network_problem p;
    descent_error e;
    char fragment[80];
    (void)state;
    REQUIRE(descent_network_init(&net, 2, sizes, DESCENT_RELU,
                                 DESCENT_LOGISTIC, &e), e);
    descent_dataset data = {2, 2, 1, x, t}, bad = data;
    BAD(init, descent_network_problem_init(NULL, &net, &data, DESCENT_L2, &e),
        e, DESCENT_INVALID_ARGUMENT, "p is NULL");
    BAD(init, descent_network_problem_init(&p, NULL, &data, DESCENT_L2, &e),
        e, DESCENT_INVALID_ARGUMENT, "net is NULL");
    BAD(init, descent_network_problem_init(&p, &net, NULL, DESCENT_L2, &e),
        e, DESCENT_INVALID_ARGUMENT, "data is NULL");
    BAD(init, descent_network_problem_init(&p, &never, &data, DESCENT_L2, &e),
        e, DESCENT_INVALID_ARGUMENT, "never described");
    bad.x = NULL;
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->x is NULL");
    bad = data;
    bad.t = NULL;
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->t is NULL");
    for (int c = 0; c < BAD_SHAPES; c++) {
        bad = bad_shape(&data, c, fragment, sizeof fragment);
        BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e),
            e, DESCENT_INVALID_ARGUMENT, fragment);
    }
    bad = (descent_dataset){INT_MAX, INT_MAX, INT_MAX, x, t};
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "more than size_t can count");
    descent_network tall;
    const size_t tall_sizes[3] = {1, (size_t)1 << 28, 1};
    REQUIRE(descent_network_init(&tall, 2, tall_sizes, DESCENT_RELU,
                                 DESCENT_IDENTITY, &e), e);
    bad = (descent_dataset){INT_MAX, 1, 1, x, t};
    BAD(init, descent_network_problem_init(&p, &tall, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "numbers each are more than size_t");
    bad = (descent_dataset){2, 3, 1, x, t};
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "inputs = 3");
    bad = (descent_dataset){1, 2, 2, x, t};
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "outputs = 2");
    BAD(init, descent_network_problem_init(&p, &net, &data,
                                           (descent_divergence)7, &e),
        e, DESCENT_INVALID_ARGUMENT, "divergence = 7");
    BAD(init, descent_network_problem_init(&p, &net, &data,
                                           (descent_divergence)-1, &e),
        e, DESCENT_INVALID_ARGUMENT, "divergence = -1");
    descent_network linear;
    REQUIRE(descent_network_init(&linear, 2, sizes, DESCENT_RELU,
                                 DESCENT_IDENTITY, &e), e);
    BAD(init, descent_network_problem_init(&p, &linear, &data,
                                           DESCENT_CROSS_ENTROPY, &e),
        e, DESCENT_INVALID_ARGUMENT, "needs a logistic output");
    for (int i = 0; i < 3; i++) {
        double xs[4] = {0, 1, 1, 0}, ts[2] = {0, 1};
        xs[1] = ts[1] = nonfinite[i];
        bad = (descent_dataset){2, 2, 1, xs, t};
        snprintf(fragment, sizeof fragment, "data->x[1] = %g", nonfinite[i]);
        BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e),
            e, DESCENT_NONFINITE, fragment);
        bad = (descent_dataset){2, 2, 1, x, ts};
        snprintf(fragment, sizeof fragment, "data->t[1] = %g", nonfinite[i]);
        BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e),
            e, DESCENT_NONFINITE, fragment);
    }
    double two[2] = {0, 2}, below[2] = {-0.5, 1}, half[2] = {0, 0.5};
    bad = (descent_dataset){2, 2, 1, x, two};
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "targets in [0, 1]; data->t[1] = 2");
    bad.t = below;
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "targets in [0, 1]; data->t[0] = -0.5");
    bad.t = half;
    BAD(init, descent_network_problem_init(&p, &net, &bad,
                                           DESCENT_CROSS_ENTROPY, &e),
        e, DESCENT_INVALID_ARGUMENT, "targets 0 or 1; data->t[1] = 0.5");
    VALID(init, "L2 with a logistic output takes targets in [0, 1]",
          descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e);
    descent_network_problem_free(&p);
    bad.t = two;
    VALID(init, "an identity output takes any finite target",
          descent_network_problem_init(&p, &linear, &bad, DESCENT_L2, &e), e);
    descent_network_problem_free(&p);
    const char *release = "descent_network_problem_free";
    SURVIVES(release, "freeing NULL does nothing",
             descent_network_problem_free(NULL));
    SURVIVES(release, "freeing a freed problem does nothing",
             descent_network_problem_free(&p));
    BAD(init, descent_network_problem_init(&p, &net, &bad, DESCENT_L2, &e), e,
        DESCENT_INVALID_ARGUMENT, "targets in [0, 1]");
    SURVIVES(release, "a failed creation leaves an empty problem",
             descent_network_problem_free(&p));
}
static void bad_network_use(void **state)
{
    const char *objective = "descent_network_objective";
    const size_t sizes[3] = {2, 3, 1};
    double x[4] = {0, 1, 1, 0}, t[2] = {0, 1}, theta[13], y[2], worst;
    descent_network net;
    descent_network_problem p, never = {0};
    descent_dataset data = {2, 2, 1, x, t};
    descent_error e;
    (void)state;
    random_numbers(13, DESCENT_SYMMETRIC, 620, theta);
    REQUIRE(descent_network_init(&net, 2, sizes, DESCENT_RELU,
                                 DESCENT_LOGISTIC, &e), e);
    REQUIRE(descent_network_problem_init(&p, &net, &data, DESCENT_L2, &e),
            e);
    descent_objective f = descent_network_objective(&p);
    for (int i = 0; i < 3; i++) {
        theta[0] = nonfinite[i];
        BAD_NAN(objective, descent_value(&f, theta));
    }
    descent_objective resized = f;
    resized.n = 5;
    BAD(objective, descent_objective_check(&resized, &e), e,
        DESCENT_INVALID_ARGUMENT, "n = 5, its network 13 parameters");
    const char *outputs = "descent_network_outputs";
    char fragment[64];
    for (int i = 0; i < 3; i++) {
        theta[0] = nonfinite[i];
        snprintf(fragment, sizeof fragment, "theta[0] = %g", nonfinite[i]);
        BAD(outputs, descent_network_outputs(&p, theta, y, &e), e,
            DESCENT_NONFINITE, fragment);
    }
    theta[0] = 0.5;
    BAD(outputs, descent_network_outputs(NULL, theta, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "problem p is NULL");
    BAD(outputs, descent_network_outputs(&p, NULL, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(outputs, descent_network_outputs(&p, theta, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "outputs is NULL");
    BAD(outputs, descent_network_outputs(&never, theta, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    descent_network line;
    descent_network_problem q;
    const size_t one[2] = {1, 1};
    descent_dataset far = {1, 1, 1, (double[]){10}, (double[]){0}};
    REQUIRE(descent_network_init(&line, 1, one, DESCENT_IDENTITY,
                                 DESCENT_IDENTITY, &e), e);
    REQUIRE(descent_network_problem_init(&q, &line, &far, DESCENT_L2, &e), e);
    BAD(outputs, descent_network_outputs(&q, (double[]){1e308, 0}, y, &e), e,
        DESCENT_NONFINITE, "overflowed to inf");
    descent_network_problem_free(&q);
    descent_objective none = descent_network_objective(NULL);
    BAD(objective, descent_objective_check(&none, &e), e,
        DESCENT_INVALID_ARGUMENT, "network objective: the problem is NULL");
    descent_objective empty = descent_network_objective(&never);
    BAD(objective, descent_objective_check(&empty, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    descent_network_problem_free(&p);
    BAD(outputs, descent_network_outputs(&p, theta, y, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_network_problem_free");
    descent_objective freed = descent_network_objective(&p);
    BAD(objective, descent_objective_check(&freed, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_network_problem_free");
    BAD_NAN(objective, descent_value(&f, theta));
    BAD(objective, descent_gradient_check(&f, theta, &worst, NULL, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "used after descent_network_problem_free");
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, 0.1);
    descent_direction_rule steepest = descent_steepest_descent();
    descent_result result;
    BAD(objective, descent_minimize(&f, &steepest, &step, NULL, theta,
                                    &result),
        result, DESCENT_INVALID_ARGUMENT,
        "used after descent_network_problem_free");
}
static void bad_perceptron_input(void **state)
{
    const char *perceptron = "descent_perceptron";
    double x[4] = {0, 1, 1, 0}, t[2] = {0, 1}, w[3] = {0, 0, 0};
    descent_dataset data = {2, 2, 1, x, t}, bad = data;
    descent_error e;
    size_t updates;
    char fragment[80];
    (void)state;
    BAD(perceptron, descent_perceptron(NULL, w, 10, &updates, &e), e,
        DESCENT_INVALID_ARGUMENT, "data is NULL");
    BAD(perceptron, descent_perceptron(&data, NULL, 10, &updates, &e), e,
        DESCENT_INVALID_ARGUMENT, "w is NULL");
    bad.x = NULL;
    BAD(perceptron, descent_perceptron(&bad, w, 10, &updates, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->x is NULL");
    bad = data;
    bad.t = NULL;
    BAD(perceptron, descent_perceptron(&bad, w, 10, &updates, &e), e,
        DESCENT_INVALID_ARGUMENT, "data->t is NULL");
    for (int c = 0; c < BAD_SHAPES; c++) {
        bad = bad_shape(&data, c, fragment, sizeof fragment);
        BAD(perceptron, descent_perceptron(&bad, w, 10, &updates, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    bad = (descent_dataset){1, 2, 2, x, t};
    BAD(perceptron, descent_perceptron(&bad, w, 10, &updates, &e), e,
        DESCENT_INVALID_ARGUMENT, "outputs = 1, not 2");
    BAD(perceptron, descent_perceptron(&data, w, 0, &updates, &e), e,
        DESCENT_INVALID_ARGUMENT, "max_updates = 0");
    for (int i = 0; i < 3; i++) {
        double xs[4] = {0, 1, 1, 0}, ts[2] = {0, 1}, ws[3] = {0, 0, 0};
        xs[2] = ts[1] = ws[2] = nonfinite[i];
        const descent_dataset bad_x = {2, 2, 1, xs, t}, bad_t = {2, 2, 1, x, ts};
        snprintf(fragment, sizeof fragment, "data->x[2] = %g", nonfinite[i]);
        BAD(perceptron, descent_perceptron(&bad_x, w, 10, &updates, &e), e,
            DESCENT_NONFINITE, fragment);
        snprintf(fragment, sizeof fragment, "data->t[1] = %g", nonfinite[i]);
        BAD(perceptron, descent_perceptron(&bad_t, w, 10, &updates, &e), e,
            DESCENT_NONFINITE, fragment);
        snprintf(fragment, sizeof fragment, "w[2] = %g", nonfinite[i]);
        BAD(perceptron, descent_perceptron(&data, ws, 10, &updates, &e), e,
            DESCENT_NONFINITE, fragment);
    }
    const double labels[3] = {2, -1, 0.5};
    for (int i = 0; i < 3; i++) {
        double ts[2] = {0, labels[i]};
        bad = (descent_dataset){2, 2, 1, x, ts};
        snprintf(fragment, sizeof fragment, "data->t[1] = %g", labels[i]);
        BAD(perceptron, descent_perceptron(&bad, w, 10, &updates, &e), e,
            DESCENT_INVALID_ARGUMENT, fragment);
    }
    double v[2] = {0, 0};
    bad = (descent_dataset){1, 1, 1, (double[]){1e308}, (double[]){1}};
    BAD(perceptron, descent_perceptron(&bad, v, 10, &updates, &e), e,
        DESCENT_NONFINITE, "score of example 0 is inf after 1 updates");
    descent_dataset xor_data = {4, 2, 1, (double[]){0, 0, 1, 1, 0, 1, 1, 0},
                                (double[]){0, 0, 1, 1}};
    memset(w, 0, sizeof w);
    BAD(perceptron, descent_perceptron(&xor_data, w, 1000, &updates, &e), e,
        DESCENT_MAX_ITERATIONS, "not separated after 1000 updates");
    four_points points;
    make_points(&points, 10);
    perceptron_labels(&points);
    size_t needed, exactly;
    double u[3] = {0, 0, 0};
    REQUIRE(descent_perceptron(&points.data, u, 1000, &needed, &e), e);
    assert_true(needed > 1);   /* so that needed - 1 is a limit, not 0 */
    memset(u, 0, sizeof u);
    VALID(perceptron, "a run that needs exactly max_updates updates succeeds",
          descent_perceptron(&points.data, u, needed, &exactly, &e), e);
    assert_int_equal(exactly, needed);
    memset(u, 0, sizeof u);
    BAD(perceptron, descent_perceptron(&points.data, u, needed - 1, &exactly,
                                       &e),
        e, DESCENT_MAX_ITERATIONS, "not separated");
    memset(u, 0, sizeof u);
    VALID(perceptron, "updates may be NULL",
          descent_perceptron(&points.data, u, needed, NULL, &e), e);
}
static void bad_gradient_check_input(void **state)
{
    const char *check = "descent_gradient_check";
    int mode = 3;
    descent_objective f = {.n = 2, .evaluate = trap, .context = &mode,
                           .name = "trap"};
    double theta[2] = {1, 1}, worst, relative[2];
    size_t where;
    descent_error e;
    char fragment[64];
    (void)state;
    descent_objective none = {.n = 0, .evaluate = trap, .context = &mode};
    descent_objective blind = {.n = 2, .evaluate = NULL, .name = "blind"};
    BAD(check, descent_gradient_check(NULL, theta, &worst, &where, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "objective is NULL");
    BAD(check, descent_gradient_check(&none, theta, &worst, &where, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD(check, descent_gradient_check(&blind, theta, &worst, &where, NULL,
                                      &e),
        e, DESCENT_INVALID_ARGUMENT, "blind has no evaluate function");
    BAD(check, descent_gradient_check(&f, NULL, &worst, &where, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(check, descent_gradient_check(&f, theta, NULL, &where, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "worst is NULL");
    for (int i = 0; i < 4; i++) {
        descent_objective big = f;
        big.n = huge[i];
        snprintf(fragment, sizeof fragment, "n = %zu", huge[i]);
        BAD(check, descent_gradient_check(&big, theta, &worst, &where, NULL,
                                          &e),
            e, DESCENT_INVALID_ARGUMENT, fragment);
    }
    for (int i = 0; i < 3; i++) {
        theta[1] = nonfinite[i];
        snprintf(fragment, sizeof fragment, "theta[1] = %g", nonfinite[i]);
        BAD(check, descent_gradient_check(&f, theta, &worst, &where, relative,
                                          &e),
            e, DESCENT_NONFINITE, fragment);
    }
    theta[1] = -1.7e308;
    BAD(check, descent_gradient_check(&f, theta, &worst, &where, relative, &e),
        e, DESCENT_INVALID_ARGUMENT, "too large to move by h");
    theta[1] = 1;
    mode = 0;
    BAD(check, descent_gradient_check(&f, theta, &worst, &where, relative, &e),
        e, DESCENT_NONFINITE, "trap gave E = nan at theta");
    mode = 1;
    BAD(check, descent_gradient_check(&f, theta, &worst, &where, relative, &e),
        e, DESCENT_NONFINITE, "trap gave g[1] = nan at theta");
    mode = 2;
    BAD(check, descent_gradient_check(&f, theta, &worst, &where, relative, &e),
        e, DESCENT_NONFINITE, "nan at theta + h e_1");
    assert_true(isnan(worst));
    mode = 3;
    VALID(check, "where and relative may be NULL",
          descent_gradient_check(&f, theta, &worst, NULL, NULL, &e), e);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-06-table");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_gradient_check),
        cmocka_unit_test(test_problem_derivatives),
        cmocka_unit_test(gradient_check_report),
        cmocka_unit_test(forward_pass_written_out),
        cmocka_unit_test(claim_perceptron_bound),
        cmocka_unit_test(claim_perceptron_updates),
        cmocka_unit_test(claim_spoiler_minimum),
        cmocka_unit_test(claim_spoiler_decay),
        cmocka_unit_test(claim_spoiler_grows),
        cmocka_unit_test(claim_spoiler_mlp),
        cmocka_unit_test(claim_permutation),
        cmocka_unit_test(bad_network_description),
        cmocka_unit_test(bad_network_problem),
        cmocka_unit_test(bad_network_use),
        cmocka_unit_test(bad_perceptron_input),
        cmocka_unit_test(bad_gradient_check_input),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name(
        "chapter 6: what backpropagation minimizes", tests, NULL, NULL);
}
