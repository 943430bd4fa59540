/* random.h: generated from chapters/07-stochastic.nw; do not edit. */
#ifndef DESCENT_RANDOM_H
#define DESCENT_RANDOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core.h"

typedef struct descent_random {
    uint64_t state[4];   /* xoshiro256** */
    double spare;        /* the second Gaussian of a pair */
    bool has_spare;
} descent_random;

typedef enum descent_distribution {
    DESCENT_UNIFORM,     /* uniform on [0, 1) */
    DESCENT_SYMMETRIC,   /* uniform on [-1, 1) */
    DESCENT_GAUSSIAN     /* normal, mean 0, variance 1 */
} descent_distribution;

void descent_random_seed(descent_random *r, uint64_t seed);
uint64_t descent_random_bits(descent_random *r);
uint64_t descent_random_below(descent_random *r, uint64_t n);
double descent_random_uniform(descent_random *r);
double descent_random_gaussian(descent_random *r);
descent_status descent_random_permutation(descent_random *r, size_t n,
                                          size_t *p,
                                          descent_error *error);
descent_status descent_random_fill(descent_random *r, size_t n,
                                   double *x, int distribution,
                                   descent_error *error);

#endif
