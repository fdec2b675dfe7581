#include "Subcommands.h"

#include "StopArming.h"
#include "TourDriver.h"

namespace tourguide::plugin {

namespace {

class NextCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour next"; }
  bool endsWithFinishedRun() const override { return true; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!noArguments(args, result) || !needTour(debugger, result))
      return false;
    TourSession &s = session();
    std::string out, error;
    if (!needStoppedProcess(s, out, error))
      return fail(result, error);
    // Already at the awaited stop (e.g. reached with the user's own `continue`)? Show it.
    RunOutcome here = describeProcess(s);
    if (here.end == RunEnd::AtStop && here.stopIndex != s.current)
      return succeed(result, out + reportOutcome(debugger, s, here));
    // The awaited stop is at this very address (the current stop is its function's entry)?
    if (s.current >= 0 && isDueAt(s, s.awaited, currentFrame(s))) {
      here.end = RunEnd::AtStop;
      here.stopIndex = s.awaited;
      return succeed(result, out + reportOutcome(debugger, s, here));
    }
    if (s.awaited < 0)
      out += "That was the last stop: the program runs to its end.\n";
    if (!runToAwaited(debugger, s, out, error)) {
      print(result, out);
      return fail(result, error);
    }
    return succeed(result, out);
  }
};

class GotoCommand : public TourCommand {
public:
  using TourCommand::TourCommand;
  static constexpr const char *kSyntax = kGotoSyntax;

protected:
  const char *name() const override { return "tour goto"; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!needTour(debugger, result))
      return false;
    TourSession &s = session();
    if (args.size() != 1)
      return fail(result, "'tour goto' needs one stop: an id or a number from 1 to " +
                              std::to_string(s.size()) + ". Syntax: " + kSyntax);
    int index = s.findStop(args[0]);
    if (index < 0)
      return fail(result, "no stop '" + args[0] + "' in this tour; its stops are: " + s.stopIds());
    if (!s.stops[static_cast<size_t>(index)].resolved)
      return fail(result, "stop '" + s.stop(index).id + "' did not resolve, so the program cannot run to it: " +
                              s.stops[static_cast<size_t>(index)].why);
    std::string out, error;
    if (!needStoppedProcess(s, out, error))
      return fail(result, error);
    if (s.current >= 0 && index <= s.current)
      return fail(result, "stop " + position(s, index) + " '" + s.stop(index).id +
                              "' is not ahead of the current stop " + position(s, s.current) +
                              ": a program cannot run backwards. Use 'tour start --from " +
                              s.stop(index).id + " FILE' to run the tour again from there");
    s.skipTo(index);
    s.awaited = index;
    if (!runToAwaited(debugger, s, out, error)) {
      print(result, out);
      return fail(result, error);
    }
    return succeed(result, out);
  }
};

/// In an editor, `tour next` returns while the program runs and the debug adapter sees it
/// stop; the launch configuration's stopCommands and exitCommands run `tour sync` there, and
/// it shows the stop reached (or how the program ended). Quiet when there is nothing new.
class SyncCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour sync"; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!noArguments(args, result))
      return false;
    TourSession &s = session();
    s.syncSeen = true;
    // No tour yet (stopCommands run from the first stop on), or its run still under way.
    if (!s.active() || s.pending || !s.target.IsValid() || debugger.GetIndexOfTarget(s.target) == UINT32_MAX)
      return succeed(result, "");
    // The program reached a tour stop by the user's own `continue`: show it, as `tour next` would.
    lldb::SBProcess p = liveProcess(s);
    if (isStopped(p) && p.GetUniqueID() == s.processUid) {
      RunOutcome here = describeProcess(s);
      if (here.end == RunEnd::AtStop && here.stopIndex != s.current)
        return succeed(result, reportOutcome(debugger, s, here));
    }
    return succeed(result, "");
  }
};

} // namespace

TourCommand *makeNextCommand(std::shared_ptr<TourSession> session) { return new NextCommand(std::move(session)); }
TourCommand *makeGotoCommand(std::shared_ptr<TourSession> session) { return new GotoCommand(std::move(session)); }
TourCommand *makeSyncCommand(std::shared_ptr<TourSession> session) { return new SyncCommand(std::move(session)); }

} // namespace tourguide::plugin
