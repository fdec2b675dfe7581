#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "torchlike/data/dataset.h"
#include "torchlike/random.h"
#include "torchlike/tensor.h"

namespace data {

// One mini-batch: the images stacked into a [size, features] tensor and their labels.
struct Batch {
  Tensor images;
  std::vector<int> labels;
  std::size_t size = 0;   // number of examples (the last batch may be smaller)
  std::size_t index = 0;  // position of this batch in the epoch
};

// Cuts a Dataset into mini-batches, like torch.utils.data.DataLoader. Iterate it with
//   for (auto& batch : loader) { ... }
// Every begin() starts a new epoch and, when shuffling, draws a new order of the examples.
class DataLoader {
 public:
  DataLoader(const Dataset& dataset, std::size_t batch_size, bool shuffle, std::uint64_t seed);

  class Iterator {
   public:
    Iterator(DataLoader* loader, std::size_t batch_index);
    Batch& operator*() { return batch_; }
    Iterator& operator++();
    bool operator!=(const Iterator& other) const { return batch_index_ != other.batch_index_; }

   private:
    DataLoader* loader_;
    std::size_t batch_index_;
    Batch batch_;
  };

  Iterator begin();
  Iterator end();

  std::size_t num_batches() const;
  const Dataset& dataset() const { return dataset_; }

 private:
  // Copies the examples of batch number `batch_index` (in the current order) into `batch`.
  void collate(std::size_t batch_index, Batch& batch) const;

  const Dataset& dataset_;
  std::size_t batch_size_;
  bool shuffle_;
  Rng rng_;
  std::vector<std::size_t> order_;  // a permutation of 0..size-1
};

}  // namespace data
