/* beyond.c: generated from chapters/12-beyond.nw; do not edit. */
#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beyond.h"
#include "internal.h"
#include "linesearch.h"
#include "random.h"

descent_direct_options descent_direct_default_options(void)
{
    return (descent_direct_options){
        .max_evaluations = 100000, .target = -INFINITY,
        .step_tolerance = 1e-8, .trace = NULL, .target_evaluations = 0};
}

typedef struct direct_run {
    descent_objective *f;
    descent_direct_options *options;
    descent_direct_options defaults;  /* options when the caller gave none */
    size_t n;
    unsigned long start;     /* f->counts.values when the run began */
    descent_counts counts0;  /* all of f->counts then */
    double best;             /* the lowest value seen */
    double *best_theta;      /* n: where it was seen */
    bool stop;               /* the budget is spent or the target met */
} direct_run;

static size_t direct_used(const direct_run *run)
{
    return (size_t)(run->f->counts.values - run->start);
}

static double direct_value(direct_run *run, const double *theta)
{
    double v = descent_value(run->f, theta);
    if (!isfinite(v))
        v = INFINITY;
    if (v < run->best) {
        run->best = v;
        memcpy(run->best_theta, theta, run->n * sizeof *theta);
    }
    if (v <= run->options->target && run->options->target_evaluations == 0) {
        run->options->target_evaluations = direct_used(run);
        run->stop = true;
    }
    if (direct_used(run) >= run->options->max_evaluations)
        run->stop = true;
    return v;
}
static descent_status direct_begin(direct_run *run, const char *method,
                                   descent_objective *f,
                                   descent_direct_options *options,
                                   double *theta, double *value,
                                   descent_error *error)
{
    size_t i;
    descent_status status;
    *run = (direct_run){.f = f, .best = INFINITY};
    run->defaults = descent_direct_default_options();
    run->options = options != NULL ? options : &run->defaults;
    if ((status = descent_objective_check(f, error)) ||
        (status = descent_check_size(f->n, 1, 0, method, error)))
        return status;
    run->n = f->n;
    if (theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: starting point theta is NULL", method);
    if (!descent_all_finite(f->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: starting point has theta[%zu] = %g",
                            method, i, theta[i]);
    if (run->options->max_evaluations < 1)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: max_evaluations = 0 must be >= 1", method);
    if (!(run->options->step_tolerance >= 0) ||
        !isfinite(run->options->step_tolerance))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: step_tolerance = %g must be finite and "
                            ">= 0", method, run->options->step_tolerance);
    if (isnan(run->options->target))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: target = nan must be a number (-inf: "
                            "none)", method);
    if (run->options->trace != NULL && run->options->trace->n != f->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: the trace is for n = %zu, the objective "
                            "has n = %zu", method, run->options->trace->n,
                            f->n);
    run->best_theta = malloc(f->n * sizeof *run->best_theta);
    if (run->best_theta == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate a vector of n = %zu",
                            method, f->n);
    if (run->options->trace != NULL)
        trace_restart(run->options->trace);
    run->options->target_evaluations = 0;
    run->start = f->counts.values;
    run->counts0 = f->counts;
    *value = direct_value(run, theta);
    if (!isfinite(*value))
        return descent_fail(error, DESCENT_NONFINITE,
                            "%s: E is not finite at the starting point",
                            method);
    return descent_succeed(error);
}

static descent_status direct_record(direct_run *run, const double *theta,
                                    double value, double eta,
                                    descent_error *error)
{
    descent_trace *trace = run->options->trace;
    descent_status status;
    if (trace == NULL)
        return DESCENT_OK;
    status = trace_append(trace, theta, value, NAN,
                          (double)direct_used(run), error);
    if (status == DESCENT_OK)
        trace->eta[trace->length - 1] = eta;
    return status;
}

static descent_status direct_finish(direct_run *run, double *theta,
                                    size_t iterations,
                                    const descent_error *error,
                                    descent_result *result)
{
    *result = (descent_result){.status = error->status,
                               .iterations = iterations,
                               .value = NAN, .gradient_norm = NAN};
    memcpy(result->message, error->message, sizeof result->message);
    if (run->best_theta != NULL && isfinite(run->best)) {
        memcpy(theta, run->best_theta, run->n * sizeof *theta);
        result->value = run->best;
    }
    if (run->n > 0) {
        result->counts.values = run->f->counts.values - run->counts0.values;
        result->counts.gradients =
            run->f->counts.gradients - run->counts0.gradients;
        result->counts.hessians =
            run->f->counts.hessians - run->counts0.hessians;
    }
    free(run->best_theta);
    run->best_theta = NULL;
    return result->status;
}


