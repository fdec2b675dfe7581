#include "tourguide/report/HtmlEscape.h"

namespace tourguide::report {
namespace {

constexpr const char *Replacement = "\xEF\xBF\xBD"; // U+FFFD

/// Length of the valid UTF-8 sequence at `text[i]`, or 0 when it is not one.
size_t validSequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length;
  unsigned min;
  if (lead < 0x80)
    return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4, min = 0x10000;
  else
    return 0;
  if (i + length > text.size())
    return 0;
  unsigned codepoint = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return 0;
    codepoint = (codepoint << 6) | (byte(i + k) & 0x3F);
  }
  bool surrogate = codepoint >= 0xD800 && codepoint <= 0xDFFF;
  if (codepoint < min || codepoint > 0x10FFFF || surrogate)
    return 0;
  return length;
}

} // namespace

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    size_t length = validSequenceLength(text, i);
    if (length == 0) {
      out += Replacement;
      ++i;
      continue;
    }
    if (length > 1) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    case '\t':
    case '\n': out += c; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
        out += Replacement;
      else
        out += c;
    }
    ++i;
  }
  return out;
}

} // namespace tourguide::report
