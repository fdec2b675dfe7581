// `tourguide --print-lldbinit`: the line that makes `tour` available in every lldb, naming the
// LLDB plugin that belongs to this `tourguide` (beside it in the build tree, or where
// `cmake --install` and the Debian package put it: docs/install.md).
#pragma once

#include <ostream>
#include <string>

namespace tourguide::cli {

/// The plugin that belongs to the `tourguide` executable at `executable` (an absolute path):
/// the build tree's when it runs from there, else the installed one relative to it; "" when
/// there is no plugin where it should be.
std::string locatePlugin(const std::string &executable);

/// The ~/.lldbinit line that loads `plugin` ("plugin load PATH", the path quoted for lldb's
/// command line when it needs to be).
std::string lldbinitLine(const std::string &plugin);

/// Prints the lines for ~/.lldbinit to `out` (or says to `err` why it cannot); an ExitCode.
int printLldbinit(std::ostream &out, std::ostream &err);

} // namespace tourguide::cli
