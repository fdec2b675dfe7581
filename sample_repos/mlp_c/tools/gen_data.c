/* gen_data.c - writes the synthetic data set: three interleaved noisy spirals in the plane.
 *
 * Usage: gen_data OUT_DIR [SEED]     writes OUT_DIR/train.bin and OUT_DIR/test.bin
 *
 * Class c is the arm  r = t,  angle = c·2π/3 + TWIST·t  for t in (0, 1], plus Gaussian noise on
 * the angle. No straight line separates the arms, so a linear model stays well below 100%, while
 * a small MLP with a hidden layer learns the curved boundaries. Records are written grouped by
 * class; the training loader shuffles them. The same seed always gives the same files. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "data.h"
#include "rng.h"

#define N_CLASSES 3
#define N_FEATURES 2
#define TRAIN_PER_CLASS 200
#define TEST_PER_CLASS 100
#define TWIST 3.5f       /* radians the arm turns from the centre to the rim */
#define ANGLE_NOISE 0.2f /* standard deviation of the angle, radians */
#define TWO_PI 6.28318530717958647692f

static int write_split(const char *dir, const char *name, int per_class, Rng *rng)
{
    char path[1024];
    if (data_split_path(path, sizeof path, dir, name) != 0) {
        fprintf(stderr, "gen_data: output path is too long\n");
        return -1;
    }
    FILE *file = fopen(path, "wb");
    if (!file) {
        fprintf(stderr, "gen_data: cannot write %s (does the folder exist?)\n", path);
        return -1;
    }
    const DataHeader header = {DATA_MAGIC, DATA_VERSION, (uint32_t)(per_class * N_CLASSES),
                               N_FEATURES, N_CLASSES};
    int failed = data_write_header(file, &header) != 0;
    for (int c = 0; c < N_CLASSES && !failed; ++c) {
        for (int i = 0; i < per_class && !failed; ++i) {
            const float t = (i + rng_uniform(rng)) / (float)per_class;
            const float angle = c * TWO_PI / N_CLASSES + TWIST * t + ANGLE_NOISE * rng_normal(rng);
            const float x[N_FEATURES] = {t * cosf(angle), t * sinf(angle)};
            failed = data_write_record(file, x, N_FEATURES, c) != 0;
        }
    }
    if (fclose(file) != 0)
        failed = 1;
    if (failed) {
        fprintf(stderr, "gen_data: write to %s failed\n", path);
        return -1;
    }
    printf("gen_data: wrote %d samples to %s\n", per_class * N_CLASSES, path);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s OUT_DIR [SEED]\n", argv[0]);
        return 2;
    }
    uint64_t seed = 7;
    if (argc == 3) {
        char *end = NULL;
        seed = strtoull(argv[2], &end, 10);
        if (!end || *end != '\0') {
            fprintf(stderr, "gen_data: SEED must be a non-negative integer, got '%s'\n", argv[2]);
            return 2;
        }
    }
    /* Separate streams, so changing the size of one split leaves the other unchanged. */
    Rng train_rng, test_rng;
    rng_seed(&train_rng, seed);
    rng_seed(&test_rng, seed ^ 0x5DEECE66Dull);
    if (write_split(argv[1], "train.bin", TRAIN_PER_CLASS, &train_rng) != 0)
        return 1;
    if (write_split(argv[1], "test.bin", TEST_PER_CLASS, &test_rng) != 0)
        return 1;
    return 0;
}
