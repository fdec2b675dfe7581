// Which source files a tour may read (SourceAccess), and reading them and finding a pattern in
// them the way the tour format says (runs of whitespace compare equal to one space): the tours
// library's functions, so the plugin and the checker read and match sources alike.
#pragma once

#include "tourguide/tours/AnchorResolution.h"
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

/// Reading source files and finding a pattern in them: the tours library's, which the anchor
/// resolution uses too.
using tours::collapseWhitespace;
using tours::findPattern;
using tours::readLines;

} // namespace tourguide::plugin
