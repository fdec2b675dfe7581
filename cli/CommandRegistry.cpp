#include "tourguide/cli/Command.h"

#include <algorithm>

namespace tourguide::cli {

namespace {
// A function-local static: registrations run during static initialisation of other files.
std::vector<Command> &table() {
  static std::vector<Command> commands;
  return commands;
}
} // namespace

void registerCommand(Command command) {
  std::vector<Command> &all = table();
  auto at = std::lower_bound(all.begin(), all.end(), command.name,
                             [](const Command &c, const std::string &name) { return c.name < name; });
  all.insert(at, std::move(command));
}

const std::vector<Command> &commands() { return table(); }

const Command *findCommand(std::string_view name) {
  for (const Command &command : table())
    if (command.name == name)
      return &command;
  return nullptr;
}

} // namespace tourguide::cli
