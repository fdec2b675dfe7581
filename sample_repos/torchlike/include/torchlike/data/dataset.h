#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace data {

// A labelled set of small grey-scale images held in memory, like a torch.utils.data.Dataset.
//
// File format (written by tools/gen_data, all integers little-endian uint32):
//   "TLG1" count rows cols classes
//   then `count` records of: 1 byte label, rows*cols bytes of pixels (0..255)
// Pixels are scaled to [0, 1] when loaded.
class Dataset {
 public:
  // Reads a file; throws std::runtime_error naming the file and the problem.
  static Dataset load(const std::string& path);

  std::size_t size() const { return labels_.size(); }
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }
  std::size_t features() const { return rows_ * cols_; }
  std::size_t num_classes() const { return num_classes_; }

  const float* image(std::size_t index) const { return &pixels_[index * features()]; }
  int label(std::size_t index) const { return labels_[index]; }

 private:
  std::size_t rows_ = 0;
  std::size_t cols_ = 0;
  std::size_t num_classes_ = 0;
  std::vector<float> pixels_;  // size() * features() values, one image after the other
  std::vector<int> labels_;
};

// Writes a data set in the format above; used by tools/gen_data. Throws std::runtime_error.
void write_dataset(const std::string& path, std::size_t rows, std::size_t cols,
                   std::size_t num_classes, const std::vector<std::uint8_t>& pixels,
                   const std::vector<std::uint8_t>& labels);

}  // namespace data
