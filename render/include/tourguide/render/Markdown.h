// Markdown (CommonMark, parsed by cmark) rendered as terminal text.
#pragma once

#include "tourguide/render/Annotation.h"

#include <string>
#include <string_view>

namespace tourguide::render {

/// Renders `markdown` to lines of at most style.width columns, each ending in '\n'.
/// Paragraphs are wrapped; headings, emphasis, strong, inline code, code blocks
/// (indented, not wrapped), bullet and numbered lists, block quotes and links
/// (text followed by the URL) are shown. Without colour, emphasis keeps its Markdown
/// markers (`*x*`, `**x**`, `` `x` ``) so the meaning survives; with colour they become
/// ANSI styles. Empty input gives an empty string.
std::string renderMarkdown(std::string_view markdown, const Style &style);

} // namespace tourguide::render
