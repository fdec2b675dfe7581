// The subcommands of the `tourguide` executable. Each lives in its own source file and adds
// itself to the table with a static CommandRegistration:
//
//   const tourguide::cli::CommandRegistration registration({
//       "validate", "one line for `tourguide --help`", "tourguide validate FILE...", &run});
//
// `validate` is cli/ValidateCommand.cpp. `index` and `check` are thin adapters
// (cli/IndexCommandAdapter.cpp, cli/CheckCommandAdapter.cpp) over the indexer's and the
// checker's own command functions, compiled in when those components are in the build.
// Command sources are linked as objects (never from a static library), so the linker keeps
// their registrations.
#pragma once

#include "tourguide/cli/ExitCode.h"

#include <string>
#include <string_view>
#include <vector>

namespace tourguide::cli {

struct Command {
  std::string name;    ///< "validate"
  std::string summary; ///< One line for `tourguide --help`.
  std::string usage;   ///< "tourguide validate [--color=WHEN] FILE..."
  /// Runs with the arguments after the command name; returns an ExitCode (ExitCode.h).
  int (*run)(const std::vector<std::string> &args) = nullptr;
};

void registerCommand(Command command);

/// All registered commands, sorted by name.
const std::vector<Command> &commands();

/// The command called `name`, or nullptr.
const Command *findCommand(std::string_view name);

struct CommandRegistration {
  explicit CommandRegistration(Command command) { registerCommand(std::move(command)); }
};

} // namespace tourguide::cli
