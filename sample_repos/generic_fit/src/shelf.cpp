#include "generic_fit/shelf.hpp"

#include <algorithm>
#include <numeric>

namespace gf {

Shelf::Shelf(const Corpus &corpus, std::size_t size, unsigned seed)
    : corpus_(corpus), size_(size ? size : 1), order_(corpus.labels.size()), rng_(seed) {
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  cursor_ = order_.size(); // empty until the first restock()
}

void Shelf::restock() {
  std::shuffle(order_.begin(), order_.end(), rng_);
  cursor_ = 0;
}

bool Shelf::next(Handful &out) {
  if (cursor_ >= order_.size())
    return false;
  const std::size_t take = std::min(size_, order_.size() - cursor_);
  const lin::Mat<float> &all = corpus_.features;
  out.x = lin::Mat<float>(take, all.cols);
  out.y.resize(take);
  for (std::size_t i = 0; i < take; ++i) {
    const std::size_t row = order_[cursor_ + i];
    for (std::size_t c = 0; c < all.cols; ++c)
      out.x(i, c) = all(row, c);
    out.y[i] = corpus_.labels[row];
  }
  cursor_ += take;
  return true;
}

} // namespace gf
