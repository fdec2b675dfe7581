// A few source lines around a stop, with line numbers and the stop's line marked.
#pragma once

#include "tourguide/render/Annotation.h"

#include <string>

namespace tourguide::render {

/// Lines `line - context` .. `line + context` of `path` (clamped to the file), each
/// "  NN | text" with "> " in front of `line`, tabs expanded, truncated to the width.
/// A missing or unreadable file, or a line past the end, gives one line that says so.
std::string renderSourceExcerpt(const std::string &path, unsigned line, unsigned context,
                                const Style &style);

} // namespace tourguide::render
