#pragma once

#include <vector>

#include "torchlike/optim/optimizer.h"

namespace optim {

// Stochastic gradient descent with momentum, like torch.optim.SGD:
//   v = momentum * v + g
//   w = w - lr * v
class SGD : public Optimizer {
 public:
  SGD(std::vector<nn::Parameter*> params, float lr, float momentum = 0.0f);

  void step() override;
  std::string name() const override { return "SGD"; }

 private:
  float lr_;
  float momentum_;
  std::vector<std::vector<float>> velocity_;  // one buffer per parameter, same size
};

}  // namespace optim
