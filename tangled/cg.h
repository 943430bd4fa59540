/* cg.h: generated from chapters/03-cg.nw; do not edit. */
#ifndef DESCENT_CG_H
#define DESCENT_CG_H

#include "core.h"

typedef struct descent_cg_options {
    double tolerance;           /* on ||r|| / ||b|| */
    size_t max_iterations;      /* 0: 10 n */
    bool jacobi;                /* precondition with diag(A) */
    double *residual_norms;     /* optional: ||r_k|| / ||b|| */
    double *residuals;          /* optional: r_k, n per iteration */
    double *directions;         /* optional: d_k, n per iteration */
    double *iterates;           /* optional: x_k, n per iteration */
} descent_cg_options;

typedef struct descent_cg_result {
    descent_status status;
    char message[DESCENT_MESSAGE_SIZE];
    size_t iterations;
    double relative_residual;   /* of the updated residual */
} descent_cg_result;

descent_cg_options descent_cg_default_options(void);
descent_status descent_linear_cg(size_t n, const double *A,
                                 const double *b, double *x,
                                 const descent_cg_options *options,
                                 descent_cg_result *result);
typedef enum descent_cg_formula {
    DESCENT_FLETCHER_REEVES,
    DESCENT_POLAK_RIBIERE,
    DESCENT_POLAK_RIBIERE_PLUS,
    DESCENT_HESTENES_STIEFEL
} descent_cg_formula;

typedef struct descent_nonlinear_cg {
    descent_cg_formula formula;
    size_t n, restart_every;
    double min_cosine;           /* c of the angle test; default 1e-6 */
    double *g_previous, *d_previous;
    double gg_previous;          /* ||g_{k-1}||^2 */
    double slope_previous;       /* g_{k-1}^T d_{k-1} */
    double d_norm_previous;      /* ||d_{k-1}|| */
    size_t since_restart;
    size_t safeguard_restarts;   /* d not sufficiently downhill: -g */
    size_t uphill;               /* ... of which g^T d >= 0 */
    size_t negative_beta;        /* PR+ only: beta < 0 clipped to 0 */
} descent_nonlinear_cg;

descent_status descent_nonlinear_cg_init(descent_nonlinear_cg *cg,
                                         size_t n,
                                         descent_cg_formula formula,
                                         size_t restart_every,
                                         descent_error *error);
void descent_nonlinear_cg_free(descent_nonlinear_cg *cg);
descent_direction_rule descent_nonlinear_cg_direction(
    descent_nonlinear_cg *cg);

#endif
