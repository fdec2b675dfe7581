#include "tourguide/checker/AnchorEditor.h"

// Private scanner of the tours library: positions of every JSON Pointer's key and value.
#include "JsonPositions.h"

#include <algorithm>
#include <cctype>

namespace tourguide::checker {

size_t offsetOfPosition(const std::string &text, unsigned line, unsigned column) {
  if (line == 0 || column == 0)
    return std::string::npos;
  size_t i = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
    i = 3;
  for (unsigned l = 1; l < line; ++l) {
    i = text.find('\n', i);
    if (i == std::string::npos)
      return i;
    ++i;
  }
  for (unsigned c = 1; c < column; ++c) {
    if (i >= text.size() || text[i] == '\n')
      return std::string::npos;
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
      ++i; // continuation bytes of one UTF-8 character
  }
  return i;
}

namespace {

/// End of the JSON scalar token starting at `begin` (a string or a number).
size_t endOfScalar(const std::string &text, size_t begin) {
  size_t i = begin;
  if (i < text.size() && text[i] == '"') {
    for (++i; i < text.size() && text[i] != '"'; ++i)
      if (text[i] == '\\')
        ++i;
    return std::min(i + 1, text.size());
  }
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-' ||
                             text[i] == '+' || text[i] == '.'))
    ++i;
  return i;
}

/// Offset of the '}' closing the object that opens at `open`.
size_t closingBrace(const std::string &text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      i = endOfScalar(text, i) - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0)
        return i;
    }
  }
  return std::string::npos;
}

struct Splice {
  size_t begin, end;
  std::string replacement;
};

} // namespace

bool applyFieldEdits(std::string &text, const std::vector<FieldEdit> &edits, std::string &error) {
  tours::JsonPositions positions = tours::scanJsonPositions(text);
  std::vector<Splice> splices;
  for (const FieldEdit &e : edits) {
    const std::string &anchorPointer = e.anchor;
    std::string pointer = anchorPointer + "/" + e.field;
    auto it = positions.entries.find(pointer);
    if (it != positions.entries.end()) {
      size_t begin = offsetOfPosition(text, it->second.value.line, it->second.value.column);
      if (begin == std::string::npos) {
        error = "cannot find " + pointer + " in the text";
        return false;
      }
      splices.push_back({begin, endOfScalar(text, begin), e.json});
      continue;
    }
    // A new member: after the anchor's last member, laid out like its neighbours.
    auto anchorIt = positions.entries.find(anchorPointer);
    size_t open = anchorIt == positions.entries.end()
                      ? std::string::npos
                      : offsetOfPosition(text, anchorIt->second.value.line, anchorIt->second.value.column);
    size_t close = open == std::string::npos ? open : closingBrace(text, open);
    if (close == std::string::npos) {
      error = "cannot find the object " + anchorPointer + " in the text";
      return false;
    }
    size_t last = text.find_last_not_of(" \t\r\n", close - 1);
    std::string member = "\"" + e.field + "\": " + e.json;
    if (text.find('\n', open) < close) {
      size_t lineStart = text.rfind('\n', last) + 1;
      size_t indentEnd = text.find_first_not_of(" \t", lineStart);
      member = ",\n" + text.substr(lineStart, indentEnd - lineStart) + member;
    } else {
      member = (last == open ? "" : ", ") + member;
    }
    splices.push_back({last + 1, last + 1, member});
  }
  // Back to front, so earlier offsets stay valid.
  std::stable_sort(splices.begin(), splices.end(), [](const Splice &a, const Splice &b) { return a.begin > b.begin; });
  for (const Splice &s : splices)
    text.replace(s.begin, s.end - s.begin, s.replacement);
  return true;
}

} // namespace tourguide::checker
