/* newton.h: generated from chapters/05-newton.nw; do not edit. */
#ifndef DESCENT_NEWTON_H
#define DESCENT_NEWTON_H

#include "core.h"

typedef void descent_residual_fn(const double *theta, double *r, double *J,
                                 void *context);

typedef struct descent_least_squares {
    size_t m, n;                   /* residuals, parameters */
    descent_residual_fn *residuals;
    void *context;
    const char *name;              /* for messages; may be NULL */
} descent_least_squares;

typedef enum descent_lm_reason {
    DESCENT_LM_GRADIENT,           /* ||J^T r||_inf <= gradient_tolerance */
    DESCENT_LM_SMALL_REDUCTION,    /* E fell by less than reduction_tolerance */
    DESCENT_LM_SMALL_STEP,         /* ||p|| <= step_tolerance (||theta|| + it) */
    DESCENT_LM_DAMPING_LIMIT,      /* mu grew past max_mu */
    DESCENT_LM_MAX_ITERATIONS,
    DESCENT_LM_FAILED              /* bad input or a value not finite */
} descent_lm_reason;
typedef struct descent_lm {
    size_t m, n;
    double mu0;                    /* first mu / max diag(J^T J); 1e-3 */
    double max_mu;                 /* default 1e20 */
    double gradient_tolerance;     /* default 1e-12 */
    double reduction_tolerance;    /* default 1e-15 */
    double step_tolerance;         /* default 1e-14 */
    size_t max_iterations;         /* default 200 */
    bool scale;                    /* D^2 = diag(J^T J) (default) or I */
    descent_trace *trace;          /* NULL: keep no trace */
    double *r, *J, *g, *A, *rhs, *D, *p, *x, *rx, *work;
    size_t lwork;
    descent_lm_reason reason;      /* written by each run */
    size_t iterations, residual_evaluations, jacobians;
    double mu, value;              /* written: last mu, E at the end */
} descent_lm;
descent_status descent_lm_init(descent_lm *lm, size_t m, size_t n,
                               descent_error *error);
void descent_lm_free(descent_lm *lm);
const char *descent_lm_reason_name(descent_lm_reason reason);
descent_status descent_lm_step(descent_lm *lm,
                               descent_least_squares *problem,
                               const double *theta, double mu, double *step,
                               descent_error *error);
descent_status descent_levenberg_marquardt(descent_lm *lm,
                                           descent_least_squares *problem,
                                           double *theta,
                                           descent_error *error);
typedef enum descent_newton_kind {
    DESCENT_NEWTON_PLAIN,       /* Cholesky of H: H must be > 0 */
    DESCENT_NEWTON_DAMPED,      /* Cholesky of H + mu I, mu doubled */
    DESCENT_NEWTON_EIGENVALUE   /* eigenvalues replaced by max(|l|, delta) */
} descent_newton_kind;

typedef struct descent_newton {
    descent_newton_kind kind;
    size_t n;
    double mu0;              /* damped: first shift / ||H||_F */
    double delta;            /* eigenvalue: floor / max |lambda| */
    double *H;               /* the Hessian; then its eigenvectors */
    double *factor;          /* Cholesky factor of H + mu I */
    double *lambda, *w;      /* eigenvalues; scratch of n */
    double *work;            /* the eigensolver's workspace */
    size_t lwork;
    double mu;               /* written: the last direction's shift */
    size_t factorizations;   /* written: Cholesky factorizations tried */
    size_t modified;         /* written: directions from a changed H */
} descent_newton;

descent_status descent_newton_init(descent_newton *newton, size_t n,
                                   descent_newton_kind kind,
                                   descent_error *error);
void descent_newton_free(descent_newton *newton);
descent_direction_rule descent_newton_direction(descent_newton *newton);
typedef struct descent_bfgs {
    size_t n;
    double *H;                 /* n x n, upper triangle */
    double *h;                 /* scratch: H y */
    double *theta_previous, *g_previous;
    size_t updates, skipped;
} descent_bfgs;

descent_status descent_bfgs_init(descent_bfgs *bfgs, size_t n,
                                 descent_error *error);
void descent_bfgs_free(descent_bfgs *bfgs);
descent_status descent_bfgs_update(descent_bfgs *bfgs, const double *s,
                                   const double *y, descent_error *error);
descent_direction_rule descent_bfgs_direction(descent_bfgs *bfgs);
typedef struct descent_lbfgs {
    size_t n, m;
    double *s, *y;             /* m x n each: the pairs, a ring */
    double *rho, *alpha;       /* m each */
    double *theta_previous, *g_previous;
    size_t stored, newest;     /* pairs held; where the newest is */
    size_t updates, skipped;
} descent_lbfgs;

descent_status descent_lbfgs_init(descent_lbfgs *lbfgs, size_t n,
                                  size_t m, descent_error *error);
void descent_lbfgs_free(descent_lbfgs *lbfgs);
descent_status descent_lbfgs_update(descent_lbfgs *lbfgs, const double *s,
                                    const double *y, descent_error *error);
descent_status descent_lbfgs_multiply(descent_lbfgs *lbfgs,
                                      const double *q, double *r,
                                      descent_error *error);
descent_direction_rule descent_lbfgs_direction(descent_lbfgs *lbfgs);
typedef void descent_hessian_vector_fn(const double *theta, const double *v,
                                       double *Hv, void *context);

typedef struct descent_newton_cg {
    size_t n, max_cg;              /* max_cg: per direction; 0 means n */
    descent_hessian_vector_fn *product;   /* NULL: finite differences */
    void *context;                 /* for product */
    double *r, *v, *Hv, *x, *gx;   /* CG's vectors; scratch */
    size_t iterations;             /* written: CG iterations in all */
    size_t products;               /* written: Hessian-vector products */
    size_t negative_curvature;     /* written: directions cut short */
    double relative_residual;      /* written: of the last direction */
} descent_newton_cg;

descent_status descent_newton_cg_init(descent_newton_cg *ncg, size_t n,
                                      descent_hessian_vector_fn *product,
                                      void *context, descent_error *error);
void descent_newton_cg_free(descent_newton_cg *ncg);
descent_direction_rule descent_newton_cg_direction(descent_newton_cg *ncg);
typedef struct descent_trust_region {
    size_t n;
    double radius;             /* Delta; adapted by the rule */
    double max_radius;         /* default 1e10 */
    double *H, *factor;        /* the Hessian; its Cholesky factor */
    double *newton, *cauchy, *Hg, *Hp, *x;
    size_t rejected;           /* written: steps refused by the ratio test */
    size_t boundary;           /* written: accepted steps on the boundary */
    size_t indefinite;         /* written: Hessians not positive definite */
} descent_trust_region;

descent_status descent_trust_region_init(descent_trust_region *tr,
                                         size_t n, double radius,
                                         descent_error *error);
void descent_trust_region_free(descent_trust_region *tr);
descent_direction_rule descent_trust_region_direction(
    descent_trust_region *tr);

#endif
