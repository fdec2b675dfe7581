// Plays the toy program's tour in a real, in-process LLDB and checks every stop: order,
// title, marked source line and the values shown (which toy.c makes known in advance).
#include "LldbSession.h"
#include "TourTestSupport.h"

#include <gtest/gtest.h>

using namespace tourguide::testing;

namespace {

const std::string kTour = TG_TOY_TOUR;

class ToyTour : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    // The tour's program.path (build/toy) names a standalone build; select the built one.
    ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  }
  size_t tourBreakpoints() {
    lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
    lldb::SBBreakpointList list(target);
    target.FindBreakpointsByName("tourguide", list);
    return list.GetSize();
  }
  LldbSession lldb;
};

TEST_F(ToyTour, WalksEveryStopInOrderWithValuesAndEndsWithASummary) {
  Reply r = lldb.run("tour start " + kTour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("Tour: The toy training loop"), std::string::npos) << r.out;
  EXPECT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));
  EXPECT_TRUE(watchShows(r.out, "argc", "2"));
  EXPECT_TRUE(watchShows(r.out, "steps", "1000"));  // the tour's argument reached the program
  EXPECT_TRUE(watchShows(r.out, "mode", "tour"));   // and so did its environment
  EXPECT_NE(r.out.find("tour next"), std::string::npos) << r.out;

  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "2/4", "The loss averages the batch", 20));
  EXPECT_TRUE(watchShows(r.out, "b->size", "4"));
  // hit 3 = the third call = step 2: x = {2, 2.5, 3, 3.5}. The statistics come first, so
  // they are what an 80-column line keeps.
  EXPECT_TRUE(watchShows(r.out, "inputs", "size=4 float32 min=2 max=3.5 mean=2.75 std=0.559017"));

  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "3/4", "The loss is added to the total", 34));
  EXPECT_TRUE(watchShows(r.out, "step", "2"));
  EXPECT_TRUE(watchShows(r.out, "loss", "2.75"));
  EXPECT_TRUE(watchShows(r.out, "total", "2.5"));

  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "4/4", "The total is printed", 38));
  EXPECT_TRUE(watchShows(r.out, "total", "500250"));
  EXPECT_NE(r.out.find("This is the last stop"), std::string::npos) << r.out;

  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("The program exited with status 0."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 of 4 stops reached"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Never reached"), std::string::npos) << r.out;
}

TEST_F(ToyTour, AStopInsideALoopTrapsOnlyOnTheHitItNames) {
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(lldb.run("tour next").ok);
  // The loop ran 1000 times; the tour's breakpoints trapped only as often as the tour asked.
  lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
  lldb::SBBreakpointList list(target);
  target.FindBreakpointsByName("tourguide", list);
  ASSERT_EQ(list.GetSize(), 4u);
  EXPECT_EQ(list.GetBreakpointAtIndex(0).GetHitCount(), 1u); // setup
  EXPECT_EQ(list.GetBreakpointAtIndex(1).GetHitCount(), 3u); // loss_of, hit 3
  // Inside the loop: its stop, plus one refused overtake while loss_of counted to its hit
  // (later stops are armed too, and a later stop may not overtake a stop whose line runs).
  EXPECT_EQ(list.GetBreakpointAtIndex(2).GetHitCount(), 2u);
  EXPECT_EQ(list.GetBreakpointAtIndex(3).GetHitCount(), 1u); // report
}

TEST_F(ToyTour, ShowListStatusDescribeTheTour) {
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  Reply show = lldb.run("tour show");
  ASSERT_TRUE(show.ok) << show.all();
  EXPECT_TRUE(showsStop(show.out, "1/4", "The number of steps comes from the command line", 29));
  EXPECT_TRUE(watchShows(show.out, "steps", "1000"));

  EXPECT_EQ(show.out.find("moved on"), std::string::npos) << show.out;
  // After the user steps, `tour show` says the values are read where the program is now.
  ASSERT_TRUE(lldb.runAndWait("thread step-over").ok);
  show = lldb.run("tour show");
  ASSERT_TRUE(show.ok) << show.all();
  EXPECT_EQ(show.out.rfind("(The program has moved on since this stop", 0), 0u) << show.out;
  EXPECT_NE(show.out.find("1/4 setup: The number of steps comes from the command line"), std::string::npos)
      << show.out;
  EXPECT_EQ(show.out.find("> 29 |"), std::string::npos) << show.out; // the source follows the program

  Reply list = lldb.run("tour list");
  ASSERT_TRUE(list.ok) << list.all();
  EXPECT_NE(list.out.find("main, toy.c:29, 1 location (by function + pattern)"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("loss_of, toy.c:20, 1 location (by function), hit 3"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("main, toy.c:34, 1 location (by file + pattern)"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("-> 1/4  setup  [setup]"), std::string::npos) << list.out;

  Reply status = lldb.run("tour status");
  ASSERT_TRUE(status.ok) << status.all();
  EXPECT_NE(status.out.find("Current stop: 1/4 setup"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("Reached: 1\n"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("Not yet reached: 3 (loss, accumulate, report)"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("Unresolved: 0"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("Process: stopped"), std::string::npos) << status.out;
}

TEST_F(ToyTour, EndRemovesOnlyTheToursBreakpointsAndKeepsTheProcess) {
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.run("breakpoint set -n fill").ok);
  lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
  ASSERT_EQ(target.GetNumBreakpoints(), 5u);
  Reply end = lldb.run("tour end");
  ASSERT_TRUE(end.ok) << end.all();
  EXPECT_EQ(end.out, "Tour 'The toy training loop' ended: removed its 4 breakpoints. Your own "
                     "breakpoints and the process are left as they are.\n");
  ASSERT_EQ(target.GetNumBreakpoints(), 1u);
  EXPECT_STREQ(target.GetBreakpointAtIndex(0).GetLocationAtIndex(0).GetAddress().GetFunction().GetName(), "fill");
  EXPECT_EQ(target.GetProcess().GetState(), lldb::eStateStopped);
  // The user's own debugging goes on: their breakpoint stops the program.
  Reply cont = lldb.runAndWait("continue");
  EXPECT_TRUE(cont.ok) << cont.all();
  EXPECT_STREQ(target.GetProcess().GetSelectedThread().GetFrameAtIndex(0).GetFunctionName(), "fill");
  EXPECT_EQ(lldb.run("tour status").err, "no tour is active: start one with 'tour start FILE'");
}

TEST_F(ToyTour, AUserBreakpointOnTheWayIsReportedAndTheTourGoesOn) {
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.run("breakpoint set -n fill").ok);
  Reply r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("before reaching stop 2/4 'loss'. This is not a tour stop"), std::string::npos) << r.out;
  ASSERT_TRUE(lldb.run("breakpoint delete --force 5").ok);
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "2/4", "The loss averages the batch", 20));
}

TEST_F(ToyTour, StartFromAndGotoSkipAhead) {
  Reply r = lldb.run("tour start --from accumulate " + kTour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("Starting at stop 3/4 'accumulate'"), std::string::npos) << r.out;
  EXPECT_TRUE(showsStop(r.out, "3/4", "The loss is added to the total", 34));
  EXPECT_TRUE(watchShows(r.out, "loss", "0.75")); // step 0
  r = lldb.run("tour goto 4");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "4/4", "The total is printed", 38));
  r = lldb.run("tour goto setup");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "stop 1/4 'setup' is not ahead of the current stop 4/4: a program cannot run "
                   "backwards. Use 'tour start --from setup FILE' to run the tour again from there");
  Reply status = lldb.run("tour status");
  EXPECT_NE(status.out.find("Not yet reached: 0\nSkipped: 2 (setup, loss)\n"), std::string::npos) << status.out;
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("2 of 4 stops reached"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Skipped with 'tour goto' or 'tour start --from':\n  1/4 setup\n  2/4 loss\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("Never reached"), std::string::npos) << r.out;
}

TEST_F(ToyTour, AbbreviatedSubcommandsWork) {
  Reply r = lldb.run("tour star " + kTour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));
  r = lldb.run("tour n");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "2/4", "The loss averages the batch", 20));
  EXPECT_TRUE(lldb.run("tour l").ok);
  EXPECT_TRUE(lldb.run("tour sh").ok);
  r = lldb.run("tour g report");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "4/4", "The total is printed", 38));
  EXPECT_FALSE(lldb.run("tour e").ok); // ambiguous since `tour edit`, as `tour s` is
  EXPECT_TRUE(lldb.run("tour en").ok);
}

TEST_F(ToyTour, EndingsKillAndStartAgainRestartCleanly) {
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.runAndWait("process kill").ok);
  Reply r = lldb.run("tour next");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.err.find("type 'tour start " + kTour + "' to take the tour again"), std::string::npos) << r.err;
  Reply status = lldb.run("tour status");
  ASSERT_TRUE(status.ok) << status.all();
  r = lldb.run("tour start " + kTour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));
  EXPECT_EQ(tourBreakpoints(), 4u); // the old tour's breakpoints were replaced, not added to
}

TEST_F(ToyTour, TheProgramRestartedByTheUserRestartsTheTour) {
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.run("tour next").ok);
  ASSERT_TRUE(lldb.runAndWait("process kill").ok);
  ASSERT_TRUE(lldb.runAndWait("process launch --stop-at-entry -- 1000").ok);
  Reply r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("The program was restarted outside the tour"), std::string::npos) << r.out;
  EXPECT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));
  EXPECT_TRUE(watchShows(r.out, "steps", "1000"));
}

TEST_F(ToyTour, WatchExpressionsRunOnlyWithTrust) {
  const std::string tour = std::string(TG_TEST_TOURS) + "/trust.json";
  Reply r = lldb.run("tour start " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(watchShows(r.out, "steps", "1000"));
  std::string refused = watchLine(r.out, "twice");
  EXPECT_FALSE(refused.empty()) << r.out;
  EXPECT_EQ(refused.find("2000"), std::string::npos) << refused;
  ASSERT_TRUE(lldb.run("tour end").ok);
  ASSERT_TRUE(lldb.runAndWait("process kill").ok);
  r = lldb.run("tour start --trust " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(watchShows(r.out, "twice", "2000"));
}

TEST_F(ToyTour, ACrashBeforeTheEndSaysWhichStopsWereNeverReached) {
  Reply r = lldb.run("tour start " + std::string(TG_TEST_TOURS) + "/crash.json");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(watchShows(r.out, "steps", "-1"));
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("The program crashed: stopped at toy.c:37"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 of 2 stops reached"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Never reached:\n  2/2 report (Never printed)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("A stop is not reached when the program crashed before getting there"), std::string::npos)
      << r.out;
  // The crashed process is still there for the user to inspect; `tour start` restarts cleanly.
  EXPECT_TRUE(lldb.run("bt").ok);
  ASSERT_TRUE(lldb.runAndWait("process kill").ok);
  r = lldb.run("tour start " + kTour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));
}

TEST_F(ToyTour, StartContinuesAProcessThatAlreadyRuns) {
  ASSERT_TRUE(lldb.runAndWait("process launch --stop-at-entry -- 1000").ok);
  lldb::SBProcess process = lldb.debugger().GetSelectedTarget().GetProcess();
  ASSERT_EQ(process.GetState(), lldb::eStateStopped);
  Reply r = lldb.run("tour start " + kTour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("Continuing the running program."), std::string::npos) << r.out;
  EXPECT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));
  EXPECT_EQ(lldb.debugger().GetSelectedTarget().GetProcess().GetProcessID(), process.GetProcessID());
}

TEST_F(ToyTour, AStopReachedBeforeItsTurnDoesNotDerailTheTour) {
  // Stop 2's line runs before stop 1's: the tour shows stop 2 first, keeps stop 1 armed, and
  // shows it when the loop gets there.
  Reply r = lldb.run("tour start " + std::string(TG_TEST_TOURS) + "/out_of_order.json");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("The program reached stop 2/2 before stop 1/2 'accumulate': they stay armed, "
                       "and 'tour next' shows them when the program gets there.\n"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(showsStop(r.out, "2/2", "Before the loop", 29));
  EXPECT_NE(r.out.find("Type 'tour next' to run to stop 1/2 (Inside the loop)."), std::string::npos) << r.out;
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "1/2", "Inside the loop", 34));
  EXPECT_TRUE(watchShows(r.out, "step", "0"));
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("The program exited with status 0."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 of 2 stops reached"), std::string::npos) << r.out;
}

TEST_F(ToyTour, AStopOnAPathNotTakenDoesNotHoldUpTheRest) {
  // Stop 2 is on the crash path, which a run with 1000 steps never takes: stop 3 still comes.
  Reply r = lldb.run("tour start " + std::string(TG_TEST_TOURS) + "/optional_path.json");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "1/3", "Before the loop", 29));
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("The program reached stop 3/3 before stop 2/3 'crash'"), std::string::npos)
      << r.out;
  EXPECT_TRUE(showsStop(r.out, "3/3", "The total is printed", 38));
  EXPECT_TRUE(watchShows(r.out, "total", "500250"));
  r = lldb.run("tour next");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("2 of 3 stops reached"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Never reached:\n  2/3 crash (Only with a negative step count)\n"),
            std::string::npos)
      << r.out;
}

TEST_F(ToyTour, StartAgainMidTourRestartsTheProgramFromTheBeginning) {
  ASSERT_TRUE(lldb.run("tour start " + kTour).ok);
  ASSERT_TRUE(lldb.run("tour next").ok);
  lldb::pid_t before = lldb.debugger().GetSelectedTarget().GetProcess().GetProcessID();
  Reply r = lldb.run("tour start " + kTour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("Restarting the program from the beginning."), std::string::npos) << r.out;
  EXPECT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));
  EXPECT_TRUE(watchShows(r.out, "steps", "1000"));
  EXPECT_NE(lldb.debugger().GetSelectedTarget().GetProcess().GetProcessID(), before);
  EXPECT_EQ(tourBreakpoints(), 4u);
  Reply status = lldb.run("tour status");
  EXPECT_NE(status.out.find("Reached: 1\n"), std::string::npos) << status.out;
}

TEST_F(ToyTour, HelpTextsHaveASyntaxLine) {
  for (const char *sub : {"start", "next", "show", "list", "goto", "status", "end"}) {
    Reply r = lldb.run(std::string("help tour ") + sub);
    ASSERT_TRUE(r.ok) << sub << ": " << r.all();
    EXPECT_NE(r.out.find("Syntax: tour " + std::string(sub)), std::string::npos) << r.out;
  }
}

} // namespace
