// Confirm a drafted tour by running the program: static analysis proposes stops, a run shows
// which ones this command line really reaches, and in what order. The program runs under an
// in-process LLDB with one breakpoint per candidate stop, disabled at its first hit, so each
// costs one trap.
#pragma once

#include "tourguide/indexer/Findings.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tourguide::confirm {

struct RunRequest {
  std::string executable;         ///< The program to run (absolute, or relative to cwd).
  std::vector<std::string> args;  ///< Its arguments, as the user gave them.
  std::string cwd;                ///< Working directory (default: the current one).
  double timeoutSeconds = 120;    ///< The program is killed after this long.
};

/// One candidate stop the run reached.
struct Reached {
  size_t finding = 0;     ///< Index into the findings given to confirmByRunning.
  unsigned order = 0;     ///< 1 for the first candidate reached, 2 for the next, ...
  double seconds = 0;     ///< Since launch.
  std::string counter;    ///< For loops: "epoch = 1" read at the stop, when the loop has a counter.
  std::vector<std::string> unreadable; ///< The finding's watches that could not be read there.
  /// The run entered the finding's function but never reached its anchor line (the line is on
  /// a branch this run did not take): the stop belongs at the function's entry.
  bool atEntry = false;
};

struct RunResult {
  std::vector<Reached> reached; ///< In the order the program reached them.
  std::vector<size_t> placed;   ///< Findings that got a breakpoint (the others did not resolve).
  std::vector<std::pair<size_t, std::string>> notPlaced; ///< Finding index and why.
  int exitStatus = -1;          ///< The program's exit status, -1 when it did not exit by itself.
  bool timedOut = false;
  bool interrupted = false;     ///< Ctrl-C: the run was stopped, what it reached is kept.
  double seconds = 0;           ///< Wall time from launch to the end.
  std::string output;           ///< What the program printed (stdout and stderr), at most 64 KiB.
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
