/* distributed.h: generated from chapters/11-distributed.nw; do not edit. */
#ifndef DESCENT_DISTRIBUTED_H
#define DESCENT_DISTRIBUTED_H

#include <stdbool.h>
#include <stddef.h>

#include "core.h"
#include "data.h"
#include "train.h"

typedef struct descent_comm descent_comm;      /* opaque: an MPI communicator */

bool descent_mpi_available(void);             /* false in a build without MPI */
descent_status descent_comm_world(descent_comm **comm, descent_error *error);
descent_status descent_comm_split(const descent_comm *parent, int color,
                                  descent_comm **child, descent_error *error);
int descent_comm_rank(const descent_comm *comm);
int descent_comm_size(const descent_comm *comm);
descent_status descent_comm_set_link(descent_comm *comm, double alpha,
                                     double beta, descent_error *error);
void descent_comm_free(descent_comm *comm);
void descent_mpi_finalize(void);              /* MPI_Finalize if we started MPI */
typedef enum descent_reduce_kind {
    DESCENT_REDUCE_MPI,       /* MPI_Allreduce after the backward pass: MPI's order */
    DESCENT_REDUCE_ORDERED,   /* fixed pairwise tree over chunks, then ranks:
                                 bit-identical for every power-of-two k */
    DESCENT_REDUCE_BUCKETED   /* MPI_Iallreduce per layer, started as the backward
                                 pass finishes that layer's gradient */
} descent_reduce_kind;

typedef enum descent_bn_mode {
    DESCENT_BN_LOCAL,         /* each rank normalizes over its own shard */
    DESCENT_BN_SYNC           /* statistics summed over all ranks */
} descent_bn_mode;

descent_status descent_allreduce_sum(descent_comm *comm, float *v, size_t n,
                                     descent_reduce_kind kind,
                                     descent_error *error);
typedef struct descent_parallel_options {
    descent_reduce_kind reduce;
    size_t chunk;             /* ORDERED: samples per chunk; 0 means 32 */
    descent_bn_mode bn;
} descent_parallel_options;

descent_status descent_train_parallel(descent_comm *comm, descent_model *model,
                                      const descent_samples *train,
                                      const descent_train_options *options,
                                      const descent_parallel_options *parallel,
                                      descent_epoch_record *records,
                                      descent_error *error);
descent_status descent_checkpoint_write(const descent_comm *comm,
                                        const descent_model *model,
                                        const descent_optimizer *opt,
                                        const char *path, descent_error *error);
descent_status descent_checkpoint_read(const descent_comm *comm,
                                       descent_model *model,
                                       descent_optimizer *opt,
                                       const char *path, descent_error *error);

#endif
