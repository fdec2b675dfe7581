#include "torchlike/nn/activation.h"

#include <cmath>

namespace nn {

Tensor ReLU::forward(const Tensor& input) {
  input_ = input;
  Tensor output = input;
  for (float& v : output.data) v = v > 0.0f ? v : 0.0f;
  return output;
}

Tensor ReLU::backward(const Tensor& grad_output) {
  Tensor grad_input = grad_output;
  for (std::size_t j = 0; j < grad_input.numel(); ++j) {
    if (input_.data[j] <= 0.0f) grad_input.data[j] = 0.0f;
  }
  return grad_input;
}

Tensor Tanh::forward(const Tensor& input) {
  Tensor output = input;
  for (float& v : output.data) v = std::tanh(v);
  output_ = output;
  return output;
}

Tensor Tanh::backward(const Tensor& grad_output) {
  Tensor grad_input = grad_output;
  for (std::size_t j = 0; j < grad_input.numel(); ++j) {
    const float t = output_.data[j];
    grad_input.data[j] *= 1.0f - t * t;
  }
  return grad_input;
}

}  // namespace nn
