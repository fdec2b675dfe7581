// A real LLDB debugger, in this process, with the tourguide plugin loaded: the tests type
// commands into it exactly as a user would and read back what LLDB prints.
#pragma once

#include <lldb/API/LLDB.h>

#include <string>

namespace tourguide::testing {

struct Reply {
  bool ok = false;
  std::string out; ///< What the command printed.
  std::string err; ///< The error message ("error: " prefix stripped), if any.
  std::string all() const { return out + err; }
};

class LldbSession {
public:
  /// Creates a debugger (asynchronous, like an interactive lldb) and loads the plugin.
  LldbSession();
  ~LldbSession();
  LldbSession(const LldbSession &) = delete;
  LldbSession &operator=(const LldbSession &) = delete;

  /// Runs one command line through LLDB's command interpreter.
  Reply run(const std::string &command);
  /// Runs a command synchronously (the user's own `run`, `continue`: waits for the stop).
  Reply runAndWait(const std::string &command);

  /// Takes pending events off the debugger's listener, as lldb's driver does.
  void drainEvents();

  lldb::SBDebugger &debugger() { return debugger_; }
  bool pluginLoaded() const { return loaded_; }
  std::string loadError() const { return loadError_; }

private:
  lldb::SBDebugger debugger_;
  bool loaded_ = false;
  std::string loadError_;
};

/// The line of `text` that contains `needle` ("" when none).
std::string lineWith(const std::string &text, const std::string &needle);

/// Number of times `needle` occurs in `text`.
size_t countOf(const std::string &text, const std::string &needle);

} // namespace tourguide::testing
