/* main.c: generated from chapters/13-explorer.nw; do not edit.
   descent: every method of the book on every test problem. */
#include "explorer.h"

int main(int argc, char **argv)
{
    if (argc > 1 && argv[1][0] == 't')
        return explorer_train(argc - 1, argv + 1);
    return 2;
}
