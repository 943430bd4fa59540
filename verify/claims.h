/* claims.h: generated from chapters/90-claims.nw; do not edit. */
#ifndef DESCENT_CLAIMS_H
#define DESCENT_CLAIMS_H

#include <stdbool.h>

#include "core.h"

void claim_report(const char *key, const char *statement,
                  const char *measured, const char *bound, bool passed);
void claim_skip(const char *key, const char *statement, const char *why);
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
#define BAD(function, call, error, want, fragment)                   \
    do {                                                              \
        bad_input_begin(function, #call, (error).message);            \
        descent_status bad_got_ = (call);                             \
        bad_input_error(bad_got_, (error).message, want, fragment);   \
    } while (0)
#define BAD_NAN(function, call)                                       \
    do {                                                              \
        bad_input_begin(function, #call, NULL);                       \
        double bad_value_ = (call);                                   \
        bad_input_nan(bad_value_);                                    \
    } while (0)
#define VALID(function, why, call, error)                             \
    do {                                                              \
        bad_input_begin(function, #call, (error).message);            \
        descent_status bad_got_ = (call);                             \
        bad_input_valid(bad_got_, (error).message, why);              \
    } while (0)
#define SURVIVES(function, why, statement)                            \
    do {                                                              \
        bad_input_begin(function, #statement, NULL);                  \
        statement;                                                    \
        bad_input_valid(DESCENT_OK, "", why);                         \
    } while (0)

void bad_input_begin(const char *function, const char *call,
                     char *message);
void bad_input_error(descent_status got, const char *message,
                     descent_status want, const char *fragment);
void bad_input_nan(double value);
void bad_input_valid(descent_status got, const char *message,
                     const char *why);
void bad_input_table(const char *table);

#endif
