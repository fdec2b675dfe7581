// Compiler-style text for diagnostics: "file:line:col: error: message [at /json/pointer]".
#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/TerminalText.h"

#include <algorithm>

namespace tourguide::tours {

namespace {
const char *severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}
/// A JSON Pointer may hold any character of a key; keep the diagnostic on one line. C0
/// controls are spelled out (\n, \t, \x1b) so the pointer stays exact; the rest goes through
/// the one sanitizer (C1 controls, bytes that are not UTF-8).
std::string printable(const std::string &text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      const char *hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return sanitizeLine(out);
}
} // namespace

std::string Diagnostic::format() const {
  std::string out = sanitizeLine(file);
  if (line != 0) {
    out += ':' + std::to_string(line);
    if (column != 0)
      out += ':' + std::to_string(column);
  }
  if (!out.empty())
    out += ": ";
  out += severityName(severity);
  out += ": ";
  out += sanitizeLine(message); // it quotes the tour's keys and values
  if (!jsonPath.empty())
    out += " [at " + printable(jsonPath) + "]";
  return out;
}

bool hasErrors(const Diagnostics &diags) {
  return std::any_of(diags.begin(), diags.end(),
                     [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::string formatAll(const Diagnostics &diags) {
  std::string out;
  for (const Diagnostic &d : diags) {
    out += d.format();
    out += '\n';
  }
  return out;
}

} // namespace tourguide::tours
