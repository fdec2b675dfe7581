// The `tourguide` executable: usage errors, exit codes, several files, colour.
#include "RunCommand.h"
#include "TestFiles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include <cstdlib>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tourguide::tours {
namespace {

using testing::HasSubstr;
using testing::StartsWith;

const std::string kBad = TOURS_CORPUS_DIR "/bad";
const std::string kGood = TOURS_CORPUS_DIR "/good";

test::CommandResult tourguide(std::vector<std::string> args, const std::string &dir = "") {
  args.insert(args.begin(), TOURGUIDE_BINARY);
  return test::runCommand(args, dir);
}

TEST(Cli, ThreeMistakesAreAllReportedWithLineAndColumn) {
  test::CommandResult result = tourguide({"validate", "three-mistakes.json"}, kBad);
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_THAT(result.out, HasSubstr("three-mistakes.json:9:7: error: unknown key 'titel' in stop; "
                                    "did you mean 'title'? [at /stops/0/titel]\n"));
  EXPECT_THAT(result.out, HasSubstr("three-mistakes.json:17:14: error: expected an integer for "
                                    "'hit', found a string [at /stops/1/hit]\n"));
  EXPECT_THAT(result.out, HasSubstr("three-mistakes.json:19:5: error: missing required key "
                                    "'title' in stop [at /stops/2]\n"));
  EXPECT_THAT(result.out, HasSubstr("3 errors generated.\n"));
  // Not a terminal: no colour.
  EXPECT_EQ(result.out.find('\033'), std::string::npos);
}

TEST(Cli, GoodFileExitsZeroSilently) {
  test::CommandResult result = tourguide({"validate", kGood + "/minimal.json"});
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST(Cli, WarningsAloneDoNotFail) {
  test::CommandResult result = tourguide({"validate", "unknown-stage.json"}, kGood);
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_THAT(result.out, HasSubstr("2 warnings generated.\n"));
}

TEST(Cli, AnyFileWithErrorsFailsTheRun) {
  test::CommandResult result =
      tourguide({"validate", kGood + "/minimal.json", kBad + "/hit-zero.json", kGood + "/all-fields.json"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_THAT(result.out, StartsWith(kBad + "/hit-zero.json:6:90: error: "));
  EXPECT_THAT(result.out, HasSubstr("\n1 error generated.\n"));
}

TEST(Cli, MissingFileIsAnError) {
  test::CommandResult result = tourguide({"validate", "/nonexistent/t.json"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.out, "/nonexistent/t.json: error: cannot read tour file: No such file or "
                        "directory\n1 error generated.\n");
}

/// Runs `tourguide validate FILE` with stdout on a pseudo-terminal; returns what it printed.
std::string validateOnATerminal(const std::string &file, bool noColor) {
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (noColor)
      ::setenv("NO_COLOR", "1", 1);
    else
      ::unsetenv("NO_COLOR");
    ::execl(TOURGUIDE_BINARY, TOURGUIDE_BINARY, "validate", file.c_str(), nullptr);
    ::_exit(127);
  }
  if (pid < 0)
    return "forkpty failed";
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(master, buffer, sizeof buffer)) > 0) // ends with EIO when the child exits
    out.append(buffer, static_cast<size_t>(n));
  ::close(master);
  ::waitpid(pid, nullptr, 0);
  return out;
}

TEST(Cli, ColourOnATerminalUnlessNoColorIsSet) {
  std::string file = kBad + "/hit-zero.json";
  EXPECT_THAT(validateOnATerminal(file, false), HasSubstr("\033[1;31merror: "));
  std::string plain = validateOnATerminal(file, true);
  EXPECT_THAT(plain, HasSubstr("error: 'hit' must be at least 1"));
  EXPECT_EQ(plain.find('\033'), std::string::npos);
}

TEST(Cli, ColourOnRequest) {
  test::CommandResult result = tourguide({"validate", "--color=always", "hit-zero.json"}, kBad);
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_THAT(result.out, HasSubstr("\033[1;31merror: "));
  EXPECT_THAT(result.out, HasSubstr("\033[1;32m^\033[0m"));
}

TEST(Cli, NoArgumentsIsAUsageError) {
  test::CommandResult result = tourguide({});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_THAT(result.err, StartsWith("tourguide: error: no command given\nUsage: tourguide COMMAND"));
  EXPECT_THAT(result.err, HasSubstr("  validate  check tour files"));
}

TEST(Cli, UnknownCommandIsAUsageError) {
  test::CommandResult result = tourguide({"valdate", "x.json"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_THAT(result.err, StartsWith("tourguide: error: unknown command 'valdate'\n"));
}

TEST(Cli, HelpGoesToStdoutAndSucceeds) {
  test::CommandResult result = tourguide({"--help"});
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_THAT(result.out, StartsWith("Usage: tourguide COMMAND [ARGS...]\n"));
  result = tourguide({"validate", "--help"});
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_THAT(result.out, StartsWith("Usage: tourguide validate [--color=auto|always|never] FILE...\n"));
}

TEST(Cli, ValidateWithoutFilesOrWithAnUnknownOptionIsAUsageError) {
  test::CommandResult result = tourguide({"validate"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_THAT(result.err, StartsWith("tourguide validate: error: no tour file given\n"));
  result = tourguide({"validate", "--colour", "x.json"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_THAT(result.err, StartsWith("tourguide validate: error: unknown option '--colour'\n"));
}

TEST(Cli, IndexCommandIsThereExactlyWhenTheIndexerIsBuilt) {
  test::CommandResult help = tourguide({"--help"});
  test::CommandResult index = tourguide({"index", "--help"});
  if (TOURGUIDE_CLI_HAS_INDEX) {
    EXPECT_THAT(help.out, HasSubstr("\n  index     draft tours"));
    EXPECT_EQ(index.exitCode, 0) << index.err;
    EXPECT_THAT(index.out, HasSubstr("USAGE: tourguide index"));
  } else {
    EXPECT_EQ(help.out.find("\n  index "), std::string::npos);
    EXPECT_EQ(index.exitCode, 2);
    EXPECT_THAT(index.err, StartsWith("tourguide: error: unknown command 'index'\n"));
  }
}

TEST(Cli, CheckCommandIsThereExactlyWhenTheCheckerIsBuilt) {
  test::CommandResult help = tourguide({"--help"});
  test::CommandResult check = tourguide({"check", "--help"});
  if (TOURGUIDE_CLI_HAS_CHECK) {
    EXPECT_THAT(help.out, HasSubstr("\n  check     resolve each tour's anchors"));
    EXPECT_EQ(check.exitCode, 0) << check.err;
    EXPECT_THAT(check.out, HasSubstr("USAGE: tourguide check"));
  } else {
    EXPECT_EQ(help.out.find("\n  check "), std::string::npos);
    EXPECT_EQ(check.exitCode, 2);
    EXPECT_THAT(check.err, StartsWith("tourguide: error: unknown command 'check'\n"));
  }
}

TEST(Cli, DoubleDashEndsOptions) {
  test::CommandResult result = tourguide({"validate", "--", "--help"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_THAT(result.out, StartsWith("--help: error: cannot read tour file"));
}


TEST(Cli, OutputShownInTheDocsIsTheRealOutput) {
  // docs/tour-format.md, "Checking a tour", shows corpus/bad/three-mistakes.json as train.json.
  std::string doc = test::readFile(TOURGUIDE_SOURCE_DIR "/docs/tour-format.md");
  size_t start = doc.find("```text\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  std::string shown = doc.substr(start, doc.find("```", start) - start);

  std::string dir = testing::TempDir() + "/tourguide-doc-output";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kBad + "/three-mistakes.json", dir + "/train.json",
                             std::filesystem::copy_options::overwrite_existing);
  test::CommandResult result = tourguide({"validate", "train.json"}, dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.out, shown);
}

} // namespace
} // namespace tourguide::tours
