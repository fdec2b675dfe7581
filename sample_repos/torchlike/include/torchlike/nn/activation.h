#pragma once

#include "torchlike/nn/module.h"

namespace nn {

// max(0, x), element by element.
class ReLU : public Module {
 public:
  Tensor forward(const Tensor& input) override;
  Tensor backward(const Tensor& grad_output) override;
  std::string name() const override { return "ReLU"; }

 private:
  Tensor input_;  // the gradient passes only where the input was positive
};

// tanh(x), element by element.
class Tanh : public Module {
 public:
  Tensor forward(const Tensor& input) override;
  Tensor backward(const Tensor& grad_output) override;
  std::string name() const override { return "Tanh"; }

 private:
  Tensor output_;  // d tanh(x)/dx = 1 - tanh(x)^2 is computed from the output
};

}  // namespace nn
