#include "torchlike/trainer.h"

#include <cstdio>

#include "torchlike/metrics/metrics.h"

Trainer::Trainer(nn::Module& model, nn::CrossEntropyLoss& criterion, optim::Optimizer& optimizer,
                 TrainerOptions options)
    : model_(model), criterion_(criterion), optimizer_(optimizer), options_(options) {}

EpochStats Trainer::fit(data::DataLoader& loader) {
  EpochStats stats;
  for (int epoch = 1; epoch <= options_.epochs; ++epoch) {
    stats = train_epoch(loader);
    std::printf("epoch %d loss %.4f\n", epoch, stats.loss);
  }
  std::printf("final train accuracy %.4f\n", stats.accuracy);
  return stats;
}

EpochStats Trainer::train_epoch(data::DataLoader& loader) {
  metrics::MeanLoss mean_loss;
  metrics::Accuracy accuracy;
  for (auto& batch : loader) {
    optimizer_.zero_grad();
    Tensor logits = model_.forward(batch.images);
    const float loss = criterion_.forward(logits, batch.labels);
    model_.backward(criterion_.backward());
    optimizer_.step();
    mean_loss.update(loss, batch.size);
    accuracy.update(logits, batch.labels);
  }
  return {mean_loss.compute(), accuracy.compute()};
}
