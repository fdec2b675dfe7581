#include "torchlike/tensor.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <utility>

Tensor::Tensor(std::vector<std::size_t> dims, float fill_value) : shape(std::move(dims)) {
  const std::size_t count =
      std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>());
  data.assign(count, fill_value);
}

void Tensor::fill(float value) { std::fill(data.begin(), data.end(), value); }

std::string Tensor::shape_str() const {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(shape[i]);
  }
  return text + "]";
}
