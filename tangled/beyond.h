/* beyond.h: generated from chapters/12-beyond.nw; do not edit. */
#ifndef DESCENT_BEYOND_H
#define DESCENT_BEYOND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core.h"

typedef struct descent_direct_options {
    size_t max_evaluations;      /* budget of calls of E; default 100000 */
    double target;               /* stop once E <= target; default -inf */
    double step_tolerance;       /* the method's scale; default 1e-8 */
    descent_trace *trace;        /* NULL: keep no trace */
    size_t target_evaluations;   /* written: evaluations when E <= target
                                    first held; 0 if it never did */
} descent_direct_options;

descent_direct_options descent_direct_default_options(void);



#endif
