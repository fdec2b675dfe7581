/* train.c - trains the two-layer MLP on data/train.bin and saves model.ckpt.
 *
 * Usage: train [DATA_DIR] [CHECKPOINT] [EPOCHS]      (defaults: data  model.ckpt  12)
 *
 * The whole training procedure is written out in main: open the data, build the model and the
 * optimizer, then for every epoch and every mini-batch run
 *     forward -> loss -> backward -> update -> metrics
 * and finally save the weights. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "checkpoint.h"
#include "data.h"
#include "loss.h"
#include "metrics.h"
#include "model.h"
#include "optim.h"

typedef struct {
    const char *data_dir;
    const char *checkpoint_path;
    int n_hidden;
    int batch_size;
    int epochs;
    float learning_rate;
    float momentum;
    uint64_t seed; /* for the weight initialisation and the shuffle order */
} TrainConfig;

static TrainConfig default_config(void)
{
    const TrainConfig cfg = {"data", "model.ckpt", 32, 32, 12, 0.1f, 0.9f, 42};
    return cfg;
}

static int parse_args(int argc, char **argv, TrainConfig *cfg)
{
    char rest; /* EPOCHS is a whole number of at most 7 digits: nothing may follow them */
    int ok = argc <= 3 || (argc == 4 && sscanf(argv[3], "%7d%c", &cfg->epochs, &rest) == 1);
    if (!ok || cfg->epochs < 1) {
        fprintf(stderr, "usage: %s [DATA_DIR] [CHECKPOINT] [EPOCHS (1-9999999)]\n", argv[0]);
        return -1;
    }
    cfg->data_dir = argc > 1 ? argv[1] : cfg->data_dir;
    cfg->checkpoint_path = argc > 2 ? argv[2] : cfg->checkpoint_path;
    return 0;
}

int main(int argc, char **argv)
{
    TrainConfig cfg = default_config();
    if (parse_args(argc, argv, &cfg) != 0)
        return 2;

    char train_path[1024];
    char err[256];
    if (data_split_path(train_path, sizeof train_path, cfg.data_dir, "train.bin") != 0) {
        fprintf(stderr, "train: data folder path is too long\n");
        return 1;
    }
    Loader loader;
    if (loader_open(&loader, train_path, cfg.batch_size, /*shuffle=*/1, cfg.seed, err,
                    sizeof err) != 0) {
        fprintf(stderr, "train: %s\n", err);
        return 1;
    }
    const int n_inputs = (int)loader.header.dim;
    const int n_classes = (int)loader.header.num_classes;
    printf("train: %u samples, %d features, %d classes, batch size %d\n",
           (unsigned)loader.header.count, n_inputs, n_classes, cfg.batch_size);

    Rng init_rng;
    rng_seed(&init_rng, cfg.seed);
    Mlp model;
    Batch batch;
    Sgd opt;
    Param params[MLP_NUM_PARAMS];
    Metrics metrics;
    float *probs = malloc((size_t)cfg.batch_size * n_classes * sizeof *probs);
    float *dlogits = malloc((size_t)cfg.batch_size * n_classes * sizeof *dlogits);
    if (!probs || !dlogits || metrics_reset(&metrics, n_classes) != 0 ||
        mlp_init(&model, n_inputs, cfg.n_hidden, n_classes, cfg.batch_size, &init_rng) != 0) {
        fprintf(stderr, "train: cannot set up the model (out of memory or too many classes)\n");
        return 1;
    }
    if (batch_alloc(&batch, cfg.batch_size, n_inputs) != 0 ||
        sgd_init(&opt, cfg.learning_rate, cfg.momentum, params,
                 mlp_params(&model, params)) != 0) {
        fprintf(stderr, "train: cannot set up the optimizer\n");
        return 1;
    }

    int step = 0;
    for (int epoch = 1; epoch <= cfg.epochs; ++epoch) {
        loader_start_epoch(&loader);
        metrics_reset(&metrics, n_classes);

        int got;
        while ((got = loader_next(&loader, &batch)) > 0) {
            const float *logits = mlp_forward(&model, batch.x, batch.size);
            const float loss = softmax_cross_entropy(logits, batch.y, batch.size, n_classes,
                                                     probs, dlogits);
            mlp_backward(&model, batch.x, dlogits, batch.size);
            sgd_update(&opt);
            metrics_update(&metrics, probs, batch.y, batch.size, loss);
            ++step;
        }
        if (got < 0) {
            fprintf(stderr, "train: %s: %s\n", train_path, loader.error);
            return 1;
        }

        const double epoch_loss = metrics_mean_loss(&metrics);
        const double epoch_accuracy = metrics_accuracy(&metrics);
        printf("epoch %d loss %.4f\n", epoch, epoch_loss);
        printf("  train accuracy %.4f after %d steps\n", epoch_accuracy, step);
    }

    if (checkpoint_save(cfg.checkpoint_path, &model, err, sizeof err) != 0) {
        fprintf(stderr, "train: %s\n", err);
        return 1;
    }
    printf("saved %s\n", cfg.checkpoint_path);

    sgd_free(&opt);
    batch_free(&batch);
    mlp_free(&model);
    free(probs);
    free(dlogits);
    loader_close(&loader);
    return 0;
}
