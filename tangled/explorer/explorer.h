/* explorer.h: generated from chapters/13-explorer.nw; do not edit.
   What the commands of the program descent share. */
#ifndef EXPLORER_H
#define EXPLORER_H

#include <stdio.h>
#include "descent.h"

#ifndef EXPLORER_VERSION
#define EXPLORER_VERSION "unknown"
#endif

enum { EXPLORER_OK = 0, EXPLORER_FAILED = 1, EXPLORER_USAGE = 2 };

/* Print "descent COMMAND: message", a hint, and exit with status 2. */
_Noreturn void explorer_usage_error(const char *format, ...);

int explorer_train(int argc, char **argv);
void explorer_train_usage(FILE *out);

#endif
