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
        
        
        cmocka_unit_test(dist_bad_input_summary),
    };
    int failed = cmocka_run_group_tests(tests, NULL, dist_teardown);
    descent_comm_free(dist_world);
    descent_mpi_finalize();
    return failed != 0;
}
