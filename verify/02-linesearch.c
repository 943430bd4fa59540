/* 02-linesearch.c: generated from chapters/02-linesearch.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <float.h>
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"
#include "linesearch.h"

#define REQUIRE(call, error)                                          \
    do {                                                              \
        if ((call) != DESCENT_OK)                                     \
            fail_msg("%s failed: %s", #call, (error).message);       \
    } while (0)

static double quartic(double x, void *c) { (void)c; return pow(x, 4) - 3 * x; }
static double exponential(double x, void *c) { (void)c; return exp(x) - 5 * x; }
static double gamma_like(double x, void *c) { (void)c; return -x * exp(-x); }
static double sine(double x, void *c) { (void)c; return sin(x); }
static double catenary(double x, void *c) { (void)c; return cosh(x) - 2 * x; }

typedef struct scalar_case {
    descent_scalar_fn *f;
    double lower, upper, minimizer;
    const char *formula, *interval;
} scalar_case;
static scalar_case scalar_cases(int i)
{
    const double pi = acos(-1.0);
    const scalar_case cases[5] = {
        {quartic, 0, 2, cbrt(0.75), "$x^4-3x$", "$[0,2]$"},
        {exponential, 0, 3, log(5.0), "$e^x-5x$", "$[0,3]$"},
        {gamma_like, 0, 4, 1, "$-xe^{-x}$", "$[0,4]$"},
        {sine, 3, 6, 1.5 * pi, "$\\sin x$", "$[3,6]$"},
        {catenary, 0, 3, asinh(2.0), "$\\cosh x-2x$", "$[0,3]$"},
    };
    return cases[i];
}
static void expect(descent_status got, const char *message,
                   descent_status want, const char *fragment)
{
    if (got != want)
        fail_msg("got %s, wanted %s; message: %s",
                 descent_status_name(got), descent_status_name(want),
                 message);
    if (strstr(message, fragment) == NULL)
        fail_msg("message \"%s\" does not contain \"%s\"", message,
                 fragment);
}

static double falling(double x, void *c) { (void)c; return -x; }
static double flat(double x, void *c) { (void)c; (void)x; return 1; }
static double hole(double x, void *c)
{
    (void)c;
    return x > 1.5 && x < 1.6 ? NAN : (x - 2) * (x - 2);
}
static void claim_golden_ratio(void **state)
{
    const double r = (sqrt(5.0) - 1) / 2;
    double widths[500], worst = 0;
    descent_scalar_options options = descent_scalar_default_options();
    descent_scalar_minimum minimum;
    descent_error error;
    (void)state;
    options.widths = widths;
    for (int i = 0; i < 5; i++) {
        scalar_case c = scalar_cases(i);
        REQUIRE(descent_golden_section(c.f, NULL, c.lower, c.upper,
                                       &options, &minimum, &error), error);
        for (size_t k = 2; k < minimum.evaluations; k++)
            if (widths[k] > 1e-6)
                worst = fmax(worst, fabs(widths[k] / widths[k - 1] - r));
    }
    bool holds = claim_report_at_most(
        "golden-ratio",
        "golden section shrinks the bracket by $(\\sqrt5-1)/2$ per "
        "evaluation", worst, 1e-8);
    assert_true(holds);
}
static void claim_brent_fewer(void **state)
{
    descent_scalar_options options = descent_scalar_default_options();
    descent_scalar_minimum golden, brent;
    descent_error error;
    int fewer = 0;
    (void)state;
    for (int i = 0; i < 5; i++) {
        scalar_case c = scalar_cases(i);
        REQUIRE(descent_golden_section(c.f, NULL, c.lower, c.upper,
                                       &options, &golden, &error), error);
        REQUIRE(descent_brent(c.f, NULL, c.lower, c.upper, &options,
                              &brent, &error), error);
        double x = c.minimizer;
        double allowed = 2 * (options.relative_tolerance * fabs(x) +
                              options.absolute_tolerance) +
                         2 * sqrt(DBL_EPSILON) * fmax(1, fabs(x));
        assert_true(fabs(golden.x - x) <= allowed);
        assert_true(fabs(brent.x - x) <= allowed);
        char golden_error[64], brent_error[64];
        claim_format(golden_error, sizeof golden_error, fabs(golden.x - x));
        claim_format(brent_error, sizeof brent_error, fabs(brent.x - x));
        claim_table_row("brent-golden-table", "%s & %s & %zu & %zu & %s & %s \\\\",
                        c.formula, c.interval, golden.evaluations,
                        brent.evaluations, golden_error, brent_error);
        fewer += brent.evaluations < golden.evaluations;
    }
    char measured[64];
    snprintf(measured, sizeof measured, "fewer on %d of 5", fewer);
    claim_report("brent-fewer",
                 "Brent needs fewer evaluations than golden section",
                 measured, "all 5", fewer == 5);
    assert_int_equal(fewer, 5);
}
static void bad_scalar_input(void **state)
{
    descent_scalar_options options = descent_scalar_default_options();
    descent_scalar_minimum m;
    descent_error e;
    double x[3], fx[3];
    size_t count;
    (void)state;
    expect(descent_brent(NULL, NULL, 0, 1, NULL, &m, &e), e.message,
           DESCENT_INVALID_ARGUMENT, "function is NULL");
    expect(descent_golden_section(sine, NULL, 1, 1, NULL, &m, &e),
           e.message, DESCENT_INVALID_ARGUMENT, "[1, 1]");
    expect(descent_brent(sine, NULL, 0, INFINITY, NULL, &m, &e),
           e.message, DESCENT_INVALID_ARGUMENT, "[0, inf]");
    options.relative_tolerance = -1;
    expect(descent_brent(sine, NULL, 3, 6, &options, &m, &e), e.message,
           DESCENT_INVALID_ARGUMENT, "tolerances -1");
    expect(descent_golden_section(hole, NULL, 0, 4, NULL, &m, &e), e.message,
           DESCENT_NONFINITE, "= nan");
    expect(descent_brent(hole, NULL, 1, 1.7, NULL, &m, &e), e.message,
           DESCENT_NONFINITE, "f(1.5");
    expect(descent_bracket_minimum(falling, NULL, 0, 1, 40, x, fx, &count,
                                   &e), e.message, DESCENT_STEP_FAILED,
           "unbounded below?");
    assert_int_equal(count, 40);
    expect(descent_bracket_minimum(flat, NULL, 0, 1, 30, x, fx, &count, &e),
           e.message, DESCENT_STEP_FAILED, "no bracket after 30");
    options = descent_scalar_default_options();
    options.max_evaluations = 6;
    expect(descent_golden_section(sine, NULL, 3, 6, &options, &m, &e),
           e.message, DESCENT_MAX_ITERATIONS, "after 6 evaluations");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_golden_ratio),
        cmocka_unit_test(claim_brent_fewer),
        cmocka_unit_test(bad_scalar_input),
    };
    return cmocka_run_group_tests_name("chapter 2: line search", tests,
                                       NULL, NULL);
}
