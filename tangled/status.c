/* status.c: generated from chapters/01-descent.nw; do not edit. */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "internal.h"

static const char *const status_names[] = {
    "DESCENT_OK", "DESCENT_MAX_ITERATIONS", "DESCENT_STALLED",
    "DESCENT_DIVERGED", "DESCENT_NONFINITE",
    "DESCENT_INVALID_ARGUMENT", "DESCENT_NO_HESSIAN",
    "DESCENT_DIRECTION_FAILED", "DESCENT_STEP_FAILED",
    "DESCENT_LAPACK_FAILED", "DESCENT_OUT_OF_MEMORY",
    "DESCENT_DATA_ERROR", "DESCENT_UNAVAILABLE",
};
static const char *const status_descriptions[] = {
    "success",
    "the iteration limit was reached before convergence",
    "the objective stopped changing before convergence",
    "the objective grew without bound",
    "a NaN or an infinity appeared",
    "an argument is out of its valid range",
    "a Hessian is required but the objective has none",
    "the direction rule could not produce a direction",
    "the step rule could not find an acceptable step",
    "a LAPACK routine reported failure",
    "memory could not be allocated",
    "a data file is missing, truncated or corrupt",
    "the back end is not available (no CUDA device, or no CUDA in this build)",
};
enum { STATUS_COUNT = sizeof status_names / sizeof status_names[0] };
_Static_assert(STATUS_COUNT == DESCENT_UNAVAILABLE + 1,
               "one name per status");
_Static_assert(sizeof status_descriptions == sizeof status_names,
               "one description per status");

const char *descent_status_name(descent_status status)
{
    if ((size_t)status >= STATUS_COUNT)
        return "DESCENT_UNKNOWN_STATUS";
    return status_names[status];
}

const char *descent_status_description(descent_status status)
{
    if ((size_t)status >= STATUS_COUNT)
        return "unknown status code";
    return status_descriptions[status];
}

descent_status descent_fail(descent_error *error, descent_status status,
                            const char *format, ...)
{
    if (error != NULL) {
        va_list args;
        va_start(args, format);
        error->status = status;
        vsnprintf(error->message, sizeof error->message, format, args);
        va_end(args);
    }
    return status;
}

descent_status descent_succeed(descent_error *error)
{
    if (error != NULL) {
        error->status = DESCENT_OK;
        snprintf(error->message, sizeof error->message, "ok");
    }
    return DESCENT_OK;
}
bool descent_product_fits(size_t a, size_t b, size_t *product)
{
    if (a != 0 && b > SIZE_MAX / a)
        return false;
    if (product != NULL)
        *product = a * b;
    return true;
}

descent_status descent_check_size(size_t n, size_t vectors,
                                  size_t matrices, const char *owner,
                                  descent_error *error)
{
    size_t square = 0, doubles = 0, total = 0;
    if (n > (size_t)INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: n = %zu is more than BLAS and LAPACK can "
                            "index (at most %d)", owner, n, INT_MAX);
    if (!descent_product_fits(n, n, &square)
        || !descent_product_fits(matrices, square, &doubles)
        || !descent_product_fits(vectors, n, &total)
        || total > SIZE_MAX - doubles
        || !descent_product_fits(total + doubles, sizeof(double), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: n = %zu needs more memory than size_t "
                            "can count", owner, n);
    return descent_succeed(error);
}
