/* checkpoint.c - see checkpoint.h for the file layout. */
#include "checkpoint.h"

#include <stdio.h>

static int write_floats(FILE *file, const float *values, size_t count)
{
    return fwrite(values, sizeof *values, count, file) == count ? 0 : -1;
}

static int read_floats(FILE *file, float *values, size_t count)
{
    return fread(values, sizeof *values, count, file) == count ? 0 : -1;
}

int checkpoint_save(const char *path, const Mlp *model, char *err, size_t err_size)
{
    const CheckpointHeader header = {CHECKPOINT_MAGIC, CHECKPOINT_VERSION,
                                     (uint32_t)model->n_inputs, (uint32_t)model->n_hidden,
                                     (uint32_t)model->n_classes};
    const size_t n_w1 = (size_t)model->n_hidden * model->n_inputs;
    const size_t n_w2 = (size_t)model->n_classes * model->n_hidden;

    FILE *file = fopen(path, "wb");
    if (!file) {
        snprintf(err, err_size, "%s: cannot open for writing", path);
        return -1;
    }
    int failed = fwrite(&header, sizeof header, 1, file) != 1;
    failed = failed || write_floats(file, model->fc1.w, n_w1) != 0;
    failed = failed || write_floats(file, model->fc1.b, (size_t)model->n_hidden) != 0;
    failed = failed || write_floats(file, model->fc2.w, n_w2) != 0;
    failed = failed || write_floats(file, model->fc2.b, (size_t)model->n_classes) != 0;
    if (fclose(file) != 0)
        failed = 1;
    if (failed) {
        snprintf(err, err_size, "%s: write failed", path);
        return -1;
    }
    return 0;
}

int checkpoint_load(const char *path, Mlp *model, int max_batch, char *err, size_t err_size)
{
    CheckpointHeader header;
    FILE *file = fopen(path, "rb");
    if (!file) {
        snprintf(err, err_size, "%s: cannot open (run train first)", path);
        return -1;
    }
    if (fread(&header, sizeof header, 1, file) != 1 || header.magic != CHECKPOINT_MAGIC ||
        header.version != CHECKPOINT_VERSION) {
        snprintf(err, err_size, "%s: not an mlp_c checkpoint", path);
        fclose(file);
        return -1;
    }
    if (header.n_inputs == 0 || header.n_hidden == 0 || header.n_classes == 0 ||
        header.n_inputs > 4096u || header.n_hidden > 4096u || header.n_classes > 1000u) {
        snprintf(err, err_size, "%s: checkpoint has implausible sizes", path);
        fclose(file);
        return -1;
    }
    if (mlp_init(model, (int)header.n_inputs, (int)header.n_hidden, (int)header.n_classes,
                 max_batch, NULL) != 0) {
        snprintf(err, err_size, "%s: out of memory", path);
        fclose(file);
        return -1;
    }
    const size_t n_w1 = (size_t)header.n_hidden * header.n_inputs;
    const size_t n_w2 = (size_t)header.n_classes * header.n_hidden;
    int failed = read_floats(file, model->fc1.w, n_w1) != 0;
    failed = failed || read_floats(file, model->fc1.b, header.n_hidden) != 0;
    failed = failed || read_floats(file, model->fc2.w, n_w2) != 0;
    failed = failed || read_floats(file, model->fc2.b, header.n_classes) != 0;
    fclose(file);
    if (failed) {
        snprintf(err, err_size, "%s: checkpoint is truncated", path);
        mlp_free(model);
        return -1;
    }
    return 0;
}
