// Verdict: how a set of scores compares with the true machine states.
#pragma once

#include "generic_fit/lin.hpp"

#include <cstddef>
#include <vector>

namespace gf {

struct Verdict {
  double accuracy = 0; // share of rows whose highest score is the true state
  double chance = 0;   // the same share for always guessing the commonest state
  lin::Mat<int> tally; // tally(truth, guess): rows of each true state given each guess
};

template <class T>
Verdict judge(const lin::Mat<T> &scores, const std::vector<int> &labels, std::size_t classes) {
  Verdict v;
  v.tally = lin::Mat<int>(classes, classes);
  std::vector<std::size_t> per_state(classes, 0);
  std::size_t agree = 0;
  for (std::size_t r = 0; r < scores.rows; ++r) {
    const std::size_t truth = std::size_t(labels[r]);
    const std::size_t guess = lin::row_argmax(scores, r);
    v.tally(truth, guess) += 1;
    per_state[truth] += 1;
    if (guess == truth)
      ++agree;
  }
  std::size_t commonest = 0;
  for (std::size_t n : per_state)
    commonest = n > commonest ? n : commonest;
  if (scores.rows > 0) {
    v.accuracy = double(agree) / double(scores.rows);
    v.chance = double(commonest) / double(scores.rows);
  }
  return v;
}

} // namespace gf
