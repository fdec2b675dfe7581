#pragma once

#include <cstddef>

#include "torchlike/nn/module.h"
#include "torchlike/random.h"

namespace nn {

// A fully connected layer: y = x W^T + b, like torch.nn.Linear.
// x is [batch, in_features], W is [out_features, in_features], b is [out_features].
class Linear : public Module {
 public:
  Linear(std::size_t in_features, std::size_t out_features, Rng& rng);

  Tensor forward(const Tensor& input) override;
  Tensor backward(const Tensor& grad_output) override;
  std::vector<Parameter*> parameters() override;
  std::string name() const override;

 private:
  std::size_t in_features_;
  std::size_t out_features_;
  Parameter weight_;
  Parameter bias_;
  Tensor input_;  // the last forward's x, needed for dW in backward
};

}  // namespace nn
