/* claims.h: generated from chapters/90-claims.nw; do not edit. */
#ifndef DESCENT_CLAIMS_H
#define DESCENT_CLAIMS_H

#include <stdbool.h>

#include "descent.h"

void claim_report(const char *key, const char *statement,
                  const char *measured, const char *bound, bool passed);
bool claim_report_at_most(const char *key, const char *statement,
                          double measured, double bound);
void claim_format(char *text, int size, double x);
void claim_table_row(const char *table, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
#define REQUIRE(call, error)                                          \
    do {                                                              \
        if ((call) != DESCENT_OK)                                     \
            claim_fail("%s failed: %s", #call, (error).message);     \
    } while (0)

void claim_fail(const char *format, ...)
    __attribute__((format(printf, 1, 2)));
void expect(descent_status got, const char *message,
            descent_status want, const char *fragment);

#endif
