/* claims.c: generated from chapters/90-claims.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"

void claim_format(char *text, int size, double x)
{
    if (x == 0 || !isfinite(x)) {
        snprintf(text, (size_t)size, "$%.3g$", x);
        return;
    }
    int exponent = (int)floor(log10(fabs(x)));
    double mantissa = x / pow(10, exponent);
    if (fabs(mantissa) >= 9.995) {
        mantissa /= 10;
        exponent++;
    }
    if (exponent >= -3 && exponent <= 2)
        snprintf(text, (size_t)size, "$%.3g$", x);
    else if (exponent == 3)
        snprintf(text, (size_t)size, "$%.0f$",
                 round(mantissa * 100) * 10);
    else
        snprintf(text, (size_t)size, "$%.2f\\times10^{%d}$", mantissa,
                 exponent);
}

bool claim_report_at_most(const char *key, const char *statement,
                          double measured, double bound)
{
    char m[64], b[64];
    bool passed = measured <= bound;
    claim_format(m, sizeof m, measured);
    claim_format(b, sizeof b, bound);
    claim_report(key, statement, m, b, passed);
    return passed;
}
static void print_plain(const char *latex)
{
    static const char times_ten[] = "\\times10^";
    for (const char *c = latex; *c != '\0'; c++) {
        if (strncmp(c, times_ten, sizeof times_ten - 1) == 0) {
            putchar('e');
            c += sizeof times_ten - 2;
        } else if (c[0] == '\\' && (c[1] == ',' || c[1] == ';')) {
            putchar(' ');
            c++;
        } else if (*c != '$' && *c != '{' && *c != '}' && *c != '\\') {
            putchar(*c);
        }
    }
}

void claim_report(const char *key, const char *statement,
                  const char *measured, const char *bound, bool passed)
{
    const char *path = getenv("DESCENT_CLAIMS");
    printf("[ CLAIM    ] %s: measured ", key);
    print_plain(measured);
    printf(", bound ");
    print_plain(bound);
    printf(": %s\n", passed ? "holds" : "FAILS");
    fflush(stdout);
    if (path == NULL || *path == '\0')
        return;
    FILE *record = fopen(path, "a");
    if (record == NULL) {
        perror(path);
        exit(EXIT_FAILURE);
    }
    fprintf(record, "%s\t%s\t%s\t%s\t%s\n", key, statement, measured,
            bound, passed ? "holds" : "fails");
    fclose(record);
}
void claim_table_row(const char *table, const char *format, ...)
{
    const char *record = getenv("DESCENT_CLAIMS");
    if (record == NULL || *record == '\0')
        return;
    const char *slash = strrchr(record, '/');
    int folder = slash != NULL ? (int)(slash - record) : 1;
    char path[4096];
    snprintf(path, sizeof path, "%.*s/run-%s.tex", folder,
             slash != NULL ? record : ".", table);
    FILE *out = fopen(path, "a");
    if (out == NULL) {
        perror(path);
        exit(EXIT_FAILURE);
    }
    va_list args;
    va_start(args, format);
    vfprintf(out, format, args);
    va_end(args);
    fputc('\n', out);
    fclose(out);
}
void claim_fail(const char *format, ...)
{
    char text[512];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    fail_msg("%s", text);
}

void expect(descent_status got, const char *message,
            descent_status want, const char *fragment)
{
    if (got != want)
        claim_fail("got %s, wanted %s; message: %s",
                   descent_status_name(got), descent_status_name(want),
                   message);
    if (strstr(message, fragment) == NULL)
        claim_fail("message \"%s\" does not contain \"%s\"", message,
                   fragment);
}
