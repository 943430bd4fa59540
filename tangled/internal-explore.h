/* internal-explore.h: generated from chapters/13-explorer.nw; do not
   edit. What a component does, behind its public description. */
#ifndef DESCENT_INTERNAL_EXPLORE_H
#define DESCENT_INTERNAL_EXPLORE_H

#include "beyond.h"
#include "explore.h"
#include "internal.h"

struct descent_component_ops {
    /* PROBLEM: fill p's objective, start, minimum and storage (p->n
       and p->component are set; value[0] is n). */
    descent_status (*problem)(descent_problem *p, const double *value,
                              descent_error *error);
    /* DIRECTION: set m->direction (and, OWN_STEP, m->step) and the
       storage *state, for dimension n. */
    descent_status (*direction)(descent_method *m, const double *value,
                                size_t n, void **state,
                                descent_error *error);
    /* STEP: set m->step and *state. */
    descent_status (*step)(descent_method *m, const double *value,
                           void **state, descent_error *error);
    /* DIRECTION, DERIVATIVE_FREE: run the method whose parameters (its
       budget, target and tolerance among them) the direction's builder
       kept in state, keeping the trace unless it is NULL. */
    descent_status (*minimize)(void *state, descent_objective *f,
                               descent_trace *trace, double *theta,
                               descent_result *result);
    /* Free a state a problem, direction or step made (NULL: free()). */
    void (*release)(void *state);
    /* RULE and SCHEDULE: the training components' builders. */
    descent_status (*rule)(descent_optimizer *opt, const double *value,
                           size_t n, descent_error *error);
    descent_status (*schedule)(descent_schedule *s, const double *value,
                               double eta0, size_t steps_per_epoch,
                               size_t epochs, descent_error *error);
};

/* The problem collection (tangled/problems.c), the derivative-free
   methods (tangled/explore-beyond.c) and the training rules and
   schedules (tangled/explore-train.c). */
extern const descent_component descent_collection_problems[];
extern const size_t descent_collection_count;
extern const descent_component descent_derivative_free_methods[];
extern const size_t descent_derivative_free_count;
extern const descent_component descent_training_components[];
extern const size_t descent_training_count;

#endif
