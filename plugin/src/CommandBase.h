// The base of every `tour` subcommand: argument collection, one error funnel, and a guard
// that turns any exception into an LLDB error so nothing escapes into the user's debugger.
#pragma once

#include "TourSession.h"

#include <lldb/API/LLDB.h>

#include <memory>
#include <string>
#include <vector>

namespace tourguide::plugin {

using Args = std::vector<std::string>;

class TourCommand : public lldb::SBCommandPluginInterface {
public:
  explicit TourCommand(std::shared_ptr<TourSession> session) : session_(std::move(session)) {}

  bool DoExecute(lldb::SBDebugger debugger, char **command,
                 lldb::SBCommandReturnObject &result) final;

protected:
  /// The subcommand itself. Arguments arrive split as LLDB splits them (quotes honoured).
  virtual bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) = 0;
  /// The subcommand's name, for messages ("tour next").
  virtual const char *name() const = 0;
  /// When a run that returned while the program ran (in an editor) has ended since the last
  /// command, its report is printed before anything else. Subcommands that would show that
  /// stop themselves (next, show, sync) print only the report and do nothing more.
  virtual bool endsWithFinishedRun() const { return false; }

  static bool fail(lldb::SBCommandReturnObject &result, const std::string &message);
  static bool succeed(lldb::SBCommandReturnObject &result, const std::string &text);
  /// Prints `text` without ending the command. fail, succeed and print are the only ways a
  /// subcommand's text reaches the terminal: all three pass it through tours::sanitizeOutput
  /// (docs/security.md), whatever part of it came from the tour or the repo's sources.
  static void print(lldb::SBCommandReturnObject &result, const std::string &text);
  /// Fails with "'tour X' takes no arguments" when args is not empty.
  bool noArguments(const Args &args, lldb::SBCommandReturnObject &result) const;
  /// Fails with the "no tour is active" message when no tour is loaded.
  bool needTour(lldb::SBDebugger debugger, lldb::SBCommandReturnObject &result) const;

  TourSession &session() { return *session_; }

private:
  std::shared_ptr<TourSession> session_;
};

inline constexpr const char *kNoTourMessage = "no tour is active: start one with 'tour start FILE'";

} // namespace tourguide::plugin
