#include "torchlike/optim/adam.h"

#include <cmath>
#include <utility>

namespace optim {

Adam::Adam(std::vector<nn::Parameter*> params, float lr, float beta1, float beta2, float eps)
    : Optimizer(std::move(params)), lr_(lr), beta1_(beta1), beta2_(beta2), eps_(eps) {
  for (nn::Parameter* param : params_) {
    m_.emplace_back(param->value.numel(), 0.0f);
    v_.emplace_back(param->value.numel(), 0.0f);
  }
}

void Adam::step() {
  ++step_count_;
  // m and v start at zero, so early averages are too small; dividing by (1 - beta^t) undoes that.
  const float bias1 = 1.0f - std::pow(beta1_, static_cast<float>(step_count_));
  const float bias2 = 1.0f - std::pow(beta2_, static_cast<float>(step_count_));
  for (std::size_t p = 0; p < params_.size(); ++p) {
    float* w = params_[p]->value.ptr();
    const float* g = params_[p]->grad.ptr();
    float* m = m_[p].data();
    float* v = v_[p].data();
    const std::size_t n = params_[p]->value.numel();
    for (std::size_t j = 0; j < n; ++j) {
      m[j] = beta1_ * m[j] + (1.0f - beta1_) * g[j];
      v[j] = beta2_ * v[j] + (1.0f - beta2_) * g[j] * g[j];
      const float m_hat = m[j] / bias1;
      const float v_hat = v[j] / bias2;
      w[j] -= lr_ * m_hat / (std::sqrt(v_hat) + eps_);
    }
  }
}

}  // namespace optim
