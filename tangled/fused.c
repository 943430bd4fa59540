/* fused.c: generated from chapters/10-gpu.nw; do not edit. */
#include <cblas.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gpu.h"
#include "internal.h"
#include "kernels.h"


