/* explorer.h: generated from chapters/13-explorer.nw; do not edit.
   What the commands of the program descent share. */
#ifndef EXPLORER_H
#define EXPLORER_H

#include <getopt.h>
#include <stdio.h>
#include "descent.h"

#ifndef EXPLORER_VERSION
#define EXPLORER_VERSION "unknown"
#endif

enum { EXPLORER_OK = 0, EXPLORER_FAILED = 1, EXPLORER_USAGE = 2 };

/* Print "descent COMMAND: message", a hint, and exit with status 2. */
_Noreturn void explorer_usage_error(const char *format, ...);

/* getopt_long's table: the fixed options, then one option for every
   parameter name of the components of the given kinds, each once, with
   the value code (malloc'd; NULL if out of memory). */
struct option *explorer_long_options(const struct option *fixed,
                                     size_t count,
                                     const descent_component_kind *kinds,
                                     size_t kinds_count, int code);
/* The components of those kinds that have a parameter called name, as
   "rule adam, rule adamw". */
void explorer_owners(const char *name, const descent_component_kind *kinds,
                     size_t kinds_count, char *out, size_t size);

int explorer_train(int argc, char **argv);
void explorer_train_usage(FILE *out);

#endif
