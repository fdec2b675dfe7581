// `plugin load libtourguide-lldb.so` calls lldb::PluginInitialize once per debugger.
#include "TourCommands.h"

#include <lldb/API/LLDB.h>

namespace lldb {
__attribute__((visibility("default"))) bool PluginInitialize(lldb::SBDebugger debugger);
}

bool lldb::PluginInitialize(lldb::SBDebugger debugger) {
  try {
    return tourguide::plugin::registerTourCommands(debugger);
  } catch (...) {
    return false; // Never let an exception unwind into lldb's plugin loader.
  }
}
