/* linesearch.h: generated from chapters/02-linesearch.nw; do not edit. */
#ifndef DESCENT_LINESEARCH_H
#define DESCENT_LINESEARCH_H

#include "descent.h"

typedef double descent_scalar_fn(double x, void *context);

typedef struct descent_scalar_options {
    double relative_tolerance;   /* epsilon_r; default sqrt(2^-52) */
    double absolute_tolerance;   /* epsilon_a; default 1e-12 */
    size_t max_evaluations;      /* default 500 */
    double *widths;              /* optional: max_evaluations entries */
} descent_scalar_options;

typedef struct descent_scalar_minimum {
    double x, value;             /* the lowest point found, f(x) */
    double lower, upper;         /* the final bracket */
    size_t evaluations;
    size_t parabolic_steps;      /* Brent only */
} descent_scalar_minimum;

descent_scalar_options descent_scalar_default_options(void);
descent_status descent_bracket_minimum(descent_scalar_fn *f,
                                       void *context, double a,
                                       double b, size_t max_evaluations,
                                       double x[3], double fx[3],
                                       size_t *evaluations,
                                       descent_error *error);
descent_status descent_golden_section(descent_scalar_fn *f,
                                      void *context, double a, double b,
                                      const descent_scalar_options *opt,
                                      descent_scalar_minimum *minimum,
                                      descent_error *error);
descent_status descent_brent(descent_scalar_fn *f, void *context,
                             double a, double b,
                             const descent_scalar_options *opt,
                             descent_scalar_minimum *minimum,
                             descent_error *error);

#endif
