/* problems.h: the benchmarks' problem instances, a thin layer over the
 * library's collection of Andrei's test functions.
 *
 * The formulas, starts, minimizers and minima live once, in the library:
 * Appendix "The explorer" (chapters/13-explorer.nw, tangled/problems.c)
 * holds the unconstrained test functions of
 *
 *   N. Andrei, "An unconstrained optimization test functions
 *   collection", Advanced Modeling and Optimization 10(1), 147-161,
 *   2008,
 *
 * and Chapter 1 holds Rosenbrock's function, which with a = 1, b = 100 is
 * Andrei's generalized Rosenbrock. The one formula kept here is the
 * extended Rosenbrock function (MGH 21), which the timing in cg-gsl.c and
 * quasi-newton.c needs: the Moré-Garbow-Hillstrom set is held out of the
 * library for an independent check of it.
 *
 * This header fixes the instances (the name the reports print, the size
 * n) and builds each one before it is used (bench_prepare): its
 * objective, start x0, minimizer x* and minimum E*, so that the benchmark
 * can check, before it runs anything, that E(x*) is E* and that the
 * gradient vanishes there. Everything is static: this header is included
 * by exactly one program.
 */
#ifndef BENCH_PROBLEMS_H
#define BENCH_PROBLEMS_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "descent.h"
#include "internal-problems.h"

typedef struct bench_problem {
    size_t n;                 /* first: the context's size (dimension) */
    const char *name;         /* as the reports print it */
    const char *collection;   /* the library's name, or one of the two
                                 Rosenbrocks below */
    const char *source;
    /* filled by bench_prepare: */
    descent_objective f;
    const double *x0, *solution;
    double minimum;
    descent_problem built;
    descent_rosenbrock rosenbrock;
} bench_problem;

#define BENCH_EXTENDED_ROSENBROCK "extended rosenbrock (MGH 21)"
#define BENCH_ROSENBROCK "rosenbrock (Chapter 1)"

/* A problem's size: the context of the formula here, and of the
 * least-squares residuals, starts with it. */
static size_t dimension(void *context)
{
    return *(const size_t *)context;
}

/* ---- Extended Rosenbrock (Andrei; MGH 21) ----
 * E = sum over pairs 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2,
 * x0 = (-1.2, 1, ...), x* = (1, ..., 1), E* = 0. */
static double ext_rosenbrock(const double *x, double *g, void *context)
{
    size_t n = dimension(context);
    double value = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        double t = x[i + 1] - x[i] * x[i], u = 1 - x[i];
        value += 100 * t * t + u * u;
        if (g != NULL) {
            g[i] = -400 * x[i] * t - 2 * u;
            g[i + 1] = 200 * t;
        }
    }
    return value;
}

/* The two Rosenbrocks: x0 = (-1.2, 1, ...), x* = (1, ..., 1), E* = 0. */
static bool bench_prepare_rosenbrock(bench_problem *p)
{
    double *x = malloc(2 * p->n * sizeof *x);
    if (x == NULL)
        return false;
    for (size_t i = 0; i < p->n; i++) {
        x[i] = i % 2 == 0 ? -1.2 : 1;
        x[p->n + i] = 1;
    }
    p->x0 = x;
    p->solution = x + p->n;
    p->minimum = 0;
    if (strcmp(p->collection, BENCH_EXTENDED_ROSENBROCK) == 0) {
        p->f = (descent_objective){.n = p->n, .evaluate = ext_rosenbrock,
                                   .context = p};
        return true;
    }
    descent_error error;
    if (descent_rosenbrock_init(&p->rosenbrock, p->n, 1, 100, &error)) {
        fprintf(stderr, "%s: %s\n", p->name, error.message);
        return false;
    }
    p->f = descent_rosenbrock_objective(&p->rosenbrock);
    return true;
}

/* Build p (once): from the library's collection by name, or one of the
 * Rosenbrocks. False, with a message, if that fails. */
static bool bench_prepare(bench_problem *p)
{
    if (p->f.evaluate != NULL)
        return true;
    bool ok = false;
    if (strcmp(p->collection, BENCH_EXTENDED_ROSENBROCK) == 0 ||
        strcmp(p->collection, BENCH_ROSENBROCK) == 0)
        ok = bench_prepare_rosenbrock(p);
    for (size_t i = 0; !ok && i < descent_collection_count; i++) {
        const descent_component *c = &descent_collection_problems[i];
        if (strcmp(c->name, p->collection) != 0)
            continue;
        double value[DESCENT_MAX_PARAMETERS] = {(double)p->n};
        descent_error error;
        p->built = (descent_problem){.component = c, .n = p->n};
        if (c->ops->problem(&p->built, value, &error)) {
            fprintf(stderr, "%s: %s\n", p->name, error.message);
            return false;
        }
        p->f = p->built.objective;
        p->x0 = p->built.start;
        p->solution = descent_collection_solution(&p->built);
        p->minimum = p->built.minimum;
        ok = true;
    }
    if (!ok) {
        fprintf(stderr, "%s: no problem %s\n", p->name, p->collection);
        return false;
    }
    p->f.name = p->name;
    return true;
}

/* E and g (g may be NULL) at x, one evaluation of the objective. */
static double bench_evaluate(bench_problem *p, const double *x, double *g)
{
    return p->f.evaluate(x, g, p->f.context);
}
static void bench_start(const bench_problem *p, double *x)
{
    memcpy(x, p->x0, p->n * sizeof *x);
}
static void bench_solution(const bench_problem *p, double *x)
{
    memcpy(x, p->solution, p->n * sizeof *x);
}

#define BENCH_PROBLEM(name, n, collection, source) \
    {n, name, collection, source, {0}, NULL, NULL, 0, {0}, {0}}
#define ANDREI(name, n, collection) \
    BENCH_PROBLEM(name, n, collection, "Andrei (2008)")
#define CUTE(name, n, collection) \
    BENCH_PROBLEM(name, n, collection, "Andrei (2008); CUTE")
#define DIXMAAN(letter, collection) \
    BENCH_PROBLEM("DIXMAAN" letter, 300, collection, \
                  "Andrei (2008); CUTE (Dixon and Maany 1988)")

/* The instances: sizes from 2 to 1000, fixed before any run. The n = 2
 * instances of the "extended" functions are their two-variable
 * originals. */
static bench_problem bench_problems[] = {
    BENCH_PROBLEM("Extended Rosenbrock", 1000, BENCH_EXTENDED_ROSENBROCK,
                  "Andrei (2008); MGH 21"),
    BENCH_PROBLEM("Generalized Rosenbrock", 10, BENCH_ROSENBROCK,
                  "Andrei (2008)"),
    ANDREI("Extended White & Holst", 100, "ext-white-holst"),
    ANDREI("Generalized White & Holst", 10, "gen-white-holst"),
    ANDREI("Raydan 1", 100, "raydan1"),
    ANDREI("Raydan 2", 1000, "raydan2"),
    ANDREI("Diagonal 1", 1000, "diagonal1"),
    ANDREI("Diagonal 2", 1000, "diagonal2"),
    ANDREI("Hager", 100, "hager"),
    ANDREI("Extended TET", 2, "ext-tet"),
    ANDREI("Diagonal 4", 1000, "diagonal4"),
    ANDREI("Diagonal 5", 1000, "diagonal5"),
    ANDREI("Extended Himmelblau", 2, "ext-himmelblau"),
    ANDREI("Extended BD1", 1000, "ext-bd1"),
    ANDREI("Extended Tridiagonal 1", 100, "ext-tridiagonal1"),
    BENCH_PROBLEM("Extended Cliff", 2, "ext-cliff",
                  "Andrei (2008); CUTE CLIFF"),
    ANDREI("Extended Hiebert", 2, "ext-hiebert"),
    ANDREI("Quadratic QF1", 100, "qf1"),
    ANDREI("Perturbed Quadratic", 100, "perturbed-quadratic"),
    ANDREI("Almost Perturbed Quadratic", 1000,
           "almost-perturbed-quadratic"),
    ANDREI("Perturbed Tridiagonal Quadratic", 100,
           "perturbed-tridiagonal-quadratic"),
    CUTE("TRIDIA", 100, "tridia"),
    CUTE("ARWHEAD", 1000, "arwhead"),
    BENCH_PROBLEM("NONDIA", 1000, "nondia",
                  "Andrei (2008); CUTE (Shanno 1978)"),
    CUTE("NONDQUAR", 100, "nondquar"),
    CUTE("DQDRTIC", 1000, "dqdrtic"),
    CUTE("LIARWHD", 1000, "liarwhd"),
    CUTE("DIXON3DQ", 100, "dixon3dq"),
    CUTE("BIGGSB1", 100, "biggsb1"),
    CUTE("FLETCHCR", 10, "fletchcr"),
    CUTE("Extended DENSCHNB", 2, "ext-denschnb"),
    CUTE("Extended DENSCHNF", 10, "ext-denschnf"),
    CUTE("POWER", 100, "power"),
    CUTE("QUARTC", 1000, "quartc"),
    ANDREI("Generalized quartic GQ1", 1000, "gen-quartic"),
    CUTE("NONSCOMP", 100, "nonscomp"),
    DIXMAAN("A", "dixmaan-a"),
    DIXMAAN("D", "dixmaan-d"),
    DIXMAAN("E", "dixmaan-e"),
    DIXMAAN("H", "dixmaan-h"),
    DIXMAAN("I", "dixmaan-i"),
    DIXMAAN("L", "dixmaan-l"),
};

enum { BENCH_PROBLEM_COUNT =
           (int)(sizeof bench_problems / sizeof bench_problems[0]) };

#endif
