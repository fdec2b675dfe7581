#pragma once

#include <cstddef>
#include <string>
#include <vector>

// A dense, row-major float tensor: the numbers and their shape, nothing else.
// Kept deliberately plain so every value can be read in a debugger.
// A batch of 32 images of 8x8 pixels is shape {32, 64}; a bias vector is shape {10}.
struct Tensor {
  std::vector<float> data;
  std::vector<std::size_t> shape;

  Tensor() = default;
  explicit Tensor(std::vector<std::size_t> dims, float fill_value = 0.0f);

  std::size_t numel() const { return data.size(); }
  std::size_t rows() const { return shape.empty() ? 0 : shape[0]; }
  // Everything after the first dimension, flattened: the width of one row.
  std::size_t cols() const { return rows() == 0 ? 0 : data.size() / rows(); }

  float* ptr() { return data.data(); }
  const float* ptr() const { return data.data(); }

  void fill(float value);
  std::string shape_str() const;  // "[32, 64]"
};
