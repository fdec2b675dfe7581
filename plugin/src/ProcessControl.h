// Running the tour's program: launch with the tour's arguments, working directory and
// environment, or continue a live process, then say how it stopped. Where the command waits
// for the stop (a terminal, `lldb --batch`), it resumes synchronously, even in an interactive
// lldb whose debugger is asynchronous; in an editor's debug adapter it resumes asynchronously
// and returns, as LLDB's own `continue` does there (ResumeMode, docs/editors.md).
#pragma once

#include "ResumeMode.h"
#include "TourSession.h"

#include <lldb/API/LLDB.h>

#include <string>

namespace tourguide::plugin {

struct RunOutcome {
  RunEnd end = RunEnd::NotRun;
  int stopIndex = -1;     ///< For AtStop: the tour stop reached.
  std::string text;       ///< "exited with status 0", "stopped at train.c:40 (breakpoint 3.1)".
};

/// Makes Launch/Continue wait for the next stop, whatever mode the debugger is in; restores
/// the user's mode afterwards so their own `run`/`continue` behave as before.
class SynchronousScope {
public:
  explicit SynchronousScope(lldb::SBDebugger debugger) : debugger_(debugger), wasAsync_(debugger.GetAsync()) {
    debugger_.SetAsync(false);
  }
  ~SynchronousScope() { debugger_.SetAsync(wasAsync_); }
  SynchronousScope(const SynchronousScope &) = delete;
  SynchronousScope &operator=(const SynchronousScope &) = delete;

private:
  lldb::SBDebugger debugger_;
  bool wasAsync_;
};

/// The live process of the tour's target (stopped or running), or an invalid one.
lldb::SBProcess liveProcess(const TourSession &session);

/// True when the process can be continued (exists and is stopped or suspended).
bool isStopped(lldb::SBProcess process);

/// True while the process is running (or launching, stepping): a run has not ended yet.
bool isRunning(lldb::SBProcess process);

/// chooseResumeMode for this debugger and the program hosting it. Whether another thread takes
/// the debugger's events is asked once and kept in the session.
ResumeMode resumeModeFor(lldb::SBDebugger debugger, TourSession &session);

/// True when another thread takes the debugger's events off its listener within `waitMs`:
/// a probe event is broadcast to it and watched (and removed when nobody took it).
bool debuggerEventsAreTaken(lldb::SBDebugger debugger, int waitMs = 250);

/// Launches the program (when no live process exists) or continues it, with the stop the
/// session armed, and returns at once (ResumeMode::ReturnWhileRunning). On failure returns
/// false and sets `error`.
bool resumeProgram(lldb::SBDebugger debugger, TourSession &session, std::string &error);

/// Launches the program (when no live process exists) or continues it, with the stop the
/// session armed, and waits until it stops or exits (ResumeMode::WaitForStop). On a launch failure returns false and
/// sets `error`.
bool runProgram(lldb::SBDebugger debugger, TourSession &session, RunOutcome &outcome,
                std::string &error);

/// How the process is now: at which tour stop, stopped elsewhere, exited, crashed.
RunOutcome describeProcess(TourSession &session);

/// "stopped", "running", "exited with status 0", "not launched": for `tour status`.
std::string processStateText(const TourSession &session);

} // namespace tourguide::plugin
