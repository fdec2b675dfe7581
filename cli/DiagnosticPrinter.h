// Prints tour diagnostics the way clang does: the diagnostic line, then the source line and
// a caret under the column.
// Why not llvm::SourceMgr::PrintMessage: the line comes from an untrusted tour file and must
// go through the one terminal sanitizer (tours::sanitizeLine) first, a 35 KB minified line is
// shown as a window around the column, and `tourguide validate` is built without LLVM
// (TOURGUIDE_COMPONENTS=tours;cli), so this library links none.
#pragma once

#include "tourguide/tours/Diagnostic.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tourguide::cli {

struct PrintOptions {
  bool color = false;
};

/// Where each line of a text starts, found once, so that the excerpts of thousands of
/// diagnostics take linear time, not a rescan of the file each.
class SourceLines {
public:
  explicit SourceLines(std::string_view text);
  /// Sets `text` to line `line` (1-based) without its '\n'; false when there is no such line.
  bool line(unsigned line, std::string_view &text) const;

private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

/// The widest source line an excerpt shows, in columns: a longer line is cut to a window
/// around the caret, with "..." where it was cut.
constexpr unsigned kMaxExcerptColumns = 120;

/// Prints `diag`; `source` is the text of diag.file (empty when it could not be read:
/// then no source line is shown).
void printDiagnostic(std::ostream &out, const tours::Diagnostic &diag, std::string_view source,
                     const PrintOptions &options);
void printDiagnostic(std::ostream &out, const tours::Diagnostic &diag, const SourceLines &source,
                     const PrintOptions &options);

/// The source line and caret line for a 1-based line and column, each ending in '\n';
/// empty when the line does not exist. Tabs before the column are copied into the caret
/// line so the caret stays aligned; a UTF-8 sequence counts as one column. A line longer
/// than kMaxExcerptColumns is cut to a window around the column. The line goes through the
/// one sanitizer (tours::sanitizeLine).
std::string sourceSnippet(std::string_view source, unsigned line, unsigned column);
std::string sourceSnippet(const SourceLines &source, unsigned line, unsigned column);

/// "1 error and 2 warnings generated." or "" when both are zero.
std::string summaryLine(unsigned errors, unsigned warnings);

} // namespace tourguide::cli
