/* problems.c: generated from chapters/13-explorer.nw; do not edit. */
#include "internal-explore.h"

const descent_component descent_collection_problems[1] = {{0}};
const size_t descent_collection_count = 0;
