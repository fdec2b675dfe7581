// The breakpoints of a confirming run, on any LLDB target: one per distinct candidate place,
// each disabled at its first hit (one trap, however hot its loop), plus one at the function's
// entry of each line-anchored candidate so that a line on a branch the run did not take still
// tells whether the function ran. Uses only the SB API and links no liblldb: the CLI's in-process
// LLDB (ConfirmingRun) and the plugin's `tour draft` (in the user's lldb) drive it the same way.
#pragma once

#include "tourguide/confirm/RunResult.h"

#include <lldb/API/LLDB.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::confirm {

/// What a `for` loop's header says about its passes: `for (int e = 0; e < epochs; ++e)` gives
/// counter "e", bound "epochs", step 1. Only a counter compared with a variable path or a number
/// and moved by a constant step; anything else (a call in the bound, a while loop) is nullopt,
/// since reading it would mean running the program's code.
struct LoopHeader {
  std::string counter;
  std::string bound;      ///< A variable path ("cfg.epochs", "net->n") or an integer literal.
  bool inclusive = false; ///< <= or >=.
  long long step = 1;     ///< Negative for a loop that counts down.
};
std::optional<LoopHeader> parseLoopHeader(const std::string &text);

class CandidateBreakpoints {
public:
  /// Places the breakpoints in `target`. With `modules` not empty, only in those modules (the
  /// program's own: a candidate `step` never lands in libc's). `name` labels each breakpoint so
  /// that the user's own are never touched.
  CandidateBreakpoints(lldb::SBTarget target, const std::vector<indexer::Finding> &findings,
                       const lldb::SBFileSpecList &modules = {}, const char *name = nullptr);

  /// The process is stopped: records the candidates its threads stopped at (reading their
  /// watches, and for loops the counter and bound, without running the program's code) and
  /// disables their breakpoints. Returns true when a thread stopped at one of these.
  bool recordStop(lldb::SBProcess process, double secondsSinceLaunch);

  /// How many candidates have a breakpoint still waiting to be hit.
  size_t waiting() const { return byBreakpoint_.size(); }

  /// The run is over: the reached candidates in order (a function entered but whose line was
  /// not reached counts at its entry), what was placed, and what found no code and why.
  void finish(RunResult &result);

  /// Deletes every breakpoint this placed.
  void remove();

private:
  bool place(const std::string &where, unsigned line, size_t finding,
             std::map<lldb::break_id_t, std::vector<size_t>> &into);
  bool recordBreakpoint(lldb::break_id_t id, lldb::SBThread thread, double seconds);
  void readLoop(size_t finding, lldb::SBFrame frame, Reached &r);
  const std::vector<std::string> &sourceOf(const std::string &file);
  bool leftOut(const indexer::Finding &f, lldb::SBFrame frame);
  void seeLoops(lldb::SBThread thread);

  lldb::SBTarget target_;
  const std::vector<indexer::Finding> &findings_;
  lldb::SBFileSpecList modules_;
  const char *name_;
  std::map<lldb::break_id_t, std::vector<size_t>> byBreakpoint_, byEntry_;
  std::map<std::pair<std::string, unsigned>, lldb::break_id_t> byPlace_;
  std::vector<lldb::break_id_t> all_;
  std::map<size_t, Reached> entered_;
  std::map<std::string, std::vector<std::string>> sources_; ///< Loop headers and anchor lines.
  std::vector<Reached> reached_;
  std::vector<size_t> placed_;
  std::vector<std::pair<size_t, std::string>> notPlaced_;
  unsigned order_ = 0;
};

} // namespace tourguide::confirm
