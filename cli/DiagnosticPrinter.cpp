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

SourceLines::SourceLines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n')
      starts_.push_back(i + 1);
}

bool SourceLines::line(unsigned line, std::string_view &text) const {
  if (line == 0 || line > starts_.size())
    return false;
  size_t start = starts_[line - 1];
  size_t end = line < starts_.size() ? starts_[line] - 1 : text_.size();
  text = text_.substr(start, end - start);
  return true;
}

namespace {
bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Byte offset of column `column` (1-based, code points) in `text`, or text.size().
size_t offsetOfColumn(std::string_view text, unsigned column) {
  unsigned col = 1;
  size_t i = 0;
  while (i < text.size() && col < column) {
    ++i;
    while (i < text.size() && isContinuation(text[i]))
      ++i;
    ++col;
  }
  return i;
}

unsigned columnsIn(std::string_view text) {
  unsigned n = 0;
  for (char c : text)
    n += !isContinuation(c);
  return n;
}
} // namespace

std::string sourceSnippet(const SourceLines &source, unsigned line, unsigned column) {
  std::string_view text;
  if (!source.line(line, text))
    return "";
  if (!text.empty() && text.back() == '\r')
    text.remove_suffix(1);
  if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3); // the byte order mark takes no column
  // A long line (minified JSON) is cut to a window around the column: every excerpt of a
  // 35 KB one-line file would otherwise repeat all of it.
  std::string prefix, suffix;
  if (columnsIn(text) > kMaxExcerptColumns) {
    const unsigned half = kMaxExcerptColumns / 2;
    unsigned first = column > half ? column - half : 1; // first column shown
    size_t begin = offsetOfColumn(text, first);
    size_t end = offsetOfColumn(text, first + kMaxExcerptColumns);
    if (begin > 0)
      prefix = "...";
    if (end < text.size())
      suffix = "...";
    text = text.substr(begin, end - begin);
    column = column - first + 1 + static_cast<unsigned>(prefix.size());
  }
  std::string caret;
  unsigned col = 1;
  for (size_t i = 0; i < prefix.size() && col < column; ++i, ++col)
    caret += ' ';
  for (size_t i = 0; i < text.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80)
      continue; // a continuation byte belongs to the previous column
    caret += c == '\t' ? '\t' : ' ';
    ++col;
  }
  // A column just past the end (e.g. "unexpected end of input") still gets a caret.
  caret += '^';
  return prefix + sanitizeKeepingTabs(text) + suffix + "\n" + caret + "\n";
}

std::string sourceSnippet(std::string_view source, unsigned line, unsigned column) {
  return sourceSnippet(SourceLines(source), line, column);
}

void printDiagnostic(std::ostream &out, const tours::Diagnostic &diag, std::string_view source,
                     const PrintOptions &options) {
  printDiagnostic(out, diag, SourceLines(source), options);
}

void printDiagnostic(std::ostream &out, const tours::Diagnostic &diag, const SourceLines &source,
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
