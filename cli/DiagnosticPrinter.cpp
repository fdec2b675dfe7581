#include "DiagnosticPrinter.h"

#include "tourguide/tours/TerminalText.h"

namespace tourguide::cli {

namespace {
const char *const kBold = "\033[1m";
const char *const kRed = "\033[1;31m";
const char *const kMagenta = "\033[1;35m";
const char *const kGray = "\033[1;30m";
const char *const kGreen = "\033[1;32m";
const char *const kReset = "\033[0m";

std::string plural(unsigned n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
} // namespace

/// The file's line as the terminal may show it (tours::sanitizeLine), tabs kept so the
/// caret line, which copies them, stays aligned.
std::string sanitizeKeepingTabs(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t tab = text.find('\t', start);
    out += tours::sanitizeLine(text.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos)
      return out;
    out += '\t';
    start = tab + 1;
  }
}

std::string sourceSnippet(std::string_view source, unsigned line, unsigned column) {
  if (line == 0)
    return "";
  size_t start = 0;
  for (unsigned l = 1; l < line; ++l) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos)
      return "";
    start = newline + 1;
  }
  size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? source.size() - start
                                                                             : end - start);
  if (!text.empty() && text.back() == '\r')
    text.remove_suffix(1);
  if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3); // the byte order mark takes no column
  std::string caret;
  unsigned col = 1;
  for (size_t i = 0; i < text.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80)
      continue; // a continuation byte belongs to the previous column
    caret += c == '\t' ? '\t' : ' ';
    ++col;
  }
  // A column just past the end (e.g. "unexpected end of input") still gets a caret.
  caret += '^';
  return sanitizeKeepingTabs(text) + "\n" + caret + "\n";
}

void printDiagnostic(std::ostream &out, const tours::Diagnostic &diag, std::string_view source,
                     const PrintOptions &options) {
  if (!options.color) {
    out << diag.format() << '\n';
  } else {
    // Same text as Diagnostic::format(), with clang's colours.
    std::string location = diag.file;
    if (diag.line != 0) {
      location += ':' + std::to_string(diag.line);
      if (diag.column != 0)
        location += ':' + std::to_string(diag.column);
    }
    const char *color = kRed;
    const char *name = "error";
    if (diag.severity == tours::Severity::Warning) {
      color = kMagenta;
      name = "warning";
    } else if (diag.severity == tours::Severity::Note) {
      color = kGray;
      name = "note";
    }
    out << kBold << tours::sanitizeLine(location) << ": " << kReset << color << name << ": " << kReset
        << kBold << tours::sanitizeLine(diag.message) << kReset;
    // The plain text's " [at /pointer]" tail, already escaped by format().
    std::string plain = diag.format();
    size_t at = plain.rfind(" [at ");
    if (!diag.jsonPath.empty() && at != std::string::npos)
      out << plain.substr(at);
    out << '\n';
  }
  std::string snippet = sourceSnippet(source, diag.line, diag.column);
  if (snippet.empty())
    return;
  if (!options.color) {
    out << snippet;
    return;
  }
  size_t caretLine = snippet.find('\n') + 1;
  out << snippet.substr(0, caretLine);
  std::string caret = snippet.substr(caretLine);
  caret.pop_back(); // '\n'
  out << caret.substr(0, caret.size() - 1) << kGreen << '^' << kReset << '\n';
}

std::string summaryLine(unsigned errors, unsigned warnings) {
  if (errors == 0 && warnings == 0)
    return "";
  std::string text;
  if (errors != 0)
    text = plural(errors, "error");
  if (warnings != 0)
    text += (text.empty() ? "" : " and ") + plural(warnings, "warning");
  return text + " generated.";
}

} // namespace tourguide::cli
