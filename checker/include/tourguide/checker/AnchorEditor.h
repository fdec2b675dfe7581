// In-place edits of anchor fields in a tour file's text. Only the value tokens being repaired
// change (or one member is added to an anchor object), so the team's order, indentation and
// line breaks stay as they were.
#pragma once

#include <string>
#include <vector>

namespace tourguide::checker {

struct FieldEdit {
  std::string anchor; ///< JSON Pointer of the anchor object: "/stops/3/anchor", "/collect/0/anchor",
                      ///< "/stops/3/collect/1/anchor".
  std::string field;  ///< "function", "file", "pattern" or "line".
  std::string json;   ///< The new value as a JSON token: "\"src/b.c\"" or "60".
};

/// Applies `edits` to `text`. Returns false (text unchanged, `error` set) when an anchor object
/// cannot be found in the text.
bool applyFieldEdits(std::string &text, const std::vector<FieldEdit> &edits, std::string &error);

/// Byte offset of a 1-based line:column as the tour library counts them (a UTF-8 sequence
/// or a tab is one column; a leading byte order mark takes none). npos when out of range.
size_t offsetOfPosition(const std::string &text, unsigned line, unsigned column);

} // namespace tourguide::checker
