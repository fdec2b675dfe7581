// `tourguide check` reads a tour file by the tour loader's rules (docs/security.md, "Files"): a
// FIFO, a device or a directory given as the tour gets a message at once, never a hang.
#include "SampleCopy.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace tourguide::checker::testing {
namespace {

TEST(CheckFileSafety, ATourThatIsNotARegularFileIsRefusedAtOnce) {
  SampleCopy copy("mlp_c");
  std::string build = copy.writeCompileCommands();
  std::string fifo = copy.path(".tours/fifo.json");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  CommandRun run = runCheck({"-p", build, fifo, "/dev/zero", copy.path(".tours")}); // used to wait forever
  EXPECT_NE(run.exit, 0);
  std::string said = run.out + run.err;
  EXPECT_NE(said.find(fifo + ": error: cannot read tour file: it is a FIFO (named pipe), not a regular file"),
            std::string::npos)
      << said;
  EXPECT_NE(said.find("/dev/zero: error: cannot read tour file: it is a character device, not a regular file"),
            std::string::npos)
      << said;
  EXPECT_NE(said.find(copy.path(".tours") + ": error: cannot read tour file: it is a directory, not a regular file"),
            std::string::npos)
      << said;
}

} // namespace
} // namespace tourguide::checker::testing
