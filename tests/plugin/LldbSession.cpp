#include "LldbSession.h"

#include <mutex>

namespace tourguide::testing {

namespace {
void initializeOnce() {
  static std::once_flag once;
  std::call_once(once, [] { lldb::SBDebugger::Initialize(); });
}
} // namespace

LldbSession::LldbSession() {
  initializeOnce();
  debugger_ = lldb::SBDebugger::Create(/*source_init_files=*/false);
  debugger_.SetAsync(true);
  Reply r = run(std::string("plugin load ") + TG_PLUGIN);
  loaded_ = r.ok;
  loadError_ = r.err;
}

LldbSession::~LldbSession() {
  for (uint32_t i = 0; i < debugger_.GetNumTargets(); ++i) {
    lldb::SBProcess p = debugger_.GetTargetAtIndex(i).GetProcess();
    if (p.IsValid())
      p.Kill();
  }
  lldb::SBDebugger::Destroy(debugger_);
}

Reply LldbSession::run(const std::string &command) {
  lldb::SBCommandReturnObject result;
  debugger_.GetCommandInterpreter().HandleCommand(command.c_str(), result);
  Reply r;
  r.ok = result.Succeeded();
  r.out = result.GetOutput() ? result.GetOutput() : "";
  r.err = result.GetError() ? result.GetError() : "";
  if (r.err.compare(0, 7, "error: ") == 0)
    r.err.erase(0, 7);
  while (!r.err.empty() && r.err.back() == '\n')
    r.err.pop_back();
  return r;
}

Reply LldbSession::runAndWait(const std::string &command) {
  bool wasAsync = debugger_.GetAsync();
  debugger_.SetAsync(false);
  Reply r = run(command);
  debugger_.SetAsync(wasAsync);
  drainEvents();
  return r;
}

void LldbSession::drainEvents() {
  // lldb's driver has a thread that takes the process's events off the debugger's listener,
  // which is what makes a kill or detach visible in the process's public state. Do the same.
  lldb::SBListener listener = debugger_.GetListener();
  lldb::SBEvent event;
  while (listener.GetNextEvent(event)) {
  }
}

std::string lineWith(const std::string &text, const std::string &needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos)
    return {};
  size_t begin = text.rfind('\n', at);
  begin = begin == std::string::npos ? 0 : begin + 1;
  size_t end = text.find('\n', at);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

size_t countOf(const std::string &text, const std::string &needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

} // namespace tourguide::testing
