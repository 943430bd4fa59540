/* stochastic.h: generated from chapters/07-stochastic.nw; do not edit. */
#ifndef DESCENT_STOCHASTIC_H
#define DESCENT_STOCHASTIC_H

#include <stddef.h>
#include <stdint.h>

#include "core.h"
#include "random.h"

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
typedef struct descent_regression {
    size_t count, d;     /* N examples of d inputs */
    double *x;           /* count x d, row-major */
    double *y;           /* count targets */
    double *theta_star;  /* the minimizer of E */
    double *H;           /* d x d: (1/N) X^T X */
    double *S;           /* d x d: (1/N) sum g_i(theta*) g_i(theta*)^T */
    double trace;        /* tr(H^{-1} S) */
} descent_regression;

typedef struct descent_sgd_path {
    double *squared_distance;  /* steps entries, or NULL */
    double *theta;             /* steps x d iterates, or NULL */
    double travelled;          /* sum of ||theta_{k+1} - theta_k|| */
    double largest_gradient;   /* the largest ||g_k|| */
} descent_sgd_path;

descent_status descent_regression_init(descent_regression *p,
                                          size_t count, size_t d,
                                          double condition, double noise,
                                          uint64_t seed,
                                          descent_error *error);
void descent_regression_free(descent_regression *p);
descent_status descent_regression_gradient(
    const descent_regression *p, const double *theta,
    const size_t *batch, size_t m, double *g, descent_error *error);
descent_status descent_minibatch_draw(descent_random *r, size_t count,
                                      size_t m, size_t *indices,
                                      descent_error *error);
descent_status descent_regression_sgd(const descent_regression *p,
                                         double *theta, size_t m,
                                         const descent_schedule *s,
                                         size_t steps, descent_random *r,
                                         descent_sgd_path *path,
                                         descent_error *error);
descent_status descent_regression_stationary(
    const descent_regression *p, double eta, size_t m,
    double *first_order, double *exact, descent_error *error);
typedef struct descent_logistic {
    size_t count, d;     /* N examples of d inputs */
    double *x;           /* count x d, row-major */
    double *y;           /* count labels, 0 or 1 */
    double lambda;       /* the weight of the regularization */
    double *theta_star;  /* the minimizer of E */
    double value_star;   /* E(theta*) */
} descent_logistic;

descent_status descent_logistic_init(descent_logistic *p, size_t count,
                                     size_t d, double lambda, uint64_t seed,
                                     descent_error *error);
void descent_logistic_free(descent_logistic *p);
descent_status descent_logistic_value(const descent_logistic *p,
                                      const double *theta,
                                      const size_t *batch, size_t m,
                                      double *value, double *g,
                                      descent_error *error);

#endif
