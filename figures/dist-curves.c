/* dist-curves.c: data for Figure "dist-curves" of Chapter 11
   (fig:dist-curves). Trains Chapter 7's network (784-256-256-10, dense
   and ReLU, softmax cross-entropy) by plain SGD on the first TRAIN
   Fashion-MNIST training images for EPOCHS epochs, shuffles and weights
   from seed 1, and evaluates it on the first TEST test images after
   every epoch, in several ways:
     one-256   one rank, batch 256, step ETA (descent_train);
     one-64    one rank, batch 64, step ETA (descent_train);
     k2-256    2 ranks, global batch 256 (128 a rank), step ETA;
     k4-256    4 ranks, global batch 256 (64 a rank), step ETA;
     k2-128    2 ranks, 64 a rank (global 128), step ETA: the batch a
               rank kept and the step not scaled;
     k4-scaled 4 ranks, 64 a rank (global 256), step 4 ETA reached by a
               linear warm-up over the first epoch (the step raised after
               every step by the loop's callback): the linear scaling
               rule;
   the parallel runs with descent_train_parallel and the MPI reduction.
   Each run writes OUTDIR/dist-curves-NAME.dat: epoch, training loss
   (the epoch's mean), test loss, test accuracy; epoch 0 is the untrained
   network. The parallel runs need four ranks: started plainly in a
   build with MPI, the program starts itself again under
   "mpirun --allow-run-as-root --oversubscribe -np 4"; ranks 0 and 1 run
   the two one-rank trainings side by side, then all four run k4-256 and
   k4-scaled, then ranks 0-1 run k2-256 while ranks 2-3 run k2-128. In a
   build without MPI (or without mpirun) it writes the one-rank runs
   only, and the figure says that the others were not drawn. OpenBLAS
   runs on one thread. */
#define _POSIX_C_SOURCE 200809L
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "descent.h"
#include "distributed.h"
#include "figure.h"

enum { EPOCHS = 12, TRAIN = 4096, TEST = 2000, WIDTH = 256, SEED = 1,
       RANKS = 4 };
static const double ETA = 0.05;

typedef struct curve_run {
    const char *name;
    size_t batch;          /* global */
    double eta;            /* the step, after the warm-up if any */
    bool warm_up;          /* linear from ETA over the first epoch */
} curve_run;

static void make_model(descent_model *model, size_t batch)
{
    const descent_layer_spec spec[] = {
        {DESCENT_LAYER_DENSE, WIDTH}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, WIDTH}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 10}, {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_random r;
    descent_error err;
    figure_check(descent_model_init(model, 784, sizeof spec / sizeof spec[0],
                                    spec, batch, &err), "model", err.message);
    descent_random_seed(&r, SEED);
    figure_check(descent_model_init_weights(model, &r, &err), "weights",
                 err.message);
}

/* The warm-up: Chapter 7's linear schedule only decays, so the constant
   schedule's step is raised after every step, from ETA at the first step
   to target at step `steps` and after. */
typedef struct warm_up {
    descent_schedule *schedule;
    double target;
    size_t steps, calls;
} warm_up;

static void warm(size_t step, double loss, void *context)
{
    warm_up *w = context;
    double f = fmin(1.0, (double)(step + 1) / (double)w->steps);
    (void)loss;
    w->schedule->eta0 = ETA + f * (w->target - ETA);
    w->calls++;
}

/* Train as run says, on comm (NULL: descent_train in this process), and
   write the curve if write. */
static void train(const curve_run *run, descent_comm *comm,
                  const descent_samples *data, const descent_samples *test,
                  const char *folder, bool write)
{
    descent_model model;
    descent_optimizer sgd;
    descent_schedule schedule;
    descent_epoch_record record[EPOCHS];
    descent_error err;
    double loss0, accuracy0;
    make_model(&model, run->batch);
    figure_check(descent_model_evaluate(&model, test, &loss0, &accuracy0,
                                        &err), "evaluate", err.message);
    figure_check(descent_sgd_init(&sgd, model.parameters, 0, false, &err),
                 "SGD", err.message);
    figure_check(descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT,
                                       run->warm_up ? ETA : run->eta, 0, 0,
                                       &err), "schedule", err.message);
    warm_up w = {&schedule, run->warm_up ? run->eta : 0,
                 TRAIN / run->batch, 0};
    const descent_train_options options = {
        .epochs = EPOCHS, .batch = run->batch, .seed = SEED,
        .optimizer = &sgd, .schedule = &schedule, .test = test,
        .quiet = true, .callback = run->warm_up ? warm : NULL,
        .context = &w};
    const descent_parallel_options parallel = {
        .reduce = DESCENT_REDUCE_MPI, .chunk = 0, .bn = DESCENT_BN_LOCAL};
    if (comm == NULL)
        figure_check(descent_train(&model, data, &options, record, &err),
                     run->name, err.message);
    else
        figure_check(descent_train_parallel(comm, &model, data, &options,
                                            &parallel, record, &err),
                     run->name, err.message);
    if (run->warm_up && w.calls == 0) {
        fprintf(stderr, "%s: %s: the training loop never called back, so "
                        "the step was not warmed up\n", figure_name,
                run->name);
        exit(EXIT_FAILURE);
    }
    if (write) {
        char file[64];
        snprintf(file, sizeof file, "dist-curves-%s.dat", run->name);
        FILE *out = figure_open(folder, file);
        fprintf(out, "# %s: epoch, training loss (mean of the epoch), "
                     "test loss, test accuracy\n0 NaN %.6f %.4f\n",
                run->name, loss0, accuracy0);
        for (int e = 0; e < EPOCHS; e++)
            fprintf(out, "%zu %.6f %.6f %.4f\n", record[e].epoch,
                    record[e].train_loss, record[e].test_loss,
                    record[e].test_accuracy);
        figure_close(out, file);
    }
    descent_optimizer_free(&sgd);
    descent_model_free(&model);
}

static const curve_run ONE_256 = {"one-256", 256, 0.05, false},
                       ONE_64 = {"one-64", 64, 0.05, false},
                       K2_256 = {"k2-256", 256, 0.05, false},
                       K4_256 = {"k4-256", 256, 0.05, false},
                       K2_128 = {"k2-128", 128, 0.05, false},
                       K4_SCALED = {"k4-scaled", 256, 0.2, true};

/* Under mpirun with four ranks: every run, as the comment at the top
   says. */
static void parallel_runs(descent_comm *world, const descent_samples *data,
                          const descent_samples *test, const char *folder)
{
    descent_comm *half;
    descent_error err;
    int rank = descent_comm_rank(world);
    if (rank == 0)
        train(&ONE_256, NULL, data, test, folder, true);
    else if (rank == 1)
        train(&ONE_64, NULL, data, test, folder, true);
    train(&K4_256, world, data, test, folder, rank == 0);
    train(&K4_SCALED, world, data, test, folder, rank == 0);
    figure_check(descent_comm_split(world, rank / 2, &half, &err), "split",
                 err.message);
    train(rank < 2 ? &K2_256 : &K2_128, half, data, test, folder,
          descent_comm_rank(half) == 0);
    descent_comm_free(half);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const char *worker = getenv("DESCENT_DIST_CURVES_WORKER");
    if ((worker == NULL || *worker == '\0') && descent_mpi_available()
        && system("command -v mpirun >/dev/null 2>&1") == 0) {
        char command[8192];
        snprintf(command, sizeof command,
                 "DESCENT_DIST_CURVES_WORKER=1 OPENBLAS_NUM_THREADS=1 "
                 "mpirun --allow-run-as-root --oversubscribe -np %d "
                 "'%s' '%s'", RANKS, argv[0], folder);
        int status = system(command);
        if (status != 0) {
            fprintf(stderr, "%s: %s: exit status %d\n", figure_name, command,
                    status);
            return EXIT_FAILURE;
        }
        return EXIT_SUCCESS;
    }
    descent_samples data, test;
    descent_error err;
    descent_comm *world = NULL;
    openblas_set_num_threads(1);
    figure_check(descent_fashion_mnist_load(&data, true, TRAIN, &err),
                 "training set", err.message);
    figure_check(descent_fashion_mnist_load(&test, false, TEST, &err),
                 "test set", err.message);
    if (descent_mpi_available())
        figure_check(descent_comm_world(&world, &err), "world", err.message);
    if (world != NULL && descent_comm_size(world) == RANKS)
        parallel_runs(world, &data, &test, folder);
    else if (world == NULL || descent_comm_rank(world) == 0) {
        train(&ONE_256, NULL, &data, &test, folder, true);
        train(&ONE_64, NULL, &data, &test, folder, true);
    }
    if (world != NULL) {
        descent_comm_free(world);
        descent_mpi_finalize();
    }
    descent_samples_free(&data);
    descent_samples_free(&test);
    return EXIT_SUCCESS;
}
