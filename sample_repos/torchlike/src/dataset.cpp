#include "torchlike/data/dataset.h"

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace data {
namespace {

constexpr char kMagic[4] = {'T', 'L', 'G', '1'};

std::uint32_t read_u32(std::istream& in) {
  unsigned char bytes[4] = {};
  in.read(reinterpret_cast<char*>(bytes), 4);
  return static_cast<std::uint32_t>(bytes[0]) | static_cast<std::uint32_t>(bytes[1]) << 8 |
         static_cast<std::uint32_t>(bytes[2]) << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
}

void write_u32(std::ostream& out, std::uint32_t value) {
  const unsigned char bytes[4] = {
      static_cast<unsigned char>(value), static_cast<unsigned char>(value >> 8),
      static_cast<unsigned char>(value >> 16), static_cast<unsigned char>(value >> 24)};
  out.write(reinterpret_cast<const char*>(bytes), 4);
}

}  // namespace

Dataset Dataset::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open data file '" + path + "'");
  char magic[4] = {};
  in.read(magic, 4);
  if (!in || std::memcmp(magic, kMagic, 4) != 0)
    throw std::runtime_error("'" + path + "' is not a torchlike data file (bad magic)");

  Dataset dataset;
  const std::uint32_t count = read_u32(in);
  dataset.rows_ = read_u32(in);
  dataset.cols_ = read_u32(in);
  dataset.num_classes_ = read_u32(in);
  if (!in || count == 0 || dataset.features() == 0 || dataset.num_classes_ == 0 ||
      dataset.num_classes_ > 256)
    throw std::runtime_error("'" + path + "' has a bad header");

  const std::size_t features = dataset.features();
  dataset.pixels_.resize(count * features);
  dataset.labels_.resize(count);
  std::vector<unsigned char> record(1 + features);
  for (std::size_t n = 0; n < count; ++n) {
    in.read(reinterpret_cast<char*>(record.data()), static_cast<std::streamsize>(record.size()));
    if (!in)
      throw std::runtime_error("'" + path + "' ends after " + std::to_string(n) + " of " +
                               std::to_string(count) + " examples");
    if (record[0] >= dataset.num_classes_)
      throw std::runtime_error("'" + path + "': example " + std::to_string(n) + " has label " +
                               std::to_string(record[0]) + ", but there are only " +
                               std::to_string(dataset.num_classes_) + " classes");
    dataset.labels_[n] = record[0];
    for (std::size_t f = 0; f < features; ++f)
      dataset.pixels_[n * features + f] = static_cast<float>(record[1 + f]) / 255.0f;
  }
  return dataset;
}

void write_dataset(const std::string& path, std::size_t rows, std::size_t cols,
                   std::size_t num_classes, const std::vector<std::uint8_t>& pixels,
                   const std::vector<std::uint8_t>& labels) {
  const std::size_t features = rows * cols;
  if (pixels.size() != labels.size() * features)
    throw std::runtime_error("write_dataset: pixel count does not match labels x rows x cols");
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot create data file '" + path + "'");
  out.write(kMagic, 4);
  write_u32(out, static_cast<std::uint32_t>(labels.size()));
  write_u32(out, static_cast<std::uint32_t>(rows));
  write_u32(out, static_cast<std::uint32_t>(cols));
  write_u32(out, static_cast<std::uint32_t>(num_classes));
  for (std::size_t n = 0; n < labels.size(); ++n) {
    out.put(static_cast<char>(labels[n]));
    out.write(reinterpret_cast<const char*>(&pixels[n * features]),
              static_cast<std::streamsize>(features));
  }
  if (!out) throw std::runtime_error("failed writing data file '" + path + "'");
}

}  // namespace data
