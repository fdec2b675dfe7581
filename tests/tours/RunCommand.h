// Runs a program the way a user would and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace tourguide::tours::test {

struct CommandResult {
  int exitCode = -1;
  std::string out; ///< stdout
  std::string err; ///< stderr
};

/// Runs `argv` (no shell) in `workingDir` (empty: the current one).
CommandResult runCommand(const std::vector<std::string> &argv, const std::string &workingDir = "");

} // namespace tourguide::tours::test
