// Loading, validating and writing tour files. The one implementation used by
// the CLI (`tourguide validate`), the LLDB plugin and the indexer.
// Nothing here throws or aborts: bad input becomes diagnostics.
#pragma once

#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/Tour.h"

#include <optional>
#include <string>
#include <string_view>

namespace tourguide::tours {

struct LoadResult {
  std::optional<Tour> tour; ///< Set when there are no errors (warnings allowed).
  Diagnostics diagnostics;  ///< Every problem in the file, in file order.

  bool ok() const { return tour.has_value(); }
};

/// Parses and validates tour text. `fileName` is used in diagnostics and as Tour::sourcePath.
LoadResult parseTour(std::string_view text, const std::string &fileName);

/// The largest tour file tourguide reads (docs/tour-format.md): 4 MiB. A real tour is a few KB.
constexpr size_t kMaxTourFileBytes = 4u << 20;

/// Reads the text of the tour file `path` once: only a regular file (a FIFO, a device, a
/// directory or a socket is refused at once, never waited on or read), at most
/// kMaxTourFileBytes. Returns the text, or nullopt with `error` set (a diagnostic for the file).
std::optional<std::string> readTourText(const std::string &path, Diagnostic &error);

/// Reads (readTourText) and validates a tour file. A missing, unreadable, special or too large
/// file is an error diagnostic. When `text` is given, it receives the text that was read (for
/// source excerpts: the file is read once).
LoadResult loadTourFile(const std::string &path, std::string *text = nullptr);

/// Stable, diff-friendly text: fixed key order, 2-space indent, final newline,
/// optional fields with default values left out. parseTour(writeTour(t)) == t.
std::string writeTour(const Tour &tour);

/// Writes writeTour(tour) to `path` (atomically: temp file + rename).
/// Returns an empty string on success, else a message naming the file and the reason.
std::string saveTourFile(const Tour &tour, const std::string &path);

/// The repo root of a loaded tour: tour.root resolved against the tour file's folder;
/// when root is empty, the parent of a ".tours" folder, else the tour file's folder.
std::string repoRoot(const Tour &tour);

/// Expands ${root}, ${tour_dir} and ${program_dir} in a program path, argument,
/// cwd or env value. Unknown variables are left as they are.
std::string expandVariables(const std::string &text, const Tour &tour, const std::string &programPath);

/// The program's absolute path: program.path expanded and resolved against repoRoot().
std::string programPath(const Tour &tour);

/// True when `expr` is a plain variable path that LLDB can read without running
/// code in the debuggee: identifiers joined by '.', '->', '[integer]', optionally
/// prefixed by '*' or '&'. Anything else (calls, assignments, casts, operators)
/// needs the user's explicit trust.
bool isVariablePath(std::string_view expr);

/// The text an anchor's pattern is compared by: every run of whitespace becomes one space,
/// leading and trailing whitespace go. The plugin, the checker and the indexer all use it,
/// so a pattern means the same thing to each of them.
std::string collapseWhitespace(std::string_view text);

/// A member path of a type description ("data", "storage._M_impl", "dims[0]", "impl->buf"):
/// a variable path without a leading '*' or '&'. Read relative to a value; never runs code.
bool isMemberPath(std::string_view path);

/// True for a type name a "types" entry may use: not empty, no leading or trailing space,
/// no "const"/"volatile" in front, no '*' or '&' except a final "<*>" wildcard
/// ("Tensor", "lin::Mat<float>", "lin::Mat<*>").
bool isDescribableTypeName(std::string_view name);

} // namespace tourguide::tours
