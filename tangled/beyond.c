/* beyond.c: generated from chapters/12-beyond.nw; do not edit. */
#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beyond.h"
#include "internal.h"
#include "linesearch.h"
#include "random.h"

descent_direct_options descent_direct_default_options(void)
{
    return (descent_direct_options){
        .max_evaluations = 100000, .target = -INFINITY,
        .step_tolerance = 1e-8, .trace = NULL, .target_evaluations = 0};
}

typedef struct direct_run {
    descent_objective *f;
    descent_direct_options *options;
    descent_direct_options defaults;  /* options when the caller gave none */
    size_t n;
    unsigned long start;     /* f->counts.values when the run began */
    descent_counts counts0;  /* all of f->counts then */
    double best;             /* the lowest value seen */
    double *best_theta;      /* n: where it was seen */
    bool stop;               /* the budget is spent or the target met */
} direct_run;

static size_t direct_used(const direct_run *run)
{
    return (size_t)(run->f->counts.values - run->start);
}

static double direct_value(direct_run *run, const double *theta)
{
    double v = descent_value(run->f, theta);
    if (!isfinite(v))
        v = INFINITY;
    if (v < run->best) {
        run->best = v;
        memcpy(run->best_theta, theta, run->n * sizeof *theta);
    }
    if (v <= run->options->target && run->options->target_evaluations == 0) {
        run->options->target_evaluations = direct_used(run);
        run->stop = true;
    }
    if (direct_used(run) >= run->options->max_evaluations)
        run->stop = true;
    return v;
}
static descent_status direct_begin(direct_run *run, const char *method,
                                   descent_objective *f,
                                   descent_direct_options *options,
                                   double *theta, double *value,
                                   descent_error *error)
{
    size_t i;
    descent_status status;
    *run = (direct_run){.f = f, .best = INFINITY};
    run->defaults = descent_direct_default_options();
    run->options = options != NULL ? options : &run->defaults;
    if ((status = descent_objective_check(f, error)) ||
        (status = descent_check_size(f->n, 1, 0, method, error)))
        return status;
    run->n = f->n;
    if (theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: starting point theta is NULL", method);
    if (!descent_all_finite(f->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: starting point has theta[%zu] = %g",
                            method, i, theta[i]);
    if (run->options->max_evaluations < 1)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: max_evaluations = 0 must be >= 1", method);
    if (!(run->options->step_tolerance >= 0) ||
        !isfinite(run->options->step_tolerance))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: step_tolerance = %g must be finite and "
                            ">= 0", method, run->options->step_tolerance);
    if (isnan(run->options->target))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: target = nan must be a number (-inf: "
                            "none)", method);
    if (run->options->trace != NULL && run->options->trace->n != f->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: the trace is for n = %zu, the objective "
                            "has n = %zu", method, run->options->trace->n,
                            f->n);
    run->best_theta = malloc(f->n * sizeof *run->best_theta);
    if (run->best_theta == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate a vector of n = %zu",
                            method, f->n);
    if (run->options->trace != NULL)
        trace_restart(run->options->trace);
    run->options->target_evaluations = 0;
    run->start = f->counts.values;
    run->counts0 = f->counts;
    *value = direct_value(run, theta);
    if (!isfinite(*value))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: E is not finite at the starting point",
                            method);
    return descent_succeed(error);
}

static descent_status direct_record(direct_run *run, const double *theta,
                                    double value, double eta,
                                    descent_error *error)
{
    descent_trace *trace = run->options->trace;
    descent_status status;
    if (trace == NULL)
        return DESCENT_OK;
    status = trace_append(trace, theta, value, NAN,
                          (double)direct_used(run), error);
    if (status == DESCENT_OK)
        trace->eta[trace->length - 1] = eta;
    return status;
}

static descent_status direct_finish(direct_run *run, double *theta,
                                    size_t iterations,
                                    const descent_error *error,
                                    descent_result *result)
{
    *result = (descent_result){.status = error->status,
                               .iterations = iterations,
                               .value = NAN, .gradient_norm = NAN};
    memcpy(result->message, error->message, sizeof result->message);
    if (run->best_theta != NULL && isfinite(run->best)) {
        memcpy(theta, run->best_theta, run->n * sizeof *theta);
        result->value = run->best;
    }
    if (run->n > 0) {
        result->counts.values = run->f->counts.values - run->counts0.values;
        result->counts.gradients =
            run->f->counts.gradients - run->counts0.gradients;
        result->counts.hessians =
            run->f->counts.hessians - run->counts0.hessians;
    }
    free(run->best_theta);
    run->best_theta = NULL;
    return result->status;
}

static void stochastic_stopped(const direct_run *run, const char *method,
                               descent_error *error)
{
    if (run->options->target_evaluations > 0)
        descent_fail(error, DESCENT_OK, "%s: E = %g <= target = %g after "
                     "%zu evaluations", method, run->best,
                     run->options->target, run->options->target_evaluations);
    else
        descent_fail(error, DESCENT_MAX_ITERATIONS, "%s: the budget of "
                     "max_evaluations = %zu evaluations is spent", method,
                     run->options->max_evaluations);
}

static void anneal_stopped(const direct_run *run, const descent_anneal *a,
                           double T, descent_error *error)
{
    if (run->stop)
        stochastic_stopped(run, "descent_anneal_minimize", error);
    else
        descent_fail(error, DESCENT_OK, "descent_anneal_minimize: T = %g "
                     "< final_temperature = %g after %zu temperatures", T,
                     a->final_temperature, a->temperatures);
}
typedef struct genetic_storage {
    double *now, *next;      /* P x n, row k is member k */
    double *E, *E_next;      /* P values */
    size_t *order;           /* P: members, best first */
    double *work;            /* n */
} genetic_storage;

static void genetic_free(genetic_storage *s)
{
    free(s->now);
    free(s->next);
    free(s->E);
    free(s->E_next);
    free(s->order);
    free(s->work);
    *s = (genetic_storage){.now = NULL};
}

static descent_status genetic_allocate(genetic_storage *s, size_t n,
                                       size_t P, descent_error *error)
{
    size_t members;
    *s = (genetic_storage){.now = NULL};
    if (!descent_product_fits(P, n, &members) ||
        !descent_product_fits(members, sizeof(double), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "descent_genetic_minimize: population = %zu "
                            "members of n = %zu need more memory than "
                            "size_t can count", P, n);
    s->now = malloc(members * sizeof *s->now);
    s->next = malloc(members * sizeof *s->next);
    s->E = malloc(P * sizeof *s->E);
    s->E_next = malloc(P * sizeof *s->E_next);
    s->order = malloc(P * sizeof *s->order);
    s->work = malloc(n * sizeof *s->work);
    if (s->now == NULL || s->next == NULL || s->E == NULL ||
        s->E_next == NULL || s->order == NULL || s->work == NULL) {
        genetic_free(s);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "descent_genetic_minimize: cannot allocate "
                            "population = %zu members of n = %zu", P, n);
    }
    return descent_succeed(error);
}

static void genetic_swap(genetic_storage *s)
{
    double *members = s->now, *values = s->E;
    s->now = s->next;
    s->next = members;
    s->E = s->E_next;
    s->E_next = values;
}
static void genetic_rank(const double *E, size_t P, size_t *order)
{
    for (size_t k = 0; k < P; k++) {
        size_t j = k;
        for (; j > 0 && E[order[j - 1]] > E[k]; j--)
            order[j] = order[j - 1];
        order[j] = k;
    }
}
static bool genetic_collapsed(genetic_storage *s, size_t n, size_t P,
                              const direct_run *run, size_t generations,
                              descent_error *error)
{
    const double *best = s->now + s->order[0] * n;
    double spread = 0, tolerance = run->options->step_tolerance *
                                   (1 + cblas_dnrm2((int)n, best, 1));
    for (size_t k = 1; k < P; k++) {
        memcpy(s->work, s->now + s->order[k] * n, n * sizeof *s->work);
        cblas_daxpy((int)n, -1, best, 1, s->work, 1);
        spread = fmax(spread, cblas_dnrm2((int)n, s->work, 1));
    }
    if (spread > tolerance)
        return false;
    descent_fail(error, DESCENT_OK, "descent_genetic_minimize: the "
                 "population collapsed (spread %g <= %g) after %zu "
                 "generations", spread, tolerance, generations);
    return true;
}
static void anneal(direct_run *run, descent_anneal *a, double value,
                   descent_error *error)
{
    size_t n = run->n;
    double *memory = calloc(2 * n, sizeof *memory), *x = memory, *y;
    double T = a->initial_temperature, E = value;
    descent_random r;
    if (memory == NULL) {
        descent_fail(error, DESCENT_OUT_OF_MEMORY, "descent_anneal_minimize: "
                     "cannot allocate two vectors of n = %zu", n);
        return;
    }
    y = memory + n;
    descent_random_seed(&r, a->seed);
    memcpy(x, run->best_theta, n * sizeof *x);
    if (direct_record(run, x, E, T, error) == DESCENT_OK) {
        while (!run->stop && T >= a->final_temperature) {
            for (size_t s = 0; s < a->steps && !run->stop; s++) {
                for (size_t i = 0; i < n; i++)
                    y[i] = x[i] + a->step * descent_random_gaussian(&r);
                double Ey = direct_value(run, y);
                a->proposed++;
                if (Ey <= E || descent_random_uniform(&r) < exp(-(Ey - E) / T)) {
                    double *swap = x;
                    x = y;
                    y = swap;
                    E = Ey;
                    a->accepted++;
                }
            }
            a->temperatures++;
            a->temperature = T;
            if (direct_record(run, run->best_theta, run->best, T, error))
                break;
            T *= a->cooling;
        }
        if (error->status == DESCENT_OK)
            anneal_stopped(run, a, T, error);
    }
    free(memory);
}
static size_t genetic_tournament(descent_random *r, const double *E,
                                 size_t P, size_t size)
{
    size_t winner = (size_t)descent_random_below(r, P);
    for (size_t j = 1; j < size; j++) {
        size_t rival = (size_t)descent_random_below(r, P);
        if (E[rival] < E[winner])
            winner = rival;
    }
    return winner;
}
static void genetic_breed(direct_run *run, const descent_genetic *g,
                          double rate, descent_random *r,
                          const double *now, const double *E,
                          const size_t *order, double *next,
                          double *E_next)
{
    size_t n = run->n, P = g->population;
    for (size_t k = 0; k < g->elite; k++) {
        memcpy(next + k * n, now + order[k] * n, n * sizeof *next);
        E_next[k] = E[order[k]];
    }
    for (size_t k = g->elite; k < P && !run->stop; k++) {
        double *child = next + k * n;
        const double *a = now + genetic_tournament(r, E, P, g->tournament) * n;
        if (descent_random_uniform(r) < g->crossover) {
            const double *b = now + genetic_tournament(r, E, P, g->tournament) * n;
            for (size_t i = 0; i < n; i++)
                child[i] = descent_random_uniform(r) < 0.5 ? a[i] : b[i];
        } else {
            memcpy(child, a, n * sizeof *child);
        }
        for (size_t i = 0; i < n; i++)
            if (descent_random_uniform(r) < rate)
                child[i] += g->mutation_scale * descent_random_gaussian(r);
        E_next[k] = direct_value(run, child);
    }
}
static void genetic(direct_run *run, descent_genetic *g, double value,
                    descent_error *error)
{
    size_t n = run->n, P = g->population;
    double rate = isnan(g->mutation) ? 1.0 / (double)n : g->mutation;
    genetic_storage s;
    descent_random r;
    if (genetic_allocate(&s, n, P, error))
        return;
    descent_random_seed(&r, g->seed);
    memcpy(s.now, run->best_theta, n * sizeof *s.now);
    s.E[0] = value;
    for (size_t k = 1; k < P; k++) {
        for (size_t i = 0; i < n; i++)
            s.now[k * n + i] = s.now[i] +
                               g->initial_scale * descent_random_gaussian(&r);
        s.E[k] = run->stop ? INFINITY : direct_value(run, s.now + k * n);
    }
    for (;;) {
        genetic_rank(s.E, P, s.order);
        if (direct_record(run, run->best_theta, run->best, NAN, error) ||
            run->stop ||
            genetic_collapsed(&s, n, P, run, g->generations, error))
            break;
        genetic_breed(run, g, rate, &r, s.now, s.E, s.order, s.next,
                      s.E_next);
        genetic_swap(&s);
        g->generations++;
    }
    if (error->status == DESCENT_OK && run->stop)
        stochastic_stopped(run, "descent_genetic_minimize", error);
    genetic_free(&s);
}
descent_anneal descent_anneal_defaults(void)
{
    return (descent_anneal){
        .initial_temperature = 1, .cooling = 0.9,
        .final_temperature = 1e-3, .steps = 100, .step = 1, .seed = 1,
        .temperature = NAN};
}

descent_genetic descent_genetic_defaults(void)
{
    return (descent_genetic){
        .population = 50, .tournament = 3, .crossover = 0.9,
        .mutation = NAN, .mutation_scale = 0.5, .initial_scale = 1,
        .elite = 1, .seed = 1};
}
static descent_status anneal_check(const descent_anneal *a,
                                   descent_error *error)
{
    const char *m = "descent_anneal_minimize";
    if (!(a->initial_temperature > 0) || !isfinite(a->initial_temperature))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "initial_temperature = %g must be finite and "
                            "> 0", m, a->initial_temperature);
    if (!(a->cooling > 0 && a->cooling < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: cooling "
                            "= %g must lie in (0, 1)", m, a->cooling);
    if (!(a->final_temperature > 0 &&
          a->final_temperature < a->initial_temperature))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "final_temperature = %g must lie in (0, "
                            "initial_temperature = %g)", m,
                            a->final_temperature, a->initial_temperature);
    if (a->steps < 1)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: steps = 0 must be >= 1", m);
    if (!(a->step > 0) || !isfinite(a->step))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: step = "
                            "%g must be finite and > 0", m, a->step);
    return descent_succeed(error);
}
static descent_status genetic_check(const descent_genetic *g,
                                    descent_error *error)
{
    const char *m = "descent_genetic_minimize";
    if (g->population < 2)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "population = %zu must be >= 2", m,
                            g->population);
    if (g->tournament < 1 || g->tournament > g->population)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "tournament = %zu must lie in 1..population "
                            "= %zu", m, g->tournament, g->population);
    if (g->elite >= g->population)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: elite = "
                            "%zu must be < population = %zu", m, g->elite,
                            g->population);
    if (!(g->crossover >= 0 && g->crossover <= 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "crossover = %g must lie in [0, 1]", m,
                            g->crossover);
    if (!isnan(g->mutation) && !(g->mutation >= 0 && g->mutation <= 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "mutation = %g must lie in [0, 1] (nan: 1/n)",
                            m, g->mutation);
    if (!(g->mutation_scale > 0) || !isfinite(g->mutation_scale))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "mutation_scale = %g must be finite and > 0",
                            m, g->mutation_scale);
    if (!(g->initial_scale > 0) || !isfinite(g->initial_scale))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "initial_scale = %g must be finite and > 0",
                            m, g->initial_scale);
    return descent_succeed(error);
}
descent_status descent_anneal_minimize(descent_objective *f,
                                       descent_anneal *method,
                                       descent_direct_options *options,
                                       double *theta,
                                       descent_result *result)
{
    descent_anneal defaults = descent_anneal_defaults();
    descent_error error;
    direct_run run = {.f = NULL};
    double value;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (method == NULL)
        method = &defaults;
    method->proposed = method->accepted = method->temperatures = 0;
    method->temperature = NAN;
    if (anneal_check(method, &error) == DESCENT_OK &&
        direct_begin(&run, "descent_anneal_minimize", f, options, theta,
                     &value, &error) == DESCENT_OK)
        anneal(&run, method, value, &error);
    return direct_finish(&run, theta, method->temperatures, &error, result);
}

descent_status descent_genetic_minimize(descent_objective *f,
                                        descent_genetic *method,
                                        descent_direct_options *options,
                                        double *theta,
                                        descent_result *result)
{
    descent_genetic defaults = descent_genetic_defaults();
    descent_error error;
    direct_run run = {.f = NULL};
    double value;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (method == NULL)
        method = &defaults;
    method->generations = 0;
    if (genetic_check(method, &error) == DESCENT_OK &&
        direct_begin(&run, "descent_genetic_minimize", f, options, theta,
                     &value, &error) == DESCENT_OK)
        genetic(&run, method, value, &error);
    return direct_finish(&run, theta, method->generations, &error, result);
}
