#include "torchlike/evaluate.h"

#include "torchlike/nn/loss.h"

EvalResult evaluate(nn::Module& model, data::DataLoader& loader) {
  nn::CrossEntropyLoss criterion;
  metrics::Accuracy accuracy;
  metrics::MeanLoss mean_loss;
  metrics::ConfusionMatrix confusion(loader.dataset().num_classes());
  // No backward() and no optimizer: the weights stay as the checkpoint left them.
  for (auto& batch : loader) {
    Tensor logits = model.forward(batch.images);
    mean_loss.update(criterion.forward(logits, batch.labels), batch.size);
    accuracy.update(logits, batch.labels);
    confusion.update(logits, batch.labels);
  }
  return {accuracy.compute(), mean_loss.compute(), confusion};
}
