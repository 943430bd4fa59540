/* distributed-hooks.c: generated from chapters/11-distributed.nw; do not
   edit. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <mpi.h>
#include <stdlib.h>

#include "internal.h"
#include "internal-distributed.h"
#include "train.h"

struct descent_parallel_hooks {
    descent_model_hooks hooks;     /* what model->hooks points to */
    descent_comm *comm;
    descent_model *model;
    bool bucketed;
    size_t open;                   /* buckets started this step */
    MPI_Request request[DESCENT_MAX_MODEL_LAYERS];
    size_t bytes[DESCENT_MAX_MODEL_LAYERS];
    double start[DESCENT_MAX_MODEL_LAYERS];   /* MPI_Wtime at the start */
    int failed;                    /* an MPI error code; 0: none */
};
static void gradient_ready(void *context, size_t layer)
{
    descent_parallel_hooks *h = context;
    const descent_layer *l = &h->model->layer[layer];
    size_t b = h->open;
    if (b == DESCENT_MAX_MODEL_LAYERS) {   /* finish was not called */
        h->failed = MPI_ERR_REQUEST;
        return;
    }
    h->bytes[b] = l->parameters * sizeof(float);
    h->start[b] = MPI_Wtime();
    int code = MPI_Iallreduce(MPI_IN_PLACE, h->model->gradient + l->offset,
                              (int)l->parameters, MPI_FLOAT, MPI_SUM,
                              h->comm->comm, &h->request[b]);
    if (code != MPI_SUCCESS) {
        h->failed = code;
        return;
    }
    h->open = b + 1;
    int done;                      /* let the open buckets progress */
    code = MPI_Testall((int)h->open, h->request, &done,
                       MPI_STATUSES_IGNORE);
    if (code != MPI_SUCCESS)
        h->failed = code;
}
static void reduce_sum(void *context, float *v, size_t n)
{
    descent_parallel_hooks *h = context;
    double start = MPI_Wtime();
    int code = MPI_Allreduce(MPI_IN_PLACE, v, (int)n, MPI_FLOAT, MPI_SUM,
                             h->comm->comm);
    if (code != MPI_SUCCESS && h->failed == MPI_SUCCESS)
        h->failed = code;
    descent_link_wait(h->comm, start, n * sizeof *v);
}
descent_status descent_parallel_hooks_init(descent_parallel_hooks **hooks,
                                           descent_comm *comm,
                                           descent_model *model,
                                           bool bucketed, bool bn_sync,
                                           descent_error *error)
{
    const char *owner = "train_parallel";
    if (hooks == NULL || comm == NULL || model == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s is NULL", owner,
                            hooks == NULL ? "hooks"
                            : comm == NULL ? "comm" : "model");
    *hooks = NULL;
    if (model->hooks != NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: model already has hooks (one "
                            "descent_train_parallel at a time)", owner);
    for (size_t k = 0; k < model->count; k++)
        if (model->layer[k].parameters > INT_MAX)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "%s: layers[%zu] has %zu parameters, more than "
                                "one MPI message counts (%d)", owner, k,
                                model->layer[k].parameters, INT_MAX);
    descent_parallel_hooks *h = calloc(1, sizeof *h);
    if (h == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: no memory for the hooks", owner);
    *h = (descent_parallel_hooks){
        .hooks = {bucketed ? gradient_ready : NULL,
                  bn_sync ? reduce_sum : NULL,
                  bn_sync ? (size_t)comm->size : 1, h},
        .comm = comm, .model = model, .bucketed = bucketed};
    model->hooks = &h->hooks;
    *hooks = h;
    return descent_succeed(error);
}

void descent_parallel_hooks_free(descent_parallel_hooks *hooks)
{
    if (hooks == NULL)
        return;
    if (hooks->model->hooks == &hooks->hooks)
        hooks->model->hooks = NULL;
    free(hooks);
}
descent_status descent_parallel_hooks_finish(descent_parallel_hooks *hooks,
                                             descent_error *error)
{
    const char *owner = "train_parallel";
    if (hooks == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: hooks is NULL", owner);
    size_t open = hooks->open;
    hooks->open = 0;
    int code = hooks->failed;
    if (code == MPI_SUCCESS && open > 0)
        code = MPI_Waitall((int)open, hooks->request, MPI_STATUSES_IGNORE);
    hooks->failed = MPI_SUCCESS;
    if (code != MPI_SUCCESS)
        return descent_fail(error, DESCENT_UNAVAILABLE,
                            "%s: a hook's all-reduce failed (MPI error %d)",
                            owner, code);
    if (!hooks->bucketed)
        return descent_succeed(error);
    for (size_t b = 0; b < open; b++)
        descent_link_wait(hooks->comm, hooks->start[b], hooks->bytes[b]);
    float k = (float)hooks->comm->size;
    descent_model *model = hooks->model;
    for (size_t p = 0; p < model->parameters; p++)
        model->gradient[p] /= k;
    return descent_succeed(error);
}
