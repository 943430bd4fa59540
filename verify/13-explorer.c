/* 13-explorer.c: generated from chapters/13-explorer.nw; do not edit. */
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
#include <sys/wait.h>
#include <unistd.h>

#include "claims.h"
#include "descent.h"
#include "internal-problems.h"

static const char *program(void)
{
    const char *path = getenv("DESCENT_EXPLORER");
#ifdef EXPLORER_PROGRAM
    if (path == NULL)
        path = EXPLORER_PROGRAM;
#endif
    return path;
}

typedef struct output {
    int status;          /* exit status, or -1 */
    char text[65536];    /* stdout and stderr together */
} output;

/* Run the program with the arguments (a NULL-terminated list), each
   quoted for the shell; keep its output and its exit status. */
static void explorer(output *out, const char *const *args)
{
    const char *path = program();
    if (path == NULL)
        skip();
    char command[4096];
    size_t used = (size_t)snprintf(command, sizeof command, "'%s'", path);
    for (size_t i = 0; args[i] != NULL; i++) {
        assert_null(strchr(args[i], '\''));
        used += (size_t)snprintf(command + used, sizeof command - used,
                                 " '%s'", args[i]);
        assert_true(used < sizeof command);
    }
    snprintf(command + used, sizeof command - used, " 2>&1");
    FILE *pipe = popen(command, "r");
    assert_non_null(pipe);
    size_t got = fread(out->text, 1, sizeof out->text - 1, pipe);
    out->text[got] = '\0';
    int status = pclose(pipe);
    out->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#define RUN(out, ...) explorer(out, (const char *const[]){__VA_ARGS__, NULL})
static const char *status_word(descent_status status)
{
    switch (status) {
    case DESCENT_OK: return "converged";
    case DESCENT_MAX_ITERATIONS: return "max-iterations";
    case DESCENT_DIVERGED: return "diverged";
    case DESCENT_STALLED: return "stalled";
    default: return "?";
    }
}

/* The program's result line for r, as the library's numbers print. */
static void expect_result_line(const output *o, const descent_result *r)
{
    char line[512], hessians[48] = "";
    if (r->counts.hessians > 0)
        snprintf(hessians, sizeof hessians, ", %lu Hessians",
                 r->counts.hessians);
    int w = snprintf(line, sizeof line,
                     "%s after %zu iterations: %lu evaluations (%lu "
                     "gradients%s), E = %.10g", status_word(r->status),
                     r->iterations, r->counts.values, r->counts.gradients,
                     hessians, r->value);
    if (!isnan(r->gradient_norm))
        snprintf(line + w, sizeof line - (size_t)w, ", |g| = %.4g\n",
                 r->gradient_norm);
    else
        snprintf(line + w, sizeof line - (size_t)w, "\n");
    if (strstr(o->text, line) == NULL)
        fail_msg("the program printed\n%s\nnot the library's\n%s", o->text,
                 line);
    assert_int_equal(o->status, r->status == DESCENT_OK ? 0 : 1);
}

static descent_result library_run(descent_objective *f,
                                  descent_direction_rule direction,
                                  descent_step_rule step, double *theta,
                                  descent_trace *trace)
{
    descent_options options = descent_default_options();
    options.trace = trace;
    descent_result result;
    descent_minimize(f, &direction, &step, &options, theta, &result);
    return result;
}

static void fill(size_t n, double *x, double a, double b)
{
    for (size_t i = 0; i < n; i++)
        x[i] = i % 2 == 0 ? a : b;
}

/* Rosenbrock, n = 2, PR+ with a strong Wolfe search, c2 = 0.1. */
static descent_result rosenbrock_cg(descent_trace *trace)
{
    descent_error error;
    descent_rosenbrock r;
    REQUIRE(descent_rosenbrock_init(&r, 2, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&r);
    descent_nonlinear_cg cg;
    REQUIRE(descent_nonlinear_cg_init(&cg, 2, DESCENT_POLAK_RIBIERE_PLUS, 0,
                                      &error), error);
    descent_line_search search = descent_line_search_defaults();
    search.c2 = 0.1;
    double theta[2] = {-1.2, 1};
    descent_result result =
        library_run(&f, descent_nonlinear_cg_direction(&cg),
                    descent_wolfe_step(&search), theta, trace);
    descent_nonlinear_cg_free(&cg);
    return result;
}

/* A quadratic with the eigenvalues given, rotated by seed, b = 0. */
static descent_quadratic quadratic(size_t n, const double *lambda,
                                   unsigned seed)
{
    descent_quadratic q;
    descent_error error;
    REQUIRE(descent_quadratic_spectrum(&q, n, lambda, NULL, 0, seed, &error),
            error);
    return q;
}
/* Five settings, each run by the program and by the library's own
   functions, called as the chapters call them. */
static void test_run_matches_library(void **state)
{
    (void)state;
    output o;
    descent_error error;
    descent_result r = rosenbrock_cg(NULL);
    RUN(&o, "run", "--problem", "rosenbrock", "--method", "cg", "--formula",
        "prplus", "--search", "wolfe", "--c2", "0.1");
    expect_result_line(&o, &r);

    double lambda[50], theta[50];
    for (size_t i = 0; i < 50; i++)
        lambda[i] = 2 * i < 50 ? 1 : 100;
    descent_quadratic q = quadratic(50, lambda, 7);
    descent_objective f = descent_quadratic_objective(&q);
    descent_bfgs bfgs;
    REQUIRE(descent_bfgs_init(&bfgs, 50, &error), error);
    descent_line_search search = descent_line_search_defaults();
    search.initial_rule = DESCENT_INITIAL_FIXED;
    search.initial_step = 1;
    fill(50, theta, 1, 1);
    r = library_run(&f, descent_bfgs_direction(&bfgs),
                    descent_wolfe_step(&search), theta, NULL);
    descent_bfgs_free(&bfgs);
    descent_quadratic_free(&q);
    RUN(&o, "run", "--quiet", "--problem", "quadratic", "--n", "50",
        "--kappa", "100", "--spectrum", "two-level", "--seed", "7",
        "--method", "bfgs");
    expect_result_line(&o, &r);

    for (size_t i = 0; i < 20; i++)
        lambda[i] = 1 + 9 * (double)i / 19;
    q = quadratic(20, lambda, 1);
    f = descent_quadratic_objective(&q);
    descent_momentum_direction m;
    REQUIRE(descent_momentum_direction_init(&m, 20, DESCENT_HEAVY_BALL, 0.1,
                                            0.5, false, &error), error);
    descent_step_schedule schedule;
    fill(20, theta, 1, 1);
    r = library_run(&f, descent_momentum_rule(&m),
                    descent_fixed_step(&schedule, 0.1), theta, NULL);
    descent_momentum_direction_free(&m);
    RUN(&o, "run", "--quiet", "--problem", "quadratic", "--n", "20",
        "--kappa", "10", "--method", "heavy-ball", "--eta", "0.1", "--beta",
        "0.5");
    expect_result_line(&o, &r);

    fill(20, theta, 1, 1);
    r = library_run(&f, descent_steepest_descent(),
                    descent_fixed_step(&schedule, 0.25), theta, NULL);
    assert_int_equal(r.status, DESCENT_DIVERGED);
    descent_quadratic_free(&q);
    RUN(&o, "run", "--quiet", "--problem", "quadratic", "--n", "20",
        "--kappa", "10", "--method", "steepest", "--search", "fixed",
        "--eta", "0.25");
    expect_result_line(&o, &r);

    descent_rosenbrock rb;
    REQUIRE(descent_rosenbrock_init(&rb, 4, 1, 100, &error), error);
    f = descent_rosenbrock_objective(&rb);
    descent_trust_region tr;
    REQUIRE(descent_trust_region_init(&tr, 4, 1, &error), error);
    fill(4, theta, -1.2, 1);
    r = library_run(&f, descent_trust_region_direction(&tr),
                    descent_fixed_step(&schedule, 1), theta, NULL);
    descent_trust_region_free(&tr);
    RUN(&o, "run", "--quiet", "--problem", "rosenbrock", "--n", "4",
        "--method", "trust-region");
    expect_result_line(&o, &r);

    descent_lbfgs lbfgs;
    REQUIRE(descent_lbfgs_init(&lbfgs, 4, 3, &error), error);
    search = descent_line_search_defaults();
    search.backtrack = 0.25;
    search.initial_rule = DESCENT_INITIAL_FIXED;
    search.initial_step = 1;
    fill(4, theta, 0.5, 0.5);
    r = library_run(&f, descent_lbfgs_direction(&lbfgs),
                    descent_armijo_step(&search), theta, NULL);
    descent_lbfgs_free(&lbfgs);
    RUN(&o, "run", "--quiet", "--problem", "rosenbrock", "--n", "4",
        "--method", "lbfgs", "--memory", "3", "--search", "armijo",
        "--backtrack", "0.25", "--start", "0.5");
    expect_result_line(&o, &r);
}

static void expect_trace_file(const char *path, const descent_trace *trace);

/* The trace file: its header, and every number of every iteration
   equal, to the last bit, to the library's trace. */
static void test_trace_matches_library(void **state)
{
    (void)state;
    descent_trace trace;
    descent_error error;
    REQUIRE(descent_trace_init(&trace, 2, false, &error), error);
    descent_result r = rosenbrock_cg(&trace);
    char path[] = "/tmp/descent-trace-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    output o;
    RUN(&o, "run", "--quiet", "--problem", "rosenbrock", "--method", "cg",
        "--c2", "0.1", "--trace", path);
    expect_result_line(&o, &r);
    expect_trace_file(path, &trace);
    remove(path);
    descent_trace_free(&trace);
}

/* The trace file at path holds trace to the last bit (E* = 0). */
static void expect_trace_file(const char *path, const descent_trace *trace)
{
    FILE *in = fopen(path, "r");
    assert_non_null(in);
    char line[512];
    assert_non_null(fgets(line, sizeof line, in));
    assert_string_equal(line, "k\tE\tgradient_norm\teta\tevaluations"
                              "\tE_minus_minimum\n");
    size_t rows = 0, k;
    double x[5];
    while (fgets(line, sizeof line, in) != NULL) {
        assert_int_equal(sscanf(line, "%zu\t%lf\t%lf\t%lf\t%lf\t%lf", &k,
                                &x[0], &x[1], &x[2], &x[3], &x[4]), 6);
        assert_int_equal(k, rows);
        assert_true(rows < trace->length);
        double want[5] = {trace->value[k], trace->gradient_norm[k],
                          trace->eta[k], trace->evaluations[k],
                          trace->value[k] - 0};
        for (int i = 0; i < 5; i++)
            if (!(isnan(want[i]) && isnan(x[i])))
                assert_memory_equal(&want[i], &x[i], sizeof x[i]);
        rows++;
    }
    assert_int_equal(rows, trace->length);
    fclose(in);
}

/* compare with one method prints what run prints. */
static void test_compare_equals_run(void **state)
{
    (void)state;
    output a, b;
    RUN(&a, "run", "--quiet", "--problem", "rosenbrock", "--n", "6",
        "--method", "newton-cg");
    RUN(&b, "compare", "--quiet", "--problem", "rosenbrock", "--n", "6",
        "--methods", "newton-cg");
    assert_int_equal(a.status, 0);
    assert_int_equal(b.status, 0);
    size_t k1, k2;
    unsigned long v1, v2, g1, g2;
    char e1[64], e2[64], w1[32], w2[32];
    assert_int_equal(sscanf(a.text, "%31s after %zu iterations: %lu "
                            "evaluations (%lu gradients), E = %63[^,]", w1,
                            &k1, &v1, &g1, e1), 5);
    const char *row = strstr(b.text, "\nnewton-cg ");
    assert_non_null(row);
    assert_int_equal(sscanf(row, " newton-cg %31s %zu %lu %lu %63s", w2, &k2,
                            &v2, &g2, e2), 5);
    char e2short[64];
    snprintf(e2short, sizeof e2short, "%.10g", strtod(e2, NULL));
    assert_string_equal(w1, w2);
    assert_int_equal(k1, k2);
    assert_int_equal(v1, v2);
    assert_int_equal(g1, g2);
    assert_string_equal(e1, e2short);
}
typedef struct usage_case {
    const char *args[16];
    const char *fragment;
} usage_case;

#define R "run", "--problem", "rosenbrock"
static const usage_case usage_cases[] = {
    {{"frobnicate"}, "unknown command 'frobnicate'"},
    {{"run"}, "--problem is required"},
    {{"run", "--problem", "nope", "--method", "cg"}, "no problem 'nope'"},
    {{R}, "--method is required"},
    {{R, "--method", "nope"}, "no method 'nope'; the methods are: steepest"},
    {{R, "--method", "cg", "--search", "nope"}, "no search 'nope'"},
    {{R, "--method", "cg", "--c3", "1"}, "unknown option '--c3'"},
    {{R, "--method", "cg", "--c2"}, "--c2 needs a value"},
    {{R, "--method", "steepest", "--c2", "0.1"},
     "--c2 is not a parameter of problem rosenbrock, method steepest with "
     "search armijo; it belongs to search wolfe"},
    {{R, "--method", "cg", "--c2", "2"}, "wolfe: --c2 '2' is not in (0, 1)"},
    {{R, "--method", "cg", "--c2", "abc"}, "--c2 'abc' is not in (0, 1)"},
    {{R, "--method", "cg", "--c2", "0.1", "--c2", "0.2"},
     "--c2 is given twice"},
    {{R, "--method", "cg", "--formula", "xx"},
     "--formula 'xx' is not one of fr, pr, prplus, hs"},
    {{R, "--method", "cg", "--n", "0"},
     "--n '0' is not a whole number in [2, 1e+07]"},
    {{R, "--method", "cg", "--n", "2.5"}, "--n '2.5' is not a whole number"},
    {{"run", "--problem", "cubic", "--n", "3", "--method", "cg"},
     "cubic: --n '3' is not a whole number in [2, 2]"},
    {{R, "--method", "heavy-ball", "--beta", "0.5"},
     "heavy-ball: --eta has no default; give it"},
    {{R, "--method", "heavy-ball", "--eta", "0.1", "--beta", "1"},
     "--beta '1' is not in [0, 1)"},
    {{R, "--method", "trust-region", "--search", "wolfe"},
     "trust-region takes its own steps: no --search wolfe"},
    {{"run", "--problem", "quadratic", "--kappa", "0.5", "--method", "cg"},
     "--kappa '0.5' is not in [1, 1e+16]"},
    {{"run", "--problem", "quadratic", "--spectrum", "flat", "--method",
      "cg"}, "--spectrum 'flat' is not one of uniform, log-uniform"},
    {{R, "--method", "cg", "--start", "1,2,3"},
     "--start has 3 coordinates; problem rosenbrock has n = 2"},
    {{R, "--method", "cg", "--start", "1,x"},
     "--start '1,x': coordinate 2 is not a finite number"},
    {{R, "--method", "cg", "--tolerance", "-1"},
     "--tolerance -1 is not at least 0"},
    {{R, "--method", "cg", "--max-iterations", "1e3"},
     "--max-iterations '1e3' is not a whole number"},
    {{R, "--method", "cg", "--divergence", "0"}, "--divergence 0 is not above 0"},
    {{R, "--method", "cg", "--every", "0"}, "--every 0"},
    {{R, "--method", "cg", "extra"}, "unexpected argument 'extra'"},
    {{R, "--method", "cg", "--plot", "x.pdf"},
     "--plot is not an option of descent run"},
    {{R, "--method", "cg", "--c1", "0.5", "--c2", "0.1"},
     "c2 = 0.1 must be in [c1, 1) = [0.5, 1)"},
    {{R, "--method", "nelder-mead", "--search", "wolfe"},
     "nelder-mead is derivative-free and has no step rule: no --search "
     "wolfe"},
    {{"compare", "--problem", "rosenbrock", "--methods", "cg,powell",
      "--search", "armijo"}, "method powell is derivative-free"},
    {{R, "--method", "anneal", "--tolerance", "1e-3"},
     "--tolerance is an option of the gradient methods' driver; anneal is "
     "derivative-free"},
    {{"compare", "--problem", "rosenbrock", "--methods",
      "nelder-mead,genetic", "--stall", "5"},
     "--stall is an option of the gradient methods' driver"},
    {{R, "--method", "nelder-mead", "--c2", "0.1"},
     "--c2 is not a parameter of problem rosenbrock, method nelder-mead; "
     "it belongs to search wolfe"},
    {{R, "--method", "cg", "--search", "armijo", "--target", "0"},
     "--target is not a parameter of problem rosenbrock, method cg with "
     "search armijo; it belongs to method coordinate, method powell"},
    {{R, "--method", "powell", "--rule", "newest"},
     "powell: --rule 'newest' is not one of basic, safeguarded"},
    {{R, "--method", "nelder-mead", "--contraction", "1"},
     "nelder-mead: --contraction '1' is not in (0, 1)"},
    {{R, "--method", "coordinate", "--accelerate", "maybe"},
     "coordinate: --accelerate 'maybe' is not yes or no"},
    {{R, "--method", "anneal", "--target", "nan"},
     "anneal: --target 'nan' is not in [-inf, inf)"},
    {{R, "--method", "anneal", "--target", "inf"},
     "anneal: --target 'inf' is not in [-inf, inf)"},
    {{R, "--method", "genetic", "--seed", "1e17"},
     "genetic: --seed '1e17' is not a whole number in [0, 9.0072e+15]"},
    {{R, "--method", "genetic", "--max-evaluations", "0"},
     "genetic: --max-evaluations '0' is not a whole number in [1, 1e+15]"},
    {{R, "--method", "genetic", "--mutations", "3"},
     "genetic: --mutations 3 exceeds n = 2"},
    {{R, "--method", "anneal", "--step-tolerance", "1e-6"},
     "--step-tolerance is not a parameter of problem rosenbrock, method "
     "anneal; it belongs to method coordinate, method powell"},
    {{R, "--n", "3", "--method", "nelder-mead", "--adaptive", "yes",
      "--shrink", "0.4"}, "nelder-mead: --shrink 0.4 would be ignored: "
     "--adaptive yes sets the coefficients for n = 3"},
    {{R, "--method", "nelder-mead", "--reflection", "1.5", "--expansion",
      "1.2"}, "expansion = 1.2 must be finite, > 1 and > reflection = 1.5"},
    {{R, "--method", "anneal", "--initial-temperature", "10",
      "--final-temperature", "20"},
     "final_temperature = 20 must lie in (0, initial_temperature = 10)"},
    {{R, "--method", "genetic", "--population", "4", "--tournament", "5"},
     "tournament = 5 must lie in 1..population = 4"},
    {{"compare", "--problem", "rosenbrock"}, "--methods is required"},
    {{"compare", "--problem", "rosenbrock", "--methods", "cg:formula"},
     "method cg: 'formula' is not PARAMETER=VALUE"},
    {{"compare", "--problem", "rosenbrock", "--methods", "cg:memory=3"},
     "--memory is not a parameter of method cg or search wolfe; it belongs "
     "to method lbfgs"},
    {{"compare", "--problem", "rosenbrock", "--methods", "cg", "--y", "both"},
     "--y 'both' is not value or gradient"},
    {{"compare", "--problem", "rosenbrock", "--methods", "cg", "--plot",
      "out.svg"}, "--plot out.svg: the name must end in .pdf or .png"},
    {{"compare", "--problem", "rosenbrock", "--methods", "cg",
      "--method", "cg"}, "--method is not an option of descent compare"},
    {{"list", "nope"}, "list 'nope': the lists are methods"},
    {{"help", "nope"}, "help 'nope': the commands are run, compare, list"},
    {{"train", "--rule", "adam", "--beta1", "0.9", "--beta1", "0.8"},
     "--beta1 is given twice"},
    {{"train", "--rule", "sgd", "--beta1", "0.9"},
     "neither rule sgd nor schedule constant takes it; rule adam, rule "
     "adamw do"},
    {{"train", "--init", "lecun"}, "--init lecun: not he-normal, he-uniform"},
    {{"train", "--init"}, "--init: needs a value"},
    {{"train", "--init", "pytorch", "--gain", "2"},
     "--gain 2: --init pytorch takes no gain"},
    {{"train", "--gain", "1", "--init", "normal", "--scale", "0.1"},
     "--gain 1: --init normal takes no gain"},
    {{"train", "--scale", "0.1"}, "--scale 0.1: --init he-normal takes no "
     "scale"},
    {{"train", "--init", "zeros", "--scale", "0"},
     "--scale 0: --init zeros takes no scale"},
    {{"train", "--init", "uniform"}, "--init uniform needs --scale"},
    {{"train", "--init", "constant"}, "--init constant needs --scale"},
    {{"train", "--init", "normal", "--scale", "0"},
     "--scale 0: --init normal needs a positive scale"},
    {{"train", "--init", "glorot-normal", "--gain", "0"},
     "--gain 0: not a positive finite number"},
    {{"train", "--gain", "-1.5"}, "--gain -1.5: not a positive finite"},
    {{"train", "--gain", "inf"}, "--gain inf: not a positive finite"},
    {{"train", "--init", "constant", "--scale", "nan"},
     "--scale nan: not a finite number"},
    {{"train", "--init", "uniform", "--scale", "1e999"},
     "--scale 1e999: not a finite number"},
};
#undef R

static void test_bad_usage(void **state)
{
    (void)state;
    size_t cases = sizeof usage_cases / sizeof *usage_cases;
    for (size_t i = 0; i < cases; i++) {
        output o;
        explorer(&o, usage_cases[i].args);
        if (o.status != 2 || strstr(o.text, usage_cases[i].fragment) == NULL)
            fail_msg("case %zu (%s ...): exit %d, output\n%s\nwanted exit 2 "
                     "and '%s'", i, usage_cases[i].args[0], o.status, o.text,
                     usage_cases[i].fragment);
    }
    output o;
    RUN(&o, "run", "--problem", "rosenbrock", "--method", "cg", "--quiet",
        "--trace", "/nonexistent/folder/trace.tsv");
    assert_int_equal(o.status, 1);
    assert_non_null(strstr(o.text, "--trace /nonexistent/folder/trace.tsv: "
                                   "cannot write it"));
    print_message("%zu bad command lines: each exit status 2 with its "
                  "message\n", cases);
}

/* help, version and the manual page: they succeed, and the manual
   names every component and every option of the tables. */
static void test_help_and_manual(void **state)
{
    (void)state;
    output o;
    RUN(&o, "--version");
    assert_int_equal(o.status, 0);
    assert_non_null(strstr(o.text, "descent "));
    RUN(&o, "help", "run");
    assert_int_equal(o.status, 0);
    assert_non_null(strstr(o.text, "--max-iterations K"));
    RUN(&o, "compare", "--help");
    assert_int_equal(o.status, 0);
    assert_non_null(strstr(o.text, "--plot FILE"));
    RUN(&o, "train", "--help");
    assert_int_equal(o.status, 0);
    assert_non_null(strstr(o.text, "--init he-normal"));
    RUN(&o, "--man");
    assert_int_equal(o.status, 0);
    output list;
    RUN(&list, "list");
    assert_int_equal(list.status, 0);
    for (int kind = 0; kind <= DESCENT_COMPONENT_SCHEDULE; kind++) {
        const descent_component *c;
        for (size_t i = 0;
             (c = descent_component_at((descent_component_kind)kind, i)); i++) {
            char name[80], *p = name + 3;
            strcpy(name, ".B ");
            for (const char *q = c->name; *q && p < name + 70; q++)
                p += *q == '-' ? sprintf(p, "\\-") : sprintf(p, "%c", *q);
            strcpy(p, "\n");
            if (strstr(o.text, name) == NULL)
                fail_msg("the manual lacks %s", c->name);
            snprintf(name, sizeof name, "  %s ", c->name);
            if (strstr(list.text, name) == NULL)
                fail_msg("descent list lacks %s", c->name);
        }
    }
}
/* Every component: a unique name, parameters within the bound, each
   default in its range (or NaN, no default), a choice's range the
   count of its names, and a direction's search in the table. */
static void test_tables_consistent(void **state)
{
    (void)state;
    descent_error error;
    for (int kind = 0; kind <= DESCENT_COMPONENT_SCHEDULE; kind++) {
        const descent_component *c;
        for (size_t i = 0;
             (c = descent_component_at((descent_component_kind)kind, i)); i++) {
            assert_int_equal(c->kind, kind);
            assert_ptr_equal(descent_component_find(c->kind, c->name, &error),
                             c);
            assert_true(c->parameters <= DESCENT_MAX_PARAMETERS);
            double value[DESCENT_MAX_PARAMETERS];
            c->defaults(value);
            for (size_t j = 0; j < c->parameters; j++) {
                const descent_parameter *p = &c->parameter[j];
                assert_int_equal(descent_parameter_index(c, p->name), j);
                if (p->kind == DESCENT_PARAMETER_CHOICE) {
                    size_t names = 0;
                    while (p->choices[names] != NULL)
                        names++;
                    assert_true(p->lower == 0 &&
                                p->upper == (double)(names - 1));
                }
                if (isnan(value[j]))
                    value[j] = p->lower_open ? p->lower + 0.5 : p->lower;
            }
            if (descent_component_check(c, value, &error))
                fail_msg("%s: its defaults are refused: %s", c->name,
                         error.message);
            if (kind == DESCENT_COMPONENT_DIRECTION &&
                !(c->flags & (DESCENT_OWN_STEP | DESCENT_DERIVATIVE_FREE)))
                assert_non_null(descent_component_find(
                    DESCENT_COMPONENT_STEP, c->search, &error));
            if (kind == DESCENT_COMPONENT_PROBLEM)
                assert_string_equal(c->parameter[0].name, "n");
        }
    }
}

/* Every direction with every search builds on a convex quadratic in
   four dimensions (kappa = 10), and five steps lower E (or, for a
   derivative-free method, 200 evaluations). */
static void test_every_method_runs(void **state)
{
    (void)state;
    descent_error error;
    descent_problem problem;
    const descent_component *quadratic =
        descent_component_find(DESCENT_COMPONENT_PROBLEM, "quadratic", &error);
    double pv[DESCENT_MAX_PARAMETERS];
    quadratic->defaults(pv);
    pv[0] = 4;
    REQUIRE(descent_problem_build(&problem, quadratic, pv, &error), error);
    const descent_component *d, *s;
    for (size_t i = 0; (d = descent_component_at(DESCENT_COMPONENT_DIRECTION,
                                                 i)) != NULL; i++)
        for (size_t j = 0; (s = descent_component_at(DESCENT_COMPONENT_STEP,
                                                     j)) != NULL; j++) {
            double dv[DESCENT_MAX_PARAMETERS], sv[DESCENT_MAX_PARAMETERS];
            d->defaults(dv);
            s->defaults(sv);
            for (size_t k = 0; k < d->parameters; k++)
                if (isnan(dv[k]))
                    dv[k] = k == 0 ? 1e-4 : 0.5;
            for (size_t k = 0; k < s->parameters; k++)
                if (isnan(sv[k]))
                    sv[k] = k == 0 ? 1e-4 : 0.5;
            bool own = d->flags & (DESCENT_OWN_STEP | DESCENT_DERIVATIVE_FREE);
            size_t budget = descent_parameter_index(d, "max-evaluations");
            if (d->flags & DESCENT_DERIVATIVE_FREE)
                dv[budget] = 200;
            descent_method m;
            REQUIRE(descent_method_build(&m, d, dv, own ? NULL : s, sv,
                                         &problem, &error), error);
            descent_options options = descent_default_options();
            options.max_iterations = 5;
            double theta[4];
            memcpy(theta, problem.start, sizeof theta);
            descent_result r;
            descent_status status = descent_method_minimize(
                &m, &problem.objective, &options, theta, &r);
            if (status != DESCENT_OK && status != DESCENT_MAX_ITERATIONS)
                fail_msg("%s with %s: %s", d->name, s->name, r.message);
            double start = descent_value(&problem.objective, problem.start);
            if (!(r.value < start))
                fail_msg("%s with %s: E = %g after 5 steps from %g", d->name,
                         s->name, r.value, start);
            descent_method_free(&m);
            if (own)
                break;
        }
    descent_problem_free(&problem);
}
static void problem_build_default(const descent_component *c,
                                  descent_problem *p)
{
    double value[DESCENT_MAX_PARAMETERS];
    descent_error error;
    c->defaults(value);
    *p = (descent_problem){.component = c, .n = (size_t)value[0]};
    assert_int_equal(c->ops->problem(p, value, &error), DESCENT_OK);
}

static void problem_drop(descent_problem *p)
{
    free(p->start);
    p->component->ops->release(p->storage);
}

static void collection_minimum_is_stated(void **state)
{
    (void)state;
    for (size_t i = 0; i < descent_collection_count; i++) {
        const descent_component *c = &descent_collection_problems[i];
        descent_problem p;
        problem_build_default(c, &p);
        const double *x = descent_collection_solution(&p);
        double *g = malloc(p.n * sizeof *g);
        assert_non_null(x);
        assert_non_null(g);
        double value = p.objective.evaluate(x, g, p.objective.context);
        double gap = fabs(value - p.minimum) / fmax(1, fabs(p.minimum));
        double slope = 0;
        for (size_t j = 0; j < p.n; j++)
            slope = fmax(slope, fabs(g[j]));
        if (!(gap <= 1e-10 && slope <= 1e-8))
            fail_msg("%s (n = %zu): E(x*) = %.17g, E* = %.17g, "
                     "|g(x*)| = %.3g", c->name, p.n, value, p.minimum,
                     slope);
        free(g);
        problem_drop(&p);
    }
}

static void collection_gradient_matches_differences(void **state)
{
    (void)state;
    for (size_t i = 0; i < descent_collection_count; i++) {
        const descent_component *c = &descent_collection_problems[i];
        descent_problem p;
        descent_error error;
        problem_build_default(c, &p);
        double worst = 0;
        size_t at = 0;
        assert_int_equal(descent_gradient_check(&p.objective, p.start,
                                                &worst, &at, NULL, &error),
                         DESCENT_OK);
        if (!(worst <= 1e-6))
            fail_msg("%s (n = %zu): gradient at x0 off by %.3g in "
                     "component %zu", c->name, p.n, worst, at + 1);
        problem_drop(&p);
    }
}
static void collection_refuses_odd_pairs(void **state)
{
    (void)state;
    const char *names[] = {"ext-himmelblau", "dixmaan-a"};
    double sizes[] = {5, 301};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < descent_collection_count; i++) {
            const descent_component *c = &descent_collection_problems[i];
            if (strcmp(c->name, names[k]) != 0)
                continue;
            descent_problem p = {.component = c, .n = (size_t)sizes[k]};
            descent_error error;
            assert_int_equal(c->ops->problem(&p, &sizes[k], &error),
                             DESCENT_INVALID_ARGUMENT);
            assert_non_null(strstr(error.message, names[k]));
        }
}
static double training_default(const char *rule, const char *name)
{
    descent_error e;
    double value[DESCENT_MAX_PARAMETERS];
    const descent_component *c =
        descent_component_find(DESCENT_COMPONENT_RULE, rule, &e);
    assert_non_null(c);
    size_t i = descent_parameter_index(c, name);
    assert_true(i < c->parameters);
    c->defaults(value);
    return value[i];
}
static void training_defaults_are_the_library_s(void **state)
{
    static const struct { const char *rule; descent_adaptive_kind kind; }
        rules[] = {{"rprop", DESCENT_ADAPTIVE_RPROP},
                   {"quickprop", DESCENT_ADAPTIVE_QUICKPROP},
                   {"adagrad", DESCENT_ADAPTIVE_ADAGRAD},
                   {"rmsprop", DESCENT_ADAPTIVE_RMSPROP},
                   {"adam", DESCENT_ADAPTIVE_ADAM},
                   {"adamw", DESCENT_ADAPTIVE_ADAMW}};
    descent_adaptive_options o;
    descent_error e;
    (void)state;
    for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
        const char *name = rules[r].rule;
        REQUIRE(descent_adaptive_defaults(rules[r].kind, &o, &e), e);
        assert_true(training_default(name, "weight-decay") ==
                    o.weight_decay);
        if (!strcmp(name, "rprop")) {
            assert_true(training_default(name, "eta-minus") == o.eta_minus);
            assert_true(training_default(name, "eta-plus") == o.eta_plus);
            assert_true(training_default(name, "step-min") == o.step_min);
            assert_true(training_default(name, "step-max") == o.step_max);
            assert_true(training_default(name, "backtracking") == o.backtracking);
        } else if (!strcmp(name, "quickprop"))
            assert_true(training_default(name, "growth-limit") == o.growth_limit);
        else if (!strcmp(name, "adagrad")) {
            assert_true(training_default(name, "eps") == o.eps);
            assert_true(training_default(name, "lr-decay") == o.lr_decay);
            assert_true(training_default(name, "initial-accumulator") ==
                        o.initial_accumulator);
        } else if (!strcmp(name, "rmsprop")) {
            assert_true(training_default(name, "alpha") == o.alpha);
            assert_true(training_default(name, "eps") == o.eps);
            assert_true(training_default(name, "momentum") == o.momentum);
            assert_true(training_default(name, "centered") == o.centered);
        } else {
            assert_true(training_default(name, "beta1") == o.beta1);
            assert_true(training_default(name, "beta2") == o.beta2);
            assert_true(training_default(name, "eps") == o.eps);
            assert_true(training_default(name, "amsgrad") == o.amsgrad);
            assert_true(training_default(name, "bias-correction") ==
                        o.bias_correction);
        }
    }
}
static void training_components_build_and_step(void **state)
{
    const descent_component *c;
    descent_error e;
    (void)state;
    for (size_t i = 0; (c = descent_component_at(DESCENT_COMPONENT_RULE, i));
         i++) {
        descent_optimizer opt;
        float theta[4] = {1, -1, 0.5f, 2}, g[4] = {0.5f, -0.25f, 1, -2};
        REQUIRE(descent_rule_build(&opt, c, NULL, 4, &e), e);
        REQUIRE(descent_optimizer_step(&opt, theta, g, 0.01, &e), e);
        assert_true(theta[0] < 1 && theta[1] > -1 && theta[2] < 0.5f &&
                    theta[3] > 2);
        descent_optimizer_free(&opt);
    }
    assert_non_null(descent_component_at(DESCENT_COMPONENT_RULE, 8));
    assert_null(descent_component_at(DESCENT_COMPONENT_RULE, 9));
    for (size_t i = 0;
         (c = descent_component_at(DESCENT_COMPONENT_SCHEDULE, i)); i++) {
        descent_schedule s;
        REQUIRE(descent_schedule_build(&s, c, NULL, 0.1, 10, 4, &e), e);
        assert_true(descent_schedule_eta(&s, 0) == 0.1);
        for (size_t k = 1; k < 40; k++) {
            double eta = descent_schedule_eta(&s, k);
            assert_true(isfinite(eta) && eta > 0 && eta <= 0.1);
        }
    }
    assert_null(descent_component_at(DESCENT_COMPONENT_SCHEDULE, 7));
}
static void bad_training_builders(void **state)
{
    const char *rule_build = "descent_rule_build",
               *schedule_build = "descent_schedule_build";
    descent_error e;
    descent_optimizer opt;
    descent_schedule s;
    (void)state;
    const descent_component *adam =
        descent_component_find(DESCENT_COMPONENT_RULE, "adam", &e),
        *step = descent_component_find(DESCENT_COMPONENT_SCHEDULE, "step", &e);
    assert_non_null(adam);
    assert_non_null(step);
    BAD(rule_build, descent_rule_build(NULL, adam, NULL, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "opt");
    BAD(rule_build, descent_rule_build(&opt, NULL, NULL, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "rule is NULL");
    BAD(rule_build, descent_rule_build(&opt, step, NULL, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "step is not a training rule");
    BAD(schedule_build, descent_schedule_build(NULL, step, NULL, 0.1, 1, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "schedule s");
    BAD(schedule_build, descent_schedule_build(&s, NULL, NULL, 0.1, 1, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "schedule is NULL");
    BAD(schedule_build, descent_schedule_build(&s, adam, NULL, 0.1, 1, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "adam is not a training schedule");
    VALID(rule_build, "NULL values: the defaults",
          descent_rule_build(&opt, adam, NULL, 4, &e), e);
    descent_optimizer_free(&opt);
    VALID(schedule_build, "NULL values: the defaults",
          descent_schedule_build(&s, step, NULL, 0.1, 1, 1, &e), e);
    const descent_component_kind kinds[2] = {DESCENT_COMPONENT_RULE,
                                             DESCENT_COMPONENT_SCHEDULE};
    const descent_component *c;
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; (c = descent_component_at(kinds[k], i)); i++)
            for (size_t j = 0; j < c->parameters; j++) {
                const descent_parameter *p = &c->parameter[j];
                double value[DESCENT_MAX_PARAMETERS], bad[3] = {
                    p->lower_open ? p->lower : p->lower - 0.5,
                    p->upper_open ? p->upper : p->upper + 0.5, NAN};
                for (size_t b = 0; b < 3; b++) {
                    c->defaults(value);
                    value[j] = bad[b];
                    if (k == 0)
                        BAD(rule_build,
                            descent_rule_build(&opt, c, value, 4, &e), e,
                            DESCENT_INVALID_ARGUMENT, p->name);
                    else
                        BAD(schedule_build,
                            descent_schedule_build(&s, c, value, 0.1, 3, 2, &e),
                            e, DESCENT_INVALID_ARGUMENT, p->name);
                }
            }
    const descent_component *rprop =
        descent_component_find(DESCENT_COMPONENT_RULE, "rprop", &e);
    double value[DESCENT_MAX_PARAMETERS];
    assert_non_null(rprop);
    rprop->defaults(value);
    value[descent_parameter_index(rprop, "step-max")] = 1e-7;
    BAD(rule_build, descent_rule_build(&opt, rprop, value, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "step-max = 1e-07 must be at least step-min");
    BAD(rule_build, descent_rule_build(&opt, adam, NULL, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "n = 0");
    BAD(schedule_build, descent_schedule_build(&s, step, NULL, 0.1, 0, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "steps_per_epoch = 0");
    BAD(schedule_build, descent_schedule_build(&s, step, NULL, 0.1, 1, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "epochs = 0");
    BAD(schedule_build,
        descent_schedule_build(&s, step, NULL, 0.1, SIZE_MAX, 2, &e), e,
        DESCENT_INVALID_ARGUMENT, "product");
    const double bad_eta0[4] = {0, -1, NAN, INFINITY};
    for (size_t b = 0; b < 4; b++)
        BAD(schedule_build,
            descent_schedule_build(&s, step, NULL, bad_eta0[b], 1, 1, &e), e,
            DESCENT_INVALID_ARGUMENT, "eta0");
}
/* The first epoch's row of a train record, without its seconds. */
static void first_epoch(const output *o, char *row, size_t size)
{
    if (o->status != 0)
        fail_msg("descent train: exit %d, output\n%s", o->status, o->text);
    const char *at = strstr(o->text, "\n1\t");
    assert_non_null(at);
    const char *end = strchr(at + 1, '\n');
    assert_non_null(end);
    while (end > at && *end != '\t')
        end--;
    size_t length = (size_t)(end - (at + 1));
    assert_true(length > 0 && length < size);
    memcpy(row, at + 1, length);
    row[length] = '\0';
}
static void train_init_default_is_he_normal(void **state)
{
    (void)state;
    output o;
    char plain[256], he[256], pytorch[256];
#define T "train", "--limit", "300", "--epochs", "1", "--quiet"
    RUN(&o, T);
    first_epoch(&o, plain, sizeof plain);
    RUN(&o, T, "--init", "he-normal");
    first_epoch(&o, he, sizeof he);
    RUN(&o, T, "--init", "pytorch");
    first_epoch(&o, pytorch, sizeof pytorch);
#undef T
    assert_string_equal(plain, he);
    double loss_plain, loss_pytorch;
    assert_int_equal(sscanf(plain, "%*u %*u %lf", &loss_plain), 1);
    assert_int_equal(sscanf(pytorch, "%*u %*u %lf", &loss_pytorch), 1);
    assert_true(loss_plain != loss_pytorch);
    print_message("descent train, first epoch's training loss: %.6f with "
                  "he-normal (the default's), %.6f with pytorch\n",
                  loss_plain, loss_pytorch);
}
enum { COORDINATE, POWELL, NELDER_MEAD, ANNEAL, GENETIC };

/* One of the five, run by the library from Rosenbrock's start in n
   dimensions (n <= 4), with the parameters of the program's runs below. */
static descent_result free_run(int method, size_t n,
                               descent_direct_options *options)
{
    descent_error error;
    descent_rosenbrock rb;
    REQUIRE(descent_rosenbrock_init(&rb, n, 1, 100, &error), error);
    descent_objective f = descent_rosenbrock_objective(&rb);
    double theta[4];
    fill(n, theta, -1.2, 1);
    descent_result r;
    if (method == COORDINATE) {
        descent_coordinate_search c = descent_coordinate_search_defaults();
        c.accelerate = true;
        c.initial_step = 0.5;
        descent_coordinate_minimize(&f, &c, options, theta, &r);
    } else if (method == POWELL) {
        descent_powell p = descent_powell_defaults();
        p.rule = DESCENT_POWELL_BASIC;
        p.line_tolerance = 1e-4;
        p.max_cycles = 12;
        descent_powell_minimize(&f, &p, options, theta, &r);
    } else if (method == NELDER_MEAD) {
        descent_nelder_mead nm = descent_nelder_mead_defaults();
        nm.contraction = 0.4;
        nm.initial_step = 0.5;
        descent_nelder_mead_minimize(&f, &nm, options, theta, &r);
    } else if (method == ANNEAL) {
        descent_anneal a = descent_anneal_defaults();
        a.cooling = 0.8;
        a.steps = 20;
        a.seed = 5;
        descent_anneal_minimize(&f, &a, options, theta, &r);
    } else {
        descent_genetic g = descent_genetic_defaults();
        g.population = 30;
        g.mutation = 2.0 / (double)n;
        g.seed = 3;
        descent_genetic_minimize(&f, &g, options, theta, &r);
    }
    return r;
}
static void test_derivative_free_matches_library(void **state)
{
    (void)state;
    output o;
    descent_direct_options options = descent_direct_default_options();
    options.max_evaluations = 3000;
    descent_result r = free_run(COORDINATE, 4, &options);
    RUN(&o, "run", "--quiet", "--problem", "rosenbrock", "--n", "4",
        "--method", "coordinate", "--accelerate", "yes", "--initial-step",
        "0.5", "--max-evaluations", "3000");
    expect_result_line(&o, &r);
    r = free_run(POWELL, 2, &options);
    RUN(&o, "run", "--quiet", "--problem", "rosenbrock", "--method",
        "powell", "--rule", "basic", "--line-tolerance", "1e-4",
        "--max-cycles", "12", "--max-evaluations", "3000");
    expect_result_line(&o, &r);
    r = free_run(ANNEAL, 2, &options);
    RUN(&o, "run", "--quiet", "--problem", "rosenbrock", "--method",
        "anneal", "--cooling", "0.8", "--steps", "20", "--seed", "5",
        "--max-evaluations", "3000");
    expect_result_line(&o, &r);
    options.target = 1e-2;
    r = free_run(GENETIC, 4, &options);
    RUN(&o, "run", "--quiet", "--problem", "rosenbrock", "--n", "4",
        "--method", "genetic", "--population", "30", "--mutations", "2",
        "--seed", "3", "--target", "1e-2", "--max-evaluations", "3000");
    expect_result_line(&o, &r);
    /* The explorer's --mutations 1 is the library's default only while
       that default is NaN, "1/n". */
    assert_true(isnan(descent_genetic_defaults().mutation));
}
static void test_derivative_free_trace_and_compare(void **state)
{
    (void)state;
    descent_trace trace;
    descent_error error;
    REQUIRE(descent_trace_init(&trace, 2, false, &error), error);
    descent_direct_options options = descent_direct_default_options();
    options.step_tolerance = 1e-6;
    options.trace = &trace;
    descent_result r = free_run(NELDER_MEAD, 2, &options);
    char path[] = "/tmp/descent-trace-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    output o;
    RUN(&o, "run", "--problem", "rosenbrock", "--method", "nelder-mead",
        "--contraction", "0.4", "--initial-step", "0.5", "--step-tolerance",
        "1e-6", "--trace", path);
    expect_result_line(&o, &r);
    assert_non_null(strstr(o.text, "search  none (derivative-free)"));
    expect_trace_file(path, &trace);
    remove(path);
    descent_trace_free(&trace);
    RUN(&o, "compare", "--quiet", "--problem", "rosenbrock", "--methods",
        "bfgs,nelder-mead:contraction=0.4:initial-step=0.5:step-tolerance="
        "1e-6", "--max-iterations", "500");
    const char *row = strstr(o.text, "\nnelder-mead:");
    assert_non_null(row);
    char word[32];
    size_t iterations;
    unsigned long values, gradients;
    assert_int_equal(sscanf(row, " %*s %31s %zu %lu %lu", word, &iterations,
                            &values, &gradients), 4);
    assert_string_equal(word, status_word(r.status));
    assert_int_equal(iterations, r.iterations);
    assert_int_equal(values, r.counts.values);
    assert_int_equal(gradients, 0);
}
static void bad_explore(void **state)
{
    (void)state;
    descent_error error;
    const descent_component *cg =
        descent_component_find(DESCENT_COMPONENT_DIRECTION, "cg", &error);
    const descent_component *wolfe =
        descent_component_find(DESCENT_COMPONENT_STEP, "wolfe", &error);
    const descent_component *rosenbrock =
        descent_component_find(DESCENT_COMPONENT_PROBLEM, "rosenbrock", &error);
    const descent_component *quad =
        descent_component_find(DESCENT_COMPONENT_PROBLEM, "quadratic", &error);
    const descent_component *newton =
        descent_component_find(DESCENT_COMPONENT_DIRECTION, "newton", &error);
    const descent_component *heavy =
        descent_component_find(DESCENT_COMPONENT_DIRECTION, "heavy-ball",
                               &error);
    double v[DESCENT_MAX_PARAMETERS], pv[DESCENT_MAX_PARAMETERS], x;
    descent_problem problem;
    descent_method m;

    const char *fn = "descent_component_find";
    BAD(fn, descent_component_find(DESCENT_COMPONENT_DIRECTION, NULL, &error)
                ? DESCENT_OK : error.status, error,
        DESCENT_INVALID_ARGUMENT, "method name is NULL");
    BAD(fn, descent_component_find(DESCENT_COMPONENT_STEP, "", &error)
                ? DESCENT_OK : error.status, error,
        DESCENT_INVALID_ARGUMENT, "no search ''; the searches are: fixed");
    BAD(fn, descent_component_find((descent_component_kind)7, "cg", &error)
                ? DESCENT_OK : error.status, error,
        DESCENT_INVALID_ARGUMENT, "component kind 7");

    fn = "descent_component_at";
    SURVIVES(fn, "past the last: NULL",
             assert_null(descent_component_at(DESCENT_COMPONENT_STEP, 99)));
    SURVIVES(fn, "an unknown kind: NULL",
             assert_null(descent_component_at((descent_component_kind)9, 0)));

    fn = "descent_parameter_index";
    SURVIVES(fn, "a NULL component: 0 (it has no parameters)",
             assert_int_equal(descent_parameter_index(NULL, "c2"), 0));
    SURVIVES(fn, "a NULL name: not found",
             assert_int_equal(descent_parameter_index(cg, NULL), 2));

    fn = "descent_component_check";
    cg->defaults(v);
    BAD(fn, descent_component_check(NULL, v, &error), error,
        DESCENT_INVALID_ARGUMENT, "component is NULL");
    BAD(fn, descent_component_check(cg, NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: its 2 values are NULL");
    v[0] = 4;
    BAD(fn, descent_component_check(cg, v, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: --formula = 4 is not one of fr");
    v[0] = 0.5;
    BAD(fn, descent_component_check(cg, v, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: --formula = 0.5");
    v[0] = 0, v[1] = -1;
    BAD(fn, descent_component_check(cg, v, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: --restart = -1");
    v[1] = INFINITY;
    BAD(fn, descent_component_check(cg, v, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: --restart = inf");
    wolfe->defaults(v);
    v[1] = NAN;
    BAD(fn, descent_component_check(wolfe, v, &error), error,
        DESCENT_INVALID_ARGUMENT, "wolfe: --c2 has no default");
    v[1] = 1;
    BAD(fn, descent_component_check(wolfe, v, &error), error,
        DESCENT_INVALID_ARGUMENT, "wolfe: --c2 = 1 is not in (0, 1)");

    fn = "descent_parameter_parse";
    BAD(fn, descent_parameter_parse(NULL, 0, "1", &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "component is NULL");
    BAD(fn, descent_parameter_parse(cg, 0, NULL, &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "text is NULL");
    BAD(fn, descent_parameter_parse(cg, 0, "fr", NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "value is NULL");
    BAD(fn, descent_parameter_parse(cg, 2, "1", &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg has 2 parameters, not 3");
    BAD(fn, descent_parameter_parse(cg, 1, "1x", &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: --restart '1x' is not a whole number");
    BAD(fn, descent_parameter_parse(cg, 1, "", &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: --restart '' is not");
    BAD(fn, descent_parameter_parse(wolfe, 1, "nan", &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "wolfe: --c2 'nan' is not in (0, 1)");
    BAD(fn, descent_parameter_parse(wolfe, 1, "1e999", &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "wolfe: --c2 '1e999'");
    BAD(fn, descent_parameter_parse(cg, 0, "PR", &x, &error), error,
        DESCENT_INVALID_ARGUMENT, "cg: --formula 'PR' is not one of");

    fn = "descent_problem_build";
    rosenbrock->defaults(pv);
    BAD(fn, descent_problem_build(NULL, rosenbrock, pv, &error), error,
        DESCENT_INVALID_ARGUMENT, "problem p is NULL");
    BAD(fn, descent_problem_build(&problem, cg, pv, &error), error,
        DESCENT_INVALID_ARGUMENT, "problem component cg is not a problem");
    BAD(fn, descent_problem_build(&problem, NULL, pv, &error), error,
        DESCENT_INVALID_ARGUMENT, "problem component NULL");
    BAD(fn, descent_problem_build(&problem, rosenbrock, NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "rosenbrock: its 3 values are NULL");
    pv[0] = 1;
    BAD(fn, descent_problem_build(&problem, rosenbrock, pv, &error), error,
        DESCENT_INVALID_ARGUMENT, "rosenbrock: --n = 1");
    pv[0] = 2, pv[2] = 0;
    BAD(fn, descent_problem_build(&problem, rosenbrock, pv, &error), error,
        DESCENT_INVALID_ARGUMENT, "rosenbrock: --b = 0 is not in (0, inf)");
    quad->defaults(pv);
    pv[0] = 5000;
    BAD(fn, descent_problem_build(&problem, quad, pv, &error), error,
        DESCENT_INVALID_ARGUMENT, "quadratic: --n = 5000");
    pv[0] = 2, pv[1] = 0.5;
    BAD(fn, descent_problem_build(&problem, quad, pv, &error), error,
        DESCENT_INVALID_ARGUMENT, "quadratic: --kappa = 0.5");
    SURVIVES("descent_problem_free", "NULL is ignored",
             descent_problem_free(NULL));

    fn = "descent_method_build";
    rosenbrock->defaults(pv);
    REQUIRE(descent_problem_build(&problem, rosenbrock, pv, &error), error);
    cg->defaults(v);
    double sv[DESCENT_MAX_PARAMETERS];
    wolfe->defaults(sv);
    BAD(fn, descent_method_build(NULL, cg, v, NULL, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT, "method m is NULL");
    BAD(fn, descent_method_build(&m, NULL, v, NULL, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT, "direction NULL is not a method");
    BAD(fn, descent_method_build(&m, wolfe, v, NULL, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT, "direction wolfe is not a method");
    BAD(fn, descent_method_build(&m, cg, v, cg, v, &problem, &error), error,
        DESCENT_INVALID_ARGUMENT, "step cg is not a search");
    BAD(fn, descent_method_build(&m, cg, v, NULL, NULL, NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "problem is NULL");
    BAD(fn, descent_method_build(&m, cg, NULL, NULL, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT, "cg: its 2 values are NULL");
    BAD(fn, descent_method_build(&m, cg, v, wolfe, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT, "wolfe: its 5 values are NULL");
    double hv[2] = {0.1, 0.5};
    BAD(fn, descent_method_build(&m, heavy, hv, wolfe, sv, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT,
        "heavy-ball takes its own steps: no --search wolfe");
    hv[1] = NAN;
    BAD(fn, descent_method_build(&m, heavy, hv, NULL, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT, "heavy-ball: --beta has no default");
    descent_problem no_hessian = problem;
    no_hessian.objective.hessian = NULL;
    newton->defaults(v);
    BAD(fn, descent_method_build(&m, newton, v, NULL, NULL, &no_hessian,
                                 &error),
        error, DESCENT_INVALID_ARGUMENT,
        "newton needs the Hessian, which problem rosenbrock does not give");
    descent_problem unbuilt = {0};
    BAD(fn, descent_method_build(&m, newton, v, NULL, NULL, &unbuilt, &error),
        error, DESCENT_INVALID_ARGUMENT, "problem is not built");
    SURVIVES("descent_method_free", "NULL is ignored",
             descent_method_free(NULL));
    const descent_component *nm =
        descent_component_find(DESCENT_COMPONENT_DIRECTION, "nelder-mead",
                               &error);
    double nv[DESCENT_MAX_PARAMETERS];
    nm->defaults(nv);
    BAD(fn, descent_method_build(&m, nm, nv, wolfe, sv, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT,
        "nelder-mead is derivative-free and has no step rule: no --search "
        "wolfe");
    nv[2] = 1;
    BAD(fn, descent_method_build(&m, nm, nv, NULL, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT,
        "nelder-mead: --contraction = 1 is not in (0, 1)");
    nv[2] = 0.5;
    nv[descent_parameter_index(nm, "target")] = NAN;
    BAD(fn, descent_method_build(&m, nm, nv, NULL, NULL, &problem, &error),
        error, DESCENT_INVALID_ARGUMENT, "nelder-mead: --target has no "
        "default");
    const descent_component *genetic =
        descent_component_find(DESCENT_COMPONENT_DIRECTION, "genetic",
                               &error);
    genetic->defaults(nv);
    nv[3] = 2.5;
    BAD(fn, descent_method_build(&m, genetic, nv, NULL, NULL, &problem,
                                 &error),
        error, DESCENT_INVALID_ARGUMENT,
        "genetic: --mutations 2.5 exceeds n = 2");
    nv[3] = 2;
    VALID(fn, "two mutations per child when n = 2: every gene mutates",
          descent_method_build(&m, genetic, nv, NULL, NULL, &problem,
                               &error), error);
    descent_method_free(&m);

    fn = "descent_method_minimize";
    descent_result result;
    double theta[2] = {-1.2, 1};
    nm->defaults(nv);
    REQUIRE(descent_method_build(&m, nm, nv, NULL, NULL, &problem, &error),
            error);
    BAD(fn, descent_method_minimize(&m, &problem.objective, NULL, theta,
                                    NULL), error, DESCENT_INVALID_ARGUMENT,
        "");
    BAD(fn, descent_method_minimize(NULL, &problem.objective, NULL, theta,
                                    &result), result,
        DESCENT_INVALID_ARGUMENT, "method m is NULL");
    descent_method unbuilt_method = {0};
    BAD(fn, descent_method_minimize(&unbuilt_method, &problem.objective,
                                    NULL, theta, &result), result,
        DESCENT_INVALID_ARGUMENT, "method m is not built");
    unbuilt_method.direction_component = nm;
    BAD(fn, descent_method_minimize(&unbuilt_method, &problem.objective,
                                    NULL, theta, &result), result,
        DESCENT_INVALID_ARGUMENT, "method nelder-mead is not built");
    BAD(fn, descent_method_minimize(&m, &problem.objective, NULL, NULL,
                                    &result), result,
        DESCENT_INVALID_ARGUMENT, "theta");
    descent_trace small;
    REQUIRE(descent_trace_init(&small, 3, false, &error), error);
    descent_options with_trace = descent_default_options();
    with_trace.trace = &small;
    BAD(fn, descent_method_minimize(&m, &problem.objective, &with_trace,
                                    theta, &result), result,
        DESCENT_INVALID_ARGUMENT, "trace");
    descent_trace_free(&small);
    theta[1] = NAN;
    BAD(fn, descent_method_minimize(&m, &problem.objective, NULL, theta,
                                    &result), result, DESCENT_NONFINITE,
        "theta[1] = nan");
    theta[1] = 1;
    VALID(fn, "options NULL: the method's own budget and no trace",
          descent_method_minimize(&m, &problem.objective, NULL, theta,
                                  &result), result);
    descent_method_free(&m);
    cg->defaults(v);
    REQUIRE(descent_method_build(&m, cg, v, NULL, NULL, &problem, &error),
            error);
    theta[0] = -1.2;
    theta[1] = 1;
    VALID(fn, "a gradient method: the driver, options NULL its defaults",
          descent_method_minimize(&m, &problem.objective, NULL, theta,
                                  &result), result);
    descent_method_free(&m);

    fn = "descent_search_defaults";
    BAD(fn, descent_search_defaults(NULL, wolfe, sv, &error), error,
        DESCENT_INVALID_ARGUMENT, "direction NULL is not a method");
    BAD(fn, descent_search_defaults(wolfe, wolfe, sv, &error), error,
        DESCENT_INVALID_ARGUMENT, "direction wolfe is not a method");
    BAD(fn, descent_search_defaults(newton, NULL, sv, &error), error,
        DESCENT_INVALID_ARGUMENT, "step NULL is not a search");
    BAD(fn, descent_search_defaults(newton, newton, sv, &error), error,
        DESCENT_INVALID_ARGUMENT, "step newton is not a search");
    BAD(fn, descent_search_defaults(newton, wolfe, NULL, &error), error,
        DESCENT_INVALID_ARGUMENT, "wolfe: value is NULL");
    VALID(fn, "Newton's searches try the unit step first",
          descent_search_defaults(newton, wolfe, sv, &error), error);
    assert_true(sv[2] == DESCENT_INITIAL_FIXED && sv[3] == 1);
    descent_problem_free(&problem);
}
static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-13-table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables_consistent),
        cmocka_unit_test(test_every_method_runs),
        cmocka_unit_test(test_run_matches_library),
        cmocka_unit_test(test_trace_matches_library),
        cmocka_unit_test(test_compare_equals_run),
        cmocka_unit_test(test_bad_usage),
        cmocka_unit_test(test_help_and_manual),
        cmocka_unit_test(collection_minimum_is_stated),
        cmocka_unit_test(collection_gradient_matches_differences),
        cmocka_unit_test(collection_refuses_odd_pairs),
        cmocka_unit_test(training_defaults_are_the_library_s),
        cmocka_unit_test(training_components_build_and_step),
        cmocka_unit_test(bad_training_builders),
        cmocka_unit_test(train_init_default_is_he_normal),
        cmocka_unit_test(test_derivative_free_matches_library),
        cmocka_unit_test(test_derivative_free_trace_and_compare),
        cmocka_unit_test(bad_explore),
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name("appendix: the explorer", tests, NULL,
                                       NULL);
}
