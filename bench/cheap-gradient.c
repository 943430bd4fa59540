/* cheap-gradient.c: what a gradient costs, in values (Chapter 12).
 *
 * The reverse mode of Chapter 6 promises the gradient of E at a small
 * constant times the cost of E itself, whatever the dimension n; every
 * derivative-free method of Chapter 12 pays at least n + 1 values for
 * the same information. This program measures the constant, the time
 * of one call of evaluate with a gradient over the time of one without,
 * on three objectives:
 *
 *   network     Chapter 6's network objective (double), 784-256-256-10,
 *               ReLU hidden layers, identity output, the squared error,
 *               on 512 examples drawn from the book's generator (the
 *               values of the data do not change the cost);
 *   rosenbrock  Chapter 1's chained Rosenbrock function, n = 10^6;
 *   quadratic   Chapter 1's quadratic, n = 1000, a dense A.
 *
 * Each objective is evaluated WARMUP times untimed, then REPEATS rounds,
 * each timing CALLS calls without the gradient and CALLS with it, one
 * after the other; a round's ratio is the quotient of its two times, and
 * the report gives the median over rounds of the times and of the
 * ratios (a round's two halves see the same machine, so the ratio is
 * steadier than either time). Everything runs on the OpenBLAS threads
 * the environment gives; the core OpenBLAS chose is recorded.
 *
 * For the network the ratio is also counted, from the matrix products:
 * the forward pass is one product per layer, the backward pass two, less
 * the first layer's signal to the input, so omega = 3 - P1/P with P the
 * weights and P1 those of the first layer (Chapter 12, eq. beyond-omega).
 *
 * The report is printed and written to $BENCH_RESULTS/cheap-gradient.txt
 * (default bench/results/), with the book's table in cheap-gradient.tex,
 * which also defines \beyondOmegaNetwork (measured) and
 * \beyondOmegaCounted for the text.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "descent.h"

#define BENCH_NAME "cheap-gradient"
#include "report.h"
#include "timing.h"

char *openblas_get_corename(void);
char *openblas_get_config(void);
int openblas_get_num_threads(void);

enum { WARMUP = 3, REPEATS = 21, EXAMPLES = 512 };

typedef struct measured {
    const char *name, *tex;
    size_t n, calls;
    double value_seconds, both_seconds, ratio;
    double counted;          /* omega by the count, or NAN */
} measured;

static void measure(measured *m, descent_objective *f, const double *theta,
                    double *g)
{
    double value_time[REPEATS], both_time[REPEATS], ratio[REPEATS];
    volatile double sink = 0;
    for (int i = 0; i < WARMUP; i++)
        sink += f->evaluate(theta, NULL, f->context) +
                f->evaluate(theta, g, f->context);
    for (int r = 0; r < REPEATS; r++) {
        double t0 = now();
        for (size_t c = 0; c < m->calls; c++)
            sink += f->evaluate(theta, NULL, f->context);
        double t1 = now();
        for (size_t c = 0; c < m->calls; c++)
            sink += f->evaluate(theta, g, f->context);
        double t2 = now();
        value_time[r] = (t1 - t0) / (double)m->calls;
        both_time[r] = (t2 - t1) / (double)m->calls;
        ratio[r] = both_time[r] / value_time[r];
    }
    if (!isfinite(sink))
        die("%s: a value is not finite", m->name);
    m->value_seconds = median(value_time, REPEATS);
    m->both_seconds = median(both_time, REPEATS);
    m->ratio = median(ratio, REPEATS);
    say("%-12s n = %8zu   value %10.3g s   value and gradient %10.3g s"
        "   ratio %.2f", m->name, m->n, m->value_seconds,
        m->both_seconds, m->ratio);
    if (!isnan(m->counted))
        say("   (counted %.2f)", m->counted);
    say("\n");
}

static double *vector(size_t n)
{
    double *x = malloc(n * sizeof *x);
    if (x == NULL)
        die("cannot allocate %zu doubles", n);
    return x;
}

static void network(measured *m)
{
    const size_t sizes[4] = {784, 256, 256, 10};
    descent_network net;
    descent_network_problem p;
    descent_error e;
    descent_random r;
    if (descent_network_init(&net, 3, sizes, DESCENT_RELU, DESCENT_IDENTITY,
                             &e))
        die("%s", e.message);
    double *x = vector(EXAMPLES * sizes[0]), *t = vector(EXAMPLES * sizes[3]);
    double *theta = vector(net.parameters), *g = vector(net.parameters);
    descent_random_seed(&r, 12);
    if (descent_random_fill(&r, EXAMPLES * sizes[0], x, DESCENT_UNIFORM, &e) ||
        descent_random_fill(&r, EXAMPLES * sizes[3], t, DESCENT_UNIFORM, &e) ||
        descent_random_fill(&r, net.parameters, theta, DESCENT_GAUSSIAN, &e))
        die("%s", e.message);
    for (size_t i = 0; i < net.parameters; i++)
        theta[i] *= 0.05;
    descent_dataset data = {EXAMPLES, sizes[0], sizes[3], x, t};
    if (descent_network_problem_init(&p, &net, &data, DESCENT_L2, &e))
        die("%s", e.message);
    descent_objective f = descent_network_objective(&p);
    size_t weights = 0;
    for (size_t l = 1; l <= 3; l++)
        weights += sizes[l] * sizes[l - 1];
    *m = (measured){"network", "network 784-256-256-10, 512 examples",
                    net.parameters, 10, 0, 0, 0,
                    3 - (double)(sizes[0] * sizes[1]) / (double)weights};
    measure(m, &f, theta, g);
    descent_network_problem_free(&p);
    free(x), free(t), free(theta), free(g);
}

static void rosenbrock(measured *m)
{
    const size_t n = 1000000;
    descent_rosenbrock rb;
    descent_error e;
    if (descent_rosenbrock_init(&rb, n, 1, 100, &e))
        die("%s", e.message);
    descent_objective f = descent_rosenbrock_objective(&rb);
    double *theta = vector(n), *g = vector(n);
    for (size_t i = 0; i < n; i++)
        theta[i] = i % 2 ? 1.0 : -1.2;
    *m = (measured){"rosenbrock", "chained Rosenbrock", n, 20, 0, 0, 0,
                    NAN};
    measure(m, &f, theta, g);
    free(theta), free(g);
}

static void quadratic(measured *m)
{
    const size_t n = 1000;
    descent_quadratic q;
    descent_error e;
    double *lambda = vector(n), *theta = vector(n), *g = vector(n);
    for (size_t i = 0; i < n; i++) {
        lambda[i] = pow(100.0, (double)i / (double)(n - 1));
        theta[i] = 1;
    }
    if (descent_quadratic_spectrum(&q, n, lambda, NULL, 0, 7, &e))
        die("%s", e.message);
    descent_objective f = descent_quadratic_objective(&q);
    *m = (measured){"quadratic", "quadratic, dense $A$", n, 200, 0, 0, 0,
                    NAN};
    measure(m, &f, theta, g);
    descent_quadratic_free(&q);
    free(lambda), free(theta), free(g);
}

int main(void)
{
    const char *directory = results_directory();
    const char *forced = getenv("OPENBLAS_CORETYPE");
    measured m[3];
    report_file = open_result(directory, "cheap-gradient.txt");
    say("cheap-gradient: the time of E with its gradient over E alone\n");
    say("OpenBLAS core: %s (config: %s), %d threads\n",
        openblas_get_corename(), openblas_get_config(),
        openblas_get_num_threads());
    say("OPENBLAS_CORETYPE: %s\n", forced ? forced : "(not set)");
    say("Compiler flags: %s; library CFLAGS: %s\n", BENCH_CFLAGS,
        BENCH_LIBRARY_CFLAGS);
    say("%d untimed calls of each, then %d rounds; medians over rounds\n\n",
        WARMUP, REPEATS);
    network(&m[0]);
    rosenbrock(&m[1]);
    quadratic(&m[2]);
    fclose(report_file);

    FILE *tex = open_result(directory, "cheap-gradient.tex");
    fprintf(tex, "%% cheap-gradient.tex: written by bench/cheap-gradient.c "
                 "(make bench); do not edit.\n"
                 "\\gdef\\beyondOmegaNetwork{%.2f}\n"
                 "\\gdef\\beyondOmegaCounted{%.2f}\n",
            m[0].ratio, m[0].counted);
    fprintf(tex, "\\begin{tabular}{@{}lrrrrr@{}}\\toprule\n"
                 "objective & $n$ & $E$ (ms) & $E$, $\\nabla E$ (ms) & "
                 "$\\omega$ & counted\\\\\n\\midrule\n");
    for (int i = 0; i < 3; i++) {
        fprintf(tex, "%s & %zu & %.3g & %.3g & %.2f & ", m[i].tex, m[i].n,
                1e3 * m[i].value_seconds, 1e3 * m[i].both_seconds,
                m[i].ratio);
        if (isnan(m[i].counted))
            fprintf(tex, "--\\\\\n");
        else
            fprintf(tex, "%.2f\\\\\n", m[i].counted);
    }
    fprintf(tex, "\\bottomrule\n\\end{tabular}\\\\[2pt]\n"
                 "{\\footnotesize OpenBLAS core ");
    tex_escape(tex, openblas_get_corename());
    fprintf(tex, ", %d threads; medians of %d rounds.}\n",
            openblas_get_num_threads(), REPEATS);
    fclose(tex);
    return 0;
}
