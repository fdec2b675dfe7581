// train: fits a small classifier to the 8x8 glyph images and saves a checkpoint.
// Usage: train [DATA_DIR] [CHECKPOINT] [sgd|adam]    (defaults: data model.ckpt sgd)
#include <cstdio>
#include <exception>
#include <memory>
#include <string>

#include "torchlike/checkpoint.h"
#include "torchlike/model.h"
#include "torchlike/optim/adam.h"
#include "torchlike/optim/sgd.h"
#include "torchlike/trainer.h"

int main(int argc, char** argv) {
  const std::string data_dir = argc > 1 ? argv[1] : "data";
  const std::string checkpoint_path = argc > 2 ? argv[2] : "model.ckpt";
  const std::string optimizer_name = argc > 3 ? argv[3] : "sgd";
  try {
    const data::Dataset train_set = data::Dataset::load(data_dir + "/train.bin");
    data::DataLoader loader(train_set, /*batch_size=*/32, /*shuffle=*/true, /*seed=*/7);

    Rng rng(/*seed=*/42);
    std::unique_ptr<nn::Sequential> model =
        make_model(train_set.features(), train_set.num_classes(), rng);
    nn::CrossEntropyLoss criterion;
    std::unique_ptr<optim::Optimizer> optimizer;
    if (optimizer_name == "sgd") {
      optimizer = std::make_unique<optim::SGD>(model->parameters(), /*lr=*/0.1f, /*momentum=*/0.9f);
    } else if (optimizer_name == "adam") {
      optimizer = std::make_unique<optim::Adam>(model->parameters(), /*lr=*/0.01f);
    } else {
      std::fprintf(stderr, "train: unknown optimizer '%s' (expected sgd or adam)\n",
                   optimizer_name.c_str());
      return 2;
    }
    std::printf("model %s\n", model->name().c_str());
    std::printf("optimizer %s, %zu training examples, %zu batches per epoch\n",
                optimizer->name().c_str(), train_set.size(), loader.num_batches());

    Trainer trainer(*model, criterion, *optimizer, TrainerOptions{/*epochs=*/10});
    trainer.fit(loader);

    save_checkpoint(*model, checkpoint_path);
    std::printf("saved checkpoint %s\n", checkpoint_path.c_str());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "train: %s\n", error.what());
    return 1;
  }
  return 0;
}
