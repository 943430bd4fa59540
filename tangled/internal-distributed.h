/* internal-distributed.h: generated from chapters/11-distributed.nw; do not edit. */
#ifndef DESCENT_INTERNAL_DISTRIBUTED_H
#define DESCENT_INTERNAL_DISTRIBUTED_H

#include <mpi.h>
#include <stdbool.h>
#include <stddef.h>

#include "distributed.h"

struct descent_comm {
    MPI_Comm comm; int rank, size;
    double alpha, beta;     /* emulated link; 0, 0: none */
    double link_free;       /* MPI_Wtime at which the emulated link is next free */
};

typedef struct descent_parallel_hooks descent_parallel_hooks;
descent_status descent_parallel_hooks_init(descent_parallel_hooks **hooks,
        descent_comm *comm, descent_model *model, bool bucketed, bool bn_sync,
        descent_error *error);              /* installs model->hooks */
descent_status descent_parallel_hooks_finish(descent_parallel_hooks *hooks,
        descent_error *error);  /* after the backward pass: waits for the buckets
                                   (honouring the emulated link), scales by 1/k */
void descent_parallel_hooks_free(descent_parallel_hooks *hooks);   /* removes model->hooks */
void descent_link_wait(descent_comm *comm, double start, size_t bytes);

#endif
