// Two commands on one process's llvm::cl: each has its own options (both have --format),
// values do not leak from one parse to the next, and usage errors read like a compiler's.
#include "tourguide/clangfront/CommandLine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tourguide::clangfront {
namespace {

namespace cl = llvm::cl;

/// A command with an option of its own besides -p and -j, as `index` and `check` have.
struct Command {
  explicit Command(const char *name) : commandLine(name, std::string("tourguide ") + name + " -p DIR FILE...", "") {}
  CommandLine commandLine;
  cl::opt<std::string> format{"format", cl::init("text"), cl::sub(commandLine.sub), cl::cat(commandLine.category)};
  cl::opt<bool> fix{"fix", cl::init(false), cl::sub(commandLine.sub), cl::cat(commandLine.category)};
  cl::list<std::string> files{cl::Positional, cl::sub(commandLine.sub), cl::cat(commandLine.category)};

  /// parse()'s error message, "" when it succeeded.
  std::string parse(std::vector<const char *> args) {
    llvm::Error error = commandLine.parse(args);
    return error ? llvm::toString(std::move(error)) : "";
  }
};

Command &first() {
  static Command command("first");
  return command;
}

Command &second() {
  static Command command("second");
  return command;
}

TEST(CommandLine, TwoCommandsInOneProcessHaveTheirOwnOptionsOfTheSameName) {
  ASSERT_EQ(first().parse({"-p", "build", "--format=json", "-j", "3", "a.json", "b.json"}), "");
  EXPECT_EQ(first().commandLine.buildPath, "build");
  EXPECT_EQ(first().format, "json");
  EXPECT_EQ(first().commandLine.jobs, 3u);
  EXPECT_EQ(std::vector<std::string>(first().files.begin(), first().files.end()),
            (std::vector<std::string>{"a.json", "b.json"}));

  ASSERT_EQ(second().parse({"-pother", "--fix", "c.json"}), "");
  EXPECT_EQ(second().commandLine.buildPath, "other");
  EXPECT_EQ(second().format, "text");
  EXPECT_TRUE(second().fix);
}

TEST(CommandLine, EachParseStartsFromTheDefaults) {
  ASSERT_EQ(first().parse({"-p=build", "--format=json", "--fix", "-j", "2", "a.json"}), "");
  ASSERT_EQ(first().parse({"b.json"}), "");
  EXPECT_EQ(first().commandLine.buildPath, "");
  EXPECT_EQ(first().format, "text");
  EXPECT_FALSE(first().fix);
  EXPECT_EQ(first().commandLine.jobs, 0u);
  EXPECT_EQ(std::vector<std::string>(first().files.begin(), first().files.end()), std::vector<std::string>{"b.json"});
}

TEST(CommandLine, AnUnknownOptionIsNamed) {
  EXPECT_EQ(first().parse({"--frobnicate", "a.json"}), "unknown option '--frobnicate'");
  // ... and not remembered by the next parse.
  EXPECT_EQ(first().parse({"a.json"}), "");
}

TEST(CommandLine, AMissingBuildPathIsAUsageError) {
  ASSERT_EQ(first().parse({"a.json"}), "");
  llvm::Error error = first().commandLine.needBuildPath();
  ASSERT_TRUE(bool(error));
  EXPECT_EQ(first().commandLine.usageError(llvm::toString(std::move(error))),
            "tourguide first: error: no build folder given: pass -p BUILD_DIR (the folder holding "
            "compile_commands.json)\nUsage: tourguide first -p DIR FILE...\n");
  ASSERT_EQ(first().parse({"-p", "build"}), "");
  EXPECT_FALSE(bool(first().commandLine.needBuildPath()));
}

} // namespace
} // namespace tourguide::clangfront
