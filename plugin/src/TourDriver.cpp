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

namespace {

/// What a command says when it returns while the program runs to the awaited stop.
std::string runningNote(TourSession &s) {
  std::string out = s.awaited >= 0 ? "The program runs to stop " + position(s, s.awaited) + " (" +
                                         s.stop(s.awaited).title + "): the editor shows it when the program gets there"
                                   : "The program runs to its end";
  out += "; pause interrupts it.\n";
  if (!s.syncSeen && !s.syncHintShown) {
    out += "Each stop's text appears here when 'tour sync' is among the launch configuration's "
           "\"stopCommands\" and \"exitCommands\" (docs/editors.md); 'tour show' shows it too.\n";
    s.syncHintShown = true;
  }
  return out;
}

} // namespace

/// Arms the awaited stop and the later ones (none: the program runs to its end) and runs to
/// whichever comes first, in the tour's order (guardOrder).
bool runToAwaited(lldb::SBDebugger debugger, TourSession &s, std::string &out, std::string &error) {
  armFrom(s, s.awaited);
  guardOrder(s, hitCountOf(s, s.awaited));
  if (resumeModeFor(debugger, s) == ResumeMode::ReturnWhileRunning) {
    s.pending = TourSession::PendingRun{};
    if (!resumeProgram(debugger, s, error)) {
      s.pending.reset();
      releaseOrder(s);
      disarmAll(s);
      return false;
    }
    out += runningNote(s);
    return true;
  }
  RunOutcome outcome;
  bool ran = runProgram(debugger, s, outcome, error);
  releaseOrder(s);
  if (!ran) {
    disarmAll(s);
    return false;
  }
  out += reportOutcome(debugger, s, outcome);
  return true;
}

std::string finishRun(lldb::SBDebugger debugger, TourSession &s) {
  if (!s.pending)
    return {};
  lldb::SBTarget target = s.target;
  if (target.IsValid() && isRunning(target.GetProcess()))
    return {};
  releaseOrder(s);
  RunOutcome outcome = describeProcess(s);
  s.pending.reset();
  return reportOutcome(debugger, s, outcome);
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
    error = s.pending && s.awaited >= 0
                ? "the program is running to stop " + position(s, s.awaited) + " '" + s.stop(s.awaited).id +
                      "': wait for it to stop there, or pause it first"
                : "the program is running: interrupt it first (Ctrl-C, 'process interrupt' or the editor's pause)";
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
