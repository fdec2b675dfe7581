// What a confirming run recorded, and what it means for the draft: the candidates reached, in
// the order reached, become the tour's stops; the others are listed with why they may not have
// run. Shared by `tourguide index -- PROGRAM ARGS` (confirm/ConfirmingRun.h, an in-process LLDB)
// and `tour draft` in the user's LLDB (the plugin). Plain C++: the plugin links it.
#pragma once

#include "tourguide/indexer/Finding.h"

#include <string>
#include <utility>
#include <vector>

namespace tourguide::confirm {

/// How many passes a loop stop's loop makes, read cheaply: its bound at the stop (the loop's
/// breakpoint still traps once) and its counter where later stops see the loop's frame.
struct LoopPasses {
  std::string counter; ///< The loop variable ("epoch"), "" when the loop has no obvious one.
  long long first = 0; ///< Its value at the stop.
  /// Passes the loop makes from the stop on: (bound - first) / step, read at the stop from
  /// the loop's condition ("epoch < epochs"); -1 when the bound could not be read.
  long long planned = -1;
  std::string bound;   ///< The bound as read: "epochs = 5".
  /// Passes seen: 1 + the largest counter value any later stop saw in the loop's frame, minus
  /// `first`; 1 when no later stop was inside the loop.
  long long seen = 1;
};

/// One candidate stop the run reached.
struct Reached {
  size_t finding = 0;     ///< Index into the findings the run was given.
  unsigned order = 0;     ///< 1 for the first candidate reached, 2 for the next, ...
  double seconds = 0;     ///< Since launch.
  std::string counter;    ///< For loops: "epoch = 1" read at the stop, when the loop has a counter.
  LoopPasses passes;      ///< For loops.
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

/// What the draft is written from after a run.
struct ConfirmedFindings {
  /// The reached candidates in the run's order, one per function, stage and role; watches that
  /// could not be read dropped; the run's evidence (when, loop passes) added.
  std::vector<indexer::Finding> findings;
  /// The paragraph for the tour's description: the command line, how the run ended, how many
  /// candidates were reached, and each one that was not with why (DraftOptions::confirmation).
  std::string confirmation;
  /// One line for the terminal: "run: 5 of 9 candidate stops reached in 1.2 s (exit status 0)".
  std::string summary;
};

/// A command line as the description shows it: the words joined by spaces.
std::string commandText(const std::vector<std::string> &command);

/// Turns a run over `candidates` into the findings to draft from. `commandLine` is the run's
/// command as the description shows it ("./train data/").
ConfirmedFindings confirmFindings(const std::vector<indexer::Finding> &candidates, const RunResult &run,
                                  const std::string &commandLine);

/// "5 passes planned (epochs = 5), 2 seen by later stops": a loop stop's passes in words, "" when
/// nothing is known.
std::string describePasses(const LoopPasses &passes);

} // namespace tourguide::confirm
