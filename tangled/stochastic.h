/* stochastic.h: generated from chapters/07-stochastic.nw; do not edit. */
#ifndef DESCENT_STOCHASTIC_H
#define DESCENT_STOCHASTIC_H

#include <stddef.h>

#include "core.h"

typedef enum descent_schedule_kind {
    DESCENT_SCHEDULE_CONSTANT,       /* eta0 */
    DESCENT_SCHEDULE_LINEAR,         /* eta0 -> eta_tau over tau steps */
    DESCENT_SCHEDULE_HARMONIC,       /* eta0 / (k + 1) */
    DESCENT_SCHEDULE_INVERSE_SQUARE, /* eta0 / (k + 1)^2 */
    DESCENT_SCHEDULE_EXPONENTIAL,    /* eta0 gamma^k */
    DESCENT_SCHEDULE_STEP,           /* eta0 gamma^floor(k / every) */
    DESCENT_SCHEDULE_PLATEAU         /* times gamma after patience epochs */
} descent_schedule_kind;

typedef struct descent_schedule {
    descent_schedule_kind kind;
    double eta0, eta_tau, gamma;
    size_t tau, every, patience;
    double best;     /* plateau: the best loss so far */
    size_t waited;   /* plateau: epochs since it improved */
    double factor;   /* plateau: gamma to the number of plateaus */
} descent_schedule;

descent_status descent_schedule_init(descent_schedule *s,
                                     descent_schedule_kind kind,
                                     double eta0, double eta_tau_or_gamma,
                                     size_t tau_or_every_or_patience,
                                     descent_error *error);
double descent_schedule_eta(const descent_schedule *s, size_t k);
descent_status descent_schedule_epoch(descent_schedule *s, double loss,
                                      descent_error *error);
descent_status descent_clip_norm_f(float *g, size_t n, double threshold,
                                   double *norm, descent_error *error);
descent_status descent_clip_value_f(float *g, size_t n, double threshold,
                                    descent_error *error);
descent_status descent_clip_norm(double *g, size_t n, double threshold,
                                 double *norm, descent_error *error);
descent_status descent_clip_value(double *g, size_t n, double threshold,
                                  descent_error *error);

#endif
