/* train.c: generated from chapters/13-explorer.nw; do not edit.
   descent train: Chapter 7's training loop from the command line. */
#include "explorer.h"

int explorer_train(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("descent train: not yet written\n", stderr);
    return 2;
}

void explorer_train_usage(FILE *out)
{
    fputs("descent train: not yet written\n", out);
}
