// Archive: everything eval needs from train, as a small text file.
#pragma once

#include "generic_fit/corpus.hpp"
#include "generic_fit/lin.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace gf {

struct Archive {
  std::size_t inputs = 0, width = 0, classes = 0; // the model's shape
  Scaler scaler;                                   // the scaling the model was fitted on
  std::vector<lin::Mat<float>> params;             // in the model's parameters() order
};

// Both return false and explain in `error` (naming the file) when something goes wrong.
bool write_archive(const std::string &path, const Archive &archive, std::string &error);
bool read_archive(const std::string &path, Archive &archive, std::string &error);

} // namespace gf
