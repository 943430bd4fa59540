/* kernels.h: generated from chapters/10-gpu.nw; do not edit. */
#ifndef DESCENT_KERNELS_H
#define DESCENT_KERNELS_H

#ifdef __CUDACC__
#define DESCENT_HD __host__ __device__
#else
#define DESCENT_HD
#endif




#endif
