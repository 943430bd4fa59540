/* distributed.c: generated from chapters/11-distributed.nw; do not edit. */
#define _POSIX_C_SOURCE 200809L
#include <cblas.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "distributed.h"
#include "internal-distributed.h"
#include "internal-train.h"
#include "internal.h"

static descent_status mpi_fail(descent_error *error, int rc, const char *what)
{
    char text[MPI_MAX_ERROR_STRING];
    int length = 0;
    if (MPI_Error_string(rc, text, &length) != MPI_SUCCESS)
        snprintf(text, sizeof text, "MPI error %d", rc);
    return descent_fail(error, DESCENT_UNAVAILABLE, "%s failed: %s", what,
                        text);
}
static bool we_started_mpi;

bool descent_mpi_available(void) { return true; }

static descent_status wrap(MPI_Comm c, descent_comm **out,
                           const char *owner, descent_error *error)
{
    descent_comm *comm = calloc(1, sizeof *comm);
    if (comm == NULL) {
        MPI_Comm_free(&c);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "%s: cannot allocate a communicator", owner);
    }
    MPI_Comm_set_errhandler(c, MPI_ERRORS_RETURN);
    comm->comm = c;
    MPI_Comm_rank(c, &comm->rank);
    MPI_Comm_size(c, &comm->size);
    *out = comm;
    return descent_succeed(error);
}

descent_status descent_comm_world(descent_comm **comm, descent_error *error)
{
    if (comm == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "comm_world: comm is NULL");
    *comm = NULL;
    int started = 0, finished = 0;
    MPI_Initialized(&started);
    MPI_Finalized(&finished);
    if (finished)
        return descent_fail(error, DESCENT_UNAVAILABLE,
                            "comm_world: MPI was finalized already");
    if (!started) {
        int provided;
        int rc = MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided);
        if (rc != MPI_SUCCESS)
            return mpi_fail(error, rc, "comm_world: MPI_Init_thread");
        we_started_mpi = true;
    }
    MPI_Comm c;
    int rc = MPI_Comm_dup(MPI_COMM_WORLD, &c);
    if (rc != MPI_SUCCESS)
        return mpi_fail(error, rc, "comm_world: MPI_Comm_dup");
    return wrap(c, comm, "comm_world", error);
}

descent_status descent_comm_split(const descent_comm *parent, int color,
                                  descent_comm **child, descent_error *error)
{
    if (parent == NULL || child == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "comm_split: %s is NULL",
                            parent == NULL ? "parent" : "child");
    *child = NULL;
    MPI_Comm c;
    int rc = MPI_Comm_split(parent->comm, color < 0 ? MPI_UNDEFINED : color,
                            parent->rank, &c);
    if (rc != MPI_SUCCESS)
        return mpi_fail(error, rc, "comm_split: MPI_Comm_split");
    if (c == MPI_COMM_NULL)
        return descent_succeed(error);
    return wrap(c, child, "comm_split", error);
}

int descent_comm_rank(const descent_comm *comm)
{
    return comm == NULL ? 0 : comm->rank;
}

int descent_comm_size(const descent_comm *comm)
{
    return comm == NULL ? 1 : comm->size;
}

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
    comm->alpha = alpha;
    comm->beta = beta;
    comm->link_free = 0;
    return descent_succeed(error);
}

void descent_comm_free(descent_comm *comm)
{
    if (comm == NULL)
        return;
    int finished = 0;
    MPI_Finalized(&finished);
    if (!finished)
        MPI_Comm_free(&comm->comm);
    free(comm);
}

void descent_mpi_finalize(void)
{
    int finished = 0;
    MPI_Finalized(&finished);
    if (we_started_mpi && !finished)
        MPI_Finalize();
}
void descent_link_wait(descent_comm *comm, double start, size_t bytes)
{
    if (comm == NULL || (comm->alpha == 0 && comm->beta == 0))
        return;
    double begin = start > comm->link_free ? start : comm->link_free;
    double done = begin + comm->alpha + (double)bytes * comm->beta;
    comm->link_free = done;
    for (double left = done - MPI_Wtime(); left > 0;
         left = done - MPI_Wtime()) {
        struct timespec t = {.tv_sec = (time_t)left,
                             .tv_nsec = (long)((left - floor(left)) * 1e9)};
        nanosleep(&t, NULL);
    }
}
static descent_status recursive_doubling(descent_comm *comm, float *v,
                                         size_t n, descent_error *error)
{
    if (comm->size == 1)
        return descent_succeed(error);
    float *other = malloc(n * sizeof *other);
    if (other == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "allreduce_sum: cannot allocate %zu floats", n);
    for (int bit = 1; bit < comm->size; bit <<= 1) {
        int partner = comm->rank ^ bit;
        int rc = MPI_Sendrecv(v, (int)n, MPI_FLOAT, partner, 17, other,
                              (int)n, MPI_FLOAT, partner, 17, comm->comm,
                              MPI_STATUS_IGNORE);
        if (rc != MPI_SUCCESS) {
            free(other);
            return mpi_fail(error, rc, "allreduce_sum: MPI_Sendrecv");
        }
        if (comm->rank < partner)
            for (size_t i = 0; i < n; i++)
                v[i] = v[i] + other[i];
        else
            for (size_t i = 0; i < n; i++)
                v[i] = other[i] + v[i];
    }
    free(other);
    return descent_succeed(error);
}
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
    if (kind == DESCENT_REDUCE_ORDERED && (comm->size & (comm->size - 1)))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "allreduce_sum: the ordered reduction needs a "
                            "power-of-two number of ranks, not %d",
                            comm->size);
    double start = MPI_Wtime();
    descent_status status = DESCENT_OK;
    if (kind == DESCENT_REDUCE_ORDERED)
        status = recursive_doubling(comm, v, n, error);
    else if (comm->size > 1) {
        int rc = MPI_Allreduce(MPI_IN_PLACE, v, (int)n, MPI_FLOAT, MPI_SUM,
                               comm->comm);
        if (rc != MPI_SUCCESS)
            status = mpi_fail(error, rc, "allreduce_sum: MPI_Allreduce");
    }
    if (status)
        return status;
    descent_link_wait(comm, start, n * sizeof *v);
    return descent_succeed(error);
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
static descent_status check_parallel(const descent_comm *comm,
                                     const descent_model *model,
                                     const descent_samples *train,
                                     const descent_train_options *o,
                                     const descent_parallel_options *parallel,
                                     descent_error *error)
{
    int k = comm->size;
    size_t B = o->batch, chunk = parallel->chunk ? parallel->chunk : 32;
    (void)train;
    if (B % (size_t)k != 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: batch %zu is not a multiple of "
                            "%d ranks", B, k);
    if (parallel->reduce == DESCENT_REDUCE_ORDERED) {
        if (k & (k - 1))
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "train_parallel: the ordered reduction needs "
                                "a power-of-two number of ranks, not %d", k);
        if (chunk > model->capacity)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "train_parallel: parallel->chunk = %zu "
                                "exceeds the model's capacity %zu", chunk,
                                model->capacity);
        if (B % ((size_t)k * chunk) != 0)
            return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                                "train_parallel: batch %zu is not a multiple "
                                "of %d ranks x parallel->chunk %zu", B, k,
                                chunk);
    } else if (B / (size_t)k > model->capacity)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "train_parallel: batch %zu on %d ranks is %zu "
                            "samples a rank, over the model's capacity %zu",
                            B, k, B / (size_t)k, model->capacity);
    return descent_succeed(error);
}
enum { AGREE_FIELDS = 8 };

static descent_status agree(const descent_comm *comm,
                            const descent_model *model,
                            const descent_samples *train,
                            const descent_train_options *o,
                            const descent_parallel_options *parallel,
                            descent_status local, descent_error *error)
{
    static const char *name[AGREE_FIELDS] = {
        "status", "model->parameters", "train->count", "options->seed",
        "options->batch", "options->epochs", "parallel->reduce",
        "parallel->chunk"};
    unsigned long long mine[AGREE_FIELDS] = {
        (unsigned long long)local, model->parameters, train->count, o->seed,
        o->batch, o->epochs, (unsigned long long)parallel->reduce,
        parallel->chunk};
    unsigned long long *all = malloc((size_t)comm->size * sizeof mine);
    if (all == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "train_parallel: cannot allocate %d ranks' "
                            "arguments", comm->size);
    int rc = MPI_Allgather(mine, AGREE_FIELDS, MPI_UNSIGNED_LONG_LONG, all,
                           AGREE_FIELDS, MPI_UNSIGNED_LONG_LONG, comm->comm);
    descent_status status = local;
    if (rc != MPI_SUCCESS)
        status = mpi_fail(error, rc, "train_parallel: MPI_Allgather");
    for (int r = 0; r < comm->size && !status; r++)
        if (all[r * AGREE_FIELDS] != 0)
            status = descent_fail(
                error, (descent_status)all[r * AGREE_FIELDS],
                "train_parallel: rank %d refused its arguments (%s)", r,
                descent_status_name((descent_status)all[r * AGREE_FIELDS]));
    for (int f = 1; f < AGREE_FIELDS && !status; f++)
        for (int r = 1; r < comm->size && !status; r++)
            if (all[r * AGREE_FIELDS + f] != all[f])
                status = descent_fail(
                    error, DESCENT_INVALID_ARGUMENT,
                    "train_parallel: ranks disagree: rank %d has %s = %llu, "
                    "rank 0 has %llu", r, name[f], all[r * AGREE_FIELDS + f],
                    all[f]);
    free(all);
    return status;
}
static void tree_sum(descent_gradient_fn *gradient, descent_model *model,
                     const descent_samples *train,
                     const size_t *index, size_t lo, size_t hi, size_t chunk,
                     float **sums, size_t level, double *loss,
                     descent_status *status, descent_error *error)
{
    size_t n = model->parameters;
    if (*status)
        return;
    if (hi - lo == 1) {
        double l;
        *status = gradient(model, train, index + lo * chunk, chunk, &l, error);
        memcpy(sums[level], model->gradient, n * sizeof *sums[level]);
        *loss += l;
        return;
    }
    size_t mid = lo + (hi - lo) / 2;
    tree_sum(gradient, model, train, index, lo, mid, chunk, sums, level, loss,
             status, error);
    tree_sum(gradient, model, train, index, mid, hi, chunk, sums, level + 1,
             loss, status, error);
    for (size_t i = 0; i < n; i++)
        sums[level][i] = sums[level][i] + sums[level + 1][i];
}

static descent_status ordered_gradient(descent_gradient_fn *gradient,
                                       descent_model *model,
                                       const descent_samples *train,
                                       const size_t *index, size_t local,
                                       size_t chunk, float **sums,
                                       size_t depth, double *loss,
                                       descent_error *error)
{
    descent_status status = DESCENT_OK;
    size_t chunks = local / chunk;
    (void)depth;
    *loss = 0;
    tree_sum(gradient, model, train, index, 0, chunks, chunk, sums, 0, loss,
             &status, error);
    if (status)
        return status;
    memcpy(model->gradient, sums[0], model->parameters * sizeof *sums[0]);
    *loss /= (double)chunks;
    return descent_succeed(error);
}
static void scale(float *g, size_t n, double factor)
{
    if (factor == 1.0)
        return;
    double k = 1.0 / factor;
    if (k == floor(k))
        for (size_t i = 0; i < n; i++)
            g[i] /= (float)k;
    else
        for (size_t i = 0; i < n; i++)
            g[i] *= (float)factor;
}

static descent_status mean_over_ranks(descent_comm *comm, double *loss,
                                      descent_error *error)
{
    if (comm->size == 1)
        return descent_succeed(error);
    int rc = MPI_Allreduce(MPI_IN_PLACE, loss, 1, MPI_DOUBLE, MPI_SUM,
                           comm->comm);
    if (rc != MPI_SUCCESS)
        return mpi_fail(error, rc, "MPI_Allreduce of the loss");
    *loss /= comm->size;
    return descent_succeed(error);
}
descent_status descent_train_parallel(descent_comm *comm, descent_model *model,
                                      const descent_samples *train,
                                      const descent_train_options *options,
                                      const descent_parallel_options *parallel,
                                      descent_epoch_record *records,
                                      descent_error *error)
{
    const descent_train_options *o = options;
    descent_status status = check_train_arguments(comm, model, train, o,
                                                  parallel, error);
    if (status)
        return status;
    status = check_parallel(comm, model, train, o, parallel, error);
    if ((status = agree(comm, model, train, o, parallel, status, error)))
        return status;
    descent_reduce_kind reduce = parallel->reduce;
    size_t B = o->batch, local = B / (size_t)comm->size;
    size_t chunk = parallel->chunk ? parallel->chunk : 32;
    size_t count = train->count, batches = count / B, k = 0, depth = 0;
    descent_gradient_fn *gradient = o->gradient != NULL
                                        ? o->gradient
                                        : descent_model_gradient;
    descent_parallel_hooks *hooks = NULL;
    float **sums = NULL;
    size_t *order = malloc(count * sizeof *order);
    if (order == NULL)
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "train_parallel: cannot allocate an order of %zu",
                            count);
    if (reduce == DESCENT_REDUCE_ORDERED) {
        while (((size_t)1 << depth) < local / chunk)
            depth++;
        sums = calloc(depth + 1, sizeof *sums);
        for (size_t i = 0; sums != NULL && i <= depth && !status; i++)
            if ((sums[i] = malloc(model->parameters * sizeof *sums[i])) == NULL)
                status = descent_fail(error, DESCENT_OUT_OF_MEMORY,
                                      "train_parallel: cannot allocate the sums");
        if (sums == NULL)
            status = descent_fail(error, DESCENT_OUT_OF_MEMORY,
                                  "train_parallel: cannot allocate the sums");
    }
    if (!status && (reduce == DESCENT_REDUCE_BUCKETED ||
                    parallel->bn == DESCENT_BN_SYNC))
        status = descent_parallel_hooks_init(&hooks, comm, model,
                                             reduce == DESCENT_REDUCE_BUCKETED,
                                             parallel->bn == DESCENT_BN_SYNC,
                                             error);
    descent_random r;
    descent_random_seed(&r, o->seed);
    descent_progress line = {.out = o->quiet || comm->rank != 0
                                ? NULL
                                : o->progress ? o->progress : stderr};
    line.terminal = line.out != NULL && isatty(fileno(line.out));
    for (size_t epoch = 1; epoch <= o->epochs && !status; epoch++) {
        descent_epoch_record record = {.epoch = epoch, .test_loss = NAN,
                                       .test_accuracy = NAN};
        double start = descent_now(), sum = 0, norms = 0;
        status = descent_random_permutation(&r, count, order, error);
        for (size_t b = 0; b < batches && !status; b++, k++) {
            size_t first = b * B + (size_t)comm->rank * local;
            double loss = 0;
            descent_error why;
            descent_status local_status =
                reduce == DESCENT_REDUCE_ORDERED
                    ? ordered_gradient(gradient, model, train, order + first, local,
                                       chunk, sums, depth, &loss, &why)
                    : gradient(model, train, order + first, local, &loss, &why);
            status = local_status;
            if (hooks != NULL && (!status || status == DESCENT_NONFINITE)) {
                descent_error finished;
                descent_status s = descent_parallel_hooks_finish(hooks, &finished);
                if (s && !status) {
                    status = s;
                    why = finished;
                }
            }
            double mean = status ? NAN : loss;
            descent_status s = mean_over_ranks(comm, &mean, status ? NULL : &why);
            if (s && !status)
                status = s;
            if (!status && !isfinite(mean)) {
                status = DESCENT_NONFINITE;
                descent_fail(&why, status, "the loss is not finite on another rank "
                             "(the mean over the ranks is %g)", mean);
            }
            loss = mean;
            if (!status && reduce != DESCENT_REDUCE_BUCKETED)
                status = descent_allreduce_sum(comm, model->gradient, model->parameters,
                                               reduce, &why);
            if (!status && reduce != DESCENT_REDUCE_BUCKETED)
                scale(model->gradient, model->parameters, reduce == DESCENT_REDUCE_ORDERED
                          ? (double)chunk / (double)B : 1.0 / (double)comm->size);
            if (status) {
                descent_fail(error, status, "train_parallel: epoch %zu, step %zu: %s",
                             epoch, k, why.message);
                break;
            }
            double norm;
            status = descent_train_update(model, o, k, &norm, &record.eta, error);
            sum += loss * (double)B;
            norms += norm;
            if (o->callback != NULL)
                o->callback(k, loss, o->context);
            descent_progress_show(&line, &record, o->epochs, b + 1, batches,
                                  sum / (double)((b + 1) * B), descent_now() - start,
                                  (b + 1) * B, false);
        }
        double trained = descent_now() - start;
        record.steps = k;
        record.train_loss = sum / (double)(batches * B);
        record.gradient_norm = norms / (double)batches;
        if (!status && o->test != NULL)
            status = descent_model_evaluate(model, o->test, &record.test_loss,
                                            &record.test_accuracy, error);
        if (!status)
            status = descent_schedule_epoch(o->schedule, record.train_loss, error);
        record.seconds = descent_now() - start;
        if (records != NULL)
            records[epoch - 1] = record;
        if (!status)
            descent_progress_show(&line, &record, o->epochs, batches, batches,
                                  record.train_loss, trained, batches * B, true);
    }
    descent_parallel_hooks_free(hooks);
    if (sums != NULL)
        for (size_t i = 0; i <= depth; i++)
            free(sums[i]);
    free(sums);
    free(order);
    return status ? status : descent_succeed(error);
}
static descent_status refuse_comm(const char *owner, const descent_comm *comm,
                                  descent_error *error)
{
    (void)owner;
    (void)comm;
    return descent_succeed(error);
}

static descent_status share_verdict(const descent_comm *comm,
                                    descent_status status,
                                    descent_error *error)
{
    if (comm == NULL || comm->size == 1)
        return status;
    descent_error shared = {.status = status};
    if (comm->rank == 0 && status)
        memcpy(shared.message, error->message, sizeof shared.message);
    int code = (int)status;
    int rc = MPI_Bcast(&code, 1, MPI_INT, 0, comm->comm);
    if (rc == MPI_SUCCESS && code != 0)
        rc = MPI_Bcast(shared.message, (int)sizeof shared.message, MPI_CHAR, 0,
                       comm->comm);
    if (rc != MPI_SUCCESS)
        return mpi_fail(error, rc, "checkpoint: MPI_Bcast");
    if (code == 0)
        return descent_succeed(error);
    return descent_fail(error, (descent_status)code, "%s", shared.message);
}

static descent_status share_numbers(const descent_comm *comm,
                                    descent_model *model,
                                    descent_optimizer *opt,
                                    descent_error *error)
{
    if (comm == NULL || comm->size == 1)
        return descent_succeed(error);
    unsigned long long steps = opt != NULL ? opt->steps : 0;
    size_t memory = opt != NULL && opt->memory != NULL ? opt->vectors * opt->n
                                                       : 0;
    int rc = MPI_Bcast(model->theta, (int)model->parameters, MPI_FLOAT, 0,
                       comm->comm);
    if (rc == MPI_SUCCESS && model->states > 0)
        rc = MPI_Bcast(model->state, (int)model->states, MPI_FLOAT, 0,
                       comm->comm);
    if (rc == MPI_SUCCESS && memory > 0)
        rc = MPI_Bcast(opt->memory, (int)memory, MPI_FLOAT, 0, comm->comm);
    if (rc == MPI_SUCCESS)
        rc = MPI_Bcast(&steps, 1, MPI_UNSIGNED_LONG_LONG, 0, comm->comm);
    if (rc != MPI_SUCCESS)
        return mpi_fail(error, rc, "checkpoint_read: MPI_Bcast");
    if (opt != NULL)
        opt->steps = (size_t)steps;
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
