// parseTour / loadTourFile: JSON syntax, duplicate keys, then the tour format itself.
#include "JsonPositions.h"
#include "TourValidator.h"
#include "tourguide/tours/Files.h"
#include "tourguide/tours/TourFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace tourguide::tours {

namespace {

using nlohmann::json;

/// Records the first syntax error; accepts everything else. Used only after json::parse
/// failed, to learn how far the parser read.
struct SyntaxErrorFinder : json::json_sax_t {
  size_t charsRead = 0;
  std::string message;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t &) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string &,
                   const nlohmann::detail::exception &ex) override {
    charsRead = position;
    message = ex.what();
    return false;
  }
};

bool isWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
}

/// Where to put the caret for a syntax error: nlohmann reports how many bytes it read, which
/// is the end of the offending token; a compiler points at the token's first character.
size_t syntaxErrorOffset(std::string_view text, size_t charsRead, const std::string &message) {
  if (message.find("unexpected end of input") != std::string::npos) {
    size_t end = text.size(); // just after the last thing written
    while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1])))
      --end;
    return end;
  }
  if (charsRead == 0 || text.empty())
    return 0;
  size_t last = std::min(charsRead, text.size()) - 1; // the last byte read
  if (message.find("unexpected string literal") != std::string::npos) {
    size_t open = last; // `last` is the closing quote: find the opening one
    while (open > 0) {
      --open;
      size_t backslashes = 0;
      while (open >= backslashes + 1 && text[open - backslashes - 1] == '\\')
        ++backslashes;
      if (text[open] == '"' && backslashes % 2 == 0)
        break;
    }
    return open;
  }
  bool numberOrLiteral = message.find("unexpected number literal") != std::string::npos ||
                         message.find("number overflow") != std::string::npos ||
                         message.find("invalid literal") != std::string::npos ||
                         message.find("invalid number") != std::string::npos;
  if (numberOrLiteral) {
    size_t start = last;
    if (!isWordChar(text[start]) && start > 0 && isWordChar(text[start - 1]))
      --start; // the lexer stopped on the character after the word
    while (start > 0 && isWordChar(text[start - 1]))
      --start;
    return start;
  }
  return last;
}

/// nlohmann's message, shortened to what a user needs next to a caret:
/// "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error while
/// parsing object separator - unexpected number literal; expected ':'" becomes
/// "invalid JSON: unexpected number literal; expected ':'". The "last read" excerpt goes too:
/// it is often several tokens long, and the caret shows the place.
std::string syntaxMessage(const std::string &what) {
  std::string text = what;
  // "[json.exception.out_of_range.406] number overflow parsing '1e99999'"
  if (size_t overflow = text.find("number overflow parsing '"); overflow != std::string::npos) {
    std::string number = text.substr(overflow + 25);
    if (!number.empty() && number.back() == '\'')
      number.pop_back();
    return "number out of range: " + number + " is larger than any number a tour can hold";
  }
  if (size_t dash = text.find(" - "); dash != std::string::npos)
    text = text.substr(dash + 3);
  else if (size_t colon = text.find(": "); colon != std::string::npos)
    text = text.substr(colon + 2);
  if (size_t lastRead = text.find("; last read: '"); lastRead != std::string::npos) {
    size_t expected = text.find("'; expected ", lastRead);
    text = text.substr(0, lastRead) +
           (expected == std::string::npos ? "" : text.substr(expected + 1));
  }
  return "invalid JSON: " + text;
}

Diagnostic syntaxError(std::string_view text, const std::string &fileName) {
  SyntaxErrorFinder finder;
  try {
    json::sax_parse(text, &finder);
  } catch (const std::exception &e) {
    finder.message = e.what();
  }
  size_t offset = syntaxErrorOffset(text, finder.charsRead, finder.message);
  FilePos pos = positionOfOffset(text, offset);
  Diagnostic d;
  d.file = fileName;
  d.line = pos.line;
  d.column = pos.column;
  d.message = syntaxMessage(finder.message.empty() ? "syntax error" : finder.message);
  return d;
}

void addDuplicateKeys(const JsonPositions &positions, const std::string &fileName,
                      DiagnosticGroups &groups) {
  for (const JsonPositions::DuplicateKey &dup : positions.duplicates) {
    Diagnostic error;
    error.file = fileName;
    error.line = dup.duplicate.line;
    error.column = dup.duplicate.column;
    error.jsonPath = dup.pointer;
    error.message = "duplicate key '" + dup.key + "'";
    Diagnostic note = error;
    note.severity = Severity::Note;
    note.line = dup.first.line;
    note.column = dup.first.column;
    note.message = "'" + dup.key + "' is first defined here";
    groups.push_back({error, note});
  }
}

Diagnostics inFileOrder(DiagnosticGroups &groups) {
  std::stable_sort(groups.begin(), groups.end(), [](const Diagnostics &a, const Diagnostics &b) {
    return std::make_pair(a.front().line, a.front().column) <
           std::make_pair(b.front().line, b.front().column);
  });
  Diagnostics all;
  for (Diagnostics &group : groups)
    for (Diagnostic &d : group)
      all.push_back(std::move(d));
  return all;
}

LoadResult parseTourOrThrow(std::string_view text, const std::string &fileName) {
  LoadResult result;
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error &) {
    result.diagnostics.push_back(syntaxError(text, fileName));
    return result;
  } catch (const json::out_of_range &) {
    // A number no double holds (1e99999): found again, with its position, like a syntax error.
    result.diagnostics.push_back(syntaxError(text, fileName));
    return result;
  }
  JsonPositions positions = scanJsonPositions(text);
  DiagnosticGroups groups;
  addDuplicateKeys(positions, fileName, groups);
  Tour tour = validateTour(document, positions, fileName, groups);
  tour.sourcePath = fileName;
  result.diagnostics = inFileOrder(groups);
  if (!hasErrors(result.diagnostics))
    result.tour = std::move(tour);
  return result;
}

} // namespace

LoadResult parseTour(std::string_view text, const std::string &fileName) {
  try {
    return parseTourOrThrow(text, fileName);
  } catch (const std::exception &e) {
    // Out of memory or a bug: still a diagnostic, never an exception in the caller.
    LoadResult result;
    result.diagnostics.push_back({Severity::Error, fileName, 0, 0, "",
                                  std::string("internal error while reading the tour: ") +
                                      e.what()});
    return result;
  }
}

std::optional<std::string> readTourText(const std::string &path, Diagnostic &error) {
  error = {Severity::Error, path, 0, 0, "", ""};
  ReadError why;
  std::optional<std::string> text = readBoundedRegularFile(path, kMaxTourFileBytes, why);
  if (!text) {
    error.message = "cannot read tour file: " + why.reason();
    if (why.step == ReadError::Step::TooLarge)
      error.message += ", the limit for a tour file (docs/tour-format.md)";
  }
  return text;
}

LoadResult loadTourFile(const std::string &path, std::string *textOut) {
  Diagnostic error;
  std::optional<std::string> text = readTourText(path, error);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(error);
    return result;
  }
  LoadResult result = parseTour(*text, path);
  if (textOut)
    *textOut = std::move(*text);
  return result;
}

} // namespace tourguide::tours
