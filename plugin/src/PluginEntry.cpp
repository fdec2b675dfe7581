// `plugin load libtourguide-lldb.so` calls lldb::PluginInitialize once per debugger.
// The plugin links no liblldb: every SB call below is resolved from the lldb that loaded it.
#include "LldbVersion.h"
#include "TourCommands.h"

#include <lldb/API/LLDB.h>

#include <cstdio>

namespace lldb {
__attribute__((visibility("default"))) bool PluginInitialize(lldb::SBDebugger debugger);
}

bool lldb::PluginInitialize(lldb::SBDebugger debugger) {
  try {
    // First, and with SB calls every LLDB has: is this an LLDB the plugin runs in? An older
    // one may lack API the commands use, and calling it would end the user's debugger.
    if (auto refusal = tourguide::plugin::unsupportedLldb(lldb::SBDebugger::GetVersionString())) {
      FILE *err = debugger.GetErrorFileHandle();
      std::fprintf(err ? err : stderr, "%s\n", refusal->c_str());
      std::fflush(err ? err : stderr);
      return false;
    }
    return tourguide::plugin::registerTourCommands(debugger);
  } catch (...) {
    return false; // Never let an exception unwind into lldb's plugin loader.
  }
}
