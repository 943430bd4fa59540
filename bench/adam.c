/* adam.c: one Adam update over COUNT = 10^7 floats (Chapter 8), our
 * fused float rule against PyTorch's torch.optim.Adam on the CPU and
 * against a STREAM-style bound over the same bytes, in the same run.
 *
 * An Adam step reads four arrays (theta, g, m, v) and writes three
 * (theta, m, v): 28 bytes a parameter, 280 MB for 10^7, far more than
 * any cache, so its time is set by the memory's bandwidth as long as
 * the arithmetic (a square root and a division a parameter) keeps up.
 * The bound is measured, not looked up: a loop in the manner of
 * STREAM (McCalpin) that reads and writes exactly those arrays,
 *     m = b m + g,  v = b v + g,  theta = theta + s (m + v),
 * three triads fused into one pass, the least work that moves Adam's
 * bytes. STREAM's own copy (m = g) and triad (theta = g + s m) are
 * reported beside it, as bandwidths in STREAM's way of counting (8 and
 * 12 bytes an element), so that the reader can compare with published
 * STREAM figures. Goal (issue 15): our step within 1.25 times the
 * fused triad's time.
 *
 * Our side: descent_adaptive_optimizer_init(DESCENT_ADAPTIVE_ADAM) with
 * PyTorch's defaults and descent_optimizer_step, the rule that
 * descent_train calls. PyTorch's side: bench/adaptive-torch.py's mode
 * "adam", torch.optim.Adam with its defaults, first the single-tensor
 * implementation (foreach=False: a sequence of whole-tensor operations,
 * each a pass over memory), then the foreach one (foreach=True: the
 * same operations over lists of tensors; with one tensor it does the
 * same passes). Every side takes two untimed steps first (the first
 * allocates or touches its state), then REPEATS timed steps; the figure
 * is the median step. Our kernels take turns within each round, so
 * that a change in the load of a shared machine falls on all alike. Everything runs on one thread: our rule is a
 * single loop, the STREAM loops too, and PyTorch is set to one intra-op
 * thread (its default is reported).
 *
 * Environment: BENCH_RESULTS (default bench/results) for adam.txt and
 * adam.tex; BENCH_PYTHON (default /usr/bin/python3); BENCH_TORCH_SCRIPT
 * (default bench/adaptive-torch.py).
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

#include "descent.h"
#define BENCH_NAME "adam"
#include "report.h"
#include "timing.h"

/* The flags the Makefile adds for adaptive.c alone (CFLAGS_adaptive). */
#ifndef BENCH_ADAPTIVE_CFLAGS
#define BENCH_ADAPTIVE_CFLAGS "(not recorded)"
#endif

char *openblas_get_corename(void);
char *openblas_get_config(void);

enum { COUNT = 10000000, REPEATS = 21, WARMUP = 2, SEED = 15,
       CACHED = 4000, PASSES = COUNT / CACHED };
#define GOAL 1.25
#define ETA 1e-3

/* The arrays every side in this process works on. */
typedef struct arrays {
    float *theta, *g, *m, *v;
} arrays;

/* The STREAM-style loops. Each returns nothing; the sum at the end of
 * main reads every array, so that no loop is optimized away. */
static void stream_copy(float *restrict to, const float *restrict from)
{
    for (size_t i = 0; i < COUNT; i++)
        to[i] = from[i];
}

static void stream_triad(float *restrict a, const float *restrict b,
                         const float *restrict c, float s)
{
    for (size_t i = 0; i < COUNT; i++)
        a[i] = b[i] + s * c[i];
}

static void stream_adam_bytes(size_t count, float *restrict theta,
                              const float *restrict g, float *restrict m,
                              float *restrict v, float b, float s)
{
    for (size_t i = 0; i < count; i++) {
        m[i] = b * m[i] + g[i];
        v[i] = b * v[i] + g[i];
        theta[i] += s * (m[i] + v[i]);
    }
}

/* The last two run PASSES times over the first CACHED parameters
 * (16 KB an array, 64 KB in all, which stay in the caches): the same
 * number of parameter updates as the others, without the memory, so
 * that their time is the arithmetic's. */
typedef enum kernel { COPY, TRIAD, ADAM_BYTES, OURS, ADAM_BYTES_CACHED,
                      OURS_CACHED, KERNELS } kernel;

static const char *kernel_name[KERNELS] = {
    "STREAM copy", "STREAM triad", "fused triad (Adam's bytes)",
    "descent Adam", "fused triad, in cache", "descent Adam, in cache"};
/* Bytes an element as STREAM counts them (reads plus writes). */
static const double kernel_bytes[KERNELS] = {8, 12, 28, 28, 28, 28};

/* One run of kernel k. */
static void run_kernel(kernel k, arrays *a, descent_optimizer *opt,
                       descent_optimizer *cached)
{
    descent_error e;
    switch (k) {
    case COPY:
        stream_copy(a->m, a->g);
        break;
    case TRIAD:
        stream_triad(a->theta, a->g, a->m, 1e-3f);
        break;
    case ADAM_BYTES:       /* b = 0.5 keeps m and v bounded over the runs */
        stream_adam_bytes(COUNT, a->theta, a->g, a->m, a->v, 0.5f, -1e-6f);
        break;
    case OURS:
        if (descent_optimizer_step(opt, a->theta, a->g, ETA, &e))
            die("descent_optimizer_step: %s", e.message);
        break;
    case ADAM_BYTES_CACHED:
        for (int p = 0; p < PASSES; p++)
            stream_adam_bytes(CACHED, a->theta, a->g, a->m, a->v, 0.5f,
                              -1e-6f);
        break;
    case OURS_CACHED:
        for (int p = 0; p < PASSES; p++)
            if (descent_optimizer_step(cached, a->theta, a->g, ETA, &e))
                die("descent_optimizer_step: %s", e.message);
        break;
    case KERNELS:
        break;
    }
}

/* REPEATS timed runs of every kernel after WARMUP untimed ones, the
 * kernels taking turns within each round, so that a change in the
 * machine's load while the program runs falls on all of them alike;
 * seconds[k] is kernel k's median. */
static void time_kernels(arrays *a, descent_optimizer *opt,
                         descent_optimizer *cached,
                         double runs[KERNELS][REPEATS],
                         double seconds[KERNELS])
{
    for (int r = -WARMUP; r < REPEATS; r++)
        for (kernel k = 0; k < KERNELS; k++) {
            double t0 = now();
            run_kernel(k, a, opt, cached);
            double elapsed = now() - t0;
            if (r >= 0)
                runs[k][r] = elapsed;
        }
    for (kernel k = 0; k < KERNELS; k++) {
        double work[REPEATS];
        memcpy(work, runs[k], sizeof work);
        seconds[k] = median(work, REPEATS);
    }
}

typedef struct torch_outcome {
    double single, foreach;            /* median seconds */
    double single_runs[REPEATS], foreach_runs[REPEATS];
    char core[64], version[64];
    int blas_threads, threads, default_threads;
} torch_outcome;

static void torch_threads(const char *python, const char *script,
                          torch_outcome *o)
{
    char command[4096], line[256];
    snprintf(command, sizeof command, "'%s' '%s' threads", python, script);
    FILE *p = popen(command, "r");
    if (p == NULL)
        die("cannot run %s: %s", command, strerror(errno));
    snprintf(o->version, sizeof o->version, "(unknown)");
    while (fgets(line, sizeof line, p) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (sscanf(line, "threads %d", &o->default_threads) == 1)
            continue;
        if (strncmp(line, "torch ", 6) == 0)
            snprintf(o->version, sizeof o->version, "%.63s", line + 6);
    }
    if (pclose(p) != 0 || o->default_threads < 1)
        die("%s could not tell torch's thread count (is python3-torch "
            "installed for %s?)", script, python);
}

static void run_torch(const char *python, const char *script,
                      torch_outcome *o)
{
    char command[4096], line[256];
    snprintf(command, sizeof command, "'%s' '%s' adam %d %d 1 %d", python,
             script, COUNT, REPEATS, SEED);
    FILE *p = popen(command, "r");
    if (p == NULL)
        die("cannot run %s: %s", command, strerror(errno));
    int singles = 0, foreaches = 0;
    while (fgets(line, sizeof line, p) != NULL) {
        double seconds;
        if (sscanf(line, "single %lf", &seconds) == 1 && singles < REPEATS)
            o->single_runs[singles++] = seconds;
        else if (sscanf(line, "foreach %lf", &seconds) == 1 &&
                 foreaches < REPEATS)
            o->foreach_runs[foreaches++] = seconds;
        else if (sscanf(line, "blas %63s %d", o->core, &o->blas_threads) == 2)
            continue;
        else if (sscanf(line, "intraop %d", &o->threads) == 1)
            continue;
    }
    int status = pclose(p);
    if (status != 0 || singles != REPEATS || foreaches != REPEATS)
        die("%s ended with status %d after %d and %d of %d steps", script,
            status, singles, foreaches, REPEATS);
    double work[REPEATS];
    memcpy(work, o->single_runs, sizeof work);
    o->single = median(work, REPEATS);
    memcpy(work, o->foreach_runs, sizeof work);
    o->foreach = median(work, REPEATS);
}

static void say_runs(const char *who, const double *runs)
{
    say("  %s:\n   ", who);
    for (int k = 0; k < REPEATS; k++)
        say(" %6.1f%s", 1e3 * runs[k], k % 11 == 10 ? "\n   " : "");
    say("\n");
}

int main(void)
{
    const char *directory = results_directory();
    const char *python = setting("BENCH_PYTHON", "/usr/bin/python3");
    const char *script = setting("BENCH_TORCH_SCRIPT", "bench/adaptive-torch.py");

    arrays a;
    descent_optimizer opt, cached;
    descent_error e;
    descent_random r;
    a.theta = malloc(COUNT * sizeof(float));
    a.g = malloc(COUNT * sizeof(float));
    a.m = malloc(COUNT * sizeof(float));
    a.v = malloc(COUNT * sizeof(float));
    if (!a.theta || !a.g || !a.m || !a.v)
        die("out of memory for 4 x %d floats", COUNT);
    descent_random_seed(&r, SEED);
    for (size_t i = 0; i < COUNT; i++) {
        a.theta[i] = (float)descent_random_gaussian(&r);
        a.g[i] = (float)descent_random_gaussian(&r);
        a.m[i] = a.v[i] = 0;
    }
    if (descent_adaptive_optimizer_init(&opt, COUNT, DESCENT_ADAPTIVE_ADAM,
                                        NULL, &e) ||
        descent_adaptive_optimizer_init(&cached, CACHED,
                                        DESCENT_ADAPTIVE_ADAM, NULL, &e))
        die("descent_adaptive_optimizer_init: %s", e.message);

    torch_outcome torch = {0};
    torch_threads(python, script, &torch);
    report_file = open_result(directory, "adam.txt");
    FILE *tex = open_result(directory, "adam.tex");
    const char *forced = getenv("OPENBLAS_CORETYPE");
    say("adam: one Adam update over %d floats: descent's fused rule, "
        "PyTorch, and a STREAM-style bound\n", COUNT);
    say("OpenBLAS core: %s (config: %s)\n", openblas_get_corename(),
        openblas_get_config());
    say("OPENBLAS_CORETYPE: %s\n", forced ? forced : "(not set)");
    say("PyTorch %s (%s), default intra-op threads: %d; run here on 1\n",
        torch.version, python, torch.default_threads);
    say("Online CPUs: %ld; every side on one thread\n",
        sysconf(_SC_NPROCESSORS_ONLN));
    say("Compiler: %s; library CFLAGS: %s, and for adaptive.c also: %s; "
        "this program: %s\n", __VERSION__, BENCH_LIBRARY_CFLAGS,
        BENCH_ADAPTIVE_CFLAGS, BENCH_CFLAGS);
    say("Each side: %d untimed steps, then %d timed; the figure is the "
        "median, in ms.\nOur kernels take turns in each round; PyTorch runs "
        "first, in its own process.\nBytes a parameter as STREAM counts them: copy 8, "
        "triad 12, Adam and its bound 28.\n\n", WARMUP, REPEATS);

    double runs[KERNELS][REPEATS], seconds[KERNELS];
    run_torch(python, script, &torch);
    time_kernels(&a, &opt, &cached, runs, seconds);
    say("time of each timed step, ms:\n");
    for (kernel k = 0; k < KERNELS; k++)
        say_runs(kernel_name[k], runs[k]);
    say_runs("PyTorch Adam (single-tensor)", torch.single_runs);
    say_runs("PyTorch Adam (foreach)", torch.foreach_runs);
    say("PyTorch's OpenBLAS: %s, %d threads; intra-op threads %d\n\n",
        torch.core, torch.blas_threads, torch.threads);

    say("%-30s %9s %9s\n", "median", "ms", "GB/s");
    for (kernel k = 0; k < KERNELS; k++)
        say("%-30s %9.2f %9.2f\n", kernel_name[k], 1e3 * seconds[k],
            kernel_bytes[k] * COUNT / seconds[k] * 1e-9);
    say("%-30s %9.2f %9.2f\n", "PyTorch Adam (single-tensor)",
        1e3 * torch.single, 28.0 * COUNT / torch.single * 1e-9);
    say("%-30s %9.2f %9.2f\n", "PyTorch Adam (foreach)",
        1e3 * torch.foreach, 28.0 * COUNT / torch.foreach * 1e-9);
    double bound_ratio = seconds[OURS] / seconds[ADAM_BYTES];
    double triad_bound = 28.0 * COUNT / (12.0 * COUNT / seconds[TRIAD]);
    bool holds = bound_ratio <= GOAL;
    say("\ndescent / fused triad = %.2f (goal at most %.2f: %s); "
        "descent / (Adam's bytes at the triad's bandwidth) = %.2f\n",
        bound_ratio, GOAL, holds ? "holds" : "DOES NOT HOLD",
        seconds[OURS] / triad_bound);
    say("PyTorch / descent: single-tensor %.2f, foreach %.2f\n",
        torch.single / seconds[OURS], torch.foreach / seconds[OURS]);

    fprintf(tex, "%% adam.tex: written by bench/adam.c (make bench); do "
            "not edit.\n%% Needs booktabs.\n");
    fprintf(tex, "\\gdef\\adamCount{10^7}\n");
    fprintf(tex, "\\gdef\\adamOursMs{%.1f}\n", 1e3 * seconds[OURS]);
    fprintf(tex, "\\gdef\\adamBoundMs{%.1f}\n", 1e3 * seconds[ADAM_BYTES]);
    fprintf(tex, "\\gdef\\adamBoundRatio{%.2f}\n", bound_ratio);
    fprintf(tex, "\\gdef\\adamGoal{%.2f}\n", GOAL);
    fprintf(tex, "\\gdef\\adamGoalHolds{%s}\n", holds ? "holds" : "fails");
    fprintf(tex, "\\gdef\\adamCopyGBs{%.1f}\n",
            8.0 * COUNT / seconds[COPY] * 1e-9);
    fprintf(tex, "\\gdef\\adamTriadGBs{%.1f}\n",
            12.0 * COUNT / seconds[TRIAD] * 1e-9);
    fprintf(tex, "\\gdef\\adamBoundGBs{%.1f}\n",
            28.0 * COUNT / seconds[ADAM_BYTES] * 1e-9);
    fprintf(tex, "\\gdef\\adamOursGBs{%.1f}\n",
            28.0 * COUNT / seconds[OURS] * 1e-9);
    fprintf(tex, "\\gdef\\adamTriadRatio{%.2f}\n",
            seconds[OURS] / triad_bound);
    fprintf(tex, "\\gdef\\adamOursCachedMs{%.1f}\n",
            1e3 * seconds[OURS_CACHED]);
    fprintf(tex, "\\gdef\\adamBoundCachedMs{%.1f}\n",
            1e3 * seconds[ADAM_BYTES_CACHED]);
    fprintf(tex, "\\gdef\\adamTorchSingleMs{%.1f}\n", 1e3 * torch.single);
    fprintf(tex, "\\gdef\\adamTorchForeachMs{%.1f}\n", 1e3 * torch.foreach);
    fprintf(tex, "\\gdef\\adamTorchSingleRatio{%.2f}\n",
            torch.single / seconds[OURS]);
    fprintf(tex, "\\gdef\\adamTorchForeachRatio{%.2f}\n",
            torch.foreach / seconds[OURS]);
    fprintf(tex, "\\gdef\\adamRepeats{%d}\n", REPEATS);
    fprintf(tex, "\\gdef\\adamTorchVersion{");
    tex_escape(tex, torch.version);
    fprintf(tex, "}\n\\gdef\\adamOpenblasCore{");
    tex_escape(tex, openblas_get_corename());
    fprintf(tex, "}\n");
    fprintf(tex, "\\begin{tabular}{lrrr}\n\\toprule\n");
    fprintf(tex, "$10^7$ parameter updates & ms & GB/s & "
            "$\\div$ bound \\\\\n\\midrule\n");
    for (kernel k = 0; k < KERNELS; k++)
        fprintf(tex, "%s & %.1f & %.1f & %.2f \\\\\n", kernel_name[k],
                1e3 * seconds[k], kernel_bytes[k] * COUNT / seconds[k] * 1e-9,
                seconds[k] / seconds[ADAM_BYTES]);
    fprintf(tex, "PyTorch Adam, single-tensor & %.1f & %.1f & %.2f \\\\\n",
            1e3 * torch.single, 28.0 * COUNT / torch.single * 1e-9,
            torch.single / seconds[ADAM_BYTES]);
    fprintf(tex, "PyTorch Adam, foreach & %.1f & %.1f & %.2f \\\\\n",
            1e3 * torch.foreach, 28.0 * COUNT / torch.foreach * 1e-9,
            torch.foreach / seconds[ADAM_BYTES]);
    fprintf(tex, "\\bottomrule\n\\multicolumn{4}{l}{\\footnotesize One "
            "thread each; OpenBLAS core \\adamOpenblasCore; PyTorch "
            "\\adamTorchVersion; median of %d steps.} \\\\\n"
            "\\end{tabular}\n", REPEATS);

    double sum = 0;
    for (size_t i = 0; i < COUNT; i++)
        sum += (double)a.theta[i] + a.m[i] + a.v[i];
    say("\n(checksum %g)\nWritten: %s/adam.txt, adam.tex\n", sum, directory);
    descent_optimizer_free(&opt);
    descent_optimizer_free(&cached);
    free(a.theta);
    free(a.g);
    free(a.m);
    free(a.v);
    int closed = fclose(tex) | fclose(report_file);
    return closed != 0 || !isfinite(sum);
}
