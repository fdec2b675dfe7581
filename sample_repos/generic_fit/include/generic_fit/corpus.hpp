// Corpus: the sensor readings of one CSV file, and the per-column scaling fitted on them.
#pragma once

#include "generic_fit/lin.hpp"

#include <string>
#include <vector>

namespace gf {

// One row per reading: `features` holds the sensor values, `labels` the machine state
// (0 .. classes-1) written in the file's last column.
struct Corpus {
  std::vector<std::string> columns; // sensor names from the header line
  lin::Mat<float> features;
  std::vector<int> labels;
  int classes = 0;
};

// Reads "name,name,...,state" then one "v,v,...,k" line per reading; '#' lines are comments.
// On failure returns false and says which line of which file was wrong in `error`.
bool read_corpus(const std::string &path, Corpus &out, std::string &error);

// Per-column centre and spread, so every sensor enters the model on the same scale.
struct Scaler {
  std::vector<float> centre;
  std::vector<float> spread;
};

Scaler measure(const Corpus &corpus);
void standardize(Corpus &corpus, const Scaler &scaler);

} // namespace gf
