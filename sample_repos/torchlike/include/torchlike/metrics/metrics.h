#pragma once

#include <cstddef>
#include <vector>

#include "torchlike/tensor.h"

// Running metrics in the style of torchmetrics: update() once per batch, compute() at the end.
namespace metrics {

// Index of the largest of n scores: the predicted class.
std::size_t argmax(const float* scores, std::size_t n);

// Fraction of examples whose highest logit is the true class.
class Accuracy {
 public:
  void update(const Tensor& logits, const std::vector<int>& labels);
  double compute() const;
  void reset();

 private:
  std::size_t correct_ = 0;
  std::size_t total_ = 0;
};

// Mean of per-example losses over all batches seen (weighted by batch size, so a short last
// batch does not count as much as a full one).
class MeanLoss {
 public:
  void update(double batch_mean_loss, std::size_t batch_size);
  double compute() const;
  void reset();

 private:
  double sum_ = 0.0;
  std::size_t count_ = 0;
};

// counts[true][predicted]; recall(c) is the accuracy on class c alone.
class ConfusionMatrix {
 public:
  explicit ConfusionMatrix(std::size_t num_classes);
  void update(const Tensor& logits, const std::vector<int>& labels);
  double recall(std::size_t true_class) const;
  std::size_t count(std::size_t true_class, std::size_t predicted) const;
  std::size_t num_classes() const { return num_classes_; }

 private:
  std::size_t num_classes_;
  std::vector<std::size_t> counts_;
};

}  // namespace metrics
