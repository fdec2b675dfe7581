// The `tour` multiword command and its subcommands.
#pragma once

#include <lldb/API/LLDB.h>

namespace tourguide::plugin {

/// Adds `tour` and its subcommands to `debugger`'s command interpreter, all sharing one
/// TourSession. Returns false when LLDB refuses the command.
bool registerTourCommands(lldb::SBDebugger debugger);

} // namespace tourguide::plugin
