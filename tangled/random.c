/* random.c: generated from chapters/07-stochastic.nw; do not edit. */
#include <math.h>

#include "internal.h"
#include "random.h"

static uint64_t rotate_left(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t splitmix64(uint64_t *counter)
{
    uint64_t z = (*counter += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void descent_random_seed(descent_random *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->state[i] = splitmix64(&seed);
    r->spare = 0;
    r->has_spare = false;
}
uint64_t descent_random_bits(descent_random *r)
{
    uint64_t *s = r->state;
    uint64_t result = rotate_left(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotate_left(s[3], 45);
    return result;
}
static uint64_t multiply_high(uint64_t x, uint64_t n, uint64_t *low)
{
    uint64_t mask = UINT64_C(0xffffffff);
    uint64_t x0 = x & mask, x1 = x >> 32, n0 = n & mask, n1 = n >> 32;
    uint64_t p00 = x0 * n0, p01 = x0 * n1, p10 = x1 * n0, p11 = x1 * n1;
    uint64_t middle = (p00 >> 32) + (p01 & mask) + (p10 & mask);
    *low = (middle << 32) | (p00 & mask);
    return p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
}

uint64_t descent_random_below(descent_random *r, uint64_t n)
{
    if (n == 0)
        return 0;
    uint64_t low, high = multiply_high(descent_random_bits(r), n, &low);
    if (low < n) {
        uint64_t t = -n % n;
        while (low < t)
            high = multiply_high(descent_random_bits(r), n, &low);
    }
    return high;
}
double descent_random_uniform(descent_random *r)
{
    return (double)(descent_random_bits(r) >> 11) * 0x1.0p-53;
}
double descent_random_gaussian(descent_random *r)
{
    if (r->has_spare) {
        r->has_spare = false;
        return r->spare;
    }
    double u, v, s;
    do {
        u = 2 * descent_random_uniform(r) - 1;
        v = 2 * descent_random_uniform(r) - 1;
        s = u * u;
        s += v * v;
    } while (s >= 1 || s == 0);
    double factor = sqrt(-2 * log(s) / s);
    r->spare = v * factor;
    r->has_spare = true;
    return u * factor;
}
descent_status descent_random_permutation(descent_random *r, size_t n,
                                          size_t *p,
                                          descent_error *error)
{
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "random permutation: generator r is NULL");
    if (p == NULL && n > 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "random permutation: p is NULL, n = %zu", n);
    for (size_t i = 0; i < n; i++)
        p[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)descent_random_below(r, i);
        size_t swap = p[i - 1];
        p[i - 1] = p[j];
        p[j] = swap;
    }
    return descent_succeed(error);
}
descent_status descent_random_fill(descent_random *r, size_t n,
                                   double *x, int distribution,
                                   descent_error *error)
{
    if (r == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "random fill: generator r is NULL");
    if (x == NULL && n > 0)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "random fill: x is NULL, n = %zu", n);
    if (distribution != DESCENT_UNIFORM &&
        distribution != DESCENT_SYMMETRIC &&
        distribution != DESCENT_GAUSSIAN)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "random fill: distribution = %d is not one "
                            "of DESCENT_UNIFORM, DESCENT_SYMMETRIC, "
                            "DESCENT_GAUSSIAN", distribution);
    for (size_t i = 0; i < n; i++) {
        if (distribution == DESCENT_UNIFORM)
            x[i] = descent_random_uniform(r);
        else if (distribution == DESCENT_SYMMETRIC)
            x[i] = 2 * descent_random_uniform(r) - 1;
        else
            x[i] = descent_random_gaussian(r);
    }
    return descent_succeed(error);
}
