#include "torchlike/model.h"

#include "torchlike/nn/activation.h"
#include "torchlike/nn/linear.h"

std::unique_ptr<nn::Sequential> make_model(std::size_t features, std::size_t num_classes, Rng& rng) {
  auto model = std::make_unique<nn::Sequential>();
  model->add(std::make_unique<nn::Linear>(features, 32, rng));
  model->add(std::make_unique<nn::ReLU>());
  model->add(std::make_unique<nn::Linear>(32, 16, rng));
  model->add(std::make_unique<nn::Tanh>());
  model->add(std::make_unique<nn::Linear>(16, num_classes, rng));
  return model;
}
