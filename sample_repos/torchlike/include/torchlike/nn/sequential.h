#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "torchlike/nn/module.h"

namespace nn {

// Runs its layers one after the other, like torch.nn.Sequential.
// Each layer is owned through a pointer to the Module base class, so which forward() runs is
// decided at run time by the layer's real type (Linear, ReLU, Tanh...).
class Sequential : public Module {
 public:
  // Takes ownership of the layer and prefixes its parameter names with its index ("0.weight").
  Sequential& add(std::unique_ptr<Module> layer);

  Tensor forward(const Tensor& input) override;
  Tensor backward(const Tensor& grad_output) override;
  std::vector<Parameter*> parameters() override;
  std::string name() const override;

  std::size_t size() const { return layers_.size(); }

 private:
  std::vector<std::unique_ptr<Module>> layers_;
};

}  // namespace nn
