/* init.h: generated from chapters/09-batchnorm.nw; do not edit. */
#ifndef DESCENT_INIT_H
#define DESCENT_INIT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "core.h"
#include "random.h"
#include "train.h"

typedef enum descent_init_kind {
    DESCENT_INIT_HE_NORMAL,       /* N(0, gain^2 / fan_in): the default */
    DESCENT_INIT_HE_UNIFORM,      /* U(-a, a), a = gain sqrt(3 / fan_in) */
    DESCENT_INIT_GLOROT_NORMAL,   /* N(0, gain^2 2 / (fan_in + fan_out)) */
    DESCENT_INIT_GLOROT_UNIFORM,  /* U(-a, a),
                                     a = gain sqrt(6 / (fan_in + fan_out)) */
    DESCENT_INIT_PYTORCH,         /* torch.nn.Linear's: weights and biases
                                     U(-a, a), a = 1 / sqrt(fan_in) */
    DESCENT_INIT_NORMAL,          /* N(0, scale^2) */
    DESCENT_INIT_UNIFORM,         /* U(-scale, scale) */
    DESCENT_INIT_CONSTANT,        /* every weight = scale */
    DESCENT_INIT_ZEROS            /* every weight = 0 */
} descent_init_kind;

typedef struct descent_init {
    descent_init_kind kind;
    double gain;     /* He and Glorot; NAN: the gain of the activation
                        that follows each layer, descent_init_gain's */
    double scale;    /* normal: sigma; uniform: half-width; constant */
} descent_init;

#define DESCENT_INIT_DEFAULT \
    ((descent_init){DESCENT_INIT_HE_NORMAL, NAN, 0})

descent_status descent_init_gain(descent_layer_kind activation,
                                 double *gain, descent_error *error);
descent_status descent_init_layer(const descent_init *init, size_t fan_in,
                                  size_t fan_out, descent_layer_kind next,
                                  descent_random *r, double *w, double *b,
                                  descent_error *error);
descent_status descent_init_layer_f(const descent_init *init,
                                    size_t fan_in, size_t fan_out,
                                    descent_layer_kind next,
                                    descent_random *r, float *w, float *b,
                                    descent_error *error);
descent_status descent_model_initialize(descent_model *model,
                                        const descent_init *init,
                                        descent_random *r,
                                        descent_error *error);
descent_status descent_init_profile(const descent_init *init,
                                    descent_layer_kind activation,
                                    size_t depth, size_t width,
                                    size_t batch, descent_random *r,
                                    double *forward, double *backward,
                                    descent_error *error);
descent_status descent_init_predict(const descent_init *init,
                                    descent_layer_kind activation,
                                    size_t depth, size_t width,
                                    double *forward, double *backward,
                                    descent_error *error);
typedef descent_status descent_start_fn(void *context, uint64_t seed,
                                        double *value,
                                        descent_error *error);

typedef struct descent_multistart_result {
    size_t starts;            /* k */
    size_t best;              /* the first start of the lowest value */
    uint64_t best_seed;       /* its seed: seed + best */
    double best_value, worst_value, median, mean;  /* over finite values */
    size_t failed;            /* starts whose value was not finite */
} descent_multistart_result;

descent_status descent_multistart(descent_start_fn *start, void *context,
                                  uint64_t seed, size_t k, double *values,
                                  descent_multistart_result *result,
                                  descent_error *error);

#endif
