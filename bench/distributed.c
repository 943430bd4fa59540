/* distributed.c: what data-parallel training costs on this machine, and
 * what the alpha-beta model of the all-reduce predicts for real networks
 * (Chapter 11).
 *
 * Run plainly (make bench), it starts itself again under
 * "mpirun --allow-run-as-root --oversubscribe -np 2 PROGRAM worker"; the
 * two workers do the measuring and rank 0 writes the report. In a build
 * without MPI, or where mpirun is not found, it says so and writes
 * nothing, leaving the committed results as they are.
 *
 * The all-reduce: descent_allreduce_sum, MPI kind (MPI_Allreduce), of n
 * floats for n = 2^4, 2^6, ..., 2^20 on the two ranks: after a barrier,
 * REPEATS calls timed one by one on rank 0, the median taken. The model
 * T(n) = alpha + beta * 4n is fitted to all sizes by least squares on
 * the relative error (weights 1 / T^2), so that the small messages count
 * as much as the large ones.
 *
 * Training: the network of Chapter 7 (784-256-256-10, dense and ReLU,
 * softmax cross-entropy), plain SGD with step 0.05, global batch 256, on
 * the first TRAIN_COUNT Fashion-MNIST training images, EPOCHS epochs,
 * descent_train_parallel with the MPI reduction, on one rank (a
 * communicator of rank 0 alone) and on two. The time of a step is split
 * into communication (the median all-reduce of the step's gradient, all
 * the parameters, timed apart) and computation (the rest).
 *
 * The model of a step on k ranks with b samples per rank: computation
 * b * t (t, the measured seconds per sample of the one-rank run) and the
 * ring all-reduce of the gradient, 2(k-1) alpha + 2(k-1)/k * 4n beta, one
 * after the other; samples per second k b / (b t + T_ring). Networks:
 * 10 Gb/s Ethernet, alpha = 50 us, beta = 8 / 10^10 s/byte; 100 Gb/s
 * InfiniBand, alpha = 5 us, beta = 8 / 10^11 s/byte; and this machine's
 * fitted alpha and beta.
 *
 * Writes, in BENCH_RESULTS (default bench/results): distributed.txt (the
 * report), distributed.tex (macros and the prediction table),
 * distributed-alphabeta.dat (bytes, measured median seconds, the model's
 * seconds) and distributed-scaling.dat (k, predicted speedup over one
 * rank at b = 256 per rank on 10 Gb/s, 100 Gb/s and this machine).
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cblas.h>

#include "descent.h"
#include "distributed.h"

#define BENCH_NAME "distributed"
#include "report.h"

char *openblas_get_corename(void);

enum { TRAIN_COUNT = 16384, EPOCHS = 3, BATCH = 256, WIDTH = 256,
       SEED = 1, REPEATS = 41, SIZES = 9, RANKS = 2 };

static const double ETHERNET_ALPHA = 50e-6, ETHERNET_BETA = 8.0 / 10e9;
static const double INFINIBAND_ALPHA = 5e-6, INFINIBAND_BETA = 8.0 / 100e9;
static const int PREDICT_K[] = {2, 4, 8, 16, 64};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void check(descent_status status, const char *what,
                  const descent_error *error)
{
    if (status != DESCENT_OK)
        die("%s: %s: %s", what, descent_status_name(status), error->message);
}

/* The median time of REPEATS all-reduces of n floats, each started after
   a barrier (an all-reduce of one float), as rank 0 sees it. */
static double time_allreduce(descent_comm *comm, float *v, size_t n)
{
    double t[REPEATS];
    descent_error error;
    float one = 0;
    for (int r = -2; r < REPEATS; r++) {
        check(descent_allreduce_sum(comm, &one, 1, DESCENT_REDUCE_MPI,
                                    &error), "barrier", &error);
        double start = now();
        check(descent_allreduce_sum(comm, v, n, DESCENT_REDUCE_MPI, &error),
              "all-reduce", &error);
        if (r >= 0)
            t[r] = now() - start;
        for (size_t i = 0; i < n; i++)
            v[i] = 1.0f;
    }
    return median(t, REPEATS);
}

/* Least squares for T = alpha + beta x with weights 1 / T^2. */
static void fit(const double *x, const double *y, size_t m, double *alpha,
                double *beta)
{
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < m; i++) {
        double w = 1.0 / (y[i] * y[i]);
        sw += w;
        sx += w * x[i];
        sy += w * y[i];
        sxx += w * x[i] * x[i];
        sxy += w * x[i] * y[i];
    }
    double d = sw * sxx - sx * sx;
    *beta = (sw * sxy - sx * sy) / d;
    *alpha = (sy - *beta * sx) / sw;
}

static double ring(int k, double bytes, double alpha, double beta)
{
    return k == 1 ? 0.0 : 2.0 * (k - 1) * alpha
                          + 2.0 * (k - 1) / k * bytes * beta;
}

static void make_model(descent_model *model)
{
    const descent_layer_spec spec[] = {
        {DESCENT_LAYER_DENSE, WIDTH}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, WIDTH}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_random r;
    descent_error error;
    check(descent_model_init(model, 784, sizeof spec / sizeof spec[0], spec,
                             BATCH, &error), "model", &error);
    descent_random_seed(&r, SEED);
    check(descent_model_init_weights(model, &r, &error), "weights", &error);
}

/* Seconds of EPOCHS epochs of descent_train_parallel on comm. */
static double train_seconds(descent_comm *comm, const descent_samples *data,
                            size_t *steps)
{
    descent_model model;
    descent_optimizer sgd;
    descent_schedule schedule;
    descent_error error;
    descent_epoch_record record[EPOCHS];
    make_model(&model);
    check(descent_sgd_init(&sgd, model.parameters, 0, false, &error), "SGD",
          &error);
    check(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, 0.05, 0,
                                0, &error), "schedule", &error);
    const descent_train_options options = {
        .epochs = EPOCHS, .batch = BATCH, .seed = SEED, .optimizer = &sgd,
        .schedule = &schedule, .quiet = true};
    const descent_parallel_options parallel = {
        .reduce = DESCENT_REDUCE_MPI, .chunk = 0, .bn = DESCENT_BN_LOCAL};
    float one = 0;
    check(descent_allreduce_sum(comm, &one, 1, DESCENT_REDUCE_MPI, &error),
          "barrier", &error);
    double start = now();
    check(descent_train_parallel(comm, &model, data, &options, &parallel,
                                 record, &error), "train", &error);
    double seconds = now() - start;
    *steps = record[EPOCHS - 1].steps;
    descent_optimizer_free(&sgd);
    descent_model_free(&model);
    return seconds;
}

typedef struct run {
    int k;
    double step, comm, rate;       /* seconds a step, of it communication;
                                      samples per second */
} run;

static void measure_run(descent_comm *comm, const descent_samples *data,
                        size_t parameters, run *out)
{
    size_t steps;
    float *g = malloc(parameters * sizeof *g);
    if (g == NULL)
        die("out of memory");
    for (size_t i = 0; i < parameters; i++)
        g[i] = 1.0f;
    out->k = descent_comm_size(comm);
    double seconds = train_seconds(comm, data, &steps);
    out->step = seconds / (double)steps;
    out->comm = out->k > 1 ? time_allreduce(comm, g, parameters) : 0.0;
    out->rate = (double)(steps * BATCH) / seconds;
    free(g);
}

typedef struct sweep {
    double bytes[SIZES], seconds[SIZES];
    double alpha, beta, worst;     /* the fit; worst ratio model/measured */
} sweep;

static void measure_sweep(descent_comm *comm, sweep *s)
{
    size_t largest = (size_t)1 << (4 + 2 * (SIZES - 1));
    float *v = malloc(largest * sizeof *v);
    if (v == NULL)
        die("out of memory");
    for (size_t i = 0; i < largest; i++)
        v[i] = 1.0f;
    for (int i = 0; i < SIZES; i++) {
        size_t n = (size_t)1 << (4 + 2 * i);
        s->bytes[i] = 4.0 * (double)n;
        s->seconds[i] = time_allreduce(comm, v, n);
    }
    free(v);
    fit(s->bytes, s->seconds, SIZES, &s->alpha, &s->beta);
    s->worst = 1;
    for (int i = 0; i < SIZES; i++) {
        double model = s->alpha + s->beta * s->bytes[i];
        double ratio = fmax(model / s->seconds[i], s->seconds[i] / model);
        s->worst = fmax(s->worst, ratio);
    }
}

/* Predicted samples per second on k ranks, b samples a rank. */
static double predicted(int k, double b, double per_sample, double bytes,
                        double alpha, double beta)
{
    return k * b / (b * per_sample + ring(k, bytes, alpha, beta));
}

static void macro(FILE *tex, const char *name, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static void macro(FILE *tex, const char *name, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(tex, "\\gdef\\dist%s{", name);
    vfprintf(tex, format, args);
    fprintf(tex, "}\n");
    va_end(args);
}

static void write_results(const sweep *s, const run *one, const run *two,
                          size_t parameters)
{
    const char *directory = results_directory();
    double bytes = 4.0 * (double)parameters;
    double per_sample = (one->step - one->comm) / BATCH;
    char date[64];
    time_t t = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&t));
    report_file = open_result(directory, "distributed.txt");
    say("distributed: data-parallel SGD with MPI (Chapter 11), %s\n", date);
    say("OpenBLAS core: %s, 1 thread; %d ranks by mpirun on one machine\n",
        openblas_get_corename(), RANKS);
    say("\nall-reduce (MPI_Allreduce, sum of floats), median of %d:\n",
        REPEATS);
    say("%12s %14s %14s %8s\n", "bytes", "measured (us)", "model (us)",
        "ratio");
    FILE *dat = open_result(directory, "distributed-alphabeta.dat");
    fprintf(dat, "# bytes, measured median seconds, model seconds; "
                 "alpha %.6e beta %.6e\n", s->alpha, s->beta);
    for (int i = 0; i < SIZES; i++) {
        double model = s->alpha + s->beta * s->bytes[i];
        say("%12.0f %14.2f %14.2f %8.2f\n", s->bytes[i], 1e6 * s->seconds[i],
            1e6 * model, model / s->seconds[i]);
        fprintf(dat, "%.0f %.6e %.6e\n", s->bytes[i], s->seconds[i], model);
    }
    fclose(dat);
    say("fit T = alpha + beta * bytes (relative least squares): alpha %.2f us,"
        " beta %.3f ns/byte (%.2f GB/s); worst ratio %.2f\n", 1e6 * s->alpha,
        1e9 * s->beta, 1e-9 / s->beta, s->worst);
    say("ring model on 2 ranks: 2 alpha' + bytes beta'; so the link's "
        "alpha' = %.2f us, beta' = %.3f ns/byte\n", 0.5e6 * s->alpha,
        1e9 * s->beta);
    say("\ntraining 784-256-256-10, SGD, global batch %d, %d samples, "
        "%d epochs (%zu parameters, %.2f MB of gradient):\n", BATCH,
        TRAIN_COUNT, EPOCHS, parameters, bytes / 1e6);
    say("%4s %12s %12s %12s %12s\n", "k", "step (ms)", "compute (ms)",
        "comm (ms)", "samples/s");
    const run *runs[2] = {one, two};
    for (int i = 0; i < 2; i++)
        say("%4d %12.2f %12.2f %12.2f %12.0f\n", runs[i]->k,
            1e3 * runs[i]->step, 1e3 * (runs[i]->step - runs[i]->comm),
            1e3 * runs[i]->comm, runs[i]->rate);
    say("\npredicted, b = %d samples a rank, %.1f us of computation a sample"
        ":\n", BATCH, 1e6 * per_sample);
    say("%4s %16s %16s %16s\n", "k", "10 Gb/s", "100 Gb/s", "this machine");

    FILE *tex = open_result(directory, "distributed.tex");
    fprintf(tex, "%% distributed.tex: written by bench/distributed.c "
                 "(make bench); do not edit.\n%% Needs booktabs.\n");
    macro(tex, "Date", "%s", date);
    fprintf(tex, "\\gdef\\distCore{");
    tex_escape(tex, openblas_get_corename());
    fprintf(tex, "}\n");
    macro(tex, "Ranks", "%d", RANKS);
    macro(tex, "Repeats", "%d", REPEATS);
    macro(tex, "Alpha", "%.1f", 1e6 * s->alpha);
    macro(tex, "Beta", "%.3f", 1e9 * s->beta);
    macro(tex, "Bandwidth", "%.1f", 1e-9 / s->beta);
    macro(tex, "Worst", "%.2f", s->worst);
    macro(tex, "Parameters", "%zu", parameters);
    macro(tex, "GradientMB", "%.2f", bytes / 1e6);
    macro(tex, "Batch", "%d", BATCH);
    macro(tex, "TrainCount", "%d", TRAIN_COUNT);
    macro(tex, "OneStep", "%.1f", 1e3 * one->step);
    macro(tex, "OneRate", "%.0f", one->rate);
    macro(tex, "TwoStep", "%.1f", 1e3 * two->step);
    macro(tex, "TwoComm", "%.2f", 1e3 * two->comm);
    macro(tex, "TwoCompute", "%.1f", 1e3 * (two->step - two->comm));
    macro(tex, "TwoRate", "%.0f", two->rate);
    macro(tex, "TwoSpeedup", "%.2f", two->rate / one->rate);
    macro(tex, "PerSample", "%.1f", 1e6 * per_sample);
    double ring_ethernet = ring(64, bytes, ETHERNET_ALPHA, ETHERNET_BETA);
    macro(tex, "RingEthernet", "%.2f", 1e3 * ring_ethernet);
    macro(tex, "RingInfiniband", "%.2f",
          1e3 * ring(64, bytes, INFINIBAND_ALPHA, INFINIBAND_BETA));
    macro(tex, "ComputeStep", "%.1f", 1e3 * BATCH * per_sample);
    /* the batch a rank at which computation equals the 10 Gb/s ring's
       time on 64 ranks: beyond it, adding ranks pays */
    macro(tex, "EvenBatch", "%.0f", ring_ethernet / per_sample);
    fprintf(tex, "\\gdef\\distTable{%%\n\\begin{tabular}{@{}rrrr@{}}"
                 "\\toprule\n$k$ & 10 Gb/s & 100 Gb/s & this machine\\\\\n"
                 "\\midrule\n");
    for (size_t i = 0; i < sizeof PREDICT_K / sizeof PREDICT_K[0]; i++) {
        int k = PREDICT_K[i];
        double e = predicted(k, BATCH, per_sample, bytes, ETHERNET_ALPHA,
                             ETHERNET_BETA);
        double f = predicted(k, BATCH, per_sample, bytes, INFINIBAND_ALPHA,
                             INFINIBAND_BETA);
        double m = predicted(k, BATCH, per_sample, bytes, 0.5 * s->alpha,
                             s->beta);
        say("%4d %16.0f %16.0f %16.0f\n", k, e, f, m);
        fprintf(tex, "%d & %.0f & %.0f & %.0f\\\\\n", k, e, f, m);
    }
    fprintf(tex, "\\bottomrule\n\\end{tabular}}\n");
    fclose(tex);

    dat = open_result(directory, "distributed-scaling.dat");
    fprintf(dat, "# k, predicted speedup over one rank at b = %d a rank: "
                 "10 Gb/s, 100 Gb/s, this machine\n", BATCH);
    double base = 1.0 / per_sample;
    for (int k = 1; k <= 64; k *= 2)
        fprintf(dat, "%d %.4f %.4f %.4f\n", k,
                predicted(k, BATCH, per_sample, bytes, ETHERNET_ALPHA,
                          ETHERNET_BETA) / base,
                predicted(k, BATCH, per_sample, bytes, INFINIBAND_ALPHA,
                          INFINIBAND_BETA) / base,
                predicted(k, BATCH, per_sample, bytes, 0.5 * s->alpha,
                          s->beta) / base);
    fclose(dat);
    fclose(report_file);
    report_file = NULL;
}

static int worker(void)
{
    descent_comm *world, *alone;
    descent_samples data;
    descent_error error;
    sweep s;
    run one = {1, 0, 0, 0}, two;
    openblas_set_num_threads(1);
    check(descent_comm_world(&world, &error), "world", &error);
    if (descent_comm_size(world) != RANKS)
        die("expected %d ranks, found %d", RANKS, descent_comm_size(world));
    check(descent_fashion_mnist_load(&data, true, TRAIN_COUNT, &error),
          "training set", &error);
    measure_sweep(world, &s);
    int rank = descent_comm_rank(world);
    check(descent_comm_split(world, rank == 0 ? 0 : -1, &alone, &error),
          "split", &error);
    descent_model probe;
    make_model(&probe);
    size_t parameters = probe.parameters;
    descent_model_free(&probe);
    if (alone != NULL)
        measure_run(alone, &data, parameters, &one);
    measure_run(world, &data, parameters, &two);
    if (rank == 0)
        write_results(&s, &one, &two, parameters);
    if (alone != NULL)
        descent_comm_free(alone);
    descent_comm_free(world);
    descent_samples_free(&data);
    descent_mpi_finalize();
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "worker") == 0)
        return worker();
    if (!descent_mpi_available()) {
        printf("distributed: this library was built without MPI; "
               "nothing measured, bench/results/distributed.* kept\n");
        return EXIT_SUCCESS;
    }
    if (system("command -v mpirun >/dev/null 2>&1") != 0) {
        printf("distributed: no mpirun on the PATH; nothing measured\n");
        return EXIT_SUCCESS;
    }
    char command[4096];
    snprintf(command, sizeof command,
             "OPENBLAS_NUM_THREADS=1 mpirun --allow-run-as-root "
             "--oversubscribe -np %d '%s' worker", RANKS, argv[0]);
    int status = system(command);
    if (status != 0)
        die("%s: exit status %d", command, status);
    return EXIT_SUCCESS;
}
