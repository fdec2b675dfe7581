// The text a newcomer sees at each tour stop: a header (stage, position, title),
// the stop's Markdown text rendered for a terminal, a few source lines around the
// stop, the watched values and a hint saying what to type next.
// Pure text: no LLDB here, so it is testable on its own. Never throws.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tourguide::render {

/// How to draw: ANSI colours or plain text, and the width in columns to fit.
struct Style {
  bool color = false;
  unsigned width = 100;
  /// Cut a watched value's line at `width` (a terminal, where a wrapped line breaks the
  /// layout). Off when the output is a file or a pipe: a log keeps every number.
  bool cutValues = true;
};

/// One watched value, already formatted on one line by tourguide::values.
struct WatchLine {
  std::string label; ///< What the user sees on the left: the watch's label or expression.
  std::string value; ///< The value, or the reason it could not be read when `error`.
  bool error = false;
  /// How the value changed since an earlier stop ("Δ since stop 3 (init): 0.5→0.25"),
  /// drawn dimmed on its own line under the watch; empty: no such line.
  std::string change{};
};

/// Everything one stop's annotation shows.
struct AnnotationInput {
  std::string stage, title, markdown;
  size_t index = 0, total = 0; ///< 1-based position and stop count; 0 total hides "3/7".
  std::string file;            ///< Source file of the stop; empty when unknown.
  unsigned line = 0;           ///< 1-based line of the stop in `file`; 0 when unknown.
  unsigned contextLines = 2;   ///< Lines shown above and below the stop's line.
  /// When not empty, shown instead of the source lines, which are not read (a file the
  /// tour may not show without --trust, docs/security.md).
  std::string sourceWithheld{};
  std::vector<WatchLine> watches;
  /// Lines drawn after the watches as they are (each already fits style.width): the
  /// collected series' sparklines and charts. Empty hides the section.
  std::string after{};
  std::string nextHint; ///< Last line: what to type next. Empty hides it.
};

/// The whole annotation, lines joined with '\n' and ending in '\n'.
/// No line is wider than style.width columns (except when width is absurdly small).
std::string renderAnnotation(const AnnotationInput &input, const Style &style);

} // namespace tourguide::render
