// The promise of the terminal sanitizer (docs/security.md, "Terminal output"), checked on text
// that is about to reach a terminal, independently of tours/lib/TerminalText.cpp: the text is
// UTF-8 and holds no control character that could drive the terminal. Used by the fuzz targets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tourguide::fuzz {

/// What in `text` could drive a terminal, as "byte 12: ESC not starting an SGR sequence", or ""
/// when nothing: a C0 control (newline and tab allowed when `block`), DEL, a C1 control (raw
/// or UTF-8 encoded, U+0080..U+009F), a bidirectional override (U+202A..U+202E,
/// U+2066..U+2069), a byte that is not UTF-8, or an escape; with `sgr`, an escape that starts a
/// whole SGR colour sequence (ESC '[' digits and ';' 'm') is allowed.
inline std::string terminalHazard(std::string_view text, bool block, bool sgr) {
  auto at = [&](size_t i, const char *what) { return "byte " + std::to_string(i) + ": " + what; };
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == 0x1b) {
      size_t end = i + 1;
      if (!sgr || end >= text.size() || text[end] != '[')
        return at(i, "ESC not starting an SGR sequence");
      for (++end; end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == ';');)
        ++end;
      if (end >= text.size() || text[end] != 'm')
        return at(i, "ESC not starting an SGR sequence");
      i = end + 1;
      continue;
    }
    if (b < 0x20 && !(block && (b == '\n' || b == '\t')))
      return at(i, "C0 control");
    if (b == 0x7f)
      return at(i, "DEL");
    if (b < 0x80) {
      ++i;
      continue;
    }
    // A multi-byte UTF-8 sequence: its length from the lead byte, shortest form only.
    size_t length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length == 0 || i + length > text.size())
      return at(i, "not UTF-8");
    char32_t cp = b & (length == 2 ? 0x1f : length == 3 ? 0x0f : 0x07);
    for (size_t k = 1; k < length; ++k) {
      unsigned char c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xc0) != 0x80)
        return at(i, "not UTF-8");
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return at(i, "not UTF-8 (overlong, surrogate or too large)");
    if (cp >= 0x80 && cp <= 0x9f)
      return at(i, "C1 control");
    if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
      return at(i, "bidirectional override");
    i += length;
  }
  return "";
}

} // namespace tourguide::fuzz
