#include "tourguide/render/Annotation.h"

#include "tourguide/render/Markdown.h"
#include "tourguide/render/SourceExcerpt.h"
#include "tourguide/render/TextLayout.h"

#include <algorithm>

namespace tourguide::render {
namespace {

// Labels longer than this are not used to align the others: one long expression
// should not push every value to the right edge.
constexpr size_t MaxLabelColumn = 24;
// Where a watch's "what changed" line starts: two columns right of the watch's label.
constexpr const char *ChangeIndent = "    ";

std::string joinLines(const std::vector<std::string> &lines) {
  std::string out;
  for (const std::string &line : lines)
    out += line + "\n";
  return out;
}

/// "== 3/7 data: Title =====": one line that stands out even without colour.
std::string header(const AnnotationInput &in, const Style &style) {
  std::string position =
      in.total ? std::to_string(in.index) + "/" + std::to_string(in.total) : std::string();
  std::string text = "== ";
  if (!position.empty())
    text += styled(position, "1", style.color) + " ";
  if (!in.stage.empty())
    text += styled(sanitize(in.stage), "1;36", style.color) + ": ";
  text += styled(in.title.empty() ? "(untitled stop)" : sanitize(in.title), "1", style.color) + " ";
  text = truncateToWidth(text, style.width);
  size_t used = displayWidth(text);
  if (used < style.width)
    text += styled(std::string(style.width - used, '='), "2", style.color);
  return text + "\n";
}

std::string location(const AnnotationInput &in, const Style &style) {
  if (in.file.empty())
    return std::string();
  std::string where = sanitize(in.file) + (in.line ? ":" + std::to_string(in.line) : std::string());
  return styled(truncateToWidth("at " + where, style.width), "2", style.color) + "\n";
}

std::string watches(const std::vector<WatchLine> &lines, const Style &style) {
  size_t column = 0;
  for (const WatchLine &w : lines)
    if (displayWidth(w.label) <= MaxLabelColumn)
      column = std::max(column, displayWidth(w.label));
  std::string out;
  for (const WatchLine &w : lines) {
    std::string label = sanitize(w.label);
    size_t width = displayWidth(label);
    if (width < column)
      label.append(column - width, ' ');
    // Without colour an error must still look different from a value: "!" instead of "=".
    std::string line = "  " + styled(label, "1", style.color) + (w.error ? " ! " : " = ") +
                       styled(sanitize(w.value), w.error ? "31" : "", style.color);
    out += (style.cutValues ? truncateToWidth(line, style.width) : line) + "\n";
    // Under the watch, indented past its label's start; wrapped, not cut: the numbers are
    // at the end.
    if (!w.change.empty())
      out += joinLines(wrapText(styled(sanitize(w.change), "2", style.color), style.width,
                                ChangeIndent, ChangeIndent + std::string("  ")));
  }
  return out;
}

} // namespace

std::string renderAnnotation(const AnnotationInput &in, const Style &style) {
  std::vector<std::string> sections;
  sections.push_back(header(in, style));
  sections.push_back(renderMarkdown(in.markdown, style));
  sections.push_back(location(in, style) +
                     (in.file.empty() && in.line == 0 ? std::string()
                      : !in.sourceWithheld.empty()
                          ? styled(truncateToWidth("  (" + sanitize(in.sourceWithheld) + ")", style.width),
                                   "2", style.color) + "\n"
                          : renderSourceExcerpt(in.file, in.line, in.contextLines, style)));
  sections.push_back(watches(in.watches, style));
  sections.push_back(in.after);
  if (!in.nextHint.empty())
    sections.push_back(joinLines(wrapText(styled(sanitize(in.nextHint), "2", style.color), style.width, "", "")));

  // The header sits directly on top of the text; other sections are a blank line apart.
  std::string out = sections.front();
  bool first = true;
  for (size_t i = 1; i < sections.size(); ++i) {
    if (sections[i].empty())
      continue;
    if (!first)
      out += "\n";
    out += sections[i];
    first = false;
  }
  return out;
}

} // namespace tourguide::render
