/* explore-train.c: generated from chapters/13-explorer.nw; do not edit. */
#include "internal-explore.h"

const descent_component descent_training_components[1] = {{0}};
const size_t descent_training_count = 0;
