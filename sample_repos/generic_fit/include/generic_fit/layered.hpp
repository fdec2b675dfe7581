// Layered: two dense layers with a tanh between them.
//   hidden = tanh(x w1 + b1)      (rows x width)
//   scores = hidden w2 + b2       (rows x classes, one unnormalised score per class)
#pragma once

#include "generic_fit/lin.hpp"

#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

namespace gf {

template <class T>
struct Layered {
  using Scalar = T;

  // What apply() keeps for collect(): the input and the hidden activations.
  struct Trace {
    lin::Mat<T> input;
    lin::Mat<T> hidden;
  };

  lin::Mat<T> w1, b1, w2, b2;

  Layered(std::size_t inputs, std::size_t width, std::size_t classes, unsigned seed)
      : w1(inputs, width), b1(1, width), w2(width, classes), b2(1, classes) {
    // Small random weights (scaled by 1/sqrt(fan-in)) break the symmetry between hidden units.
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    for (T &w : w1.data)
      w = T(unit(rng) / std::sqrt(double(inputs)));
    for (T &w : w2.data)
      w = T(unit(rng) / std::sqrt(double(width)));
  }

  // Scores for every row of x; records what collect() will need in `trace`.
  lin::Mat<T> apply(const lin::Mat<T> &x, Trace &trace) const {
    trace.input = x;
    lin::Mat<T> pre = lin::matmul(x, w1);
    lin::add_row(pre, b1);
    trace.hidden = lin::map(pre, [](T v) { return std::tanh(v); });
    lin::Mat<T> scores = lin::matmul(trace.hidden, w2);
    lin::add_row(scores, b2);
    return scores;
  }

  // Scores without keeping a trace, for when nothing will be collected.
  lin::Mat<T> respond(const lin::Mat<T> &x) const {
    Trace scratch;
    return apply(x, scratch);
  }

  // Given d(objective)/d(scores), how the objective moves with each parameter, in the order of
  // parameters(): the chain rule taken back through apply(), one line per step of it.
  std::vector<lin::Mat<T>> collect(const Trace &trace, const lin::Mat<T> &slope) const {
    lin::Mat<T> dw2 = lin::matmul(lin::transpose(trace.hidden), slope);
    lin::Mat<T> db2 = lin::column_sums(slope);
    lin::Mat<T> dhidden = lin::matmul(slope, lin::transpose(w2));
    // tanh'(pre) = 1 - tanh(pre)^2 = 1 - hidden^2
    lin::Mat<T> dpre = lin::zip(dhidden, trace.hidden, [](T g, T h) { return g * (T(1) - h * h); });
    lin::Mat<T> dw1 = lin::matmul(lin::transpose(trace.input), dpre);
    lin::Mat<T> db1 = lin::column_sums(dpre);
    return {dw1, db1, dw2, db2};
  }

  std::vector<lin::Mat<T> *> parameters() { return {&w1, &b1, &w2, &b2}; }
};

} // namespace gf
