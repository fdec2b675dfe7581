#include "tourguide/collect/SeriesCollection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>

using namespace tourguide::collect;

namespace {

SeriesSpec spec(const std::string &name, uint64_t every = 1, std::string x = "") {
  SeriesSpec s;
  s.name = name;
  s.expr = name;
  s.every = every;
  s.xExpr = std::move(x);
  return s;
}

/// A program whose variables hold fixed numbers; a name it does not know cannot be read.
struct FakeFrame {
  std::map<std::string, double> variables;
  int reads = 0;
  ReadValue reader() {
    return [this](const std::string &path, double &value, std::string &why) {
      ++reads;
      auto it = variables.find(path);
      if (it == variables.end()) {
        why = "is not in scope";
        return false;
      }
      value = it->second;
      return true;
    };
  }
};

BudgetLimits tightLimits() {
  BudgetLimits l;
  l.maxExtra = 0.25;
  l.allowanceSeconds = 0.0105; // ten traps of 1 ms, and a half
  l.trapSeconds = 0.001;
  return l;
}

} // namespace

TEST(SeriesCollection, ReadsPassOneThenEveryKthAndTakesXFromItsPath) {
  double now = 0;
  SeriesCollection c({}, [&] { return now; });
  size_t i = c.add(spec("loss", 3, "step"));
  c.shareBudget();
  FakeFrame frame{{{"loss", 0.5}, {"step", 7}}};
  for (int pass = 0; pass < 7; ++pass)
    c.pass(i, now, frame.reader());
  const CollectedSeries &s = c.series()[i];
  EXPECT_EQ(s.passes, 7u);
  EXPECT_EQ(s.y, (std::vector<double>{0.5, 0.5, 0.5})); // passes 1, 4, 7
  EXPECT_EQ(s.x, (std::vector<double>{7, 7, 7}));
  EXPECT_EQ(frame.reads, 6); // y and x on each pass read
}

TEST(SeriesCollection, SaysWhyAReadFailed) {
  double now = 0;
  SeriesCollection c({}, [&] { return now; });
  size_t expression = c.add(spec("a + b"));
  size_t missing = c.add(spec("gone"));
  size_t badX = c.add(spec("loss", 1, "epoch"));
  c.shareBudget();
  FakeFrame frame{{{"loss", 1.0}}};
  c.pass(expression, now, frame.reader());
  c.pass(missing, now, frame.reader());
  c.pass(badX, now, frame.reader());
  EXPECT_EQ(c.series()[expression].lastError, "'a + b' is not a variable path; collect reads variables only");
  EXPECT_EQ(c.series()[missing].lastError, "'gone' is not in scope");
  EXPECT_EQ(c.series()[badX].lastError, "x 'epoch' is not in scope");
  for (const CollectedSeries &s : c.series()) {
    EXPECT_EQ(s.readErrors, 1u);
    EXPECT_TRUE(s.y.empty());
  }
}

TEST(SeriesCollection, UnresolvedSeriesKeepsTheReason) {
  SeriesCollection c;
  size_t i = c.addUnresolved(spec("loss"), "no function 'train_step'");
  EXPECT_FALSE(c.series()[i].resolved);
  EXPECT_EQ(c.series()[i].why, "no function 'train_step'");
  EXPECT_FALSE(c.empty());
}

TEST(SeriesCollection, PausesALocationThatSpentItsShareAndRearmsItLater) {
  double now = 0;
  SeriesCollection c(tightLimits(), [&] { return now; });
  size_t i = c.add(spec("loss"));
  c.shareBudget();
  FakeFrame frame{{{"loss", 1.0}}};
  EXPECT_TRUE(c.resumed(false).empty());
  SeriesCollection::PassOutcome outcome;
  int passes = 0;
  while (!outcome.pause && passes < 100) {
    outcome = c.pass(i, now, frame.reader());
    ++passes;
  }
  EXPECT_TRUE(outcome.pause);
  EXPECT_EQ(passes, 11); // the allowance covers ten traps of 1 ms
  EXPECT_TRUE(c.series()[i].paused);
  EXPECT_EQ(c.series()[i].pauses, 1u);

  // The program runs on for a second of its own: a quarter of it pays for the traps again.
  now = 1.0;
  c.stopped();
  EXPECT_EQ(c.resumed(false), (std::vector<size_t>{i}));
  EXPECT_FALSE(c.series()[i].paused);
}

TEST(SeriesCollection, ClockSettlesAtTheLastPassWhenTheUserRanTheProgram) {
  double now = 10;
  SeriesCollection c({}, [&] { return now; });
  size_t i = c.add(spec("loss"));
  c.shareBudget();
  FakeFrame frame{{{"loss", 1.0}}};
  // The user's own `continue`: the first pass starts the clock, nothing stops it.
  c.pass(i, 10.0, frame.reader());
  now = 12.0;
  c.pass(i, 12.0, frame.reader());
  now = 50.0; // long after the program ended
  EXPECT_LT(c.ownSeconds(false), 2.0 + 1e-9);
  EXPECT_GT(c.ownSeconds(false), 1.9);
}

TEST(SeriesCollection, NewRunForgetsTheValues) {
  double now = 0;
  SeriesCollection c({}, [&] { return now; });
  size_t i = c.add(spec("loss"));
  c.shareBudget();
  FakeFrame frame{{{"loss", 2.0}}};
  c.pass(i, now, frame.reader());
  c.newRun();
  EXPECT_EQ(c.series()[i].passes, 0u);
  EXPECT_TRUE(c.series()[i].y.empty());
}

TEST(SeriesCollection, NewRunEnablesTheLocationsTheBudgetPaused) {
  // A restart (`tour start` again, a new process) begins with a fresh budget: a location paused
  // in the last run must be handed back to be enabled, or its breakpoint stays disabled and the
  // new run collects nothing there.
  double now = 0;
  SeriesCollection c(tightLimits(), [&] { return now; });
  size_t paused = c.add(spec("loss"));
  size_t running = c.add(spec("acc"));
  c.shareBudget();
  FakeFrame frame{{{"loss", 1.0}, {"acc", 0.5}}};
  c.resumed(false);
  SeriesCollection::PassOutcome outcome;
  for (int passes = 0; !outcome.pause && passes < 100; ++passes)
    outcome = c.pass(paused, now, frame.reader());
  ASSERT_TRUE(c.series()[paused].paused);
  ASSERT_FALSE(c.series()[running].paused);
  EXPECT_EQ(c.newRun(), (std::vector<size_t>{paused}));
  EXPECT_FALSE(c.series()[paused].paused);
  EXPECT_EQ(c.series()[paused].pauses, 0u);
  // The fresh budget lets it be read again at once.
  c.resumed(false);
  EXPECT_FALSE(c.pass(paused, now, frame.reader()).pause);
  EXPECT_EQ(c.series()[paused].y.size(), 1u);
}

TEST(SeriesCollection, SpecAndPlaceText) {
  tourguide::tours::Collect entry;
  entry.name = "loss";
  entry.expr = "loss";
  entry.label = "mean loss";
  entry.x = "step";
  entry.every = 0;
  SeriesSpec s = specOf(entry);
  EXPECT_EQ(s.every, 1u);
  EXPECT_EQ(s.xExpr, "step");
  EXPECT_EQ(s.label, "mean loss");
  EXPECT_EQ(placeText("/repo/src/train.c", 116, "main"), "train.c:116 in main");
  EXPECT_EQ(placeText("trainer.cpp", 9, "Trainer::train_epoch(data::DataLoader &)"),
            "trainer.cpp:9 in Trainer::train_epoch");
  EXPECT_EQ(placeText("a.c", 1, ""), "a.c:1");
}

TEST(SeriesCollection, BudgetOffInTheEnvironmentNeverPauses) {
  setenv("TOURGUIDE_COLLECT_BUDGET", "off", 1);
  EXPECT_TRUE(std::isinf(limitsFromEnvironment({}).allowanceSeconds));
  unsetenv("TOURGUIDE_COLLECT_BUDGET");
  EXPECT_EQ(limitsFromEnvironment({}).allowanceSeconds, BudgetLimits{}.allowanceSeconds);
}
