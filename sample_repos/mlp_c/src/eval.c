/* eval.c - measures a saved model on data/test.bin.
 *
 * Usage: eval [DATA_DIR] [CHECKPOINT]       (defaults: data  model.ckpt)
 *
 * Prints the mean loss, the accuracy next to the accuracy of always guessing the most common
 * class ("chance"), and the confusion matrix. */
#include <stdio.h>
#include <stdlib.h>

#include "checkpoint.h"
#include "data.h"
#include "loss.h"
#include "metrics.h"
#include "model.h"

#define EVAL_BATCH_SIZE 64

/* The accuracy of always predicting the most frequent true class of the split. */
static double majority_class_rate(const Metrics *m)
{
    long best = 0;
    for (int t = 0; t < m->num_classes; ++t) {
        long row = 0;
        for (int p = 0; p < m->num_classes; ++p)
            row += m->confusion[t][p];
        if (row > best)
            best = row;
    }
    return m->seen > 0 ? (double)best / (double)m->seen : 0.0;
}

int main(int argc, char **argv)
{
    if (argc > 3) {
        fprintf(stderr, "usage: %s [DATA_DIR] [CHECKPOINT]\n", argv[0]);
        return 2;
    }
    const char *data_dir = argc > 1 ? argv[1] : "data";
    const char *checkpoint_path = argc > 2 ? argv[2] : "model.ckpt";

    char err[256];
    Mlp model;
    if (checkpoint_load(checkpoint_path, &model, EVAL_BATCH_SIZE, err, sizeof err) != 0) {
        fprintf(stderr, "eval: %s\n", err);
        return 1;
    }

    char test_path[1024];
    if (data_split_path(test_path, sizeof test_path, data_dir, "test.bin") != 0) {
        fprintf(stderr, "eval: data folder path is too long\n");
        return 1;
    }
    Loader loader;
    if (loader_open(&loader, test_path, EVAL_BATCH_SIZE, /*shuffle=*/0, 0, err, sizeof err) != 0) {
        fprintf(stderr, "eval: %s\n", err);
        return 1;
    }
    const int n_classes = (int)loader.header.num_classes;
    if ((int)loader.header.dim != model.n_inputs || n_classes != model.n_classes) {
        fprintf(stderr, "eval: %s has %u features and %d classes, the model expects %d and %d\n",
                test_path, (unsigned)loader.header.dim, n_classes, model.n_inputs,
                model.n_classes);
        return 1;
    }

    Batch batch;
    Metrics metrics;
    float *probs = malloc((size_t)EVAL_BATCH_SIZE * n_classes * sizeof *probs);
    if (!probs || batch_alloc(&batch, EVAL_BATCH_SIZE, model.n_inputs) != 0 ||
        metrics_reset(&metrics, n_classes) != 0) {
        fprintf(stderr, "eval: cannot allocate buffers (or too many classes)\n");
        return 1;
    }

    /* One pass over the test split: forward and loss only, no gradients, no updates. */
    loader_start_epoch(&loader);
    int got;
    while ((got = loader_next(&loader, &batch)) > 0) {
        const float *logits = mlp_forward(&model, batch.x, batch.size);
        const float loss = softmax_cross_entropy(logits, batch.y, batch.size, n_classes, probs,
                                                 NULL);
        metrics_update(&metrics, probs, batch.y, batch.size, loss);
    }
    if (got < 0) {
        fprintf(stderr, "eval: %s: %s\n", test_path, loader.error);
        return 1;
    }

    const double accuracy = metrics_accuracy(&metrics);
    const double chance = majority_class_rate(&metrics);
    printf("eval: %ld test samples\n", metrics.seen);
    printf("mean loss %.4f\n", metrics_mean_loss(&metrics));
    printf("accuracy %.4f (chance %.4f)\n", accuracy, chance);
    metrics_print_confusion(&metrics, stdout);

    free(probs);
    batch_free(&batch);
    mlp_free(&model);
    loader_close(&loader);
    return 0;
}
