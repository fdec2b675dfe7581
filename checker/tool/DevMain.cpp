// Developer executable until the tourguide CLI forwards `tourguide check` to runCheckCommand().
#include "CheckCommandLine.h"

#include <vector>

int main(int argc, const char **argv) {
  std::vector<const char *> args(argv, argv + argc);
  args[0] = "check";
  return tourguide::checker::runCheckCommand(argc, args.data());
}
