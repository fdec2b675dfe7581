#include "tourguide/render/TextLayout.h"
#include "tourguide/tours/TerminalText.h"

#include <algorithm>

namespace tourguide::render {
namespace {

constexpr std::string_view Reset = "\x1b[0m";

/// Length of the ANSI escape sequence starting at text[pos], or 0 if none starts there.
size_t escapeLength(std::string_view text, size_t pos) {
  if (text[pos] != '\x1b' || pos + 1 >= text.size() || text[pos + 1] != '[')
    return 0;
  size_t end = pos + 2;
  while (end < text.size() && !(text[end] >= 0x40 && text[end] <= 0x7e))
    ++end;
  return end < text.size() ? end - pos + 1 : text.size() - pos;
}

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Length in bytes of the UTF-8 code point starting at text[pos].
size_t codePointLength(std::string_view text, size_t pos) {
  size_t end = pos + 1;
  while (end < text.size() && isContinuationByte(text[end]))
    ++end;
  return end - pos;
}

/// The SGR sequences in effect: everything since the last reset. Replaying them at the
/// start of a line restores the style that was open at the end of the previous one.
class SgrState {
public:
  void apply(std::string_view sequence) {
    if (sequence == Reset || sequence == "\x1b[m")
      active_.clear();
    else
      active_ += sequence;
  }
  bool empty() const { return active_.empty(); }
  const std::string &sequences() const { return active_; }

private:
  std::string active_;
};

/// Lays words into lines; shared state for wrapText.
class LineBuilder {
public:
  LineBuilder(size_t width, std::string_view firstIndent, std::string_view restIndent)
      : width_(width), restIndent_(restIndent) {
    startLine(firstIndent);
  }

  void addWord(std::string_view word) {
    size_t wordWidth = displayWidth(word);
    if (wordWidth == 0) {
      appendRaw(word);
      return;
    }
    if (hasWord_ && lineWidth_ + 1 + wordWidth > width_)
      breakLine();
    if (hasWord_) {
      current_ += ' ';
      ++lineWidth_;
    }
    // A word wider than a whole line is split across lines.
    for (size_t pos = 0; pos < word.size();) {
      if (size_t esc = escapeLength(word, pos)) {
        appendRaw(word.substr(pos, esc));
        pos += esc;
        continue;
      }
      if (lineWidth_ >= width_ && lineWidth_ > indentWidth_)
        breakLine();
      size_t len = codePointLength(word, pos);
      current_.append(word.substr(pos, len));
      ++lineWidth_;
      pos += len;
    }
    hasWord_ = true;
  }

  void forceBreak() { breakLine(); }

  std::vector<std::string> finish() {
    endLine();
    return std::move(lines_);
  }

private:
  void appendRaw(std::string_view sequence) {
    current_.append(sequence);
    state_.apply(sequence);
  }
  void startLine(std::string_view indent) {
    current_.assign(indent);
    indentWidth_ = lineWidth_ = displayWidth(indent);
    current_ += state_.sequences();
    hasWord_ = false;
  }
  void endLine() {
    if (!state_.empty())
      current_ += Reset;
    // Trailing spaces are noise in exact-text tests and invisible to a reader.
    while (!current_.empty() && current_.back() == ' ')
      current_.pop_back();
    lines_.push_back(std::move(current_));
  }
  void breakLine() {
    endLine();
    startLine(restIndent_);
  }

  size_t width_;
  std::string restIndent_;
  std::vector<std::string> lines_;
  std::string current_;
  size_t lineWidth_ = 0, indentWidth_ = 0;
  bool hasWord_ = false;
  SgrState state_;
};

} // namespace

size_t displayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (size_t esc = escapeLength(text, pos)) {
      pos += esc;
      continue;
    }
    pos += codePointLength(text, pos);
    ++width;
  }
  return width;
}

std::string truncateToWidth(std::string_view text, size_t width) {
  if (displayWidth(text) <= width)
    return std::string(text);
  constexpr std::string_view Ellipsis = "...";
  size_t keep = width > Ellipsis.size() ? width - Ellipsis.size() : 0;
  std::string out;
  SgrState state;
  size_t used = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (size_t esc = escapeLength(text, pos)) {
      out.append(text.substr(pos, esc));
      state.apply(text.substr(pos, esc));
      pos += esc;
      continue;
    }
    if (used == keep)
      break;
    size_t len = codePointLength(text, pos);
    out.append(text.substr(pos, len));
    ++used;
    pos += len;
  }
  if (!state.empty())
    out += Reset;
  out.append(Ellipsis.substr(0, width - keep));
  return out;
}

std::vector<std::string> wrapText(std::string_view text, size_t width,
                                  std::string_view firstIndent, std::string_view restIndent) {
  size_t indent = std::max(displayWidth(firstIndent), displayWidth(restIndent));
  // Keep at least a few columns for words even when the indent eats the width.
  LineBuilder builder(std::max(width, indent + 8), firstIndent, restIndent);
  size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '\n') {
      builder.forceBreak();
      ++pos;
    } else if (c == ' ') {
      ++pos;
    } else {
      size_t end = pos;
      while (end < text.size() && text[end] != ' ' && text[end] != '\n')
        ++end;
      builder.addWord(text.substr(pos, end - pos));
      pos = end;
    }
  }
  return builder.finish();
}

std::string expandTabs(std::string_view text, size_t tabStop) {
  std::string out;
  size_t column = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (text[pos] == '\t') {
      size_t spaces = tabStop - column % tabStop;
      out.append(spaces, ' ');
      column += spaces;
      ++pos;
      continue;
    }
    size_t len = codePointLength(text, pos);
    out.append(text.substr(pos, len));
    ++column;
    pos += len;
  }
  return out;
}

std::string sanitize(std::string_view text) { return tours::sanitizeLine(text); }

std::string styled(std::string_view text, std::string_view codes, bool color) {
  if (!color || text.empty() || codes.empty())
    return std::string(text);
  std::string out = "\x1b[";
  out.append(codes).append("m").append(text).append(Reset);
  return out;
}

} // namespace tourguide::render
