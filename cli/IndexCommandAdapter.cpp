// `tourguide index`: forwards to the indexer's command (indexer/tool/IndexCommand.h).
// Compiled into `tourguide` only when the indexer component is part of the build.
#include "IndexCommand.h"
#include "tourguide/cli/Command.h"

namespace tourguide::cli {

namespace {

int runIndex(const std::vector<std::string> &args) {
  std::vector<const char *> argv = {"index"}; // runIndexCommand takes argc/argv, as a main does
  for (const std::string &arg : args)
    argv.push_back(arg.c_str());
  return indexer::runIndexCommand(static_cast<int>(argv.size()), argv.data());
}

const CommandRegistration registration(
    {"index", "draft tours from a repository's compile_commands.json", indexer::kIndexSynopsis, &runIndex});

} // namespace

} // namespace tourguide::cli
