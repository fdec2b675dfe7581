// Shelf: hands out a Corpus a few rows at a time, in a fresh random order on every pass.
#pragma once

#include "generic_fit/corpus.hpp"

#include <cstddef>
#include <random>
#include <vector>

namespace gf {

// A few rows taken off the shelf together.
struct Handful {
  lin::Mat<float> x;  // size x features
  std::vector<int> y; // size labels
};

class Shelf {
public:
  Shelf(const Corpus &corpus, std::size_t size, unsigned seed);

  // Shuffles the row order and starts again from the first row.
  void restock();
  // Copies the next `size` rows (fewer at the end) into `out`; false once the shelf is empty.
  bool next(Handful &out);

private:
  const Corpus &corpus_;
  std::size_t size_;
  std::vector<std::size_t> order_;
  std::size_t cursor_ = 0;
  std::mt19937 rng_;
};

} // namespace gf
