// What `tour start`, `tour next` and `tour goto` share: run the program to the stop the
// session awaits, and turn how it stopped into the session's new state and the text to print.
// In an editor the run returns while the program runs (ResumeMode::ReturnWhileRunning), and
// finishRun reports it once the adapter has seen the program stop.
#pragma once

#include "ProcessControl.h"
#include "TourSession.h"

#include <lldb/API/LLDB.h>

#include <string>

namespace tourguide::plugin {

/// "3/7": the 1-based position of stop `index` in the tour.
std::string position(const TourSession &s, int index);

/// Frame 0 of the selected thread of the tour's stopped process (invalid when not stopped).
lldb::SBFrame currentFrame(const TourSession &s);

/// Updates the session from how the program stopped and returns what to print: the
/// annotation at a tour stop, a note when it stopped elsewhere, the summary when it ended.
std::string reportOutcome(lldb::SBDebugger debugger, TourSession &s, const RunOutcome &o);

/// Arms the awaited stop (none: the program runs to its end), runs to it and appends the
/// report to `out`; in an editor, appends what the program runs to and returns while it runs
/// (the session's `pending` run). False with `error` set when the program could not be
/// launched or resumed.
bool runToAwaited(lldb::SBDebugger debugger, TourSession &s, std::string &out, std::string &error);

/// For the session's pending run: once the program no longer runs, updates the session and
/// returns the report (the stop's annotation, where else it stopped, or how it ended); ""
/// while it runs or when no run is pending.
std::string finishRun(lldb::SBDebugger debugger, TourSession &s);

/// The checks `tour next` and `tour goto` share: a live, stopped process of this tour.
/// A process the user restarted resets the tour's progress (and says so in `note`).
bool needStoppedProcess(TourSession &s, std::string &note, std::string &error);

} // namespace tourguide::plugin
