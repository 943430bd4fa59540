/* network.h: generated from chapters/06-backprop.nw; do not edit. */
#ifndef DESCENT_NETWORK_H
#define DESCENT_NETWORK_H

#include "core.h"

typedef enum descent_activation {
    DESCENT_LOGISTIC,
    DESCENT_RELU,
    DESCENT_IDENTITY
} descent_activation;

typedef enum descent_divergence {
    DESCENT_L2,
    DESCENT_CROSS_ENTROPY
} descent_divergence;

enum { DESCENT_MAX_LAYERS = 8 };

typedef struct descent_network {
    size_t layers;                          /* L, weight layers */
    size_t sizes[DESCENT_MAX_LAYERS + 1];   /* n_0 ... n_L */
    descent_activation hidden, output;
    size_t parameters;                      /* length of theta */
} descent_network;

descent_status descent_network_init(descent_network *net, size_t layers,
                                    const size_t *sizes,
                                    descent_activation hidden,
                                    descent_activation output,
                                    descent_error *error);
typedef struct descent_dataset {
    size_t count, inputs, outputs;
    const double *x;       /* count x inputs */
    const double *t;       /* count x outputs */
} descent_dataset;

typedef struct descent_network_problem {
    const descent_network *net;
    const descent_dataset *data;
    descent_divergence divergence;
    double *work;          /* z and a of every layer, every example */
} descent_network_problem;

descent_status descent_network_problem_init(descent_network_problem *p,
                                            const descent_network *net,
                                            const descent_dataset *data,
                                            descent_divergence divergence,
                                            descent_error *error);
void descent_network_problem_free(descent_network_problem *p);
descent_objective descent_network_objective(descent_network_problem *p);
descent_status descent_network_outputs(descent_network_problem *p,
                                       const double *theta,
                                       double *outputs,
                                       descent_error *error);
descent_status descent_perceptron(const descent_dataset *data, double *w,
                                  size_t max_updates, size_t *updates,
                                  descent_error *error);
descent_status descent_gradient_check(descent_objective *f,
                                      const double *theta,
                                      double *worst, size_t *where,
                                      double *relative,
                                      descent_error *error);

#endif
