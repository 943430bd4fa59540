/* gpu-bench.c: Chapter 10's GPU step, measured (make bench-gpu).
 *
 * Built by `make bench` with the rest of bench/ on every machine; where
 * the library has no CUDA, or there is no device, it says so and exits 0
 * (bench/gpu.sh, which `make bench-gpu` runs, refuses such a machine
 * before it gets here). On a GPU:
 *   1. the benchmark network, 784-1024-1024-10 with batch normalization,
 *      batch 256, Adam: descent_gpu_time (internal-gpu.h) times STEPS
 *      steps after ten of warm-up with CUDA events (median, 10th and 90th
 *      percentiles), each kernel of the second hidden stage, the softmax
 *      and the update, and the device's peaks (a device-to-device copy,
 *      an 8192^3 cublasSgemm);
 *   2. the network of claim gpu-accuracy, 784-256-256-10 with batch
 *      normalization, batch 128, Adam at 1e-3, 3 epochs on Fashion-MNIST,
 *      one line per epoch in gpu-train.dat;
 *   3. writes gpu.txt, gpu.tex and gpu-kernels.dat.
 * Environment: BENCH_RESULTS (default bench/results); GPU_TORCH_SAMPLES
 * and GPU_TORCH_VERSION, PyTorch's samples per second and version on the
 * same GPU and network (bench/gpu-torch.py, run by bench/gpu.sh);
 * GPU_CHECK_STATUS, the exit status of the `make check` before it. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "descent.h"
#include "internal-gpu.h"

enum { STEPS = 200, BATCH = 256, WIDE = 1024, COUNT = 256 * 40 };

static void fail(const char *what, const descent_error *e)
{
    fprintf(stderr, "gpu-bench: %s: %s\n", what, e->message);
    exit(EXIT_FAILURE);
}

static void make_model(descent_model *model, size_t hidden, size_t capacity,
                       uint64_t seed)
{
    const descent_layer_spec spec[] = {
        {DESCENT_LAYER_DENSE, hidden}, {DESCENT_LAYER_BATCHNORM, 0},
        {DESCENT_LAYER_RELU, 0},       {DESCENT_LAYER_DENSE, hidden},
        {DESCENT_LAYER_BATCHNORM, 0},  {DESCENT_LAYER_RELU, 0},
        {DESCENT_LAYER_DENSE, 10},
        {DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY, 0}};
    descent_random r;
    descent_error e;
    descent_random_seed(&r, seed);
    if (descent_model_init(model, 784, 8, spec, capacity, &e) ||
        descent_model_init_weights(model, &r, &e))
        fail("model", &e);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Copy text into out with TeX's special characters escaped. */
static void tex_escape(const char *text, char *out, size_t size)
{
    size_t n = 0;
    for (; *text != '\0' && n + 3 < size; text++) {
        if (strchr("&%$#_{}", *text) != NULL)
            out[n++] = '\\';
        out[n++] = *text;
    }
    out[n] = '\0';
}

/* The benchmark network: time it (part 1). */
static void time_step(descent_gpu_timing *t)
{
    descent_model model;
    descent_samples data;
    descent_gpu *gpu = NULL;
    descent_random r;
    descent_error e;
    size_t index[BATCH];
    make_model(&model, WIDE, BATCH, 1);
    if (descent_samples_init(&data, COUNT, 784, 10, 0, &e))
        fail("samples", &e);
    descent_random_seed(&r, 2);
    for (size_t i = 0; i < (size_t)COUNT * 784; i++)
        data.x[i] = (float)descent_random_uniform(&r);
    for (size_t i = 0; i < COUNT; i++)
        data.labels[i] = (int32_t)descent_random_below(&r, 10);
    for (size_t i = 0; i < BATCH; i++)
        index[i] = (size_t)descent_random_below(&r, COUNT);
    if (descent_gpu_init(&gpu, &model, &data, DESCENT_ADAPTIVE_ADAM, NULL,
                         &e) ||
        descent_gpu_time(gpu, index, BATCH, 1e-3, STEPS, t, &e))
        fail("the benchmark network", &e);
    descent_gpu_free(gpu);
    descent_samples_free(&data);
    descent_model_free(&model);
}

/* The network of claim gpu-accuracy, trained for its curves (part 2). */
static void train_curves(FILE *out)
{
    descent_samples train, test;
    descent_model model;
    descent_gpu *gpu = NULL;
    descent_random r;
    descent_error e;
    double loss, test_loss, accuracy;
    if (descent_fashion_mnist_load(&train, true, 0, &e) ||
        descent_fashion_mnist_load(&test, false, 0, &e)) {
        fprintf(out, "# no Fashion-MNIST: %s\n", e.message);
        return;
    }
    size_t *order = malloc(train.count * sizeof *order);
    make_model(&model, 256, 128, 7);
    if (order == NULL ||
        descent_gpu_init(&gpu, &model, &train, DESCENT_ADAPTIVE_ADAM, NULL,
                         &e))
        fail("the training network", &e);
    descent_random_seed(&r, 8);
    for (size_t epoch = 1; epoch <= 3; epoch++) {
        double total = 0, start = now();
        size_t steps = 0;
        if (descent_random_permutation(&r, train.count, order, &e))
            fail("permutation", &e);
        for (size_t i = 0; i < train.count; i += 128, steps++) {
            size_t m = train.count - i < 128 ? train.count - i : 128;
            if (descent_gpu_step(gpu, order + i, m, 1e-3, &loss, &e))
                fail("step", &e);
            total += loss;
        }
        double seconds = now() - start;
        if (descent_gpu_evaluate(gpu, &test, &test_loss, &accuracy, &e))
            fail("evaluate", &e);
        fprintf(out, "%zu %.6f %.6f %.4f %.3f\n", epoch,
                total / (double)steps, test_loss, accuracy, seconds);
    }
    descent_gpu_free(gpu);
    descent_model_free(&model);
    descent_samples_free(&train);
    descent_samples_free(&test);
    free(order);
}

static FILE *open_result(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        exit(EXIT_FAILURE);
    }
    return f;
}

/* A kernel's rate, and its share of the device's peak for its kind. */
static void kernel_rate(const descent_gpu_kernel_time *k,
                        const descent_gpu_timing *t, double *rate,
                        double *share, const char **unit)
{
    bool product = k->flops > 0;
    *rate = (product ? k->flops : k->bytes) / k->seconds;
    *share = *rate / (product ? t->sgemm : t->bandwidth);
    *unit = product ? "TFLOP/s" : "GB/s";
    *rate /= product ? 1e12 : 1e9;
}

static void write_text(FILE *f, const descent_gpu_info *info,
                       const descent_gpu_timing *t, const char *date,
                       double torch)
{
    double ours = BATCH / t->median;
    fprintf(f, "GPU benchmark of descent (make bench-gpu), %s\n", date);
    fprintf(f, "device: %s, compute capability %d.%d, %d multiprocessors, "
               "%.1f GiB\n", info->name, info->major, info->minor,
            info->multiprocessors, (double)info->memory / (1 << 30));
    fprintf(f, "CUDA driver %d, runtime %d\n", info->driver, info->runtime);
    fprintf(f, "peaks measured: copy %.0f GB/s, sgemm %.2f TFLOP/s\n",
            t->bandwidth / 1e9, t->sgemm / 1e12);
    fprintf(f, "step 784-1024-1024-10 + batch norm, batch %d, Adam, %d "
               "steps: median %.1f us (p10 %.1f, p90 %.1f), %.0f samples/s\n",
            BATCH, STEPS, t->median * 1e6, t->p10 * 1e6, t->p90 * 1e6, ours);
    if (torch > 0)
        fprintf(f, "PyTorch on the same GPU: %.0f samples/s; descent/PyTorch "
                   "%.2f (goal: at least 1)\n", torch, ours / torch);
    for (size_t i = 0; i < t->kernels; i++) {
        double rate, share;
        const char *unit;
        kernel_rate(&t->kernel[i], t, &rate, &share, &unit);
        fprintf(f, "kernel %-34s %8.2f us %8.2f %s, %3.0f%% of peak\n",
                t->kernel[i].name, t->kernel[i].seconds * 1e6, rate, unit,
                100 * share);
    }
}

static void write_table(FILE *f, const descent_gpu_info *info,
                        const descent_gpu_timing *t, const char *date,
                        double torch)
{
    char name[600];
    double ours = BATCH / t->median;
    tex_escape(info->name, name, sizeof name);
    fprintf(f, "%% gpu.tex: written by bench/gpu-bench.c (make bench-gpu); "
               "do not edit.\n");
    fprintf(f, "\\begin{tabular}{@{}lrr@{}}\n\\toprule\n");
    fprintf(f, "\\multicolumn{3}{@{}l}{%s, CUDA %d.%d, measured %s}\\\\\n",
            name, info->runtime / 1000, info->runtime % 1000 / 10, date);
    fprintf(f, "\\midrule\nstep, median (10th--90th percentile) & "
               "\\multicolumn{2}{r}{%.0f\\,$\\mu$s (%.0f--%.0f)}\\\\\n",
            t->median * 1e6, t->p10 * 1e6, t->p90 * 1e6);
    fprintf(f, "samples per second & \\multicolumn{2}{r}{%.0f}\\\\\n", ours);
    if (torch > 0)
        fprintf(f, "PyTorch, samples per second (ratio) & "
                   "\\multicolumn{2}{r}{%.0f (%.2f)}\\\\\n", torch,
                ours / torch);
    fprintf(f, "copy bandwidth; \\texttt{sgemm} rate & %.0f\\,GB/s & "
               "%.1f\\,TFLOP/s\\\\\n\\midrule\n", t->bandwidth / 1e9,
            t->sgemm / 1e12);
    fprintf(f, "kernel & $\\mu$s & rate (of peak)\\\\\n");
    for (size_t i = 0; i < t->kernels; i++) {
        double rate, share;
        const char *unit;
        kernel_rate(&t->kernel[i], t, &rate, &share, &unit);
        fprintf(f, "%s & %.1f & %.1f\\,%s (%.0f\\%%)\\\\\n", t->kernel[i].name,
                t->kernel[i].seconds * 1e6, rate, unit, 100 * share);
    }
    fprintf(f, "\\bottomrule\n\\end{tabular}\n");
}

int main(void)
{
    descent_gpu_info info;
    descent_gpu_timing t;
    descent_error e;
    const char *dir = getenv("BENCH_RESULTS") != NULL
                          ? getenv("BENCH_RESULTS") : "bench/results";
    const char *torch_text = getenv("GPU_TORCH_SAMPLES");
    double torch = torch_text != NULL ? atof(torch_text) : 0;
    if (descent_gpu_query(&info, &e) != DESCENT_OK) {
        printf("gpu-bench: no GPU (%s); nothing measured\n", e.message);
        return 0;
    }
    char date[64];
    time_t clock = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&clock));
    time_step(&t);
    FILE *curves = open_result(dir, "gpu-train.dat");
    fprintf(curves, "# gpu-train.dat: written by bench/gpu-bench.c (make "
                    "bench-gpu); do not edit.\n# %s, %s\n# 784-256-256-10 "
                    "with batch norm, batch 128, Adam 1e-3, Fashion-MNIST\n"
                    "# epoch train_loss test_loss test_accuracy seconds\n",
            info.name, date);
    train_curves(curves);
    fclose(curves);
    FILE *text = open_result(dir, "gpu.txt"), *table = open_result(dir,
                                                                    "gpu.tex"),
         *kernels = open_result(dir, "gpu-kernels.dat");
    write_text(stdout, &info, &t, date, torch);
    write_text(text, &info, &t, date, torch);
    write_table(table, &info, &t, date, torch);
    fprintf(kernels, "# gpu-kernels.dat: %s, %s\n# name seconds bytes flops\n",
            info.name, date);
    for (size_t i = 0; i < t.kernels; i++) {
        char name[40];
        snprintf(name, sizeof name, "%s", t.kernel[i].name);
        for (char *c = name; *c != '\0'; c++)
            *c = *c == ' ' || *c == ',' ? '-' : *c;
        fprintf(kernels, "%s %.6e %.6e %.6e\n", name, t.kernel[i].seconds,
                t.kernel[i].bytes, t.kernel[i].flops);
    }
    fclose(text);
    fclose(table);
    fclose(kernels);
    return 0;
}
