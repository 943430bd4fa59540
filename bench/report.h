/* report.h: what every benchmark's report needs: every line to stdout
 * and to its .txt at once, a fatal error, the settings from the
 * environment, the results' folder and files, and the escaping of their
 * TeX macros. Define BENCH_NAME, the program's name for its messages,
 * first. Every function is static inline, so one a program leaves unused
 * costs no warning. */
#ifndef BENCH_REPORT_H
#define BENCH_REPORT_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* An environment variable's value, or fallback where it is unset or
 * empty. */
static inline const char *setting(const char *name, const char *fallback)
{
    const char *value = getenv(name);
    return value != NULL && *value != '\0' ? value : fallback;
}

/* The results' folder, $BENCH_RESULTS or bench/results, made if need be. */
static inline const char *results_directory(void)
{
    const char *directory = setting("BENCH_RESULTS", "bench/results");
    if (mkdir(directory, 0777) != 0 && errno != EEXIST)
        die("cannot create %s: %s", directory, strerror(errno));
    return directory;
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
