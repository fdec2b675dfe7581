// Test inputs that mark the expected position of a diagnostic inside the text itself:
// "$^" before a character means "the diagnostic points here", and is removed before parsing.
#pragma once

#include "tourguide/tours/Tour.h"

#include <string>
#include <vector>

namespace tourguide::tours::test {

struct AnnotatedText {
  std::string text;             ///< The input without markers.
  std::vector<FilePos> points;  ///< 1-based line and column (in characters) of each marker.
};

AnnotatedText annotate(const std::string &marked);

/// "line:col", for readable assertions.
std::string at(const FilePos &pos);

} // namespace tourguide::tours::test
