// `tourguide index`: the command-line front of the indexer. The tourguide CLI forwards
// `tourguide index ARGS...` here (argv[0] is used as the program name in messages).
#pragma once

namespace tourguide::indexer {

/// Exit codes: 0 everything parsed and a training loop found; 1 bad usage or no database;
/// 2 some TUs had errors (the rest is still reported); 3 all parsed but no training loop found.
int runIndexCommand(int argc, const char **argv);

} // namespace tourguide::indexer
