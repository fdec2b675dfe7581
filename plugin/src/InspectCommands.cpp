// `tour show`, `tour list` and `tour status`: the stop the program is at, every stop and where
// it resolved, and how far the tour has got. They read the session and never run the program.
#include "Subcommands.h"

#include "Annotate.h"
#include "ProcessControl.h"
#include "Summary.h"
#include "TourDriver.h"

namespace tourguide::plugin {

namespace {

class ShowCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour show"; }
  bool endsWithFinishedRun() const override { return true; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!noArguments(args, result) || !needTour(debugger, result))
      return false;
    TourSession &s = session();
    if (s.current < 0) {
      if (s.lastEnd == RunEnd::Exited || s.lastEnd == RunEnd::Crashed || s.lastEnd == RunEnd::Gone)
        return fail(result, "the program is not at a tour stop: it " + s.lastEndText +
                                ". Type 'tour status' for the tour's state");
      return fail(result, "no tour stop has been reached yet: type 'tour next' to run to the next one");
    }
    lldb::SBProcess p = liveProcess(s);
    if (!isStopped(p) || p.GetUniqueID() != s.processUid)
      return fail(result, "the program is no longer stopped at stop " + position(s, s.current) +
                              " (it ran on, exited or was restarted). Type 'tour status' for the tour's state");
    std::string note;
    lldb::SBFrame frame = currentFrame(s);
    if (frame.GetThread().GetThreadID() != s.currentThread || frame.GetPC() != s.currentPc)
      note = "(The program has moved on since this stop, e.g. by stepping: the values are read "
             "where it is now.)\n";
    return succeed(result, note + annotateStop(debugger, s, s.current, frame, false));
  }
};

class ListCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour list"; }
  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!noArguments(args, result) || !needTour(debugger, result))
      return false;
    return succeed(result, listText(session()));
  }
};

class StatusCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour status"; }
  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!noArguments(args, result) || !needTour(debugger, result))
      return false;
    return succeed(result, statusText(session()));
  }
};

} // namespace

TourCommand *makeShowCommand(std::shared_ptr<TourSession> session) { return new ShowCommand(std::move(session)); }
TourCommand *makeListCommand(std::shared_ptr<TourSession> session) { return new ListCommand(std::move(session)); }
TourCommand *makeStatusCommand(std::shared_ptr<TourSession> session) { return new StatusCommand(std::move(session)); }

} // namespace tourguide::plugin
