/* explorer.h: generated from chapters/13-explorer.nw; do not edit.
   What the commands of the program descent share. */
#ifndef EXPLORER_H
#define EXPLORER_H

#include <stdio.h>
#include "descent.h"
#include "explore.h"

int explorer_train(int argc, char **argv);

#endif
