#include "torchlike/optim/sgd.h"

#include <utility>

namespace optim {

SGD::SGD(std::vector<nn::Parameter*> params, float lr, float momentum)
    : Optimizer(std::move(params)), lr_(lr), momentum_(momentum) {
  for (nn::Parameter* param : params_) velocity_.emplace_back(param->value.numel(), 0.0f);
}

void SGD::step() {
  for (std::size_t p = 0; p < params_.size(); ++p) {
    float* w = params_[p]->value.ptr();
    const float* g = params_[p]->grad.ptr();
    float* v = velocity_[p].data();
    const std::size_t n = params_[p]->value.numel();
    for (std::size_t j = 0; j < n; ++j) {
      v[j] = momentum_ * v[j] + g[j];
      w[j] -= lr_ * v[j];
    }
  }
}

}  // namespace optim
