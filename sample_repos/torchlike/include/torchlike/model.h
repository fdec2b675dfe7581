#pragma once

#include <cstddef>
#include <memory>

#include "torchlike/nn/sequential.h"
#include "torchlike/random.h"

// The classifier used by both train and eval:
// Linear(features, 32) -> ReLU -> Linear(32, 16) -> Tanh -> Linear(16, classes).
std::unique_ptr<nn::Sequential> make_model(std::size_t features, std::size_t num_classes, Rng& rng);
