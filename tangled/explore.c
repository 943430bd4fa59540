/* explore.c: generated from chapters/13-explorer.nw; do not edit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "descent.h"
#include "internal-explore.h"

static void no_defaults(double *value) { (void)value; }

static const char *const cg_formulas[] = {"fr", "pr", "prplus", "hs", NULL};
static const descent_parameter cg_parameters[] = {
    {"formula", DESCENT_PARAMETER_CHOICE, 0, 3, false, false, cg_formulas,
     "beta_k: Fletcher-Reeves, Polak-Ribiere, PR+ or Hestenes-Stiefel"},
    {"restart", DESCENT_PARAMETER_COUNT, 0, 1e9, false, false, NULL,
     "restart with -g every this many steps (0: every n)"},
};
static void cg_defaults(double *value)
{
    value[0] = DESCENT_POLAK_RIBIERE_PLUS;
    value[1] = 0;
}

static const descent_parameter momentum_parameters[] = {
    {"eta", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the step size"},
    {"beta", DESCENT_PARAMETER_REAL, 0, 1, false, true, NULL,
     "the momentum factor"},
};
static void momentum_defaults(double *value) { value[0] = value[1] = NAN; }

static const char *const newton_kinds[] = {"plain", "damped", "eigenvalue",
                                           NULL};
static const descent_parameter newton_parameters[] = {
    {"kind", DESCENT_PARAMETER_CHOICE, 0, 2, false, false, newton_kinds,
     "H itself, H + mu I with mu doubled, or |eigenvalues| floored"},
};
static void newton_defaults(double *value)
{
    value[0] = DESCENT_NEWTON_DAMPED;
}

static const descent_parameter lbfgs_parameters[] = {
    {"memory", DESCENT_PARAMETER_COUNT, 1, 1000, false, false, NULL,
     "pairs (s, y) kept"},
};
static void lbfgs_defaults(double *value) { value[0] = 6; }

static const descent_parameter newton_cg_parameters[] = {
    {"max-cg", DESCENT_PARAMETER_COUNT, 0, 1e9, false, false, NULL,
     "CG iterations per direction (0: n)"},
};
static void newton_cg_defaults(double *value) { value[0] = 0; }

static const descent_parameter trust_region_parameters[] = {
    {"radius", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the first radius Delta_0"},
};
static void trust_region_defaults(double *value) { value[0] = 1; }
#define DIRECTION_STATE(type, var)                                       \
    type *var = calloc(1, sizeof *var);                                  \
    if (var == NULL)                                                     \
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,                \
                            "%s: no memory for its state",               \
                            m->direction_component->name);               \
    *state = var

static descent_status build_steepest(descent_method *m, const double *value,
                                     size_t n, void **state,
                                     descent_error *error)
{
    (void)value, (void)n, (void)state;
    m->direction = descent_steepest_descent();
    return descent_succeed(error);
}

static descent_status build_normalized(descent_method *m,
                                       const double *value, size_t n,
                                       void **state, descent_error *error)
{
    (void)value, (void)n, (void)state;
    m->direction = descent_normalized_steepest_descent();
    return descent_succeed(error);
}

static void release_cg(void *state)
{
    descent_nonlinear_cg_free(state);
    free(state);
}

static descent_status build_cg(descent_method *m, const double *value,
                               size_t n, void **state, descent_error *error)
{
    DIRECTION_STATE(descent_nonlinear_cg, cg);
    descent_status status = descent_nonlinear_cg_init(
        cg, n, (descent_cg_formula)value[0], (size_t)value[1], error);
    m->direction = descent_nonlinear_cg_direction(cg);
    return status;
}

typedef struct momentum_state {
    descent_momentum_direction rule;
    descent_step_schedule schedule;
} momentum_state;

static void release_momentum(void *state)
{
    descent_momentum_direction_free(&((momentum_state *)state)->rule);
    free(state);
}

static descent_status build_momentum(descent_method *m, const double *value,
                                     size_t n, void **state,
                                     descent_error *error,
                                     descent_momentum_kind kind)
{
    DIRECTION_STATE(momentum_state, s);
    descent_status status = descent_momentum_direction_init(
        &s->rule, n, kind, value[0], value[1], false, error);
    m->direction = descent_momentum_rule(&s->rule);
    m->step = descent_fixed_step(&s->schedule, value[0]);
    return status;
}

static descent_status build_heavy_ball(descent_method *m,
                                       const double *value, size_t n,
                                       void **state, descent_error *error)
{
    return build_momentum(m, value, n, state, error, DESCENT_HEAVY_BALL);
}

static descent_status build_nesterov(descent_method *m, const double *value,
                                     size_t n, void **state,
                                     descent_error *error)
{
    return build_momentum(m, value, n, state, error, DESCENT_NESTEROV);
}

static void release_newton(void *state)
{
    descent_newton_free(state);
    free(state);
}

static descent_status build_newton(descent_method *m, const double *value,
                                   size_t n, void **state,
                                   descent_error *error)
{
    DIRECTION_STATE(descent_newton, newton);
    descent_status status = descent_newton_init(
        newton, n, (descent_newton_kind)value[0], error);
    m->direction = descent_newton_direction(newton);
    return status;
}

static void release_bfgs(void *state)
{
    descent_bfgs_free(state);
    free(state);
}

static descent_status build_bfgs(descent_method *m, const double *value,
                                 size_t n, void **state,
                                 descent_error *error)
{
    (void)value;
    DIRECTION_STATE(descent_bfgs, bfgs);
    descent_status status = descent_bfgs_init(bfgs, n, error);
    m->direction = descent_bfgs_direction(bfgs);
    return status;
}

static void release_lbfgs(void *state)
{
    descent_lbfgs_free(state);
    free(state);
}

static descent_status build_lbfgs(descent_method *m, const double *value,
                                  size_t n, void **state,
                                  descent_error *error)
{
    DIRECTION_STATE(descent_lbfgs, lbfgs);
    descent_status status =
        descent_lbfgs_init(lbfgs, n, (size_t)value[0], error);
    m->direction = descent_lbfgs_direction(lbfgs);
    return status;
}

static void release_newton_cg(void *state)
{
    descent_newton_cg_free(state);
    free(state);
}

static descent_status build_newton_cg(descent_method *m,
                                      const double *value, size_t n,
                                      void **state, descent_error *error)
{
    DIRECTION_STATE(descent_newton_cg, ncg);
    descent_status status =
        descent_newton_cg_init(ncg, n, NULL, NULL, error);
    ncg->max_cg = (size_t)value[0];
    m->direction = descent_newton_cg_direction(ncg);
    return status;
}

typedef struct trust_state {
    descent_trust_region region;
    descent_step_schedule schedule;
} trust_state;

static void release_trust_region(void *state)
{
    descent_trust_region_free(&((trust_state *)state)->region);
    free(state);
}

static descent_status build_trust_region(descent_method *m,
                                         const double *value, size_t n,
                                         void **state,
                                         descent_error *error)
{
    DIRECTION_STATE(trust_state, s);
    descent_status status =
        descent_trust_region_init(&s->region, n, value[0], error);
    m->direction = descent_trust_region_direction(&s->region);
    m->step = descent_fixed_step(&s->schedule, 1);
    return status;
}
#define OPS(build, free_state) \
    (&(const descent_component_ops){.direction = build, .release = free_state})
#define TABLE(p) sizeof p / sizeof *p, p

static const descent_component directions[] = {
    {DESCENT_COMPONENT_DIRECTION, "steepest", "descent",
     "steepest descent, d = -g", 0, "armijo", 0, NULL, no_defaults,
     OPS(build_steepest, NULL)},
    {DESCENT_COMPONENT_DIRECTION, "normalized", "descent",
     "normalized steepest descent, d = -g / |g|", 0, "armijo", 0, NULL,
     no_defaults, OPS(build_normalized, NULL)},
    {DESCENT_COMPONENT_DIRECTION, "cg", "cg",
     "nonlinear conjugate gradients", 0, "wolfe", TABLE(cg_parameters),
     cg_defaults, OPS(build_cg, release_cg)},
    {DESCENT_COMPONENT_DIRECTION, "heavy-ball", "momentum",
     "Polyak's heavy ball, with its own fixed step eta", DESCENT_OWN_STEP,
     NULL, TABLE(momentum_parameters), momentum_defaults,
     OPS(build_heavy_ball, release_momentum)},
    {DESCENT_COMPONENT_DIRECTION, "nesterov", "momentum",
     "Nesterov's accelerated gradient, with its own fixed step eta",
     DESCENT_OWN_STEP, NULL, TABLE(momentum_parameters),
     momentum_defaults, OPS(build_nesterov, release_momentum)},
    {DESCENT_COMPONENT_DIRECTION, "newton", "newton",
     "Newton's direction from the Hessian",
     DESCENT_NEEDS_HESSIAN | DESCENT_UNIT_STEP, "wolfe",
     TABLE(newton_parameters), newton_defaults,
     OPS(build_newton, release_newton)},
    {DESCENT_COMPONENT_DIRECTION, "bfgs", "newton",
     "BFGS, the inverse Hessian approximated", DESCENT_UNIT_STEP, "wolfe",
     0, NULL,
     no_defaults, OPS(build_bfgs, release_bfgs)},
    {DESCENT_COMPONENT_DIRECTION, "lbfgs", "newton",
     "limited-memory BFGS", DESCENT_UNIT_STEP, "wolfe",
     TABLE(lbfgs_parameters),
     lbfgs_defaults, OPS(build_lbfgs, release_lbfgs)},
    {DESCENT_COMPONENT_DIRECTION, "newton-cg", "newton",
     "truncated Newton: CG on H d = -g, products by differences",
     DESCENT_UNIT_STEP, "wolfe", TABLE(newton_cg_parameters),
     newton_cg_defaults,
     OPS(build_newton_cg, release_newton_cg)},
    {DESCENT_COMPONENT_DIRECTION, "trust-region", "newton",
     "dogleg trust region, with its own unit step",
     DESCENT_NEEDS_HESSIAN | DESCENT_OWN_STEP, NULL,
     TABLE(trust_region_parameters), trust_region_defaults,
     OPS(build_trust_region, release_trust_region)},
};
static const descent_parameter fixed_parameters[] = {
    {"eta", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the step size"},
};
static void fixed_defaults(double *value) { value[0] = NAN; }

static const descent_parameter geometric_parameters[] = {
    {"eta", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the first step size eta_0"},
    {"gamma", DESCENT_PARAMETER_REAL, 0, 1, true, false, NULL,
     "eta_k = eta_0 gamma^k"},
};
static void geometric_defaults(double *value) { value[0] = value[1] = NAN; }

static const descent_parameter exact_parameters[] = {
    {"line-tolerance", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "epsilon_alpha, the exact search's tolerance"},
};
static void exact_defaults(double *value)
{
    value[0] = descent_line_search_defaults().tolerance;
}

static const char *const initial_rules[] = {"slope-ratio", "quadratic",
                                            "fixed", NULL};
static const descent_parameter armijo_parameters[] = {
    {"c1", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "sufficient decrease"},
    {"backtrack", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "rho, the backtracking factor"},
    {"initial", DESCENT_PARAMETER_CHOICE, 0, 2, false, false, initial_rules,
     "the first trial of each search"},
    {"initial-step", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true,
     NULL, "alpha_0, the first trial of a run"},
};
static void armijo_defaults(double *value)
{
    descent_line_search s = descent_line_search_defaults();
    value[0] = s.c1;
    value[1] = s.backtrack;
    value[2] = s.initial_rule;
    value[3] = s.initial_step;
}

static const descent_parameter wolfe_parameters[] = {
    {"c1", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "sufficient decrease"},
    {"c2", DESCENT_PARAMETER_REAL, 0, 1, true, true, NULL,
     "curvature, c1 < c2 < 1"},
    {"initial", DESCENT_PARAMETER_CHOICE, 0, 2, false, false, initial_rules,
     "the first trial of each search"},
    {"initial-step", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true,
     NULL, "alpha_0, the first trial of a run"},
    {"max-evaluations", DESCENT_PARAMETER_COUNT, 1, 1e9, false, false,
     NULL, "evaluations per search"},
};
static void wolfe_defaults(double *value)
{
    descent_line_search s = descent_line_search_defaults();
    value[0] = s.c1;
    value[1] = s.c2;
    value[2] = s.initial_rule;
    value[3] = s.initial_step;
    value[4] = (double)s.max_evaluations;
}
typedef union step_state {
    descent_step_schedule schedule;
    descent_line_search search;
} step_state;

static descent_status build_step(descent_method *m, const double *value,
                                 void **state, descent_error *error)
{
    step_state *s = calloc(1, sizeof *s);
    if (s == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: no memory for its state",
                            m->step_component->name);
    *state = s;
    const char *name = m->step_component->name;
    if (strcmp(name, "fixed") == 0) {
        m->step = descent_fixed_step(&s->schedule, value[0]);
        return descent_succeed(error);
    }
    if (strcmp(name, "geometric") == 0) {
        m->step = descent_geometric_step(&s->schedule, value[0], value[1]);
        return descent_succeed(error);
    }
    s->search = descent_line_search_defaults();
    if (strcmp(name, "exact") == 0) {
        s->search.tolerance = value[0];
        m->step = descent_exact_step(&s->search);
    } else if (strcmp(name, "armijo") == 0) {
        s->search.c1 = value[0];
        s->search.backtrack = value[1];
        s->search.initial_rule = (descent_initial_rule)value[2];
        s->search.initial_step = value[3];
        m->step = descent_armijo_step(&s->search);
    } else {
        s->search.c1 = value[0];
        s->search.c2 = value[1];
        s->search.initial_rule = (descent_initial_rule)value[2];
        s->search.initial_step = value[3];
        s->search.max_evaluations = (size_t)value[4];
        m->step = descent_wolfe_step(&s->search);
    }
    return descent_succeed(error);
}

#define STEP_OPS (&(const descent_component_ops){.step = build_step})

static const descent_component steps[] = {
    {DESCENT_COMPONENT_STEP, "fixed", "descent", "eta_k = eta", 0, NULL,
     TABLE(fixed_parameters), fixed_defaults, STEP_OPS},
    {DESCENT_COMPONENT_STEP, "geometric", "descent",
     "eta_k = eta_0 gamma^k", 0, NULL, TABLE(geometric_parameters),
     geometric_defaults, STEP_OPS},
    {DESCENT_COMPONENT_STEP, "exact", "linesearch",
     "the exact minimizer along d (Brent)", 0, NULL,
     TABLE(exact_parameters), exact_defaults, STEP_OPS},
    {DESCENT_COMPONENT_STEP, "armijo", "linesearch",
     "backtracking to sufficient decrease", 0, NULL,
     TABLE(armijo_parameters), armijo_defaults, STEP_OPS},
    {DESCENT_COMPONENT_STEP, "wolfe", "linesearch",
     "the strong Wolfe conditions (bracket and zoom)", 0, NULL,
     TABLE(wolfe_parameters), wolfe_defaults, STEP_OPS},
};
static const char *const spectra[] = {"uniform", "log-uniform", "clustered",
                                      "two-level", NULL};
enum { UNIFORM, LOG_UNIFORM, CLUSTERED, TWO_LEVEL };

static void spectrum(size_t n, double kappa, int shape, double *lambda)
{
    for (size_t i = 0; i < n; i++) {
        double t = n > 1 ? (double)i / (double)(n - 1) : 0;
        if (shape == UNIFORM)
            lambda[i] = 1 + (kappa - 1) * t;
        else if (shape == LOG_UNIFORM)
            lambda[i] = pow(kappa, t);
        else if (shape == TWO_LEVEL)
            lambda[i] = 2 * i < n ? 1 : kappa;
        else {
            size_t clusters = n < 4 ? n : 4, j = i * clusters / n;
            double u = (double)(i * clusters % n) / (double)n;
            lambda[i] = pow(kappa, (double)j / 3) * (1 + 1e-6 * u);
        }
    }
}

static const descent_parameter quadratic_parameters[] = {
    {"n", DESCENT_PARAMETER_COUNT, 1, 4000, false, false, NULL,
     "dimension"},
    {"kappa", DESCENT_PARAMETER_REAL, 1, 1e16, false, false, NULL,
     "condition number lambda_max / lambda_min"},
    {"spectrum", DESCENT_PARAMETER_CHOICE, 0, 3, false, false, spectra,
     "how the eigenvalues fill [1, kappa]"},
    {"seed", DESCENT_PARAMETER_COUNT, 0, 4294967295.0, false, false, NULL,
     "of the random rotation"},
};
static void quadratic_defaults(double *value)
{
    value[0] = 2;
    value[1] = 10;
    value[2] = UNIFORM;
    value[3] = 1;
}

static void release_quadratic(void *state)
{
    descent_quadratic_free(state);
    free(state);
}

static descent_status build_quadratic(descent_problem *p,
                                      const double *value,
                                      descent_error *error)
{
    size_t n = p->n;
    descent_quadratic *q = calloc(1, sizeof *q);
    double *lambda = calloc(n, sizeof *lambda);
    double *b = calloc(n, sizeof *b);
    p->start = malloc(n * sizeof *p->start);
    descent_status status = DESCENT_OUT_OF_MEMORY;
    if (q == NULL || lambda == NULL || b == NULL || p->start == NULL)
        descent_fail(error, status, "quadratic: no memory for n = %zu", n);
    else {
        spectrum(n, value[1], (int)value[2], lambda);
        status = descent_quadratic_spectrum(q, n, lambda, b, 0,
                                            (unsigned)value[3], error);
    }
    free(lambda);
    free(b);
    if (status) {
        free(q);
        return status;
    }
    for (size_t i = 0; i < n; i++)
        p->start[i] = 1;
    p->storage = q;
    p->objective = descent_quadratic_objective(q);
    p->minimum = 0;
    return descent_succeed(error);
}
static const descent_parameter rosenbrock_parameters[] = {
    {"n", DESCENT_PARAMETER_COUNT, 2, 1e7, false, false, NULL, "dimension"},
    {"a", DESCENT_PARAMETER_REAL, -INFINITY, INFINITY, true, true, NULL,
     "the valley's target (a - theta_i)^2"},
    {"b", DESCENT_PARAMETER_REAL, 0, INFINITY, true, true, NULL,
     "the valley's steepness b (theta_i+1 - theta_i^2)^2"},
};
static void rosenbrock_defaults(double *value)
{
    value[0] = 2;
    value[1] = 1;
    value[2] = 100;
}

static descent_status build_rosenbrock(descent_problem *p,
                                       const double *value,
                                       descent_error *error)
{
    descent_rosenbrock *r = calloc(1, sizeof *r);
    p->start = malloc(p->n * sizeof *p->start);
    if (r == NULL || p->start == NULL) {
        free(r);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "rosenbrock: no memory for n = %zu", p->n);
    }
    p->storage = r;
    descent_status status =
        descent_rosenbrock_init(r, p->n, value[1], value[2], error);
    if (status)
        return status;
    for (size_t i = 0; i < p->n; i++)
        p->start[i] = i % 2 == 0 ? -1.2 : 1;
    p->objective = descent_rosenbrock_objective(r);
    p->minimum = value[1] == 1 || p->n == 2 ? 0 : NAN;
    return descent_succeed(error);
}

static const descent_parameter two_parameters[] = {
    {"n", DESCENT_PARAMETER_COUNT, 2, 2, false, false, NULL,
     "dimension (2 only)"},
};
static const descent_parameter one_parameters[] = {
    {"n", DESCENT_PARAMETER_COUNT, 1, 1, false, false, NULL,
     "dimension (1 only)"},
};
static void two_defaults(double *value) { value[0] = 2; }
static void one_defaults(double *value) { value[0] = 1; }

static descent_status small_function(descent_problem *p,
                                     descent_objective f,
                                     const double *start,
                                     descent_error *error)
{
    p->start = malloc(f.n * sizeof *p->start);
    if (p->start == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: no memory", f.name);
    memcpy(p->start, start, f.n * sizeof *start);
    p->objective = f;
    return descent_succeed(error);
}

static descent_status build_cubic(descent_problem *p, const double *value,
                                  descent_error *error)
{
    (void)value;
    return small_function(p, descent_cubic_objective(),
                          (const double[]){2, 2}, error);
}

static descent_status build_monkey(descent_problem *p, const double *value,
                                   descent_error *error)
{
    (void)value;
    return small_function(p, descent_monkey_saddle_objective(),
                          (const double[]){1, 0.5}, error);
}

static descent_status build_two_wells(descent_problem *p,
                                      const double *value,
                                      descent_error *error)
{
    (void)value;
    return small_function(p, descent_two_wells_objective(),
                          (const double[]){2}, error);
}

#define PROBLEM_OPS(build, free_state) \
    (&(const descent_component_ops){.problem = build, .release = free_state})

static const descent_component builtin_problems[] = {
    {DESCENT_COMPONENT_PROBLEM, "quadratic", "descent",
     "E = theta^T A theta / 2, A with a chosen spectrum, randomly rotated",
     DESCENT_HAS_MINIMUM, NULL, TABLE(quadratic_parameters),
     quadratic_defaults, PROBLEM_OPS(build_quadratic, release_quadratic)},
    {DESCENT_COMPONENT_PROBLEM, "rosenbrock", "descent",
     "Rosenbrock's valley, chained over n coordinates",
     DESCENT_HAS_MINIMUM, NULL, TABLE(rosenbrock_parameters),
     rosenbrock_defaults, PROBLEM_OPS(build_rosenbrock, NULL)},
    {DESCENT_COMPONENT_PROBLEM, "cubic", "descent",
     "x^3 - 3x + y^3 - 3y: a minimum, a maximum, two saddles", 0, NULL,
     TABLE(two_parameters), two_defaults, PROBLEM_OPS(build_cubic, NULL)},
    {DESCENT_COMPONENT_PROBLEM, "monkey-saddle", "descent",
     "x^3 - 3xy^2: a degenerate saddle at 0", 0, NULL,
     TABLE(two_parameters), two_defaults, PROBLEM_OPS(build_monkey, NULL)},
    {DESCENT_COMPONENT_PROBLEM, "two-wells", "descent",
     "a one-dimensional function with two minima", 0, NULL,
     TABLE(one_parameters), one_defaults,
     PROBLEM_OPS(build_two_wells, NULL)},
};
typedef struct table {
    const descent_component *entry;
    size_t count;
} table;

static size_t tables_of(descent_component_kind kind, table t[2])
{
    switch (kind) {
    case DESCENT_COMPONENT_DIRECTION:
        t[0] = (table){directions, sizeof directions / sizeof *directions};
        t[1] = (table){descent_derivative_free_methods,
                       descent_derivative_free_count};
        return 2;
    case DESCENT_COMPONENT_STEP:
        t[0] = (table){steps, sizeof steps / sizeof *steps};
        return 1;
    case DESCENT_COMPONENT_PROBLEM:
        t[0] = (table){builtin_problems,
                       sizeof builtin_problems / sizeof *builtin_problems};
        t[1] = (table){descent_collection_problems,
                       descent_collection_count};
        return 2;
    case DESCENT_COMPONENT_RULE:
    case DESCENT_COMPONENT_SCHEDULE:
        t[0] = (table){descent_training_components, descent_training_count};
        return 1;
    }
    return 0;
}

const descent_component *descent_component_at(descent_component_kind kind,
                                              size_t i)
{
    table t[2];
    size_t tables = tables_of(kind, t);
    for (size_t k = 0; k < tables; k++)
        for (size_t j = 0; j < t[k].count; j++)
            if (t[k].entry[j].kind == kind && i-- == 0)
                return &t[k].entry[j];
    return NULL;
}
static const char *const kind_names[] = {"method", "search", "problem",
                                         "training rule", "schedule"};
static const char *const kind_plurals[] = {"methods", "searches", "problems",
                                           "training rules", "schedules"};

const descent_component *descent_component_find(descent_component_kind kind,
                                                const char *name,
                                                descent_error *error)
{
    if ((unsigned)kind > DESCENT_COMPONENT_SCHEDULE) {
        descent_fail(error, DESCENT_INVALID_ARGUMENT,
                     "component kind %d is not one of the five", (int)kind);
        return NULL;
    }
    if (name == NULL) {
        descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s name is NULL",
                     kind_names[kind]);
        return NULL;
    }
    const descent_component *c;
    for (size_t i = 0; (c = descent_component_at(kind, i)) != NULL; i++)
        if (strcmp(c->name, name) == 0) {
            descent_succeed(error);
            return c;
        }
    char list[160] = "";
    size_t used = 0;
    for (size_t i = 0; (c = descent_component_at(kind, i)) != NULL; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s",
                         i ? ", " : "", c->name);
        if (w < 0 || (size_t)w >= sizeof list - used) {
            memcpy(list + sizeof list - 6, ", ...", 6);
            break;
        }
        used += (size_t)w;
    }
    descent_fail(error, DESCENT_INVALID_ARGUMENT,
                 "no %s '%.40s'; the %s are: %s", kind_names[kind], name,
                 kind_plurals[kind], list);
    return NULL;
}

size_t descent_parameter_index(const descent_component *c, const char *name)
{
    if (c == NULL)
        return 0;
    for (size_t i = 0; name != NULL && i < c->parameters; i++)
        if (strcmp(c->parameter[i].name, name) == 0)
            return i;
    return c->parameters;
}
static void range_text(const descent_parameter *p, char *out, size_t size)
{
    if (p->kind == DESCENT_PARAMETER_CHOICE) {
        size_t used = 0;
        out[0] = '\0';
        for (size_t i = 0; p->choices[i] != NULL && used < size; i++) {
            int w = snprintf(out + used, size - used, "%s%s",
                             i ? ", " : "one of ", p->choices[i]);
            if (w < 0)
                break;
            used += (size_t)w;
        }
    } else if (p->kind == DESCENT_PARAMETER_SWITCH)
        snprintf(out, size, "yes or no");
    else
        snprintf(out, size, "%s %s%.6g, %.6g%c", p->kind ==
                 DESCENT_PARAMETER_COUNT ? "a whole number in" : "in",
                 p->lower_open ? "(" : "[", p->lower, p->upper,
                 p->upper_open ? ')' : ']');
}

static bool in_range(const descent_parameter *p, double v)
{
    if (isnan(v) || (isinf(v) && v != (v < 0 ? p->lower : p->upper)))
        return false;
    if (p->kind != DESCENT_PARAMETER_REAL && v != floor(v))
        return false;
    if (p->kind == DESCENT_PARAMETER_SWITCH)
        return v == 0 || v == 1;
    return (p->lower_open ? v > p->lower : v >= p->lower) &&
           (p->upper_open ? v < p->upper : v <= p->upper);
}

descent_status descent_component_check(const descent_component *c,
                                       const double *value,
                                       descent_error *error)
{
    if (c == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "component is NULL");
    if (value == NULL && c->parameters > 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: its %zu values are NULL", c->name,
                            c->parameters);
    for (size_t i = 0; i < c->parameters; i++) {
        const descent_parameter *p = &c->parameter[i];
        char range[160];
        if (isnan(value[i]))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: --%s has no default; give it",
                                c->name, p->name);
        if (!in_range(p, value[i])) {
            range_text(p, range, sizeof range);
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: --%s = %g is not %s", c->name, p->name,
                                value[i], range);
        }
    }
    return descent_succeed(error);
}
descent_status descent_parameter_parse(const descent_component *c, size_t i,
                                       const char *text, double *value,
                                       descent_error *error)
{
    if (c == NULL || text == NULL || value == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s is NULL", c == NULL ? "component"
                                          : text == NULL ? "text" : "value");
    if (i >= c->parameters)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s has %zu parameters, not %zu", c->name,
                            c->parameters, i + 1);
    const descent_parameter *p = &c->parameter[i];
    double v = NAN;
    if (p->kind == DESCENT_PARAMETER_CHOICE) {
        for (size_t k = 0; p->choices[k] != NULL; k++)
            if (strcmp(p->choices[k], text) == 0)
                v = (double)k;
    } else if (p->kind == DESCENT_PARAMETER_SWITCH) {
        if (strcmp(text, "yes") == 0 || strcmp(text, "1") == 0)
            v = 1;
        else if (strcmp(text, "no") == 0 || strcmp(text, "0") == 0)
            v = 0;
    } else {
        char *end;
        v = strtod(text, &end);
        if (end == text || *end != '\0')
            v = NAN;
    }
    char range[160];
    range_text(p, range, sizeof range);
    if (isnan(v) || !in_range(p, v))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: --%s '%.40s' is not %s", c->name, p->name,
                            text, range);
    *value = v;
    return descent_succeed(error);
}
void descent_problem_free(descent_problem *p)
{
    if (p == NULL)
        return;
    free(p->start);
    if (p->storage != NULL) {
        const descent_component *c = p->component;
        if (c != NULL && c->ops != NULL && c->ops->release != NULL)
            c->ops->release(p->storage);
        else
            free(p->storage);
    }
    *p = (descent_problem){.minimum = NAN};
}

descent_status descent_problem_build(descent_problem *p,
                                     const descent_component *problem,
                                     const double *value,
                                     descent_error *error)
{
    if (p == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "problem p is NULL");
    *p = (descent_problem){.minimum = NAN};
    if (problem == NULL || problem->kind != DESCENT_COMPONENT_PROBLEM ||
        problem->parameters == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "problem component %s is not a problem",
                            problem == NULL ? "NULL" : problem->name);
    descent_status status = descent_component_check(problem, value, error);
    if (status)
        return status;
    p->component = problem;
    p->n = (size_t)value[0];
    status = problem->ops->problem(p, value, error);
    if (status)
        descent_problem_free(p);
    return status;
}
descent_status descent_search_defaults(const descent_component *direction,
                                       const descent_component *step,
                                       double *value, descent_error *error)
{
    if (direction == NULL || direction->kind != DESCENT_COMPONENT_DIRECTION)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "direction %s is not a method",
                            direction == NULL ? "NULL" : direction->name);
    if (step == NULL || step->kind != DESCENT_COMPONENT_STEP)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "step %s is not a search",
                            step == NULL ? "NULL" : step->name);
    if (value == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: value is NULL", step->name);
    step->defaults(value);
    size_t initial = descent_parameter_index(step, "initial");
    size_t first = descent_parameter_index(step, "initial-step");
    if ((direction->flags & DESCENT_UNIT_STEP) && initial < step->parameters &&
        first < step->parameters) {
        value[initial] = DESCENT_INITIAL_FIXED;
        value[first] = 1;
    }
    return descent_succeed(error);
}

void descent_method_free(descent_method *m)
{
    if (m == NULL)
        return;
    const descent_component *c[2] = {m->direction_component,
                                     m->step_component};
    void *state[2] = {m->direction_state, m->step_state};
    for (int k = 0; k < 2; k++)
        if (state[k] != NULL) {
            if (c[k] != NULL && c[k]->ops->release != NULL)
                c[k]->ops->release(state[k]);
            else
                free(state[k]);
        }
    *m = (descent_method){0};
}

descent_status descent_method_build(descent_method *m,
                                    const descent_component *direction,
                                    const double *direction_value,
                                    const descent_component *step,
                                    const double *step_value,
                                    const descent_problem *problem,
                                    descent_error *error)
{
    if (m == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "method m is NULL");
    *m = (descent_method){0};
    if (direction == NULL || direction->kind != DESCENT_COMPONENT_DIRECTION)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "direction %s is not a method",
                            direction == NULL ? "NULL" : direction->name);
    if (step != NULL && step->kind != DESCENT_COMPONENT_STEP)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "step %s is not a search", step->name);
    if (problem == NULL || problem->component == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "problem is %s", problem == NULL ? "NULL"
                                                             : "not built");
    if (step != NULL && (direction->flags & DESCENT_OWN_STEP))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s takes its own steps: no --search %s",
                            direction->name, step->name);
    if (step != NULL && (direction->flags & DESCENT_DERIVATIVE_FREE))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s is derivative-free and has no step rule: "
                            "no --search %s", direction->name, step->name);
    if ((direction->flags & DESCENT_NEEDS_HESSIAN) &&
        problem->objective.hessian == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s needs the Hessian, which problem %s does "
                            "not give", direction->name,
                            problem->component->name);
    double defaults[DESCENT_MAX_PARAMETERS];
    if (step == NULL &&
        !(direction->flags & (DESCENT_OWN_STEP | DESCENT_DERIVATIVE_FREE))) {
        step = descent_component_find(DESCENT_COMPONENT_STEP,
                                      direction->search, error);
        descent_search_defaults(direction, step, defaults, error);
        step_value = defaults;
    }
    descent_status status =
        descent_component_check(direction, direction_value, error);
    if (!status && step != NULL)
        status = descent_component_check(step, step_value, error);
    if (status)
        return status;
    m->direction_component = direction;
    m->step_component = step;
    status = direction->ops->direction(m, direction_value, problem->n,
                                       &m->direction_state, error);
    if (!status && step != NULL)
        status = step->ops->step(m, step_value, &m->step_state, error);
    if (status)
        descent_method_free(m);
    return status;
}
descent_status descent_method_minimize(const descent_method *m,
                                       descent_objective *f,
                                       const descent_options *options,
                                       double *theta, descent_result *result)
{
    descent_error error;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (m == NULL || m->direction_component == NULL)
        descent_fail(&error, DESCENT_INVALID_ARGUMENT, "method m is %s",
                     m == NULL ? "NULL" : "not built");
    else if (!(m->direction_component->flags & DESCENT_DERIVATIVE_FREE))
        return descent_minimize(f, &m->direction, &m->step, options, theta,
                                result);
    else if (m->direction_state == NULL)
        descent_fail(&error, DESCENT_INVALID_ARGUMENT,
                     "method %s is not built", m->direction_component->name);
    else
        return m->direction_component->ops->minimize(
            m->direction_state, f, options != NULL ? options->trace : NULL,
            theta, result);
    *result = (descent_result){.status = error.status, .value = NAN,
                               .gradient_norm = NAN};
    memcpy(result->message, error.message, sizeof result->message);
    return error.status;
}
