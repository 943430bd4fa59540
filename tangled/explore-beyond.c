/* explore-beyond.c: generated from chapters/13-explorer.nw; do not edit.
   The derivative-free methods of Chapter 12 as components. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "descent.h"
#include "internal-explore.h"

#define BUDGET_PARAMETERS                                                  \
    {"max-evaluations", DESCENT_PARAMETER_COUNT, 1, 1e15, false, false,   \
     NULL, "the budget of evaluations of E"},                            \
    {"target", DESCENT_PARAMETER_REAL, -INFINITY, INFINITY, false, true,  \
     NULL, "stop once E <= target (-inf: no target)"}
#define DIRECT_PARAMETERS                                                  \
    BUDGET_PARAMETERS,                                                    \
    {"step-tolerance", DESCENT_PARAMETER_REAL, 0, INFINITY, false, true,  \
     NULL, "converged when the method's own scale is below this"}

static void direct_defaults(double *value)
{
    descent_direct_options o = descent_direct_default_options();
    value[0] = (double)o.max_evaluations;
    value[1] = o.target;
    value[2] = o.step_tolerance;
}

/* The options from value[0 ..]: two values, or three with the
   tolerance. */
static descent_direct_options direct_options(const double *value,
                                             bool tolerance)
{
    descent_direct_options o = descent_direct_default_options();
    o.max_evaluations = (size_t)value[0];
    o.target = value[1];
    if (tolerance)
        o.step_tolerance = value[2];
    return o;
}
static const descent_parameter coordinate_parameters[] = {
    {"accelerate", DESCENT_PARAMETER_SWITCH, 0, 1, false, false, NULL,
     "after each cycle, a line search along its displacement"},
    {"initial-step", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the width of each line search's first bracket"},
    {"line-tolerance", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "each line search's relative tolerance (Brent)"},
    DIRECT_PARAMETERS};
static void coordinate_defaults(double *value)
{
    descent_coordinate_search d = descent_coordinate_search_defaults();
    value[0] = d.accelerate;
    value[1] = d.initial_step;
    value[2] = d.line_tolerance;
    direct_defaults(value + 3);
}

static const char *const powell_rules[] = {"basic", "safeguarded", NULL};
static const descent_parameter powell_parameters[] = {
    {"rule", DESCENT_PARAMETER_CHOICE, 0, 1, false, false, powell_rules,
     "drop the oldest direction, or Powell's safeguarded replacement"},
    {"initial-step", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the width of each line search's first bracket"},
    {"line-tolerance", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "each line search's relative tolerance (Brent)"},
    {"parabolic", DESCENT_PARAMETER_SWITCH, 0, 1, false, false, NULL,
     "one parabolic step per line search instead of Brent"},
    {"max-cycles", DESCENT_PARAMETER_COUNT, 0, 1e15, false, false, NULL,
     "stop after this many cycles (0: no limit)"},
    DIRECT_PARAMETERS};
static void powell_defaults(double *value)
{
    descent_powell d = descent_powell_defaults();
    value[0] = d.rule;
    value[1] = d.initial_step;
    value[2] = d.line_tolerance;
    value[3] = d.parabolic;
    value[4] = (double)d.max_cycles;
    direct_defaults(value + 5);
}

static const descent_parameter nelder_mead_parameters[] = {
    {"reflection", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the reflection coefficient"},
    {"expansion", DESCENT_PARAMETER_REAL, 1, INFINITY, true, true, NULL,
     "the expansion coefficient, above the reflection"},
    {"contraction", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "the contraction coefficient"},
    {"shrink", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "the shrink coefficient"},
    {"adaptive", DESCENT_PARAMETER_SWITCH, 0, 1, false, false, NULL,
     "Gao and Han's coefficients for the dimension instead"},
    {"initial-step", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the first simplex: theta and theta + step e_i"},
    DIRECT_PARAMETERS};
static void nelder_mead_defaults(double *value)
{
    descent_nelder_mead d = descent_nelder_mead_defaults();
    value[0] = d.reflection;
    value[1] = d.expansion;
    value[2] = d.contraction;
    value[3] = d.shrink;
    value[4] = d.adaptive;
    value[5] = d.initial_step;
    direct_defaults(value + 6);
}
#define SEED_PARAMETER                                                    \
    {"seed", DESCENT_PARAMETER_COUNT, 0, 9007199254740992.0, false,       \
     false, NULL, "of the random generator"}

static const descent_parameter anneal_parameters[] = {
    {"initial-temperature", DESCENT_PARAMETER_REAL, 0, INFINITY, true,
     true, NULL, "T_0"},
    {"cooling", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "T_k+1 = cooling T_k"},
    {"final-temperature", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true,
     NULL, "stop once T is below this"},
    {"steps", DESCENT_PARAMETER_COUNT, 1, 1e9, false, false, NULL,
     "Metropolis proposals at each temperature"},
    {"step", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "a proposal is theta + step N(0, I)"},
    SEED_PARAMETER, BUDGET_PARAMETERS};
static void anneal_defaults(double *value)
{
    descent_anneal d = descent_anneal_defaults();
    value[0] = d.initial_temperature;
    value[1] = d.cooling;
    value[2] = d.final_temperature;
    value[3] = (double)d.steps;
    value[4] = d.step;
    value[5] = (double)d.seed;
    direct_defaults(value + 6);
}
static const descent_parameter genetic_parameters[] = {
    {"population", DESCENT_PARAMETER_COUNT, 2, 1e7, false, false, NULL,
     "individuals in each generation"},
    {"tournament", DESCENT_PARAMETER_COUNT, 1, 1e7, false, false, NULL,
     "a parent is the best of this many drawn"},
    {"crossover", DESCENT_PARAMETER_REAL, 0, 1, false, false, NULL,
     "the probability that a child mixes two parents"},
    {"mutations", DESCENT_PARAMETER_REAL, 0, INFINITY, false, true, NULL,
     "genes mutated per child on average (at most n)"},
    {"mutation-scale", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true,
     NULL, "the deviation of a mutation"},
    {"initial-scale", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true,
     NULL, "the first population is theta + scale N(0, I)"},
    {"elite", DESCENT_PARAMETER_COUNT, 0, 1e7, false, false, NULL,
     "the best kept unchanged, fewer than the population"},
    SEED_PARAMETER, DIRECT_PARAMETERS};
static void genetic_defaults(double *value)
{
    descent_genetic d = descent_genetic_defaults();
    value[0] = (double)d.population;
    value[1] = (double)d.tournament;
    value[2] = d.crossover;
    value[3] = isnan(d.mutation) ? 1 : NAN;
    value[4] = d.mutation_scale;
    value[5] = d.initial_scale;
    value[6] = (double)d.elite;
    value[7] = (double)d.seed;
    direct_defaults(value + 8);
}
typedef struct free_method {
    descent_direct_options options;
    union {
        descent_coordinate_search coordinate;
        descent_powell powell;
        descent_nelder_mead nelder_mead;
        descent_anneal anneal;
        descent_genetic genetic;
    } method;
} free_method;

static free_method *free_state(descent_method *m, void **state,
                               const double *value, size_t first,
                               bool tolerance, descent_error *error)
{
    free_method *s = calloc(1, sizeof *s);
    if (s == NULL) {
        descent_fail(error, DESCENT_OUT_OF_MEMORY,
                     "%s: no memory for its state",
                     m->direction_component->name);
        return NULL;
    }
    s->options = direct_options(value + first, tolerance);
    *state = s;
    descent_succeed(error);
    return s;
}
static descent_status build_coordinate(descent_method *m,
                                       const double *value, size_t n,
                                       void **state, descent_error *error)
{
    (void)n;
    free_method *s = free_state(m, state, value, 3, true, error);
    if (s == NULL)
        return error->status;
    descent_coordinate_search *c = &s->method.coordinate;
    *c = descent_coordinate_search_defaults();
    c->accelerate = value[0] != 0;
    c->initial_step = value[1];
    c->line_tolerance = value[2];
    return DESCENT_OK;
}

static descent_status build_powell(descent_method *m, const double *value,
                                   size_t n, void **state,
                                   descent_error *error)
{
    (void)n;
    free_method *s = free_state(m, state, value, 5, true, error);
    if (s == NULL)
        return error->status;
    descent_powell *p = &s->method.powell;
    *p = descent_powell_defaults();
    p->rule = (descent_powell_rule)value[0];
    p->initial_step = value[1];
    p->line_tolerance = value[2];
    p->parabolic = value[3] != 0;
    p->max_cycles = (size_t)value[4];
    return DESCENT_OK;
}

static descent_status build_nelder_mead(descent_method *m,
                                        const double *value, size_t n,
                                        void **state, descent_error *error)
{
    double standard[DESCENT_MAX_PARAMETERS];
    nelder_mead_defaults(standard);
    for (size_t i = 0; i < 4; i++)
        if (value[4] != 0 && n >= 3 && value[i] != standard[i])
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "nelder-mead: --%s %g would be ignored: "
                                "--adaptive yes sets the coefficients for "
                                "n = %zu", nelder_mead_parameters[i].name,
                                value[i], n);
    free_method *s = free_state(m, state, value, 6, true, error);
    if (s == NULL)
        return error->status;
    descent_nelder_mead *nm = &s->method.nelder_mead;
    *nm = descent_nelder_mead_defaults();
    nm->reflection = value[0];
    nm->expansion = value[1];
    nm->contraction = value[2];
    nm->shrink = value[3];
    nm->adaptive = value[4] != 0;
    nm->initial_step = value[5];
    return DESCENT_OK;
}
static descent_status build_anneal(descent_method *m, const double *value,
                                   size_t n, void **state,
                                   descent_error *error)
{
    (void)n;
    free_method *s = free_state(m, state, value, 6, false, error);
    if (s == NULL)
        return error->status;
    descent_anneal *a = &s->method.anneal;
    *a = descent_anneal_defaults();
    a->initial_temperature = value[0];
    a->cooling = value[1];
    a->final_temperature = value[2];
    a->steps = (size_t)value[3];
    a->step = value[4];
    a->seed = (uint64_t)value[5];
    return DESCENT_OK;
}

static descent_status build_genetic(descent_method *m, const double *value,
                                    size_t n, void **state,
                                    descent_error *error)
{
    if (value[3] > (double)n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "genetic: --mutations %g exceeds n = %zu (each "
                            "gene mutates with probability mutations / n)",
                            value[3], n);
    free_method *s = free_state(m, state, value, 8, true, error);
    if (s == NULL)
        return error->status;
    descent_genetic *g = &s->method.genetic;
    *g = descent_genetic_defaults();
    g->population = (size_t)value[0];
    g->tournament = (size_t)value[1];
    g->crossover = value[2];
    g->mutation = value[3] / (double)n;
    g->mutation_scale = value[4];
    g->initial_scale = value[5];
    g->elite = (size_t)value[6];
    g->seed = (uint64_t)value[7];
    return DESCENT_OK;
}
#define RUN_FREE(name, field, minimizer)                                  \
    static descent_status name(void *state, descent_objective *f,         \
                               descent_trace *trace, double *theta,       \
                               descent_result *result)                    \
    {                                                                     \
        free_method *s = state;                                           \
        s->options.trace = trace;                                         \
        return minimizer(f, &s->method.field, &s->options, theta, result); \
    }
RUN_FREE(run_coordinate, coordinate, descent_coordinate_minimize)
RUN_FREE(run_powell, powell, descent_powell_minimize)
RUN_FREE(run_nelder_mead, nelder_mead, descent_nelder_mead_minimize)
RUN_FREE(run_anneal, anneal, descent_anneal_minimize)
RUN_FREE(run_genetic, genetic, descent_genetic_minimize)
#define FREE_OPS(build, run) \
    (&(const descent_component_ops){.direction = build, .minimize = run})
#define FREE_TABLE(p) sizeof p / sizeof *p, p

const descent_component descent_derivative_free_methods[] = {
    {DESCENT_COMPONENT_DIRECTION, "coordinate", "beyond",
     "cyclic coordinate search, Brent along each axis",
     DESCENT_DERIVATIVE_FREE, NULL, FREE_TABLE(coordinate_parameters),
     coordinate_defaults, FREE_OPS(build_coordinate, run_coordinate)},
    {DESCENT_COMPONENT_DIRECTION, "powell", "beyond",
     "Powell's conjugate directions without derivatives",
     DESCENT_DERIVATIVE_FREE, NULL, FREE_TABLE(powell_parameters),
     powell_defaults, FREE_OPS(build_powell, run_powell)},
    {DESCENT_COMPONENT_DIRECTION, "nelder-mead", "beyond",
     "the Nelder-Mead simplex", DESCENT_DERIVATIVE_FREE, NULL,
     FREE_TABLE(nelder_mead_parameters), nelder_mead_defaults,
     FREE_OPS(build_nelder_mead, run_nelder_mead)},
    {DESCENT_COMPONENT_DIRECTION, "anneal", "beyond",
     "simulated annealing, geometric cooling", DESCENT_DERIVATIVE_FREE,
     NULL, FREE_TABLE(anneal_parameters), anneal_defaults,
     FREE_OPS(build_anneal, run_anneal)},
    {DESCENT_COMPONENT_DIRECTION, "genetic", "beyond",
     "a genetic algorithm: tournaments, crossover, mutation, elitism",
     DESCENT_DERIVATIVE_FREE, NULL, FREE_TABLE(genetic_parameters),
     genetic_defaults, FREE_OPS(build_genetic, run_genetic)},
};
const size_t descent_derivative_free_count =
    sizeof descent_derivative_free_methods /
    sizeof descent_derivative_free_methods[0];
