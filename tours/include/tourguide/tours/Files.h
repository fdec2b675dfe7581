// Reading and writing the files tourguide touches, once for every component: a file read whole,
// only when it is a regular file and up to a size limit, so that a FIFO or /dev/zero never
// hangs or fills memory; a text file as lines; and a file replaced whole, so that readers see
// the old content or the new one, never half of it, and so that a FIFO or a device node is
// never replaced (docs/security.md, "Files").
// Plain POSIX, no LLVM: the LLDB plugin uses it too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace tourguide::tours {

/// What a file of mode `mode` (stat's st_mode) is, when it is not a regular file: "a directory",
/// "a FIFO (named pipe)", "a character device", "a block device", "a socket", or
/// "not a regular file".
const char *kindOfFile(mode_t mode);

/// Why readBoundedRegularFile failed.
struct ReadError {
  enum class Step {
    None,       ///< It did not fail.
    Open,       ///< open() failed (missing file, no permission, ...).
    NotRegular, ///< The path names a FIFO, a device, a directory or a socket; nothing was read.
    TooLarge,   ///< The file holds more than the limit; nothing is returned.
    Read,       ///< read() failed.
  };
  Step step = Step::None;
  /// strerror(errno) of the failing call; for NotRegular, kindOfFile of what is there.
  std::string detail;
  size_t limit = 0; ///< The limit that was passed (for TooLarge's message).

  explicit operator bool() const { return step != Step::None; }
  /// Why, as the end of a sentence that names the file: "No such file or directory", "it is
  /// a FIFO (named pipe), not a regular file", "it is larger than 4 MiB".
  std::string reason() const;
};

/// "4 MiB", "512 KiB", "100 bytes": a size limit as messages and docs say it.
std::string describeSize(size_t bytes);

/// The largest source file tourguide reads lines of, for an excerpt, an anchor's pattern or a
/// report (docs/security.md, "Files"): 32 MiB, more than three times the largest real
/// single-file sources (SQLite's amalgamation is about 9 MB).
constexpr size_t kMaxSourceFileBytes = 32u << 20;

/// The largest compile_commands.json the indexer reads (docs/security.md, "Files"): 256 MiB,
/// about 100,000 compile commands of 2.5 KB each (this project's average 0.6 KB; a command with
/// many -I and -D flags is a few KB). Anything larger is not a compilation database.
constexpr size_t kMaxCompilationDatabaseBytes = 256u << 20;

/// Reads the whole file `path` once, when it is a regular file (or a symbolic link to one) of
/// at most `limit` bytes. A FIFO, a device, a directory or a socket is refused at once (opened
/// without blocking, never read), so `/dev/zero` or a FIFO nobody writes to cannot hang or
/// exhaust memory; a file that grows past the limit while it is read is refused too.
/// Returns the content, or nullopt with `error` set. Plain POSIX: every component uses it for
/// the files a repository or a user hands to tourguide (tours, profiles, compile_commands.json,
/// sources).
std::optional<std::string> readBoundedRegularFile(const std::string &path, size_t limit, ReadError &error);

/// The file's lines without their '\n' (nor a '\r' before it), or nullopt when it cannot be
/// read: missing, not a regular file, or over kMaxSourceFileBytes (readBoundedRegularFile;
/// `error`, when given, says why). A last line without '\n' is a line; there is no empty line
/// after a final '\n'.
std::optional<std::vector<std::string>> readLines(const std::string &path, ReadError *error = nullptr);

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
