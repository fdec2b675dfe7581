// `tour check` against a loaded target: every sample tour checks clean; each kind of problem
// gives its compiler-style diagnostic at the stop's line:col in the tour file; the command
// needs no process, launches nothing, leaves no breakpoint or target behind, and LLDB stays
// usable afterwards.
#include "LldbSession.h"
#include "PluginSamples.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

const std::string kToyRoot = fs::path(TG_TOY_TOUR).parent_path().parent_path().string();

/// Writes a toy tour whose stops are `stopLines`, one per line, each starting at column 5:
/// stop i (0-based) is then on line 5 + i of the file.
fs::path scratchDir() {
  return fs::temp_directory_path() / ("tourguide-check-" + std::to_string(::getpid()));
}

std::string writeTour(const std::string &name, const std::vector<std::string> &stopLines,
                      const std::string &programPath = TG_TOY_EXE) {
  fs::path dir = scratchDir();
  fs::create_directories(dir);
  fs::path file = dir / (name + ".json");
  std::ofstream out(file);
  out << "{\n  \"version\": 1, \"title\": \"Check " << name << "\", \"root\": \"" << kToyRoot << "\",\n"
      << "  \"program\": { \"path\": \"" << programPath << "\" },\n  \"stops\": [\n";
  for (size_t i = 0; i < stopLines.size(); ++i)
    out << "    " << stopLines[i] << (i + 1 < stopLines.size() ? "," : "") << "\n";
  out << "  ]\n}\n";
  return file.string();
}

std::string stop(const std::string &id, const std::string &anchor) {
  return "{ \"id\": \"" + id + "\", \"stage\": \"loss\", \"title\": \"T " + id + "\", \"anchor\": " + anchor + " }";
}

class CheckCommand : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError(); }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(scratchDir(), ec);
  }
  void selectToy() { ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok); }
  /// Nothing launched or left behind, and LLDB still answers ordinary commands.
  void expectUntouched(size_t breakpoints) {
    lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
    if (target.IsValid()) {
      EXPECT_EQ(target.GetNumBreakpoints(), breakpoints);
      EXPECT_FALSE(target.GetProcess().IsValid());
    }
    EXPECT_TRUE(lldb.run("version").ok);
    EXPECT_TRUE(lldb.run("help tour check").ok);
  }
  LldbSession lldb;
};

TEST_F(CheckCommand, CleanTourReportsEachStopAndLeavesTheUsersBreakpoints) {
  selectToy();
  ASSERT_TRUE(lldb.run("breakpoint set -n main").ok);
  std::string tour = writeTour("clean", {stop("entry", R"({ "function": "loss_of" })"),
                                         stop("line", R"({ "file": "src/toy.c", "line": 20 })")});
  Reply r = lldb.run("tour check " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("ok  entry: function -> loss_of at "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("toy.c:20 (1 location)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 stops: 2 ok, 0 warnings, 0 errors\n"), std::string::npos) << r.out;
  expectUntouched(1);
}

TEST_F(CheckCommand, MissingFunctionIsAnErrorAtTheStopWithClosestNames) {
  selectToy();
  std::string tour = writeTour("missing", {stop("ok", R"({ "function": "main" })"),
                                           stop("typo", R"({ "function": "loss_off" })")});
  Reply r = lldb.run("tour check " + tour);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.out.find(tour + ":6:5: error: stop 'typo' (T typo): function 'loss_off' not found in "
                              "the target; closest names: 'loss_of'\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 stops: 1 ok, 0 warnings, 1 errors\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.rfind("tour check: 2 stops: 1 ok, 0 warnings, 1 errors", 0), 0u) << r.err;
  expectUntouched(0);
}

TEST_F(CheckCommand, PatternOnTwoLinesOfTheFunctionWarnsAndUsesTheFirst) {
  selectToy();
  std::string tour = writeTour("twice", {stop("twice", R"({ "function": "loss_of", "pattern": "b->size" })")});
  Reply r = lldb.run("tour check " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find(tour + ":5:5: warning: stop 'twice' (T twice): pattern 'b->size' matches 2 lines "
                              "in 'loss_of' (toy.c:21, toy.c:23); using the first\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("toy.c:21 ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 stops: 0 ok, 1 warnings, 0 errors\n"), std::string::npos) << r.out;
  expectUntouched(0);
}

TEST_F(CheckCommand, MissingPatternFallsBackToTheFunctionEntryWithAWarning) {
  selectToy();
  std::string tour = writeTour("fallback", {stop("fb", R"({ "function": "fill", "pattern": "no such text" })")});
  Reply r = lldb.run("tour check " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find(tour + ":5:5: warning: stop 'fb' (T fb): pattern 'no such text' not found in "
                              "'fill'; resolved by function entry instead\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("warning  fb: function -> fill at "), std::string::npos) << r.out;
  expectUntouched(0);
}

TEST_F(CheckCommand, LinePastTheEndOfTheFileIsAnError) {
  selectToy();
  std::string tour = writeTour("past", {stop("past", R"({ "file": "src/toy.c", "line": 999 })")});
  Reply r = lldb.run("tour check " + tour);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.out.find(tour + ":5:5: error: stop 'past' (T past): line 999 is past the end of "
                              "'src/toy.c' (40 lines)\n"),
            std::string::npos)
      << r.out;
  expectUntouched(0);
}

TEST_F(CheckCommand, WithoutATargetUsesTheToursProgramAndDeletesItAgain) {
  std::string tour = writeTour("own", {stop("entry", R"({ "function": "loss_of" })")});
  Reply r = lldb.run("tour check " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("1 stops: 1 ok, 0 warnings, 0 errors"), std::string::npos) << r.out;
  EXPECT_EQ(lldb.debugger().GetNumTargets(), 0u);
  expectUntouched(0);
}

TEST_F(CheckCommand, NoTargetAndNoProgramGivesTheExactMessage) {
  std::string missing = (fs::temp_directory_path() / "tourguide-check-no-such-program").string();
  std::string tour = writeTour("noprog", {stop("entry", R"({ "function": "main" })")}, missing);
  Reply r = lldb.run("tour check " + tour);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "no target is selected and the tour's program '" + missing +
                       "' cannot be loaded: build it, or select the executable with 'target create "
                       "PATH' before 'tour check'");
  EXPECT_EQ(lldb.debugger().GetNumTargets(), 0u);
  expectUntouched(0);
}

TEST_F(CheckCommand, WithoutAFileNeedsAStartedTour) {
  selectToy();
  Reply r = lldb.run("tour check");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "no tour is active: start one with 'tour start FILE'");
  r = lldb.run("tour check a.json b.json");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "'tour check' takes at most one tour file. Syntax: tour check [FILE]");
  expectUntouched(0);
}

TEST_F(CheckCommand, BadFileGivesTheValidateDiagnostics) {
  selectToy();
  Reply r = lldb.run(std::string("tour check ") + TG_TEST_TOURS + "/malformed.json");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.err.find("malformed.json:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;
  expectUntouched(0);
}

TEST_F(CheckCommand, WithoutAFileChecksTheStartedTourAndChangesNothing) {
  selectToy();
  ASSERT_TRUE(lldb.run(std::string("tour start ") + TG_TOY_TOUR).ok);
  lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
  size_t breakpoints = target.GetNumBreakpoints();
  lldb::StateType state = target.GetProcess().GetState();
  Reply r = lldb.run("tour check");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("ok  setup: function + pattern -> main at "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" errors\n"), std::string::npos) << r.out;
  EXPECT_EQ(target.GetNumBreakpoints(), breakpoints);
  EXPECT_EQ(target.GetProcess().GetState(), state);
  EXPECT_TRUE(lldb.run("tour next").ok);
  EXPECT_TRUE(lldb.run("tour end").ok);
}

class SampleChecks : public ::testing::TestWithParam<Sample> {};

TEST_P(SampleChecks, TrainAndEvalToursCheckCleanAgainstTheirPrograms) {
  const Sample &sample = GetParam();
  for (const char *program : {"train", "eval"}) {
    LldbSession lldb;
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    ASSERT_TRUE(lldb.run("target create " + std::string(sample.buildDir) + "/" + program).ok);
    std::string tour = std::string(sample.sourceDir) + "/.tours/" + program + ".json";
    Reply r = lldb.run("tour check " + tour);
    ASSERT_TRUE(r.ok) << program << ":\n" << r.all();
    EXPECT_NE(r.out.find(" ok, 0 warnings, 0 errors\n"), std::string::npos) << program << ":\n" << r.out;
    EXPECT_EQ(r.out.find(": warning: "), std::string::npos) << program << ":\n" << r.out;
    lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
    EXPECT_EQ(target.GetNumBreakpoints(), 0u);
    EXPECT_FALSE(target.GetProcess().IsValid());
  }
}

INSTANTIATE_TEST_SUITE_P(Repos, SampleChecks, ::testing::ValuesIn(kSamples),
                         [](const auto &info) { return std::string(info.param.name); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SampleChecks);

} // namespace
