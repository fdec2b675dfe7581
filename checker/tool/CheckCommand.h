// `tourguide check`: resolves every stop of each tour against the sources (no debugger, no
// running program) and reports broken anchors like a compiler; `--fix` repairs the
// unambiguous ones in place. The tourguide CLI forwards `tourguide check ARGS...` here.
#pragma once

namespace tourguide::checker {

/// Exit codes.
enum CheckExit : int {
  kCheckClean = 0,    ///< Every stop resolves and every anchor field agrees with the sources.
  kCheckWarnings = 1, ///< Every stop resolves, but some field is out of date (or a pattern is ambiguous).
  kCheckErrors = 2,   ///< Some stop does not resolve, or only to a line the anchor cannot confirm.
  kCheckUsage = 3,    ///< Bad command line, or the compilation database cannot be loaded.
};

/// argv[0] is the command's name (it is not read); the rest are its arguments. Writes to stdout
/// and stderr.
int runCheckCommand(int argc, const char **argv);

/// The command's usage line, for usage errors and the CLI's command table.
inline constexpr const char *kCheckSynopsis =
    "tourguide check [--fix] [--format=text|json] [-j N] -p BUILD_DIR TOUR...";

} // namespace tourguide::checker
