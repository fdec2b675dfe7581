// `tourguide index`: the command-line front of the indexer. The tourguide CLI forwards
// `tourguide index ARGS...` here (argv[0] is the command's name; it is not read).
#pragma once

namespace tourguide::indexer {

/// Exit codes: 0 everything parsed and a training loop found; 1 bad usage or no database;
/// 2 some TUs had errors (the rest is still reported); 3 all parsed but no training loop found.
int runIndexCommand(int argc, const char **argv);

/// The command's usage line, for usage errors and the CLI's command table.
inline constexpr const char *kIndexSynopsis =
    "tourguide index -p BUILD_DIR [options] [SOURCES...] [-- PROGRAM ARGS...]";

} // namespace tourguide::indexer
