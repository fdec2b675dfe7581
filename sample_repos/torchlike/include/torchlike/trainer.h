#pragma once

#include "torchlike/data/dataloader.h"
#include "torchlike/nn/loss.h"
#include "torchlike/nn/module.h"
#include "torchlike/optim/optimizer.h"

struct TrainerOptions {
  int epochs = 10;
};

struct EpochStats {
  double loss = 0.0;
  double accuracy = 0.0;
};

// Owns the training loop; main() only builds the pieces and hands them over.
class Trainer {
 public:
  Trainer(nn::Module& model, nn::CrossEntropyLoss& criterion, optim::Optimizer& optimizer,
          TrainerOptions options);

  // Runs options.epochs epochs and prints "epoch <N> loss <L>" after each one.
  EpochStats fit(data::DataLoader& loader);
  // One pass over the loader: forward, loss, backward and an optimizer step per batch.
  EpochStats train_epoch(data::DataLoader& loader);

 private:
  nn::Module& model_;
  nn::CrossEntropyLoss& criterion_;
  optim::Optimizer& optimizer_;
  TrainerOptions options_;
};
