/* momentum.h: generated from chapters/04-momentum.nw; do not edit. */
#ifndef DESCENT_MOMENTUM_H
#define DESCENT_MOMENTUM_H

#include "core.h"

typedef enum descent_momentum_kind {
    DESCENT_HEAVY_BALL,
    DESCENT_NESTEROV
} descent_momentum_kind;

typedef struct descent_momentum {
    descent_momentum_kind kind;
    size_t n;
    double eta, beta;
    double *velocity;          /* Delta theta: the last step taken */
    size_t steps;
} descent_momentum;

descent_status descent_momentum_init(descent_momentum *m, size_t n,
                                     descent_momentum_kind kind,
                                     double eta, double beta,
                                     descent_error *error);
void descent_momentum_free(descent_momentum *m);
descent_status descent_momentum_step(descent_momentum *m, double *theta,
                                     const double *g,
                                     descent_error *error);
typedef struct descent_momentum_direction {
    descent_momentum_kind kind;
    size_t n;
    double eta, beta;
    bool convex_schedule;
    double *previous, *lookahead, *g_lookahead;
} descent_momentum_direction;

descent_status descent_momentum_direction_init(
    descent_momentum_direction *m, size_t n, descent_momentum_kind kind,
    double eta, double beta, bool convex_schedule, descent_error *error);
void descent_momentum_direction_free(descent_momentum_direction *m);
descent_direction_rule descent_momentum_rule(
    descent_momentum_direction *m);

#endif
