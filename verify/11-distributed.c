/* 11-distributed.c: generated from chapters/11-distributed.nw; do not edit. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "claims.h"
#include "descent.h"
#include "distributed.h"

static descent_comm *dist_world;          /* NULL: built without MPI */

static const struct {
    const char *key, *statement;
} dist_claims[] = {
    {"dist-deterministic", "ordered reduction: bit-identical parameters "
     "for k = 1, 2, 4; MPI's within the propagated summation error"},
    {"dist-equivalent", "k ranks with batch b follow one rank with batch "
     "kb; on one rank, the one-process loop to the bit"},
    {"dist-alpha-beta", "all-reduce time fits alpha + n beta"},
    {"dist-overlap", "bucketed reduction beats blocking on a slow link"},
    {"dist-batchnorm", "synchronized batch normalization matches one rank"},
};

static void dist_without_mpi(void **state)
{
    size_t n = sizeof dist_claims / sizeof *dist_claims;
    (void)state;
    if (dist_world != NULL)
        return;
    printf("no MPI: %zu distributed checks skipped\n", n);
    for (size_t i = 0; i < n; i++)
        claim_skip(dist_claims[i].key, dist_claims[i].statement,
                   "a library built without MPI");
}

/* The sub-world of the world's first k ranks; NULL on the others. */
static descent_comm *dist_first(int k)
{
    descent_comm *c = NULL;
    descent_error e;
    REQUIRE(descent_comm_split(dist_world,
                               descent_comm_rank(dist_world) < k ? 0 : -1,
                               &c, &e), e);
    return c;
}

/* True on every rank if pass is true on every rank. */
static bool dist_all(bool pass)
{
    float failures = pass ? 0.0f : 1.0f;
    descent_error e;
    REQUIRE(descent_allreduce_sum(dist_world, &failures, 1,
                                  DESCENT_REDUCE_MPI, &e), e);
    return failures == 0;
}

/* Two claims are about time, and a machine busy with other programs
   (a parallel make drawing figures, say) can fail them; say so. */
static void dist_busy_hint(const char *key)
{
    if (descent_comm_rank(dist_world) == 0)
        printf("[ INFO     ] %s is a claim about time: a machine busy "
               "with other programs (make -j, a build beside it) can "
               "fail it; rerun on an idle machine before suspecting "
               "the library\n", key);
}
enum { DIST_SAMPLES = 3200, DIST_BATCH = 64, DIST_CHUNK = 8 };
static descent_samples dist_data;

static int dist_teardown(void **state)
{
    (void)state;
    descent_samples_free(&dist_data);
    return 0;
}

static void dist_model(descent_model *model, descent_optimizer *opt,
                       size_t hidden, double momentum)
{
    descent_error e;
    descent_random r;
    size_t width[1] = {hidden};
    if (dist_data.count == 0)
        REQUIRE(descent_fashion_mnist_load(&dist_data, true, DIST_SAMPLES,
                                           &e), e);
    REQUIRE(descent_mlp_init(model, dist_data.inputs, 1, width,
                             DESCENT_LAYER_TANH, 10, DIST_BATCH, &e), e);
    descent_random_seed(&r, 11);
    REQUIRE(descent_model_init_weights(model, &r, &e), e);
    REQUIRE(descent_sgd_init(opt, model->parameters, momentum, false, &e), e);
}

/* The parameters after the 50 steps: on comm (NULL: descent_train). */
static float *dist_train(descent_comm *comm, descent_reduce_kind reduce,
                         size_t chunk, descent_gradient_fn *gradient)
{
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_error e;
    dist_model(&model, &opt, 64, 0.9);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.05,
                                  0, 0, &e), e);
    descent_train_options o = {.epochs = 1, .batch = DIST_BATCH, .seed = 5,
                               .optimizer = &opt, .schedule = &schedule,
                               .quiet = true, .gradient = gradient};
    descent_parallel_options p = {.reduce = reduce, .chunk = chunk};
    if (comm == NULL)
        REQUIRE(descent_train(&model, &dist_data, &o, NULL, &e), e);
    else
        REQUIRE(descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL,
                                       &e), e);
    float *theta = malloc(model.parameters * sizeof *theta);
    assert_non_null(theta);
    memcpy(theta, model.theta, model.parameters * sizeof *theta);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    return theta;
}

static size_t dist_parameters(void)
{
    return (784 + 1) * 64 + (64 + 1) * 10;
}
static double dist_nudge;

static descent_status dist_nudged_gradient(descent_model *model,
                                           const descent_samples *data,
                                           const size_t *index, size_t batch,
                                           double *loss, descent_error *error)
{
    size_t n = model->parameters;
    float *g = malloc(n * sizeof *g);
    double *terms = calloc(n, sizeof *terms), one;
    assert_true(g != NULL && terms != NULL);
    descent_status status = DESCENT_OK;
    for (size_t s = 0; s < batch && !status; s++) {
        status = descent_model_gradient(model, data, index + s, 1, &one,
                                        error);
        for (size_t i = 0; i < n && !status; i++)
            terms[i] += fabs((double)model->gradient[i]);
    }
    if (!status)
        status = descent_model_gradient(model, data, index, batch, loss,
                                        error);
    for (size_t i = 0; i < n && !status; i++) {
        uint32_t h = (uint32_t)(i * 2654435761u) >> 16;
        float d = (float)(dist_nudge * terms[i] / (double)batch);
        model->gradient[i] += h & 1 ? d : -d;
    }
    free(g);
    free(terms);
    return status;
}

static double dist_max_difference(const float *a, const float *b)
{
    double worst = 0;
    for (size_t i = 0; i < dist_parameters(); i++)
        worst = fmax(worst, fabs((double)a[i] - (double)b[i]));
    return worst;
}

static size_t dist_differing(const float *a, const float *b)
{
    size_t n = 0;
    for (size_t i = 0; i < dist_parameters(); i++)
        n += memcmp(a + i, b + i, sizeof *a) != 0;
    return n;
}

/* On rank 0: the distance the nudged twin of one-process run ends at. */
static double dist_tolerance(const float *serial)
{
    double u = ldexp(1.0, -24), n = DIST_BATCH;
    dist_nudge = 2 * n * u / (1 - n * u);
    float *twin = dist_train(NULL, DESCENT_REDUCE_MPI, 0,
                             dist_nudged_gradient);
    double tolerance = dist_max_difference(twin, serial);
    free(twin);
    return tolerance;
}
static void claim_dist_deterministic(void **state)
{
    static const int ks[3] = {1, 2, 4};
    float *ordered[3] = {NULL}, *mpi[3] = {NULL};
    int size = descent_comm_size(dist_world), rank;
    (void)state;
    if (dist_world == NULL)
        return;
    rank = descent_comm_rank(dist_world);
    for (int i = 0; i < 3; i++) {
        if (ks[i] > size) {
            printf("k = %d: skipped, the world has %d ranks\n", ks[i], size);
            continue;
        }
        descent_comm *c = dist_first(ks[i]);
        if (c != NULL) {
            ordered[i] = dist_train(c, DESCENT_REDUCE_ORDERED, DIST_CHUNK,
                                    NULL);
            mpi[i] = dist_train(c, DESCENT_REDUCE_MPI, 0, NULL);
            descent_comm_free(c);
        }
    }
    size_t differing = 0;
    double worst = 0, tolerance = 1;
    if (rank == 0) {
        for (int i = 1; i < 3; i++)
            if (ordered[i] != NULL) {
                differing += dist_differing(ordered[i], ordered[0]);
                worst = fmax(worst, dist_max_difference(mpi[i], mpi[0]));
            }
        tolerance = dist_tolerance(mpi[0]);
        printf("ordered: %zu floats differ; MPI: max |theta_k - theta_1| = "
               "%.3g, tolerance %.3g\n", differing, worst, tolerance);
    }
    bool pass = dist_all(differing == 0 && worst <= tolerance);
    char measured[96], ratio[32];
    claim_format(ratio, sizeof ratio, worst / tolerance);
    snprintf(measured, sizeof measured, "%zu floats differ; MPI: %s of the "
             "tolerance", differing, ratio);
    claim_report("dist-deterministic", dist_claims[0].statement, measured,
                 "0 floats; 1", pass);
    for (int i = 0; i < 3; i++) {
        free(ordered[i]);
        free(mpi[i]);
    }
    assert_true(pass);
}
static void claim_dist_equivalent(void **state)
{
    int size = descent_comm_size(dist_world), rank, k;
    float *serial = NULL, *one = NULL, *whole = NULL, *many = NULL;
    (void)state;
    if (dist_world == NULL)
        return;
    rank = descent_comm_rank(dist_world);
    k = size >= 4 ? 4 : size >= 2 ? 2 : 1;
    descent_comm *c = dist_first(1);
    if (c != NULL) {
        serial = dist_train(NULL, DESCENT_REDUCE_MPI, 0, NULL);
        one = dist_train(c, DESCENT_REDUCE_MPI, 0, NULL);
        whole = dist_train(c, DESCENT_REDUCE_ORDERED, DIST_BATCH, NULL);
        descent_comm_free(c);
    }
    c = dist_first(k);
    if (c != NULL) {
        many = dist_train(c, DESCENT_REDUCE_MPI, 0, NULL);
        descent_comm_free(c);
    }
    size_t differing = 0;
    double worst = 0, tolerance = 1;
    if (rank == 0) {
        differing = dist_differing(one, serial) +
                    dist_differing(whole, serial);
        worst = dist_max_difference(many, serial);
        tolerance = dist_tolerance(serial);
        printf("k = 1: %zu floats differ from descent_train; k = %d: max "
               "difference %.3g, tolerance %.3g\n", differing, k, worst,
               tolerance);
    }
    bool pass = dist_all(differing == 0 && worst <= tolerance);
    char measured[96], ratio[32];
    claim_format(ratio, sizeof ratio, worst / tolerance);
    snprintf(measured, sizeof measured, "k = 1: %zu floats differ; k = %d: "
             "%s of the tolerance", differing, k, ratio);
    claim_report("dist-equivalent", dist_claims[1].statement, measured,
                 "0 floats; 1", pass);
    free(serial);
    free(one);
    free(whole);
    free(many);
    assert_true(pass);
}
static void dist_bad_arguments(void **state)
{
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_error e;
    descent_comm *c = NULL;
    static int dummy;
    descent_comm *comm = dist_world != NULL ? dist_world
                                            : (descent_comm *)(void *)&dummy;
    float v[2] = {1, 2};
    const char *tp = "descent_train_parallel";
    (void)state;
    dist_model(&model, &opt, 16, 0.9);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.05,
                                  0, 0, &e), e);
    descent_train_options o = {.epochs = 1, .batch = 16, .seed = 5,
                               .optimizer = &opt, .schedule = &schedule,
                               .quiet = true};
    descent_parallel_options p = {.reduce = DESCENT_REDUCE_MPI};
    BAD("descent_comm_world", descent_comm_world(NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "comm is NULL");
    BAD("descent_comm_split", descent_comm_split(NULL, 0, &c, &e), e,
        DESCENT_INVALID_ARGUMENT, "parent is NULL");
    BAD("descent_comm_split", descent_comm_split(comm, 0, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "child is NULL");
    BAD("descent_comm_set_link", descent_comm_set_link(NULL, 0, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "comm is NULL");
    BAD("descent_comm_set_link", descent_comm_set_link(comm, -1, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "alpha = -1 and beta = 0");
    BAD("descent_comm_set_link", descent_comm_set_link(comm, 0, NAN, &e), e,
        DESCENT_INVALID_ARGUMENT, "beta = nan");
    BAD("descent_allreduce_sum",
        descent_allreduce_sum(NULL, v, 2, DESCENT_REDUCE_MPI, &e), e,
        DESCENT_INVALID_ARGUMENT, "comm is NULL");
    BAD("descent_allreduce_sum",
        descent_allreduce_sum(comm, NULL, 2, DESCENT_REDUCE_MPI, &e), e,
        DESCENT_INVALID_ARGUMENT, "v is NULL");
    BAD("descent_allreduce_sum",
        descent_allreduce_sum(comm, v, 2, (descent_reduce_kind)7, &e), e,
        DESCENT_INVALID_ARGUMENT, "kind = 7 is unknown");
    BAD(tp, descent_train_parallel(NULL, &model, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "comm is NULL");
    BAD(tp, descent_train_parallel(comm, NULL, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(tp, descent_train_parallel(comm, &model, NULL, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "train is NULL");
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, NULL, &p, NULL,
                                   &e),
        e, DESCENT_INVALID_ARGUMENT, "options is NULL");
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, NULL, NULL,
                                   &e),
        e, DESCENT_INVALID_ARGUMENT, "parallel is NULL");
    p.reduce = (descent_reduce_kind)9;
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "parallel->reduce = 9 is unknown");
    p = (descent_parallel_options){.reduce = DESCENT_REDUCE_ORDERED,
                                   .bn = DESCENT_BN_SYNC};
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "cannot synchronize batch normalization");
    p = (descent_parallel_options){.reduce = DESCENT_REDUCE_BUCKETED};
    o.gradient = dist_nudged_gradient;
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "need options->gradient = NULL");
    o.gradient = NULL;
    p = (descent_parallel_options){.reduce = DESCENT_REDUCE_MPI};
    o.batch = 0;
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "options->batch = 0");
    o.batch = DIST_SAMPLES + 1;
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "batch 3201 exceeds the 3200 training");
    o.batch = 16;
    o.schedule = NULL;
    BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "options->schedule is NULL");
    o.schedule = &schedule;
    SURVIVES("descent_comm_rank", "a NULL comm is rank 0 of one",
             assert_int_equal(descent_comm_rank(NULL), 0));
    SURVIVES("descent_comm_size", "a NULL comm is a world of one",
             assert_int_equal(descent_comm_size(NULL), 1));
    SURVIVES("descent_comm_free", "NULL is nothing to free",
             descent_comm_free(NULL));
    SURVIVES("descent_mpi_available", "it takes no argument",
             assert_true(descent_mpi_available() == (dist_world != NULL)));
    if (dist_world == NULL) {
        BAD("descent_comm_world", descent_comm_world(&c, &e), e,
            DESCENT_UNAVAILABLE, "built without MPI");
        BAD("descent_comm_split", descent_comm_split(comm, 0, &c, &e), e,
            DESCENT_UNAVAILABLE, "built without MPI");
        BAD("descent_comm_set_link", descent_comm_set_link(comm, 0, 0, &e), e,
            DESCENT_UNAVAILABLE, "built without MPI");
        BAD("descent_allreduce_sum",
            descent_allreduce_sum(comm, v, 2, DESCENT_REDUCE_MPI, &e), e,
            DESCENT_UNAVAILABLE, "built without MPI");
        BAD(tp, descent_train_parallel(comm, &model, &dist_data, &o, &p, NULL, &e),
            e, DESCENT_UNAVAILABLE, "built without MPI");
        BAD("descent_checkpoint_write",
            descent_checkpoint_write(comm, &model, &opt, "x", &e), e,
            DESCENT_UNAVAILABLE, "built without MPI");
        SURVIVES("descent_mpi_finalize", "a no-op without MPI",
                 descent_mpi_finalize());
        assert_false(descent_mpi_available());
        assert_int_equal(descent_comm_rank(comm), 0);
        assert_int_equal(descent_comm_size(comm), 1);
    }
    descent_optimizer_free(&opt);
    descent_model_free(&model);
}
static void dist_bad_ranks(void **state)
{
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_error e;
    const char *tp = "descent_train_parallel";
    int size = descent_comm_size(dist_world);
    (void)state;
    if (dist_world == NULL)
        return;
    dist_model(&model, &opt, 16, 0.9);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.05,
                                  0, 0, &e), e);
    descent_train_options o = {.epochs = 1, .batch = 64, .seed = 5,
                               .optimizer = &opt, .schedule = &schedule,
                               .quiet = true};
    descent_parallel_options p = {.reduce = DESCENT_REDUCE_ORDERED,
                                  .chunk = 128};
    BAD(tp, descent_train_parallel(dist_world, &model, &dist_data, &o, &p,
                                   NULL, &e),
        e, DESCENT_INVALID_ARGUMENT, "parallel->chunk = 128 exceeds the "
        "model's capacity 64");
    if (size >= 2) {
        char want[64];
        p.chunk = 64;
        snprintf(want, sizeof want, "64 is not a multiple of %d ranks x "
                 "parallel->chunk 64", size);
        BAD(tp, descent_train_parallel(dist_world, &model, &dist_data, &o, &p,
                                       NULL, &e),
            e, DESCENT_INVALID_ARGUMENT, want);
        o.batch = 63;
        p.reduce = DESCENT_REDUCE_MPI;
        snprintf(want, sizeof want, "batch 63 is not a multiple of %d ranks",
                 size);
        if (size % 2 == 0)
            BAD(tp, descent_train_parallel(dist_world, &model, &dist_data, &o,
                                           &p, NULL, &e),
                e, DESCENT_INVALID_ARGUMENT, want);
        descent_comm *pair = dist_first(2);
        if (pair != NULL) {
            o.batch = 64;
            o.seed = descent_comm_rank(pair) == 0 ? 5 : 6;
            BAD(tp, descent_train_parallel(pair, &model, &dist_data, &o, &p,
                                           NULL, &e),
                e, DESCENT_INVALID_ARGUMENT, "ranks disagree: rank 1 has "
                "options->seed = 6, rank 0 has 5");
            o.seed = 5;
            descent_samples fewer = dist_data;
            fewer.count = descent_comm_rank(pair) == 0 ? DIST_SAMPLES : 3000;
            BAD(tp, descent_train_parallel(pair, &model, &fewer, &o, &p, NULL,
                                           &e),
                e, DESCENT_INVALID_ARGUMENT, "ranks disagree: rank 1 has "
                "train->count = 3000, rank 0 has 3200");
            o.batch = descent_comm_rank(pair) == 0 ? 64 : 32;
            BAD(tp, descent_train_parallel(pair, &model, &dist_data, &o, &p,
                                           NULL, &e),
                e, DESCENT_INVALID_ARGUMENT, "ranks disagree: rank 1 has "
                "options->batch = 32, rank 0 has 64");
            o.batch = 64;
            descent_comm_free(pair);
        }
    } else
        printf("one rank: the checks of several ranks skipped\n");
    if (size >= 3) {
        descent_comm *three = dist_first(3);
        if (three != NULL) {
            float v[1] = {1};
            o.batch = 48;
            p = (descent_parallel_options){.reduce = DESCENT_REDUCE_ORDERED,
                                           .chunk = 16};
            BAD(tp, descent_train_parallel(three, &model, &dist_data, &o, &p,
                                           NULL, &e),
                e, DESCENT_INVALID_ARGUMENT, "needs a power-of-two number of "
                "ranks, not 3");
            BAD("descent_allreduce_sum",
                descent_allreduce_sum(three, v, 1, DESCENT_REDUCE_ORDERED,
                                      &e),
                e, DESCENT_INVALID_ARGUMENT, "power-of-two number of ranks, "
                "not 3");
            descent_comm_free(three);
        }
    }
    {
        float one[1] = {1};
        struct timespec t0, t1;
        VALID("descent_comm_set_link", "an emulated link of 20 ms",
              descent_comm_set_link(dist_world, 0.02, 0, &e), e);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        REQUIRE(descent_allreduce_sum(dist_world, one, 1, DESCENT_REDUCE_MPI, &e),
                e);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double took = (double)(t1.tv_sec - t0.tv_sec) +
                      1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
        REQUIRE(descent_comm_set_link(dist_world, 0, 0, &e), e);
        assert_true(dist_all(took >= 0.02 && one[0] == (float)size));
    }
    descent_comm *none = NULL;
    VALID("descent_comm_split", "a negative color leaves a rank out",
          descent_comm_split(dist_world,
                             descent_comm_rank(dist_world) == 0 ? 0 : -1,
                             &none, &e), e);
    assert_true(dist_all(descent_comm_rank(dist_world) == 0
                             ? none != NULL
                             : none == NULL));
    descent_comm_free(none);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
}
static void dist_truncate(const char *path, long keep, long flip)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *bytes = malloc(1 << 20);
    assert_non_null(bytes);
    size_t n = fread(bytes, 1, 1 << 20, f);
    fclose(f);
    if (flip >= 0 && (size_t)flip < n)
        bytes[flip] ^= 1;
    f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(bytes, 1, keep >= 0 && (size_t)keep < n ? (size_t)keep : n, f);
    fclose(f);
    free(bytes);
}

static void dist_bad_checkpoints(void **state)
{
    descent_model model, other;
    descent_optimizer opt, plain, other_opt;
    descent_error e;
    char path[64], bad[80];
    const char *w = "descent_checkpoint_write", *r = "descent_checkpoint_read";
    int rank = descent_comm_rank(dist_world);
    (void)state;
    snprintf(path, sizeof path, "/tmp/descent-11-%ld-%d.ckpt",
             (long)getpid(), rank);
    dist_model(&model, &opt, 16, 0.9);
    dist_model(&other, &other_opt, 8, 0.9);
    REQUIRE(descent_sgd_init(&plain, model.parameters, 0, false, &e), e);
    BAD(w, descent_checkpoint_write(NULL, NULL, &opt, path, &e), e,
        DESCENT_INVALID_ARGUMENT, "model is NULL");
    BAD(w, descent_checkpoint_write(NULL, &model, &opt, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "path is NULL");
    BAD(w, descent_checkpoint_write(NULL, &model, &other_opt, path, &e), e,
        DESCENT_INVALID_ARGUMENT, "opt has n = ");
    BAD(w, descent_checkpoint_write(NULL, &model, &opt,
                                    "/nonexistent/dir/x", &e), e,
        DESCENT_DATA_ERROR, "cannot be opened");
    BAD(r, descent_checkpoint_read(NULL, &model, &opt, "/nonexistent/x",
                                   &e), e,
        DESCENT_DATA_ERROR, "cannot be opened");
    model.theta[0] = 0.25f;
    opt.steps = 7;
    REQUIRE(descent_checkpoint_write(NULL, &model, &opt, path, &e), e);
    float first = model.theta[0];
    model.theta[0] = 9;
    opt.steps = 0;
    REQUIRE(descent_checkpoint_read(NULL, &model, &opt, path, &e), e);
    assert_true(model.theta[0] == first && opt.steps == 7);
    BAD(r, descent_checkpoint_read(NULL, &other, &other_opt, path, &e), e,
        DESCENT_INVALID_ARGUMENT, "parameters and 0 states, the model has");
    BAD(r, descent_checkpoint_read(NULL, &model, &plain, path, &e), e,
        DESCENT_INVALID_ARGUMENT, "holds the state of optimizer 'momentum'");
    snprintf(bad, sizeof bad, "%s.bad", path);
    REQUIRE(descent_checkpoint_write(NULL, &model, &opt, bad, &e), e);
    dist_truncate(bad, -1, 200);
    BAD(r, descent_checkpoint_read(NULL, &model, &opt, bad, &e), e,
        DESCENT_DATA_ERROR, "is corrupt: checksum");
    dist_truncate(bad, 1000, -1);
    BAD(r, descent_checkpoint_read(NULL, &model, &opt, bad, &e), e,
        DESCENT_DATA_ERROR, "is truncated");
    dist_truncate(bad, 10, -1);
    BAD(r, descent_checkpoint_read(NULL, &model, &opt, bad, &e), e,
        DESCENT_DATA_ERROR, "is not a descent checkpoint");
    assert_true(model.theta[0] == first);
    remove(bad);
    remove(path);
    if (dist_world != NULL) {
        /* only rank 0's name matters: rank 0 writes and reads */
        snprintf(path, sizeof path, "/tmp/descent-11-world-%ld.ckpt",
                 (long)getpid());
        model.theta[1] = rank == 0 ? 0.5f : 3.0f;
        REQUIRE(descent_checkpoint_write(dist_world, &model, &opt, path, &e),
                e);
        REQUIRE(descent_checkpoint_read(dist_world, &model, &opt, path, &e),
                e);
        assert_true(dist_all(model.theta[1] == 0.5f));
        if (rank == 0)
            remove(path);
    }
    descent_optimizer_free(&plain);
    descent_optimizer_free(&other_opt);
    descent_optimizer_free(&opt);
    descent_model_free(&other);
    descent_model_free(&model);
}
static void dist_one_rank_fails(void **state)
{
    (void)state;
    if (dist_world == NULL || descent_comm_size(dist_world) < 2)
        return;
    descent_comm *c = dist_first(2);
    bool pass = true;
    if (c != NULL) {
        const descent_reduce_kind kinds[3] = {DESCENT_REDUCE_MPI,
                                              DESCENT_REDUCE_ORDERED,
                                              DESCENT_REDUCE_BUCKETED};
        for (int i = 0; i < 3; i++) {
            descent_model model;
            descent_optimizer opt;
            descent_schedule schedule;
            descent_random r;
            descent_error e;
            dist_model(&model, &opt, 64, 0.9);
            REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.05,
                                          0, 0, &e), e);
            size_t *order = malloc(dist_data.count * sizeof *order);
            assert_non_null(order);
            descent_random_seed(&r, 5);
            REQUIRE(descent_random_permutation(&r, dist_data.count, order, &e), e);
            float *poisoned = dist_data.x + order[DIST_BATCH / 2] * dist_data.inputs;
            float kept = poisoned[0];
            poisoned[0] = NAN;
            descent_train_options o = {.epochs = 1, .batch = DIST_BATCH, .seed = 5,
                                       .optimizer = &opt, .schedule = &schedule,
                                       .quiet = true};
            descent_parallel_options p = {.reduce = kinds[i], .chunk = DIST_CHUNK};
            descent_status status = descent_train_parallel(c, &model, &dist_data, &o,
                                                           &p, NULL, &e);
            poisoned[0] = kept;
            printf("[ INFO     ] one rank's NaN, reduction %d, rank %d: %s\n", i,
                   descent_comm_rank(c), e.message);
            pass = pass && status == DESCENT_NONFINITE &&
                   strstr(e.message, "step 0") != NULL &&
                   (descent_comm_rank(c) == 1 || strstr(e.message, "another rank"));
            free(order);
            descent_optimizer_free(&opt);
            descent_model_free(&model);
        }
        descent_comm_free(c);
    }
    assert_true(dist_all(pass));
}
#include <time.h>                 /* clock_gettime */

enum { OVERLAP_INPUTS = 64, OVERLAP_WIDTH = 512, OVERLAP_BATCH = 1024,
       OVERLAP_STEPS = 6, OVERLAP_PAIRS = 5 };
static double overlap_stamp[OVERLAP_STEPS + 1];
static double overlap_moved;      /* the last run's max |theta - start| */

static double overlap_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void overlap_step_done(size_t step, double loss, void *context)
{
    (void)loss;
    (void)context;
    if (step < OVERLAP_STEPS)
        overlap_stamp[step + 1] = overlap_now();
}

static int overlap_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static void overlap_model(descent_model *model)
{
    descent_random r;
    descent_error e;
    const size_t hidden[4] = {OVERLAP_WIDTH, OVERLAP_WIDTH, OVERLAP_WIDTH,
                              OVERLAP_WIDTH};
    REQUIRE(descent_mlp_init(model, OVERLAP_INPUTS, 4, hidden,
                             DESCENT_LAYER_RELU, 10, OVERLAP_BATCH, &e), e);
    descent_random_seed(&r, 12);
    REQUIRE(descent_model_init_weights(model, &r, &e), e);
}

static double overlap_mean_over_ranks(double t)
{
    descent_error e;
    float v = (float)t;
    REQUIRE(descent_allreduce_sum(dist_world, &v, 1, DESCENT_REDUCE_MPI, &e),
            e);
    return v / (float)descent_comm_size(dist_world);
}
static double overlap_ready[DESCENT_MAX_MODEL_LAYERS];
static size_t overlap_readies, overlap_layer[DESCENT_MAX_MODEL_LAYERS];

static void overlap_stamp_ready(void *context, size_t layer)
{
    (void)context;
    overlap_layer[overlap_readies] = layer;
    overlap_ready[overlap_readies++] = overlap_now();
}

static void overlap_backward_times(descent_model *model,
                                   const descent_samples *data, int k,
                                   double *ready)
{
    descent_model_hooks stamps = {overlap_stamp_ready, NULL, 1, NULL};
    descent_error e;
    double loss, t[5][DESCENT_MAX_MODEL_LAYERS];
    model->hooks = &stamps;
    for (int i = 0; i < 5; i++) {
        overlap_readies = 0;
        REQUIRE(descent_model_gradient(model, data, NULL,
                                       OVERLAP_BATCH / (size_t)k, &loss, &e),
                e);
        for (size_t b = 0; b < overlap_readies; b++)
            t[i][b] = overlap_ready[b] - overlap_ready[0];
    }
    model->hooks = NULL;
    for (size_t b = 0; b < overlap_readies; b++) {
        double v[5];
        for (int i = 0; i < 5; i++)
            v[i] = t[i][b];
        qsort(v, 5, sizeof *v, overlap_compare);
        ready[b] = overlap_mean_over_ranks(v[0]);
    }
}
static double overlap_predicted_saving(const descent_model *model,
                                       const double *ready, double beta,
                                       double t_c)
{
    double link_free = 0;
    for (size_t b = 0; b < overlap_readies; b++) {
        const descent_layer *l = &model->layer[overlap_layer[b]];
        double bytes = (double)(l->parameters * sizeof(float));
        link_free = fmax(ready[b], link_free) + bytes * beta;
    }
    return ready[overlap_readies - 1] + t_c - link_free;
}
static double overlap_run(descent_comm *c, const descent_samples *data,
                          descent_reduce_kind reduce, float **theta,
                          size_t *parameters)
{
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_error e;
    overlap_model(&model);
    REQUIRE(descent_sgd_init(&opt, model.parameters, 0.9, false, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.01,
                                  0, 0, &e), e);
    descent_train_options o = {.epochs = 1, .batch = OVERLAP_BATCH,
                               .seed = 7, .optimizer = &opt,
                               .schedule = &schedule, .quiet = true,
                               .callback = overlap_step_done};
    descent_parallel_options p = {.reduce = reduce};
    float *start = malloc(model.parameters * sizeof *start);
    assert_non_null(start);
    memcpy(start, model.theta, model.parameters * sizeof *start);
    overlap_stamp[0] = overlap_now();
    REQUIRE(descent_train_parallel(c, &model, data, &o, &p, NULL, &e), e);
    double steps[OVERLAP_STEPS - 1];
    for (size_t s = 1; s < OVERLAP_STEPS; s++)
        steps[s - 1] = overlap_stamp[s + 1] - overlap_stamp[s];
    qsort(steps, OVERLAP_STEPS - 1, sizeof *steps, overlap_compare);
    double fastest = overlap_mean_over_ranks(steps[0]);
    *parameters = model.parameters;
    *theta = malloc(model.parameters * sizeof **theta);
    assert_non_null(*theta);
    memcpy(*theta, model.theta, model.parameters * sizeof **theta);
    overlap_moved = 0;
    for (size_t i = 0; i < model.parameters; i++)
        overlap_moved = fmax(overlap_moved, fabs((double)(*theta)[i] - start[i]));
    free(start);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    return fastest;
}
static void claim_dist_overlap(void **state)
{
    descent_samples data;
    descent_random r;
    descent_error e;
    float *fast, *blocking = NULL, *bucketed = NULL;
    double ratios[OVERLAP_PAIRS], t_b, predicted, t_block, t_bucket;
    size_t P;
    (void)state;
    if (dist_world == NULL)
        return;
    int k = descent_comm_size(dist_world);
    descent_comm *c = dist_first(k);
    size_t count = OVERLAP_BATCH * OVERLAP_STEPS;
    REQUIRE(descent_samples_init(&data, count, OVERLAP_INPUTS, 10, 0, &e), e);
    descent_random_seed(&r, 13);
    for (size_t i = 0; i < count * OVERLAP_INPUTS; i++)
        data.x[i] = (float)descent_random_gaussian(&r);
    for (size_t i = 0; i < count; i++)
        data.labels[i] = (int32_t)descent_random_below(&r, 10);
    double t_fb = overlap_run(c, &data, DESCENT_REDUCE_MPI, &fast, &P);
    for (int pair = 0; pair < OVERLAP_PAIRS; pair++) {
        descent_model model;
        double ready[DESCENT_MAX_MODEL_LAYERS];
        overlap_model(&model);
        overlap_backward_times(&model, &data, k, ready);
        t_b = ready[overlap_readies - 1];
        double t_c = 2.5 * t_b;
        double beta = t_c / ((double)model.parameters * sizeof(float));
        predicted = overlap_predicted_saving(&model, ready, beta, t_c);
        descent_model_free(&model);
        REQUIRE(descent_comm_set_link(c, 0, beta, &e), e);
        free(blocking);
        free(bucketed);
        t_block = overlap_run(c, &data, DESCENT_REDUCE_MPI, &blocking, &P);
        t_bucket = overlap_run(c, &data, DESCENT_REDUCE_BUCKETED, &bucketed,
                               &P);
        ratios[pair] = (t_block - t_bucket) / predicted;
        printf("k = %d: T_b %.4g s; on the link: blocking %.4g s, bucketed "
               "%.4g s, saving %.3g of the predicted %.4g s\n", k, t_b,
               t_block, t_bucket, ratios[pair], predicted);
    }
    qsort(ratios, OVERLAP_PAIRS, sizeof *ratios, overlap_compare);
    size_t differing = 0;
    double worst = 0, moved = overlap_moved;
    bool delayed_only = memcmp(fast, blocking, P * sizeof *fast) == 0;
    for (size_t i = 0; i < P; i++) {
        differing += memcmp(blocking + i, bucketed + i, sizeof *blocking) != 0;
        worst = fmax(worst, fabs((double)blocking[i] - (double)bucketed[i]));
    }
    double ratio = ratios[OVERLAP_PAIRS / 2];
    printf("k = %d: step without the link %.4g s; median saving %.3g of the "
           "predicted; %zu of %zu parameters differ, by at most %.3g (movement "
           "%.3g); the link changes no bit: %s\n", k, t_fb, ratio, differing, P,
           worst, moved, delayed_only ? "yes" : "NO");
    bool pass = dist_all(delayed_only && ratio >= 1.0 / 3 && ratio <= 3 &&
                         worst <= 1e-5 * moved);
    char measured[256];
    snprintf(measured, sizeof measured, "k = %d: saving %.3g of the "
             "predicted (median of %.3g, %.3g, %.3g, %.3g, %.3g); %zu "
             "parameters differ", k, ratio, ratios[0], ratios[1], ratios[2],
             ratios[3], ratios[4], differing);
    claim_report("dist-overlap", dist_claims[3].statement, measured,
                 "1/3 to 3; 0 or within 1e-5 of the movement", pass);
    if (!pass && delayed_only && worst <= 1e-5 * moved)
        dist_busy_hint("dist-overlap");
    assert_true(pass);
    free(fast);
    free(blocking);
    free(bucketed);
    descent_samples_free(&data);
    descent_comm_free(c);
}
static size_t bn_dist_parameters;

static descent_status bn_dist_nudged(descent_model *model,
                                     const descent_samples *data,
                                     const size_t *index, size_t batch,
                                     double *loss, descent_error *error)
{
    descent_status status = descent_model_gradient(model, data, index, batch,
                                                   loss, error);
    for (size_t i = 0; i < model->parameters && !status; i++) {
        uint32_t h = (uint32_t)(i * 2654435761u) >> 16;
        float d = (float)(dist_nudge * fabs((double)model->gradient[i]));
        model->gradient[i] += h & 1 ? d : -d;
    }
    return status;
}

static float *bn_dist_train(descent_comm *comm, descent_bn_mode bn,
                            descent_gradient_fn *gradient)
{
    const descent_layer_spec spec[5] = {
        {DESCENT_LAYER_DENSE, 64}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0}, {DESCENT_LAYER_DENSE, 10},
        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    if (dist_data.count == 0)
        REQUIRE(descent_fashion_mnist_load(&dist_data, true, DIST_SAMPLES,
                                           &e), e);
    REQUIRE(descent_model_init(&model, dist_data.inputs, 5, spec, DIST_BATCH,
                               &e), e);
    descent_random_seed(&r, 11);
    REQUIRE(descent_model_init_weights(&model, &r, &e), e);
    REQUIRE(descent_sgd_init(&opt, model.parameters, 0.9, false, &e), e);
    REQUIRE(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.05,
                                  0, 0, &e), e);
    descent_train_options o = {.epochs = 1, .batch = DIST_BATCH, .seed = 5,
                               .optimizer = &opt, .schedule = &schedule,
                               .quiet = true, .gradient = gradient};
    descent_parallel_options p = {.reduce = DESCENT_REDUCE_MPI, .bn = bn};
    if (comm == NULL)
        REQUIRE(descent_train(&model, &dist_data, &o, NULL, &e), e);
    else
        REQUIRE(descent_train_parallel(comm, &model, &dist_data, &o, &p,
                                       NULL, &e), e);
    float *theta = malloc(model.parameters * sizeof *theta);
    assert_non_null(theta);
    memcpy(theta, model.theta, model.parameters * sizeof *theta);
    bn_dist_parameters = model.parameters;
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    return theta;
}
static double bn_dist_distance(const float *a, const float *b)
{
    double worst = 0;
    for (size_t i = 0; i < bn_dist_parameters; i++)
        worst = fmax(worst, fabs((double)a[i] - (double)b[i]));
    return worst;
}

static void claim_dist_batchnorm(void **state)
{
    static const int ks[2] = {2, 4};
    float *local[2] = {NULL}, *sync[2] = {NULL}, *serial = NULL;
    double tolerance = 1, near = 0, far = INFINITY;
    (void)state;
    if (dist_world == NULL)
        return;
    int size = descent_comm_size(dist_world);
    bool root = descent_comm_rank(dist_world) == 0;
    if (root) {
        double u = ldexp(1.0, -24), n = DIST_BATCH;
        serial = bn_dist_train(NULL, DESCENT_BN_LOCAL, NULL);
        dist_nudge = 2 * n * u / (1 - n * u);
        float *twin = bn_dist_train(NULL, DESCENT_BN_LOCAL, bn_dist_nudged);
        tolerance = bn_dist_distance(twin, serial);
        free(twin);
    }
    for (int i = 0; i < 2 && ks[i] <= size; i++) {
        descent_comm *c = dist_first(ks[i]);
        if (c != NULL) {
            local[i] = bn_dist_train(c, DESCENT_BN_LOCAL, NULL);
            sync[i] = bn_dist_train(c, DESCENT_BN_SYNC, NULL);
            descent_comm_free(c);
        }
        if (root) {
            double l = bn_dist_distance(local[i], serial),
                   s = bn_dist_distance(sync[i], serial);
            printf("k = %d: local statistics %.3g from one rank, "
                   "synchronized %.3g, tolerance %.3g\n", ks[i], l, s,
                   tolerance);
            far = fmin(far, l);
            near = fmax(near, s);
        }
    }
    bool pass = dist_all(!root || (near <= tolerance &&
                                   far >= 100 * tolerance));
    char measured[128], a[32], b[32];
    claim_format(a, sizeof a, near / tolerance);
    claim_format(b, sizeof b, far / tolerance);
    snprintf(measured, sizeof measured, "synchronized %s, local %s of the "
             "tolerance (k up to %d)", a, b, size >= 4 ? 4 : 2);
    claim_report("dist-batchnorm", dist_claims[4].statement, measured,
                 "synchronized <= 1; local >= 100", pass);
    for (int i = 0; i < 2; i++) {
        free(local[i]);
        free(sync[i]);
    }
    free(serial);
    assert_true(pass);
}
#include <time.h>

enum { DIST_AB_SIZES = 8, DIST_AB_REPEATS = 41, DIST_AB_WARM = 3 };

static double dist_ab_since(const struct timespec *start)
{
    struct timespec t;
    timespec_get(&t, TIME_UTC);
    return (double)(t.tv_sec - start->tv_sec)
           + 1e-9 * (double)(t.tv_nsec - start->tv_nsec);
}

static int dist_ab_order(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double dist_ab_quartile(descent_comm *comm, float *v, size_t n)
{
    descent_error e;
    float one = 0;
    double t[DIST_AB_REPEATS];
    for (int r = -DIST_AB_WARM; r < DIST_AB_REPEATS; r++) {
        REQUIRE(descent_allreduce_sum(comm, &one, 1, DESCENT_REDUCE_MPI,
                                      &e), e);
        struct timespec start;
        timespec_get(&start, TIME_UTC);
        REQUIRE(descent_allreduce_sum(comm, v, n, DESCENT_REDUCE_MPI, &e), e);
        if (r >= 0)
            t[r] = dist_ab_since(&start);
    }
    qsort(t, DIST_AB_REPEATS, sizeof *t, dist_ab_order);
    return t[DIST_AB_REPEATS / 4];
}
static void dist_ab_fit(const double *b, const double *t, size_t m,
                        double *alpha, double *beta)
{
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < m; i++) {
        double w = 1 / (t[i] * t[i]);
        sw += w, sx += w * b[i], sy += w * t[i];
        sxx += w * b[i] * b[i], sxy += w * b[i] * t[i];
    }
    *beta = fmax((sw * sxy - sx * sy) / (sw * sxx - sx * sx), 1e-15);
    *alpha = fmax((sy - *beta * sx) / sw, 1e-9);
    for (int iteration = 0; iteration < 50; iteration++) {
        double aa = 0, ab = 0, bb = 0, ra = 0, rb = 0;
        for (size_t i = 0; i < m; i++) {
            double model = *alpha + *beta * b[i];
            double r = log(model / t[i]), ga = 1 / model, gb = b[i] / model;
            aa += ga * ga, ab += ga * gb, bb += gb * gb;
            ra += ga * r, rb += gb * r;
        }
        double d = aa * bb - ab * ab;
        double da = (bb * ra - ab * rb) / d, db = (aa * rb - ab * ra) / d;
        double step = 1;
        while (step > 1e-6 && (*alpha - step * da <= 0
                               || *beta - step * db <= 0))
            step /= 2;
        *alpha -= step * da, *beta -= step * db;
    }
}
#define DIST_AB_FACTOR 4.0
enum { DIST_AB_SERIES = 3 };

static double dist_ab_copy_seconds_per_byte(float *v, size_t n)
{
    float *w = malloc(n * sizeof *w);
    assert_non_null(w);
    double fastest = INFINITY;
    for (int r = 0; r < DIST_AB_REPEATS; r++) {
        struct timespec start;
        timespec_get(&start, TIME_UTC);
        memcpy(w, v, n * sizeof *v);
        fastest = fmin(fastest, dist_ab_since(&start));
        v[r % n] += w[(r * 7) % n];
    }
    free(w);
    return fastest / (double)(n * sizeof *v);
}
static void dist_ab_sleep(double seconds)
{
    struct timespec t = {(time_t)seconds,
                         (long)(1e9 * (seconds - floor(seconds)))};
    while (nanosleep(&t, &t) != 0)
        continue;
}

static int dist_ab_ranks(int size)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int k = 1;
    while (2 * k <= size && (cores < 1 || 2 * k <= cores))
        k *= 2;
    return k;
}
static void claim_dist_alpha_beta(void **state)
{
    descent_error e;
    (void)state;
    if (dist_world == NULL)      /* without MPI: dist_without_mpi skips it */
        return;
    int k = dist_ab_ranks(descent_comm_size(dist_world));
    if (k < 2) {
        claim_skip("dist-alpha-beta", dist_claims[2].statement, "one rank");
        return;
    }
    double b[DIST_AB_SIZES], t[DIST_AB_SIZES], copy, alpha, beta, worst;
    int series = 0;
    do {
        series++;
        size_t largest = (size_t)1 << (6 + 2 * (DIST_AB_SIZES - 1));
        float *v = malloc(largest * sizeof *v), times[DIST_AB_SIZES + 1];
        assert_non_null(v);
        for (size_t i = 0; i < largest; i++)
            v[i] = 1.0f / (float)(1 + i % 7);
        descent_comm *timed = dist_first(k);
        float took = 0;                  /* seconds of the last size, on rank 0 */
        memset(times, 0, sizeof times);
        for (int i = 0; i < DIST_AB_SIZES; i++) {
            size_t n = (size_t)1 << (6 + 2 * i);
            b[i] = 4.0 * (double)n;
            REQUIRE(descent_allreduce_sum(dist_world, &took, 1, DESCENT_REDUCE_MPI,
                                          &e), e);
            if (timed != NULL) {
                struct timespec start;
                timespec_get(&start, TIME_UTC);
                times[i] = (float)dist_ab_quartile(timed, v, n);
                took = descent_comm_rank(timed) == 0 ? (float)dist_ab_since(&start)
                                                     : 0.0f;
            } else {
                dist_ab_sleep(0.005 + 8.0 * took);
                took = 0;
            }
        }
        if (timed != NULL)
            times[DIST_AB_SIZES] = (float)dist_ab_copy_seconds_per_byte(v, largest);
        if (descent_comm_rank(dist_world) != 0)
            memset(times, 0, sizeof times);
        REQUIRE(descent_allreduce_sum(dist_world, times, DIST_AB_SIZES + 1,
                                      DESCENT_REDUCE_MPI, &e), e);
        for (int i = 0; i < DIST_AB_SIZES; i++)
            t[i] = times[i];
        copy = times[DIST_AB_SIZES];
        if (timed != NULL)
            descent_comm_free(timed);
        free(v);
        double fb[DIST_AB_SIZES / 2], ft[DIST_AB_SIZES / 2];
        for (int i = 0; i < DIST_AB_SIZES / 2; i++)
            fb[i] = b[2 * i], ft[i] = t[2 * i];
        dist_ab_fit(fb, ft, DIST_AB_SIZES / 2, &alpha, &beta);
        worst = 1;
        for (int i = 1; i < DIST_AB_SIZES; i += 2) {
            double model = alpha + beta * b[i];
            printf("[ INFO     ] dist-alpha-beta: series %d, %d ranks, %.0f bytes: "
                   "measured %.2f us, predicted %.2f us\n", series, k, b[i],
                   1e6 * t[i], 1e6 * model);
            double ratio = fmax(model / t[i], t[i] / model);
            if (!(ratio <= worst))         /* a NaN, from a failed fit, sticks */
                worst = ratio;
        }
    } while (!(worst <= DIST_AB_FACTOR) && series < DIST_AB_SERIES);
    double ring = 2.0 * (k - 1) / k * b[DIST_AB_SIZES - 1] * copy;
    printf("[ INFO     ] dist-alpha-beta: 4 MB: measured %.0f us, ring's "
           "bandwidth term at memcpy's rate %.0f us (ratio %.2f)\n",
           1e6 * t[DIST_AB_SIZES - 1], 1e6 * ring, t[DIST_AB_SIZES - 1] / ring);
    char measured[512], a[64], g[64], w[64], r[64];
    claim_format(a, sizeof a, 1e6 * alpha);
    claim_format(g, sizeof g, 1e-9 / beta);
    claim_format(w, sizeof w, worst);
    claim_format(r, sizeof r, t[DIST_AB_SIZES - 1] / ring);
    snprintf(measured, sizeof measured, "$k=%d$, series %d: $\\alpha$ = %s "
             "\\textmu s, $1/\\beta$ = %s GB/s, worst factor %s; 4 MB took %s "
             "times the ring's bandwidth term at memcpy's rate", k, series, a,
             g, w, r);
    claim_report("dist-alpha-beta", dist_claims[2].statement, measured,
                 "factor 4", worst <= DIST_AB_FACTOR);
    if (!(worst <= DIST_AB_FACTOR))
        dist_busy_hint("dist-alpha-beta");
    assert_true(worst <= DIST_AB_FACTOR);
}
static void dist_bad_input_summary(void **state)
{
    (void)state;
    if (dist_world != NULL)
        SURVIVES("descent_mpi_finalize", "a second call does nothing",
                 (descent_mpi_finalize(), descent_mpi_finalize()));
    bad_input_table("bad-input-11-table");
}

int main(void)
{
    if (descent_mpi_available()) {
        descent_error e;
        if (descent_comm_world(&dist_world, &e) != DESCENT_OK) {
            fprintf(stderr, "11-distributed: %s\n", e.message);
            return 1;
        }
        if (descent_comm_rank(dist_world) != 0) {
            unsetenv("DESCENT_CLAIMS");
            if (freopen("/dev/null", "w", stdout) == NULL)
                return 1;
        }
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dist_without_mpi),
        cmocka_unit_test(claim_dist_deterministic),
        cmocka_unit_test(claim_dist_equivalent),
        cmocka_unit_test(dist_bad_arguments),
        cmocka_unit_test(dist_bad_ranks),
        cmocka_unit_test(dist_bad_checkpoints),
        cmocka_unit_test(dist_one_rank_fails),
        cmocka_unit_test(claim_dist_overlap),
        cmocka_unit_test(claim_dist_batchnorm),
        cmocka_unit_test(claim_dist_alpha_beta),
        cmocka_unit_test(dist_bad_input_summary),
    };
    int failed = cmocka_run_group_tests(tests, NULL, dist_teardown);
    descent_comm_free(dist_world);
    descent_mpi_finalize();
    return failed != 0;
}
