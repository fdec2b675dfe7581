/* data.h - the on-disk data format and a loader that reads it in shuffled mini-batches.
 *
 * A split (data/train.bin, data/test.bin) is a DataHeader followed by `count` records, each
 *     float x[dim]; int32_t label;
 * stored in the machine's byte order (tools/gen_data.c writes them on the same machine).
 * The loader never holds the whole file in memory: each batch is read with fread, record by
 * record, in the order of a permutation that is reshuffled at the start of every epoch. */
#ifndef MLP_C_DATA_H
#define MLP_C_DATA_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rng.h"

#define DATA_MAGIC 0x44504C4Du /* the bytes "MLPD" in a little-endian file */
#define DATA_VERSION 1u

typedef struct {
    uint32_t magic;
    uint32_t version;
    uint32_t count;       /* number of records */
    uint32_t dim;         /* features per record */
    uint32_t num_classes; /* labels are 0 .. num_classes-1 */
} DataHeader;

/* One mini-batch, in memory. */
typedef struct {
    int size;     /* samples in this batch; the last batch of an epoch may be short */
    int capacity; /* samples x and y have room for */
    int dim;
    float *x;     /* size x dim features, row-major: sample s is x[s*dim .. s*dim+dim-1] */
    int *y;       /* size labels */
} Batch;

typedef struct {
    FILE *file;
    DataHeader header;
    long data_offset; /* where the first record starts */
    long record_size; /* bytes per record */
    int batch_size;
    int shuffle;      /* reshuffle `order` at every loader_start_epoch */
    int *order;       /* record numbers in the order this epoch visits them */
    int cursor;       /* position in `order` of the next record to read */
    Rng rng;
    char error[160];  /* why the last call failed */
} Loader;

/* Opens a split and checks its header. On failure returns -1 and writes the reason to err. */
int loader_open(Loader *loader, const char *path, int batch_size, int shuffle, uint64_t seed,
                char *err, size_t err_size);

/* Rewinds to the first batch and, when shuffling, draws a new order. */
void loader_start_epoch(Loader *loader);

/* Reads the next batch. Returns the number of samples read, 0 at the end of the epoch,
 * -1 on a read error or a corrupt record (loader->error says which). */
int loader_next(Loader *loader, Batch *batch);

void loader_close(Loader *loader);

int batch_alloc(Batch *batch, int capacity, int dim);
void batch_free(Batch *batch);

/* Writes "<dir>/<name>" into out. Returns -1 when it does not fit. */
int data_split_path(char *out, size_t out_size, const char *dir, const char *name);

/* Used by tools/gen_data.c to write a split. Return 0 on success, -1 on a write error. */
int data_write_header(FILE *file, const DataHeader *header);
int data_write_record(FILE *file, const float *x, int dim, int label);

#endif
