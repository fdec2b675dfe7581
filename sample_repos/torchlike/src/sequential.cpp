#include "torchlike/nn/sequential.h"

namespace nn {

Sequential& Sequential::add(std::unique_ptr<Module> layer) {
  const std::string prefix = std::to_string(layers_.size()) + ".";
  for (Parameter* param : layer->parameters()) param->name = prefix + param->name;
  layers_.push_back(std::move(layer));
  return *this;
}

Tensor Sequential::forward(const Tensor& input) {
  Tensor x = input;
  for (std::size_t index = 0; index < layers_.size(); ++index) {
    // A virtual call: Linear, ReLU or Tanh::forward, chosen by the layer's real type.
    Module& layer = *layers_[index];
    x = layer.forward(x);
  }
  return x;
}

Tensor Sequential::backward(const Tensor& grad_output) {
  // The chain rule runs the layers in reverse: each turns dL/d(its output) into dL/d(its input).
  Tensor grad = grad_output;
  for (std::size_t index = layers_.size(); index-- > 0;) {
    grad = layers_[index]->backward(grad);
  }
  return grad;
}

std::vector<Parameter*> Sequential::parameters() {
  std::vector<Parameter*> all;
  for (auto& layer : layers_) {
    for (Parameter* param : layer->parameters()) all.push_back(param);
  }
  return all;
}

std::string Sequential::name() const {
  std::string text = "Sequential(";
  for (std::size_t index = 0; index < layers_.size(); ++index) {
    if (index > 0) text += " -> ";
    text += layers_[index]->name();
  }
  return text + ")";
}

}  // namespace nn
