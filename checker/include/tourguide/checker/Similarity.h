// How alike two names, a pattern and a line, or two bodies are. Used to name the nearest
// candidates of a broken anchor and to decide whether a repair is unambiguous.
#pragma once

#include "tourguide/tours/TourFile.h"

#include <string>

namespace tourguide::checker {

/// How the tour format compares patterns (docs/tour-format.md, `anchor.pattern`).
using tours::collapseWhitespace;

/// The best approximate occurrence of `pattern` inside `text`: the fewest single-character
/// edits that turn some substring of `text` into `pattern`, and that substring's bounds.
struct SubstringMatch {
  unsigned distance = 0;
  size_t begin = 0, end = 0;
};
SubstringMatch closestSubstring(const std::string &pattern, const std::string &text);

/// Similarity of two token texts (normalizeTokens output) in [0, 1]: the size of the
/// intersection of their token multisets over the size of the union.
double tokenSimilarity(const std::string &a, const std::string &b);

} // namespace tourguide::checker
