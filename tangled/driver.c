/* driver.c: generated from chapters/01-descent.nw; do not edit. */
#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

descent_options descent_default_options(void)
{
    return (descent_options){
        .max_iterations = 10000,
        .gradient_tolerance = 1e-8,
        .value_tolerance = 10 * DBL_EPSILON,
        .stall_iterations = 5,
        .divergence_threshold = 1e12,
        .trace = NULL,
    };
}
typedef struct workspace {
    double *block;   /* the one allocation; the rest point into it */
    double *theta, *g, *d, *trial_theta, *trial_g;
} workspace;

static bool workspace_alloc(workspace *w, size_t n)
{
    double *block = malloc(5 * n * sizeof *block);
    if (block == NULL)
        return false;
    *w = (workspace){block, block, block + n, block + 2 * n,
                     block + 3 * n, block + 4 * n};
    return true;
}

static void swap(double **a, double **b)
{
    double *t = *a;
    *a = *b;
    *b = t;
}
static descent_status check_arguments(const descent_objective *f,
                                      const descent_direction_rule *dir,
                                      const descent_step_rule *step,
                                      const descent_options *opt,
                                      const double *theta,
                                      descent_error *error)
{
    size_t i;
    descent_status status = descent_objective_check(f, error);
    if (!status)
        status = descent_check_size(f->n, 5, 0, "descent_minimize", error);
    if (status)
        return status;
    if (dir == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "no direction rule given (direction is NULL)");
    if (dir->direction == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "direction rule %s has no function",
                            dir->name != NULL ? dir->name : "(unnamed)");
    if (step == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "no step rule given (step is NULL)");
    if (step->step == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "step rule %s has no function",
                            step->name != NULL ? step->name : "(unnamed)");
    if (theta == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "starting point theta is NULL");
    if (!descent_all_finite(f->n, theta, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "starting point has theta[%zu] = %g", i,
                            theta[i]);
    if (!(opt->gradient_tolerance >= 0) || !isfinite(opt->gradient_tolerance))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "gradient_tolerance = %g must be finite and "
                            ">= 0", opt->gradient_tolerance);
    if (!(opt->value_tolerance >= 0) || !isfinite(opt->value_tolerance))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "value_tolerance = %g must be finite and >= 0",
                            opt->value_tolerance);
    if (!(opt->divergence_threshold > 0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "divergence_threshold = %g must be > 0",
                            opt->divergence_threshold);
    if (opt->trace != NULL && opt->trace->n == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "options.trace has n = 0: it was freed, or "
                            "never made with descent_trace_init");
    if (opt->trace != NULL && opt->trace->n != f->n)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "trace has dimension %zu, objective %zu",
                            opt->trace->n, f->n);
    return descent_succeed(error);
}
static descent_status inspect(const descent_objective *f, size_t k,
                              double value, const double *g,
                              double gradient_norm, double value0,
                              double threshold, descent_error *error)
{
    size_t i;
    const char *name = descent_objective_name(f);
    if (isnan(value) || value == -INFINITY || (k == 0 && !isfinite(value)))
        return descent_fail(error, DESCENT_NONFINITE,
                            "objective %s returned E = %g at iteration %zu",
                            name, value, k);
    double limit = value0 + threshold * fmax(1, fabs(value0));
    if (value == INFINITY || value > limit)
        return descent_fail(error, DESCENT_DIVERGED,
                            "diverged: E grew from %g to %g in %zu "
                            "iterations", value0, value, k);
    if (!isfinite(gradient_norm) && !descent_all_finite(f->n, g, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "gradient of %s has g[%zu] = %g at "
                            "iteration %zu", name, i, g[i], k);
    return descent_succeed(error);
}
static descent_status check_direction(const descent_direction_rule *dir,
                                      size_t n, const double *d, size_t k,
                                      descent_error *error)
{
    size_t i;
    if (!isfinite(descent_norm(n, d)) && !descent_all_finite(n, d, &i))
        return descent_fail(error, DESCENT_NONFINITE,
                            "direction rule %s gave d[%zu] = %g at "
                            "iteration %zu", dir->name, i, d[i], k);
    return descent_succeed(error);
}

static descent_status check_step(const descent_step_rule *step,
                                 double eta, size_t k,
                                 descent_error *error)
{
    if (!(eta > 0) || !isfinite(eta))
        return descent_fail(error, DESCENT_STEP_FAILED,
                            "step rule %s gave eta = %g at iteration "
                            "%zu", step->name, eta, k);
    return descent_succeed(error);
}
descent_status descent_minimize(descent_objective *f,
                                const descent_direction_rule *direction,
                                const descent_step_rule *step,
                                const descent_options *options,
                                double *theta,
                                descent_result *result)
{
    descent_options defaults = descent_default_options();
    const descent_options *opt = options != NULL ? options : &defaults;
    descent_error error;
    workspace w = {0};
    size_t n = 0, k = 0, stalled_for = 0;
    double value = NAN, value0 = NAN, gradient_norm = NAN;
    const double *good = NULL;   /* the last iterate that passed inspection */
    double good_value = NAN, good_norm = NAN;
    descent_counts start;

    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (check_arguments(f, direction, step, opt, theta, &error))
        goto done;
    n = f->n;
    start = f->counts;
    if (!workspace_alloc(&w, n)) {
        descent_fail(&error, DESCENT_OUT_OF_MEMORY,
                     "cannot allocate the driver's 5 vectors of n = %zu", n);
        goto done;
    }
    if (opt->trace != NULL)
        trace_restart(opt->trace);
    memcpy(w.theta, theta, n * sizeof *theta);
    value = value0 = descent_value_gradient(f, w.theta, w.g);
    for (k = 0;; k++) {
        gradient_norm = descent_norm(n, w.g);
        if (inspect(f, k, value, w.g, gradient_norm, value0,
                    opt->divergence_threshold, &error))
            goto done;
        good = w.theta;
        good_value = value;
        good_norm = gradient_norm;
        if (opt->trace != NULL &&
            trace_append(opt->trace, w.theta, value, gradient_norm,
                         (double)(f->counts.values - start.values), &error))
            goto done;
        if (gradient_norm <= opt->gradient_tolerance) {
            descent_fail(&error, DESCENT_OK,
                         "converged: ||g|| = %.3g <= %.3g after %zu iterations",
                         gradient_norm, opt->gradient_tolerance, k);
            goto done;
        }
        if (k == opt->max_iterations) {
            descent_fail(&error, DESCENT_MAX_ITERATIONS,
                         "stopped after %zu iterations with ||g|| = %.3g",
                         k, gradient_norm);
            goto done;
        }
        if (opt->stall_iterations > 0 && stalled_for >= opt->stall_iterations) {
            descent_fail(&error, DESCENT_STALLED,
                         "stalled: E = %.17g changed by at most %.3g (relative) "
                         "in %zu iterations; ||g|| = %.3g", value,
                         opt->value_tolerance, stalled_for, gradient_norm);
            goto done;
        }
        descent_point at = {.iteration = k, .n = n, .theta = w.theta,
                            .value = value, .g = w.g,
                            .gradient_norm = gradient_norm};
        if (direction->direction(direction->state, f, &at, w.d, &error) ||
            check_direction(direction, n, w.d, k, &error))
            goto done;
        descent_trial trial = {.eta = NAN, .evaluated = false,
                               .theta = w.trial_theta, .value = NAN,
                               .g = w.trial_g};
        if (step->step(step->state, f, &at, w.d, &trial, &error) ||
            check_step(step, trial.eta, k, &error))
            goto done;
        if (opt->trace != NULL)
            opt->trace->eta[opt->trace->length - 1] = trial.eta;
        if (!trial.evaluated) {
            memcpy(w.trial_theta, w.theta, n * sizeof *w.theta);
            cblas_daxpy((int)n, trial.eta, w.d, 1, w.trial_theta, 1);
            trial.value = descent_value_gradient(f, w.trial_theta, w.trial_g);
        }
        if (fabs(trial.value - value) <= opt->value_tolerance * fabs(value))
            stalled_for++;
        else
            stalled_for = 0;
        swap(&w.theta, &w.trial_theta);
        swap(&w.g, &w.trial_g);
        value = trial.value;
    }
done:
    if (good != NULL)
        memcpy(theta, good, n * sizeof *theta);
    *result = (descent_result){
        .status = error.status, .iterations = k, .value = good_value,
        .gradient_norm = good_norm,
    };
    memcpy(result->message, error.message, sizeof result->message);
    if (n > 0) {
        result->counts.values = f->counts.values - start.values;
        result->counts.gradients = f->counts.gradients - start.gradients;
        result->counts.hessians = f->counts.hessians - start.hessians;
    }
    free(w.block);
    return result->status;
}
