// A test program launched under an in-process SBDebugger and stopped in a function.
#pragma once

#include <lldb/API/LLDB.h>

#include <string>
#include <vector>

namespace tourguide::testing {

class StoppedProgram {
public:
  /// Launches `path` with `args` (in `cwd` when given) and runs it to the first call of
  /// `function`. On failure
  /// error() says why (a missing LLDB_DEBUGSERVER_PATH is the usual reason).
  StoppedProgram(const std::string &path, const char *function,
                 const std::vector<std::string> &args = {}, const std::string &cwd = "") {
    // Once per process is enough; Terminate waits for the end of the test program
    // (StoppedProgram.cpp): LLDB cannot launch again after Terminate + Initialize.
    lldb::SBDebugger::Initialize();
    debugger_ = lldb::SBDebugger::Create(false);
    debugger_.SetAsync(false);
    target_ = debugger_.CreateTarget(path.c_str());
    if (!target_.IsValid()) {
      error_ = "cannot load " + path;
      return;
    }
    lldb::SBBreakpoint breakpoint =
        target_.BreakpointCreateByName(function, target_.GetExecutable().GetFilename());
    if (breakpoint.GetNumLocations() == 0) {
      error_ = std::string("no function ") + function + " in " + path;
      return;
    }
    std::vector<const char *> argv;
    for (const std::string &arg : args)
      argv.push_back(arg.c_str());
    argv.push_back(nullptr);
    lldb::SBLaunchInfo info(argv.data());
    if (!cwd.empty())
      info.SetWorkingDirectory(cwd.c_str());
    lldb::SBError status;
    process_ = target_.Launch(info, status);
    if (status.Fail() || process_.GetState() != lldb::eStateStopped)
      error_ = std::string("launch failed: ") + (status.GetCString() ? status.GetCString() : "?") +
               " (LLDB_DEBUGSERVER_PATH must name lldb-server)";
  }

  ~StoppedProgram() {
    if (process_.IsValid())
      process_.Kill();
    lldb::SBDebugger::Destroy(debugger_);
  }

  StoppedProgram(const StoppedProgram &) = delete;
  StoppedProgram &operator=(const StoppedProgram &) = delete;

  const std::string &error() const { return error_; }
  lldb::SBProcess process() const { return process_; }
  /// Frame `index` of the stopped thread: 0 is `function`, 1 its caller.
  lldb::SBFrame frame(uint32_t index) const {
    return process_.GetSelectedThread().GetFrameAtIndex(index);
  }

private:
  lldb::SBDebugger debugger_;
  lldb::SBTarget target_;
  lldb::SBProcess process_;
  std::string error_;
};

} // namespace tourguide::testing
