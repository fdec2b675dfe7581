// The `tourguide` executable: finds the subcommand in the table and runs it.
#include "LldbInit.h"
#include "tourguide/cli/Command.h"

#include <iostream>

namespace {

using tourguide::cli::commands;

void printUsage(std::ostream &out) {
  out << "Usage: tourguide COMMAND [ARGS...]\n\nCommands:\n";
  for (const tourguide::cli::Command &command : commands())
    out << "  " << command.name << std::string(command.name.size() < 10 ? 10 - command.name.size() : 1, ' ')
        << command.summary << "\n";
  out << "\nRun 'tourguide COMMAND --help' for the options of a command.\n"
      << tourguide::cli::kExitStatusSummary << "\n"
      << "'tourguide --print-lldbinit >> ~/.lldbinit' makes the `tour` command available in every lldb.\n";
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "tourguide: error: no command given\n";
    printUsage(std::cerr);
    return tourguide::cli::kExitUsage;
  }
  std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    printUsage(std::cout);
    return tourguide::cli::kExitOk;
  }
  if (name == "--print-lldbinit") {
    if (argc > 2) {
      std::cerr << "tourguide: error: '--print-lldbinit' takes no arguments\n";
      return tourguide::cli::kExitUsage;
    }
    return tourguide::cli::printLldbinit(std::cout, std::cerr);
  }
  const tourguide::cli::Command *command = tourguide::cli::findCommand(name);
  if (!command) {
    std::cerr << "tourguide: error: unknown command '" << name << "'\n";
    printUsage(std::cerr);
    return tourguide::cli::kExitUsage;
  }
  // A bug of ours met on someone's code says what happened instead of "terminate called".
  try {
    return command->run(std::vector<std::string>(argv + 2, argv + argc));
  } catch (const std::exception &e) {
    std::cerr << "tourguide: internal error in '" << name << "': " << e.what() << " (please report it)\n";
    return tourguide::cli::kExitUsage; // it could not run
  }
}
