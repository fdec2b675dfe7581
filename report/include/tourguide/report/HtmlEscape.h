// Text from a tour or a program, made safe to put in HTML text or a quoted attribute.
#pragma once

#include <string>
#include <string_view>

namespace tourguide::report {

/// Escapes & < > " ' and replaces bytes that are not valid UTF-8 (and control characters other
/// than tab and newline) with U+FFFD, so hostile or binary program output cannot break the page.
std::string escapeHtml(std::string_view text);

} // namespace tourguide::report
