#pragma once

#include <vector>

#include "torchlike/tensor.h"

namespace nn {

// Softmax followed by negative log-likelihood, averaged over the batch,
// like torch.nn.CrossEntropyLoss: loss = -1/N * sum_i log softmax(z_i)[y_i].
class CrossEntropyLoss {
 public:
  // logits: [batch, classes]; targets: one class index per row.
  float forward(const Tensor& logits, const std::vector<int>& targets);
  // dLoss/dLogits for the last forward: (softmax(z) - onehot(y)) / N.
  Tensor backward() const;

 private:
  Tensor probs_;  // softmax of the last logits
  std::vector<int> targets_;
};

}  // namespace nn
