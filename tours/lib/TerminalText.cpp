// sanitizeLine / sanitizeOutput: one decoder, one rule for what is shown as '?'.
#include "tourguide/tours/TerminalText.h"

namespace tourguide::tours {

namespace {

/// Length of the valid UTF-8 sequence at text[pos] (1 to 4) and its code point, or 0 when
/// the bytes there are not UTF-8 (a stray continuation byte, an overlong or truncated
/// sequence, a surrogate, a value over U+10FFFF).
size_t decode(std::string_view text, size_t pos, char32_t &cp) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b = byte(pos);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    cp = b & 0x0F;
    if (b == 0xE0)
      lo = 0xA0; // no overlong forms
    if (b == 0xED)
      hi = 0x9F; // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    cp = b & 0x07;
    if (b == 0xF0)
      lo = 0x90;
    if (b == 0xF4)
      hi = 0x8F;
  } else {
    return 0;
  }
  if (pos + len > text.size())
    return 0;
  for (size_t i = 1; i < len; ++i) {
    unsigned char c = byte(pos + i);
    if (c < (i == 1 ? lo : 0x80) || c > (i == 1 ? hi : 0xBF))
      return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  return len;
}

bool isControl(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

/// Length of the SGR sequence (ESC '[' [0-9;]* 'm') at text[pos], or 0.
size_t sgrLength(std::string_view text, size_t pos) {
  if (pos + 2 > text.size() || text[pos] != '\x1b' || text[pos + 1] != '[')
    return 0;
  size_t end = pos + 2;
  while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == ';'))
    ++end;
  return end < text.size() && text[end] == 'm' ? end - pos + 1 : 0;
}

std::string sanitize(std::string_view text, bool output) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    if (output) {
      if (text[pos] == '\n' || text[pos] == '\t') {
        out += text[pos++];
        continue;
      }
      if (size_t sgr = sgrLength(text, pos)) {
        out.append(text.substr(pos, sgr));
        pos += sgr;
        continue;
      }
    }
    char32_t cp = 0;
    size_t len = decode(text, pos, cp);
    if (len == 0) {
      out += '?';
      ++pos;
    } else if (cp == '\t') {
      out += ' ';
      pos += len;
    } else if (isControl(cp)) {
      out += '?';
      pos += len;
    } else {
      out.append(text.substr(pos, len));
      pos += len;
    }
  }
  return out;
}

} // namespace

std::string sanitizeLine(std::string_view text) { return sanitize(text, false); }

std::string sanitizeOutput(std::string_view text) { return sanitize(text, true); }

} // namespace tourguide::tours
