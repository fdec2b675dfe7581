// Discrepancy: how far a batch of scores is from the true machine states.
#pragma once

#include "generic_fit/lin.hpp"

#include <cmath>
#include <cstddef>
#include <vector>

namespace gf {

template <class T>
struct Discrepancy {
  // Mean over rows of -log(softmax(scores row)[label]). Also writes its derivative with respect
  // to every score into `slope`: (softmax - one_hot(label)) / rows.
  T penalty(const lin::Mat<T> &scores, const std::vector<int> &labels, lin::Mat<T> &slope) const {
    const std::size_t rows = scores.rows;
    slope = lin::Mat<T>(rows, scores.cols);
    T total = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      // Subtracting the row's largest score keeps exp() from overflowing; it cancels out.
      const T top = scores(r, lin::row_argmax(scores, r));
      T mass = 0;
      for (std::size_t c = 0; c < scores.cols; ++c) {
        slope(r, c) = std::exp(scores(r, c) - top);
        mass += slope(r, c);
      }
      for (std::size_t c = 0; c < scores.cols; ++c)
        slope(r, c) /= mass;
      const std::size_t truth = static_cast<std::size_t>(labels[r]);
      total += -std::log(slope(r, truth));
      slope(r, truth) -= T(1);
    }
    for (T &g : slope.data)
      g /= T(rows);
    return total / T(rows);
  }
};

} // namespace gf
