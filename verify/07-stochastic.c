/* 07-stochastic.c: generated from chapters/07-stochastic.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"

static double chi_square(size_t cells, const long *count, long draws)
{
    double expected = (double)draws / (double)cells, sum = 0;
    for (size_t i = 0; i < cells; i++) {
        double d = (double)count[i] - expected;
        sum += d * d / expected;
    }
    return sum;
}
static double standard_errors(double estimate, double expected,
                              double deviation, long draws)
{
    return fabs(estimate - expected) / (deviation / sqrt((double)draws));
}
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);

static char scratch[512];

static void make_scratch(void)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    for (unsigned k = 0;; k++) {
        snprintf(scratch, sizeof scratch, "%s/descent-07-%ld-%u", tmp,
                 (long)getpid(), k);
        if (mkdir(scratch, 0700) == 0)
            return;
        if (errno != EEXIST || k > 100)
            claim_fail("cannot make a folder in %s: %s", tmp,
                       strerror(errno));
    }
}
static const char *in_scratch(const char *name)
{
    static char paths[4][600];
    static int next;
    char *path = paths[next++ % 4];
    snprintf(path, sizeof paths[0], "%s/%s", scratch, name);
    return path;
}

static void write_bytes(const char *path, const unsigned char *b,
                        size_t size)
{
    FILE *out = fopen(path, "wb");
    if (out == NULL || fwrite(b, 1, size, out) != size || fclose(out))
        claim_fail("cannot write %s", path);
}

static void write_gzip(const char *path, const unsigned char *b,
                       size_t size)
{
    gzFile out = gzopen(path, "wb");
    if (out == NULL || gzwrite(out, b, (unsigned)size) != (int)size ||
        gzclose(out) != Z_OK)
        claim_fail("cannot write %s", path);
}
static size_t read_bytes(const char *path, unsigned char *b, size_t size)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        claim_fail("cannot read %s", path);
    size_t got = fread(b, 1, size, in);
    fclose(in);
    return got;
}

static void forget_scratch(void)
{
    const char *names[] = {"images", "labels", "images.gz", "cut",
                           "t10k-images-idx3-ubyte.gz",
                           "t10k-labels-idx1-ubyte.gz"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        remove(in_scratch(names[i]));
    remove(scratch);
}
static void put_big_endian(unsigned char *b, uint32_t x)
{
    b[0] = (unsigned char)(x >> 24);
    b[1] = (unsigned char)(x >> 16);
    b[2] = (unsigned char)(x >> 8);
    b[3] = (unsigned char)x;
}

static size_t image_idx(unsigned char *b, uint32_t magic, uint32_t count,
                        uint32_t rows, uint32_t columns)
{
    put_big_endian(b, magic);
    put_big_endian(b + 4, count);
    put_big_endian(b + 8, rows);
    put_big_endian(b + 12, columns);
    size_t pixels = (size_t)count * rows * columns;
    for (size_t k = 0; k < pixels; k++)
        b[16 + k] = (unsigned char)(k % 251);
    return 16 + pixels;
}

static size_t label_idx(unsigned char *b, uint32_t magic, uint32_t count,
                        const unsigned char *labels)
{
    put_big_endian(b, magic);
    put_big_endian(b + 4, count);
    memcpy(b + 8, labels, count);
    return 8 + count;
}


static void claim_random_reference(void **state)
{
    static const uint64_t expected[2][8] = {
        {UINT64_C(0x99ec5f36cb75f2b4), UINT64_C(0xbf6e1f784956452a),
         UINT64_C(0x1a5f849d4933e6e0), UINT64_C(0x6aa594f1262d2d2c),
         UINT64_C(0xbba5ad4a1f842e59), UINT64_C(0xffef8375d9ebcaca),
         UINT64_C(0x6c160deed2f54c98), UINT64_C(0x8920ad648fc30a3f)},
        {UINT64_C(0x15780b2e0c2ec716), UINT64_C(0x6104d9866d113a7e),
         UINT64_C(0xae17533239e499a1), UINT64_C(0xecb8ad4703b360a1),
         UINT64_C(0xfde6dc7fe2ec5e64), UINT64_C(0xc50da53101795238),
         UINT64_C(0xb82154855a65ddb2), UINT64_C(0xd99a2743ebe60087)}};
    static const uint64_t splitmix_zero[4] = {
        UINT64_C(0xe220a8397b1dcdaf), UINT64_C(0x6e789e6aa1b965f4),
        UINT64_C(0x06c45d188009454f), UINT64_C(0xf88bb8a8724c81ec)};
    const uint64_t seeds[2] = {0, 42};
    descent_random r;
    int equal = 0, total = 0;
    (void)state;
    descent_random_seed(&r, 0);
    for (int i = 0; i < 4; i++, total++)
        equal += r.state[i] == splitmix_zero[i];
    for (int s = 0; s < 2; s++) {
        descent_random_seed(&r, seeds[s]);
        for (int i = 0; i < 8; i++, total++)
            equal += descent_random_bits(&r) == expected[s][i];
    }
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d words equal", equal,
             total);
    snprintf(bound, sizeof bound, "all %d", total);
    claim_report("random-reference",
                 "the generator's first words are the reference's",
                 measured, bound, equal == total);
    assert_int_equal(equal, total);
}
static void claim_random_below(void **state)
{
    enum { draws = 1000000 };
    const uint64_t large = UINT64_C(3) << 62, third = UINT64_C(1) << 62;
    long small_count[10] = {0}, large_count[3] = {0};
    descent_random r;
    (void)state;
    descent_random_seed(&r, 2024);
    for (long k = 0; k < draws; k++)
        small_count[descent_random_below(&r, 10)]++;
    for (long k = 0; k < draws; k++)
        large_count[descent_random_below(&r, large) / third]++;
    double small = chi_square(10, small_count, draws);
    double thirds = chi_square(3, large_count, draws);
    char measured[96];
    snprintf(measured, sizeof measured,
             "$\\chi^2_9=%.1f$, $\\chi^2_2=%.1f$", small, thirds);
    bool holds = small < 27.88 && thirds < 13.82;
    claim_report("random-below",
                 "bounded integers are uniform (chi-square)", measured,
                 "$27.88$ and $13.82$", holds);
    assert_true(holds);
}
static void claim_random_uniform(void **state)
{
    enum { draws = 1000000 };
    descent_random r;
    long double sum = 0, squares = 0;
    (void)state;
    descent_random_seed(&r, 7);
    for (long k = 0; k < draws; k++) {
        double u = descent_random_uniform(&r);
        assert_true(u >= 0 && u < 1);
        sum += u;
        squares += (u - 0.5) * (u - 0.5);
    }
    double mean = (double)(sum / draws), variance = (double)(squares / draws);
    double worst = fmax(standard_errors(mean, 0.5, sqrt(1.0 / 12), draws),
                        standard_errors(variance, 1.0 / 12,
                                        sqrt(1.0 / 80 - 1.0 / 144), draws));
    bool holds = claim_report_at_most(
        "random-uniform", "uniform mean and variance, in standard errors",
        worst, 4);
    assert_true(holds);
}
static void claim_random_gaussian(void **state)
{
    enum { draws = 1000000 };
    descent_random r;
    long double sum = 0, squares = 0, fourth = 0;
    (void)state;
    descent_random_seed(&r, 11);
    for (long k = 0; k < draws; k++) {
        double z = descent_random_gaussian(&r);
        sum += z;
        squares += z * z;
        fourth += z * z * z * z;
    }
    double mean = (double)(sum / draws);
    double worst = standard_errors(mean, 0, 1, draws);
    worst = fmax(worst, standard_errors((double)(squares / draws), 1,
                                        sqrt(2.0), draws));
    worst = fmax(worst, standard_errors((double)(fourth / draws), 3,
                                        sqrt(96.0), draws));
    bool holds = claim_report_at_most(
        "random-gaussian",
        "Gaussian mean, variance and fourth moment, in standard errors",
        worst, 4);
    assert_true(holds);
}
static void claim_random_permutation(void **state)
{
    enum { draws = 600000 };
    long count[9] = {0}, cells[6];
    size_t p[3];
    descent_random r;
    descent_error error;
    (void)state;
    descent_random_seed(&r, 3);
    for (long k = 0; k < draws; k++) {
        REQUIRE(descent_random_permutation(&r, 3, p, &error), error);
        assert_true(p[0] + p[1] + p[2] == 3 && p[0] != p[1]);
        count[3 * p[0] + p[1]]++;
    }
    for (int i = 0, c = 0; i < 9; i++)
        if (i / 3 != i % 3)
            cells[c++] = count[i];
    bool holds = claim_report_at_most(
        "random-permutation",
        "permutations of three equally often (chi-square, 5 df)",
        chi_square(6, cells, draws), 20.52);
    assert_true(holds);
}
static void bad_random(void **state)
{
    descent_random r;
    descent_error e;
    size_t p[3];
    double x[3];
    (void)state;
    SURVIVES("descent_random_seed", "seed 0 gives a nonzero state",
             descent_random_seed(&r, 0);
             assert_true((r.state[0] | r.state[1] | r.state[2] |
                          r.state[3]) != 0));
    SURVIVES("descent_random_seed", "any 64-bit seed is valid",
             descent_random_seed(&r, UINT64_MAX));
    SURVIVES("descent_random_bits", "the all-zero state, which no seed "
             "gives, draws zeros", r = (descent_random){0};
             assert_true(descent_random_bits(&r) == 0));
    descent_random_seed(&r, 1);
    SURVIVES("descent_random_below", "n = 0 returns 0",
             assert_true(descent_random_below(&r, 0) == 0));
    SURVIVES("descent_random_below", "n = 1 returns 0",
             assert_true(descent_random_below(&r, 1) == 0));
    SURVIVES("descent_random_below", "n = 2^64 - 1 is valid",
             assert_true(descent_random_below(&r, UINT64_MAX) <
                         UINT64_MAX));
    SURVIVES("descent_random_uniform", "a state whose next word is all "
             "ones gives a value below 1",
             uint64_t w = UINT64_MAX * UINT64_C(0x8e38e38e38e38e39);
             w = (w >> 7) | (w << 57);
             r.state[1] = w * UINT64_C(0xcccccccccccccccd);
             assert_true(descent_random_uniform(&r) == 1 - 0x1.0p-53));
    SURVIVES("descent_random_gaussian", "a new seed discards the spare",
             descent_random_seed(&r, 5); (void)descent_random_gaussian(&r);
             descent_random_seed(&r, 5);
             assert_false(r.has_spare));
    BAD("descent_random_permutation",
        descent_random_permutation(NULL, 3, p, &e), e,
        DESCENT_INVALID_ARGUMENT, "generator r is NULL");
    BAD("descent_random_permutation",
        descent_random_permutation(&r, 3, NULL, &e), e,
        DESCENT_INVALID_ARGUMENT, "p is NULL, n = 3");
    VALID("descent_random_permutation", "n = 0 is the empty permutation",
          descent_random_permutation(&r, 0, NULL, &e), e);
    BAD("descent_random_fill", descent_random_fill(NULL, 3, x, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "generator r is NULL");
    BAD("descent_random_fill", descent_random_fill(&r, 3, NULL, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "x is NULL, n = 3");
    BAD("descent_random_fill", descent_random_fill(&r, 3, x, 3, &e), e,
        DESCENT_INVALID_ARGUMENT, "distribution = 3");
    BAD("descent_random_fill", descent_random_fill(&r, 3, x, -1, &e), e,
        DESCENT_INVALID_ARGUMENT, "distribution = -1");
    VALID("descent_random_fill", "n = 0 draws nothing",
          descent_random_fill(&r, 0, NULL, DESCENT_GAUSSIAN, &e), e);
}
static int refused(const char *images, const char *labels, int *tried)
{
    descent_samples s;
    descent_error e;
    ++*tried;
    descent_status status = descent_idx_load(&s, images, labels, 0, &e);
    descent_samples_free(&s);
    return status == DESCENT_DATA_ERROR;
}
static void check_small_set(const char *images, const char *labels)
{
    descent_samples s;
    descent_error error;
    REQUIRE(descent_idx_load(&s, images, labels, 0, &error), error);
    assert_true(s.count == 3 && s.inputs == 6 && s.classes == 3);
    assert_true(s.outputs == 0 && s.targets == NULL);
    assert_true(s.labels[0] == 0 && s.labels[1] == 2 && s.labels[2] == 1);
    for (int k = 0; k < 18; k++)
        assert_true(s.x[k] == (float)k / 255.0f);
    descent_samples_free(&s);
}
static void claim_idx_faults(void **state)
{
    const unsigned char labels[3] = {0, 2, 1};
    unsigned char image[64], label[16], gz[256], cut[4096];
    int refusals = 0, tried = 0;
    (void)state;
    make_scratch();
    size_t image_size = image_idx(image, 0x803, 3, 2, 3);
    size_t label_size = label_idx(label, 0x801, 3, labels);
    const char *images = in_scratch("images"), *zipped =
        in_scratch("images.gz"), *labels_path = in_scratch("labels");
    write_bytes(images, image, image_size);
    write_bytes(labels_path, label, label_size);
    write_gzip(zipped, image, image_size);
    size_t gz_size = read_bytes(zipped, gz, sizeof gz);
    check_small_set(images, labels_path);
    check_small_set(zipped, labels_path);
    const char *cut_path = in_scratch("cut");
    for (size_t n = 0; n <= image_size; n++) {
        memcpy(cut, image, image_size);
        cut[image_size] = 7;
        write_bytes(cut_path, cut, n < image_size ? n : image_size + 1);
        refusals += refused(cut_path, labels_path, &tried);
    }
    for (size_t n = 0; n <= label_size; n++) {
        memcpy(cut, label, label_size);
        cut[label_size] = 1;
        write_bytes(cut_path, cut, n < label_size ? n : label_size + 1);
        refusals += refused(images, cut_path, &tried);
    }
    for (size_t n = 0; n < gz_size; n++) {
        write_bytes(cut_path, gz, n);
        refusals += refused(cut_path, labels_path, &tried);
    }
    memcpy(cut, gz, gz_size);
    cut[gz_size / 2] ^= 0x10;
    write_bytes(cut_path, cut, gz_size);
    refusals += refused(cut_path, labels_path, &tried);
    {
        FILE *in = fopen("/usr/share/datasets/fashion-mnist/"
                         "train-images-idx3-ubyte.gz", "rb");
        if (in == NULL)
            claim_fail("Fashion-MNIST is not installed: %s", strerror(errno));
        size_t got = fread(cut, 1, sizeof cut, in);
        fclose(in);
        write_bytes(cut_path, cut, got);
        refusals += refused(cut_path, "/usr/share/datasets/fashion-mnist/"
                            "train-labels-idx1-ubyte.gz", &tried);
    }
    forget_scratch();
    char measured[64], bound[32];
    snprintf(measured, sizeof measured, "%d of %d faulty files refused",
             refusals, tried);
    snprintf(bound, sizeof bound, "all %d", tried);
    claim_report("idx-faults", "every cut, extended or altered IDX file "
                 "is refused", measured, bound, refusals == tried);
    assert_int_equal(refusals, tried);
}
static bool balanced(const descent_samples *s, size_t per_class)
{
    size_t count[10] = {0};
    bool holds = s->inputs == 784 && s->classes == 10;
    for (size_t i = 0; holds && i < s->count; i++)
        count[s->labels[i]]++;
    for (size_t c = 0; c < 10; c++)
        holds = holds && count[c] == per_class;
    for (size_t k = 0; holds && k < s->count * s->inputs; k++)
        holds = s->x[k] >= 0 && s->x[k] <= 1;
    return holds;
}
static void claim_fashion_mnist(void **state)
{
    descent_samples test, training;
    descent_error error;
    (void)state;
    REQUIRE(descent_fashion_mnist_load(&test, false, 0, &error), error);
    REQUIRE(descent_fashion_mnist_load(&training, true, 0, &error), error);
    bool holds = test.count == 10000 && training.count == 60000 &&
                 balanced(&test, 1000) && balanced(&training, 6000);
    char measured[96];
    snprintf(measured, sizeof measured,
             "%zu and %zu samples, %zu classes%s", training.count,
             test.count, test.classes, holds ? ", balanced" : "");
    claim_report("fashion-mnist", "Fashion-MNIST loads whole and balanced",
                 measured, "$60000$ and $10000$, $10$ classes of "
                 "$6000$ and $1000$", holds);
    descent_samples_free(&test);
    descent_samples_free(&training);
    assert_true(holds);
}
static void bad_samples(void **state)
{
    descent_samples s;
    descent_error e;
    const size_t big = (size_t)INT_MAX + 1;
    (void)state;
    BAD("descent_samples_init", descent_samples_init(NULL, 2, 3, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "s is NULL");
    BAD("descent_samples_init", descent_samples_init(&s, 0, 3, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "count = 0");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 0, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "inputs = 0");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 3, 0, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "classes = 0 and outputs = 0");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 3, 2, 1, &e),
        e, DESCENT_INVALID_ARGUMENT, "classes = 2 and outputs = 1");
    BAD("descent_samples_init",
        descent_samples_init(&s, 2, 3, (size_t)INT32_MAX + 1, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "classes = 2147483648");
    BAD("descent_samples_init", descent_samples_init(&s, 2, big, 2, 0, &e),
        e, DESCENT_INVALID_ARGUMENT, "inputs = 2147483648");
    BAD("descent_samples_init", descent_samples_init(&s, 2, 3, 0, big, &e),
        e, DESCENT_INVALID_ARGUMENT, "outputs = 2147483648");
    BAD("descent_samples_init",
        descent_samples_init(&s, SIZE_MAX / 2, 4, 2, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "inputs = 4 need more memory");
    BAD("descent_samples_init",
        descent_samples_init(&s, SIZE_MAX, 1, 0, 1, &e), e,
        DESCENT_INVALID_ARGUMENT, "need more memory");
    VALID("descent_samples_init", "a regression set, two targets each",
          descent_samples_init(&s, 2, 3, 0, 2, &e), e);
    assert_true(s.labels == NULL && s.targets != NULL && s.targets[3] == 0);
    descent_samples_free(&s);
    VALID("descent_samples_init", "one class is a valid, if dull, set",
          descent_samples_init(&s, 2, 3, 1, 0, &e), e);
    SURVIVES("descent_samples_free", "a set is freed and left empty",
             descent_samples_free(&s); assert_null(s.x));
    SURVIVES("descent_samples_free", "freeing twice does nothing",
             descent_samples_free(&s));
    SURVIVES("descent_samples_free", "NULL does nothing",
             descent_samples_free(NULL));
    (void)descent_samples_init(&s, 0, 3, 2, 0, &e);
    SURVIVES("descent_samples_free", "a failed creation leaves it empty",
             assert_null(s.labels); descent_samples_free(&s));
}
static descent_status load_small(uint32_t image_magic, uint32_t images,
                                 uint32_t rows, uint32_t columns,
                                 uint32_t label_magic, uint32_t labels,
                                 size_t limit, descent_error *e)
{
    static const unsigned char label_bytes[4] = {0, 2, 1, 3};
    unsigned char image[128], label[16];
    size_t pixels = (size_t)images * rows * columns;
    size_t size = image_idx(image, image_magic, pixels <= 100 ? images : 0,
                            rows, columns);
    if (pixels > 100)
        put_big_endian(image + 4, images);
    write_bytes(in_scratch("images"), image, size);
    size = label_idx(label, label_magic, labels <= 4 ? labels : 0,
                     label_bytes);
    if (labels > 4)
        put_big_endian(label + 4, labels);
    write_bytes(in_scratch("labels"), label, size);
    descent_samples s;
    descent_status status = descent_idx_load(
        &s, in_scratch("images"), in_scratch("labels"), limit, e);
    descent_samples_free(&s);
    return status;
}
static void bad_idx_load(void **state)
{
    const char *name = "descent_idx_load", *dir = "/usr/share/datasets/"
        "fashion-mnist/", *real = "/usr/share/datasets/fashion-mnist/"
        "t10k-labels-idx1-ubyte.gz";
    descent_samples s;
    descent_error e;
    (void)state;
    make_scratch();
    BAD(name, descent_idx_load(NULL, real, real, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "samples s is NULL");
    BAD(name, descent_idx_load(&s, NULL, real, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "images path is NULL");
    BAD(name, descent_idx_load(&s, real, NULL, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "labels path is NULL");
    BAD(name, descent_idx_load(&s, in_scratch("absent"), real, 0, &e), e,
        DESCENT_DATA_ERROR, "absent' cannot be opened: No such file");
    BAD(name, descent_idx_load(&s, dir, real, 0, &e), e,
        DESCENT_DATA_ERROR, "fashion-mnist/' cannot be read after 0 bytes");
    BAD(name, descent_idx_load(&s, real, real, 0, &e), e,
        DESCENT_DATA_ERROR, "magic number 0x00000801, not 0x00000803 (the "
        "other kind");
    BAD(name, load_small(0x803, 3, 2, 3, 0x803, 3, 0, &e), e,
        DESCENT_DATA_ERROR, "labels file");
    BAD(name, load_small(0x80d, 3, 2, 3, 0x801, 3, 0, &e), e,
        DESCENT_DATA_ERROR, "magic number 0x0000080d, not 0x00000803");
    BAD(name, load_small(0x803, 0, 2, 3, 0x801, 0, 0, &e), e,
        DESCENT_DATA_ERROR, "announces 0 images of 2 x 3 pixels");
    BAD(name, load_small(0x803, 3, 0, 3, 0x801, 3, 0, &e), e,
        DESCENT_DATA_ERROR, "announces 3 images of 0 x 3 pixels");
    BAD(name, load_small(0x803, 3, 2, 3, 0x801, 4, 0, &e), e,
        DESCENT_DATA_ERROR, "holds 3 images but labels file");
    BAD(name, load_small(0x803, 3, 2, 3, 0x801, 3, 4, &e), e,
        DESCENT_INVALID_ARGUMENT, "limit = 4 is more than the 3 samples");
    BAD(name, load_small(0x803, UINT32_MAX, UINT32_MAX, UINT32_MAX, 0x801,
                         UINT32_MAX, 0, &e), e, DESCENT_DATA_ERROR,
        "more than size_t can count");
    BAD(name, load_small(0x803, 3, 2, 3, 0x801, 3, 0, &e) == DESCENT_OK
                  ? descent_idx_load(&s, in_scratch("images"),
                                     in_scratch("images"), 0, &e)
                  : DESCENT_OK, e, DESCENT_DATA_ERROR,
        "labels file");
    VALID(name, "limit = count loads the whole set",
          load_small(0x803, 3, 2, 3, 0x801, 3, 3, &e), e);
    forget_scratch();
}
static descent_status fashion_in(const char *folder, size_t limit,
                                 descent_error *e)
{
    descent_samples s;
    if (folder != NULL)
        setenv("DESCENT_FASHION_MNIST", folder, 1);
    descent_status status = descent_fashion_mnist_load(&s, false, limit, e);
    descent_samples_free(&s);
    return status;
}

static void fashion_files(uint32_t rows, uint32_t columns,
                          unsigned char label)
{
    static unsigned char image[16 + 2 * 28 * 28];
    unsigned char labels[2] = {0, label}, bytes[16];
    write_gzip(in_scratch("t10k-images-idx3-ubyte.gz"), image,
               image_idx(image, 0x803, 2, rows, columns));
    write_gzip(in_scratch("t10k-labels-idx1-ubyte.gz"), bytes,
               label_idx(bytes, 0x801, 2, labels));
}
static void bad_fashion_mnist(void **state)
{
    const char *name = "descent_fashion_mnist_load";
    const char *saved = getenv("DESCENT_FASHION_MNIST");
    char before[4096], long_name[5000];
    descent_error e;
    (void)state;
    snprintf(before, sizeof before, "%s", saved != NULL ? saved : "");
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    make_scratch();
    BAD(name, descent_fashion_mnist_load(NULL, false, 0, &e), e,
        DESCENT_INVALID_ARGUMENT, "samples s is NULL");
    BAD(name, fashion_in(in_scratch("absent"), 0, &e), e, DESCENT_DATA_ERROR,
        "cannot be opened: No such file or directory (install Debian's "
        "dataset-fashion-mnist, or set DESCENT_FASHION_MNIST");
    BAD(name, fashion_in(long_name, 0, &e), e, DESCENT_INVALID_ARGUMENT,
        "folder name is too long (DESCENT_FASHION_MNIST, 4999 characters)");
    fashion_files(2, 3, 1);
    BAD(name, fashion_in(scratch, 0, &e), e, DESCENT_DATA_ERROR,
        "images of 6 pixels, not 28 x 28 = 784");
    fashion_files(28, 28, 12);
    BAD(name, fashion_in(scratch, 0, &e), e, DESCENT_DATA_ERROR,
        "label 12 is not one of the 10 classes");
    fashion_files(28, 28, 9);
    VALID(name, "a folder of the user's, through DESCENT_FASHION_MNIST",
          fashion_in(scratch, 0, &e), e);
    BAD(name, fashion_in(scratch, 3, &e), e, DESCENT_INVALID_ARGUMENT,
        "limit = 3 is more than the 2 samples");
    VALID(name, "limit = 1 loads the first sample",
          fashion_in(scratch, 1, &e), e);
    forget_scratch();
    if (saved != NULL)
        setenv("DESCENT_FASHION_MNIST", before, 1);
    else
        unsetenv("DESCENT_FASHION_MNIST");
}


static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-07-table");
}
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(claim_random_reference),
        cmocka_unit_test(claim_random_below),
        cmocka_unit_test(claim_random_uniform),
        cmocka_unit_test(claim_random_gaussian),
        cmocka_unit_test(claim_random_permutation),
        cmocka_unit_test(bad_random),
        cmocka_unit_test(claim_idx_faults),
        cmocka_unit_test(claim_fashion_mnist),
        cmocka_unit_test(bad_samples),
        cmocka_unit_test(bad_idx_load),
        cmocka_unit_test(bad_fashion_mnist),
        
        
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests_name(
        "chapter 7: stochastic and minibatch gradient descent", tests,
        NULL, NULL);
}
