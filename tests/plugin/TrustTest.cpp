// `tour start` on a tour from an unreviewed repository (docs/security.md): a program outside
// the repo, a loader variable (even with the user's own target), a working directory outside
// the repo, a `root` that leaves the repo and an anchor file outside it are refused with what
// the tour asked for and how to allow it; nothing is created or launched. With --trust the
// tour plays. Source files outside the repo are not shown without --trust.
#include "LldbSession.h"
#include "TourTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

const std::string kToySource =
    (fs::path(TG_TOY_TOUR).parent_path().parent_path() / "src" / "toy.c").lexically_normal().string();

class Trust : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    repo = fs::temp_directory_path() / ("tg-plugin-trust-" + std::to_string(::getpid()));
    fs::remove_all(repo);
    fs::create_directories(repo / ".tours");
  }
  void TearDown() override { fs::remove_all(repo); }

  /// REPO/.tours/t.json with `program` and one stop at `anchor`.
  std::string writeTour(const std::string &program, const std::string &anchor = R"({ "function": "main" })",
                        const std::string &extra = "") {
    std::string file = (repo / ".tours" / "t.json").string();
    std::ofstream(file) << "{\n  \"version\": 1, \"title\": \"Stranger's tour\", " << extra << "\n"
                        << "  \"program\": " << program << ",\n"
                        << "  \"stops\": [{ \"id\": \"a\", \"stage\": \"setup\", \"title\": \"A\", \"anchor\": "
                        << anchor << ", \"watch\": [\"argc\"] }]\n}\n";
    return file;
  }
  std::string root() const { return fs::weakly_canonical(repo).string(); }
  std::string howToAllow(const std::string &file) const {
    return "Read " + file + "; if you trust it, start it with 'tour start --trust " + file + "'";
  }
  const std::string kHead = "the tour asks for what a tour from an unreviewed repository may not do "
                            "without your trust (docs/security.md):\n";
  /// Nothing was launched and no tour breakpoint placed.
  void expectNothingRan() {
    lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
    if (target.IsValid()) {
      EXPECT_EQ(target.GetNumBreakpoints(), 0u);
      EXPECT_FALSE(target.GetProcess().IsValid());
    }
    EXPECT_EQ(lldb.run("tour status").err, "no tour is active: start one with 'tour start FILE'");
  }
  LldbSession lldb;
  fs::path repo;
};

TEST_F(Trust, AProgramOutsideTheRepoIsRefusedUntilTrusted) {
  std::string file = writeTour(std::string(R"({ "path": ")") + TG_TOY_EXE + R"(", "args": ["3"] })");
  Reply r = lldb.run("tour start " + file);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, kHead + "  the program '" + TG_TOY_EXE + "', outside the repo root '" + root() +
                       "' [at /program/path]\n" + howToAllow(file));
  EXPECT_EQ(lldb.debugger().GetNumTargets(), 0u); // no target was even created
  expectNothingRan();

  r = lldb.run("tour start --trust " + file);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(watchShows(r.out, "argc", "2"));
}

TEST_F(Trust, ALoaderVariableIsRefusedEvenWithTheUsersOwnTarget) {
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  std::string file = writeTour(R"({ "path": "build/toy", "args": ["3"],
    "env": { "LD_PRELOAD": "${root}/libevil.so", "LD_AUDIT": "${root}/libevil.so", "TOY_MODE": "x" } })");
  Reply r = lldb.run("tour start " + file);
  EXPECT_FALSE(r.ok);
  const std::string why = "', which controls how the program is loaded (it can make any program, even "
                          "your own target, run code the repo ships) [at /program/env/";
  EXPECT_EQ(r.err, kHead + "  the environment variable 'LD_PRELOAD" + why + "LD_PRELOAD]\n" +
                       "  the environment variable 'LD_AUDIT" + why + "LD_AUDIT]\n" + howToAllow(file));
  expectNothingRan();
}

TEST_F(Trust, ACwdOutsideTheRepoARootThatLeavesItAndAnAnchorFileOutsideItAreRefused) {
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  std::string file = writeTour(R"({ "path": "build/toy", "cwd": "/etc" })",
                               R"({ "file": "../../../../../../etc/passwd", "pattern": "root" })",
                               R"("root": "/",)");
  Reply r = lldb.run("tour start " + file);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, kHead + "  the repo root '/', which leaves the folder that holds the tour (" +
                       repo.string() + ") [at /root]\n" +
                       "  the working directory '/etc', outside the repo root '" + root() + "' [at /program/cwd]\n" +
                       "  the source file '../../../../../../etc/passwd', outside the repo root '" + root() +
                       "' [at /stops/0/anchor/file]\n" + howToAllow(file));
  expectNothingRan();
}

TEST_F(Trust, TheUsersOwnTargetAndProgramDirCwdNeedNoTrust) {
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  std::string file = writeTour(R"({ "path": "/usr/bin/python3", "args": ["4"], "cwd": "${program_dir}",
    "env": { "TOY_MODE": "ok" } })");
  Reply r = lldb.run("tour start " + file);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(watchShows(r.out, "argc", "2"));
}

TEST_F(Trust, SourceOutsideTheRepoIsNotShownUntilTrusted) {
  // line_directive.c's `#line` makes main's code come from a file outside any repo, as a
  // stranger's source could name /etc/passwd: its lines are not read without --trust.
  const std::string secret = "/tmp/tourguide-line-directive-secret.txt";
  std::ofstream(secret) << "secret line 1\nsecret line 2\nsecret line 3\nsecret line 4\n";
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_LINE_DIRECTIVE_EXE).ok);
  std::string file = writeTour(R"({ "path": "build/line_directive" })");
  Reply r = lldb.run("tour start " + file);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("at " + secret + ":3\n  (source not shown: " + secret + " is outside the "),
            std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("secret line"), std::string::npos) << r.out;
  EXPECT_TRUE(watchShows(r.out, "argc", "1")); // values are still read

  LldbSession trusting; // a fresh debugger: the program runs from the start again
  ASSERT_TRUE(trusting.run(std::string("target create ") + TG_LINE_DIRECTIVE_EXE).ok);
  r = trusting.run("tour start --trust " + file);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_EQ(r.out.find("source not shown"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("> 3 | secret line 3"), std::string::npos) << r.out;
  std::remove(secret.c_str());
}

} // namespace
