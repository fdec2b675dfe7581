// `tour draft FINDINGS.json` in a real LLDB: misuse and bad findings give exact messages and
// change nothing; a program that never ends is stopped at --timeout, or by Ctrl-C, and the draft
// keeps what the run reached. (The samples' drafts playing through: tests/confirm.)
#include "LldbSession.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSyntax = ". Syntax: tour draft [--entry NAME] [--timeout SECONDS] [-o FILE] FINDINGS.json";

class DraftCommand : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    char name[] = "/tmp/tourguide-draft-XXXXXX";
    ASSERT_TRUE(mkdtemp(name));
    dir = name;
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string write(const std::string &name, const std::string &text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
  /// Findings for the forever program: one candidate, `tick`, called every millisecond.
  std::string foreverFindings() {
    const std::string source = fs::path(TG_FOREVER_SOURCE).string();
    const std::string root = fs::path(TG_FOREVER_SOURCE).parent_path().string();
    return write("findings.json", R"({"tool": "tourguide index", "root": ")" + root + R"(",
      "entry_points": [{"program": "confirm_forever", "kind": "train", "function": "main", "file": ")" + source +
                                      R"(", "line": 5, "executable": ")" + TG_FOREVER_EXE + R"("}],
      "stages": [{"entry": "confirm_forever", "stage": "model", "function": "tick", "file": ")" + source +
                                      R"(", "line": 4, "anchor": {"function": "tick"}, "watch": ["ticks"]},
                 {"entry": "confirm_forever", "stage": "data", "function": "elsewhere", "file": "/etc/passwd",
                  "line": 1, "anchor": {"function": "elsewhere", "line": 1, "pattern": "root"}}]})");
  }
  Reply fails(const std::string &command) {
    Reply r = lldb.run(command);
    EXPECT_FALSE(r.ok) << command << " unexpectedly succeeded:\n" << r.all();
    return r;
  }
  LldbSession lldb;
  fs::path dir;
};

TEST_F(DraftCommand, MisuseAndBadFindingsAreExactMessages) {
  EXPECT_EQ(fails("tour draft").err, "'tour draft' needs the findings of `tourguide index --format=json`" + kSyntax);
  EXPECT_EQ(fails("tour draft --timeout soon f.json").err,
            "'--timeout' needs a number of seconds above 0, got 'soon'" + kSyntax);
  EXPECT_EQ(fails("tour draft --bogus f.json").err, "unknown option '--bogus' for 'tour draft'" + kSyntax);
  EXPECT_EQ(fails("tour draft f.json").err,
            "no program selected: 'target create PROGRAM' (with its arguments after '--', or 'settings set "
            "target.run-args ...') before 'tour draft'");
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_FOREVER_EXE).ok);
  std::string bad = write("bad.json", "{\"entry_points\": [], \"stages\": [{}]}");
  EXPECT_EQ(fails("tour draft " + bad).err, bad + ": stages[0]: missing \"entry\"");
  EXPECT_EQ(fails("tour draft /dev/zero").err, "cannot read '/dev/zero': it is a character device, not a regular file");
  std::string none = write("none.json", R"({"entry_points": [], "stages": []})");
  EXPECT_EQ(fails("tour draft " + none).err,
            std::string("'") + TG_FOREVER_EXE + "' is not one of the programs in " + none +
                "; it lists none (name one with --entry NAME)");
  EXPECT_EQ(fails("tour draft --entry other " + foreverFindings()).err,
            "no entry point 'other' in " + (dir / "findings.json").string() + "; it lists 'confirm_forever'");
  EXPECT_FALSE(lldb.debugger().GetSelectedTarget().GetProcess().IsValid()) << "nothing was launched";
  EXPECT_EQ(lldb.debugger().GetSelectedTarget().GetNumBreakpoints(), 0u);
  EXPECT_TRUE(lldb.run("version").ok);
}

TEST_F(DraftCommand, AProgramThatNeverEndsIsStoppedAtTheTimeLimit) {
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_FOREVER_EXE).ok);
  std::string findings = foreverFindings(), out = (dir / "forever.json").string();
  auto start = std::chrono::steady_clock::now();
  Reply r = lldb.run("tour draft --timeout 2 -o " + out + " " + findings);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("run: 1 of 1 candidate stops reached in "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(it was stopped after the time limit)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 candidate outside the repository root"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("wrote " + out + " (1 stops)"), std::string::npos) << r.out;
  EXPECT_LT(seconds, 20);
  lldb.drainEvents(); // as lldb's driver does: the kill becomes the process's public state
  lldb::SBProcess process = lldb.debugger().GetSelectedTarget().GetProcess();
  EXPECT_TRUE(!process.IsValid() || process.GetState() == lldb::eStateExited) << "the run's process is ended";
  EXPECT_EQ(lldb.debugger().GetSelectedTarget().GetNumBreakpoints(), 0u) << "the run's breakpoints are removed";
  EXPECT_TRUE(fs::exists(out));
}

// A draft written outside the repo names the repo as its root, which a tour from a repository
// may not do unasked; one this lldb just wrote is the user's own and plays as the hint says,
// until someone changes it.
TEST_F(DraftCommand, ItsOwnDraftPlaysWithoutTrustUntilTheFileChanges) {
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_FOREVER_EXE).ok);
  std::string findings = foreverFindings(), out = (dir / "forever.json").string();
  Reply drafted = lldb.run("tour draft --timeout 2 -o " + out + " " + findings);
  ASSERT_TRUE(drafted.ok) << drafted.all();
  ASSERT_NE(drafted.out.find("play it with 'tour start " + out + "'"), std::string::npos) << drafted.out;
  lldb.drainEvents();

  Reply started = lldb.run("tour start " + out);
  ASSERT_TRUE(started.ok) << started.all();
  EXPECT_NE(started.out.find("1 stops, 1 resolved"), std::string::npos) << started.out;
  ASSERT_TRUE(lldb.run("tour end").ok);

  std::ofstream(out, std::ios::app) << "\n"; // the same tour, but no longer the text this lldb wrote
  Reply changed = fails("tour start " + out);
  EXPECT_NE(changed.err.find("'tour start --trust " + out + "'"), std::string::npos) << changed.err;
  EXPECT_NE(changed.err.find("which leaves the folder that holds the tour"), std::string::npos) << changed.err;
}

TEST_F(DraftCommand, CtrlCEndsTheRunAndTheDraftKeepsWhatItReached) {
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_FOREVER_EXE).ok);
  std::string findings = foreverFindings(), out = (dir / "forever.json").string();
  std::thread user([] {
    // Long enough for the launch and the first tick on a loaded 2-core machine.
    std::this_thread::sleep_for(std::chrono::seconds(4));
    kill(getpid(), SIGINT); // what Ctrl-C in the terminal sends
  });
  Reply r = lldb.run("tour draft --timeout 60 -o " + out + " " + findings);
  user.join();
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("(it was interrupted)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("wrote " + out), std::string::npos) << r.out;
}

} // namespace
