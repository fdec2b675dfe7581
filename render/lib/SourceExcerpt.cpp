#include "tourguide/render/SourceExcerpt.h"

#include "tourguide/render/TextLayout.h"
#include "tourguide/tours/Files.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace tourguide::render {
namespace {

/// The one line shown instead of source lines, dimmed like other secondary text.
std::string noteLine(const std::string &text, const Style &style) {
  return styled(truncateToWidth("  (" + sanitize(text) + ")", style.width), "2", style.color) + "\n";
}

} // namespace

std::string renderSourceExcerpt(const std::string &path, unsigned line, unsigned context,
                                const Style &style) {
  if (path.empty() || line == 0)
    return noteLine("no source location for this stop", style);
  // Only a regular file of at most tours::kMaxSourceFileBytes: a FIFO or /dev/zero named by
  // debug information or a #line directive never hangs the debugger (docs/security.md, "Files").
  tours::ReadError error;
  std::optional<std::vector<std::string>> all = tours::readLines(path, &error);
  if (!all && error.step == tours::ReadError::Step::Open)
    return noteLine("source not available: " + path + ": " + error.reason(), style);
  if (!all)
    return noteLine("source not readable: " + path + ": " + error.reason() +
                        (error.step == tours::ReadError::Step::TooLarge
                             ? ", the limit for a source file (docs/security.md)"
                             : ""),
                    style);
  if (all->size() < line)
    return noteLine(path + " has " + std::to_string(all->size()) + " lines; line " +
                        std::to_string(line) + " is past its end",
                    style);
  unsigned first = line > context ? line - context : 1;
  unsigned last = static_cast<unsigned>(std::min<size_t>(all->size(), size_t(line) + context));
  std::vector<std::string> lines(all->begin() + (first - 1), all->begin() + last);

  size_t numberWidth = std::to_string(first + lines.size() - 1).size();
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    unsigned n = first + static_cast<unsigned>(i);
    bool current = n == line;
    std::string digits = std::to_string(n);
    std::string gutter = (current ? "> " : "  ") + std::string(numberWidth - digits.size(), ' ') +
                         digits + " | ";
    std::string body = expandTabs(lines[i]);
    // CRLF files and trailing blanks: invisible, and noise in copied or compared text.
    while (!body.empty() && (body.back() == '\r' || body.back() == ' '))
      body.pop_back();
    body = sanitize(body); // the repo's text must not drive the terminal
    std::string full = truncateToWidth(body.empty() ? gutter.substr(0, gutter.size() - 1) : gutter + body,
                                       style.width);
    if (style.color) {
      // Style the gutter and the text apart: truncation already placed the cut.
      size_t gutterBytes = std::min(gutter.size(), full.size());
      std::string left = full.substr(0, gutterBytes), right = full.substr(gutterBytes);
      full = current ? styled(left, "1;33", true) + styled(right, "1", true)
                     : styled(left, "2", true) + right;
    }
    out += full + "\n";
  }
  return out;
}

} // namespace tourguide::render
