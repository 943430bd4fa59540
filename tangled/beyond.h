/* beyond.h: generated from chapters/12-beyond.nw; do not edit. */
#ifndef DESCENT_BEYOND_H
#define DESCENT_BEYOND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core.h"

typedef struct descent_direct_options {
    size_t max_evaluations;      /* budget of calls of E; default 100000 */
    double target;               /* stop once E <= target; default -inf */
    double step_tolerance;       /* the method's scale; default 1e-8 */
    descent_trace *trace;        /* NULL: keep no trace */
    size_t target_evaluations;   /* written: evaluations when E <= target
                                    first held; 0 if it never did */
} descent_direct_options;

descent_direct_options descent_direct_default_options(void);
typedef struct descent_coordinate_search {
    bool accelerate;        /* end each cycle with a pattern step */
    double initial_step;    /* first bracket of the first cycle; default 0.1 */
    double line_tolerance;  /* Brent's relative tolerance; default 2^-26 */
    size_t cycles, line_searches;                        /* written */
} descent_coordinate_search;

descent_coordinate_search descent_coordinate_search_defaults(void);
descent_status descent_coordinate_minimize(
    descent_objective *f, descent_coordinate_search *method,
    descent_direct_options *options, double *theta,
    descent_result *result);
typedef enum descent_powell_rule {
    DESCENT_POWELL_BASIC,       /* drop the oldest direction every cycle */
    DESCENT_POWELL_SAFEGUARDED  /* Powell's test: drop the direction
                                   of largest decrease, or none */
} descent_powell_rule;

typedef struct descent_powell {
    descent_powell_rule rule;   /* default SAFEGUARDED */
    double initial_step;        /* as in coordinate search; default 0.1 */
    double line_tolerance;      /* default 2^-26 */
    bool parabolic;             /* one parabolic step instead of Brent */
    size_t max_cycles;          /* stop after so many; 0: no limit */
    double *directions;         /* NULL, or room for n x n: written, the
                                   final set, row i = u_i, unit length */
    size_t cycles, line_searches, replaced;              /* written */
} descent_powell;

descent_powell descent_powell_defaults(void);
descent_status descent_powell_minimize(descent_objective *f,
                                       descent_powell *method,
                                       descent_direct_options *options,
                                       double *theta,
                                       descent_result *result);
typedef struct descent_nelder_mead {
    double reflection, expansion;   /* rho = 1, chi = 2 */
    double contraction, shrink;     /* gamma = 1/2, sigma = 1/2 */
    bool adaptive;            /* Gao and Han's coefficients for n >= 3 */
    double initial_step;      /* vertex i = theta + h e_i; default 0.1 */
    const double *simplex;    /* NULL, or (n+1) x n vertices, row-major */
    size_t iterations, reflections, expansions, contractions, shrinks;
    double size;              /* written: max_i ||v_i - v_best|| */
} descent_nelder_mead;

descent_nelder_mead descent_nelder_mead_defaults(void);
descent_status descent_nelder_mead_minimize(
    descent_objective *f, descent_nelder_mead *method,
    descent_direct_options *options, double *theta,
    descent_result *result);
typedef struct descent_anneal {
    double initial_temperature;  /* T_0 > 0 */
    double cooling;              /* T_{k+1} = cooling T_k, in (0, 1) */
    double final_temperature;    /* stop once T < this, in (0, T_0) */
    size_t steps;                /* Metropolis proposals per T, >= 1 */
    double step;                 /* proposal: x + step N(0, I), > 0 */
    uint64_t seed;
    size_t proposed, accepted;   /* written: proposals, and accepted */
    size_t temperatures;         /* written: temperatures completed */
    double temperature;          /* written: the last T, or NAN */
} descent_anneal;

descent_anneal descent_anneal_defaults(void);
descent_status descent_anneal_minimize(descent_objective *f,
                                       descent_anneal *method,
                                       descent_direct_options *options,
                                       double *theta,
                                       descent_result *result);
typedef struct descent_genetic {
    size_t population;     /* P >= 2 */
    size_t tournament;     /* a parent: the best of this many drawn,
                              1 <= tournament <= P */
    double crossover;      /* probability a child has two parents, in
                              [0, 1]: uniform crossover */
    double mutation;       /* probability a gene mutates, in [0, 1];
                              NAN: 1/n */
    double mutation_scale; /* a mutation adds mutation_scale N(0, 1) */
    double initial_scale;  /* generation 0: theta + initial_scale N(0, I) */
    size_t elite;          /* the best carried over unchanged, < P */
    uint64_t seed;
    size_t generations;    /* written: generations bred */
} descent_genetic;

descent_genetic descent_genetic_defaults(void);
descent_status descent_genetic_minimize(descent_objective *f,
                                        descent_genetic *method,
                                        descent_direct_options *options,
                                        double *theta,
                                        descent_result *result);

#endif
