#include "Subcommands.h"
#include "tourguide/render/TextLayout.h"

#include "StopArming.h"

namespace tourguide::plugin {

namespace {

class EndCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour end"; }
  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!noArguments(args, result))
      return false;
    TourSession &s = session();
    if (!s.active())
      return fail(result, kNoTourMessage);
    size_t count = 0;
    std::string title = render::sanitize(s.tour->title);
    if (s.target.IsValid() && debugger.GetIndexOfTarget(s.target) != UINT32_MAX)
      count = removeTourBreakpoints(s);
    s.reset();
    return succeed(result, "Tour '" + title + "' ended: removed its " + std::to_string(count) +
                               " breakpoints. Your own breakpoints and the process are left as they are.\n");
  }
};

} // namespace

TourCommand *makeEndCommand(std::shared_ptr<TourSession> session) { return new EndCommand(std::move(session)); }

} // namespace tourguide::plugin
