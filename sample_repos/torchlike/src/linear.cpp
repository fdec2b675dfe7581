#include "torchlike/nn/linear.h"

#include <cmath>

namespace nn {

Linear::Linear(std::size_t in_features, std::size_t out_features, Rng& rng)
    : in_features_(in_features), out_features_(out_features) {
  // PyTorch's default: uniform in +-1/sqrt(fan_in), so outputs start with a similar scale.
  const float bound = 1.0f / std::sqrt(static_cast<float>(in_features));
  weight_ = {"weight", Tensor({out_features, in_features}), Tensor({out_features, in_features})};
  bias_ = {"bias", Tensor({out_features}), Tensor({out_features})};
  for (float& w : weight_.value.data) w = rng.uniform(-bound, bound);
  for (float& b : bias_.value.data) b = rng.uniform(-bound, bound);
}

Tensor Linear::forward(const Tensor& input) {
  input_ = input;  // backward needs x to compute dL/dW
  const std::size_t batch = input.rows();
  Tensor output({batch, out_features_});
  const float* x = input.ptr();
  const float* w = weight_.value.ptr();
  const float* b = bias_.value.ptr();
  float* y = output.ptr();
  // y[i][o] = b[o] + sum_k x[i][k] * W[o][k]
  for (std::size_t i = 0; i < batch; ++i) {
    for (std::size_t o = 0; o < out_features_; ++o) {
      float acc = b[o];
      for (std::size_t k = 0; k < in_features_; ++k) {
        acc += x[i * in_features_ + k] * w[o * in_features_ + k];
      }
      y[i * out_features_ + o] = acc;
    }
  }
  return output;
}

Tensor Linear::backward(const Tensor& grad_output) {
  const std::size_t batch = input_.rows();
  Tensor grad_input({batch, in_features_});
  const float* x = input_.ptr();
  const float* w = weight_.value.ptr();
  const float* dy = grad_output.ptr();
  float* dw = weight_.grad.ptr();
  float* db = bias_.grad.ptr();
  float* dx = grad_input.ptr();
  // dW[o][k] += sum_i dy[i][o] * x[i][k]
  // db[o]    += sum_i dy[i][o]
  // dx[i][k]  = sum_o dy[i][o] * W[o][k]
  for (std::size_t i = 0; i < batch; ++i) {
    for (std::size_t o = 0; o < out_features_; ++o) {
      const float g = dy[i * out_features_ + o];
      db[o] += g;
      for (std::size_t k = 0; k < in_features_; ++k) {
        dw[o * in_features_ + k] += g * x[i * in_features_ + k];
        dx[i * in_features_ + k] += g * w[o * in_features_ + k];
      }
    }
  }
  return grad_input;
}

std::vector<Parameter*> Linear::parameters() { return {&weight_, &bias_}; }

std::string Linear::name() const {
  return "Linear(" + std::to_string(in_features_) + ", " + std::to_string(out_features_) + ")";
}

}  // namespace nn
