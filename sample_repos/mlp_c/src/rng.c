/* rng.c - splitmix64: tiny, fast and good enough for shuffling and initialisation. */
#include "rng.h"

#include <math.h>

#define TWO_PI 6.28318530717958647692f

void rng_seed(Rng *rng, uint64_t seed)
{
    rng->state = seed;
}

uint64_t rng_next(Rng *rng)
{
    uint64_t z = (rng->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

float rng_uniform(Rng *rng)
{
    /* The top 24 bits fill a float mantissa exactly, so the result is never 1.0f. */
    return (float)(rng_next(rng) >> 40) * (1.0f / 16777216.0f);
}

int rng_below(Rng *rng, int n)
{
    return (int)(rng_next(rng) % (uint64_t)n);
}

float rng_normal(Rng *rng)
{
    /* 1 - u is in (0, 1], so logf never sees zero. */
    const float u1 = 1.0f - rng_uniform(rng);
    const float u2 = rng_uniform(rng);
    return sqrtf(-2.0f * logf(u1)) * cosf(TWO_PI * u2);
}
