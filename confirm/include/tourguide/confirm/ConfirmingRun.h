// Confirm a drafted tour by running the program: static analysis proposes stops, a run shows
// which ones this command line really reaches, and in what order. The program runs under an
// in-process LLDB with one breakpoint per candidate stop, disabled at its first hit, so each
// costs one trap.
#pragma once

#include "tourguide/confirm/RunResult.h"
#include "tourguide/indexer/Finding.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tourguide::confirm {

struct RunRequest {
  std::string executable;         ///< The program to run (absolute, or relative to cwd).
  std::vector<std::string> args;  ///< Its arguments, as the user gave them.
  std::string cwd;                ///< Working directory (default: the current one).
  double timeoutSeconds = 120;    ///< The program is killed after this long.
  /// The repository: the program's own shared libraries are looked for there and in its build
  /// tree (RepoLibraries.h) when the loader would not find them.
  std::string repoRoot;
};

/// Runs `request` with a breakpoint on each of `findings` (anchor line, or the function's
/// entry) and records which were reached. Errors: the executable does not exist or cannot be
/// launched. A program that crashes or runs too long still gives what it reached.
llvm::Expected<RunResult> confirmByRunning(const std::vector<indexer::Finding> &findings,
                                           const RunRequest &request);

/// confirmByRunning in a child process: LLDB crashes on some programs' debug information
/// (seen on sentencepiece's protobuf types in lldb-14), and a crash there must end the run,
/// not the tool. Its error then says so, and the caller writes the draft unconfirmed.
llvm::Expected<RunResult> confirmByRunningIsolated(const std::vector<indexer::Finding> &findings,
                                                   const RunRequest &request);

} // namespace tourguide::confirm
