/* linesearch.h: generated from chapters/02-linesearch.nw; do not edit. */
#ifndef DESCENT_LINESEARCH_H
#define DESCENT_LINESEARCH_H

#include "core.h"

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
typedef enum descent_initial_rule {
    DESCENT_INITIAL_SLOPE_RATIO,  /* alpha_{k-1} phi'_{k-1}(0) / phi'_k(0) */
    DESCENT_INITIAL_QUADRATIC,    /* 2.02 (E_k - E_{k-1}) / phi'_k(0) */
    DESCENT_INITIAL_FIXED         /* initial_step at every search */
} descent_initial_rule;

typedef struct descent_line_search {
    double c1;               /* sufficient decrease */
    double c2;               /* curvature (strong Wolfe) */
    descent_initial_rule initial_rule;
    double initial_step;     /* alpha_0: the first trial of a run */
    double trust_length;     /* ... but ||alpha_0 d_0|| <= this */
    double backtrack;        /* rho, the backtracking factor */
    double max_length;       /* no trial step with ||alpha d|| beyond */
    size_t max_evaluations;  /* per search */
    double tolerance;        /* epsilon_alpha, for the exact search */
    size_t evaluations;      /* written: cost of the last search */
    double first_trial;      /* written: its first trial step */
    double previous_step;    /* written: the last step accepted, */
    double previous_slope;   /*   phi'(0) of that search, */
    double previous_value;   /*   and E where it started */
} descent_line_search;

descent_line_search descent_line_search_defaults(void);
descent_step_rule descent_exact_step(descent_line_search *search);
descent_step_rule descent_armijo_step(descent_line_search *search);
descent_step_rule descent_wolfe_step(descent_line_search *search);
descent_status descent_line_search_run(descent_step_rule rule,
                                       descent_objective *f,
                                       const double *theta,
                                       const double *d,
                                       descent_trial *trial,
                                       descent_error *error);

#endif
