// Running the tour's program: launch with the tour's arguments, working directory and
// environment, or continue a live process, and wait for it to stop (synchronously, even in
// an interactive lldb whose debugger is asynchronous), then say how it stopped.
#pragma once

#include "TourSession.h"

#include <lldb/API/LLDB.h>

#include <string>

namespace tourguide::plugin {

struct RunOutcome {
  RunEnd end = RunEnd::NotRun;
  int stopIndex = -1;     ///< For AtStop: the tour stop reached.
  std::string text;       ///< "exited with status 0", "stopped at train.c:40 (breakpoint 3.1)".
};

/// The live process of the tour's target (stopped or running), or an invalid one.
lldb::SBProcess liveProcess(const TourSession &session);

/// True when the process can be continued (exists and is stopped or suspended).
bool isStopped(lldb::SBProcess process);

/// Launches the program (when no live process exists) or continues it, with the stop the
/// session armed, and waits until it stops or exits. On a launch failure returns false and
/// sets `error`.
bool runProgram(lldb::SBDebugger debugger, TourSession &session, RunOutcome &outcome,
                std::string &error);

/// How the process is now: at which tour stop, stopped elsewhere, exited, crashed.
RunOutcome describeProcess(TourSession &session);

/// "stopped", "running", "exited with status 0", "not launched": for `tour status`.
std::string processStateText(const TourSession &session);

} // namespace tourguide::plugin
