// The one sanitizer for text that reaches a terminal from a tour file or a repo's sources
// (docs/security.md, "Terminal output"). The plugin's render::sanitize and the CLI's
// diagnostics both use it, so one rule decides what a tour can make a terminal do: nothing.
#pragma once

#include <string>
#include <string_view>

namespace tourguide::tours {

/// `text` made safe to print on one line: C0 controls (ESC, BEL, CR, LF, ...), DEL, C1
/// controls both as raw bytes and UTF-8 encoded (U+0080..U+009F: U+009B is CSI, U+009D is
/// OSC), bidirectional overrides (U+202A..U+202E, U+2066..U+2069) and bytes that are not
/// UTF-8 each become a visible '?', so an escape sequence shows as "?[2J" instead of acting.
/// A tab becomes a space. Everything else (printable ASCII, valid UTF-8) is kept.
std::string sanitizeLine(std::string_view text);

/// A whole block of output (a command's reply): as sanitizeLine, but newlines and tabs are
/// kept, and so are SGR colour sequences (ESC '[' digits and ';' 'm'), which the renderer
/// writes itself and which can only change colours. Every other escape sequence (OSC 52
/// clipboard writes, screen clears, cursor moves, ...) is shown as "?...".
std::string sanitizeOutput(std::string_view text);

} // namespace tourguide::tours
