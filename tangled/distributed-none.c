/* distributed-none.c: generated from chapters/11-distributed.nw; do not edit. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "distributed.h"
#include "internal-train.h"
#include "internal.h"

static descent_status no_mpi(const char *owner, descent_error *error)
{
    return descent_fail(error, DESCENT_UNAVAILABLE,
                        "%s: this library was built without MPI", owner);
}

bool descent_mpi_available(void) { return false; }

descent_status descent_comm_world(descent_comm **comm, descent_error *error)
{
    if (comm == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "comm_world: comm is NULL");
    *comm = NULL;
    return no_mpi("comm_world", error);
}

descent_status descent_comm_split(const descent_comm *parent, int color,
                                  descent_comm **child, descent_error *error)
{
    (void)color;
    if (parent == NULL || child == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "comm_split: %s is NULL",
                            parent == NULL ? "parent" : "child");
    *child = NULL;
    return no_mpi("comm_split", error);
}

int descent_comm_rank(const descent_comm *comm) { (void)comm; return 0; }
int descent_comm_size(const descent_comm *comm) { (void)comm; return 1; }

descent_status descent_comm_set_link(descent_comm *comm, double alpha,
                                     double beta, descent_error *error)
{
    if (comm == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "comm_set_link: comm is NULL");
    if (!(alpha >= 0) || !isfinite(alpha) || !(beta >= 0) || !isfinite(beta))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "comm_set_link: alpha = %g and beta = %g must be "
                            "finite and at least 0", alpha, beta);
    return no_mpi("comm_set_link", error);
}

void descent_comm_free(descent_comm *comm) { (void)comm; }
void descent_mpi_finalize(void) {}

descent_status descent_allreduce_sum(descent_comm *comm, float *v, size_t n,
                                     descent_reduce_kind kind,
                                     descent_error *error)
{
    if (comm == NULL || (v == NULL && n > 0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "allreduce_sum: %s is NULL",
                            comm == NULL ? "comm" : "v");
    if ((unsigned)kind > DESCENT_REDUCE_BUCKETED)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "allreduce_sum: kind = %d is unknown", (int)kind);
    if (n > INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "allreduce_sum: n = %zu exceeds MPI's count limit %d",
                            n, INT_MAX);
    return no_mpi("allreduce_sum", error);
}

static descent_status check_train_arguments(
    const descent_comm *comm, const descent_model *model,
    const descent_samples *train, const descent_train_options *o,
    const descent_parallel_options *parallel, descent_error *error)
{
    const char *what = comm == NULL ? "comm" : model == NULL ? "model"
                       : train == NULL ? "train" : o == NULL ? "options"
                       : parallel == NULL ? "parallel" : NULL;
    if (what != NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: %s is NULL", what);
    if (model->theta == NULL || model->parameters == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: model is not made");
    if (train->count == 0 || train->x == NULL ||
        train->inputs != model->inputs)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: train has %zu samples of %zu "
                            "inputs, the model takes %zu", train->count,
                            train->inputs, model->inputs);
    if ((unsigned)parallel->reduce > DESCENT_REDUCE_BUCKETED)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: parallel->reduce = %d is unknown",
                            (int)parallel->reduce);
    if ((unsigned)parallel->bn > DESCENT_BN_SYNC)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: parallel->bn = %d is unknown",
                            (int)parallel->bn);
    if (parallel->reduce == DESCENT_REDUCE_ORDERED &&
        parallel->bn == DESCENT_BN_SYNC)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: the ordered reduction computes "
                            "chunk by chunk and cannot synchronize batch "
                            "normalization (parallel->bn = DESCENT_BN_SYNC)");
    if ((parallel->reduce == DESCENT_REDUCE_BUCKETED ||
         parallel->bn == DESCENT_BN_SYNC) &&
        o->gradient != NULL && o->gradient != descent_model_gradient)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: the bucketed reduction and "
                            "synchronized batch normalization need "
                            "options->gradient = NULL (descent_model_gradient)");
    if (o->epochs == 0 || o->batch == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: options->%s = 0",
                            o->epochs == 0 ? "epochs" : "batch");
    if (o->batch > train->count)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: batch %zu exceeds the %zu "
                            "training samples", o->batch, train->count);
    return descent_check_train_rule(model, o, "train_parallel", error);
}

descent_status descent_train_parallel(descent_comm *comm, descent_model *model,
                                      const descent_samples *train,
                                      const descent_train_options *options,
                                      const descent_parallel_options *parallel,
                                      descent_epoch_record *records,
                                      descent_error *error)
{
    (void)records;
    descent_status status = check_train_arguments(comm, model, train,
                                                  options, parallel, error);
    return status ? status : no_mpi("train_parallel", error);
}

static descent_status refuse_comm(const char *owner, const descent_comm *comm,
                                  descent_error *error)
{
    return comm == NULL ? descent_succeed(error) : no_mpi(owner, error);
}

static descent_status share_verdict(const descent_comm *comm,
                                    descent_status status,
                                    descent_error *error)
{
    (void)comm;
    (void)error;
    return status;
}

static descent_status share_numbers(const descent_comm *comm,
                                    descent_model *model,
                                    descent_optimizer *opt,
                                    descent_error *error)
{
    (void)comm;
    (void)model;
    (void)opt;
    return descent_succeed(error);
}

enum { CHECKPOINT_VERSION = 1, CHECKPOINT_NAME = 32 };
static const char checkpoint_magic[18] = {'d', 'e', 's', 'c', 'e', 'n', 't',
    '-', 'c', 'h', 'e', 'c', 'k', 'p', 'o', 'i', 'n', 't'};

typedef struct checkpoint_header {
    char magic[18];
    uint16_t version;
    uint64_t parameters, states, steps, vectors, n;
    char name[CHECKPOINT_NAME];
} checkpoint_header;

static descent_status check_checkpoint_arguments(
    const char *owner, const descent_comm *comm, const descent_model *model,
    const descent_optimizer *opt, const char *path, descent_error *error)
{
    descent_status status = refuse_comm(owner, comm, error);
    if (status)
        return status;
    if (model == NULL || path == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: %s is NULL",
                            owner, model == NULL ? "model" : "path");
    if (model->theta == NULL || model->parameters == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: model is not made", owner);
    if (opt != NULL && opt->n != model->parameters)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: opt has n = %zu, the model %zu parameters",
                            owner, opt->n, model->parameters);
    return descent_succeed(error);
}

static size_t checkpoint_floats(const checkpoint_header *h)
{
    return (size_t)(h->parameters + h->states + h->vectors * h->n);
}

static descent_status write_file(const descent_model *model,
                                 const descent_optimizer *opt,
                                 const char *path, descent_error *error)
{
    checkpoint_header h;
    memset(&h, 0, sizeof h);        /* the padding too: it is checksummed */
    h.version = CHECKPOINT_VERSION;
    h.parameters = model->parameters;
    h.states = model->states;
    memcpy(h.magic, checkpoint_magic, sizeof h.magic);
    if (opt != NULL) {
        snprintf(h.name, sizeof h.name, "%s", opt->name ? opt->name : "");
        h.steps = opt->steps;
        h.vectors = opt->memory != NULL ? opt->vectors : 0;
        h.n = opt->n;
    }
    size_t tmp_size = strlen(path) + 5;
    char *tmp = malloc(tmp_size);
    if (tmp == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "checkpoint_write: cannot allocate a file name");
    snprintf(tmp, tmp_size, "%s.tmp", path);
    FILE *out = fopen(tmp, "wb");
    if (out == NULL) {
        descent_fail(error, DESCENT_DATA_ERROR, "checkpoint_write: '%s' "
                     "cannot be opened: %s", tmp, strerror(errno));
        free(tmp);
        return DESCENT_DATA_ERROR;
    }
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32_z(crc, (const Bytef *)&h, sizeof h);
    crc = crc32_z(crc, (const Bytef *)model->theta,
                  model->parameters * sizeof(float));
    if (model->states > 0)
        crc = crc32_z(crc, (const Bytef *)model->state,
                      model->states * sizeof(float));
    if (h.vectors > 0)
        crc = crc32_z(crc, (const Bytef *)opt->memory,
                      h.vectors * h.n * sizeof(float));
    uint32_t sum = (uint32_t)crc;
    bool ok = fwrite(&h, sizeof h, 1, out) == 1 &&
              fwrite(model->theta, sizeof(float), model->parameters, out) ==
                  model->parameters &&
              (model->states == 0 ||
               fwrite(model->state, sizeof(float), model->states, out) ==
                   model->states) &&
              (h.vectors == 0 ||
               fwrite(opt->memory, sizeof(float), h.vectors * h.n, out) ==
                   h.vectors * h.n) &&
              fwrite(&sum, sizeof sum, 1, out) == 1;
    ok = fclose(out) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        descent_fail(error, DESCENT_DATA_ERROR, "checkpoint_write: '%s' "
                     "cannot be written: %s", ok ? path : tmp,
                     strerror(errno));
        remove(tmp);
        free(tmp);
        return DESCENT_DATA_ERROR;
    }
    free(tmp);
    return descent_succeed(error);
}
static descent_status read_file(descent_model *model, descent_optimizer *opt,
                                const char *path, descent_error *error)
{
    const char *owner = "checkpoint_read";
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return descent_fail(error, DESCENT_DATA_ERROR, "%s: '%s' cannot be "
                            "opened: %s", owner, path, strerror(errno));
    checkpoint_header h;
    if (fread(&h, sizeof h, 1, in) != 1 ||
        memcmp(h.magic, checkpoint_magic, sizeof h.magic) != 0) {
        fclose(in);
        return descent_fail(error, DESCENT_DATA_ERROR, "%s: '%s' is not a "
                            "descent checkpoint (too short, or no magic)",
                            owner, path);
    }
    if (h.version != CHECKPOINT_VERSION) {
        fclose(in);
        return descent_fail(error, DESCENT_DATA_ERROR, "%s: '%s' has format "
                            "version %u, this library reads %d", owner, path,
                            (unsigned)h.version, CHECKPOINT_VERSION);
    }
    if (h.parameters != model->parameters || h.states != model->states) {
        fclose(in);
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: '%s' holds "
                            "%llu parameters and %llu states, the model has "
                            "%zu and %zu", owner, path,
                            (unsigned long long)h.parameters,
                            (unsigned long long)h.states, model->parameters,
                            model->states);
    }
    h.name[CHECKPOINT_NAME - 1] = '\0';
    if (opt != NULL &&
        (strcmp(h.name, opt->name ? opt->name : "") != 0 ||
         h.vectors != (opt->memory != NULL ? opt->vectors : 0) ||
         (h.vectors > 0 && h.n != opt->n))) {
        fclose(in);
        return descent_fail(error, DESCENT_INVALID_ARGUMENT, "%s: '%s' holds "
                            "the state of optimizer '%s' (%llu vectors), not "
                            "of '%s' (%zu)", owner, path, h.name,
                            (unsigned long long)h.vectors,
                            opt->name ? opt->name : "",
                            opt->memory != NULL ? opt->vectors : 0);
    }
    size_t floats = checkpoint_floats(&h);
    float *x = malloc((floats ? floats : 1) * sizeof *x);
    if (x == NULL) {
        fclose(in);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY, "%s: cannot "
                            "allocate %zu floats", owner, floats);
    }
    uint32_t sum;
    size_t got = fread(x, sizeof *x, floats, in);
    bool whole = got == floats && fread(&sum, sizeof sum, 1, in) == 1;
    bool extra = whole && fgetc(in) != EOF;
    fclose(in);
    uLong crc = crc32(0L, Z_NULL, 0);    /* of what was read, only */
    crc = crc32_z(crc, (const Bytef *)&h, sizeof h);
    crc = crc32_z(crc, (const Bytef *)x, got * sizeof *x);
    descent_status status = DESCENT_OK;
    if (!whole)
        status = descent_fail(error, DESCENT_DATA_ERROR, "%s: '%s' is "
                              "truncated: %zu of %zu floats and no checksum",
                              owner, path, got, floats);
    else if (extra)
        status = descent_fail(error, DESCENT_DATA_ERROR, "%s: '%s' goes on "
                              "after its checksum", owner, path);
    else if (sum != (uint32_t)crc)
        status = descent_fail(error, DESCENT_DATA_ERROR, "%s: '%s' is "
                              "corrupt: checksum 0x%08x, computed 0x%08x",
                              owner, path, (unsigned)sum, (unsigned)crc);
    if (!status) {
        memcpy(model->theta, x, model->parameters * sizeof *x);
        if (model->states > 0)
            memcpy(model->state, x + model->parameters,
                   model->states * sizeof *x);
        if (opt != NULL) {
            if (h.vectors > 0)
                memcpy(opt->memory, x + h.parameters + h.states,
                       h.vectors * h.n * sizeof *x);
            opt->steps = (size_t)h.steps;
        }
    }
    free(x);
    return status ? status : descent_succeed(error);
}
descent_status descent_checkpoint_write(const descent_comm *comm,
                                        const descent_model *model,
                                        const descent_optimizer *opt,
                                        const char *path, descent_error *error)
{
    descent_status status = check_checkpoint_arguments(
        "checkpoint_write", comm, model, opt, path, error);
    if (status)
        return status;
    if (descent_comm_rank(comm) == 0)
        status = write_file(model, opt, path, error);
    return share_verdict(comm, status, error);
}

descent_status descent_checkpoint_read(const descent_comm *comm,
                                       descent_model *model,
                                       descent_optimizer *opt,
                                       const char *path, descent_error *error)
{
    descent_status status = check_checkpoint_arguments(
        "checkpoint_read", comm, model, opt, path, error);
    if (status)
        return status;
    if (descent_comm_rank(comm) == 0)
        status = read_file(model, opt, path, error);
    if ((status = share_verdict(comm, status, error)))
        return status;
    return share_numbers(comm, model, opt, error);
}
