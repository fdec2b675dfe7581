#include "tourguide/render/Markdown.h"

#include "tourguide/render/TextLayout.h"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace tourguide::render {
namespace {

using Lines = std::vector<std::string>;

// SGR codes used for Markdown styles.
constexpr std::string_view Bold = "1", Italic = "3", Underline = "4", Dim = "2", Cyan = "36";

const char *literalOf(cmark_node *node) {
  const char *text = cmark_node_get_literal(node);
  return text ? text : "";
}

/// Builds the text of a paragraph or heading from its inline nodes. Styles nest: closing
/// one resets the terminal and reopens the ones still open, so wrapping can carry them.
class InlineWriter {
public:
  explicit InlineWriter(bool color) : color_(color) {}

  std::string write(cmark_node *parent) {
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      writeNode(n);
    return std::move(out_);
  }

private:
  void writeNode(cmark_node *node) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      out_ += sanitize(literalOf(node));
      break;
    case CMARK_NODE_SOFTBREAK:
      out_ += ' ';
      break;
    case CMARK_NODE_LINEBREAK:
      out_ += '\n';
      break;
    case CMARK_NODE_CODE:
      if (color_)
        wrapIn(Cyan, [&] { out_ += sanitize(literalOf(node)); });
      else
        out_ += "`" + sanitize(literalOf(node)) + "`";
      break;
    case CMARK_NODE_EMPH:
      styledChildren(node, Italic, "*");
      break;
    case CMARK_NODE_STRONG:
      styledChildren(node, Bold, "**");
      break;
    case CMARK_NODE_LINK:
      writeLink(node);
      break;
    case CMARK_NODE_IMAGE:
      out_ += "[image: ";
      writeChildren(node);
      out_ += "]";
      writeUrl(cmark_node_get_url(node));
      break;
    default:
      writeChildren(node);
      break;
    }
  }

  void writeChildren(cmark_node *node) {
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n))
      writeNode(n);
  }

  void styledChildren(cmark_node *node, std::string_view code, std::string_view marker) {
    if (color_) {
      wrapIn(code, [&] { writeChildren(node); });
    } else {
      out_ += marker;
      writeChildren(node);
      out_ += marker;
    }
  }

  /// "text (URL)"; an autolink, whose text is its URL, shows the URL once.
  void writeLink(cmark_node *node) {
    std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
    size_t start = out_.size();
    if (color_)
      wrapIn(Underline, [&] { writeChildren(node); });
    else
      writeChildren(node);
    std::string shownText = out_.substr(start);
    std::string withoutMailto = url.rfind("mailto:", 0) == 0 ? url.substr(7) : url;
    if (!url.empty() && shownText.find(withoutMailto) == std::string::npos)
      writeUrl(url.c_str());
  }

  void writeUrl(const char *url) {
    if (!url || !*url)
      return;
    out_ += " ";
    std::string text = "(" + sanitize(url) + ")";
    if (color_)
      wrapIn(Dim, [&] { out_ += text; });
    else
      out_ += text;
  }

  template <typename Body> void wrapIn(std::string_view code, Body body) {
    open_.emplace_back(code);
    out_ += "\x1b[" + open_.back() + "m";
    body();
    open_.pop_back();
    out_ += "\x1b[0m";
    for (const std::string &still : open_)
      out_ += "\x1b[" + still + "m";
  }

  bool color_;
  std::string out_;
  std::vector<std::string> open_;
};

/// Renders blocks into lines of at most `width` columns; containers (lists, quotes)
/// render their children narrower and put their markers in front.
class BlockWriter {
public:
  explicit BlockWriter(bool color) : color_(color) {}

  /// The children of `parent`, a blank line between blocks unless `tight`.
  Lines children(cmark_node *parent, size_t width, bool tight) {
    Lines lines;
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      Lines block = render(n, width);
      if (block.empty())
        continue;
      if (!lines.empty() && !tight)
        lines.emplace_back();
      lines.insert(lines.end(), block.begin(), block.end());
    }
    return lines;
  }

private:
  Lines render(cmark_node *node, size_t width) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
      return wrapText(InlineWriter(color_).write(node), width, "", "");
    case CMARK_NODE_HEADING:
      return heading(node, width);
    case CMARK_NODE_CODE_BLOCK:
      return codeBlock(literalOf(node), width);
    case CMARK_NODE_HTML_BLOCK:
      return literalLines(literalOf(node), "", width);
    case CMARK_NODE_THEMATIC_BREAK:
      return {styled(std::string(std::min<size_t>(width, 40), '-'), Dim, color_)};
    case CMARK_NODE_BLOCK_QUOTE:
      return prefixed(children(node, width > 2 ? width - 2 : width, false),
                      styled("|", Dim, color_) + " ");
    case CMARK_NODE_LIST:
      return list(node, width);
    default:
      return children(node, width, false);
    }
  }

  Lines heading(cmark_node *node, size_t width) {
    int level = cmark_node_get_heading_level(node);
    std::string text = InlineWriter(color_).write(node);
    if (color_)
      return wrapText(styled(text, level == 1 ? "1;4" : "1", true), width, "", "");
    // Without colour a rule under the text marks it: '=' for level 1, '-' below.
    Lines lines = wrapText(text, width, "", "");
    size_t widest = 0;
    for (const std::string &line : lines)
      widest = std::max(widest, displayWidth(line));
    lines.emplace_back(widest, level == 1 ? '=' : '-');
    return lines;
  }

  Lines codeBlock(const std::string &code, size_t width) {
    Lines lines = literalLines(code, "    ", width);
    if (color_)
      for (std::string &line : lines)
        line = styled(line, Cyan, true);
    return lines;
  }

  /// Literal text, one output line per input line, cut (not wrapped) at the width.
  static Lines literalLines(const std::string &text, const std::string &indent, size_t width) {
    Lines lines;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos)
        end = text.size();
      std::string line = indent + sanitize(expandTabs(text.substr(start, end - start)));
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      lines.push_back(truncateToWidth(line, width));
      start = end + 1;
    }
    return lines;
  }

  Lines list(cmark_node *node, size_t width) {
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    bool tight = cmark_node_get_list_tight(node);
    int number = cmark_node_get_list_start(node);
    char delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';

    std::vector<cmark_node *> items;
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n))
      items.push_back(n);
    // Numbers are right-aligned so the items' text starts in one column.
    size_t markerWidth = 2;
    if (ordered)
      markerWidth = std::to_string(number + static_cast<int>(items.size()) - 1).size() + 2;
    size_t inner = width > markerWidth ? width - markerWidth : width;

    Lines lines;
    for (cmark_node *item : items) {
      std::string marker = "-";
      if (ordered)
        marker = std::to_string(number++) + delim;
      marker = std::string(markerWidth - 1 - marker.size(), ' ') + marker + " ";
      Lines body = children(item, inner, tight);
      if (body.empty())
        body.emplace_back();
      if (!lines.empty() && !tight)
        lines.emplace_back();
      for (size_t i = 0; i < body.size(); ++i) {
        std::string prefix = i == 0 ? styled(marker, Bold, color_) : std::string(markerWidth, ' ');
        lines.push_back(body[i].empty() && i != 0 ? std::string() : trimRight(prefix + body[i]));
      }
    }
    return lines;
  }

  static std::string trimRight(std::string line) {
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    return line;
  }

  static Lines prefixed(Lines lines, const std::string &prefix) {
    for (std::string &line : lines)
      line = trimRight(prefix + line);
    return lines;
  }

  bool color_;
};

struct NodeDeleter {
  void operator()(cmark_node *node) const { cmark_node_free(node); }
};

} // namespace

std::string renderMarkdown(std::string_view markdown, const Style &style) {
  std::unique_ptr<cmark_node, NodeDeleter> document(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  if (!document)
    return std::string();
  std::string out;
  for (const std::string &line : BlockWriter(style.color).children(document.get(), style.width, false))
    out += line + "\n";
  return out;
}

} // namespace tourguide::render
