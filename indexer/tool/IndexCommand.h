// `tourguide index`: the command-line front of the indexer. The tourguide CLI forwards
// `tourguide index ARGS...` here (argv[0] is the command's name; it is not read).
#pragma once

namespace tourguide::indexer {

/// Returns an exit status of cli/include/tourguide/cli/ExitCode.h: 0 every TU parsed and a
/// training loop found; 1 some TUs had errors or no training loop was found (the rest is still
/// written); 2 a usage error, no compilation database, nothing to parse, or a program, profile
/// or output the command cannot use.
int runIndexCommand(int argc, const char **argv);

/// The command's usage line, for usage errors and the CLI's command table.
inline constexpr const char *kIndexSynopsis =
    "tourguide index -p BUILD_DIR [options] [SOURCES...] [-- PROGRAM ARGS...]\n"
    "       tourguide index -p BUILD_DIR --tu FILE -o FACTS\n"
    "       tourguide index --merge [options] FACTS... [-- PROGRAM ARGS...]";

} // namespace tourguide::indexer
