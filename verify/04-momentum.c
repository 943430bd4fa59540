/* 04-momentum.c: generated from chapters/04-momentum.nw; do not edit. */
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
#include "momentum.h"

static descent_quadratic quadratic(size_t n, double kappa, unsigned seed)
{
    descent_quadratic q;
    descent_error error;
    double lambda[100];
    for (size_t i = 0; i < n; i++)
        lambda[i] = 1 + (kappa - 1) * (double)i / (double)(n - 1);
    REQUIRE(descent_quadratic_spectrum(&q, n, lambda, NULL, 0, seed,
                                       &error), error);
    return q;
}

static void start_point(size_t n, double *theta)
{
    for (size_t i = 0; i < n; i++)
        theta[i] = cos((double)i + 1);
}
static void run_iterates(descent_objective *f, descent_direction_rule rule,
                         double eta, const double *start, size_t steps,
                         descent_trace *trace)
{
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, eta);
    descent_options options = descent_default_options();
    descent_result result;
    double *theta = malloc(f->n * sizeof *theta);
    assert_non_null(theta);
    memcpy(theta, start, f->n * sizeof *theta);
    options.max_iterations = steps;
    options.gradient_tolerance = 0;
    options.stall_iterations = 0;
    options.trace = trace;
    descent_minimize(f, &rule, &step, &options, theta, &result);
    assert_int_equal(result.status, DESCENT_MAX_ITERATIONS);
    free(theta);
}
static double spectral_radius(double h, double beta)
{
    double sum = 1 + beta - h, discriminant = sum * sum - 4 * beta;
    if (discriminant < 0)
        return sqrt(beta);
    double root = sqrt(discriminant);
    return fmax(fabs(sum + root), fabs(sum - root)) / 2;
}

static bool converges(double h, double beta)
{
    descent_momentum m;
    descent_error error;
    double w = 1;
    REQUIRE(descent_momentum_init(&m, 1, DESCENT_HEAVY_BALL, 1, beta,
                                  &error), error);
    for (int k = 0; k < 5000 && fabs(w) >= 1e-6 && fabs(w) < 1e6; k++) {
        double g = h * w;
        REQUIRE(descent_momentum_step(&m, &w, &g, &error), error);
    }
    descent_momentum_free(&m);
    return fabs(w) < 1e-6;
}
static size_t iterations_to(descent_quadratic *q, double eta, double beta,
                            double *rate)
{
    enum { n = 10 };
    double theta[n], g[n], start = 0;
    double rho = sqrt(beta), window_max[2] = {0, 0};
    size_t window = beta > 0 ? (size_t)ceil(40 / (1 - rho)) : 0;
    size_t k, reached = 0;
    descent_objective f = descent_quadratic_objective(q);
    descent_momentum m;
    descent_error error;
    REQUIRE(descent_momentum_init(&m, n, DESCENT_HEAVY_BALL, eta, beta,
                                  &error), error);
    start_point(n, theta);
    start = cblas_dnrm2(n, theta, 1);
    for (k = 0; reached == 0 || k <= window; k++) {
        double error_norm = cblas_dnrm2(n, theta, 1);
        if (reached == 0 && error_norm <= 1e-8 * start)
            reached = k;
        if (k >= window / 4 && k <= window / 2)
            window_max[0] = fmax(window_max[0], error_norm);
        if (k >= 3 * window / 4 && k <= window)
            window_max[1] = fmax(window_max[1], error_norm);
        assert_true(k < 1000000);
        descent_value_gradient(&f, theta, g);
        REQUIRE(descent_momentum_step(&m, theta, g, &error), error);
    }
    descent_momentum_free(&m);
    if (rate != NULL)
        *rate = pow(window_max[1] / window_max[0], 1 / (0.5 * window));
    return reached;
}
static double fitted_exponent(const double *kappa, const size_t *count,
                              int points)
{
    double mean_x = 0, mean_y = 0, sxy = 0, sxx = 0;
    for (int i = 0; i < points; i++) {
        mean_x += log(kappa[i]) / points;
        mean_y += log((double)count[i]) / points;
    }
    for (int i = 0; i < points; i++) {
        double x = log(kappa[i]) - mean_x;
        sxy += x * (log((double)count[i]) - mean_y);
        sxx += x * x;
    }
    return sxy / sxx;
}
static double nesterov_recurrence_gap(descent_objective *f,
                                      const descent_trace *trace,
                                      double eta)
{
    size_t n = f->n;
    double *x = calloc(4 * n, sizeof *x), gap = 0;
    assert_non_null(x);
    double *theta = x, *previous = x + n, *y = x + 2 * n, *g = x + 3 * n;
    memcpy(theta, descent_trace_iterate(trace, 0), n * sizeof *theta);
    memcpy(previous, theta, n * sizeof *theta);
    for (size_t k = 0; k + 1 < trace->length; k++) {
        double beta = k >= 1 ? ((double)k - 1) / ((double)k + 2) : 0;
        for (size_t i = 0; i < n; i++)
            y[i] = theta[i] + beta * (theta[i] - previous[i]);
        descent_value_gradient(f, y, g);
        const double *recorded = descent_trace_iterate(trace, k + 1);
        for (size_t i = 0; i < n; i++) {
            previous[i] = theta[i];
            theta[i] = y[i] - eta * g[i];
            gap = fmax(gap, fabs(theta[i] - recorded[i]));
        }
    }
    free(x);
    return gap;
}
static size_t iterations_to_tolerance(descent_objective *f,
                                      descent_direction_rule rule,
                                      double eta, size_t cap)
{
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, eta);
    descent_options options = descent_default_options();
    descent_result result;
    double theta[20];
    if (f->n == 2) {
        theta[0] = -1.2;
        theta[1] = 1;
    } else {
        start_point(f->n, theta);
    }
    options.gradient_tolerance = 1e-6;
    options.max_iterations = cap;
    options.stall_iterations = 0;
    descent_minimize(f, &rule, &step, &options, theta, &result);
    return result.status == DESCENT_OK ? result.iterations : SIZE_MAX;
}
static const char *const constructors[2] = {
    "descent_momentum_init", "descent_momentum_direction_init"};

static descent_status make_state(int which, bool null_state, size_t n,
                                 descent_momentum_kind kind, double eta,
                                 double beta, descent_error *error)
{
    descent_momentum flat;
    descent_momentum_direction rule;
    descent_status status =
        which == 0
            ? descent_momentum_init(null_state ? NULL : &flat, n, kind,
                                    eta, beta, error)
            : descent_momentum_direction_init(null_state ? NULL : &rule, n,
                                              kind, eta, beta, false,
                                              error);
    if (status == DESCENT_OK && which == 0)
        descent_momentum_free(&flat);
    else if (status == DESCENT_OK)
        descent_momentum_direction_free(&rule);
    return status;
}
static double cliff(const double *theta, double *g, void *context)
{
    (void)context;
    if (g != NULL)
        g[0] = 1;
    return theta[0] < -0.15 ? NAN : theta[0];
}
static void claim_momentum_limits(void **state)
{
    const double betas[3] = {0.5, 0.9, 0.99}, eta = 0.1, g0 = 3;
    const int steps = 2000;
    double worst = 0;
    descent_error error;
    (void)state;
    for (int b = 0; b < 3; b++)
        for (int alternate = 0; alternate < 2; alternate++) {
            descent_momentum m;
            double theta = 0;
            REQUIRE(descent_momentum_init(&m, 1, DESCENT_HEAVY_BALL, eta,
                                          betas[b], &error), error);
            for (int k = 0; k < steps; k++) {
                double g = alternate && k % 2 ? -g0 : g0;
                REQUIRE(descent_momentum_step(&m, &theta, &g, &error),
                        error);
                double step = fabs(m.velocity[0]) / (eta * g0);
                double sign = alternate ? -betas[b] : betas[b];
                double sum = (1 - pow(sign, k + 1)) / (1 - sign);
                worst = fmax(worst, fabs(step - sum) / sum);
            }
            descent_momentum_free(&m);
        }
    bool holds = claim_report_at_most(
        "momentum-limits",
        "the heavy-ball step tends to $\\eta g/(1-\\beta)$, or "
        "$\\eta g/(1+\\beta)$ when $g$ alternates",
        worst, 1e-12);
    assert_true(holds);
}
static void claim_momentum_forms(void **state)
{
    enum { n = 10, steps = 500 };
    const double betas[2] = {0.5, 0.9}, eta = 0.01;
    double theta[n], phi[n], m[n], g[n], worst = 0;
    descent_error error;
    (void)state;
    descent_quadratic q = quadratic(n, 100, 150);
    descent_objective f = descent_quadratic_objective(&q);
    for (int b = 0; b < 2; b++) {
        descent_momentum velocity_form;
        double alpha = eta / (1 - betas[b]), gamma = betas[b];
        REQUIRE(descent_momentum_init(&velocity_form, n,
                                      DESCENT_HEAVY_BALL, eta, betas[b],
                                      &error), error);
        start_point(n, theta);
        start_point(n, phi);
        memset(m, 0, sizeof m);
        double size = cblas_dnrm2(n, theta, 1);
        for (int k = 0; k < steps; k++) {
            descent_value_gradient(&f, theta, g);
            REQUIRE(descent_momentum_step(&velocity_form, theta, g, &error),
                    error);
            descent_value_gradient(&f, phi, g);
            for (int i = 0; i < n; i++) {
                m[i] = gamma * m[i] + (1 - gamma) * g[i];
                phi[i] -= alpha * m[i];
            }
            double difference = 0;
            for (int i = 0; i < n; i++)
                difference = fmax(difference, fabs(theta[i] - phi[i]));
            worst = fmax(worst, difference / size);
        }
        descent_momentum_free(&velocity_form);
    }
    descent_quadratic_free(&q);
    bool holds = claim_report_at_most(
        "momentum-forms",
        "velocity and averaged-gradient forms give the same iterates",
        worst, 1e-12);
    assert_true(holds);
}
static void nesterov_current_point(void **state)
{
    enum { n = 10, steps = 500 };
    const double betas[2] = {0.5, 0.9}, eta = 0.01;
    double phi[n], theta[n], delta[n], ahead[n], g[n], worst = 0;
    descent_error error;
    (void)state;
    descent_quadratic q = quadratic(n, 100, 150);
    descent_objective f = descent_quadratic_objective(&q);
    for (int b = 0; b < 2; b++) {
        descent_momentum current;
        double beta = betas[b];
        REQUIRE(descent_momentum_init(&current, n, DESCENT_NESTEROV, eta,
                                      beta, &error), error);
        start_point(n, phi);
        start_point(n, theta);
        memset(delta, 0, sizeof delta);
        double size = cblas_dnrm2(n, theta, 1);
        for (int k = 0; k < steps; k++) {
            descent_value_gradient(&f, phi, g);
            REQUIRE(descent_momentum_step(&current, phi, g, &error), error);
            for (int i = 0; i < n; i++)
                ahead[i] = theta[i] + beta * delta[i];
            descent_value_gradient(&f, ahead, g);
            double difference = 0;
            for (int i = 0; i < n; i++) {
                delta[i] = beta * delta[i] - eta * g[i];
                theta[i] += delta[i];
                difference = fmax(difference, fabs(phi[i] - (theta[i] +
                                                   beta * delta[i])));
            }
            worst = fmax(worst, difference / size);
        }
        assert_true(current.steps == steps);
        descent_momentum_free(&current);
    }
    descent_quadratic_free(&q);
    print_message("  Nesterov, current-point form: largest difference "
                  "%.2g of the start\n", worst);
    assert_true(worst <= 1e-12);
}
static void claim_momentum_gd(void **state)
{
    double start[10], etas[2] = {0.01, 0.001};
    int identical = 0, runs = 0;
    descent_error error;
    descent_rosenbrock r;
    (void)state;
    descent_quadratic q = quadratic(10, 100, 160);
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    descent_objective problems[2] = {descent_quadratic_objective(&q),
                                     descent_rosenbrock_objective(&r)};
    for (int p = 0; p < 2; p++) {
        size_t n = problems[p].n;
        start_point(n, start);
        descent_trace plain, other;
        REQUIRE(descent_trace_init(&plain, n, true, &error), error);
        REQUIRE(descent_trace_init(&other, n, true, &error), error);
        run_iterates(&problems[p], descent_steepest_descent(), etas[p], start,
                     300, &plain);
        for (int kind = 0; kind < 2; kind++, runs++) {
            descent_momentum_direction m;
            REQUIRE(descent_momentum_direction_init(&m, n,
                                                    (descent_momentum_kind)kind,
                                                    etas[p], 0, false, &error),
                    error);
            run_iterates(&problems[p], descent_momentum_rule(&m), etas[p], start,
                         300, &other);
            identical += other.length == plain.length &&
                         memcmp(other.theta, plain.theta,
                                plain.length * n * sizeof *plain.theta) == 0;
            descent_momentum_direction_free(&m);
        }
        descent_trace_free(&plain);
        descent_trace_free(&other);
    }
    descent_quadratic_free(&q);
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d runs identical",
             identical, runs);
    snprintf(bound, sizeof bound, "all %d", runs);
    claim_report("momentum-gd",
                 "at $\\beta=0$ heavy ball and Nesterov are gradient "
                 "descent, bit for bit", measured, bound,
                 identical == runs);
    assert_int_equal(identical, runs);
}
static void claim_momentum_stability(void **state)
{
    int agree = 0, tested = 0, margin = 0;
    (void)state;
    for (int i = 0; i <= 92; i++)
        for (int j = 0; j <= 19; j++) {
            double h = -0.2 + 0.05 * i, beta = 0.05 * j;
            if (fabs(spectral_radius(h, beta) - 1) < 0.01) {
                margin++;
                continue;
            }
            bool inside = h > 0 && h < 2 * (1 + beta);
            agree += converges(h, beta) == inside;
            tested++;
        }
    char measured[80], bound[32];
    snprintf(measured, sizeof measured, "%d of %d agree (%d in margin)",
             agree, tested, margin);
    snprintf(bound, sizeof bound, "all %d", tested);
    claim_report("momentum-stability",
                 "heavy ball converges exactly for $0\\le\\beta<1$, "
                 "$0<\\eta\\lambda<2(1+\\beta)$", measured, bound,
                 agree == tested);
    assert_int_equal(agree, tested);
}
static void claim_momentum_rate(void **state)
{
    const double kappas[7] = {10, 30, 100, 300, 1e3, 3e3, 1e4};
    size_t heavy[7], plain[7];
    double worst = 0;
    (void)state;
    for (int i = 0; i < 7; i++) {
        double kappa = kappas[i], root = sqrt(kappa);
        double rho = (root - 1) / (root + 1), rate;
        descent_quadratic q = quadratic(10, kappa, 170 + (unsigned)i);
        heavy[i] = iterations_to(&q, 4 / ((root + 1) * (root + 1)),
                                 rho * rho, &rate);
        plain[i] = iterations_to(&q, 2 / (1 + kappa), 0, NULL);
        worst = fmax(worst, fabs(rate - rho) / (1 - rho));
        descent_quadratic_free(&q);
    }
    double p_heavy = fitted_exponent(kappas, heavy, 7);
    double p_plain = fitted_exponent(kappas, plain, 7);
    for (int i = 0; i < 7; i++) {
        double root = sqrt(kappas[i]);
        double plain_rate = (kappas[i] - 1) / (kappas[i] + 1);
        double heavy_rate = (root - 1) / (root + 1);
        claim_table_row("momentum-digits-table",
                        "$%g$ & %.1f & %.1f & %.1f & %.1f \\\\", kappas[i],
                        (double)plain[i] / 8, -1 / log10(plain_rate),
                        (double)heavy[i] / 8, -1 / log10(heavy_rate));
    }
    char measured[160];
    snprintf(measured, sizeof measured,
             "rate off by $%.3f\\,(1-\\rho)$, exponents $%.3f$ for heavy "
             "ball and $%.3f$ for gradient descent", worst, p_heavy, p_plain);
    bool holds = worst <= 0.1 && fabs(p_heavy - 0.5) <= 0.1 &&
                 fabs(p_plain - 1) <= 0.1;
    claim_report("momentum-rate",
                 "optimal heavy ball converges at $(\\sqrt\\kappa-1)/"
                 "(\\sqrt\\kappa+1)$; iterations grow like $\\sqrt\\kappa$",
                 measured,
                 "rate off by $0.1\\,(1-\\rho)$, exponents off by $0.1$ "
                 "from $\\frac12$ and $1$", holds);
    assert_true(holds);
}
static void claim_nesterov_convex(void **state)
{
    enum { n = 50, steps = 2000 };
    double lambda[n], star[n], b[n], theta[n], ratio[2] = {0, 0};
    descent_error error;
    descent_quadratic q;
    (void)state;
    for (int i = 0; i < n; i++)
        lambda[i] = i < 10 ? 0 : pow(10, -4 + 4.0 * (i - 10) / (n - 11));
    REQUIRE(descent_quadratic_spectrum(&q, n, lambda, NULL, 0, 180, &error),
            error);
    for (int r = 0; r < n; r++) {
        star[r] = 0;
        for (int i = 10; i < n; i++)
            star[r] += q.Q[r * n + i];
    }
    cblas_dsymv(CblasRowMajor, CblasUpper, n, -1.0, q.A, n, star, 1, 0.0, b,
                1);
    memcpy(q.b, b, sizeof b);
    descent_objective f = descent_quadratic_objective(&q);
    double value_star = descent_value(&f, star);
    double distance = cblas_dnrm2(n, star, 1), L = 1;
    for (int method = 0; method < 2; method++) {
        descent_momentum_direction m;
        descent_trace trace;
        REQUIRE(descent_momentum_direction_init(&m, n, DESCENT_NESTEROV, 1 / L,
                                                0, true, &error), error);
        REQUIRE(descent_trace_init(&trace, n, method == 0, &error), error);
        memset(theta, 0, sizeof theta);
        run_iterates(&f, method == 0 ? descent_momentum_rule(&m)
                                     : descent_steepest_descent(),
                     1 / L, theta, steps, &trace);
        if (method == 0)
            assert_true(nesterov_recurrence_gap(&f, &trace, 1 / L) <=
                        1e-10 * distance);
        for (size_t k = 1; k < trace.length; k++) {
            double gap = trace.value[k] - value_star;
            double bound = method == 0
                ? 2 * L * distance * distance / ((k + 1.0) * (k + 1.0))
                : L * distance * distance / (2.0 * (double)k);
            ratio[method] = fmax(ratio[method], gap / bound);
        }
        descent_trace_free(&trace);
        descent_momentum_direction_free(&m);
    }
    descent_quadratic_free(&q);
    char measured[112];
    snprintf(measured, sizeof measured,
             "ratio of $E-E^*$ to its bound at most $%.3f$ for Nesterov "
             "and $%.3f$ for gradient descent", ratio[0], ratio[1]);
    bool holds = ratio[0] <= 1 && ratio[1] <= 1;
    claim_report("nesterov-convex",
                 "$E-E^*\\le2L\\|\\theta_0-\\theta^*\\|^2/(k+1)^2$ for "
                 "Nesterov, $L\\|\\theta_0-\\theta^*\\|^2/(2k)$ for GD",
                 measured, "ratio $1$ for each method", holds);
    assert_true(holds);
}
static void claim_momentum_faster(void **state)
{
    const double betas[6] = {0.5, 0.8, 0.9, 0.95, 0.98, 0.99};
    const char *names[3] = {"gradient descent", "heavy ball", "Nesterov"};
    descent_error error;
    descent_rosenbrock r;
    bool faster = true;
    double smallest = INFINITY;
    (void)state;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    descent_quadratic q = quadratic(20, 1e3, 190);
    descent_objective problems[2] = {descent_rosenbrock_objective(&r),
                                     descent_quadratic_objective(&q)};
    for (int p = 0; p < 2; p++) {
        size_t best[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
        double best_eta[3] = {0}, best_beta[3] = {0};
        for (int j = 4; j <= 14; j++) {
            double eta = ldexp(1, -j);
            size_t count = iterations_to_tolerance(
                &problems[p], descent_steepest_descent(), eta, 200000);
            if (count < best[0])
                best[0] = count, best_eta[0] = eta;
            for (int kind = 0; kind < 2; kind++)
                for (int b = 0; b < 6; b++) {
                    descent_momentum_direction m;
                    REQUIRE(descent_momentum_direction_init(
                                &m, problems[p].n, (descent_momentum_kind)kind,
                                eta, betas[b], false, &error), error);
                    count = iterations_to_tolerance(
                        &problems[p], descent_momentum_rule(&m), eta, 20000);
                    descent_momentum_direction_free(&m);
                    if (count < best[1 + kind])
                        best[1 + kind] = count, best_eta[1 + kind] = eta,
                        best_beta[1 + kind] = betas[b];
                }
        }
        for (int method = 0; method < 3; method++) {
            char beta_text[16] = "---";
            if (method > 0)
                snprintf(beta_text, sizeof beta_text, "$%g$", best_beta[method]);
            claim_table_row("momentum-faster-table",
                            "%s & %s & %zu & $2^{%d}$ & %s \\\\",
                            method == 0 ? (p == 0 ? "Rosenbrock" : "quadratic")
                                        : "",
                            names[method], best[method],
                            (int)round(log2(best_eta[method])), beta_text);
        }
        for (int method = 1; method < 3; method++) {
            faster = faster && 5 * best[method] <= best[0];
            smallest = fmin(smallest, (double)best[0] / (double)best[method]);
        }
    }
    descent_quadratic_free(&q);
    char measured[96];
    snprintf(measured, sizeof measured,
             "gradient descent needs at least $%.3g$ times as many "
             "iterations", smallest);
    claim_report("momentum-faster",
                 "tuned heavy ball and Nesterov need far fewer iterations "
                 "than tuned gradient descent", measured,
                 "at least $5$ times as many", faster);
    assert_true(faster);
}
static size_t escape(double beta, double *growth)
{
    const double A[4] = {1, 0, 0, -1};
    double theta[2] = {1, 1e-6}, g[2], previous = theta[1];
    descent_quadratic q;
    descent_momentum m;
    descent_error error;
    size_t k = 0;
    REQUIRE(descent_quadratic_init(&q, 2, A, NULL, 0, &error), error);
    REQUIRE(descent_momentum_init(&m, 2, DESCENT_HEAVY_BALL, 0.1, beta,
                                  &error), error);
    descent_objective f = descent_quadratic_objective(&q);
    for (; fabs(theta[1]) < 1; k++) {
        assert_true(k < 10000);
        previous = theta[1];
        descent_value_gradient(&f, theta, g);
        REQUIRE(descent_momentum_step(&m, theta, g, &error), error);
    }
    *growth = theta[1] / previous;
    descent_momentum_free(&m);
    descent_quadratic_free(&q);
    return k;
}

static void claim_momentum_saddle(void **state)
{
    double heavy_growth, plain_growth;
    const double r = (2 + sqrt(4 - 3.6)) / 2;   /* eta = 0.1, beta = 0.9 */
    (void)state;
    size_t heavy = escape(0.9, &heavy_growth);
    size_t plain = escape(0, &plain_growth);
    double worst = fmax(fabs(heavy_growth - r), fabs(plain_growth - 1.1));
    char measured[128], off[40];
    claim_format(off, sizeof off, worst);
    snprintf(measured, sizeof measured,
             "%zu steps for heavy ball and %zu for gradient descent, "
             "growth off by %s", heavy, plain, off);
    bool holds = 2 * heavy < plain && worst <= 1e-12;
    claim_report("momentum-saddle",
                 "heavy ball leaves a saddle faster, growing by the root $r$",
                 measured, "fewer than half the steps, growth off by "
                 "$10^{-12}$", holds);
    assert_true(holds);
}
static void bad_momentum_parameters(void **state)
{
    const size_t huge[4] = {(size_t)1 << 61, (size_t)1 << 60, SIZE_MAX,
                            (size_t)INT_MAX + 1};
    const double bad_eta[5] = {NAN, INFINITY, -INFINITY, 0, -1};
    const double bad_beta[5] = {NAN, INFINITY, -INFINITY, -0.5, 1};
    const descent_momentum_kind heavy = DESCENT_HEAVY_BALL;
    descent_error e;
    char fragment[64];
    (void)state;
    for (int which = 0; which < 2; which++) {
        const char *name = constructors[which];
        BAD(name, make_state(which, true, 2, heavy, 0.1, 0.9, &e), e,
            DESCENT_INVALID_ARGUMENT, "state m is NULL");
        BAD(name, make_state(which, false, 0, heavy, 0.1, 0.9, &e), e,
            DESCENT_INVALID_ARGUMENT, "n = 0");
        for (int i = 0; i < 4; i++) {
            snprintf(fragment, sizeof fragment, "n = %zu", huge[i]);
            BAD(name, make_state(which, false, huge[i], heavy, 0.1, 0.9, &e), e,
                DESCENT_INVALID_ARGUMENT, fragment);
        }
        BAD(name, make_state(which, false, 2, (descent_momentum_kind)7, 0.1, 0.9,
                             &e), e, DESCENT_INVALID_ARGUMENT, "kind = 7");
        BAD(name, make_state(which, false, 2, (descent_momentum_kind)-1, 0.1,
                             0.9, &e), e, DESCENT_INVALID_ARGUMENT, "kind = -1");
        for (int i = 0; i < 5; i++) {
            snprintf(fragment, sizeof fragment, "eta = %g", bad_eta[i]);
            BAD(name, make_state(which, false, 2, heavy, bad_eta[i], 0.9, &e), e,
                DESCENT_INVALID_ARGUMENT, fragment);
            snprintf(fragment, sizeof fragment, "beta = %g", bad_beta[i]);
            BAD(name, make_state(which, false, 2, DESCENT_NESTEROV, 0.1,
                                 bad_beta[i], &e), e, DESCENT_INVALID_ARGUMENT,
                fragment);
        }
        VALID(name, "beta = 0 is gradient descent",
              make_state(which, false, 2, heavy, 0.1, 0, &e), e);
    }
}
static void bad_momentum_step(void **state)
{
    const double bad[3] = {NAN, INFINITY, -INFINITY};
    descent_momentum m, never = {0};
    descent_error e;
    double theta[2] = {1, 1}, g[2] = {1, 1};
    char fragment[64];
    const char *step = "descent_momentum_step";
    (void)state;
    REQUIRE(descent_momentum_init(&m, 2, DESCENT_HEAVY_BALL, 0.1, 0.9, &e),
            e);
    BAD(step, descent_momentum_step(NULL, theta, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "state m is NULL");
    BAD(step, descent_momentum_step(&m, NULL, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "theta is NULL");
    BAD(step, descent_momentum_step(&m, theta, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "g is NULL");
    BAD(step, descent_momentum_step(&never, theta, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "or never made");
    for (int i = 0; i < 3; i++) {
        theta[1] = bad[i];
        snprintf(fragment, sizeof fragment, "theta[1] = %g", bad[i]);
        BAD(step, descent_momentum_step(&m, theta, g, &e), e,
            DESCENT_NONFINITE, fragment);
        theta[1] = 1;
        g[0] = bad[i];
        snprintf(fragment, sizeof fragment, "g[0] = %g", bad[i]);
        BAD(step, descent_momentum_step(&m, theta, g, &e), e,
            DESCENT_NONFINITE, fragment);
        g[0] = 1;
    }
    assert_true(theta[0] == 1 && theta[1] == 1 && m.velocity[0] == 0 &&
                m.velocity[1] == 0 && m.steps == 0);
    g[0] = 1e308;
    theta[0] = -1.7e308;
    BAD(step, descent_momentum_step(&m, theta, g, &e), e, DESCENT_NONFINITE,
        "overflowed: theta[0] = -inf");
    descent_momentum_free(&m);
    BAD(step, descent_momentum_step(&m, theta, g, &e), e,
        DESCENT_INVALID_ARGUMENT, "used after descent_momentum_free");
    const char *release = "descent_momentum_free";
    SURVIVES(release, "freeing a freed state does nothing",
             descent_momentum_free(&m));
    SURVIVES(release, "freeing NULL does nothing", descent_momentum_free(NULL));
    descent_momentum failed;
    BAD("descent_momentum_init", descent_momentum_init(&failed, 2,
                                                       DESCENT_NESTEROV, -1,
                                                       0.5, &e),
        e, DESCENT_INVALID_ARGUMENT, "eta = -1");
    SURVIVES(release, "a failed creation leaves an empty state",
             descent_momentum_free(&failed));
}
static descent_status run_rule(descent_momentum_direction *m,
                               descent_result *result)
{
    descent_objective cubic = descent_cubic_objective();
    descent_direction_rule rule = descent_momentum_rule(m);
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, 0.1);
    double theta[2] = {0.5, 0.5};
    return descent_minimize(&cubic, &rule, &step, NULL, theta, result);
}

static void bad_momentum_rule(void **state)
{
    descent_momentum_direction md, never = {0};
    descent_error e;
    descent_result r;
    const char *rule = "descent_momentum_rule";
    const char *release = "descent_momentum_direction_free";
    (void)state;
    BAD(rule, run_rule(NULL, &r), r, DESCENT_DIRECTION_FAILED,
        "momentum rule: state is NULL");
    BAD(rule, run_rule(&never, &r), r, DESCENT_DIRECTION_FAILED,
        "or never made");
    REQUIRE(descent_momentum_direction_init(&md, 3, DESCENT_HEAVY_BALL, 0.1,
                                            0.5, false, &e), e);
    BAD(rule, run_rule(&md, &r), r, DESCENT_DIRECTION_FAILED,
        "another dimension, n = 2");
    descent_momentum_direction_free(&md);
    BAD(rule, run_rule(&md, &r), r, DESCENT_DIRECTION_FAILED,
        "used after descent_momentum_direction_free");
    SURVIVES(release, "freeing a freed state does nothing",
             descent_momentum_direction_free(&md));
    SURVIVES(release, "freeing NULL does nothing",
             descent_momentum_direction_free(NULL));
    BAD("descent_momentum_direction_init",
        descent_momentum_direction_init(&md, 0, DESCENT_NESTEROV, 0.1, 0.5,
                                        true, &e),
        e, DESCENT_INVALID_ARGUMENT, "n = 0");
    SURVIVES(release, "a failed creation leaves an empty state",
             descent_momentum_direction_free(&md));
    descent_objective f = {.n = 1, .evaluate = cliff, .name = "cliff"};
    descent_step_schedule schedule;
    descent_step_rule step = descent_fixed_step(&schedule, 0.1);
    double theta[1] = {0};
    REQUIRE(descent_momentum_direction_init(&md, 1, DESCENT_NESTEROV, 0.1,
                                            0.9, false, &e), e);
    descent_direction_rule nesterov = descent_momentum_rule(&md);
    BAD(rule, descent_minimize(&f, &nesterov, &step, NULL, theta, &r), r,
        DESCENT_NONFINITE, "not finite at the look-ahead point, iteration 1");
    descent_momentum_direction_free(&md);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-04-table");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_momentum_limits),
        cmocka_unit_test(claim_momentum_forms),
        cmocka_unit_test(nesterov_current_point),
        cmocka_unit_test(claim_momentum_gd),
        cmocka_unit_test(claim_momentum_stability),
        cmocka_unit_test(claim_momentum_rate),
        cmocka_unit_test(claim_nesterov_convex),
        cmocka_unit_test(claim_momentum_faster),
        cmocka_unit_test(claim_momentum_saddle),
        cmocka_unit_test(bad_momentum_parameters),
        cmocka_unit_test(bad_momentum_step),
        cmocka_unit_test(bad_momentum_rule),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name("chapter 4: momentum and Nesterov",
                                       tests, NULL, NULL);
}
