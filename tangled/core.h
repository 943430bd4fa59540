/* core.h: generated from chapters/01-descent.nw; do not edit. */
#ifndef DESCENT_CORE_H
#define DESCENT_CORE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum descent_status {
    DESCENT_OK = 0,            /* success; for the driver: converged */
    DESCENT_MAX_ITERATIONS,    /* the iteration cap was reached */
    DESCENT_STALLED,           /* the value stopped changing */
    DESCENT_DIVERGED,          /* the value grew past the threshold */
    DESCENT_NONFINITE,         /* a NaN or an infinity appeared */
    DESCENT_INVALID_ARGUMENT,  /* a parameter is out of its range */
    DESCENT_NO_HESSIAN,        /* a Hessian was needed, none given */
    DESCENT_DIRECTION_FAILED,  /* the direction rule could not act */
    DESCENT_STEP_FAILED,       /* the step rule found no step */
    DESCENT_LAPACK_FAILED,     /* a factorization did not succeed */
    DESCENT_OUT_OF_MEMORY,
    DESCENT_DATA_ERROR,        /* a data file is missing, truncated or corrupt */
    DESCENT_UNAVAILABLE        /* no GPU, or a library built without CUDA */
} descent_status;

enum { DESCENT_MESSAGE_SIZE = 256 };

typedef struct descent_error {
    descent_status status;
    char message[DESCENT_MESSAGE_SIZE];
} descent_error;

const char *descent_status_name(descent_status status);
const char *descent_status_description(descent_status status);
typedef double descent_evaluate_fn(const double *theta, double *g,
                                   void *context);
typedef void descent_hessian_fn(const double *theta, double *H,
                                void *context);

typedef struct descent_counts {
    unsigned long values;     /* calls of evaluate */
    unsigned long gradients;  /* ... of which asked for g */
    unsigned long hessians;
} descent_counts;

typedef struct descent_objective descent_objective;
typedef descent_status descent_objective_check_fn(
    const descent_objective *f, descent_error *error);

struct descent_objective {
    size_t n;
    descent_evaluate_fn *evaluate;   /* required */
    descent_hessian_fn *hessian;     /* optional: NULL if none */
    void *context;
    const char *name;                /* for messages; may be NULL */
    descent_counts counts;
    descent_objective_check_fn *check;  /* optional: is context fit? */
};

descent_status descent_objective_check(const descent_objective *f,
                                       descent_error *error);
double descent_value(descent_objective *f, const double *theta);
double descent_value_gradient(descent_objective *f,
                              const double *theta, double *g);
descent_status descent_hessian(descent_objective *f,
                               const double *theta, double *H,
                               descent_error *error);
typedef struct descent_trace {
    size_t n;              /* dimension of the iterates */
    size_t length;         /* entries recorded: iterates 0..length-1 */
    size_t capacity;
    bool keep_iterates;
    double *value;         /* E(theta_k) */
    double *gradient_norm; /* ||g_k|| */
    double *eta;           /* step taken from theta_k, or NAN */
    double *evaluations;   /* evaluations of E so far, at theta_k */
    double *theta;         /* length * n, if keep_iterates */
} descent_trace;

descent_status descent_trace_init(descent_trace *trace, size_t n,
                                  bool keep_iterates,
                                  descent_error *error);
void descent_trace_free(descent_trace *trace);
const double *descent_trace_iterate(const descent_trace *trace,
                                    size_t k);
typedef struct descent_point {
    size_t iteration;      /* k */
    size_t n;
    const double *theta;   /* theta_k */
    double value;          /* E(theta_k) */
    const double *g;       /* gradient at theta_k */
    double gradient_norm;  /* ||g_k|| */
} descent_point;
typedef descent_status descent_direction_fn(
    void *state, descent_objective *f, const descent_point *at,
    double *d, descent_error *error);

typedef struct descent_direction_rule {
    const char *name;
    descent_direction_fn *direction;
    void *state;
} descent_direction_rule;
typedef struct descent_trial {
    double eta;        /* set by the rule */
    bool evaluated;    /* did the rule fill the three below? */
    double *theta;     /* room for theta_k + eta d_k (n) */
    double value;
    double *g;         /* room for the gradient there (n) */
} descent_trial;

typedef descent_status descent_step_fn(
    void *state, descent_objective *f, const descent_point *at,
    const double *d, descent_trial *trial, descent_error *error);

typedef struct descent_step_rule {
    const char *name;
    descent_step_fn *step;
    void *state;
} descent_step_rule;
typedef struct descent_options {
    size_t max_iterations;
    double gradient_tolerance;
    double value_tolerance;
    size_t stall_iterations;
    double divergence_threshold;
    descent_trace *trace;          /* NULL: keep no trace */
} descent_options;

descent_options descent_default_options(void);
typedef struct descent_result {
    descent_status status;
    char message[DESCENT_MESSAGE_SIZE];
    size_t iterations;       /* steps taken */
    double value;            /* E at the final iterate */
    double gradient_norm;    /* ||g|| there */
    descent_counts counts;   /* evaluations during this run */
} descent_result;

descent_status descent_minimize(descent_objective *f,
                                const descent_direction_rule *direction,
                                const descent_step_rule *step,
                                const descent_options *options,
                                double *theta,
                                descent_result *result);
descent_direction_rule descent_steepest_descent(void);
descent_direction_rule descent_normalized_steepest_descent(void);

typedef struct descent_preconditioner {
    size_t n;
    const double *M;   /* n x n, symmetric positive definite */
} descent_preconditioner;

descent_direction_rule descent_preconditioned_descent(
    descent_preconditioner *preconditioner, size_t n, const double *M);

typedef struct descent_step_schedule {
    double eta0;
    double gamma;
} descent_step_schedule;

descent_step_rule descent_fixed_step(descent_step_schedule *schedule,
                                     double eta);
descent_step_rule descent_geometric_step(
    descent_step_schedule *schedule, double eta0, double gamma);
typedef struct descent_quadratic {
    size_t n;
    double *A;        /* n x n, symmetric, row-major */
    double *b;        /* n */
    double c;
    double *lambda;   /* eigenvalues of A, n */
    double *Q;        /* eigenvectors: column i goes with lambda[i] */
    double *work;     /* n, scratch */
} descent_quadratic;

descent_status descent_quadratic_init(descent_quadratic *q, size_t n,
                                      const double *A, const double *b,
                                      double c, descent_error *error);
descent_status descent_quadratic_1d(descent_quadratic *q, double a,
                                    double b, double c,
                                    descent_error *error);
descent_status descent_quadratic_spectrum(descent_quadratic *q,
                                          size_t n,
                                          const double *lambda,
                                          const double *b, double c,
                                          unsigned seed,
                                          descent_error *error);
void descent_quadratic_free(descent_quadratic *q);
descent_objective descent_quadratic_objective(descent_quadratic *q);
descent_status descent_quadratic_critical_point(
    const descent_quadratic *q, double *theta_star,
    descent_error *error);
typedef struct descent_rosenbrock {
    size_t n;
    double a, b;
} descent_rosenbrock;

descent_status descent_rosenbrock_init(descent_rosenbrock *r, size_t n,
                                       double a, double b,
                                       descent_error *error);
descent_objective descent_rosenbrock_objective(descent_rosenbrock *r);
descent_objective descent_cubic_objective(void);
descent_objective descent_monkey_saddle_objective(void);
descent_objective descent_two_wells_objective(void);
double descent_gd_rate(size_t n, const double *lambda, double eta);
double descent_gd_best_step(double lambda_min, double lambda_max);

descent_status descent_taylor_step(descent_objective *f,
                                   const double *theta,
                                   const double *d, double *eta_star,
                                   double *decrease,
                                   descent_error *error);
descent_status descent_symmetric_eigenvalues(size_t n, const double *H,
                                             double *lambda,
                                             descent_error *error);

typedef enum descent_point_kind {
    DESCENT_NOT_CRITICAL,
    DESCENT_MINIMUM,
    DESCENT_MAXIMUM,
    DESCENT_SADDLE,
    DESCENT_DEGENERATE
} descent_point_kind;

const char *descent_point_kind_name(descent_point_kind kind);
descent_status descent_classify_point(descent_objective *f,
                                      const double *theta,
                                      double gradient_tolerance,
                                      double eigenvalue_tolerance,
                                      descent_point_kind *kind,
                                      double *eigenvalues,
                                      descent_error *error);

#endif
