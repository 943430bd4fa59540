/* internal.h: generated from chapters/01-descent.nw; do not edit. */
#ifndef DESCENT_INTERNAL_H
#define DESCENT_INTERNAL_H

#include "core.h"

#if defined(__GNUC__) || defined(__clang__)
#define DESCENT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DESCENT_PRINTF(f, a)
#endif

descent_status descent_fail(descent_error *error, descent_status status,
                            const char *format, ...)
    DESCENT_PRINTF(3, 4);
descent_status descent_succeed(descent_error *error);
bool descent_all_finite(size_t n, const double *x, size_t *where);
double descent_norm(size_t n, const double *x);
descent_status descent_check_symmetric(size_t n, const double *A,
                                       const char *owner,
                                       const char *name,
                                       descent_error *error);
const char *descent_objective_name(const descent_objective *f);
descent_status descent_check_size(size_t n, size_t vectors,
                                  size_t matrices, const char *owner,
                                  descent_error *error);
bool descent_product_fits(size_t a, size_t b, size_t *product);
void trace_restart(descent_trace *trace);
descent_status trace_append(descent_trace *trace, const double *theta,
                            double value, double gradient_norm,
                            double evaluations, descent_error *error);

#endif
