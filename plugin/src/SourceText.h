// Reading source files and finding a pattern in them the way the tour format says:
// runs of whitespace compare equal to one space.
#pragma once

#include "tourguide/tours/TourFile.h"

#include <optional>
#include <string>
#include <vector>

namespace tourguide::plugin {

/// The file's lines (without newlines), or nullopt when it cannot be read.
std::optional<std::vector<std::string>> readLines(const std::string &path);

/// How the tour format compares patterns: runs of whitespace as one space, ends trimmed.
using tours::collapseWhitespace;

/// 1-based numbers of the lines in [first, last] (clamped) containing `pattern`.
std::vector<unsigned> findPattern(const std::vector<std::string> &lines, const std::string &pattern,
                                  unsigned first = 1, unsigned last = ~0u);

} // namespace tourguide::plugin
