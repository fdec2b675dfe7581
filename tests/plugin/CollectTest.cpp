// Collected series (a tour's `collect`) in a real, in-process LLDB on programs/collect: the
// values read at each sampled pass, every-k sampling, x from a counter, the budget pausing a
// hot location and re-arming it, failed reads, unresolved anchors, a stop and a series on
// the same line, and `tour end` removing the collection's breakpoints.
#include "LldbSession.h"
#include "TourTestSupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

using namespace tourguide::testing;

namespace {

using Point = PlotPoint;

/// The points of `tour plot --values NAME` output.
inline std::vector<Point> parseValues(const std::string &text) { return plottedPoints(text); }

class Collect : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    ASSERT_TRUE(lldb.run(std::string("target create ") + TG_COLLECT_EXE).ok);
  }
  void TearDown() override { std::remove(tourPath.c_str()); }

  /// Writes a tour for programs/collect with `args`, the given stops and top-level collect.
  std::string writeTour(const std::string &args, const std::string &stops, const std::string &collect) {
    tourPath = ::testing::TempDir() + "collect_" + std::to_string(getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json";
    std::ofstream(tourPath) << R"({"version": 1, "title": "Collected series", "program": {"path": ")"
                            << TG_COLLECT_EXE << R"(", "args": [)" << args << R"(]},
      "stops": [)" << stops << R"(], "collect": [)" << collect << "]}";
    return tourPath;
  }

  size_t breakpointsNamed(const char *name) {
    lldb::SBTarget target = lldb.debugger().GetSelectedTarget();
    lldb::SBBreakpointList list(target);
    target.FindBreakpointsByName(name, list);
    return list.GetSize();
  }

  /// Plays the tour from `tour start` to the program's end; returns everything printed.
  std::string playToEnd(const std::string &tour) {
    Reply r = lldb.run("tour start " + tour);
    EXPECT_TRUE(r.ok) << r.all();
    std::string all = r.all();
    for (int i = 0; i < 10 && all.find("Type 'tour start") == std::string::npos; ++i) {
      r = lldb.run("tour next");
      all += r.all();
    }
    return all;
  }

  LldbSession lldb;
  std::string tourPath;
};

const char *kSetupStop =
    R"({"id": "setup", "stage": "setup", "title": "Setup", "text": "t",
        "anchor": {"function": "main", "pattern": "int step = 0;"}})";

TEST_F(Collect, ReadsEveryPassWithTheCounterAsX) {
  std::string tour = writeTour(R"("1", "50", "0")", kSetupStop,
                               R"({"name": "loss", "expr": "loss", "x": "step",
                                   "anchor": {"function": "main", "pattern": "sum += loss;"}})");
  std::string all = playToEnd(tour);
  EXPECT_NE(all.find("Collecting without stopping the program: loss at collect.c:25 in main (every pass)"),
            std::string::npos) << all;
  EXPECT_NE(all.find("The program exited with status 0."), std::string::npos) << all;
  Reply r = lldb.run("tour plot --values loss");
  ASSERT_TRUE(r.ok) << r.all();
  std::vector<Point> points = parseValues(r.out);
  ASSERT_EQ(points.size(), 50u) << r.out;
  for (size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].x, static_cast<double>(i)) << r.out;
    EXPECT_NEAR(points[i].y, 1.0 / (i + 1), 1e-7) << "step " << i;
  }
  EXPECT_NE(all.find("Collected: loss 50 points"), std::string::npos) << all;
}

TEST_F(Collect, EveryKReadsPassesOneThenEveryKth) {
  std::string tour = writeTour(R"("1", "50", "0")", kSetupStop,
                               R"({"name": "loss", "expr": "loss", "every": 7,
                                   "anchor": {"function": "main", "pattern": "sum += loss;"}})");
  playToEnd(tour);
  Reply r = lldb.run("tour plot --values loss");
  std::vector<Point> points = parseValues(r.out);
  // Passes 1, 8, 15, 22, 29, 36, 43, 50: x is the pass number, and pass p is step p - 1.
  ASSERT_EQ(points.size(), 8u) << r.out;
  for (size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].x, 1.0 + 7.0 * i) << r.out;
    EXPECT_NEAR(points[i].y, 1.0 / points[i].x, 1e-7) << r.out;
  }
  r = lldb.run("tour plot loss");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("loss: `loss` at collect.c:25 in main, every 7 passes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pass"), std::string::npos) << r.out; // the x axis label
  EXPECT_NE(r.out.find("0.02 (pass 50)"), std::string::npos) << r.out; // the last value
}

TEST_F(Collect, TheBudgetPausesAHotLocationAndAnotherLocationReArmsIt) {
  // 4 epochs of 2000 steps: a trap per step would add about 8000 x 0.5 ms = 4 s to a program
  // that runs for well under a second on its own.
  std::string tour = writeTour(R"("4", "2000", "20000")", kSetupStop,
                               R"({"name": "loss", "expr": "loss", "x": "step",
                                   "anchor": {"function": "main", "pattern": "sum += loss;"}},
                                  {"name": "score", "expr": "score", "x": "epoch",
                                   "anchor": {"function": "main", "pattern": "printf(\"epoch %d score"}})");
  std::string all = playToEnd(tour);
  EXPECT_NE(all.find("The program exited with status 0."), std::string::npos) << all;
  Reply r = lldb.run("tour plot --values loss");
  std::vector<Point> loss = parseValues(r.out);
  ASSERT_GT(loss.size(), 50u) << r.out;
  ASSERT_LT(loss.size(), 8000u) << r.out;
  // Every point is the right value for its step, and steps only go forward.
  std::vector<size_t> perEpoch(4, 0);
  for (size_t i = 0; i < loss.size(); ++i) {
    EXPECT_NEAR(loss[i].y, 1.0 / (loss[i].x + 1), 1e-9 + 1e-7 * loss[i].y) << loss[i].x;
    if (i) {
      EXPECT_GT(loss[i].x, loss[i - 1].x);
    }
    ++perEpoch.at(static_cast<size_t>(loss[i].x) / 2000);
  }
  // Paused in the first epoch, re-armed by the per-epoch location in later ones.
  EXPECT_GT(perEpoch[0], 0u);
  EXPECT_GT(perEpoch[1] + perEpoch[2] + perEpoch[3], 0u);
  r = lldb.run("tour plot loss");
  EXPECT_NE(r.out.find("to bound the slowdown"), std::string::npos) << r.out;
  EXPECT_NE(lineWith(all, "Collected: loss").find("paused"), std::string::npos) << all;
  // The per-epoch series is complete and exact.
  std::vector<Point> score = parseValues(lldb.run("tour plot --values score").out);
  ASSERT_EQ(score.size(), 4u);
  for (size_t e = 0; e < 4; ++e) {
    EXPECT_EQ(score[e].x, e + 1.0);
    EXPECT_EQ(score[e].y, 10.0 * (e + 1));
  }
}

TEST_F(Collect, AStopAndASeriesOnTheSameLineBothWork) {
  std::string tour = writeTour(R"("3", "10", "0")", R"(
      {"id": "epoch-end", "stage": "metrics", "title": "The second epoch ends", "text": "t",
       "anchor": {"function": "main", "pattern": "printf(\"epoch %d score"}, "hit": 2,
       "watch": ["epoch", "score"],
       "collect": [{"name": "score", "expr": "score", "x": "epoch"}]})", "");
  Reply r = lldb.run("tour start " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_TRUE(showsStop(r.out, "1/1", "The second epoch ends", 30));
  EXPECT_TRUE(watchShows(r.out, "epoch", "2"));
  std::vector<Point> score = parseValues(lldb.run("tour plot --values score").out);
  ASSERT_EQ(score.size(), 2u); // epochs 1 and 2, the stop's own pass included
  EXPECT_EQ(score[1].y, 20.0);
  r = lldb.run("tour next");
  score = parseValues(lldb.run("tour plot --values score").out);
  ASSERT_EQ(score.size(), 3u) << r.all();
  EXPECT_EQ(score[2].x, 3.0);
}

TEST_F(Collect, FailedReadsAndUnresolvedAnchorsAreReportedNotFatal) {
  std::string tour = writeTour(R"("1", "5", "0")", kSetupStop,
                               R"({"name": "label", "expr": "name",
                                   "anchor": {"function": "main", "pattern": "sum += loss;"}},
                                  {"name": "ghost", "expr": "loss",
                                   "anchor": {"function": "no_such_function"}},
                                  {"name": "loss", "expr": "loss",
                                   "anchor": {"function": "main", "pattern": "sum += loss;"}})");
  std::string all = playToEnd(tour);
  EXPECT_NE(all.find("series 'ghost' is not collected"), std::string::npos) << all;
  Reply r = lldb.run("tour plot label");
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_NE(r.out.find("5 reads failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not a number"), std::string::npos) << r.out;
  EXPECT_EQ(parseValues(lldb.run("tour plot --values loss").out).size(), 5u);
  r = lldb.run("tour plot nothing");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.err.find("no series 'nothing' in this tour; its series are: label, ghost, loss"), std::string::npos)
      << r.err;
}

TEST_F(Collect, TourEndRemovesTheCollectionBreakpointsOnly) {
  ASSERT_TRUE(lldb.run("breakpoint set -n spin").ok); // the user's own
  std::string tour = writeTour(R"("1", "5", "0")", kSetupStop,
                               R"({"name": "loss", "expr": "loss",
                                   "anchor": {"function": "main", "pattern": "sum += loss;"}})");
  Reply r = lldb.run("tour start " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_EQ(breakpointsNamed("tourguide_collect"), 1u);
  Reply end = lldb.run("tour end");
  ASSERT_TRUE(end.ok) << end.all();
  EXPECT_NE(end.out.find("removed its 2 breakpoints"), std::string::npos) << end.out; // the stop's and the series'

  EXPECT_EQ(breakpointsNamed("tourguide_collect"), 0u);
  EXPECT_EQ(lldb.debugger().GetSelectedTarget().GetNumBreakpoints(), 1u);
}

TEST_F(Collect, ATourWithoutSeriesSaysSoForPlot) {
  std::string tour = writeTour(R"("1", "5", "0")", kSetupStop, "");
  ASSERT_TRUE(lldb.run("tour start " + tour).ok);
  Reply r = lldb.run("tour plot");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.err.find("this tour collects no series"), std::string::npos) << r.err;
}

} // namespace

namespace {

TEST_F(Collect, TourCheckResolvesTheSeriesToo) {
  std::string tour = writeTour(R"("1", "5", "0")", kSetupStop,
                               R"({"name": "loss", "expr": "loss",
                                   "anchor": {"function": "main", "pattern": "sum += loss;"}},
                                  {"name": "typo", "expr": "busy", "anchor": {"function": "spinn"}})");
  Reply r = lldb.run("tour check " + tour);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.out.find("ok  loss: function + pattern -> main at"), std::string::npos) << r.all();
  EXPECT_NE(r.out.find("error: series 'typo': function 'spinn' not found in the target; closest names: 'spin'"),
            std::string::npos) << r.all();
  EXPECT_NE(r.out.find("1 stops, 2 series: 2 ok, 0 warnings, 1 errors"), std::string::npos) << r.all();
}

} // namespace
