// Reading and writing the files tourguide touches, once for every component: a text file as
// lines, and a file replaced whole, so that readers see the old content or the new one, never
// half of it, and so that a FIFO or a device node is never replaced (docs/security.md).
// Plain POSIX, no LLVM: the LLDB plugin uses it too.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace tourguide::tours {

/// The file's lines without their '\n' (nor a '\r' before it), or nullopt when it cannot be
/// opened. A last line without '\n' is a line; there is no empty line after a final '\n'.
std::optional<std::vector<std::string>> readLines(const std::string &path);

/// What a file of mode `mode` (stat's st_mode) is, when it is not a regular file: "a directory",
/// "a FIFO (named pipe)", "a character device", "a block device", "a socket", or
/// "not a regular file".
const char *kindOfFile(mode_t mode);

/// Why writeFileAtomically failed.
struct WriteError {
  enum class Step {
    None,       ///< It did not fail.
    NotRegular, ///< The path names something other than a regular file; nothing was written.
    Create,     ///< The temporary file beside the path could not be created.
    Write,      ///< Writing or flushing the temporary file failed.
    Replace,    ///< Renaming the temporary file over the path failed.
  };
  Step step = Step::None;
  /// strerror(errno) of the failing call; for NotRegular, kindOfFile of what is there.
  std::string detail;

  explicit operator bool() const { return step != Step::None; }
  /// One sentence naming `path`: "'x/t.json' is a FIFO (named pipe), not a regular file",
  /// "cannot create a file next to 'x/t.json': No such file or directory", "cannot write
  /// 'x/t.json': ...", "cannot replace 'x/t.json': ...".
  std::string message(const std::string &path) const;
};

/// Writes `content` to a temporary file beside `path`, flushes it to disk and renames it over
/// `path`. Only a new file or a regular file (or a symbolic link to one) is replaced: renaming
/// over a FIFO or a device node would replace the node itself (as root, under /dev). The file
/// keeps the permissions of the one it replaces; a new file is 0644. Nothing is left behind on
/// failure.
WriteError writeFileAtomically(const std::string &path, std::string_view content);

} // namespace tourguide::tours
