// The command line of `tourguide check` (the source-index side of checking a tour; the LLDB
// plugin's `tour check` is the debug-info side, and both resolve anchors with
// tours::resolveAnchor): parses the arguments, resolves every stop of each tour against the
// sources (no debugger, no running program) and reports broken anchors like a compiler;
// `--fix` repairs the unambiguous ones in place. The tourguide CLI forwards
// `tourguide check ARGS...` here.
#pragma once

namespace tourguide::checker {

/// Exit codes.
enum CheckExit : int {
  kCheckClean = 0,    ///< Every stop resolves and every anchor field agrees with the sources.
  kCheckWarnings = 1, ///< Every stop resolves, but some field is out of date (or a pattern is ambiguous).
  kCheckErrors = 2,   ///< Some stop does not resolve, or only to a line the anchor cannot confirm.
  kCheckUsage = 3,    ///< Bad command line, or the compilation database cannot be loaded.
};

/// argv[0] is "check"; the rest are its arguments. Writes to stdout and stderr.
int runCheckCommand(int argc, const char **argv);

} // namespace tourguide::checker
