// Reading source files and finding a pattern in them the way the tour format says:
// runs of whitespace compare equal to one space.
#pragma once

#include "tourguide/tours/Files.h"
#include "tourguide/tours/TourFile.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tourguide::plugin {

/// Which source files a tour may read, search and show (docs/security.md): without the
/// user's --trust, files inside the repo root or the program's folder (the build's own
/// generated files) only: an anchor or a `#line` directive may name any file.
struct SourceAccess {
  std::string root;       ///< The tour's repo root (tours::confinedRepoRoot).
  std::string programDir; ///< The folder of the program being debugged; may be empty.
  /// The files the program's own modules were compiled from (each compile unit's own file,
  /// not the files `#line` directives or headers name): the build's own sources.
  std::shared_ptr<const std::set<std::string>> compiled;
  bool trusted = true;    ///< --trust, or no tour restricts this reader.

  bool allows(const std::string &path) const;
  /// What is shown instead of a file `allows` refuses.
  std::string refusal(const std::string &path) const;
};

/// The file's lines (without newlines), or nullopt when it cannot be read.
using tours::readLines;

/// How the tour format compares patterns: runs of whitespace as one space, ends trimmed.
using tours::collapseWhitespace;

/// 1-based numbers of the lines in [first, last] (clamped) containing `pattern`.
std::vector<unsigned> findPattern(const std::vector<std::string> &lines, const std::string &pattern,
                                  unsigned first = 1, unsigned last = ~0u);

} // namespace tourguide::plugin
