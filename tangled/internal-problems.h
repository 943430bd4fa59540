/* internal-problems.h: generated from chapters/13-explorer.nw; do not
   edit. What a built problem of Andrei's collection keeps. */
#ifndef DESCENT_INTERNAL_PROBLEMS_H
#define DESCENT_INTERNAL_PROBLEMS_H

#include "internal-explore.h"

typedef struct descent_collection_storage {
    size_t n;                 /* first: every formula reads it */
    const double *parameter;  /* a DIXMAAN variant's eight constants */
    double *solution;         /* n: a minimizer x* */
} descent_collection_storage;

/* A minimizer x* of p when p was built from the collection (for the
   tests and the benchmarks); NULL for any other problem. */
const double *descent_collection_solution(const descent_problem *p);

#endif
