/* status.c: generated from chapters/01-descent.nw; do not edit. */
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

static const char *const status_names[] = {
    "DESCENT_OK", "DESCENT_MAX_ITERATIONS", "DESCENT_STALLED",
    "DESCENT_DIVERGED", "DESCENT_NONFINITE",
    "DESCENT_INVALID_ARGUMENT", "DESCENT_NO_HESSIAN",
    "DESCENT_DIRECTION_FAILED", "DESCENT_STEP_FAILED",
    "DESCENT_LAPACK_FAILED", "DESCENT_OUT_OF_MEMORY",
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
};
enum { STATUS_COUNT = sizeof status_names / sizeof status_names[0] };
_Static_assert(STATUS_COUNT == DESCENT_OUT_OF_MEMORY + 1,
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
