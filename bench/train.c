/* train.c: the training throughput of Chapter 7's loop (descent_train)
 * against PyTorch on the CPU, in the same run.
 *
 * Two networks, both ReLU MLPs with a softmax cross-entropy output,
 * trained by SGD with momentum 0.9 and a constant step 0.01:
 *   small: 64-256-256-10, batch 64, on SMALL_COUNT synthetic samples
 *          (inputs standard Gaussian, labels uniform in 0..9, from
 *          descent's generator with a fixed seed);
 *   large: 784-256-256-10, batch 128, on Fashion-MNIST's 60000 training
 *          images (dataset-fashion-mnist), one epoch.
 * Each side trains one untimed epoch to warm up, then REPEATS timed
 * epochs; the figure is samples per second of the median epoch.
 *
 * The same samples: this program writes them to a temporary file that
 * bench/train-torch.py reads (raw float32 inputs and int32 labels), so
 * both sides train on identical data in memory, loaded before any clock
 * starts. The initial weights are each side's own (descent's He
 * Gaussian, PyTorch's default uniform): the work of a step does not
 * depend on them. The same work per step: a permutation per epoch, then for each
 * minibatch the gather of its rows, forward, loss, backward and the
 * momentum update, and the loss read back (descent_train keeps it for
 * its record); no evaluation (options.test = NULL, quiet). descent_train
 * also takes the gradient's norm each step, for its record; PyTorch
 * does not, so that is ours to pay. PyTorch's nn.Linear and
 * torch.optim.SGD(momentum = 0.9) are the same rule as descent's
 * v = beta v - eta g, theta += v, at a constant step.
 *
 * The same threads: PyTorch's default intra-op thread count is asked of
 * the script first (torch.get_num_threads()); descent then runs with
 * openblas_set_num_threads of that number, and the script with
 * torch.set_num_threads of it and OPENBLAS_NUM_THREADS set to it (on
 * Debian torch's own matrix products call the same OpenBLAS, through
 * libblas.so.3, and the script reports the kernel and threads it saw).
 *
 * Goals (issue 14): at least 2x PyTorch's samples per second on the
 * small network, where the framework's per-step overhead dominates, and
 * at least 1x on the large one. The report says whether each holds.
 *
 * Environment: BENCH_RESULTS (default bench/results) for train.txt and
 * train.tex; BENCH_PYTHON (default /usr/bin/python3, Debian's, which has
 * python3-torch); BENCH_TORCH_SCRIPT (default bench/train-torch.py).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cblas.h>

#include "descent.h"
#define BENCH_NAME "train"
#include "report.h"
#include "timing.h"

char *openblas_get_corename(void);
char *openblas_get_config(void);
int openblas_get_num_threads(void);
void openblas_set_num_threads(int);

enum { REPEATS = 5, SMALL_COUNT = 65536, CLASSES = 10, SEED = 14 };
#define ETA 0.01
#define MOMENTUM 0.9
#define SMALL_GOAL 2.0
#define LARGE_GOAL 1.0

typedef struct network {
    const char *name, *data;
    size_t hidden[2], batch;
    const descent_samples *samples;
} network;

typedef struct outcome {
    double ours, torch;             /* median samples per second */
    double products;                /* the step's products alone */
    double flops;                   /* per sample and step */
    double ours_runs[REPEATS], torch_runs[REPEATS];
    char torch_core[64];
    int torch_blas_threads, torch_threads;
} outcome;

/* The samples as bench/train-torch.py reads them: a uint64 count, the
 * inputs (float32, row-major), the labels (int32), native byte order
 * (little-endian on every machine this runs on; the script says <). */
static void write_samples(const char *path, const descent_samples *s)
{
    FILE *f = fopen(path, "wb");
    uint64_t count = s->count;
    if (f == NULL)
        die("cannot write %s: %s", path, strerror(errno));
    if (fwrite(&count, sizeof count, 1, f) != 1 ||
        fwrite(s->x, sizeof *s->x, s->count * s->inputs, f) !=
            s->count * s->inputs ||
        fwrite(s->labels, sizeof *s->labels, s->count, f) != s->count ||
        fclose(f) != 0)
        die("cannot write %s", path);
}

/* Our side: REPEATS timed epochs of descent_train after a warm-up. */
static void run_ours(const network *n, outcome *o)
{
    descent_model model;
    descent_optimizer opt;
    descent_schedule schedule;
    descent_random r;
    descent_error e;
    const descent_samples *s = n->samples;
    if (descent_mlp_init(&model, s->inputs, 2, n->hidden, DESCENT_LAYER_RELU,
                         CLASSES, n->batch, &e))
        die("%s: model: %s", n->name, e.message);
    descent_random_seed(&r, SEED);
    if (descent_model_init_weights(&model, &r, &e) ||
        descent_sgd_init(&opt, model.parameters, MOMENTUM, false, &e) ||
        descent_schedule_init(&schedule, DESCENT_SCHEDULE_CONSTANT, ETA, 0, 0,
                              &e))
        die("%s: setup: %s", n->name, e.message);
    descent_train_options options = {.epochs = 1, .batch = n->batch,
                                     .seed = SEED + 1, .optimizer = &opt,
                                     .schedule = &schedule, .quiet = true};
    descent_epoch_record record;
    for (int k = -1; k < REPEATS; k++) {          /* k = -1: the warm-up */
        double t0 = now();
        if (descent_train(&model, s, &options, &record, &e))
            die("%s: descent_train: %s", n->name, e.message);
        double seconds = now() - t0;
        if (!isfinite(record.train_loss))
            die("%s: the loss is %g", n->name, record.train_loss);
        if (k >= 0)
            o->ours_runs[k] = (double)s->count / seconds;
        options.seed++;
    }
    double work[REPEATS];
    memcpy(work, o->ours_runs, sizeof work);
    o->ours = median(work, REPEATS);
    descent_optimizer_free(&opt);
    descent_model_free(&model);
}

/* The extremes of count values. */
static double smallest(const double *x, size_t count)
{
    double least = x[0];
    for (size_t i = 1; i < count; i++)
        least = x[i] < least ? x[i] : least;
    return least;
}
static double largest(const double *x, size_t count)
{
    double most = x[0];
    for (size_t i = 1; i < count; i++)
        most = x[i] > most ? x[i] : most;
    return most;
}

/* The arithmetic of one sample's step: the forward products, the weight
 * gradients (as many multiply-adds again), and the input gradients of
 * every layer but the first (train.c skips that one). Biases, activations
 * and the update are a few flops per parameter or unit, left out. */
static double step_flops(const network *n)
{
    size_t d[4] = {n->samples->inputs, n->hidden[0], n->hidden[1], CLASSES};
    double forward = 0, inputs = 0;
    for (int i = 0; i < 3; i++) {
        forward += (double)d[i] * (double)d[i + 1];
        if (i > 0)
            inputs += (double)d[i] * (double)d[i + 1];
    }
    return 2 * (2 * forward + inputs);
}

/* The step's products alone: the same cblas_sgemm calls, with the same
 * shapes and transposes as train.c's dense layers, and nothing else,
 * over as many batches as an epoch. What any loop that leaves its
 * products to this sgemm can reach at best: samples per second, the
 * median of REPEATS epochs after a warm-up. */
static double products_only(const network *n)
{
    int m = (int)n->batch;
    int d[4] = {(int)n->samples->inputs, (int)n->hidden[0],
                (int)n->hidden[1], CLASSES};
    float *w[3], *a[4], *delta[3], *g[3], *back = NULL;
    size_t widest = 0;
    for (int i = 0; i < 4; i++)
        widest = (size_t)d[i] > widest ? (size_t)d[i] : widest;
    for (int i = 0; i < 4; i++)
        a[i] = calloc((size_t)m * (size_t)d[i], sizeof(float));
    for (int i = 0; i < 3; i++) {
        w[i] = calloc((size_t)d[i] * (size_t)d[i + 1], sizeof(float));
        g[i] = calloc((size_t)d[i] * (size_t)d[i + 1], sizeof(float));
        delta[i] = calloc((size_t)m * (size_t)d[i + 1], sizeof(float));
    }
    back = calloc((size_t)m * widest, sizeof(float));
    for (int i = 0; i < 3; i++)
        if (w[i] == NULL || g[i] == NULL || delta[i] == NULL)
            die("products: out of memory");
    if (back == NULL || a[0] == NULL || a[1] == NULL || a[2] == NULL ||
        a[3] == NULL)
        die("products: out of memory");
    for (size_t j = 0; j < (size_t)m * (size_t)d[0]; j++)
        a[0][j] = (float)((j % 13) + 1) / 16.0f;
    for (int i = 0; i < 3; i++)
        for (size_t j = 0; j < (size_t)d[i] * (size_t)d[i + 1]; j++)
            w[i][j] = (float)((int)(j % 7) - 3) / 64.0f;
    size_t steps = (n->samples->count + n->batch - 1) / n->batch;
    double runs[REPEATS];
    for (int k = -1; k < REPEATS; k++) {
        double t0 = now();
        for (size_t s = 0; s < steps; s++) {
            for (int i = 0; i < 3; i++)                 /* forward */
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m,
                            d[i + 1], d[i], 1, a[i], d[i], w[i], d[i], 0,
                            a[i + 1], d[i + 1]);
            for (int i = 2; i >= 0; i--) {              /* backward */
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans,
                            d[i + 1], d[i], m, 1, delta[i], d[i + 1], a[i],
                            d[i], 0, g[i], d[i]);
                if (i > 0)
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                m, d[i], d[i + 1], 1, delta[i], d[i + 1],
                                w[i], d[i], 0, back, d[i]);
            }
        }
        double seconds = now() - t0;
        if (k >= 0)
            runs[k] = (double)(steps * n->batch) / seconds;
    }
    for (int i = 0; i < 4; i++)
        free(a[i]);
    for (int i = 0; i < 3; i++) {
        free(w[i]);
        free(g[i]);
        free(delta[i]);
    }
    free(back);
    return median(runs, REPEATS);
}

/* PyTorch's side: the script on the same file, with the same settings. */
static void run_torch(const char *python, const char *script,
                      const char *path, const network *n, int threads,
                      outcome *o)
{
    char command[8192], line[512];
    snprintf(command, sizeof command,
             "'%s' '%s' run '%s' %zu %zu,%zu %d %zu 1 %d %g %g %d %d",
             python, script, path, n->samples->inputs, n->hidden[0],
             n->hidden[1], CLASSES, n->batch, REPEATS, ETA, MOMENTUM,
             threads, SEED);
    FILE *p = popen(command, "r");
    if (p == NULL)
        die("cannot run %s: %s", command, strerror(errno));
    int runs = 0;
    while (fgets(line, sizeof line, p) != NULL) {
        double seconds;
        unsigned long long samples;
        if (sscanf(line, "run %lf %llu", &seconds, &samples) == 2 &&
            runs < REPEATS && seconds > 0)
            o->torch_runs[runs++] = (double)samples / seconds;
        else if (sscanf(line, "blas %63s %d", o->torch_core,
                        &o->torch_blas_threads) == 2)
            continue;
        else if (sscanf(line, "intraop %d", &o->torch_threads) == 1)
            continue;
    }
    int status = pclose(p);
    if (status != 0 || runs != REPEATS)
        die("%s: %s ended with status %d after %d of %d runs", n->name,
            script, status, runs, REPEATS);
    double work[REPEATS];
    memcpy(work, o->torch_runs, sizeof work);
    o->torch = median(work, REPEATS);
}

static int torch_default_threads(const char *python, const char *script,
                                 char *version, size_t size)
{
    char command[4096], line[128];
    int threads = 0;
    snprintf(command, sizeof command, "'%s' '%s' threads", python, script);
    FILE *p = popen(command, "r");
    if (p == NULL)
        die("cannot run %s: %s", command, strerror(errno));
    snprintf(version, size, "(unknown)");
    while (fgets(line, sizeof line, p) != NULL) {
        if (sscanf(line, "threads %d", &threads) == 1)
            continue;
        if (strncmp(line, "torch ", 6) == 0) {
            line[strcspn(line, "\n")] = '\0';
            line[6 + 63] = '\0';                 /* at most 63 chars */
            snprintf(version, size, "%s", line + 6);
        }
    }
    if (pclose(p) != 0 || threads < 1)
        die("%s could not tell torch's thread count (is python3-torch "
            "installed for %s?)", script, python);
    return threads;
}

static void say_runs(const char *who, const double *runs)
{
    say("  %-8s", who);
    for (int k = 0; k < REPEATS; k++)
        say(" %8.0f", runs[k]);
    say("\n");
}

int main(void)
{
    const char *directory = results_directory();
    const char *python = setting("BENCH_PYTHON", "/usr/bin/python3");
    const char *script = setting("BENCH_TORCH_SCRIPT", "bench/train-torch.py");

    /* The data, before any clock. */
    descent_samples small, fashion;
    descent_error e;
    descent_random r;
    if (descent_samples_init(&small, SMALL_COUNT, 64, CLASSES, 0, &e))
        die("synthetic samples: %s", e.message);
    descent_random_seed(&r, SEED);
    for (size_t j = 0; j < small.count * small.inputs; j++)
        small.x[j] = (float)descent_random_gaussian(&r);
    for (size_t i = 0; i < small.count; i++)
        small.labels[i] = (int32_t)descent_random_below(&r, CLASSES);
    if (descent_fashion_mnist_load(&fashion, true, 0, &e))
        die("Fashion-MNIST: %s", e.message);
    char folder[] = "/tmp/descent-bench-train-XXXXXX";
    if (mkdtemp(folder) == NULL)
        die("cannot make a temporary folder: %s", strerror(errno));
    char small_path[256], fashion_path[256];
    snprintf(small_path, sizeof small_path, "%s/small.bin", folder);
    snprintf(fashion_path, sizeof fashion_path, "%s/fashion.bin", folder);
    write_samples(small_path, &small);
    write_samples(fashion_path, &fashion);

    /* The threads: PyTorch's default, for both. */
    char version[128];
    int blas_default = openblas_get_num_threads();
    int threads = torch_default_threads(python, script, version,
                                        sizeof version);
    char value[32];
    snprintf(value, sizeof value, "%d", threads);
    setenv("OPENBLAS_NUM_THREADS", value, 1);   /* for the script */
    openblas_set_num_threads(threads);

    report_file = open_result(directory, "train.txt");
    FILE *tex = open_result(directory, "train.tex");
    const char *forced = getenv("OPENBLAS_CORETYPE");
    say("train: descent_train (Chapter 7) against PyTorch on the CPU, "
        "samples per second\n");
    say("OpenBLAS core: %s (config: %s)\n", openblas_get_corename(),
        openblas_get_config());
    say("OPENBLAS_CORETYPE: %s\n", forced ? forced : "(not set)");
    say("PyTorch %s (%s), default intra-op threads "
        "(torch.get_num_threads()): %d\n", version, python, threads);
    say("Threads for both: %d (OpenBLAS's own default here: %d; online "
        "CPUs: %ld)\n", threads, blas_default, sysconf(_SC_NPROCESSORS_ONLN));
    say("Compiler: %s; library CFLAGS: %s; this program: %s\n", __VERSION__,
        BENCH_LIBRARY_CFLAGS, BENCH_CFLAGS);
    say("Rule: SGD with momentum %g, constant step %g; ReLU MLPs, softmax "
        "cross-entropy.\nEach side: one untimed warm-up epoch, then %d "
        "timed epochs of shuffled minibatches;\nthe figure is the median "
        "epoch's samples per second. Timed: the steps only (gather,\n"
        "forward, backward, update, loss read back); no data loading, no "
        "evaluation.\n", MOMENTUM, ETA, REPEATS);

    network nets[2] = {
        {"small", "synthetic", {256, 256}, 64, &small},
        {"large", "Fashion-MNIST", {256, 256}, 128, &fashion}};
    const char *paths[2] = {small_path, fashion_path};
    const double goals[2] = {SMALL_GOAL, LARGE_GOAL};
    outcome out[2] = {0};
    bool holds[2];
    for (int i = 0; i < 2; i++) {
        const network *n = &nets[i];
        say("\n%s: %zu-%zu-%zu-%d, batch %zu, %s (%zu samples, %zu steps "
            "an epoch)\n", n->name, n->samples->inputs, n->hidden[0],
            n->hidden[1], CLASSES, n->batch, n->data, n->samples->count,
            (n->samples->count + n->batch - 1) / n->batch);
        run_torch(python, script, paths[i], n, threads, &out[i]);
        run_ours(n, &out[i]);
        say("  samples per second, each timed epoch:\n");
        say_runs("PyTorch", out[i].torch_runs);
        say_runs("descent", out[i].ours_runs);
        say("  PyTorch's sgemm: OpenBLAS %s, %d threads; intra-op threads "
            "%d\n", out[i].torch_core, out[i].torch_blas_threads,
            out[i].torch_threads);
        double ratio = out[i].ours / out[i].torch;
        holds[i] = ratio >= goals[i];
        say("  median: descent %.0f, PyTorch %.0f samples/s; descent / "
            "PyTorch = %.2f\n", out[i].ours, out[i].torch, ratio);
        say("  goal: at least %.0fx: %s\n", goals[i],
            holds[i] ? "holds" : "DOES NOT HOLD");
        out[i].flops = step_flops(n);
        out[i].products = products_only(n);
        say("  arithmetic: %.0f flops a sample (forward, weight and input "
            "gradients)\n", out[i].flops);
        say("  the step's sgemm calls alone: %.0f samples/s (%.1f GFLOP/s); "
            "descent reaches %.2f of that\n", out[i].products,
            out[i].products * out[i].flops / 1e9,
            out[i].ours / out[i].products);
        say("  %.0fx PyTorch would be %.0f samples/s: %.2f times the "
            "products alone\n", goals[i], goals[i] * out[i].torch,
            goals[i] * out[i].torch / out[i].products);
    }
    say("\nSummary (%d threads, OpenBLAS %s): small %.2fx (goal %.0fx, %s), "
        "large %.2fx (goal %.0fx, %s)\n", threads, openblas_get_corename(),
        out[0].ours / out[0].torch, SMALL_GOAL,
        holds[0] ? "holds" : "does not hold", out[1].ours / out[1].torch,
        LARGE_GOAL, holds[1] ? "holds" : "does not hold");

    fprintf(tex, "%% train.tex: written by bench/train.c (make bench); do "
            "not edit.\n%% Needs booktabs.\n");
    fprintf(tex, "\\gdef\\trainThreads{%d}\n", threads);
    fprintf(tex, "\\gdef\\trainSmallRatio{%.2f}\n",
            out[0].ours / out[0].torch);
    fprintf(tex, "\\gdef\\trainLargeRatio{%.2f}\n",
            out[1].ours / out[1].torch);
    fprintf(tex, "\\gdef\\trainSmallOurs{%.0f}\n", out[0].ours);
    fprintf(tex, "\\gdef\\trainSmallTorch{%.0f}\n", out[0].torch);
    fprintf(tex, "\\gdef\\trainLargeOurs{%.0f}\n", out[1].ours);
    fprintf(tex, "\\gdef\\trainLargeTorch{%.0f}\n", out[1].torch);
    fprintf(tex, "\\gdef\\trainSmallFlops{%.0f}\n", out[0].flops / 1e3);
    fprintf(tex, "\\gdef\\trainSmallProducts{%.0f}\n", out[0].products);
    fprintf(tex, "\\gdef\\trainSmallProductsGflops{%.1f}\n",
            out[0].products * out[0].flops / 1e9);
    fprintf(tex, "\\gdef\\trainSmallOfProducts{%.2f}\n",
            out[0].ours / out[0].products);
    fprintf(tex, "\\gdef\\trainSmallNeeded{%.0f}\n",
            SMALL_GOAL * out[0].torch);
    fprintf(tex, "\\gdef\\trainSmallNeededOfProducts{%.2f}\n",
            SMALL_GOAL * out[0].torch / out[0].products);
    if (SMALL_GOAL * out[0].torch > out[0].products)
        fprintf(tex, "\\gdef\\trainSmallReach{more than the products "
                "alone allow: out of reach with this \\texttt{sgemm}}\n");
    else
        fprintf(tex, "\\gdef\\trainSmallReach{within what the products "
                "alone allow, but only if the rest of our step took "
                "$%.0f\\%%$ of the products' time, where it now takes "
                "$%.0f\\%%$}\n",
                100 * (out[0].products / (SMALL_GOAL * out[0].torch) - 1),
                100 * (out[0].products / out[0].ours - 1));
    fprintf(tex, "\\gdef\\trainLargeOfProducts{%.2f}\n",
            out[1].ours / out[1].products);
    fprintf(tex, "\\gdef\\trainLargeOursLow{%.0f}\n",
            smallest(out[1].ours_runs, REPEATS));
    fprintf(tex, "\\gdef\\trainLargeOursHigh{%.0f}\n",
            largest(out[1].ours_runs, REPEATS));
    fprintf(tex, "\\gdef\\trainLargeTorchLow{%.0f}\n",
            smallest(out[1].torch_runs, REPEATS));
    fprintf(tex, "\\gdef\\trainLargeTorchHigh{%.0f}\n",
            largest(out[1].torch_runs, REPEATS));
    fprintf(tex, "\\gdef\\trainTorchVersion{");
    tex_escape(tex, version);
    fprintf(tex, "}\n\\gdef\\trainOpenblasCore{");
    tex_escape(tex, openblas_get_corename());
    fprintf(tex, "}\n");
    fprintf(tex, "\\begin{tabular}{lrrrrl}\n\\toprule\n");
    fprintf(tex, "network & batch & descent & PyTorch & ratio & goal \\\\\n"
            " & & samples/s & samples/s & & \\\\\n\\midrule\n");
    for (int i = 0; i < 2; i++)
        fprintf(tex, "%zu-%zu-%zu-%d (%s) & %zu & %.0f & %.0f & %.2f & "
                "$\\ge %.0f$: %s \\\\\n", nets[i].samples->inputs,
                nets[i].hidden[0], nets[i].hidden[1], CLASSES, nets[i].data,
                nets[i].batch, out[i].ours, out[i].torch,
                out[i].ours / out[i].torch, goals[i],
                holds[i] ? "holds" : "fails");
    fprintf(tex, "\\bottomrule\n\\multicolumn{6}{l}{\\footnotesize %d "
            "thread(s) each; OpenBLAS core \\trainOpenblasCore; PyTorch "
            "\\trainTorchVersion; median of %d epochs.} \\\\\n"
            "\\end{tabular}\n", threads, REPEATS);

    say("\nWritten: %s/train.txt, train.tex\n", directory);
    remove(small_path);
    remove(fashion_path);
    rmdir(folder);
    descent_samples_free(&small);
    descent_samples_free(&fashion);
    int closed = fclose(tex) | fclose(report_file);
    return closed != 0;
}
