// How a `tour` command that moves the program (start, next, goto) waits for it: in lldb's own
// driver (a terminal, `lldb --batch`) it waits and prints the stop as its result; in a debug
// adapter (an editor through DAP: lldb-vscode, lldb-dap) it resumes asynchronously and returns,
// as LLDB's `continue` does there, so that the adapter sees the stop and answers `pause`
// (docs/editors.md). The rule is here, apart from the SB calls that feed it.
#pragma once

#include <string>
#include <string_view>

namespace tourguide::plugin {

enum class ResumeMode {
  /// Resume and wait in the command until the program stops, then report the stop. Ctrl-C
  /// interrupts the wait.
  WaitForStop,
  /// Resume asynchronously and return while the program runs: the debug adapter's event
  /// thread sees the stop (the editor's `stopped` event), and `tour sync` reports it.
  ReturnWhileRunning,
};

/// What feeds the choice, read from the running LLDB and the program hosting it.
struct ResumeContext {
  bool asynchronous = false;  ///< SBDebugger::GetAsync()
  bool lldbDriver = false;    ///< The host program is lldb's own driver (isLldbDriverName).
  bool eventsTaken = false;   ///< Another thread takes the debugger's events off its listener.
};

/// ReturnWhileRunning only in an asynchronous debugger whose events another thread handles,
/// hosted by a program other than lldb's driver: a synchronous debugger expects each command
/// to finish its work; the driver prints the command's result (its own event thread would
/// only print a raw stop report); a program that handles no events would never see the stop.
ResumeMode chooseResumeMode(const ResumeContext &context);

/// True for the file name of lldb's command-line driver: "lldb", "lldb-14", "lldb-16.0"
/// (not "lldb-vscode", "lldb-dap", "lldb-server", "codelldb").
bool isLldbDriverName(std::string_view executableName);

/// The file name of the running program (from /proc/self/exe), "" when unknown.
std::string hostProgramName();

} // namespace tourguide::plugin
