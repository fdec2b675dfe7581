// Width-aware text helpers shared by the renderers. Text may carry ANSI SGR escape
// sequences ("\x1b[...m"); they take no columns and are carried across wrapped lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tourguide::render {

/// Columns `text` takes: UTF-8 code points, ANSI escape sequences excluded.
size_t displayWidth(std::string_view text);

/// `text` cut to at most `width` columns; a cut line ends in "..." (inside the width).
/// Open ANSI styles are reset at the cut.
std::string truncateToWidth(std::string_view text, size_t width);

/// Words of `text` (split at spaces; '\n' forces a break) laid out in lines of at most
/// `width` columns. The first line starts with `firstIndent`, the others with
/// `restIndent`. A word longer than a line is split. ANSI styles open at a break are
/// closed at the end of the line and reopened after the indent of the next.
std::vector<std::string> wrapText(std::string_view text, size_t width,
                                  std::string_view firstIndent, std::string_view restIndent);

/// Tabs replaced by spaces up to the next multiple of `tabStop` columns.
std::string expandTabs(std::string_view text, size_t tabStop = 4);

/// `text` with terminal control characters (ESC, BEL, CR, ..., C1 controls raw or UTF-8
/// encoded such as U+009B) replaced by '?' and tabs by a space: text from a tour file or the
/// program's memory must not drive the terminal. tours::sanitizeLine, the project's one
/// sanitizer (the CLI's diagnostics use it too).
std::string sanitize(std::string_view text);

/// `text` wrapped in the SGR `codes` (e.g. "1" bold, "36" cyan) and a reset, or `text`
/// itself when `color` is false or `text` is empty.
std::string styled(std::string_view text, std::string_view codes, bool color);

} // namespace tourguide::render
