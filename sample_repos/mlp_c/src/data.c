/* data.c - reads a split in mini-batches; see data.h for the file format. */
#include "data.h"

#include <stdlib.h>
#include <string.h>

/* Fisher-Yates: every permutation of order[0..n-1] is equally likely. */
static void shuffle_indices(int *order, int n, Rng *rng)
{
    for (int i = n - 1; i > 0; --i) {
        const int j = rng_below(rng, i + 1);
        const int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
    }
}

static int fail(char *err, size_t err_size, const char *path, const char *why)
{
    snprintf(err, err_size, "%s: %s", path, why);
    return -1;
}

int loader_open(Loader *loader, const char *path, int batch_size, int shuffle, uint64_t seed,
                char *err, size_t err_size)
{
    memset(loader, 0, sizeof *loader);
    if (batch_size <= 0)
        return fail(err, err_size, path, "batch size must be positive");

    loader->file = fopen(path, "rb");
    if (!loader->file)
        return fail(err, err_size, path, "cannot open (run gen_data, or pass the data folder)");

    DataHeader *header = &loader->header;
    if (fread(header, sizeof *header, 1, loader->file) != 1) {
        loader_close(loader);
        return fail(err, err_size, path, "file is shorter than its header");
    }
    if (header->magic != DATA_MAGIC || header->version != DATA_VERSION) {
        loader_close(loader);
        return fail(err, err_size, path, "not an mlp_c data file (bad magic or version)");
    }
    if (header->count == 0 || header->dim == 0 || header->num_classes < 2 ||
        header->count > 10000000u || header->dim > 4096u || header->num_classes > 1000u) {
        loader_close(loader);
        return fail(err, err_size, path, "header has implausible sizes");
    }

    loader->data_offset = (long)sizeof *header;
    loader->record_size = (long)(header->dim * sizeof(float) + sizeof(int32_t));

    /* A file cut short would otherwise fail in the middle of the first epoch. */
    if (fseek(loader->file, 0, SEEK_END) != 0 ||
        ftell(loader->file) < loader->data_offset + (long)header->count * loader->record_size) {
        loader_close(loader);
        return fail(err, err_size, path, "file holds fewer records than its header says");
    }
    loader->batch_size = batch_size;
    loader->shuffle = shuffle;
    rng_seed(&loader->rng, seed);

    loader->order = malloc(header->count * sizeof *loader->order);
    if (!loader->order) {
        loader_close(loader);
        return fail(err, err_size, path, "out of memory");
    }
    for (uint32_t i = 0; i < header->count; ++i)
        loader->order[i] = (int)i;
    return 0;
}

void loader_start_epoch(Loader *loader)
{
    /* The generator writes the records grouped by class. Without shuffling, every batch would
     * hold a single class and each update would drag the model towards that class. */
    if (loader->shuffle)
        shuffle_indices(loader->order, (int)loader->header.count, &loader->rng);
    loader->cursor = 0;
}

int loader_next(Loader *loader, Batch *batch)
{
    const int dim = (int)loader->header.dim;
    const int remaining = (int)loader->header.count - loader->cursor;
    const int n = remaining < loader->batch_size ? remaining : loader->batch_size;

    if (n > batch->capacity || batch->dim != dim) {
        snprintf(loader->error, sizeof loader->error, "batch buffer is too small for the data");
        return -1;
    }
    for (int i = 0; i < n; ++i) {
        const int idx = loader->order[loader->cursor + i];
        float *row = batch->x + (size_t)i * dim;
        int32_t label = -1;

        if (fseek(loader->file, loader->data_offset + idx * loader->record_size, SEEK_SET) != 0) {
            snprintf(loader->error, sizeof loader->error, "cannot seek to record %d", idx);
            return -1;
        }
        size_t got = fread(row, sizeof(float), (size_t)dim, loader->file);
        got += fread(&label, sizeof label, 1, loader->file);
        if (got != (size_t)dim + 1) {
            snprintf(loader->error, sizeof loader->error, "record %d is truncated", idx);
            return -1;
        }
        if (label < 0 || label >= (int32_t)loader->header.num_classes) {
            snprintf(loader->error, sizeof loader->error, "record %d has label %d", idx, (int)label);
            return -1;
        }
        batch->y[i] = label;
    }
    loader->cursor += n;
    batch->size = n;
    return n;
}

void loader_close(Loader *loader)
{
    if (loader->file)
        fclose(loader->file);
    free(loader->order);
    loader->file = NULL;
    loader->order = NULL;
}

int batch_alloc(Batch *batch, int capacity, int dim)
{
    batch->size = 0;
    batch->capacity = capacity;
    batch->dim = dim;
    batch->x = calloc((size_t)capacity * dim, sizeof *batch->x);
    batch->y = calloc((size_t)capacity, sizeof *batch->y);
    if (!batch->x || !batch->y) {
        batch_free(batch);
        return -1;
    }
    return 0;
}

void batch_free(Batch *batch)
{
    free(batch->x);
    free(batch->y);
    batch->x = NULL;
    batch->y = NULL;
}

int data_split_path(char *out, size_t out_size, const char *dir, const char *name)
{
    const int written = snprintf(out, out_size, "%s/%s", dir, name);
    return (written < 0 || (size_t)written >= out_size) ? -1 : 0;
}

int data_write_header(FILE *file, const DataHeader *header)
{
    return fwrite(header, sizeof *header, 1, file) == 1 ? 0 : -1;
}

int data_write_record(FILE *file, const float *x, int dim, int label)
{
    const int32_t label32 = label;
    if (fwrite(x, sizeof(float), (size_t)dim, file) != (size_t)dim)
        return -1;
    return fwrite(&label32, sizeof label32, 1, file) == 1 ? 0 : -1;
}
