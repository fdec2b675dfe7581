// Inertia: moves parameters along a running average of their recent slopes.
#pragma once

#include "generic_fit/lin.hpp"

#include <cstddef>
#include <vector>

namespace gf {

template <class T>
struct Inertia {
  T step;                           // how far to move per nudge
  T beta;                           // how much of the old direction to keep
  std::vector<lin::Mat<T>> velocity; // one per parameter, created on the first nudge

  Inertia(T step_, T beta_) : step(step_), beta(beta_) {}

  // params[k] moves against grads[k], smoothed over past calls:
  //   v = beta * v + (1 - beta) * g;   w -= step * v
  void nudge(const std::vector<lin::Mat<T> *> &params, const std::vector<lin::Mat<T>> &grads) {
    if (velocity.empty())
      for (const lin::Mat<T> *p : params)
        velocity.emplace_back(p->rows, p->cols);
    for (std::size_t k = 0; k < params.size(); ++k) {
      std::vector<T> &w = params[k]->data;
      const std::vector<T> &g = grads[k].data;
      std::vector<T> &v = velocity[k].data;
      for (std::size_t i = 0; i < w.size(); ++i) {
        v[i] = beta * v[i] + (T(1) - beta) * g[i];
        w[i] -= step * v[i];
      }
    }
  }
};

} // namespace gf
