/* fused.c: where the time of a training step goes (Chapter 10): the
 * fused CPU step (descent_fused_gradient, then descent_optimizer_step
 * with Adam) against PyTorch on the CPU and against Chapter 7's generic
 * descent_model_gradient, the step against its own matrix products
 * alone, and the step's kernels one by one against the machine's two
 * roofs, all measured in one run.
 *
 * The networks, both with batch normalization after each hidden dense
 * layer (dense, batch norm, ReLU, twice; then dense and softmax
 * cross-entropy), trained by Adam with PyTorch's defaults (lr 1e-3):
 *   large: 784-1024-1024-10, batch 256, LARGE_COUNT samples;
 *   small: 64-256-256-10, batch 64, SMALL_COUNT samples.
 * The samples are synthetic (inputs standard Gaussian, labels uniform
 * in 0..9, descent's generator with a fixed seed): the work of a step
 * does not depend on them. This program writes them to a temporary file
 * that bench/fused-torch.py reads, so both sides train on the same data
 * in memory. Each round is STEPS steps on minibatches taken in turn from
 * a fresh permutation: the gather, forward, loss, backward, Adam's
 * update, and the loss returned. The sides take turns round by round
 * (PyTorch, the fused step, the generic step, the products alone), one
 * untimed round first, then ROUNDS timed, each side going first in turn;
 * the figure is the median round, in samples per second.
 *
 * The same threads: PyTorch's default intra-op thread count
 * (torch.get_num_threads()), given to OpenBLAS here and to
 * torch.set_num_threads and OPENBLAS_NUM_THREADS there (Debian's torch
 * calls the same OpenBLAS through libblas.so.3; the script reports the
 * kernel it found loaded and the rate of its torch.mm).
 *
 * The sgemm bound: the step's matrix products alone, the cblas_sgemm
 * calls with the step's shapes and transposes (forward x W^T; backward
 * delta^T x for every layer and delta W for all but the first), and
 * nothing else. No step that leaves its products to this sgemm can be
 * faster.
 *
 * The kernels: each internal function of tangled/internal-fused.h at the
 * large step's shapes, and Adam's update over the step's parameters,
 * timed alone (the kernels taking turns, ROUNDS rounds, the
 * median call). Counting rule, for the roofline: FLOPs are the
 * additions, multiplications, comparisons, divisions, square roots and
 * exponentials the arithmetic needs (a product of m x k by k x n is
 * 2mkn), as listed beside each kernel below; bytes are the compulsory
 * traffic, every array the kernel reads read once and every array it
 * writes written once, 4 bytes a float or label. A kernel whose arrays
 * stay in the caches between passes moves fewer bytes to memory than
 * that, one that reads an array twice from memory more.
 *
 * The roofs, measured in this run with the thread count above, taking
 * turns with the kernels: the rate of one large square sgemm (ROOF_N x
 * ROOF_N) and the bandwidth of STREAM's triad a = b + s c over 10^7
 * floats (12 bytes an element); the median of the rounds.
 *
 * OpenBLAS: the kernel it runs sets the speed of every product on both
 * sides. Child processes of this program (argument "core") report which
 * kernel each OPENBLAS_CORETYPE gives and the rate of its sgemm; the
 * report says which ran here, what the processor supports, and what to
 * set for the fast ones.
 *
 * Goals (issue 17): the large step at least 1.25x PyTorch's samples per
 * second and within 1.10x the time of its products alone; the small one
 * at least 2x PyTorch. Adam's update against a STREAM-style bound is
 * bench/adam.c's (goal within 1.25x); this report only times it as a
 * kernel of the step.
 *
 * Writes, in BENCH_RESULTS (default bench/results): fused.txt (the
 * report), fused.tex (macros and the kernel table for the book),
 * fused-roofline.dat (one line a kernel: name flops bytes seconds, with
 * "# peak_gflops X" and "# peak_gbs Y", the format of gpu-kernels.dat)
 * and fused-breakdown.dat (milliseconds a step by part, fused and
 * generic). BENCH_PYTHON (default /usr/bin/python3), BENCH_TORCH_SCRIPT
 * (default bench/fused-torch.py).
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
#include <sys/types.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cblas.h>

#include "descent.h"
#include "internal-fused.h"
#define BENCH_NAME "fused"
#include "report.h"
#include "timing.h"

char *openblas_get_corename(void);
char *openblas_get_config(void);
int openblas_get_num_threads(void);
void openblas_set_num_threads(int);

enum { CLASSES = 10, SEED = 17, ROUNDS = 15, LARGE_COUNT = 4096,
       SMALL_COUNT = 4096, LARGE_STEPS = 8, SMALL_STEPS = 150,
       ROOF_N = 1536,
       TRIAD_COUNT = 10000000, SURVEY_N = 1024 };
#define LR 1e-3
#define LARGE_GOAL 1.25
#define BOUND_GOAL 1.10
#define SMALL_GOAL 2.0

/* ------------------------------------------------------------------ */
/* OpenBLAS's kernels: the child's side, and the survey.               */

/* The rate of an n x n sgemm, GFLOP/s: the median of repeats after a
 * third of a second of untimed calls (the processor's clock and the
 * library's buffers settle in the first few). */
static double square_sgemm_rate(int n, int repeats)
{
    size_t size = (size_t)n * (size_t)n;
    float *a = malloc(size * sizeof *a), *b = malloc(size * sizeof *b),
          *c = malloc(size * sizeof *c);
    double runs[16];
    if (a == NULL || b == NULL || c == NULL || repeats > 16)
        die("square sgemm: out of memory");
    for (size_t i = 0; i < size; i++) {
        a[i] = (float)((int)(i % 7) - 3) / 8.0f;
        b[i] = (float)((int)(i % 5) - 2) / 8.0f;
    }
    for (double t0 = now(); now() - t0 < 0.33;)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1,
                    a, n, b, n, 0, c, n);
    for (int r = 0; r < repeats; r++) {
        double t0 = now();
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1,
                    a, n, b, n, 0, c, n);
        runs[r] = now() - t0;
    }
    double seconds = median(runs, (size_t)repeats);
    free(a);
    free(b);
    free(c);
    return 2.0 * n * (double)n * n / seconds * 1e-9;
}

/* The child: "core THREADS" prints "core NAME GFLOPS". */
static int child_core(int threads)
{
    openblas_set_num_threads(threads);
    printf("core %s %.2f\n", openblas_get_corename(),
           square_sgemm_rate(SURVEY_N, 5));
    return 0;
}

enum { SURVEYED = 8 };
static const char *surveyed[SURVEYED] = {
    NULL, "Prescott", "Sandybridge", "Haswell", "Zen", "SkylakeX",
    "Cooperlake", "SapphireRapids"};

typedef struct survey {
    char core[64];        /* the kernel OpenBLAS reported, or why none */
    double rate;          /* GFLOP/s, 0 if it did not run */
} survey;

/* Runs this program as "core" with OPENBLAS_CORETYPE unset (asked ==
 * NULL: OpenBLAS's own choice) or set to asked. */
static void run_survey(const char *asked, int threads, survey *s)
{
    char self[4096], command[8400], line[256];
    ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length < 0)
        die("cannot find this program: %s", strerror(errno));
    self[length] = '\0';
    if (asked == NULL)
        snprintf(command, sizeof command,
                 "env -u OPENBLAS_CORETYPE '%s' core %d 2>/dev/null", self,
                 threads);
    else
        snprintf(command, sizeof command,
                 "env OPENBLAS_CORETYPE=%s '%s' core %d 2>/dev/null", asked,
                 self, threads);
    snprintf(s->core, sizeof s->core, "(did not run)");
    s->rate = 0;
    FILE *p = popen(command, "r");
    if (p == NULL)
        die("cannot run %s: %s", command, strerror(errno));
    while (fgets(line, sizeof line, p) != NULL)
        if (sscanf(line, "core %63s %lf", s->core, &s->rate) != 2)
            s->rate = 0;
    if (pclose(p) != 0) {
        snprintf(s->core, sizeof s->core, "(failed)");
        s->rate = 0;
    }
}

/* Whether /proc/cpuinfo's flags name flag; the processor's model. */
static bool cpu_has(const char *flags, const char *flag)
{
    size_t n = strlen(flag);
    for (const char *p = strstr(flags, flag); p; p = strstr(p + 1, flag))
        if ((p == flags || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\n' ||
                                             p[n] == '\0'))
            return true;
    return false;
}

static void cpu_info(char *model, size_t model_size, char *flags,
                     size_t flags_size)
{
    static char line[8192];
    snprintf(model, model_size, "(unknown)");
    snprintf(flags, flags_size, " ");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f == NULL)
        return;
    bool have_model = false, have_flags = false;
    while (fgets(line, sizeof line, f) != NULL && !(have_model && have_flags)) {
        char *colon = strchr(line, ':');
        if (colon == NULL)
            continue;
        line[strcspn(line, "\n")] = '\0';
        if (!have_model && strncmp(line, "model name", 10) == 0) {
            snprintf(model, model_size, "%s", colon + 2);
            have_model = true;
        } else if (!have_flags && strncmp(line, "flags", 5) == 0) {
            snprintf(flags, flags_size, "%s", colon + 1);
            have_flags = true;
        }
    }
    fclose(f);
}

/* ------------------------------------------------------------------ */
/* The networks and descent's side.                                    */

typedef struct network {
    const char *name;
    size_t inputs, hidden[2], batch, count, steps;
    descent_samples samples;
    descent_model model;
    descent_optimizer opt;
    size_t *order;                    /* this round's permutation */
    descent_random r;
} network;

static void network_init(network *n, const char *name, size_t inputs,
                         size_t h1, size_t h2, size_t batch, size_t count,
                         size_t steps, uint64_t seed)
{
    descent_error e;
    *n = (network){.name = name, .inputs = inputs, .hidden = {h1, h2},
                   .batch = batch, .count = count, .steps = steps};
    descent_random_seed(&n->r, seed);
    if (descent_samples_init(&n->samples, count, inputs, CLASSES, 0, &e))
        die("%s: samples: %s", name, e.message);
    for (size_t j = 0; j < count * inputs; j++)
        n->samples.x[j] = (float)descent_random_gaussian(&n->r);
    for (size_t i = 0; i < count; i++)
        n->samples.labels[i] = (int32_t)descent_random_below(&n->r, CLASSES);
    descent_layer_spec layers[8] = {
        {DESCENT_LAYER_DENSE, h1}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0},   {DESCENT_LAYER_DENSE, h2},
        {DESCENT_LAYER_BATCHNORM, 0}, {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, CLASSES},
        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    if (descent_model_init(&n->model, inputs, 8, layers, batch, &e) ||
        descent_model_init_weights(&n->model, &n->r, &e) ||
        descent_fused_check(&n->model, &e) ||
        descent_adaptive_optimizer_init(&n->opt, n->model.parameters,
                                        DESCENT_ADAPTIVE_ADAM, NULL, &e))
        die("%s: setup: %s", name, e.message);
    n->model.training = true;
    n->order = malloc(count * sizeof *n->order);
    if (n->order == NULL)
        die("%s: out of memory", name);
}

static void network_free(network *n)
{
    free(n->order);
    descent_optimizer_free(&n->opt);
    descent_model_free(&n->model);
    descent_samples_free(&n->samples);
}

/* A fresh permutation of the samples, for a round. */
static void shuffle(network *n)
{
    for (size_t i = 0; i < n->count; i++)
        n->order[i] = i;
    for (size_t i = n->count - 1; i > 0; i--) {
        size_t j = (size_t)descent_random_below(&n->r, (uint64_t)i + 1);
        size_t t = n->order[i];
        n->order[i] = n->order[j];
        n->order[j] = t;
    }
}

/* One round of our steps with gradient fn; its seconds. */
static double our_round(network *n, descent_gradient_fn *gradient)
{
    descent_error e;
    double loss = 0, total = 0;
    shuffle(n);
    double t0 = now();
    for (size_t s = 0, first = 0; s < n->steps; s++) {
        if (first + n->batch > n->count)
            first = 0;
        if (gradient(&n->model, &n->samples, n->order + first, n->batch,
                     &loss, &e) ||
            descent_optimizer_step(&n->opt, n->model.theta,
                                   n->model.gradient, LR, &e))
            die("%s: step: %s", n->name, e.message);
        first += n->batch;
        total += loss;
    }
    double seconds = now() - t0;
    if (!isfinite(total))
        die("%s: the loss is %g", n->name, total);
    return seconds;
}

/* The step's products alone: buffers and one round of them. */
typedef struct products {
    int m, d[4];
    float *a[4], *w[3], *g[3], *delta[3], *back;
} products;

/* count floats, Gaussian with standard deviation scale. */
static float *filled(size_t count, double scale)
{
    static descent_random r;
    static bool seeded;
    float *p = malloc(count * sizeof *p);
    if (p == NULL)
        die("out of memory for %zu floats", count);
    if (!seeded) {
        descent_random_seed(&r, SEED + 1);
        seeded = true;
    }
    for (size_t j = 0; j < count; j++)
        p[j] = (float)(scale * descent_random_gaussian(&r));
    return p;
}

static void products_init(products *p, const network *n)
{
    p->m = (int)n->batch;
    int d[4] = {(int)n->inputs, (int)n->hidden[0], (int)n->hidden[1],
                CLASSES};
    memcpy(p->d, d, sizeof d);
    for (int i = 0; i < 4; i++)
        p->a[i] = filled((size_t)p->m * (size_t)d[i], 1);
    for (int i = 0; i < 3; i++) {
        p->w[i] = filled((size_t)d[i] * (size_t)d[i + 1], 0.05);
        p->g[i] = filled((size_t)d[i] * (size_t)d[i + 1], 0);
        p->delta[i] = filled((size_t)p->m * (size_t)d[i + 1], 0.01);
    }
    p->back = filled((size_t)p->m * (size_t)d[1], 0);   /* the widest */
    if (d[2] > d[1])
        die("products: the second hidden layer is the wider");
}

static void products_free(products *p)
{
    for (int i = 0; i < 4; i++)
        free(p->a[i]);
    for (int i = 0; i < 3; i++) {
        free(p->w[i]);
        free(p->g[i]);
        free(p->delta[i]);
    }
    free(p->back);
}

/* The forward products, the backward ones, or both, of one step. */
static void products_forward(const products *p)
{
    const int m = p->m, *d = p->d;
    for (int i = 0; i < 3; i++)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, d[i + 1],
                    d[i], 1, p->a[i], d[i], p->w[i], d[i], 0, p->a[i + 1],
                    d[i + 1]);
}

static void products_backward(const products *p)
{
    const int m = p->m, *d = p->d;
    for (int i = 2; i >= 0; i--) {
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, d[i + 1], d[i],
                    m, 1, p->delta[i], d[i + 1], p->a[i], d[i], 0, p->g[i],
                    d[i]);
        if (i > 0)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, d[i],
                        d[i + 1], 1, p->delta[i], d[i + 1], p->w[i], d[i], 0,
                        p->back, d[i]);
    }
}

static double products_round(const products *p, size_t steps)
{
    double t0 = now();
    for (size_t s = 0; s < steps; s++) {
        products_forward(p);
        products_backward(p);
    }
    return now() - t0;
}

/* The multiply-adds of one sample's products, times two: the flops. */
static double product_flops(const network *n)
{
    double d[4] = {(double)n->inputs, (double)n->hidden[0],
                   (double)n->hidden[1], CLASSES};
    double forward = 0, inputs = 0;
    for (int i = 0; i < 3; i++) {
        forward += d[i] * d[i + 1];
        if (i > 0)
            inputs += d[i] * d[i + 1];
    }
    return 2 * (2 * forward + inputs);
}

/* ------------------------------------------------------------------ */
/* PyTorch's side: a server process, talked to through two pipes.      */

typedef struct torch_side {
    FILE *to, *from;
    pid_t pid;
    char core[64];
    int blas_threads, threads;
    double mm_rate;
} torch_side;

static void torch_start(torch_side *t, const char *python,
                        const char *script, int threads)
{
    int down[2], up[2];
    char count[16];
    snprintf(count, sizeof count, "%d", threads);
    if (pipe(down) != 0 || pipe(up) != 0)
        die("pipe: %s", strerror(errno));
    fflush(stdout);
    t->pid = fork();
    if (t->pid < 0)
        die("fork: %s", strerror(errno));
    if (t->pid == 0) {
        dup2(down[0], 0);
        dup2(up[1], 1);
        close(down[0]);
        close(down[1]);
        close(up[0]);
        close(up[1]);
        execl(python, python, script, "serve", count, (char *)NULL);
        fprintf(stderr, "fused: cannot run %s: %s\n", python,
                strerror(errno));
        _exit(127);
    }
    close(down[0]);
    close(up[1]);
    t->to = fdopen(down[1], "w");
    t->from = fdopen(up[0], "r");
    if (t->to == NULL || t->from == NULL)
        die("fdopen: %s", strerror(errno));
    char line[256];
    int have = 0;
    while (have < 3 && fgets(line, sizeof line, t->from) != NULL) {
        if (sscanf(line, "blas %63s %d", t->core, &t->blas_threads) == 2)
            have++;
        else if (sscanf(line, "intraop %d", &t->threads) == 1)
            have++;
        else if (sscanf(line, "mm %lf", &t->mm_rate) == 1)
            have++;
    }
    if (have < 3)
        die("%s %s serve did not start (is python3-torch installed for "
            "%s?)", python, script, python);
}

/* Sends a command; returns the answer line (static storage). */
static const char *torch_ask(torch_side *t, const char *format, ...)
{
    static char line[512];
    va_list a;
    va_start(a, format);
    vfprintf(t->to, format, a);
    va_end(a);
    fputc('\n', t->to);
    fflush(t->to);
    if (fgets(line, sizeof line, t->from) == NULL)
        die("the PyTorch side ended before answering");
    return line;
}

static double torch_round(torch_side *t, const network *n)
{
    double seconds, loss;
    const char *answer = torch_ask(t, "round %s %zu", n->name, n->steps);
    if (sscanf(answer, "seconds %lf loss %lf", &seconds, &loss) != 2 ||
        !(seconds > 0))
        die("PyTorch answered: %s", answer);
    return seconds;
}

static void torch_stop(torch_side *t)
{
    int status;
    fprintf(t->to, "quit\n");
    fclose(t->to);
    fclose(t->from);
    if (waitpid(t->pid, &status, 0) != t->pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        die("the PyTorch side ended with status %d", status);
}

static int torch_default_threads(const char *python, const char *script,
                                 char *version, size_t size, char *blas,
                                 size_t blas_size)
{
    char command[4096], line[256];
    int threads = 0;
    snprintf(command, sizeof command, "'%s' '%s' threads", python, script);
    FILE *p = popen(command, "r");
    if (p == NULL)
        die("cannot run %s: %s", command, strerror(errno));
    snprintf(version, size, "(unknown)");
    snprintf(blas, blas_size, "(unknown)");
    while (fgets(line, sizeof line, p) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (sscanf(line, "threads %d", &threads) == 1)
            continue;
        if (strncmp(line, "torch ", 6) == 0)
            snprintf(version, size, "%.63s", line + 6);
        else if (strncmp(line, "blasinfo ", 9) == 0)
            snprintf(blas, blas_size, "%.63s", line + 9);
    }
    if (pclose(p) != 0 || threads < 1)
        die("%s could not tell torch's thread count (is python3-torch "
            "installed for %s?)", script, python);
    return threads;
}

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

/* ------------------------------------------------------------------ */
/* The comparison: the sides take turns, round by round.               */

enum { TORCH, FUSED, GENERIC, PRODUCTS, SIDES };
static const char *side_name[SIDES] = {"PyTorch", "descent fused",
                                       "descent generic", "products alone"};

typedef struct outcome {
    double runs[SIDES][ROUNDS];       /* samples per second */
    double rate[SIDES];               /* the medians */
} outcome;

typedef struct kernels kernels;
static void kernels_round(kernels *k, int r);

/* ... and, for the large network, the kernels alone (k not NULL). */
static void take_turns(network *n, torch_side *t, kernels *k, outcome *o)
{
    products p;
    products_init(&p, n);
    for (int r = -1; r < ROUNDS; r++) {
        for (int turn = 0; turn < SIDES; turn++) {
            int side = (turn + r + 1) % SIDES;   /* each first in turn */
            double seconds =
                side == TORCH   ? torch_round(t, n)
                : side == FUSED ? our_round(n, descent_fused_gradient)
                : side == GENERIC ? our_round(n, descent_model_gradient)
                                  : products_round(&p, n->steps);
            if (r >= 0)
                o->runs[side][r] = (double)(n->steps * n->batch) / seconds;
        }
        if (k != NULL)
            kernels_round(k, r);
    }
    for (int side = 0; side < SIDES; side++) {
        double work[ROUNDS];
        memcpy(work, o->runs[side], sizeof work);
        o->rate[side] = median(work, ROUNDS);
    }
    products_free(&p);
}

/* ------------------------------------------------------------------ */
/* The kernels of the large step, one by one.                          */

enum { K_DENSE1_F, K_BN1_F, K_DENSE2_F, K_BN2_F, K_DENSE3_F, K_XENT,
       K_DENSE3_B, K_BN2_B, K_DENSE2_B, K_BN1_B, K_DENSE1_B, K_ADAM,
       STEP_KERNELS, K_PRODUCTS_F = STEP_KERNELS, K_PRODUCTS_B, K_COPY1,
       K_COPY2, K_SQUARE, K_TRIAD, KERNELS };
static const char *kernel_name[KERNELS] = {
    "dense-1-forward", "bn-relu-1-forward", "dense-2-forward",
    "bn-relu-2-forward", "dense-3-forward", "softmax-xent",
    "dense-3-backward", "bn-relu-2-backward", "dense-2-backward",
    "bn-relu-1-backward", "dense-1-backward", "adam",
    "sgemm-forward", "sgemm-backward", "copy-1", "copy-2",
    "sgemm-square", "stream-triad"};

/* The parts of a step in the breakdown. */
enum { PART_PRODUCTS, PART_LAYERS, PART_ADAM, PART_REST, PARTS };
static const char *part_name[PARTS] = {
    "products", "batch-norm,ReLU,softmax", "Adam", "the-rest"};
static const int kernel_part[STEP_KERNELS] = {
    PART_PRODUCTS, PART_LAYERS, PART_PRODUCTS, PART_LAYERS, PART_PRODUCTS,
    PART_LAYERS, PART_PRODUCTS, PART_LAYERS, PART_PRODUCTS, PART_LAYERS,
    PART_PRODUCTS, PART_ADAM};

struct kernels {
    size_t m, d[4];
    float *x, *w[3], *z[3], *y[2], *s[2], *bn[2], *dbn[2], *delta[3],
          *g[3], *back[2];
    int32_t *labels;
    descent_optimizer adam;
    float *theta, *gradient;
    size_t parameters;
    products p;
    float *square[3], *triad[3];      /* the roofs' operands */
    int calls[KERNELS];
    double runs[KERNELS][ROUNDS];
    double flops[KERNELS], bytes[KERNELS], seconds[KERNELS];
};

/* The floats of layer i's dense parameters, W then b. */
static size_t dense_size(const size_t *d, int i)
{
    return d[i + 1] * d[i] + d[i + 1];
}

/* Inputs Gaussian; weights of the scale He's rule gives; batch norm's
 * gamma 1 and beta 0, its running statistics 0 and 1. */
static void kernels_init(kernels *k, const network *n)
{
    descent_error e;
    size_t m = k->m = n->batch, *d = k->d;
    d[0] = n->inputs;
    d[1] = n->hidden[0];
    d[2] = n->hidden[1];
    d[3] = CLASSES;
    k->x = filled(m * d[0], 1);
    k->labels = malloc(m * sizeof *k->labels);
    if (k->labels == NULL)
        die("kernels: out of memory");
    for (size_t i = 0; i < m; i++)
        k->labels[i] = (int32_t)(i % CLASSES);
    for (int i = 0; i < 3; i++) {
        k->w[i] = filled(dense_size(d, i), sqrt(2.0 / (double)d[i]));
        k->z[i] = filled(m * d[i + 1], 1);
        k->delta[i] = filled(m * d[i + 1], 0.01);
        k->g[i] = filled(dense_size(d, i), 0);
    }
    for (int i = 0; i < 2; i++) {
        size_t w = d[i + 1];
        k->y[i] = filled(m * w, 1);
        for (size_t j = 0; j < m * w; j++)
            k->y[i][j] = k->y[i][j] > 0 ? k->y[i][j] : 0;
        k->back[i] = filled(m * w, 0.01);
        k->bn[i] = filled(2 * w, 0);
        k->dbn[i] = filled(2 * w, 0);
        k->s[i] = filled(4 * w, 0);
        for (size_t j = 0; j < w; j++) {
            k->bn[i][j] = 1;
            k->s[i][w + j] = 1;
        }
    }
    k->parameters = n->model.parameters;
    k->theta = filled(k->parameters, 0.05);
    k->gradient = filled(k->parameters, 0.01);
    if (descent_adaptive_optimizer_init(&k->adam, k->parameters,
                                        DESCENT_ADAPTIVE_ADAM, NULL, &e))
        die("kernels: Adam: %s", e.message);
    products_init(&k->p, n);
    for (int i = 0; i < 3; i++) {
        k->square[i] = filled((size_t)ROOF_N * ROOF_N, 0.1);
        k->triad[i] = filled(TRIAD_COUNT, 1);
    }
}

static void kernels_free(kernels *k)
{
    for (int i = 0; i < 3; i++) {
        free(k->square[i]);
        free(k->triad[i]);
    }
    free(k->x);
    free(k->labels);
    for (int i = 0; i < 3; i++) {
        free(k->w[i]);
        free(k->z[i]);
        free(k->delta[i]);
        free(k->g[i]);
    }
    for (int i = 0; i < 2; i++) {
        free(k->y[i]);
        free(k->back[i]);
        free(k->bn[i]);
        free(k->dbn[i]);
        free(k->s[i]);
    }
    free(k->theta);
    free(k->gradient);
    descent_optimizer_free(&k->adam);
    products_free(&k->p);
}

/* The counting rule of the header, kernel by kernel (m rows, n outputs,
 * k inputs; 4 bytes a float). */
static void dense_forward_work(kernels *k, int which, double m, double n,
                               double kk)
{
    k->flops[which] = 2 * m * n * kk + m * n;             /* x W^T, + b */
    k->bytes[which] = 4 * (m * kk + n * kk + n + m * n);  /* x, W, b; z */
}

static void dense_backward_work(kernels *k, int which, double m, double n,
                                double kk, bool back)
{
    k->flops[which] = 2 * m * n * kk + m * n;    /* delta^T x; sums for b */
    k->bytes[which] = 4 * (m * n + m * kk + n * kk + n);  /* delta, x; g */
    if (back) {
        k->flops[which] += 2 * m * n * kk;                 /* delta W */
        k->bytes[which] += 4 * (n * kk + m * kk);          /* W; back */
    }
}

/* Batch norm and ReLU forward, training: the mean (1 a element), the
 * variance (3), the normalization and affine map (3), ReLU (1); per
 * unit a square root, a division and the running averages (8). Bytes:
 * z, gamma, beta and the state read, y and the state written.
 * Backward: the mask (1), x-hat again (2), the two sums (3), the signal
 * (4); z, y, the signal, the parameters and the state read, the signal
 * and the two gradients written. */
static void bn_work(kernels *k, int forward, int backward, double m, double n)
{
    k->flops[forward] = 8 * m * n + 8 * n;
    k->bytes[forward] = 4 * (2 * m * n + 2 * n + 8 * n);
    k->flops[backward] = 10 * m * n + 4 * n;
    k->bytes[backward] = 4 * (4 * m * n + 2 * n + 4 * n + 2 * n);
}

static void count_work(kernels *k)
{
    double m = (double)k->m, d[4];
    for (int i = 0; i < 4; i++)
        d[i] = (double)k->d[i];
    dense_forward_work(k, K_DENSE1_F, m, d[1], d[0]);
    dense_forward_work(k, K_DENSE2_F, m, d[2], d[1]);
    dense_forward_work(k, K_DENSE3_F, m, d[3], d[2]);
    dense_backward_work(k, K_DENSE3_B, m, d[3], d[2], true);
    dense_backward_work(k, K_DENSE2_B, m, d[2], d[1], true);
    dense_backward_work(k, K_DENSE1_B, m, d[1], d[0], false);
    bn_work(k, K_BN1_F, K_BN1_B, m, d[1]);
    bn_work(k, K_BN2_F, K_BN2_B, m, d[2]);
    /* softmax cross-entropy: the maximum, the shift, the exponential, the
       sum and the scaling (5 a element), a logarithm and the label's
       term a row; z and the labels read, delta written */
    k->flops[K_XENT] = 5 * m * d[3] + 3 * m;
    k->bytes[K_XENT] = 4 * (2 * m * d[3] + m);
    /* Adam, a parameter: m (3), v (4), the denominator (3), the step (3);
       theta, g, m, v read, theta, m, v written */
    k->flops[K_ADAM] = 13 * (double)k->parameters;
    k->bytes[K_ADAM] = 28 * (double)k->parameters;
    k->flops[K_PRODUCTS_F] = k->flops[K_PRODUCTS_B] = 0;
    k->bytes[K_PRODUCTS_F] = k->bytes[K_PRODUCTS_B] = 0;
    for (int i = 0; i < 3; i++) {
        k->flops[K_PRODUCTS_F] += 2 * m * d[i] * d[i + 1];
        k->bytes[K_PRODUCTS_F] += 4 * (m * d[i] + d[i] * d[i + 1] +
                                       m * d[i + 1]);
        k->flops[K_PRODUCTS_B] += 2 * m * d[i] * d[i + 1] *
                                  (i > 0 ? 2 : 1);
        k->bytes[K_PRODUCTS_B] += 4 * (m * d[i + 1] + m * d[i] +
                                       d[i] * d[i + 1]) *
                                  (i > 0 ? 2 : 1);
    }
    k->flops[K_SQUARE] = 2.0 * ROOF_N * (double)ROOF_N * ROOF_N;
    k->bytes[K_SQUARE] = 3 * 4.0 * ROOF_N * (double)ROOF_N;
    k->flops[K_TRIAD] = 2.0 * TRIAD_COUNT;
    k->bytes[K_TRIAD] = 12.0 * TRIAD_COUNT;      /* STREAM's count */
    for (int i = 0; i < 2; i++) {
        k->flops[K_COPY1 + i] = 0;
        k->bytes[K_COPY1 + i] = 8 * m * d[i + 1];
    }
}

/* STREAM's triad, a = b + s c, over TRIAD_COUNT floats. */
static void stream_triad(float *restrict a, const float *restrict b,
                         const float *restrict c)
{
    for (size_t i = 0; i < TRIAD_COUNT; i++)
        a[i] = b[i] + 1e-3f * c[i];
}

/* One call of kernel which. The backward batch norm works in place on
 * its signal, so each call first copies the signal in; copy-1 and
 * copy-2 time that copy alone, to be taken off. */
static void kernel_run(kernels *k, int which)
{
    descent_error e;
    size_t m = k->m, *d = k->d;
    switch (which) {
    case K_DENSE1_F:
        descent_fused_dense_forward(m, d[1], d[0], k->x, k->w[0], k->z[0]);
        break;
    case K_BN1_F:
        descent_fused_bn_relu_forward(m, d[1], k->z[0], k->bn[0], k->s[0],
                                      true, k->y[0]);
        break;
    case K_DENSE2_F:
        descent_fused_dense_forward(m, d[2], d[1], k->y[0], k->w[1], k->z[1]);
        break;
    case K_BN2_F:
        descent_fused_bn_relu_forward(m, d[2], k->z[1], k->bn[1], k->s[1],
                                      true, k->y[1]);
        break;
    case K_DENSE3_F:
        descent_fused_dense_forward(m, d[3], d[2], k->y[1], k->w[2], k->z[2]);
        break;
    case K_XENT:
        descent_fused_softmax_xent(m, d[3], k->z[2], k->labels, k->delta[2]);
        break;
    case K_DENSE3_B:
        descent_fused_dense_backward(m, d[3], d[2], k->y[1], k->w[2],
                                     k->delta[2], k->g[2], k->back[1]);
        break;
    case K_BN2_B:
        memcpy(k->delta[1], k->back[1], m * d[2] * sizeof(float));
        descent_fused_bn_relu_backward(m, d[2], k->z[1], k->y[1], k->bn[1],
                                       k->s[1], true, k->delta[1], k->dbn[1]);
        break;
    case K_DENSE2_B:
        descent_fused_dense_backward(m, d[2], d[1], k->y[0], k->w[1],
                                     k->delta[1], k->g[1], k->back[0]);
        break;
    case K_BN1_B:
        memcpy(k->delta[0], k->back[0], m * d[1] * sizeof(float));
        descent_fused_bn_relu_backward(m, d[1], k->z[0], k->y[0], k->bn[0],
                                       k->s[0], true, k->delta[0], k->dbn[0]);
        break;
    case K_DENSE1_B:
        descent_fused_dense_backward(m, d[1], d[0], k->x, k->w[0],
                                     k->delta[0], k->g[0], NULL);
        break;
    case K_ADAM:
        if (descent_optimizer_step(&k->adam, k->theta, k->gradient, LR, &e))
            die("kernels: Adam: %s", e.message);
        break;
    case K_PRODUCTS_F:
        products_forward(&k->p);
        break;
    case K_PRODUCTS_B:
        products_backward(&k->p);
        break;
    case K_SQUARE:
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, ROOF_N,
                    ROOF_N, ROOF_N, 1, k->square[0], ROOF_N, k->square[1],
                    ROOF_N, 0, k->square[2], ROOF_N);
        break;
    case K_TRIAD:
        stream_triad(k->triad[0], k->triad[1], k->triad[2]);
        break;
    case K_COPY1:
    case K_COPY2:
        memcpy(k->delta[which - K_COPY1], k->back[which - K_COPY1],
               m * d[which - K_COPY1 + 1] * sizeof(float));
        break;
    default:
        break;
    }
}

/* The kernels take turns within a round, each run calls[] times, as
 * many as take about a millisecond and a half (set by one call each
 * first); runs[][r] is the time of one call in round r. The rounds are
 * interleaved with those of the whole steps (take_turns), so that a
 * change in the machine's load falls on the kernels and the steps
 * alike; seconds[] is the median call. */
static void kernels_calibrate(kernels *k)
{
    for (int which = 0; which < KERNELS; which++) {
        double t0 = now();
        kernel_run(k, which);
        double once = now() - t0;
        k->calls[which] = once > 1.5e-3 ? 1
                        : (int)ceil(1.5e-3 / (once + 1e-9));
        k->calls[which] = k->calls[which] > 1000 ? 1000 : k->calls[which];
    }
}

static void kernels_round(kernels *k, int r)
{
    for (int which = 0; which < KERNELS; which++) {
        double t0 = now();
        for (int c = 0; c < k->calls[which]; c++)
            kernel_run(k, which);
        if (r >= 0)
            k->runs[which][r] = (now() - t0) / k->calls[which];
    }
}

static void kernels_medians(kernels *k)
{
    for (int which = 0; which < KERNELS; which++) {
        double work[ROUNDS];
        memcpy(work, k->runs[which], sizeof work);
        k->seconds[which] = median(work, ROUNDS);
    }
    k->seconds[K_BN1_B] -= k->seconds[K_COPY1];
    k->seconds[K_BN2_B] -= k->seconds[K_COPY2];
}

/* ------------------------------------------------------------------ */
/* The report.                                                         */

static void say_runs(const char *who, const double *runs, double scale)
{
    say("  %-16s", who);
    for (int r = 0; r < ROUNDS; r++)
        say(" %8.0f", runs[r] * scale);
    say("\n");
}

/* The least and the largest, over the rounds, of a side's rate over
 * PyTorch's in the same round. */
static void round_ratios(const outcome *o, int side, double *low,
                         double *high)
{
    *low = *high = o->runs[side][0] / o->runs[TORCH][0];
    for (int r = 1; r < ROUNDS; r++) {
        double ratio = o->runs[side][r] / o->runs[TORCH][r];
        *low = ratio < *low ? ratio : *low;
        *high = ratio > *high ? ratio : *high;
    }
}

static const char *verdict(bool holds)
{
    return holds ? "holds" : "DOES NOT HOLD";
}

static void tex_name(FILE *tex, const char *macro, const char *value)
{
    fprintf(tex, "\\gdef\\%s{", macro);
    tex_escape(tex, value);
    fprintf(tex, "}\n");
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "core") == 0)
        return child_core(atoi(argv[2]));
    const char *directory = results_directory();
    const char *python = setting("BENCH_PYTHON", "/usr/bin/python3");
    const char *script = setting("BENCH_TORCH_SCRIPT", "bench/fused-torch.py");

    /* The threads: PyTorch's default, for both sides and every child. */
    char version[128], blasinfo[128];
    int blas_default = openblas_get_num_threads();
    int threads = torch_default_threads(python, script, version,
                                        sizeof version, blasinfo,
                                        sizeof blasinfo);
    char value[32];
    snprintf(value, sizeof value, "%d", threads);
    setenv("OPENBLAS_NUM_THREADS", value, 1);
    openblas_set_num_threads(threads);

    /* The machine, and OpenBLAS's kernels, each in a child process. */
    static char model_name[256], flags[8192];
    cpu_info(model_name, sizeof model_name, flags, sizeof flags);
    survey cores[SURVEYED];
    for (int i = 0; i < SURVEYED; i++)
        run_survey(surveyed[i], threads, &cores[i]);
    int fastest = 1;                  /* the fastest kernel asked by name */
    for (int i = 2; i < SURVEYED; i++)
        if (cores[i].rate > cores[fastest].rate)
            fastest = i;

    report_file = open_result(directory, "fused.txt");
    char date[64];
    time_t clock = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&clock));
    const char *forced = getenv("OPENBLAS_CORETYPE");
    const char *core = openblas_get_corename();
    say("fused: where the time of a training step goes (Chapter 10)\n");
    say("Run %s on %s, %ld online CPUs\n", date, model_name,
        sysconf(_SC_NPROCESSORS_ONLN));
    say("Compiler: %s; library CFLAGS: %s; this program: %s\n", __VERSION__,
        BENCH_LIBRARY_CFLAGS, BENCH_CFLAGS);
    say("PyTorch %s (%s), BLAS_INFO=%s, default intra-op threads "
        "(torch.get_num_threads()): %d\n", version, python, blasinfo,
        threads);
    say("Threads for both sides: %d (OpenBLAS's own default here: %d)\n",
        threads, blas_default);

    say("\nOpenBLAS (%s)\n", openblas_get_config());
    say("  the processor has: avx2 %s, fma %s, avx512f %s, avx512bw %s, "
        "avx512vl %s, avx512_bf16 %s\n",
        cpu_has(flags, "avx2") ? "yes" : "no",
        cpu_has(flags, "fma") ? "yes" : "no",
        cpu_has(flags, "avx512f") ? "yes" : "no",
        cpu_has(flags, "avx512bw") ? "yes" : "no",
        cpu_has(flags, "avx512vl") ? "yes" : "no",
        cpu_has(flags, "avx512_bf16") ? "yes" : "no");
    say("  %-28s %-16s %s\n", "OPENBLAS_CORETYPE", "kernel that ran",
        "sgemm GFLOP/s (1024 x 1024, median of 5)");
    for (int i = 0; i < SURVEYED; i++)
        say("  %-28s %-16s %8.1f\n",
            surveyed[i] ? surveyed[i] : "(unset: OpenBLAS's choice)",
            cores[i].core, cores[i].rate);
    say("  In this run: OPENBLAS_CORETYPE=%s, so OpenBLAS runs its %s "
        "kernel.\n", forced ? forced : "(unset)", core);
    say("  OpenBLAS's own choice on this processor is %s; the fastest here "
        "is %s (%.0f GFLOP/s);\n  to run it, set OPENBLAS_CORETYPE=%s (for "
        "example OPENBLAS_CORETYPE=%s make bench).\n", cores[0].core,
        cores[fastest].core, cores[fastest].rate, cores[fastest].core,
        cores[fastest].core);


    /* The networks, their samples, and PyTorch's server. */
    network large, small;
    network_init(&large, "large", 784, 1024, 1024, 256, LARGE_COUNT,
                 LARGE_STEPS, SEED);
    network_init(&small, "small", 64, 256, 256, 64, SMALL_COUNT,
                 SMALL_STEPS, SEED + 2);
    char folder[] = "/tmp/descent-bench-fused-XXXXXX";
    if (mkdtemp(folder) == NULL)
        die("cannot make a temporary folder: %s", strerror(errno));
    char large_path[256], small_path[256];
    snprintf(large_path, sizeof large_path, "%s/large.bin", folder);
    snprintf(small_path, sizeof small_path, "%s/small.bin", folder);
    write_samples(large_path, &large.samples);
    write_samples(small_path, &small.samples);
    torch_side torch;
    torch_start(&torch, python, script, threads);
    network *nets[2] = {&large, &small};
    const char *paths[2] = {large_path, small_path};
    for (int i = 0; i < 2; i++)
        if (strncmp(torch_ask(&torch, "net %s %s %zu %zu %zu %d %zu %d",
                              nets[i]->name, paths[i], nets[i]->inputs,
                              nets[i]->hidden[0], nets[i]->hidden[1],
                              CLASSES, nets[i]->batch, SEED + 4 * i),
                    "ready", 5) != 0)
            die("PyTorch could not set up %s", nets[i]->name);
    say("PyTorch's side: OpenBLAS %s, %d thread(s), intra-op threads %d; "
        "its torch.mm at 1024 x 1024: %.1f GFLOP/s\n", torch.core,
        torch.blas_threads, torch.threads, torch.mm_rate);
    say("\nAdam (PyTorch's defaults, lr %g); batch normalization after "
        "each hidden dense layer.\nThe sides take turns round by round, "
        "one untimed round first, then %d timed;\nthe figure is the "
        "median round, samples per second.\n", LR, ROUNDS);

    kernels k;
    kernels_init(&k, &large);
    count_work(&k);
    kernels_calibrate(&k);
    outcome out[2];
    for (int i = 0; i < 2; i++) {
        network *n = nets[i];
        say("\n%s: %zu-%zu-%zu-%d, batch %zu, %zu steps a round, %zu "
            "parameters\n", n->name, n->inputs, n->hidden[0], n->hidden[1],
            CLASSES, n->batch, n->steps, n->model.parameters);
        take_turns(n, &torch, i == 0 ? &k : NULL, &out[i]);
        for (int side = 0; side < SIDES; side++)
            say_runs(side_name[side], out[i].runs[side], 1);
    }
    torch_stop(&torch);
    remove(large_path);
    remove(small_path);
    rmdir(folder);

    kernels_medians(&k);
    double peak_gflops = k.flops[K_SQUARE] / k.seconds[K_SQUARE] * 1e-9;
    double peak_gbs = k.bytes[K_TRIAD] / k.seconds[K_TRIAD] * 1e-9;

    /* The comparisons and the goals. */
    double large_ratio = out[0].rate[FUSED] / out[0].rate[TORCH];
    double small_ratio = out[1].rate[FUSED] / out[1].rate[TORCH];
    double fusion = out[0].rate[FUSED] / out[0].rate[GENERIC];
    double small_fusion = out[1].rate[FUSED] / out[1].rate[GENERIC];
    double bound = out[0].rate[PRODUCTS] / out[0].rate[FUSED];
    double step_ms = 1e3 * (double)large.batch / out[0].rate[FUSED];
    double generic_ms = 1e3 * (double)large.batch / out[0].rate[GENERIC];
    double torch_ms = 1e3 * (double)large.batch / out[0].rate[TORCH];
    double products_ms = 1e3 * (double)large.batch / out[0].rate[PRODUCTS];
    double flops = product_flops(&large) * (double)large.batch;
    /* What the goals ask, as a fraction of the products' own rate: above
       1, no step that calls this sgemm can meet them. */
    double large_needed = LARGE_GOAL * out[0].rate[TORCH] /
                          out[0].rate[PRODUCTS];
    double small_needed = SMALL_GOAL * out[1].rate[TORCH] /
                          out[1].rate[PRODUCTS];
    bool large_holds = large_ratio >= LARGE_GOAL;
    bool bound_holds = bound <= BOUND_GOAL;
    bool small_holds = small_ratio >= SMALL_GOAL;
    say("\nmedians, samples per second     large      small\n");
    for (int side = 0; side < SIDES; side++)
        say("  %-26s %9.0f %9.0f\n", side_name[side], out[0].rate[side],
            out[1].rate[side]);
    say("roofs, %d thread(s): sgemm %d x %d: %.1f GFLOP/s; STREAM triad "
        "over 10^7 floats: %.1f GB/s\n", threads, ROOF_N, ROOF_N,
        peak_gflops, peak_gbs);
    say("large step: fused %.2f ms, generic %.2f ms, PyTorch %.2f ms, its "
        "products alone %.2f ms\n  (%.2f GFLOP a step; the products alone "
        "run at %.1f GFLOP/s, the fused step at %.1f)\n", step_ms,
        generic_ms, torch_ms, products_ms, flops * 1e-9,
        flops / products_ms * 1e-6, flops / step_ms * 1e-6);
    say("large: fused / PyTorch = %.2f (goal at least %.2f: %s)\n",
        large_ratio, LARGE_GOAL, verdict(large_holds));
    say("large: fused step / its products alone = %.2f (goal at most %.2f: "
        "%s)\n", bound, BOUND_GOAL, verdict(bound_holds));
    say("small: fused / PyTorch = %.2f (goal at least %.2f: %s)\n",
        small_ratio, SMALL_GOAL, verdict(small_holds));
    double ratio_low[2], ratio_high[2];
    for (int i = 0; i < 2; i++) {
        round_ratios(&out[i], FUSED, &ratio_low[i], &ratio_high[i]);
        say("%s: fused / PyTorch round by round: from %.2f to %.2f\n",
            nets[i]->name, ratio_low[i], ratio_high[i]);
    }
    say("what the goals ask: %.2fx PyTorch on the large network is %.0f "
        "samples/s, %.2f times its products alone;\n  %.0fx on the small "
        "one is %.0f samples/s, %.2f times its products alone\n",
        LARGE_GOAL, LARGE_GOAL * out[0].rate[TORCH], large_needed,
        SMALL_GOAL, SMALL_GOAL * out[1].rate[TORCH], small_needed);
    say("fusion: fused / generic = %.2f (large), %.2f (small)\n", fusion,
        small_fusion);
    say("Adam over 10^7 floats against its STREAM-style bound: "
        "bench/adam.c (adam.txt)\n");

    say("\nkernels of the large step, alone (median call of %d rounds):\n",
        ROUNDS);
    say("  %-20s %9s %9s %9s %8s %8s %7s\n", "kernel", "ms", "MFLOP", "MB",
        "GFLOP/s", "GB/s", "FLOP/B");
    double part_fused[PARTS] = {0}, kernel_sum = 0;
    for (int which = 0; which < KERNELS; which++) {
        if (which == K_COPY1 || which == K_COPY2)
            continue;
        double s = k.seconds[which];
        say("  %-20s %9.3f %9.1f %9.2f %8.1f %8.1f %7.1f\n",
            kernel_name[which], 1e3 * s, k.flops[which] * 1e-6,
            k.bytes[which] * 1e-6, k.flops[which] / s * 1e-9,
            k.bytes[which] / s * 1e-9, k.flops[which] / k.bytes[which]);
        if (which < STEP_KERNELS) {
            part_fused[kernel_part[which]] += 1e3 * s;
            kernel_sum += 1e3 * s;
        }
    }
    part_fused[PART_REST] = step_ms - kernel_sum;
    double part_generic[PARTS] = {0};
    part_generic[PART_PRODUCTS] = products_ms;
    part_generic[PART_ADAM] = 1e3 * k.seconds[K_ADAM];
    part_generic[PART_REST] = generic_ms - products_ms - part_generic[PART_ADAM];
    say("  (the batch-norm backward times have the copy of the signal, "
        "%.3f and %.3f ms, taken off)\n", 1e3 * k.seconds[K_COPY1],
        1e3 * k.seconds[K_COPY2]);
    say("\nbreakdown of a large step, ms        fused   generic\n");
    for (int part = 0; part < PARTS; part++)
        say("  %-32s %8.3f %8.3f\n", part_name[part], part_fused[part],
            part_generic[part]);
    say("  %-32s %8.3f %8.3f\n", "total (the measured step)", step_ms,
        generic_ms);
    say("  (fused: its kernels timed alone, the rest the step's time less "
        "theirs;\n   generic: the products alone, Adam, and the rest, "
        "which holds its layers)\n");

    /* The data files. */
    FILE *roof = open_result(directory, "fused-roofline.dat");
    fprintf(roof, "# fused-roofline.dat: written by bench/fused.c (make "
            "bench); do not edit.\n# The large step's kernels on the CPU, "
            "%s, %s, %d thread(s), OpenBLAS %s.\n# peak_gflops %.2f\n"
            "# peak_gbs %.2f\n# name flops bytes seconds\n", date,
            model_name, threads, core, peak_gflops, peak_gbs);
    for (int which = 0; which < STEP_KERNELS; which++)
        fprintf(roof, "%s %.0f %.0f %.9f\n", kernel_name[which],
                k.flops[which], k.bytes[which], k.seconds[which]);
    FILE *breakdown = open_result(directory, "fused-breakdown.dat");
    fprintf(breakdown, "# fused-breakdown.dat: written by bench/fused.c "
            "(make bench); do not edit.\n# Milliseconds of one large step "
            "(784-1024-1024-10, batch 256) by part.\n# products_alone_ms "
            "%.4f\n# torch_ms %.4f\n# step", products_ms, torch_ms);
    for (int part = 0; part < PARTS; part++)
        fprintf(breakdown, " %s", part_name[part]);
    fprintf(breakdown, "\nfused");
    for (int part = 0; part < PARTS; part++)
        fprintf(breakdown, " %.4f", part_fused[part]);
    fprintf(breakdown, "\ngeneric");
    for (int part = 0; part < PARTS; part++)
        fprintf(breakdown, " %.4f", part_generic[part]);
    fprintf(breakdown, "\n");

    /* The book's macros and table. */
    FILE *tex = open_result(directory, "fused.tex");
    fprintf(tex, "%% fused.tex: written by bench/fused.c (make bench); do "
            "not edit.\n%% Needs booktabs.\n");
    tex_name(tex, "fusedDate", date);
    tex_name(tex, "fusedMachine", model_name);
    fprintf(tex, "\\gdef\\fusedCpus{%ld}\n", sysconf(_SC_NPROCESSORS_ONLN));
    fprintf(tex, "\\gdef\\fusedThreads{%d}\n", threads);
    tex_name(tex, "fusedTorchVersion", version);
    tex_name(tex, "fusedCore", core);
    if (forced != NULL && *forced != '\0') {
        fprintf(tex, "\\gdef\\fusedForced{set to ");
        tex_escape(tex, forced);
        fprintf(tex, "}\n");
    } else
        fprintf(tex, "\\gdef\\fusedForced{unset}\n");
    tex_name(tex, "fusedTorchCore", torch.core);
    tex_name(tex, "fusedAutoCore", cores[0].core);
    fprintf(tex, "\\gdef\\fusedAutoRate{%.0f}\n", cores[0].rate);
    tex_name(tex, "fusedFastestCore", cores[fastest].core);
    fprintf(tex, "\\gdef\\fusedFastestRate{%.0f}\n", cores[fastest].rate);
    for (int i = 1; i < SURVEYED; i++) {
        char macro[64];
        snprintf(macro, sizeof macro, "fusedRate%s", surveyed[i]);
        fprintf(tex, "\\gdef\\%s{%.0f}\n", macro, cores[i].rate);
    }
    fprintf(tex, "\\gdef\\fusedTorchMm{%.0f}\n", torch.mm_rate);
    fprintf(tex, "\\gdef\\fusedPeakGflops{%.0f}\n", peak_gflops);
    fprintf(tex, "\\gdef\\fusedPeakGBs{%.1f}\n", peak_gbs);
    fprintf(tex, "\\gdef\\fusedRidge{%.0f}\n", peak_gflops / peak_gbs);
    fprintf(tex, "\\gdef\\fusedRounds{%d}\n", ROUNDS);
    fprintf(tex, "\\gdef\\fusedLargeSteps{%d}\n", LARGE_STEPS);
    fprintf(tex, "\\gdef\\fusedSmallSteps{%d}\n", SMALL_STEPS);
    fprintf(tex, "\\gdef\\fusedStepMs{%.1f}\n", step_ms);
    fprintf(tex, "\\gdef\\fusedGenericMs{%.1f}\n", generic_ms);
    fprintf(tex, "\\gdef\\fusedTorchMs{%.1f}\n", torch_ms);
    fprintf(tex, "\\gdef\\fusedProductsMs{%.1f}\n", products_ms);
    fprintf(tex, "\\gdef\\fusedStepGflop{%.2f}\n", flops * 1e-9);
    fprintf(tex, "\\gdef\\fusedProductsRate{%.0f}\n",
            flops / products_ms * 1e-6);
    fprintf(tex, "\\gdef\\fusedStepRate{%.0f}\n", flops / step_ms * 1e-6);
    fprintf(tex, "\\gdef\\fusedLargeOurs{%.0f}\n", out[0].rate[FUSED]);
    fprintf(tex, "\\gdef\\fusedLargeTorch{%.0f}\n", out[0].rate[TORCH]);
    fprintf(tex, "\\gdef\\fusedLargeGeneric{%.0f}\n", out[0].rate[GENERIC]);
    fprintf(tex, "\\gdef\\fusedLargeRatio{%.2f}\n", large_ratio);
    fprintf(tex, "\\gdef\\fusedLargeGoal{%.2f}\n", LARGE_GOAL);
    fprintf(tex, "\\gdef\\fusedLargeHolds{%s}\n",
            large_holds ? "holds" : "does not hold");
    fprintf(tex, "\\gdef\\fusedLargeRatioLow{%.2f}\n", ratio_low[0]);
    fprintf(tex, "\\gdef\\fusedLargeRatioHigh{%.2f}\n", ratio_high[0]);
    fprintf(tex, "\\gdef\\fusedSmallRatioLow{%.2f}\n", ratio_low[1]);
    fprintf(tex, "\\gdef\\fusedSmallRatioHigh{%.2f}\n", ratio_high[1]);
    fprintf(tex, "\\gdef\\fusedLargeNeeded{%.2f}\n", large_needed);
    fprintf(tex, "\\gdef\\fusedSmallNeeded{%.2f}\n", small_needed);
    fprintf(tex, "\\gdef\\fusedSmallProducts{%.0f}\n",
            out[1].rate[PRODUCTS]);
    fprintf(tex, "\\gdef\\fusedLargeProducts{%.0f}\n",
            out[0].rate[PRODUCTS]);
    fprintf(tex, "\\gdef\\fusedBoundRatio{%.2f}\n", bound);
    fprintf(tex, "\\gdef\\fusedLargeCeiling{%.2f}\n",
            torch_ms / products_ms);
    fprintf(tex, "\\gdef\\fusedLargeReach{%s}\n", large_needed > 1
            ? "more than the products alone allow: out of reach with this "
              "\\texttt{sgemm}"
            : "less than the products alone allow, so within reach of a "
              "step whose other work is cheap enough");
    fprintf(tex, "\\gdef\\fusedSmallReach{%s}\n", small_needed > 1
            ? "more than the products alone allow: out of reach with this "
              "\\texttt{sgemm}"
            : "less than the products alone allow, so within reach of a "
              "step whose other work is cheap enough");
    double adam_ms = 1e3 * k.seconds[K_ADAM];
    double adam_gbs = k.bytes[K_ADAM] / k.seconds[K_ADAM] * 1e-9;
    fprintf(tex, "\\gdef\\fusedAdamMs{%.1f}\n", adam_ms);
    fprintf(tex, "\\gdef\\fusedAdamGBs{%.1f}\n", adam_gbs);
    fprintf(tex, "\\gdef\\fusedAdamOverTriad{%.2f}\n", adam_gbs / peak_gbs);
    fprintf(tex, "\\gdef\\fusedAdamOfProducts{%.0f}\n",
            100 * adam_ms / products_ms);
    fprintf(tex, "\\gdef\\fusedAdamPredicted{%.0f}\n",
            100 * 28.0 / (6.0 * (double)large.batch) * peak_gflops / peak_gbs);
    fprintf(tex, "\\gdef\\fusedLayersOfProducts{%.0f}\n",
            100 * part_fused[PART_LAYERS] / products_ms);
    fprintf(tex, "\\gdef\\fusedDenseOfPeak{%.2f}\n",
            k.flops[K_DENSE2_B] / k.seconds[K_DENSE2_B] * 1e-9 / peak_gflops);
    fprintf(tex, "\\gdef\\fusedBnForwardOfRoof{%.2f}\n",
            k.bytes[K_BN2_F] / k.seconds[K_BN2_F] * 1e-9 / peak_gbs);
    fprintf(tex, "\\gdef\\fusedBnBackwardOfRoof{%.2f}\n",
            k.bytes[K_BN2_B] / k.seconds[K_BN2_B] * 1e-9 / peak_gbs);
    fprintf(tex, "\\gdef\\fusedDenseIntensity{%.0f}\n",
            k.flops[K_DENSE1_F] / k.bytes[K_DENSE1_F]);
    fprintf(tex, "\\gdef\\fusedPrescottFactor{%.1f}\n",
            cores[1].rate > 0 ? cores[fastest].rate / cores[1].rate : NAN);
    fprintf(tex, "\\gdef\\fusedLastIntensity{%.1f}\n",
            k.flops[K_DENSE3_F] / k.bytes[K_DENSE3_F]);
    /* The same step on the fastest kernel, predicted: the products
       faster by the ratio of the survey's rates, the rest as it is. */
    double current_rate = 0;
    for (int i = 1; i < SURVEYED; i++)
        if (current_rate == 0 && strcmp(cores[i].core, core) == 0)
            current_rate = cores[i].rate;
    double speedup = current_rate > 0 ? cores[fastest].rate / current_rate
                                      : NAN;
    fprintf(tex, "\\gdef\\fusedFastestSpeedup{%.2f}\n", speedup);
    fprintf(tex, "\\gdef\\fusedFastestBoundPredicted{%.2f}\n",
            1 + (step_ms - products_ms) / (products_ms / speedup));
    fprintf(tex, "\\gdef\\fusedBoundGoal{%.2f}\n", BOUND_GOAL);
    fprintf(tex, "\\gdef\\fusedBoundHolds{%s}\n",
            bound_holds ? "holds" : "does not hold");
    fprintf(tex, "\\gdef\\fusedSmallOurs{%.0f}\n", out[1].rate[FUSED]);
    fprintf(tex, "\\gdef\\fusedSmallTorch{%.0f}\n", out[1].rate[TORCH]);
    fprintf(tex, "\\gdef\\fusedSmallGeneric{%.0f}\n", out[1].rate[GENERIC]);
    fprintf(tex, "\\gdef\\fusedSmallRatio{%.2f}\n", small_ratio);
    fprintf(tex, "\\gdef\\fusedSmallGoal{%.0f}\n", SMALL_GOAL);
    fprintf(tex, "\\gdef\\fusedSmallHolds{%s}\n",
            small_holds ? "holds" : "does not hold");
    fprintf(tex, "\\gdef\\fusedFusion{%.2f}\n", fusion);
    fprintf(tex, "\\gdef\\fusedSmallFusion{%.2f}\n", small_fusion);
    for (int part = 0; part < PARTS; part++) {
        static const char *suffix[PARTS] = {"Products", "Layers", "Adam",
                                            "Rest"};
        fprintf(tex, "\\gdef\\fusedPart%s{%.1f}\n", suffix[part],
                part_fused[part]);
        fprintf(tex, "\\gdef\\fusedGenericPart%s{%.1f}\n", suffix[part],
                part_generic[part]);
    }
    fprintf(tex, "\\begin{tabular}{lrrrrr}\n\\toprule\nkernel & ms & "
            "GFLOP/s & GB/s & FLOP/byte & share \\\\\n\\midrule\n");
    for (int which = 0; which < STEP_KERNELS; which++) {
        double s = k.seconds[which];
        fprintf(tex, "\\texttt{%s} & %.3f & %.1f & %.1f & %.1f & "
                "%.0f\\%% \\\\\n", kernel_name[which], 1e3 * s,
                k.flops[which] / s * 1e-9, k.bytes[which] / s * 1e-9,
                k.flops[which] / k.bytes[which], 1e5 * s / step_ms);
    }
    fprintf(tex, "\\midrule\nthe whole fused step & %.3f & %.1f & & & "
            "100\\%% \\\\\n\\bottomrule\n\\multicolumn{6}{l}{\\footnotesize "
            "%d thread(s); OpenBLAS kernel \\fusedCore; median call of %d "
            "rounds.} \\\\\n\\end{tabular}\n", step_ms,
            flops / step_ms * 1e-6, threads, ROUNDS);

    say("\nSummary (%d thread(s), OpenBLAS %s): large %.2fx PyTorch (goal "
        "%.2fx, %s), %.2fx its products' time (goal %.2fx, %s); small "
        "%.2fx PyTorch (goal %.0fx, %s)\n", threads, core, large_ratio,
        LARGE_GOAL, verdict(large_holds), bound, BOUND_GOAL,
        verdict(bound_holds), small_ratio, SMALL_GOAL, verdict(small_holds));
    say("Written: %s/fused.txt, fused.tex, fused-roofline.dat, "
        "fused-breakdown.dat\n", directory);
    kernels_free(&k);
    network_free(&large);
    network_free(&small);
    int closed = fclose(tex) | fclose(roof) | fclose(breakdown) |
                 fclose(report_file);
    return closed != 0;
}
