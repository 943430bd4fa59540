/* timing.h: the clock and the median that every benchmark uses.
 * A header, since every bench/NAME.c is built as its own program. */
#ifndef BENCH_TIMING_H
#define BENCH_TIMING_H

#include <math.h>
#include <stdlib.h>
#include <time.h>

/* The flags the Makefile passes; a benchmark built by hand says so. */
#ifndef BENCH_CFLAGS
#define BENCH_CFLAGS "(not recorded)"
#endif
#ifndef BENCH_LIBRARY_CFLAGS
#define BENCH_LIBRARY_CFLAGS "(not recorded)"
#endif

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of count values (the mean of the middle two if count is
 * even); NAN if there are none. Sorts x. */
static double median(double *x, size_t count)
{
    if (count == 0)
        return NAN;
    qsort(x, count, sizeof *x, compare);
    return count % 2 ? x[count / 2]
                     : 0.5 * (x[count / 2 - 1] + x[count / 2]);
}

#endif
