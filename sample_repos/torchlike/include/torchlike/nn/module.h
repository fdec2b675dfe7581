#pragma once

#include <string>
#include <vector>

#include "torchlike/tensor.h"

namespace nn {

// A trainable tensor and the gradient of the loss with respect to it (same shape).
struct Parameter {
  std::string name;  // "weight", or "0.weight" once inside a Sequential
  Tensor value;
  Tensor grad;
};

// The base class of every layer, like torch.nn.Module.
// forward() computes outputs from inputs and remembers what backward() will need;
// backward() receives dLoss/dOutput, accumulates dLoss/dParameter into each Parameter::grad and
// returns dLoss/dInput for the layer before it.
class Module {
 public:
  virtual ~Module() = default;

  virtual Tensor forward(const Tensor& input) = 0;
  virtual Tensor backward(const Tensor& grad_output) = 0;

  // The tensors an optimizer updates. Layers without weights (activations) have none.
  virtual std::vector<Parameter*> parameters() { return {}; }

  virtual std::string name() const = 0;
};

}  // namespace nn
