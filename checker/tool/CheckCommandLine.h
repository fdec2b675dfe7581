// The command line of `tourguide check` (the source-index side of checking a tour; the LLDB
// plugin's `tour check` is the debug-info side, and both resolve anchors with
// tours::resolveAnchor): parses the arguments, resolves every stop of each tour against the
// sources (no debugger, no running program) and reports broken anchors like a compiler;
// `--fix` repairs the unambiguous ones in place. The tourguide CLI forwards
// `tourguide check ARGS...` here.
#pragma once

namespace tourguide::checker {

/// argv[0] is the command's name (it is not read); the rest are its arguments. Writes to stdout
/// and stderr. Returns an exit status of cli/include/tourguide/cli/ExitCode.h: 0 no errors
/// (warnings allowed), 1 some stop or series does not resolve or a tour does not load,
/// 2 a usage error or no compilation database. After --fix it describes the tours as written.
int runCheckCommand(int argc, const char **argv);

/// The command's usage line, for usage errors and the CLI's command table.
inline constexpr const char *kCheckSynopsis =
    "tourguide check [--fix] [--format=text|json] [-j N] -p BUILD_DIR TOUR...";

} // namespace tourguide::checker
