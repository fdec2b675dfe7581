#include "torchlike/data/dataloader.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace data {

DataLoader::DataLoader(const Dataset& dataset, std::size_t batch_size, bool shuffle,
                       std::uint64_t seed)
    : dataset_(dataset), batch_size_(batch_size), shuffle_(shuffle), rng_(seed),
      order_(dataset.size()) {
  if (batch_size == 0) throw std::invalid_argument("DataLoader: batch_size must be positive");
  std::iota(order_.begin(), order_.end(), std::size_t{0});
}

std::size_t DataLoader::num_batches() const {
  return (dataset_.size() + batch_size_ - 1) / batch_size_;
}

DataLoader::Iterator DataLoader::begin() {
  if (shuffle_) {
    // Fisher-Yates: every permutation equally likely; a new one each epoch.
    for (std::size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[rng_.below(i)]);
  }
  return Iterator(this, 0);
}

DataLoader::Iterator DataLoader::end() { return Iterator(this, num_batches()); }

DataLoader::Iterator::Iterator(DataLoader* loader, std::size_t batch_index)
    : loader_(loader), batch_index_(batch_index) {
  if (batch_index_ < loader_->num_batches()) loader_->collate(batch_index_, batch_);
}

DataLoader::Iterator& DataLoader::Iterator::operator++() {
  ++batch_index_;
  if (batch_index_ < loader_->num_batches()) loader_->collate(batch_index_, batch_);
  return *this;
}

void DataLoader::collate(std::size_t batch_index, Batch& batch) const {
  const std::size_t first = batch_index * batch_size_;
  const std::size_t count = std::min(batch_size_, order_.size() - first);
  const std::size_t features = dataset_.features();
  batch.images = Tensor({count, features});
  batch.labels.assign(count, 0);
  batch.size = count;
  batch.index = batch_index;
  for (std::size_t row = 0; row < count; ++row) {
    const std::size_t example = order_[first + row];
    const float* pixels = dataset_.image(example);
    std::copy(pixels, pixels + features, batch.images.ptr() + row * features);
    batch.labels[row] = dataset_.label(example);
  }
}

}  // namespace data
