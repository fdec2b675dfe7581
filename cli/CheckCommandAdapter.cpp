// `tourguide check`: forwards to the checker's command (checker/tool/CheckCommandLine.h).
// Compiled into `tourguide` only when the checker component is part of the build.
#include "CheckCommandLine.h"
#include "tourguide/cli/Command.h"

namespace tourguide::cli {

namespace {

int runCheck(const std::vector<std::string> &args) {
  std::vector<const char *> argv = {"check"}; // runCheckCommand takes argc/argv, as a main does
  for (const std::string &arg : args)
    argv.push_back(arg.c_str());
  return checker::runCheckCommand(static_cast<int>(argv.size()), argv.data());
}

const CommandRegistration registration(
    {"check", "resolve each tour's anchors against the sources; --fix repairs them", checker::kCheckSynopsis,
     &runCheck});

} // namespace

} // namespace tourguide::cli
