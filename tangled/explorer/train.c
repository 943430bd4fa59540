/* train.c: generated from chapters/13-explorer.nw; do not edit.
   descent train: Chapter 7's training loop from the command line. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explorer.h"

int explorer_train(int argc, char **argv);
void explorer_train_usage(FILE *out);
enum { MAX_HIDDEN = 8 };

typedef struct pending_parameter {
    const char *name, *text;
} pending_parameter;

typedef struct train_settings {
    size_t hidden[MAX_HIDDEN], hidden_count, batch, epochs, limit, chunk;
    descent_layer_kind activation;
    const char *rule_name, *schedule_name;
    const descent_component *rule, *schedule;
    double rule_value[DESCENT_MAX_PARAMETERS];
    double schedule_value[DESCENT_MAX_PARAMETERS];
    pending_parameter *pending;
    size_t pending_count;
    const char *trace, *checkpoint, *data;
    descent_init init;
    bool gain_given, scale_given;
    bool parallel;
    descent_reduce_kind reduce;
    double eta, clip;
    unsigned long long seed;
    bool quiet, batchnorm, fused, sync_bn;
} train_settings;
static void component_usage(FILE *out, descent_component_kind kind)
{
    const descent_component *c;
    double value[DESCENT_MAX_PARAMETERS];
    for (size_t i = 0; (c = descent_component_at(kind, i)) != NULL; i++) {
        fprintf(out, "    %-15s %s\n", c->name, c->summary);
        if (c->parameters > 0)
            c->defaults(value);
        for (size_t j = 0; j < c->parameters; j++) {
            const descent_parameter *p = &c->parameter[j];
            fprintf(out, "      --%-20s %s (default ", p->name,
                    p->description);
            if (p->kind == DESCENT_PARAMETER_SWITCH)
                fprintf(out, "%s)\n", value[j] != 0 ? "yes" : "no");
            else
                fprintf(out, "%g)\n", value[j]);
        }
    }
}
void explorer_train_usage(FILE *out)
{
    fputs("usage: descent train [options]\n"
          "  --hidden 128          hidden layer sizes, as 256,128\n"
          "  --activation relu     relu, tanh or logistic\n"
          "  --batchnorm           normalize every hidden layer (Chapter 9)\n"
          "  --fused               Chapter 10's fused gradient (ReLU only)\n"
          "  --batch 64            minibatch size\n"
          "  --rule momentum       the update rule (below)\n"
          "  --eta 0.01            the first step size\n"
          "  --schedule constant   the step sizes' schedule (below)\n"
          "  --clip T              clip the gradient's norm to T\n"
          "  --epochs 5            epochs\n"
          "  --seed 1              seed of the weights and the shuffles\n"
          "  --init he-normal      the weights' initializer: he-normal,\n"
          "                        he-uniform, glorot-normal,\n"
          "                        glorot-uniform, pytorch, normal,\n"
          "                        uniform, constant or zeros\n"
          "  --gain G              he-* and glorot-*: the gain (default:\n"
          "                        that of the activation after the layer)\n"
          "  --scale S             normal: sigma; uniform: the half-width;\n"
          "                        constant: the value (required for\n"
          "                        these three, taken by no other)\n"
          "  --limit N             use the first N training images only\n"
          "  --trace FILE          write the record of the epochs to FILE\n"
          "  --quiet               no progress line\n"
          "  --parallel mpi        train on every process of mpirun\n"
          "                        (Chapter 11): mpi, ordered or bucketed\n"
          "                        reduction; --batch is the global batch\n"
          "  --chunk 32            samples per chunk (--parallel ordered)\n"
          "  --sync-bn             batch statistics over all processes\n"
          "  --checkpoint FILE     start from FILE if it exists; write it\n"
          "                        after training\n"
          "  --data DIR            the Fashion-MNIST folder (else\n"
          "                        $DESCENT_FASHION_MNIST or\n"
          "                        /usr/share/datasets/fashion-mnist)\n"
          "rules (--rule) and their options:\n", out);
    component_usage(out, DESCENT_COMPONENT_RULE);
    fputs("schedules (--schedule) and their options, counted in epochs:\n",
          out);
    component_usage(out, DESCENT_COMPONENT_SCHEDULE);
    fputs("exit status: 0 trained, 1 training failed, 2 bad usage\n", out);
}
enum { TRAIN_GO_ON = -1, TRAIN_DONE = 0, TRAIN_FAILED = 1, TRAIN_USAGE = 2 };

static int refuse(const char *format, ...)
{
    va_list list;
    va_start(list, format);
    fputs("descent train: ", stderr);
    vfprintf(stderr, format, list);
    fputs(" (descent train --help lists the options)\n", stderr);
    va_end(list);
    return TRAIN_USAGE;
}
static bool count_of(const char *text, unsigned long long *n)
{
    char *end;
    errno = 0;
    *n = strtoull(text, &end, 10);
    return text[0] >= '0' && text[0] <= '9' && *end == '\0' && errno == 0;
}

static bool size_of(const char *text, size_t *n)
{
    unsigned long long x;
    if (!count_of(text, &x) || x > SIZE_MAX)
        return false;
    *n = (size_t)x;
    return true;
}

static bool number_of(const char *text, double *x)
{
    char *end;
    *x = strtod(text, &end);
    return text[0] != '\0' && *end == '\0' && isfinite(*x);
}
static int hidden_of(train_settings *s, const char *text)
{
    const char *at = text;
    s->hidden_count = 0;
    while (true) {
        char piece[32];
        size_t length = strcspn(at, ",");
        if (s->hidden_count == MAX_HIDDEN)
            return refuse("--hidden %s: at most %d hidden layers", text,
                          (int)MAX_HIDDEN);
        if (length == 0 || length >= sizeof piece)
            return refuse("--hidden %s: not a list of sizes", text);
        memcpy(piece, at, length);
        piece[length] = '\0';
        size_t *n = &s->hidden[s->hidden_count++];
        if (!size_of(piece, n) || *n == 0)
            return refuse("--hidden %s: %s is not a size of at least 1",
                          text, piece);
        if (at[length] == '\0')
            return TRAIN_GO_ON;
        at += length + 1;
    }
}
static const struct init_name {
    const char *name;
    descent_init_kind kind;
} init_names[] = {
    {"he-normal", DESCENT_INIT_HE_NORMAL},
    {"he-uniform", DESCENT_INIT_HE_UNIFORM},
    {"glorot-normal", DESCENT_INIT_GLOROT_NORMAL},
    {"glorot-uniform", DESCENT_INIT_GLOROT_UNIFORM},
    {"pytorch", DESCENT_INIT_PYTORCH},
    {"normal", DESCENT_INIT_NORMAL},
    {"uniform", DESCENT_INIT_UNIFORM},
    {"constant", DESCENT_INIT_CONSTANT},
    {"zeros", DESCENT_INIT_ZEROS}};
enum { INIT_NAMES = sizeof init_names / sizeof *init_names };

static int init_of(train_settings *s, const char *text)
{
    for (size_t i = 0; i < INIT_NAMES; i++)
        if (strcmp(text, init_names[i].name) == 0) {
            s->init.kind = init_names[i].kind;
            return TRAIN_GO_ON;
        }
    return refuse("--init %s: not he-normal, he-uniform, glorot-normal, "
                  "glorot-uniform, pytorch, normal, uniform, constant or "
                  "zeros", text);
}
enum { PARAMETER_OPTION = 'P' };

static const struct option fixed_options[] = {
    {"help", no_argument, NULL, 'h'},
    {"hidden", required_argument, NULL, 'H'},
    {"activation", required_argument, NULL, 'a'},
    {"batchnorm", no_argument, NULL, 'n'},
    {"fused", no_argument, NULL, 'f'},
    {"batch", required_argument, NULL, 'b'},
    {"rule", required_argument, NULL, 'r'},
    {"eta", required_argument, NULL, 'e'},
    {"schedule", required_argument, NULL, 's'},
    {"clip", required_argument, NULL, 'c'},
    {"epochs", required_argument, NULL, 'E'},
    {"seed", required_argument, NULL, 'S'},
    {"init", required_argument, NULL, 'i'},
    {"gain", required_argument, NULL, 'g'},
    {"scale", required_argument, NULL, 'w'},
    {"limit", required_argument, NULL, 'l'},
    {"trace", required_argument, NULL, 't'},
    {"quiet", no_argument, NULL, 'q'},
    {"parallel", required_argument, NULL, 'p'},
    {"chunk", required_argument, NULL, 'C'},
    {"sync-bn", no_argument, NULL, 'B'},
    {"checkpoint", required_argument, NULL, 'k'},
    {"data", required_argument, NULL, 'd'}};
enum { FIXED_OPTIONS = sizeof fixed_options / sizeof *fixed_options };
static struct option *all_options(void)
{
    static const descent_component_kind kinds[2] = {
        DESCENT_COMPONENT_RULE, DESCENT_COMPONENT_SCHEDULE};
    return explorer_long_options(fixed_options, FIXED_OPTIONS, kinds, 2,
                                 PARAMETER_OPTION);
}
static int fixed_option(train_settings *s, int code, const char *v,
                        const char *name)
{
    unsigned long long n;
    switch (code) {
    case 'H': return hidden_of(s, v);
    case 'a':
        if (!strcmp(v, "relu")) s->activation = DESCENT_LAYER_RELU;
        else if (!strcmp(v, "tanh")) s->activation = DESCENT_LAYER_TANH;
        else if (!strcmp(v, "logistic"))
            s->activation = DESCENT_LAYER_LOGISTIC;
        else return refuse("--activation %s: not relu, tanh or logistic", v);
        return TRAIN_GO_ON;
    case 'p':
        s->parallel = true;
        if (!strcmp(v, "mpi")) s->reduce = DESCENT_REDUCE_MPI;
        else if (!strcmp(v, "ordered")) s->reduce = DESCENT_REDUCE_ORDERED;
        else if (!strcmp(v, "bucketed")) s->reduce = DESCENT_REDUCE_BUCKETED;
        else return refuse("--parallel %s: not mpi, ordered or bucketed", v);
        return TRAIN_GO_ON;
    case 'r': s->rule_name = v; return TRAIN_GO_ON;
    case 's': s->schedule_name = v; return TRAIN_GO_ON;
    case 't': s->trace = v; return TRAIN_GO_ON;
    case 'k': s->checkpoint = v; return TRAIN_GO_ON;
    case 'd': s->data = v; return TRAIN_GO_ON;
    case 'S':
        if (!count_of(v, &n))
            return refuse("--seed %s: not a whole number", v);
        s->seed = n;
        return TRAIN_GO_ON;
    case 'i': return init_of(s, v);
    case 'b':
        if (!size_of(v, &s->batch) || s->batch == 0)
            return refuse("--batch %s: not a size of at least 1", v);
        return TRAIN_GO_ON;
    case 'E':
        if (!size_of(v, &s->epochs) || s->epochs == 0)
            return refuse("--epochs %s: not a count of at least 1", v);
        return TRAIN_GO_ON;
    case 'l':
        if (!size_of(v, &s->limit))
            return refuse("--limit %s: not a count (0: all images)", v);
        return TRAIN_GO_ON;
    case 'C':
        if (!size_of(v, &s->chunk))
            return refuse("--chunk %s: not a count", v);
        return TRAIN_GO_ON;
    case 'e':
        if (!number_of(v, &s->eta) || !(s->eta > 0))
            return refuse("--eta %s: not a positive finite number", v);
        return TRAIN_GO_ON;
    case 'c':
        if (!number_of(v, &s->clip) || s->clip < 0)
            return refuse("--clip %s: not a finite number at least 0", v);
        return TRAIN_GO_ON;
    case 'g':
        if (!number_of(v, &s->init.gain) || !(s->init.gain > 0))
            return refuse("--gain %s: not a positive finite number", v);
        s->gain_given = true;
        return TRAIN_GO_ON;
    case 'w':
        if (!number_of(v, &s->init.scale))
            return refuse("--scale %s: not a finite number", v);
        s->scale_given = true;
        return TRAIN_GO_ON;
    }
    return refuse("--%s: not an option", name);
}
static int read_options(int argc, char **argv, train_settings *s,
                        const struct option *o)
{
    int code, index;
    optind = 1;
    opterr = 0;
    while ((code = getopt_long(argc, argv, ":", o, &index)) != -1) {
        int verdict = TRAIN_GO_ON;
        if (code == '?')
            return refuse("%s: not an option", argv[optind - 1]);
        else if (code == ':')
            return refuse("%s: needs a value", argv[optind - 1]);
        else if (code == 'h') {
            explorer_train_usage(stdout);
            return TRAIN_DONE;
        } else if (code == 'n') s->batchnorm = true;
        else if (code == 'f') s->fused = true;
        else if (code == 'q') s->quiet = true;
        else if (code == 'B') s->sync_bn = true;
        else if (code == PARAMETER_OPTION) {
            for (size_t i = 0; i < s->pending_count; i++)
                if (strcmp(s->pending[i].name, o[index].name) == 0)
                    return refuse("--%s is given twice", o[index].name);
            s->pending[s->pending_count++] = (pending_parameter){
                o[index].name, optarg != NULL ? optarg : "yes"};
        }
        else
            verdict = fixed_option(s, code, optarg, o[index].name);
        if (verdict != TRAIN_GO_ON)
            return verdict;
    }
    if (optind < argc)
        return refuse("%s: an argument that is no option", argv[optind]);
    return TRAIN_GO_ON;
}
static int settle_init(const train_settings *s)
{
    descent_init_kind kind = s->init.kind;
    const char *name = init_names[kind].name;
    bool takes_gain = kind <= DESCENT_INIT_GLOROT_UNIFORM;
    bool takes_scale = kind == DESCENT_INIT_NORMAL ||
                       kind == DESCENT_INIT_UNIFORM ||
                       kind == DESCENT_INIT_CONSTANT;
    if (s->gain_given && !takes_gain)
        return refuse("--gain %g: --init %s takes no gain (he-* and "
                      "glorot-* do)", s->init.gain, name);
    if (s->scale_given && !takes_scale)
        return refuse("--scale %g: --init %s takes no scale (normal, "
                      "uniform and constant do)", s->init.scale, name);
    if (takes_scale && !s->scale_given)
        return refuse("--init %s needs --scale", name);
    if (takes_scale && kind != DESCENT_INIT_CONSTANT && !(s->init.scale > 0))
        return refuse("--scale %g: --init %s needs a positive scale",
                      s->init.scale, name);
    return TRAIN_GO_ON;
}
static void owners_of(const char *name, char *list, size_t size)
{
    static const descent_component_kind kinds[2] = {
        DESCENT_COMPONENT_RULE, DESCENT_COMPONENT_SCHEDULE};
    explorer_owners(name, kinds, 2, list, size);
}
static int give_value(train_settings *s, const pending_parameter *p)
{
    descent_error e;
    const descent_component *c = s->rule;
    double *value = s->rule_value;
    size_t i = descent_parameter_index(c, p->name);
    if (i == c->parameters) {
        c = s->schedule;
        value = s->schedule_value;
        i = descent_parameter_index(c, p->name);
    }
    if (i == c->parameters) {
        char owners[256];
        owners_of(p->name, owners, sizeof owners);
        return refuse("--%s: neither rule %s nor schedule %s takes it; %s "
                      "do", p->name, s->rule->name, s->schedule->name,
                      owners);
    }
    if (descent_parameter_parse(c, i, p->text, &value[i], &e))
        return refuse("%s", e.message);
    return TRAIN_GO_ON;
}
static int give_values(train_settings *s)
{
    descent_error e;
    s->rule = descent_component_find(DESCENT_COMPONENT_RULE, s->rule_name,
                                      &e);
    if (s->rule == NULL)
        return refuse("%s", e.message);
    s->schedule = descent_component_find(DESCENT_COMPONENT_SCHEDULE,
                                          s->schedule_name, &e);
    if (s->schedule == NULL)
        return refuse("%s", e.message);
    if (s->rule->parameters > 0)
        s->rule->defaults(s->rule_value);
    if (s->schedule->parameters > 0)
        s->schedule->defaults(s->schedule_value);
    for (size_t i = 0; i < s->pending_count; i++) {
        int verdict = give_value(s, &s->pending[i]);
        if (verdict != TRAIN_GO_ON)
            return verdict;
    }
    descent_optimizer probe;
    descent_schedule trial;
    descent_status status = descent_rule_build(&probe, s->rule, s->rule_value,
                                               1, &e);
    descent_optimizer_free(&probe);
    if (status)
        return refuse("--rule %s: %s", s->rule->name, e.message);
    if (descent_schedule_build(&trial, s->schedule, s->schedule_value, s->eta,
                               1, s->epochs, &e))
        return refuse("--schedule %s: %s", s->schedule->name, e.message);
    return TRAIN_GO_ON;
}
static descent_status network_of(descent_model *model,
                                 const train_settings *s,
                                 const descent_samples *train,
                                 descent_error *error)
{
    descent_layer_spec spec[3 * MAX_HIDDEN + 2];
    size_t count = 0;
    for (size_t h = 0; h < s->hidden_count; h++) {
        spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE,
                                             s->hidden[h]};
        if (s->batchnorm)
            spec[count++] = (descent_layer_spec){DESCENT_LAYER_BATCHNORM, 0};
        spec[count++] = (descent_layer_spec){s->activation, 0};
    }
    spec[count++] = (descent_layer_spec){DESCENT_LAYER_DENSE, train->classes};
    spec[count++] = (descent_layer_spec){
        DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0};
    return descent_model_init(model, train->inputs, count, spec, s->batch,
                              error);
}
static void print_record(FILE *out, const descent_epoch_record *r,
                         size_t epochs)
{
    fprintf(out, "epoch\tsteps\ttrain_loss\ttest_loss\ttest_accuracy\teta\t"
                 "gradient_norm\tseconds\n");
    for (size_t e = 0; e < epochs && r[e].epoch != 0; e++)
        fprintf(out, "%zu\t%zu\t%.6f\t%.6f\t%.4f\t%.6g\t%.6g\t%.3f\n",
                r[e].epoch, r[e].steps, r[e].train_loss, r[e].test_loss,
                r[e].test_accuracy, r[e].eta, r[e].gradient_norm,
                r[e].seconds);
}

static int write_trace(const char *path, const descent_epoch_record *r,
                       size_t epochs)
{
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        fprintf(stderr, "descent train: --trace %s: cannot open\n", path);
        return TRAIN_FAILED;
    }
    print_record(out, r, epochs);
    if (fclose(out) != 0) {
        fprintf(stderr, "descent train: --trace %s: cannot write\n", path);
        return TRAIN_FAILED;
    }
    return TRAIN_DONE;
}
static int train_run(const train_settings *s)
{
    descent_samples train = {0}, test = {0};
    descent_model model = {0};
    descent_optimizer opt = {0};
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    descent_comm *comm = NULL;
    descent_epoch_record *records = NULL;
    descent_status status = DESCENT_OK;
    const char *stage = "data";
    bool reached = false;      /* the loop ran, and left a record */
    int verdict = TRAIN_DONE;
    if (s->data != NULL && setenv("DESCENT_FASHION_MNIST", s->data, 1) != 0) {
        fprintf(stderr, "descent train: --data %s: cannot set it\n", s->data);
        return TRAIN_FAILED;
    }
    if ((status = descent_fashion_mnist_load(&train, true, s->limit, &e)) ||
        (status = descent_fashion_mnist_load(&test, false, 0, &e)))
        goto done;
    stage = "model";
    if ((status = network_of(&model, s, &train, &e)))
        goto done;
    descent_random_seed(&r, s->seed);
    if ((status = descent_model_initialize(&model, &s->init, &r, &e)) ||
        (stage = "--rule",
         status = descent_rule_build(&opt, s->rule, s->rule_value,
                                     model.parameters, &e)))
        goto done;
    stage = "--fused";
    if (s->fused && (status = descent_fused_check(&model, &e)))
        goto done;
    descent_parallel_options parallel = {
        .reduce = s->reduce, .chunk = s->chunk,
        .bn = s->sync_bn ? DESCENT_BN_SYNC : DESCENT_BN_LOCAL};
    stage = "--parallel";
    if (s->parallel && (status = descent_comm_world(&comm, &e)))
        goto done;
    bool speaks = descent_comm_rank(comm) == 0;
    stage = "--checkpoint";
    if (s->checkpoint != NULL) {
        FILE *exists = fopen(s->checkpoint, "rb");
        if (exists != NULL) {
            fclose(exists);
            if ((status = descent_checkpoint_read(comm, &model, &opt,
                                                  s->checkpoint, &e)))
                goto done;
        }
    }
    size_t steps = comm != NULL
                       ? (train.count >= s->batch ? train.count / s->batch : 1)
                       : (train.count + s->batch - 1) / s->batch;
    stage = "--schedule";
    if ((status = descent_schedule_build(&schedule, s->schedule,
                                         s->schedule_value, s->eta, steps,
                                         s->epochs, &e)))
        goto done;
    stage = "records";
    if ((records = calloc(s->epochs, sizeof *records)) == NULL) {
        status = DESCENT_OUT_OF_MEMORY;
        snprintf(e.message, sizeof e.message, "no room for %zu epochs",
                 s->epochs);
        goto done;
    }
    const descent_train_options options = {
        .epochs = s->epochs, .batch = s->batch, .seed = s->seed + 1,
        .optimizer = &opt, .schedule = &schedule,
        .clip = s->clip > 0 ? DESCENT_CLIP_NORM : DESCENT_CLIP_NONE,
        .clip_threshold = s->clip, .test = &test, .quiet = s->quiet,
        .gradient = s->fused ? descent_fused_gradient : NULL};
    if (speaks)
        fprintf(stderr, "descent train: %s, %s; %zu parameters, %zu training "
                        "and %zu test images%s\n", s->rule->name,
                s->schedule->name, model.parameters, train.count, test.count,
                comm == NULL ? "" : ", on several processes");
    stage = "training";
    reached = true;
    status = comm == NULL
                 ? descent_train(&model, &train, &options, records, &e)
                 : descent_train_parallel(comm, &model, &train, &options,
                                          &parallel, records, &e);
    if (!status && s->checkpoint != NULL &&
        (stage = "--checkpoint",
         status = descent_checkpoint_write(comm, &model, &opt, s->checkpoint,
                                           &e)))
        goto done;
    if (speaks && reached) {
        print_record(stdout, records, s->epochs);
        if (s->trace != NULL)
            verdict = write_trace(s->trace, records, s->epochs);
    }
    done:
    if (status && descent_comm_rank(comm) == 0)
        fprintf(stderr, "descent train: %s: %s\n", stage, e.message);
    descent_comm_free(comm);
    descent_mpi_finalize();
    free(records);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
    descent_samples_free(&train);
    descent_samples_free(&test);
    return status ? TRAIN_FAILED : verdict;
}
int explorer_train(int argc, char **argv)
{
    train_settings s = {.hidden = {128}, .hidden_count = 1, .batch = 64,
                        .epochs = 5, .activation = DESCENT_LAYER_RELU,
                        .rule_name = "momentum", .schedule_name = "constant",
                        .eta = 0.01, .seed = 1, .init = DESCENT_INIT_DEFAULT};
    struct option *o = all_options();
    s.pending = calloc((size_t)argc + 1, sizeof *s.pending);
    int verdict = o == NULL || s.pending == NULL
                      ? (fputs("descent train: out of memory\n", stderr),
                         TRAIN_FAILED)
                      : read_options(argc, argv, &s, o);
    if (verdict == TRAIN_GO_ON)
        verdict = settle_init(&s);
    if (verdict == TRAIN_GO_ON)
        verdict = give_values(&s);
    if (verdict == TRAIN_GO_ON)
        verdict = train_run(&s);
    free(o);
    free(s.pending);
    return verdict;
}
