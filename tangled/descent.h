/* descent.h: generated from chapters/01-descent.nw; do not edit. */
#ifndef DESCENT_H
#define DESCENT_H

#include "core.h"
#include "linesearch.h"
#include "cg.h"
#include "momentum.h"
#include "newton.h"
#include "network.h"
#include "random.h"
#include "data.h"
#include "stochastic.h"
#include "train.h"
#include "sharpness.h"
#include "adaptive.h"
#include "batchnorm.h"
#include "init.h"
#include "gpu.h"
#include "distributed.h"
#include "beyond.h"
#include "explore.h"

#endif
