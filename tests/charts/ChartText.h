// Helpers to look at rendered charts: split into lines, count columns of UTF-8 text.
#pragma once

#include <string>
#include <vector>

namespace tourguide::charts::testing {

inline std::vector<std::string> splitLines(const std::string &text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

/// Code points of UTF-8 text: every character a chart uses is one column wide.
inline size_t columnsOf(const std::string &text) {
  size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80)
      ++count;
  return count;
}

/// The text without ANSI colour escapes (ESC [ ... m).
inline std::string withoutEscapes(const std::string &text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      size_t end = text.find('m', i);
      if (end == std::string::npos)
        break;
      i = end;
      continue;
    }
    out += text[i];
  }
  return out;
}

/// The code points of UTF-8 text.
inline std::vector<unsigned> codepointsOf(const std::string &text) {
  std::vector<unsigned> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    unsigned cp = c, extra = 0;
    if (c >= 0xF0)
      cp = c & 0x07, extra = 3;
    else if (c >= 0xE0)
      cp = c & 0x0F, extra = 2;
    else if (c >= 0xC0)
      cp = c & 0x1F, extra = 1;
    ++i;
    for (unsigned k = 0; k < extra && i < text.size(); ++k, ++i)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
    out.push_back(cp);
  }
  return out;
}

} // namespace tourguide::charts::testing
