#include "TourDriver.h"

#include "Annotate.h"
#include "StopArming.h"
#include "Summary.h"

namespace tourguide::plugin {

std::string position(const TourSession &s, int i) {
  return std::to_string(i + 1) + "/" + std::to_string(s.size());
}

lldb::SBFrame currentFrame(const TourSession &s) {
  lldb::SBProcess p = liveProcess(s);
  if (!isStopped(p))
    return {};
  return p.GetSelectedThread().GetFrameAtIndex(0);
}

/// Turns how the program stopped into the session's new state and the text to print.
std::string reportOutcome(lldb::SBDebugger debugger, TourSession &s, const RunOutcome &o) {
  s.lastEnd = o.end;
  s.lastEndText = o.text;
  switch (o.end) {
  case RunEnd::AtStop: {
    int i = o.stopIndex;
    std::string outOfOrder;
    if (s.awaited >= 0 && i > s.awaited) {
      // A later stop came first; the earlier ones stay armed and are shown when reached.
      int earlier = 0;
      for (int k = s.awaited; k < i; ++k)
        earlier += s.stops[static_cast<size_t>(k)].resolved && !s.stops[static_cast<size_t>(k)].reached &&
                   !s.stops[static_cast<size_t>(k)].skipped;
      outOfOrder = "The program reached stop " + position(s, i) + " before stop " +
                   position(s, s.awaited) + " '" + s.stop(s.awaited).id + "'" +
                   (earlier > 1 ? " and " + std::to_string(earlier - 1) + " other earlier stop(s)" : "") +
                   ": they stay armed, and 'tour next' shows them when the program gets there.\n";
    }
    s.stops[static_cast<size_t>(i)].reached = true;
    s.current = i;
    s.awaited = s.firstPending();
    disarmAll(s); // this stop fires once; the next is armed when `tour next` runs to it
    lldb::SBFrame frame = currentFrame(s);
    s.currentThread = frame.GetThread().GetThreadID();
    s.currentPc = frame.GetPC();
    return outOfOrder + annotateStop(debugger, s, i, frame, true);
  }
  case RunEnd::Elsewhere: {
    s.current = -1;
    std::string out = "The program " + o.text;
    if (s.awaited >= 0)
      out += " before reaching stop " + position(s, s.awaited) + " '" + s.stop(s.awaited).id +
             "'. This is not a tour stop: type 'tour next' to continue to it.\n";
    else
      out += ". Type 'tour next' to let it finish.\n";
    return out;
  }
  case RunEnd::Exited:
  case RunEnd::Crashed:
  case RunEnd::Gone:
  case RunEnd::NotRun:
    s.current = -1;
    disarmAll(s);
    return endSummary(s, o);
  }
  return {};
}

/// Arms the awaited stop and the later ones (none: the program runs to its end) and runs to
/// whichever comes first.
bool runToAwaited(lldb::SBDebugger debugger, TourSession &s, std::string &out, std::string &error) {
  armFrom(s, s.awaited);
  uint32_t awaitedHits = hitCountOf(s, s.awaited);
  RunOutcome outcome;
  if (!runProgram(debugger, s, outcome, error)) {
    disarmAll(s);
    return false;
  }
  if (outcome.end == RunEnd::AtStop && outcome.stopIndex > s.awaited &&
      hitCountOf(s, s.awaited) > awaitedHits) {
    // The awaited stop's line is running, only its hit has not come yet: the later stop must
    // not overtake it. Keep the tour's order for this leg (the awaited stop keeps its count).
    keepOnly(s, s.awaited);
    if (!runProgram(debugger, s, outcome, error)) {
      disarmAll(s);
      return false;
    }
  }
  out += reportOutcome(debugger, s, outcome);
  return true;
}

/// The shared checks of `tour next` and `tour goto`: a live, stopped process of this tour.
/// A process started by the user's own `run` restarts the tour's progress.
bool needStoppedProcess(TourSession &s, std::string &note, std::string &error) {
  lldb::SBProcess p = liveProcess(s);
  if (!p.IsValid()) {
    lldb::SBProcess any = s.target.GetProcess();
    if (any.IsValid() && any.GetState() == lldb::eStateExited)
      error = "the program has exited (status " + std::to_string(any.GetExitStatus()) +
              "): type 'tour start " + s.tour->sourcePath + "' to take the tour again";
    else
      error = "the program is not running (it was killed or detached, or never launched): type "
              "'tour start " + s.tour->sourcePath + "' to take the tour again";
    return false;
  }
  if (!isStopped(p)) {
    error = "the program is running: interrupt it first (Ctrl-C or 'process interrupt')";
    return false;
  }
  if (p.GetUniqueID() != s.processUid) {
    // The user re-ran the program: the stops it reached belong to the old run.
    for (auto &stop : s.stops)
      stop.reached = stop.skipped = false;
    s.current = -1;
    s.awaited = s.nextResolved(0);
    s.processUid = p.GetUniqueID();
    note = "The program was restarted outside the tour: the tour starts again from its first stop.\n";
  }
  return true;
}

} // namespace tourguide::plugin
