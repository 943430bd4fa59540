/* claims.h: generated from chapters/90-claims.nw; do not edit. */
#ifndef DESCENT_CLAIMS_H
#define DESCENT_CLAIMS_H

#include <stdbool.h>

void claim_report(const char *key, const char *statement,
                  const char *measured, const char *bound, bool passed);
bool claim_report_at_most(const char *key, const char *statement,
                          double measured, double bound);
void claim_format(char *text, int size, double x);
void claim_table_row(const char *table, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif
