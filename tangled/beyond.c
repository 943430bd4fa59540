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
static descent_status direct_stopped(const direct_run *run,
                                     const char *method,
                                     descent_error *error)
{
    if (run->options->target_evaluations > 0)
        return descent_fail(error, DESCENT_OK, "%s: E = %g <= target = %g "
                            "after %zu evaluations", method, run->best,
                            run->options->target,
                            run->options->target_evaluations);
    return descent_fail(error, DESCENT_MAX_ITERATIONS, "%s: the budget of "
                        "max_evaluations = %zu evaluations is spent", method,
                        run->options->max_evaluations);
}
#include <float.h>
#include <lapacke.h>

static double direct_distance(size_t n, const double *x, const double *y)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (x[i] - y[i]) * (x[i] - y[i]);
    return sqrt(sum);
}

static bool direct_converged(const direct_run *run, const double *theta,
                             double moved)
{
    return moved <= run->options->step_tolerance *
                        (1 + cblas_dnrm2((int)run->n, theta, 1));
}

static descent_status direct_end(direct_run *run, const double *theta,
                                 double value, const char *method,
                                 const char *why, descent_error *error)
{
    descent_status status = direct_record(run, theta, value, NAN, error);
    if (status)
        return status;
    if (run->stop)
        return direct_stopped(run, method, error);
    return descent_fail(error, DESCENT_OK, "%s: converged: %s", method, why);
}

static descent_status direct_end_cycles(direct_run *run, const double *theta,
                                        double value, size_t cycles,
                                        const char *method,
                                        descent_error *error)
{
    descent_status status = direct_record(run, theta, value, NAN, error);
    if (status)
        return status;
    return descent_fail(error, DESCENT_MAX_ITERATIONS,
                        "%s: max_cycles = %zu cycles done", method, cycles);
}
typedef struct direct_line {
    direct_run *run;
    const double *theta, *d;  /* the base point; the unit direction */
    double sign;              /* the scalar search runs along sign d */
    double *x;                /* n: room for theta + a d */
    double value0;            /* E(theta) */
    double best_step, best_value;     /* the lowest point seen */
    double known[3], known_value[3];  /* the last three computed */
    size_t computed;
} direct_line;

static double direct_phi(double a, void *context)
{
    direct_line *line = context;
    double step = line->sign * a;
    if (line->run->stop)
        return NAN;
    if (step == 0)
        return line->value0;
    for (size_t i = 0; i < 3 && i < line->computed; i++)
        if (fabs(step - line->known[i]) <= 4 * DBL_EPSILON * fabs(step))
            return line->known_value[i];
    int n = (int)line->run->n;
    cblas_dcopy(n, line->theta, 1, line->x, 1);
    cblas_daxpy(n, step, line->d, 1, line->x, 1);
    double v = direct_value(line->run, line->x);
    if (v < line->best_value)
        line->best_step = step, line->best_value = v;
    line->known[line->computed % 3] = step;
    line->known_value[line->computed % 3] = v;
    line->computed++;
    return isfinite(v) ? v : DBL_MAX;
}
static double direct_vertex(const double *x, const double *fx)
{
    double p = (x[1] - x[0]) * (fx[1] - fx[2]),
           q = (x[1] - x[2]) * (fx[1] - fx[0]);
    double denominator = 2 * (p - q);
    if (!(fabs(denominator) > 0))
        return NAN;
    return x[1] - ((x[1] - x[0]) * p - (x[1] - x[2]) * q) / denominator;
}
enum { direct_bracket_budget = 60, direct_brent_budget = 100 };

static descent_status direct_line_search(direct_line *line,
                                         double *theta, double *value,
                                         const double *d, double h,
                                         double tolerance, bool parabolic,
                                         double *step, descent_error *error)
{
    double x[3], fx[3];
    descent_scalar_minimum minimum;
    descent_scalar_options scalar = descent_scalar_default_options();
    *line = (direct_line){.run = line->run, .x = line->x, .theta = theta,
                          .d = d, .sign = 1, .value0 = *value,
                          .best_value = *value};
    descent_status status = descent_bracket_minimum(
        direct_phi, line, 0, h, direct_bracket_budget, x, fx, NULL, error);
    if (status == DESCENT_OK && parabolic) {
        double u = direct_vertex(x, fx);
        if (isfinite(u))
            direct_phi(u, line);
    } else if (status == DESCENT_OK) {
        bool left = x[1] - x[0] > x[2] - x[1];
        scalar.relative_tolerance = tolerance;
        scalar.absolute_tolerance = tolerance * h;
        scalar.max_evaluations = direct_brent_budget;
        line->sign = left ? -1 : 1;
        status = descent_brent(direct_phi, line, left ? -x[2] : x[0],
                               left ? -x[0] : x[2], &scalar, &minimum,
                               error);
    }
    if (status == DESCENT_INVALID_ARGUMENT)
        return status;
    *step = line->best_step;
    if (*step != 0) {
        cblas_daxpy((int)line->run->n, *step, d, 1, theta, 1);
        *value = line->best_value;
    }
    return descent_succeed(error);
}
static descent_status coordinate_cycle(direct_line *line,
                                       descent_coordinate_search *method,
                                       const double *start, double *theta,
                                       double *value, double *d, double h,
                                       descent_error *error)
{
    size_t n = line->run->n;
    double step;
    descent_status status = DESCENT_OK;
    for (size_t i = 0; i < n && !status && !line->run->stop; i++) {
        d[i] = 1;
        status = direct_line_search(line, theta, value, d, h,
                                    method->line_tolerance, false, &step,
                                    error);
        d[i] = 0;
        method->line_searches++;
    }
    if (status || line->run->stop || !method->accelerate)
        return status;
    cblas_dcopy((int)n, theta, 1, d, 1);
    cblas_daxpy((int)n, -1, start, 1, d, 1);
    double length = cblas_dnrm2((int)n, d, 1);
    if (length > 0) {
        cblas_dscal((int)n, 1 / length, d, 1);
        status = direct_line_search(line, theta, value, d, length,
                                    method->line_tolerance, false, &step,
                                    error);
        method->line_searches++;
    }
    memset(d, 0, n * sizeof *d);
    return status;
}
static descent_status coordinate_run(direct_run *run,
                                     descent_coordinate_search *method,
                                     double *theta, double value,
                                     double *work, descent_error *error)
{
    size_t n = run->n;
    double *start = work, *d = work + n, h = method->initial_step;
    direct_line line = {.run = run, .x = work + 2 * n};
    descent_status status;
    memset(d, 0, n * sizeof *d);
    for (;;) {
        double start_value = value, moved;
        memcpy(start, theta, n * sizeof *theta);
        if ((status = coordinate_cycle(&line, method, start, theta, &value,
                                       d, h, error)))
            return status;
        method->cycles++;
        moved = direct_distance(n, start, theta);
        if ((status = direct_record(run, start, start_value, moved, error)))
            return status;
        if (run->stop || direct_converged(run, theta, moved))
            break;
        h = moved;
    }
    return direct_end(run, theta, value, "descent_coordinate_minimize",
                      "a cycle moved theta by at most step_tolerance "
                      "(1 + ||theta||)", error);
}
static bool powell_keeps(direct_line *line, const double *start,
                         const double *theta, double f0, double fn,
                         double decrease)
{
    size_t n = line->run->n;
    for (size_t i = 0; i < n; i++)
        line->x[i] = 2 * theta[i] - start[i];
    double fe = direct_value(line->run, line->x);
    if (line->run->stop || !(fe < f0))
        return true;
    double a = f0 - fn - decrease, b = f0 - fe;
    return 2 * (f0 - 2 * fn + fe) * a * a >= b * b * decrease;
}
static descent_status powell_cycle(direct_line *line, descent_powell *method,
                                   double *U, const double *start,
                                   double start_value, double *theta,
                                   double *value, double *d, double h,
                                   descent_error *error)
{
    size_t n = line->run->n, largest = 0;
    double step, decrease = 0;
    descent_status status = DESCENT_OK;
    for (size_t i = 0; i < n && !status && !line->run->stop; i++) {
        double before = *value;
        status = direct_line_search(line, theta, value, U + i * n, h,
                                    method->line_tolerance,
                                    method->parabolic, &step, error);
        method->line_searches++;
        if (before - *value > decrease)
            decrease = before - *value, largest = i;
    }
    if (status || line->run->stop)
        return status;
    cblas_dcopy((int)n, theta, 1, d, 1);
    cblas_daxpy((int)n, -1, start, 1, d, 1);
    double length = cblas_dnrm2((int)n, d, 1);
    if (length == 0)
        return status;
    cblas_dscal((int)n, 1 / length, d, 1);
    if (method->rule == DESCENT_POWELL_BASIC) {
        memmove(U, U + n, (n - 1) * n * sizeof *U);
        largest = n - 1;
    } else if (powell_keeps(line, start, theta, start_value, *value,
                            decrease)) {
        return status;
    } else {
        memcpy(U + largest * n, U + (n - 1) * n, n * sizeof *U);
        largest = n - 1;
    }
    memcpy(U + largest * n, d, n * sizeof *U);
    method->replaced++;
    status = direct_line_search(line, theta, value, d, length,
                                method->line_tolerance, method->parabolic,
                                &step, error);
    method->line_searches++;
    return status;
}
static descent_status powell_run(direct_run *run, descent_powell *method,
                                 double *U, double *theta, double value,
                                 double *work, descent_error *error)
{
    size_t n = run->n;
    double *start = work, *d = work + n, h = method->initial_step;
    direct_line line = {.run = run, .x = work + 2 * n};
    descent_status status;
    for (;;) {
        double start_value = value, moved;
        memcpy(start, theta, n * sizeof *theta);
        if ((status = powell_cycle(&line, method, U, start, start_value,
                                   theta, &value, d, h, error)))
            return status;
        method->cycles++;
        moved = direct_distance(n, start, theta);
        if ((status = direct_record(run, start, start_value, moved, error)))
            return status;
        if (run->stop || direct_converged(run, theta, moved))
            break;
        if (method->cycles == method->max_cycles)
            return direct_end_cycles(run, theta, value, method->cycles,
                                     "descent_powell_minimize", error);
        h = moved;
    }
    return direct_end(run, theta, value, "descent_powell_minimize",
                      "a cycle moved theta by at most step_tolerance "
                      "(1 + ||theta||)", error);
}
typedef struct nm_simplex {
    size_t n;
    double *v;        /* (n+1) x n: the vertices, row-major */
    double *f;        /* n+1: their values */
    double *sum;      /* n: the sum of the vertices */
    double *c;        /* n: the centroid of the face opposite the worst */
    double *x, *y;    /* n each: two trial points */
} nm_simplex;

typedef struct nm_coefficients {
    double rho, chi, gamma, sigma;
} nm_coefficients;

static void nm_point(size_t n, const double *c, double t,
                     const double *worst, double *x)
{
    for (size_t i = 0; i < n; i++)
        x[i] = c[i] + t * (c[i] - worst[i]);
}

static void nm_replace(nm_simplex *s, size_t i, const double *x, double fx)
{
    double *v = s->v + i * s->n;
    cblas_daxpy((int)s->n, -1, v, 1, s->sum, 1);
    cblas_daxpy((int)s->n, 1, x, 1, s->sum, 1);
    memcpy(v, x, s->n * sizeof *x);
    s->f[i] = fx;
}
static void nm_rank(const nm_simplex *s, size_t *best, size_t *worst,
                    size_t *second)
{
    size_t b = 0, w = 1, m = s->n;
    for (size_t i = 1; i <= m; i++)
        if (s->f[i] < s->f[b])
            b = i;
    w = b == 0 ? 1 : 0;
    for (size_t i = 0; i <= m; i++)
        if (i != b && s->f[i] > s->f[w])
            w = i;
    size_t t = w == b ? w : b;
    for (size_t i = 0; i <= m; i++)
        if (i != w && s->f[i] > s->f[t])
            t = i;
    *best = b, *worst = w, *second = t;
}
static double nm_size(const nm_simplex *s, size_t b)
{
    double size = 0;
    for (size_t i = 0; i <= s->n; i++)
        size = fmax(size, direct_distance(s->n, s->v + b * s->n,
                                          s->v + i * s->n));
    return size;
}

static void nm_sum(nm_simplex *s)
{
    memset(s->sum, 0, s->n * sizeof *s->sum);
    for (size_t i = 0; i <= s->n; i++)
        cblas_daxpy((int)s->n, 1, s->v + i * s->n, 1, s->sum, 1);
}
static void nm_shrink(direct_run *run, descent_nelder_mead *m,
                      const nm_coefficients *k, nm_simplex *s, size_t b)
{
    size_t n = s->n;
    const double *vb = s->v + b * n;
    m->shrinks++;
    for (size_t i = 0; i <= n && !run->stop; i++) {
        if (i == b)
            continue;
        double *v = s->v + i * n;
        for (size_t j = 0; j < n; j++)
            v[j] = vb[j] + k->sigma * (v[j] - vb[j]);
        s->f[i] = direct_value(run, v);
    }
    nm_sum(s);
}
static void nm_iterate(direct_run *run, descent_nelder_mead *m,
                       const nm_coefficients *k, nm_simplex *s)
{
    size_t n = s->n, b, w, t;
    nm_rank(s, &b, &w, &t);
    const double *vw = s->v + w * n;
    for (size_t i = 0; i < n; i++)
        s->c[i] = (s->sum[i] - vw[i]) / (double)n;
    nm_point(n, s->c, k->rho, vw, s->x);
    double fr = direct_value(run, s->x), fy;
    if (run->stop)
        return;
    if (fr < s->f[b]) {
        nm_point(n, s->c, k->rho * k->chi, vw, s->y);
        fy = direct_value(run, s->y);
        if (fy < fr)
            nm_replace(s, w, s->y, fy), m->expansions++;
        else
            nm_replace(s, w, s->x, fr), m->reflections++;
        return;
    }
    if (fr < s->f[t]) {
        nm_replace(s, w, s->x, fr), m->reflections++;
        return;
    }
    bool outside = fr < s->f[w];
    nm_point(n, s->c, outside ? k->rho * k->gamma : -k->gamma, vw, s->y);
    fy = direct_value(run, s->y);
    if (run->stop)
        return;
    if (outside ? fy <= fr : fy < s->f[w]) {
        nm_replace(s, w, s->y, fy), m->contractions++;
        return;
    }
    nm_shrink(run, m, k, s, b);
}
static descent_status nm_run(direct_run *run, descent_nelder_mead *m,
                             const nm_coefficients *k, nm_simplex *s,
                             descent_error *error)
{
    size_t n = s->n, b, w, t;
    descent_status status;
    for (;;) {
        nm_rank(s, &b, &w, &t);
        const double *vb = s->v + b * n;
        bool check = m->iterations % n == 0;
        double size = check || run->options->trace ? nm_size(s, b) : NAN;
        if (run->stop)
            break;
        if (check) {
            nm_sum(s);
            if (direct_converged(run, vb, size))
                break;
        }
        if ((status = direct_record(run, vb, s->f[b], size, error)))
            return status;
        nm_iterate(run, m, k, s);
        m->iterations++;
    }
    m->size = nm_size(s, b);
    return direct_end(run, s->v + b * n, s->f[b],
                      "descent_nelder_mead_minimize",
                      "the simplex's size is at most step_tolerance "
                      "(1 + ||best||)", error);
}
static descent_status direct_check_line(const char *method, double step,
                                        double tolerance,
                                        descent_error *error)
{
    if (!(step > 0) || !isfinite(step))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: initial_step = %g must be finite and > 0",
                            method, step);
    if (!(tolerance > 0 && tolerance < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: line_tolerance = %g must be in (0, 1)",
                            method, tolerance);
    return descent_succeed(error);
}
static descent_status nm_check(const descent_nelder_mead *m,
                               descent_error *error)
{
    const char *name = "descent_nelder_mead_minimize";
    if (!(m->reflection > 0) || !isfinite(m->reflection))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: reflection = %g must be finite and > 0",
                            name, m->reflection);
    if (!(m->expansion > 1 && m->expansion > m->reflection) ||
        !isfinite(m->expansion))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: expansion = %g must be finite, > 1 and > "
                            "reflection = %g", name, m->expansion,
                            m->reflection);
    if (!(m->contraction > 0 && m->contraction < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: contraction = %g must be in (0, 1)", name,
                            m->contraction);
    if (!(m->shrink > 0 && m->shrink < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: shrink = %g must be in (0, 1)", name,
                            m->shrink);
    if (m->simplex == NULL && (!(m->initial_step > 0) ||
                               !isfinite(m->initial_step)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: initial_step = %g must be finite and > 0",
                            name, m->initial_step);
    return descent_succeed(error);
}
static descent_status nm_check_simplex(size_t n, const double *v,
                                       descent_error *error)
{
    const char *name = "descent_nelder_mead_minimize";
    size_t i;
    if (!descent_all_finite((n + 1) * n, v, &i))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: simplex[%zu] = %g (vertex %zu) must be "
                            "finite", name, i, v[i], i / n);
    double *edges = malloc((n * n + 2 * n) * sizeof *edges);
    if (edges == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate the %zu x %zu edges",
                            name, n, n);
    double *length = edges + n * n, *tau = length + n, smallest = INFINITY;
    descent_status status = DESCENT_OK;
    for (size_t r = 0; r < n; r++)
        for (size_t c = 0; c < n; c++)
            edges[r * n + c] = v[(c + 1) * n + r] - v[r];
    for (size_t c = 0; c < n && !status; c++) {
        length[c] = cblas_dnrm2((int)n, edges + c, (int)n);
        if (!(length[c] > 0) || !isfinite(length[c]))
            status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                  "%s: simplex edge %zu has length %g: vertex "
                                  "%zu must differ from vertex 0 by a finite, "
                                  "nonzero amount", name, c + 1, length[c],
                                  c + 1);
    }
    if (!status && LAPACKE_dgeqrf(LAPACK_ROW_MAJOR, (int)n, (int)n, edges,
                                  (int)n, tau) != 0)
        status = descent_fail(error, DESCENT_LAPACK_FAILED,
                              "%s: the QR factorization of the simplex's "
                              "edges failed", name);
    for (size_t c = 0; c < n && !status; c++)
        smallest = fmin(smallest, fabs(edges[c * n + c]) / length[c]);
    if (!status && !(smallest >= 1e-10))
        status = descent_fail(error, DESCENT_INVALID_ARGUMENT,
                              "%s: the simplex is degenerate: an edge makes "
                              "an angle of sine %g < 1e-10 with the others",
                              name, smallest);
    if (!status)
        status = descent_succeed(error);
    free(edges);
    return status;
}
static descent_status direct_allocate(const direct_run *run,
                                      const char *method, size_t doubles,
                                      double **work, descent_error *error)
{
    *work = malloc(doubles * sizeof **work);
    if (*work == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate %zu doubles for n = %zu",
                            method, doubles, run->n);
    return descent_succeed(error);
}
static descent_status nm_check_budget(const direct_run *run,
                                      descent_error *error)
{
    if (run->options->max_evaluations < run->n + 1)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "descent_nelder_mead_minimize: max_evaluations "
                            "= %zu cannot pay for the n + 1 = %zu vertices",
                            run->options->max_evaluations, run->n + 1);
    return descent_succeed(error);
}
descent_coordinate_search descent_coordinate_search_defaults(void)
{
    return (descent_coordinate_search){
        .accelerate = false, .initial_step = 0.1,
        .line_tolerance = 1.4901161193847656e-08};
}

descent_powell descent_powell_defaults(void)
{
    return (descent_powell){
        .rule = DESCENT_POWELL_SAFEGUARDED, .initial_step = 0.1,
        .line_tolerance = 1.4901161193847656e-08, .max_cycles = 0,
        .directions = NULL};
}

descent_nelder_mead descent_nelder_mead_defaults(void)
{
    return (descent_nelder_mead){
        .reflection = 1, .expansion = 2, .contraction = 0.5, .shrink = 0.5,
        .adaptive = false, .initial_step = 0.1, .simplex = NULL};
}
descent_status descent_coordinate_minimize(
    descent_objective *f, descent_coordinate_search *method,
    descent_direct_options *options, double *theta,
    descent_result *result)
{
    const char *name = "descent_coordinate_minimize";
    descent_coordinate_search defaults = descent_coordinate_search_defaults();
    descent_error error;
    direct_run run = {0};
    double value, *work = NULL;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (method == NULL)
        method = &defaults;
    method->cycles = method->line_searches = 0;
    if (!direct_check_line(name, method->initial_step,
                           method->line_tolerance, &error) &&
        !direct_begin(&run, name, f, options, theta, &value, &error) &&
        !direct_allocate(&run, name, 3 * run.n, &work, &error))
        coordinate_run(&run, method, theta, value, work, &error);
    free(work);
    return direct_finish(&run, theta, method->cycles, &error, result);
}
descent_status descent_powell_minimize(descent_objective *f,
                                       descent_powell *method,
                                       descent_direct_options *options,
                                       double *theta, descent_result *result)
{
    const char *name = "descent_powell_minimize";
    descent_powell defaults = descent_powell_defaults();
    descent_error error;
    direct_run run = {0};
    double value, *work = NULL;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (method == NULL)
        method = &defaults;
    method->cycles = method->line_searches = method->replaced = 0;
    if (method->rule != DESCENT_POWELL_BASIC &&
        method->rule != DESCENT_POWELL_SAFEGUARDED)
        descent_fail(&error, DESCENT_INVALID_ARGUMENT,
                     "%s: rule = %d is not a descent_powell_rule", name,
                     (int)method->rule);
    else if (!direct_check_line(name, method->initial_step,
                                method->line_tolerance, &error) &&
             !direct_begin(&run, name, f, options, theta, &value, &error) &&
             !descent_check_size(run.n, 3, 1, name, &error) &&
             !direct_allocate(&run, name, run.n * run.n + 3 * run.n, &work,
                              &error)) {
        size_t n = run.n;
        double *U = work + 3 * n;
        memset(U, 0, n * n * sizeof *U);
        for (size_t i = 0; i < n; i++)
            U[i * n + i] = 1;
        powell_run(&run, method, U, theta, value, work, &error);
        if (method->directions != NULL)
            memcpy(method->directions, U, n * n * sizeof *U);
    }
    free(work);
    return direct_finish(&run, theta, method->cycles, &error, result);
}
descent_status descent_nelder_mead_minimize(
    descent_objective *f, descent_nelder_mead *method,
    descent_direct_options *options, double *theta,
    descent_result *result)
{
    const char *name = "descent_nelder_mead_minimize";
    descent_nelder_mead defaults = descent_nelder_mead_defaults();
    descent_error error;
    direct_run run = {0};
    double value, *work = NULL;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (method == NULL)
        method = &defaults;
    method->iterations = method->reflections = method->expansions = 0;
    method->contractions = method->shrinks = 0;
    method->size = NAN;
    if (!nm_check(method, &error) &&
        !direct_begin(&run, name, f, options, theta, &value, &error) &&
        !nm_check_budget(&run, &error) &&
        !(method->simplex != NULL &&
          nm_check_simplex(run.n, method->simplex, &error)) &&
        !descent_check_size(run.n + 1, 5, 1, name, &error) &&
        !direct_allocate(&run, name, (run.n + 1) * run.n + 5 * run.n + 1,
                         &work, &error)) {
        size_t n = run.n;
        nm_simplex s = {.n = n, .v = work, .f = work + (n + 1) * n};
        s.sum = s.f + n + 1, s.c = s.sum + n, s.x = s.c + n, s.y = s.x + n;
        nm_coefficients k = {method->reflection, method->expansion,
                             method->contraction, method->shrink};
        if (method->adaptive && n >= 3)
            k = (nm_coefficients){1, 1 + 2.0 / (double)n,
                                  0.75 - 0.5 / (double)n, 1 - 1.0 / (double)n};
        for (size_t i = 0; i <= n; i++) {
            double *v = s.v + i * n;
            if (method->simplex != NULL)
                memcpy(v, method->simplex + i * n, n * sizeof *v);
            else {
                memcpy(v, theta, n * sizeof *v);
                if (i > 0)
                    v[i - 1] += method->initial_step;
            }
            bool start = memcmp(v, theta, n * sizeof *v) == 0;
            s.f[i] = start ? value : run.stop ? INFINITY : direct_value(&run, v);
        }
        nm_sum(&s);
        nm_run(&run, method, &k, &s, &error);
    }
    free(work);
    return direct_finish(&run, theta, method->iterations, &error, result);
}
static void anneal_stopped(const direct_run *run, const descent_anneal *a,
                           double T, descent_error *error)
{
    if (run->stop)
        direct_stopped(run, "descent_anneal_minimize", error);
    else
        descent_fail(error, DESCENT_OK, "descent_anneal_minimize: T = %g "
                     "< final_temperature = %g after %zu temperatures", T,
                     a->final_temperature, a->temperatures);
}
typedef struct genetic_storage {
    double *now, *next;      /* P x n, row k is member k */
    double *E, *E_next;      /* P values */
    size_t *order;           /* P: members, best first */
    double *work;            /* n */
} genetic_storage;

static void genetic_free(genetic_storage *s)
{
    free(s->now);
    free(s->next);
    free(s->E);
    free(s->E_next);
    free(s->order);
    free(s->work);
    *s = (genetic_storage){.now = NULL};
}

static descent_status genetic_allocate(genetic_storage *s, size_t n,
                                       size_t P, descent_error *error)
{
    size_t members;
    *s = (genetic_storage){.now = NULL};
    if (!descent_product_fits(P, n, &members) ||
        !descent_product_fits(members, sizeof(double), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "descent_genetic_minimize: population = %zu "
                            "members of n = %zu need more memory than "
                            "size_t can count", P, n);
    s->now = malloc(members * sizeof *s->now);
    s->next = malloc(members * sizeof *s->next);
    s->E = malloc(P * sizeof *s->E);
    s->E_next = malloc(P * sizeof *s->E_next);
    s->order = malloc(P * sizeof *s->order);
    s->work = malloc(n * sizeof *s->work);
    if (s->now == NULL || s->next == NULL || s->E == NULL ||
        s->E_next == NULL || s->order == NULL || s->work == NULL) {
        genetic_free(s);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "descent_genetic_minimize: cannot allocate "
                            "population = %zu members of n = %zu", P, n);
    }
    return descent_succeed(error);
}

static void genetic_swap(genetic_storage *s)
{
    double *members = s->now, *values = s->E;
    s->now = s->next;
    s->next = members;
    s->E = s->E_next;
    s->E_next = values;
}
static void genetic_rank(const double *E, size_t P, size_t *order)
{
    for (size_t k = 0; k < P; k++) {
        size_t j = k;
        for (; j > 0 && E[order[j - 1]] > E[k]; j--)
            order[j] = order[j - 1];
        order[j] = k;
    }
}
static bool genetic_collapsed(genetic_storage *s, size_t n, size_t P,
                              const direct_run *run, size_t generations,
                              descent_error *error)
{
    const double *best = s->now + s->order[0] * n;
    double spread = 0, tolerance = run->options->step_tolerance *
                                   (1 + cblas_dnrm2((int)n, best, 1));
    for (size_t k = 1; k < P; k++) {
        memcpy(s->work, s->now + s->order[k] * n, n * sizeof *s->work);
        cblas_daxpy((int)n, -1, best, 1, s->work, 1);
        spread = fmax(spread, cblas_dnrm2((int)n, s->work, 1));
    }
    if (spread > tolerance)
        return false;
    descent_fail(error, DESCENT_OK, "descent_genetic_minimize: the "
                 "population collapsed (spread %g <= %g) after %zu "
                 "generations", spread, tolerance, generations);
    return true;
}
static void anneal(direct_run *run, descent_anneal *a, double value,
                   descent_error *error)
{
    size_t n = run->n;
    double *memory = calloc(2 * n, sizeof *memory), *x = memory, *y;
    double T = a->initial_temperature, E = value;
    descent_random r;
    if (memory == NULL) {
        descent_fail(error, DESCENT_OUT_OF_MEMORY, "descent_anneal_minimize: "
                     "cannot allocate two vectors of n = %zu", n);
        return;
    }
    y = memory + n;
    descent_random_seed(&r, a->seed);
    memcpy(x, run->best_theta, n * sizeof *x);
    if (direct_record(run, x, E, T, error) == DESCENT_OK) {
        while (!run->stop && T >= a->final_temperature) {
            for (size_t s = 0; s < a->steps && !run->stop; s++) {
                for (size_t i = 0; i < n; i++)
                    y[i] = x[i] + a->step * descent_random_gaussian(&r);
                double Ey = direct_value(run, y);
                a->proposed++;
                if (Ey <= E || descent_random_uniform(&r) < exp(-(Ey - E) / T)) {
                    double *swap = x;
                    x = y;
                    y = swap;
                    E = Ey;
                    a->accepted++;
                }
            }
            a->temperatures++;
            a->temperature = T;
            if (direct_record(run, run->best_theta, run->best, T, error))
                break;
            T *= a->cooling;
        }
        if (error->status == DESCENT_OK)
            anneal_stopped(run, a, T, error);
    }
    free(memory);
}
static size_t genetic_tournament(descent_random *r, const double *E,
                                 size_t P, size_t size)
{
    size_t winner = (size_t)descent_random_below(r, P);
    for (size_t j = 1; j < size; j++) {
        size_t rival = (size_t)descent_random_below(r, P);
        if (E[rival] < E[winner])
            winner = rival;
    }
    return winner;
}
static void genetic_breed(direct_run *run, const descent_genetic *g,
                          double rate, descent_random *r,
                          const double *now, const double *E,
                          const size_t *order, double *next,
                          double *E_next)
{
    size_t n = run->n, P = g->population;
    for (size_t k = 0; k < g->elite; k++) {
        memcpy(next + k * n, now + order[k] * n, n * sizeof *next);
        E_next[k] = E[order[k]];
    }
    for (size_t k = g->elite; k < P && !run->stop; k++) {
        double *child = next + k * n;
        const double *a = now + genetic_tournament(r, E, P, g->tournament) * n;
        if (descent_random_uniform(r) < g->crossover) {
            const double *b = now + genetic_tournament(r, E, P, g->tournament) * n;
            for (size_t i = 0; i < n; i++)
                child[i] = descent_random_uniform(r) < 0.5 ? a[i] : b[i];
        } else {
            memcpy(child, a, n * sizeof *child);
        }
        for (size_t i = 0; i < n; i++)
            if (descent_random_uniform(r) < rate)
                child[i] += g->mutation_scale * descent_random_gaussian(r);
        E_next[k] = direct_value(run, child);
    }
}
static void genetic(direct_run *run, descent_genetic *g, double value,
                    descent_error *error)
{
    size_t n = run->n, P = g->population;
    double rate = isnan(g->mutation) ? 1.0 / (double)n : g->mutation;
    genetic_storage s;
    descent_random r;
    if (genetic_allocate(&s, n, P, error))
        return;
    descent_random_seed(&r, g->seed);
    memcpy(s.now, run->best_theta, n * sizeof *s.now);
    s.E[0] = value;
    for (size_t k = 1; k < P; k++) {
        for (size_t i = 0; i < n; i++)
            s.now[k * n + i] = s.now[i] +
                               g->initial_scale * descent_random_gaussian(&r);
        s.E[k] = run->stop ? INFINITY : direct_value(run, s.now + k * n);
    }
    for (;;) {
        genetic_rank(s.E, P, s.order);
        if (direct_record(run, run->best_theta, run->best, NAN, error) ||
            run->stop ||
            genetic_collapsed(&s, n, P, run, g->generations, error))
            break;
        genetic_breed(run, g, rate, &r, s.now, s.E, s.order, s.next,
                      s.E_next);
        genetic_swap(&s);
        g->generations++;
    }
    if (error->status == DESCENT_OK && run->stop)
        direct_stopped(run, "descent_genetic_minimize", error);
    genetic_free(&s);
}
descent_anneal descent_anneal_defaults(void)
{
    return (descent_anneal){
        .initial_temperature = 1, .cooling = 0.9,
        .final_temperature = 1e-3, .steps = 100, .step = 1, .seed = 1,
        .temperature = NAN};
}

descent_genetic descent_genetic_defaults(void)
{
    return (descent_genetic){
        .population = 50, .tournament = 3, .crossover = 0.9,
        .mutation = NAN, .mutation_scale = 0.5, .initial_scale = 1,
        .elite = 1, .seed = 1};
}
static descent_status anneal_check(const descent_anneal *a,
                                   descent_error *error)
{
    const char *m = "descent_anneal_minimize";
    if (!(a->initial_temperature > 0) || !isfinite(a->initial_temperature))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "initial_temperature = %g must be finite and "
                            "> 0", m, a->initial_temperature);
    if (!(a->cooling > 0 && a->cooling < 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: cooling "
                            "= %g must lie in (0, 1)", m, a->cooling);
    if (!(a->final_temperature > 0 &&
          a->final_temperature < a->initial_temperature))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "final_temperature = %g must lie in (0, "
                            "initial_temperature = %g)", m,
                            a->final_temperature, a->initial_temperature);
    if (a->steps < 1)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: steps = 0 must be >= 1", m);
    if (!(a->step > 0) || !isfinite(a->step))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: step = "
                            "%g must be finite and > 0", m, a->step);
    return descent_succeed(error);
}
static descent_status genetic_check(const descent_genetic *g,
                                    descent_error *error)
{
    const char *m = "descent_genetic_minimize";
    if (g->population < 2)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "population = %zu must be >= 2", m,
                            g->population);
    if (g->tournament < 1 || g->tournament > g->population)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "tournament = %zu must lie in 1..population "
                            "= %zu", m, g->tournament, g->population);
    if (g->elite >= g->population)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: elite = "
                            "%zu must be < population = %zu", m, g->elite,
                            g->population);
    if (!(g->crossover >= 0 && g->crossover <= 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "crossover = %g must lie in [0, 1]", m,
                            g->crossover);
    if (!isnan(g->mutation) && !(g->mutation >= 0 && g->mutation <= 1))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "mutation = %g must lie in [0, 1] (nan: 1/n)",
                            m, g->mutation);
    if (!(g->mutation_scale > 0) || !isfinite(g->mutation_scale))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "mutation_scale = %g must be finite and > 0",
                            m, g->mutation_scale);
    if (!(g->initial_scale > 0) || !isfinite(g->initial_scale))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: "
                            "initial_scale = %g must be finite and > 0",
                            m, g->initial_scale);
    return descent_succeed(error);
}
descent_status descent_anneal_minimize(descent_objective *f,
                                       descent_anneal *method,
                                       descent_direct_options *options,
                                       double *theta,
                                       descent_result *result)
{
    descent_anneal defaults = descent_anneal_defaults();
    descent_error error;
    direct_run run = {.f = NULL};
    double value;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (method == NULL)
        method = &defaults;
    method->proposed = method->accepted = method->temperatures = 0;
    method->temperature = NAN;
    if (anneal_check(method, &error) == DESCENT_OK &&
        direct_begin(&run, "descent_anneal_minimize", f, options, theta,
                     &value, &error) == DESCENT_OK)
        anneal(&run, method, value, &error);
    return direct_finish(&run, theta, method->temperatures, &error, result);
}

descent_status descent_genetic_minimize(descent_objective *f,
                                        descent_genetic *method,
                                        descent_direct_options *options,
                                        double *theta,
                                        descent_result *result)
{
    descent_genetic defaults = descent_genetic_defaults();
    descent_error error;
    direct_run run = {.f = NULL};
    double value;
    if (result == NULL)
        return DESCENT_INVALID_ARGUMENT;
    if (method == NULL)
        method = &defaults;
    method->generations = 0;
    if (genetic_check(method, &error) == DESCENT_OK &&
        direct_begin(&run, "descent_genetic_minimize", f, options, theta,
                     &value, &error) == DESCENT_OK)
        genetic(&run, method, value, &error);
    return direct_finish(&run, theta, method->generations, &error, result);
}
