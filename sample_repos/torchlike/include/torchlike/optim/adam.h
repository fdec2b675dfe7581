#pragma once

#include <vector>

#include "torchlike/optim/optimizer.h"

namespace optim {

// Adam (Kingma & Ba, 2015), like torch.optim.Adam:
//   m = beta1 * m + (1 - beta1) * g          running mean of the gradient
//   v = beta2 * v + (1 - beta2) * g^2        running mean of its square
//   w = w - lr * m_hat / (sqrt(v_hat) + eps) with m_hat, v_hat corrected for their zero start
class Adam : public Optimizer {
 public:
  Adam(std::vector<nn::Parameter*> params, float lr = 1e-3f, float beta1 = 0.9f,
       float beta2 = 0.999f, float eps = 1e-8f);

  void step() override;
  std::string name() const override { return "Adam"; }

 private:
  float lr_;
  float beta1_;
  float beta2_;
  float eps_;
  int step_count_ = 0;
  std::vector<std::vector<float>> m_;
  std::vector<std::vector<float>> v_;
};

}  // namespace optim
