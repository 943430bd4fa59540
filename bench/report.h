/* report.h: the report of a benchmark that stands alone (without
 * common.h's GSL): every line to stdout and to its .txt at once, a fatal
 * error, the results' files and the escaping of their TeX macros.
 * Define BENCH_NAME, the program's name for its messages, first. */
#ifndef BENCH_REPORT_H
#define BENCH_REPORT_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef BENCH_NAME
#error "define BENCH_NAME before including report.h"
#endif

static FILE *report_file;

static inline void say(const char *format, ...)
{
    va_list a, b;
    va_start(a, format);
    va_copy(b, a);
    vprintf(format, a);
    fflush(stdout);
    if (report_file != NULL)
        vfprintf(report_file, format, b);
    va_end(b);
    va_end(a);
}

static inline _Noreturn void die(const char *format, ...)
{
    va_list a;
    va_start(a, format);
    fputs(BENCH_NAME ": ", stderr);
    vfprintf(stderr, format, a);
    fputc('\n', stderr);
    va_end(a);
    exit(EXIT_FAILURE);
}

static inline FILE *open_result(const char *directory, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", directory, name);
    FILE *file = fopen(path, "w");
    if (file == NULL)
        die("cannot write %s: %s", path, strerror(errno));
    return file;
}

static inline void tex_escape(FILE *file, const char *s)
{
    for (; *s; s++) {
        if (strchr("_&%$#{}", *s))
            fputc('\\', file);
        fputc(*s, file);
    }
}

#endif
