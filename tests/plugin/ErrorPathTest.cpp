// Every subcommand misused: no tour, no target, no process, an exited process, bad
// arguments, stops that do not resolve, a malformed file. Each gives its exact message,
// changes nothing, and LLDB stays usable.
#include "LldbSession.h"
#include "TourTestSupport.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

using namespace tourguide::testing;

namespace {

const std::string kTour = TG_TOY_TOUR;
const std::string kTours = TG_TEST_TOURS;
const std::string kNoTour = "no tour is active: start one with 'tour start FILE'";

class ErrorPaths : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError(); }
  void selectToy() { ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok); }
  /// LLDB still answers ordinary commands after an error.
  void expectUsable() {
    EXPECT_TRUE(lldb.run("version").ok);
    EXPECT_TRUE(lldb.run("help tour").ok);
  }
  Reply fails(const std::string &command) {
    Reply r = lldb.run(command);
    EXPECT_FALSE(r.ok) << command << " unexpectedly succeeded:\n" << r.all();
    return r;
  }
  LldbSession lldb;
};

TEST_F(ErrorPaths, EverySubcommandWithoutATourOrTarget) {
  for (const char *cmd : {"tour next", "tour show", "tour list", "tour goto 1", "tour status", "tour end"})
    EXPECT_EQ(fails(cmd).err, kNoTour) << cmd;
  EXPECT_EQ(lldb.debugger().GetNumTargets(), 0u);
  expectUsable();
}

TEST_F(ErrorPaths, EverySubcommandWithATargetButNoTour) {
  selectToy();
  for (const char *cmd : {"tour next", "tour show", "tour list", "tour goto 1", "tour status", "tour end"})
    EXPECT_EQ(fails(cmd).err, kNoTour) << cmd;
  EXPECT_FALSE(lldb.debugger().GetSelectedTarget().GetProcess().IsValid());
  expectUsable();
}

TEST_F(ErrorPaths, StartArguments) {
  const std::string syntax = "Syntax: tour start [--trust] [--from ID|N] FILE";
  EXPECT_EQ(fails("tour start").err, "'tour start' needs a tour file. " + syntax);
  EXPECT_EQ(fails("tour start --frm 2 " + kTour).err, "unknown option '--frm' for 'tour start'. " + syntax);
  EXPECT_EQ(fails("tour start a.json b.json").err,
            "'tour start' takes one tour file, got 'a.json' and 'b.json'. " + syntax);
  EXPECT_EQ(fails("tour start " + kTour + " --from").err, "'--from' needs a stop id or number. " + syntax);
  selectToy();
  EXPECT_EQ(fails("tour start --from nosuch " + kTour).err,
            "no stop 'nosuch' in this tour; its stops are: setup, loss, accumulate, report");
  EXPECT_EQ(fails("tour start --from 9 " + kTour).err,
            "no stop '9' in this tour; its stops are: setup, loss, accumulate, report");
  lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
  EXPECT_EQ(target.GetNumBreakpoints(), 0u); // nothing changed
  EXPECT_FALSE(target.GetProcess().IsValid());
  expectUsable();
}

TEST_F(ErrorPaths, MissingAndMalformedFilesPrintTheValidatorsDiagnostics) {
  for (const std::string &file : {kTours + "/no-such-tour.json", kTours + "/malformed.json"}) {
    auto expected = tourguide::tours::loadTourFile(file);
    ASSERT_FALSE(expected.ok());
    std::string message = tourguide::tours::formatAll(expected.diagnostics);
    while (!message.empty() && message.back() == '\n')
      message.pop_back();
    EXPECT_EQ(fails("tour start " + file).err, message);
  }
  EXPECT_EQ(lldb.debugger().GetNumTargets(), 0u); // no target was created
  expectUsable();
}

TEST_F(ErrorPaths, NoTargetAndAProgramThatDoesNotExist) {
  Reply r = fails("tour start " + kTours + "/unresolved.json");
  EXPECT_EQ(r.err.rfind("cannot create a target from the tour's program '" + kTours + "/build/toy': ", 0), 0u)
      << r.err;
  EXPECT_NE(r.err.find("Build it first, or select the executable with 'target create PATH' before "
                       "'tour start'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(lldb.debugger().GetNumTargets(), 0u);
  expectUsable();
}

TEST_F(ErrorPaths, StopsThatDoNotResolve) {
  selectToy();
  Reply r = fails("tour start " + kTours + "/unresolved.json");
  EXPECT_NE(r.err.find("warning: stop 1/2 'ghost' did not resolve and is skipped: function "
                       "'no_such_function' is not defined (with debug info) in the program's own modules"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: stop 2/2 'nowhere' did not resolve and is skipped: file "
                       "'src/nowhere.c' is not among the program's sources nor under the repo root"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("none of the tour's 2 stops resolved in '" + std::string(TG_TOY_EXE) +
                       "': nothing to run. Is this the program the tour was written for?"),
            std::string::npos)
      << r.err;
  lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
  EXPECT_EQ(target.GetNumBreakpoints(), 0u);
  EXPECT_FALSE(target.GetProcess().IsValid());
  EXPECT_EQ(fails("tour status").err, kNoTour);
  expectUsable();
}

TEST_F(ErrorPaths, AnUnresolvedStopIsSkippedNotFatal) {
  selectToy();
  Reply r = lldb.run("tour start " + kTours + "/partial.json");
  ASSERT_TRUE(r.ok) << r.all();
  const std::string why = "function 'main_typo' is not defined (with debug info) in the program's own modules";
  EXPECT_NE(r.out.find("warning: stop 2/3 'ghost' did not resolve and is skipped: " + why),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(showsStop(r.out, "1/3", "Start", 29));
  Reply list = lldb.run("tour list");
  EXPECT_NE(list.out.find("unresolved: " + why),
            std::string::npos)
      << list.out;
  EXPECT_EQ(fails("tour goto ghost").err, "stop 'ghost' did not resolve, so the program cannot run to it: " + why);
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "3/3", "End", 38));
  EXPECT_TRUE(watchShows(r.out, "total", "13.75")); // 0.75 + 1.75 + 2.75 + 3.75 + 4.75
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("2 of 3 stops reached"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Skipped (did not resolve):\n  2/3 ghost: "), std::string::npos) << r.out;
}

TEST_F(ErrorPaths, BadArgumentsWithATourRunning) {
  selectToy();
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  for (const char *cmd : {"next", "show", "list", "status", "end"})
    EXPECT_EQ(fails(std::string("tour ") + cmd + " extra").err, "'tour " + std::string(cmd) + "' takes no arguments");
  const std::string ids = "its stops are: setup, loss, accumulate, report";
  EXPECT_EQ(fails("tour goto").err, "'tour goto' needs one stop: an id or a number from 1 to 4. Syntax: tour goto ID|N");
  EXPECT_EQ(fails("tour goto 1 2").err, "'tour goto' needs one stop: an id or a number from 1 to 4. Syntax: tour goto ID|N");
  EXPECT_EQ(fails("tour goto 0").err, "no stop '0' in this tour; " + ids);
  EXPECT_EQ(fails("tour goto 99").err, "no stop '99' in this tour; " + ids);
  EXPECT_EQ(fails("tour goto nosuch").err, "no stop 'nosuch' in this tour; " + ids);
  EXPECT_EQ(fails("tour goto 99999999999999999999").err,
            "no stop '99999999999999999999' in this tour; " + ids);
  // The tour is where it was.
  Reply status = lldb.run("tour status");
  EXPECT_NE(status.out.find("Current stop: 1/4 setup"), std::string::npos) << status.out;
  expectUsable();
}

TEST_F(ErrorPaths, NoProcessAfterKill) {
  selectToy();
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.runAndWait("process kill").ok);
  const std::string expected = "the program has exited (status 9): type 'tour start " + kTour + "' to take the tour again";
  EXPECT_EQ(fails("tour next").err, expected);
  EXPECT_EQ(fails("tour goto 2").err, expected);
  EXPECT_EQ(fails("tour show").err, "the program is no longer stopped at stop 1/4 (it ran on, exited "
                                    "or was restarted). Type 'tour status' for the tour's state");
  EXPECT_TRUE(lldb.run("tour list").ok);
  Reply status = lldb.run("tour status");
  EXPECT_NE(status.out.find("Process: exited with status 9"), std::string::npos) << status.out;
  EXPECT_TRUE(lldb.run("tour end").ok);
  expectUsable();
}

TEST_F(ErrorPaths, NoProcessAfterDetachIsConsistent) {
  selectToy();
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.runAndWait("process detach").ok);
  EXPECT_EQ(fails("tour next").err, "the program is not running (it was killed or detached, or never "
                                    "launched): type 'tour start " + kTour + "' to take the tour again");
  EXPECT_TRUE(lldb.run("tour status").ok);
  expectUsable();
}

TEST_F(ErrorPaths, AnExitedProcess) {
  selectToy();
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(lldb.run("tour next").ok);
  const std::string expected = "the program has exited (status 0): type 'tour start " + kTour + "' to take the tour again";
  EXPECT_EQ(fails("tour next").err, expected);
  EXPECT_EQ(fails("tour goto 2").err, expected);
  EXPECT_EQ(fails("tour show").err, "the program is not at a tour stop: it exited with status 0. Type "
                                    "'tour status' for the tour's state");
  Reply status = lldb.run("tour status");
  EXPECT_NE(status.out.find("Reached: 4"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("Process: exited with status 0"), std::string::npos) << status.out;
  Reply again = lldb.run("tour start " + kTour); // restarts cleanly
  ASSERT_TRUE(again.ok) << again.all();
  EXPECT_TRUE(showsStop(again.out, "1/4", "The number of steps comes from the command line", 29));
  expectUsable();
}

TEST_F(ErrorPaths, TheTargetDeletedUnderTheTour) {
  selectToy();
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.runAndWait("process kill").ok);
  ASSERT_TRUE(lldb.run("target delete 0").ok);
  EXPECT_EQ(fails("tour next").err, "the tour's target was deleted, so the tour was ended: start again "
                                    "with 'tour start FILE'");
  EXPECT_EQ(fails("tour status").err, kNoTour);
  expectUsable();
}

} // namespace
