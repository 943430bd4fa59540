/* internal-train.h: generated from chapters/07-stochastic.nw; do not
   edit. */
#ifndef DESCENT_INTERNAL_TRAIN_H
#define DESCENT_INTERNAL_TRAIN_H

#include <stdbool.h>
#include <stdio.h>

#include "train.h"

typedef struct descent_progress {
    FILE *out;              /* NULL: silent */
    bool terminal;          /* redraw in place */
    double shown;           /* when the line was last drawn */
    int width;              /* its length, to blank what a shorter one
                               would leave */
} descent_progress;

double descent_now(void);       /* seconds, monotonic */
void descent_progress_show(descent_progress *p,
                           const descent_epoch_record *r, size_t epochs,
                           size_t batch, size_t batches, double loss,
                           double seconds, size_t samples, bool done);
/* The update of one step after its gradient: norm (before clipping),
   clipping, the schedule's step size for step k, the rule's step. */
descent_status descent_train_update(descent_model *model,
                                    const descent_train_options *o,
                                    size_t k, double *norm, double *eta,
                                    descent_error *error);
descent_status descent_check_train_rule(const descent_model *model,
                                        const descent_train_options *o,
                                        const char *owner,
                                        descent_error *error);

#endif
