#pragma once

#include <string>
#include <utility>
#include <vector>

#include "torchlike/nn/module.h"

namespace optim {

// The base class of the update rules, like torch.optim.Optimizer: it holds pointers to the
// model's parameters and changes their values in step() using their gradients.
class Optimizer {
 public:
  explicit Optimizer(std::vector<nn::Parameter*> params) : params_(std::move(params)) {}
  virtual ~Optimizer() = default;

  // Gradients accumulate in backward(); clear them before each batch.
  virtual void zero_grad();
  // Apply one update to every parameter.
  virtual void step() = 0;
  virtual std::string name() const = 0;

 protected:
  std::vector<nn::Parameter*> params_;
};

}  // namespace optim
