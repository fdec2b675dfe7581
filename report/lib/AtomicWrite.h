// Writing a file so that readers see the old content or the new one, never half of it.
#pragma once

#include <string>

namespace tourguide::report {

/// Writes `content` to a temporary file beside `path`, flushes it, and renames it over `path`.
/// Returns an empty string on success, otherwise what failed (with the path and errno text).
std::string writeFileAtomically(const std::string &path, const std::string &content);

} // namespace tourguide::report
