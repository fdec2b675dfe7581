#include "torchlike/nn/loss.h"

#include <algorithm>
#include <cmath>

namespace nn {

float CrossEntropyLoss::forward(const Tensor& logits, const std::vector<int>& targets) {
  const std::size_t batch = logits.rows();
  const std::size_t classes = logits.cols();
  probs_ = Tensor({batch, classes});
  targets_ = targets;
  float total = 0.0f;
  for (std::size_t i = 0; i < batch; ++i) {
    const float* z = logits.ptr() + i * classes;
    float* p = probs_.ptr() + i * classes;
    // Subtracting the largest logit keeps exp() from overflowing; softmax is unchanged by it.
    const float z_max = *std::max_element(z, z + classes);
    float sum_exp = 0.0f;
    for (std::size_t c = 0; c < classes; ++c) {
      p[c] = std::exp(z[c] - z_max);
      sum_exp += p[c];
    }
    for (std::size_t c = 0; c < classes; ++c) p[c] /= sum_exp;
    // -log softmax(z)[y] = log(sum_c exp(z_c - z_max)) - (z_y - z_max)
    const int y = targets[i];
    const float example_loss = std::log(sum_exp) - (z[y] - z_max);
    total += example_loss;
  }
  return total / static_cast<float>(batch);
}

Tensor CrossEntropyLoss::backward() const {
  Tensor grad = probs_;
  const std::size_t batch = grad.rows();
  const std::size_t classes = grad.cols();
  for (std::size_t i = 0; i < batch; ++i) {
    grad.data[i * classes + static_cast<std::size_t>(targets_[i])] -= 1.0f;
  }
  for (float& g : grad.data) g /= static_cast<float>(batch);
  return grad;
}

}  // namespace nn
