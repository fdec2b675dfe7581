#include "CommandBase.h"

#include "TourDriver.h"
#include "tourguide/tours/TerminalText.h"

#include <exception>
#include <mutex>

namespace tourguide::plugin {

namespace {

/// One `tour` command at a time: an editor's debug adapter runs its stopCommands (`tour sync`)
/// on its event thread while the console's commands run on its main thread. Recursive, in
/// case a command ever runs another.
std::recursive_mutex &commandMutex() {
  static std::recursive_mutex mutex;
  return mutex;
}

} // namespace

bool TourCommand::DoExecute(lldb::SBDebugger debugger, char **command,
                            lldb::SBCommandReturnObject &result) {
  std::lock_guard<std::recursive_mutex> lock(commandMutex());
  try {
    Args args;
    for (char **arg = command; arg && *arg; ++arg)
      args.emplace_back(*arg);
    if (std::string finished = finishRun(debugger, *session_); !finished.empty()) {
      if (endsWithFinishedRun())
        return succeed(result, finished);
      print(result, finished);
    }
    return run(debugger, args, result);
  } catch (const std::exception &e) {
    return fail(result, std::string(name()) + ": internal error: " + e.what() +
                            " (the debugging session is unaffected)");
  } catch (...) {
    return fail(result, std::string(name()) + ": internal error (the debugging session is unaffected)");
  }
}

bool TourCommand::fail(lldb::SBCommandReturnObject &result, const std::string &message) {
  result.SetError(tours::sanitizeOutput(message).c_str());
  result.SetStatus(lldb::eReturnStatusFailed);
  return false;
}

bool TourCommand::succeed(lldb::SBCommandReturnObject &result, const std::string &text) {
  print(result, text);
  result.SetStatus(lldb::eReturnStatusSuccessFinishResult);
  return true;
}

void TourCommand::print(lldb::SBCommandReturnObject &result, const std::string &text) {
  if (!text.empty())
    result.Printf("%s", tours::sanitizeOutput(text).c_str());
}

bool TourCommand::noArguments(const Args &args, lldb::SBCommandReturnObject &result) const {
  if (args.empty())
    return true;
  return fail(result, "'" + std::string(name()) + "' takes no arguments");
}

bool TourCommand::needTour(lldb::SBDebugger debugger, lldb::SBCommandReturnObject &result) const {
  if (!session_->active())
    return fail(result, kNoTourMessage);
  // `target delete` removes the tour's target from under it: the tour cannot go on.
  if (!session_->target.IsValid() || debugger.GetIndexOfTarget(session_->target) == UINT32_MAX) {
    session_->reset();
    return fail(result, "the tour's target was deleted, so the tour was ended: start again with "
                        "'tour start FILE'");
  }
  return true;
}

} // namespace tourguide::plugin
