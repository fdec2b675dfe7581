#pragma once

#include "torchlike/data/dataloader.h"
#include "torchlike/metrics/metrics.h"
#include "torchlike/nn/module.h"

struct EvalResult {
  double accuracy = 0.0;
  double loss = 0.0;
  metrics::ConfusionMatrix confusion{0};
};

// Runs the model over every batch without training it and collects the metrics.
EvalResult evaluate(nn::Module& model, data::DataLoader& loader);
