/* trace.c: generated from chapters/01-descent.nw; do not edit. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

descent_status descent_trace_init(descent_trace *trace, size_t n,
                                  bool keep_iterates,
                                  descent_error *error)
{
    if (trace == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "trace is NULL");
    if (n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "trace dimension n = 0");
    descent_status status = descent_check_size(n, 1, 0, "trace", error);
    if (status)
        return status;
    *trace = (descent_trace){.n = n, .keep_iterates = keep_iterates};
    return descent_succeed(error);
}

void descent_trace_free(descent_trace *trace)
{
    if (trace == NULL)
        return;
    free(trace->value);
    free(trace->gradient_norm);
    free(trace->eta);
    free(trace->evaluations);
    free(trace->theta);
    *trace = (descent_trace){0};
}

void trace_restart(descent_trace *trace) { trace->length = 0; }

const double *descent_trace_iterate(const descent_trace *trace,
                                    size_t k)
{
    if (trace == NULL || !trace->keep_iterates || trace->theta == NULL ||
        k >= trace->length)
        return NULL;
    return trace->theta + k * trace->n;
}
static bool grow(double **array, size_t count)
{
    size_t bytes;
    if (!descent_product_fits(count, sizeof **array, &bytes))
        return false;
    double *bigger = realloc(*array, bytes);
    if (bigger == NULL)
        return false;
    *array = bigger;
    return true;
}

static bool trace_reserve(descent_trace *trace, size_t needed)
{
    size_t iterates;
    if (needed <= trace->capacity)
        return true;
    size_t capacity = trace->capacity ? trace->capacity : 64;
    while (capacity < needed) {
        if (capacity > SIZE_MAX / 2)
            return false;
        capacity *= 2;
    }
    if (trace->keep_iterates &&
        !descent_product_fits(capacity, trace->n, &iterates))
        return false;
    if (!grow(&trace->value, capacity) ||
        !grow(&trace->gradient_norm, capacity) ||
        !grow(&trace->eta, capacity) ||
        !grow(&trace->evaluations, capacity) ||
        (trace->keep_iterates && !grow(&trace->theta, iterates)))
        return false;
    trace->capacity = capacity;
    return true;
}
descent_status trace_append(descent_trace *trace, const double *theta,
                            double value, double gradient_norm,
                            double evaluations, descent_error *error)
{
    size_t k = trace->length;
    if (!trace_reserve(trace, k + 1))
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "cannot grow the trace past %zu entries", k);
    trace->value[k] = value;
    trace->gradient_norm[k] = gradient_norm;
    trace->eta[k] = NAN;
    trace->evaluations[k] = evaluations;
    if (trace->keep_iterates)
        memcpy(trace->theta + k * trace->n, theta,
               trace->n * sizeof *theta);
    trace->length = k + 1;
    return descent_succeed(error);
}
