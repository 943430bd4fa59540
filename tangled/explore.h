/* explore.h: generated from chapters/13-explorer.nw; do not edit. */
#ifndef DESCENT_EXPLORE_H
#define DESCENT_EXPLORE_H

#include "core.h"
#include "train.h"

typedef enum descent_parameter_kind {
    DESCENT_PARAMETER_REAL,      /* a finite number in [lower, upper] */
    DESCENT_PARAMETER_COUNT,     /* a whole number in [lower, upper] */
    DESCENT_PARAMETER_CHOICE,    /* one of choices[]: value is its index */
    DESCENT_PARAMETER_SWITCH     /* 0 or 1 (no, yes) */
} descent_parameter_kind;

typedef struct descent_parameter {
    const char *name;            /* as on the command line: "c2" */
    descent_parameter_kind kind;
    double lower, upper;         /* the range, ends included unless ... */
    bool lower_open, upper_open; /* ... these say the end is excluded */
    const char *const *choices;  /* CHOICE: names, NULL-terminated */
    const char *description;     /* a phrase for --help and list */
} descent_parameter;

enum { DESCENT_MAX_PARAMETERS = 12 };

typedef enum descent_component_kind {
    DESCENT_COMPONENT_DIRECTION,  /* descent run --method */
    DESCENT_COMPONENT_STEP,       /* descent run --search */
    DESCENT_COMPONENT_PROBLEM,    /* descent run --problem */
    DESCENT_COMPONENT_RULE,       /* descent train --rule */
    DESCENT_COMPONENT_SCHEDULE    /* descent train --schedule */
} descent_component_kind;

enum {
    DESCENT_NEEDS_HESSIAN = 1u,   /* direction: the problem needs a Hessian */
    DESCENT_OWN_STEP = 2u,        /* direction: builds its own step and
                                     takes no --search */
    DESCENT_HAS_MINIMUM = 4u,     /* problem: E* known (build fills minimum) */
    DESCENT_UNIT_STEP = 8u,       /* direction: its natural step is 1, which
                                     its searches try first */
    DESCENT_DERIVATIVE_FREE = 16u /* direction: a method of Chapter 12 that
                                     uses no gradient and no step rule;
                                     descent_method_minimize runs its own
                                     minimizer, and it takes no --search */
};

typedef struct descent_component_ops descent_component_ops; /* internal */

typedef struct descent_component {
    descent_component_kind kind;
    const char *name;             /* "cg", "wolfe", "rosenbrock", "adam" */
    const char *chapter;          /* label key of the chapter teaching it */
    const char *summary;          /* one line */
    unsigned flags;
    const char *search;           /* DIRECTION: its default step rule */
    size_t parameters;
    const descent_parameter *parameter;
    /* value[0 .. parameters-1] from the library's own defaults */
    void (*defaults)(double *value);
    const descent_component_ops *ops;
} descent_component;

/* The i-th component of a kind, i = 0, 1, ...; NULL past the last. */
const descent_component *descent_component_at(descent_component_kind kind,
                                              size_t i);
/* By name; NULL if none (error says so and lists the names). */
const descent_component *descent_component_find(descent_component_kind kind,
                                                const char *name,
                                                descent_error *error);
/* The index of a parameter by name, or parameters if it has none. */
size_t descent_parameter_index(const descent_component *c, const char *name);
/* Every value in range (message names component, parameter, value, range). */
descent_status descent_component_check(const descent_component *c,
                                       const double *value,
                                       descent_error *error);
/* Parse text as a value of parameter p (choice names, yes/no, numbers). */
descent_status descent_parameter_parse(const descent_component *c, size_t i,
                                       const char *text, double *value,
                                       descent_error *error);

/* A test problem, built: its objective, start and (if known) minimum. */
typedef struct descent_problem {
    const descent_component *component;
    size_t n;
    descent_objective objective;
    double *start;                /* n: the standard starting point */
    double minimum;               /* E*, or NAN where unknown */
    void *storage;                /* the problem's own; freed by free */
} descent_problem;

/* Problem parameter 0 is always "n". */
descent_status descent_problem_build(descent_problem *p,
                                     const descent_component *problem,
                                     const double *value,
                                     descent_error *error);
void descent_problem_free(descent_problem *p);

/* A direction rule and a step rule, built from their components. */
typedef struct descent_method {
    const descent_component *direction_component, *step_component;
    descent_direction_rule direction;
    descent_step_rule step;
    void *direction_state, *step_state;   /* freed by descent_method_free */
} descent_method;

/* step may be NULL: the direction's default search (its own step for an
   OWN_STEP direction, none for a DERIVATIVE_FREE one; giving one for
   either is an error). */
descent_status descent_method_build(descent_method *m,
                                    const descent_component *direction,
                                    const double *direction_value,
                                    const descent_component *step,
                                    const double *step_value,
                                    const descent_problem *problem,
                                    descent_error *error);
void descent_method_free(descent_method *m);
/* Minimize f from theta with a built method: descent_minimize with its
   direction and step, or a DERIVATIVE_FREE method's own minimizer, which
   takes only the trace from options (its budget, target and tolerance
   are its parameters); options NULL: the defaults. */
descent_status descent_method_minimize(const descent_method *m,
                                       descent_objective *f,
                                       const descent_options *options,
                                       double *theta, descent_result *result);
/* A search's defaults for a direction: the library's, except that a
   UNIT_STEP direction's searches try the step 1 first. */
descent_status descent_search_defaults(const descent_component *direction,
                                       const descent_component *step,
                                       double *value, descent_error *error);

/* An optimizer for n weights from a RULE component and its values
   (NULL: its defaults); free it with descent_optimizer_free. */
descent_status descent_rule_build(descent_optimizer *opt,
                                  const descent_component *rule,
                                  const double *value, size_t n,
                                  descent_error *error);
/* A schedule from a SCHEDULE component and its values (NULL: its
   defaults), which count epochs; steps_per_epoch and epochs turn them
   into steps. eta0 is the first step size. */
descent_status descent_schedule_build(descent_schedule *s,
                                      const descent_component *schedule,
                                      const double *value, double eta0,
                                      size_t steps_per_epoch, size_t epochs,
                                      descent_error *error);

#endif
