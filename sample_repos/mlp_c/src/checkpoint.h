/* checkpoint.h - saves and loads the MLP's weights.
 *
 * File layout: CheckpointHeader, then fc1.w, fc1.b, fc2.w, fc2.b as raw floats in that order. */
#ifndef MLP_C_CHECKPOINT_H
#define MLP_C_CHECKPOINT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define CHECKPOINT_MAGIC 0x4B43504Du /* the bytes "MPCK" in a little-endian file */
#define CHECKPOINT_VERSION 1u

typedef struct {
    uint32_t magic;
    uint32_t version;
    uint32_t n_inputs;
    uint32_t n_hidden;
    uint32_t n_classes;
} CheckpointHeader;

/* Both return 0 on success and -1 with a message in err on failure. */
int checkpoint_save(const char *path, const Mlp *model, char *err, size_t err_size);

/* Initialises *model (mlp_init) with the shapes stored in the file and loads the weights. */
int checkpoint_load(const char *path, Mlp *model, int max_batch, char *err, size_t err_size);

#endif
