/* train-mnist.c: train a multilayer perceptron on Fashion-MNIST with the
   training loop of Chapter 7 (with Chapter 9's batch normalization if
   asked), from the command line. Run with --help for
   the options. Prints the progress line on standard error while it runs,
   then the record of every epoch; --tsv FILE writes the record as
   tab-separated columns for gnuplot. With --parallel, under mpirun, it
   trains data-parallel on every process mpirun starts (Chapter 11): the
   batch is the global one, and rank 0 alone prints and writes. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "descent.h"
#include "distributed.h"

typedef struct settings {
    size_t hidden[8], hidden_count, batch, epochs, limit, every, chunk;
    descent_layer_kind activation;
    const char *rule, *schedule, *tsv, *parallel, *checkpoint;
    double eta, momentum, gamma, clip;
    unsigned long long seed;
    bool quiet, batchnorm, fused, sync_bn;
} settings;

static void usage(FILE *out)
{
    fputs("usage: train-mnist [options]\n"
          "  --hidden 256,128      hidden layer sizes (default 128)\n"
          "  --activation relu     relu, tanh or logistic\n"
          "  --batchnorm           normalize every hidden layer before its\n"
          "                        activation (Chapter 9)\n"
          "  --fused               Chapter 10's fused gradient (ReLU\n"
          "                        networks; the same numbers, faster)\n"
          "  --batch 64            minibatch size\n"
          "  --rule momentum       sgd, momentum or nesterov\n"
          "  --eta 0.01            the first step size\n"
          "  --momentum 0.9        beta, for momentum and nesterov\n"
          "  --schedule constant   constant, linear, harmonic, exponential,\n"
          "                        step or plateau\n"
          "  --gamma 0.1           factor of step and plateau (per epoch\n"
          "                        for exponential: default 0.5)\n"
          "  --every 2             epochs between steps (step), epochs of\n"
          "                        patience (plateau)\n"
          "  --clip T              clip the gradient's norm to T\n"
          "  --epochs 5            epochs\n"
          "  --seed 1              seed of the weights and the shuffles\n"
          "  --limit N             use the first N training images only\n"
          "  --tsv FILE            write the record to FILE\n"
          "  --quiet               no progress line\n"
          "  --parallel mpi        train on every process of mpirun (Chapter\n"
          "                        11): mpi, ordered or bucketed reduction;\n"
          "                        --batch is then the global batch\n"
          "  --chunk 32            samples per chunk (--parallel ordered)\n"
          "  --sync-bn             batch statistics over all processes\n"
          "  --checkpoint FILE     start from FILE if it exists; write it\n"
          "                        after training\n"
          "The data are read from $DESCENT_FASHION_MNIST, or else from\n"
          "/usr/share/datasets/fashion-mnist (dataset-fashion-mnist).\n",
          out);
}

static _Noreturn void die(const char *what, const char *message)
{
    fprintf(stderr, "train-mnist: %s: %s\n", what, message);
    exit(EXIT_FAILURE);
}

static size_t count_of(const char *text, const char *option)
{
    char *end;
    unsigned long long n = strtoull(text, &end, 10);
    if (*text == '\0' || *text == '-' || *end != '\0')
        die(option, "not a count");
    return (size_t)n;
}

static double number_of(const char *text, const char *option)
{
    char *end;
    double x = strtod(text, &end);
    if (*text == '\0' || *end != '\0')
        die(option, "not a number");
    return x;
}

static void parse_hidden(settings *s, const char *text)
{
    char copy[256], *save = NULL;
    if (strlen(text) >= sizeof copy)
        die("--hidden", "too long");
    strcpy(copy, text);
    s->hidden_count = 0;
    for (char *t = strtok_r(copy, ",", &save); t != NULL;
         t = strtok_r(NULL, ",", &save)) {
        if (s->hidden_count == 8)
            die("--hidden", "at most 8 hidden layers");
        s->hidden[s->hidden_count++] = count_of(t, "--hidden");
    }
}

static settings parse(int argc, char **argv)
{
    settings s = {.hidden = {128}, .hidden_count = 1, .batch = 64,
                  .epochs = 5, .every = 2,
                  .activation = DESCENT_LAYER_RELU, .rule = "momentum",
                  .schedule = "constant", .eta = 0.01, .momentum = 0.9,
                  .gamma = -1, .seed = 1};
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(o, "--help")) {
            usage(stdout);
            exit(EXIT_SUCCESS);
        } else if (!strcmp(o, "--quiet")) {
            s.quiet = true;
            continue;
        } else if (!strcmp(o, "--batchnorm")) {
            s.batchnorm = true;
            continue;
        } else if (!strcmp(o, "--fused")) {
            s.fused = true;
            continue;
        } else if (!strcmp(o, "--sync-bn")) {
            s.sync_bn = true;
            continue;
        }
        if (v == NULL) {
            usage(stderr);
            die(o, "needs a value");
        }
        i++;
        if (!strcmp(o, "--hidden"))
            parse_hidden(&s, v);
        else if (!strcmp(o, "--activation"))
            s.activation = !strcmp(v, "relu") ? DESCENT_LAYER_RELU
                         : !strcmp(v, "tanh") ? DESCENT_LAYER_TANH
                         : !strcmp(v, "logistic") ? DESCENT_LAYER_LOGISTIC
                         : (die(o, "relu, tanh or logistic"),
                            DESCENT_LAYER_RELU);
        else if (!strcmp(o, "--batch"))
            s.batch = count_of(v, o);
        else if (!strcmp(o, "--rule"))
            s.rule = v;
        else if (!strcmp(o, "--eta"))
            s.eta = number_of(v, o);
        else if (!strcmp(o, "--momentum"))
            s.momentum = number_of(v, o);
        else if (!strcmp(o, "--schedule"))
            s.schedule = v;
        else if (!strcmp(o, "--gamma"))
            s.gamma = number_of(v, o);
        else if (!strcmp(o, "--every"))
            s.every = count_of(v, o);
        else if (!strcmp(o, "--clip"))
            s.clip = number_of(v, o);
        else if (!strcmp(o, "--epochs"))
            s.epochs = count_of(v, o);
        else if (!strcmp(o, "--seed"))
            s.seed = count_of(v, o);
        else if (!strcmp(o, "--limit"))
            s.limit = count_of(v, o);
        else if (!strcmp(o, "--tsv"))
            s.tsv = v;
        else if (!strcmp(o, "--parallel"))
            s.parallel = v;
        else if (!strcmp(o, "--chunk"))
            s.chunk = count_of(v, o);
        else if (!strcmp(o, "--checkpoint"))
            s.checkpoint = v;
        else {
            usage(stderr);
            die(o, "unknown option");
        }
    }
    return s;
}

/* The schedule, counted in steps: steps per epoch times the settings'
   epochs. */
static void make_schedule(descent_schedule *schedule, const settings *s,
                          size_t steps_per_epoch)
{
    descent_error e;
    descent_status status;
    size_t every = s->every * steps_per_epoch;
    const char *k = s->schedule;
    if (!strcmp(k, "constant"))
        status = descent_schedule_init(schedule, DESCENT_SCHEDULE_CONSTANT,
                                       s->eta, 0, 0, &e);
    else if (!strcmp(k, "linear"))
        status = descent_schedule_init(schedule, DESCENT_SCHEDULE_LINEAR,
                                       s->eta, s->eta / 100,
                                       s->epochs * steps_per_epoch, &e);
    else if (!strcmp(k, "harmonic"))
        status = descent_schedule_init(schedule, DESCENT_SCHEDULE_HARMONIC,
                                       s->eta, 0, 0, &e);
    else if (!strcmp(k, "exponential"))
        status = descent_schedule_init(
            schedule, DESCENT_SCHEDULE_EXPONENTIAL, s->eta,
            pow(s->gamma > 0 ? s->gamma : 0.5, 1.0 / (double)steps_per_epoch),
            0, &e);
    else if (!strcmp(k, "step"))
        status = descent_schedule_init(schedule, DESCENT_SCHEDULE_STEP,
                                       s->eta, s->gamma > 0 ? s->gamma : 0.1,
                                       every, &e);
    else if (!strcmp(k, "plateau"))
        status = descent_schedule_init(schedule, DESCENT_SCHEDULE_PLATEAU,
                                       s->eta, s->gamma > 0 ? s->gamma : 0.1,
                                       s->every, &e);
    else
        die("--schedule", "constant, linear, harmonic, exponential, step or "
                          "plateau");
    if (status)
        die("schedule", e.message);
}

static void print_record(FILE *out, const descent_epoch_record *r,
                         size_t epochs)
{
    fprintf(out, "epoch\tsteps\ttrain_loss\ttest_loss\ttest_accuracy\teta\t"
                 "gradient_norm\tseconds\n");
    for (size_t e = 0; e < epochs; e++)
        fprintf(out, "%zu\t%zu\t%.6f\t%.6f\t%.4f\t%.6g\t%.6g\t%.3f\n",
                r[e].epoch, r[e].steps, r[e].train_loss, r[e].test_loss,
                r[e].test_accuracy, r[e].eta, r[e].gradient_norm,
                r[e].seconds);
}

int main(int argc, char **argv)
{
    settings s = parse(argc, argv);
    descent_samples train, test;
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    if (strcmp(s.rule, "sgd") && strcmp(s.rule, "momentum") &&
        strcmp(s.rule, "nesterov"))
        die("--rule", "sgd, momentum or nesterov");
    if (descent_fashion_mnist_load(&train, true, s.limit, &e) ||
        descent_fashion_mnist_load(&test, false, 0, &e))
        die("data", e.message);
    descent_layer_spec spec[3 * 8 + 2];
    size_t count = 0;
    for (size_t h = 0; h < s.hidden_count; h++) {
        spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, s.hidden[h]};
        if (s.batchnorm)
            spec[count++] = (descent_layer_spec){DESCENT_LAYER_BATCHNORM, 0};
        spec[count++] = (descent_layer_spec){s.activation, 0};
    }
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, train.classes};
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY,
                                         0};
    if (descent_model_init(&model, train.inputs, count, spec,
                           s.batch ? s.batch : 1, &e))
        die("model", e.message);
    descent_random_seed(&r, s.seed);
    if (descent_model_init_weights(&model, &r, &e) ||
        descent_sgd_init(&opt, model.parameters,
                         strcmp(s.rule, "sgd") ? s.momentum : 0,
                         !strcmp(s.rule, "nesterov"), &e))
        die("setup", e.message);
    if (s.fused && descent_fused_check(&model, &e))
        die("--fused", e.message);
    descent_comm *comm = NULL;
    descent_parallel_options parallel = {.chunk = s.chunk,
        .bn = s.sync_bn ? DESCENT_BN_SYNC : DESCENT_BN_LOCAL};
    if (s.parallel != NULL) {
        if (!strcmp(s.parallel, "mpi"))
            parallel.reduce = DESCENT_REDUCE_MPI;
        else if (!strcmp(s.parallel, "ordered"))
            parallel.reduce = DESCENT_REDUCE_ORDERED;
        else if (!strcmp(s.parallel, "bucketed"))
            parallel.reduce = DESCENT_REDUCE_BUCKETED;
        else
            die("--parallel", "mpi, ordered or bucketed");
        if (descent_comm_world(&comm, &e))
            die("--parallel", e.message);
    }
    bool speaks = descent_comm_rank(comm) == 0;
    if (s.checkpoint != NULL) {
        FILE *exists = fopen(s.checkpoint, "rb");
        if (exists != NULL) {
            fclose(exists);
            if (descent_checkpoint_read(comm, &model, &opt, s.checkpoint, &e))
                die("--checkpoint", e.message);
        }
    }
    size_t batch = s.batch ? s.batch : 1;
    make_schedule(&schedule, &s, comm != NULL
                                     ? (train.count >= batch
                                            ? train.count / batch : 1)
                                     : (train.count + batch - 1) / batch);
    descent_epoch_record *records = calloc(s.epochs ? s.epochs : 1,
                                           sizeof *records);
    if (records == NULL)
        die("records", "out of memory");
    const descent_train_options options = {
        .epochs = s.epochs, .batch = s.batch, .seed = s.seed + 1,
        .optimizer = &opt, .schedule = &schedule,
        .clip = s.clip > 0 ? DESCENT_CLIP_NORM : DESCENT_CLIP_NONE,
        .clip_threshold = s.clip, .test = &test, .quiet = s.quiet,
        .gradient = s.fused ? descent_fused_gradient : NULL};
    if (speaks)
        fprintf(stderr, "train-mnist: %zu parameters, %zu training and %zu "
                        "test images%s\n", model.parameters, train.count,
                test.count, comm == NULL ? "" : ", on several processes");
    descent_status status =
        comm == NULL ? descent_train(&model, &train, &options, records, &e)
                     : descent_train_parallel(comm, &model, &train, &options,
                                              &parallel, records, &e);
    if (status && speaks)
        fprintf(stderr, "train-mnist: %s\n", e.message);
    if (!status && s.checkpoint != NULL &&
        descent_checkpoint_write(comm, &model, &opt, s.checkpoint, &e))
        die("--checkpoint", e.message);
    descent_comm_free(comm);
    descent_mpi_finalize();
    if (!speaks)
        s.tsv = NULL;
    if (speaks)
    print_record(stdout, records, s.epochs);
    if (s.tsv != NULL) {
        FILE *out = fopen(s.tsv, "w");
        if (out == NULL)
            die(s.tsv, "cannot open");
        print_record(out, records, s.epochs);
        if (fclose(out) != 0)
            die(s.tsv, "cannot write");
    }
    free(records);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    descent_samples_free(&train);
    descent_samples_free(&test);
    return status ? EXIT_FAILURE : EXIT_SUCCESS;
}
