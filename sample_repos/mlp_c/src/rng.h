/* rng.h - a small deterministic random number generator.
 *
 * Every random choice in this project (the data set, the weight initialisation, the shuffle
 * order) comes from here, seeded explicitly, so two runs of the same build print the same
 * numbers. That makes the training easy to compare under a debugger. */
#ifndef MLP_C_RNG_H
#define MLP_C_RNG_H

#include <stdint.h>

typedef struct {
    uint64_t state;
} Rng;

void rng_seed(Rng *rng, uint64_t seed);

/* Next raw 64-bit value (splitmix64). */
uint64_t rng_next(Rng *rng);

/* Uniform float in [0, 1). */
float rng_uniform(Rng *rng);

/* Uniform integer in [0, n); n must be > 0. */
int rng_below(Rng *rng, int n);

/* Standard normal sample (Box-Muller). */
float rng_normal(Rng *rng);

#endif
