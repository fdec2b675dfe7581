// Which LLDB loaded the plugin, and whether the plugin can run in it.
#pragma once

#include <optional>
#include <string>

namespace tourguide::plugin {

/// The oldest LLDB the plugin runs in (SBCommand::AddCommand with a repeat command is 14's).
constexpr int kOldestLldbMajor = 14;

/// The major version in SBDebugger::GetVersionString()'s text ("lldb version 15.0.6"), or
/// nullopt when the text says none.
std::optional<int> lldbMajorVersion(const char *versionString);

/// nullopt when the plugin can run in the LLDB whose version text this is; otherwise the
/// message `plugin load` shows instead of loading it.
std::optional<std::string> unsupportedLldb(const char *versionString);

} // namespace tourguide::plugin
