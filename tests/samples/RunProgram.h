// Runs a program to completion and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace tourguide::testing {

struct ProgramRun {
  int exitCode = -1;  ///< -1 when it could not be started or did not exit normally
  std::string output; ///< stdout and stderr, interleaved
};

/// Runs `program` with `args` in working directory `cwd`. No shell is involved.
ProgramRun runProgram(const std::string &program, const std::vector<std::string> &args,
                      const std::string &cwd);

/// A fresh empty directory under the system temp dir, removed by the caller when done.
std::string makeTempDir(const std::string &prefix);

} // namespace tourguide::testing
