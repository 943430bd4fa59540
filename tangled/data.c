/* data.c: generated from chapters/07-stochastic.nw; do not edit. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "data.h"
#include "internal.h"

static descent_status check_sample_sizes(size_t count, size_t inputs,
                                         size_t classes, size_t outputs,
                                         descent_error *error)
{
    size_t x = 0, y = 0;
    if (count == 0 || inputs == 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "samples: %s = 0",
                            count == 0 ? "count" : "inputs");
    if ((classes == 0) == (outputs == 0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "samples: classes = %zu and outputs = %zu: "
                            "exactly one must be positive", classes,
                            outputs);
    if (classes > INT32_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "samples: classes = %zu is more than a 32-bit "
                            "label can name", classes);
    if (inputs > INT_MAX || outputs > INT_MAX)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "samples: %s = %zu is more than BLAS can index",
                            inputs > INT_MAX ? "inputs" : "outputs",
                            inputs > INT_MAX ? inputs : outputs);
    if (!descent_product_fits(count, inputs, &x) ||
        !descent_product_fits(count, outputs, &y) ||
        y > SIZE_MAX - x || x + y > SIZE_MAX - count ||
        !descent_product_fits(x + y + count, sizeof(float), NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "samples: count = %zu, inputs = %zu need more "
                            "memory than size_t can count", count, inputs);
    return descent_succeed(error);
}
descent_status descent_samples_init(descent_samples *s, size_t count,
                                    size_t inputs, size_t classes,
                                    size_t outputs, descent_error *error)
{
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "samples: s is NULL");
    *s = (descent_samples){0};
    descent_status status = check_sample_sizes(count, inputs, classes,
                                               outputs, error);
    if (status)
        return status;
    *s = (descent_samples){.count = count, .inputs = inputs,
                           .classes = classes, .outputs = outputs};
    s->x = calloc(count * inputs, sizeof *s->x);
    if (classes > 0)
        s->labels = calloc(count, sizeof *s->labels);
    else
        s->targets = calloc(count * outputs, sizeof *s->targets);
    if (s->x == NULL || (s->labels == NULL && s->targets == NULL)) {
        descent_samples_free(s);
        return descent_fail(error, DESCENT_OUT_OF_MEMORY,
                            "samples: cannot allocate count = %zu, "
                            "inputs = %zu", count, inputs);
    }
    return descent_succeed(error);
}

void descent_samples_free(descent_samples *s)
{
    if (s != NULL) {
        free(s->x);
        free(s->labels);
        free(s->targets);
        *s = (descent_samples){0};
    }
}
typedef struct idx_file {
    gzFile file;
    const char *path, *kind;
    unsigned long long header, length, offset;
} idx_file;

static descent_status truncated(const idx_file *f, descent_error *error)
{
    return descent_fail(error, DESCENT_DATA_ERROR,
                        "%s file '%s' is truncated: it ends after %llu "
                        "of the %llu bytes %s", f->kind, f->path,
                        f->offset, f->length,
                        f->length <= f->header ? "of the header"
                                               : "its header announces");
}
static descent_status read_exactly(idx_file *f, void *buffer, size_t size,
                                   descent_error *error)
{
    unsigned char *to = buffer;
    while (size > 0) {
        unsigned piece = size < (1u << 30) ? (unsigned)size : 1u << 30;
        int got = gzread(f->file, to, piece), code = Z_OK;
        if (got < 0) {
            const char *why = gzerror(f->file, &code);
            if (code == Z_BUF_ERROR)
                return truncated(f, error);
            return descent_fail(error, DESCENT_DATA_ERROR,
                                "%s file '%s' cannot be read after %llu "
                                "bytes: %s", f->kind, f->path, f->offset,
                                why);
        }
        if (got == 0)
            return truncated(f, error);
        to += got;
        size -= (size_t)got;
        f->offset += (unsigned long long)got;
    }
    return descent_succeed(error);
}
static descent_status check_end(idx_file *f, descent_error *error)
{
    unsigned char extra;
    int got = gzread(f->file, &extra, 1), code = Z_OK;
    if (got < 0) {
        const char *why = gzerror(f->file, &code);
        if (code == Z_BUF_ERROR)
            return truncated(f, error);
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "%s file '%s' cannot be read after %llu "
                            "bytes: %s", f->kind, f->path, f->offset, why);
    }
    if (got > 0)
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "%s file '%s' goes on after the %llu bytes "
                            "its header announces", f->kind, f->path,
                            f->length);
    gzerror(f->file, &code);
    if (code != Z_OK)
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "%s file '%s' is truncated: its compressed "
                            "stream stops before its end", f->kind,
                            f->path);
    return descent_succeed(error);
}
static descent_status idx_open(idx_file *f, const char *path,
                               const char *kind, descent_error *error)
{
    *f = (idx_file){.path = path, .kind = kind};
    errno = 0;
    f->file = gzopen(path, "rb");
    if (f->file == NULL)
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "%s file '%s' cannot be opened: %s", kind,
                            path, errno ? strerror(errno)
                                        : "out of memory");
    gzbuffer(f->file, 1 << 17);
    return descent_succeed(error);
}

static uint32_t big_endian(const unsigned char *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
           (uint32_t)b[2] << 8 | (uint32_t)b[3];
}
static descent_status read_header(idx_file *f, int dimensions,
                                  uint32_t *size, descent_error *error)
{
    unsigned char header[16];
    uint32_t want = 0x800u | (uint32_t)dimensions;
    f->header = f->length = 4 + 4 * (unsigned long long)dimensions;
    descent_status status = read_exactly(f, header, (size_t)f->length,
                                         error);
    if (status)
        return status;
    uint32_t magic = big_endian(header);
    if (magic != want)
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "%s file '%s': magic number 0x%08x, not "
                            "0x%08x%s", f->kind, f->path, magic, want,
                            magic == (0x800u | (4u - (uint32_t)dimensions))
                                ? " (the other kind of IDX file?)" : "");
    for (int i = 0; i < dimensions; i++)
        size[i] = big_endian(header + 4 + 4 * i);
    return descent_succeed(error);
}
static descent_status read_labels(descent_samples *s, idx_file *labels,
                                  uint32_t total, descent_error *error);
static descent_status load(descent_samples *s, idx_file *images,
                           idx_file *labels, size_t limit,
                           descent_error *error);
descent_status descent_idx_load(descent_samples *s, const char *images,
                                const char *labels, size_t limit,
                                descent_error *error)
{
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "idx load: samples s is NULL");
    *s = (descent_samples){0};
    if (images == NULL || labels == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "idx load: %s path is NULL",
                            images == NULL ? "images" : "labels");
    idx_file image_file, label_file;
    descent_status status = idx_open(&image_file, images, "images", error);
    if (status)
        return status;
    status = idx_open(&label_file, labels, "labels", error);
    if (status == DESCENT_OK) {
        status = load(s, &image_file, &label_file, limit, error);
        gzclose(label_file.file);
    }
    gzclose(image_file.file);
    if (status)
        descent_samples_free(s);
    return status;
}
static descent_status load(descent_samples *s, idx_file *images,
                           idx_file *labels, size_t limit,
                           descent_error *error)
{
    uint32_t image_size[3], label_size[1];
    size_t count, inputs;
    descent_status status = read_header(images, 3, image_size, error);
    if (status == DESCENT_OK)
        status = read_header(labels, 1, label_size, error);
    if (status)
        return status;
    if (image_size[0] == 0 || image_size[1] == 0 || image_size[2] == 0)
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "images file '%s' announces %lu images of "
                            "%lu x %lu pixels", images->path,
                            (unsigned long)image_size[0],
                            (unsigned long)image_size[1],
                            (unsigned long)image_size[2]);
    if (image_size[0] != label_size[0])
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "images file '%s' holds %lu images but labels "
                            "file '%s' %lu labels", images->path,
                            (unsigned long)image_size[0], labels->path,
                            (unsigned long)label_size[0]);
    if (limit > image_size[0])
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "idx load: limit = %zu is more than the %lu "
                            "samples in '%s'", limit,
                            (unsigned long)image_size[0], images->path);
    size_t pixels;
    if (!descent_product_fits(image_size[1], image_size[2], &inputs) ||
        !descent_product_fits(image_size[0], inputs, &pixels) ||
        !descent_product_fits(pixels, sizeof(float), NULL))
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "images file '%s': %lu images of %lu x %lu "
                            "pixels are more than size_t can count",
                            images->path, (unsigned long)image_size[0],
                            (unsigned long)image_size[1],
                            (unsigned long)image_size[2]);
    count = limit > 0 ? limit : image_size[0];
    images->length = 16 + (unsigned long long)image_size[0] * inputs;
    labels->length = 8 + (unsigned long long)label_size[0];
    status = descent_samples_init(s, count, inputs, 256, 0, error);
    if (status)
        return status;
    status = read_labels(s, labels, label_size[0], error);
    if (status)
        return status;
    unsigned char block[1 << 16];
    size_t total = s->count * s->inputs;
    for (size_t done = 0; done < total;) {
        size_t size = total - done < sizeof block ? total - done
                                                  : sizeof block;
        status = read_exactly(images, block, size, error);
        if (status)
            break;
        for (size_t i = 0; i < size; i++)
            s->x[done + i] = (float)block[i] / 255.0f;
        done += size;
    }
    if (status == DESCENT_OK && count == image_size[0])
        status = check_end(images, error);
    return status;
}
static descent_status read_labels(descent_samples *s, idx_file *labels,
                                  uint32_t total, descent_error *error)
{
    unsigned char block[1 << 16];
    int largest = 0;
    for (size_t done = 0; done < total;) {
        size_t size = total - done < sizeof block ? total - done
                                                  : sizeof block;
        descent_status status = read_exactly(labels, block, size, error);
        if (status)
            return status;
        for (size_t i = 0; i < size; i++) {
            if (done + i < s->count)
                s->labels[done + i] = block[i];
            largest = block[i] > largest ? block[i] : largest;
        }
        done += size;
    }
    s->classes = (size_t)largest + 1;
    return check_end(labels, error);
}
descent_status descent_fashion_mnist_load(descent_samples *s,
                                          bool training, size_t limit,
                                          descent_error *error)
{
    const char *folder = getenv("DESCENT_FASHION_MNIST");
    const char *set = training ? "train" : "t10k";
    char images[4096], labels[4096];
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "fashion-mnist: samples s is NULL");
    *s = (descent_samples){0};
    if (folder == NULL || folder[0] == '\0')
        folder = "/usr/share/datasets/fashion-mnist";
    int a = snprintf(images, sizeof images, "%s/%s-images-idx3-ubyte.gz",
                     folder, set);
    int b = snprintf(labels, sizeof labels, "%s/%s-labels-idx1-ubyte.gz",
                     folder, set);
    if (a < 0 || b < 0 || (size_t)a >= sizeof images ||
        (size_t)b >= sizeof labels)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "fashion-mnist: the folder name is too long "
                            "(DESCENT_FASHION_MNIST, %zu characters)",
                            strlen(folder));
    descent_status status = descent_idx_load(s, images, labels, limit,
                                             error);
    if (status == DESCENT_DATA_ERROR && error != NULL &&
        strstr(error->message, "cannot be opened") != NULL)
        {
            size_t used = strlen(error->message);
            snprintf(error->message + used, sizeof error->message - used,
                     " (install Debian's dataset-fashion-mnist, or set "
                     "DESCENT_FASHION_MNIST to its folder)");
        }
    if (status)
        return status;
    if (s->inputs != 28 * 28 || s->classes > 10) {
        size_t inputs = s->inputs, largest = s->classes - 1;
        descent_samples_free(s);
        if (inputs != 28 * 28)
            return descent_fail(error, DESCENT_DATA_ERROR,
                                "images file '%s': images of %zu pixels, not "
                                "28 x 28 = 784", images, inputs);
        return descent_fail(error, DESCENT_DATA_ERROR,
                            "labels file '%s': label %zu is not one of the "
                            "10 classes of Fashion-MNIST", labels, largest);
    }
    s->classes = 10;
    return descent_succeed(error);
}
