#include "tourguide/collect/CollectionBudget.h"

#include <gtest/gtest.h>

using tourguide::collect::BudgetLimits;
using tourguide::collect::CollectionBudget;

namespace {

BudgetLimits limits(double extra, double allowance, double trap) {
  BudgetLimits l;
  l.maxExtra = extra;
  l.allowanceSeconds = allowance;
  l.trapSeconds = trap;
  return l;
}

} // namespace

TEST(CollectionBudget, AllowanceCoversTheFirstPasses) {
  CollectionBudget b(limits(0.25, 0.0105, 0.001));
  b.resumed(0);
  for (int i = 0; i < 10; ++i)
    b.chargePass(0, 0);
  EXPECT_NEAR(b.addedSeconds(), 0.010, 1e-12);
  EXPECT_TRUE(b.allows(0, 0.010)); // within the allowance
  b.chargePass(0, 0);
  EXPECT_FALSE(b.allows(0, 0.011)); // one trap more, and the program itself has not run at all
}

TEST(CollectionBudget, OwnTimeIsRunningTimeMinusWhatWasAdded) {
  CollectionBudget b(limits(0.25, 0, 0.001));
  b.resumed(10.0);
  for (int i = 0; i < 100; ++i)
    b.chargePass(0, 0.0005);
  EXPECT_NEAR(b.addedSeconds(), 0.15, 1e-12);
  EXPECT_NEAR(b.ownSeconds(11.0), 0.85, 1e-12);
  // 0.15 added <= 0.25 * 0.85 = 0.2125: allowed.
  EXPECT_TRUE(b.allows(0, 11.0));
  // At 10.5 s the program has run 0.35 s of its own: 0.25 * 0.35 < 0.15.
  EXPECT_FALSE(b.allows(0, 10.5));
}

TEST(CollectionBudget, TimeStoppedAtATourStopDoesNotCount) {
  CollectionBudget b(limits(0.5, 0, 0.001));
  b.resumed(0);
  b.stopped(1.0);
  // Ten minutes at a stop, reading the annotation: the program did not run.
  EXPECT_NEAR(b.ownSeconds(600.0), 1.0, 1e-12);
  b.resumed(600.0);
  EXPECT_NEAR(b.ownSeconds(601.0), 2.0, 1e-12);
  b.stopped(601.0);
  b.stopped(700.0); // a second stop without a resume changes nothing
  EXPECT_NEAR(b.ownSeconds(800.0), 2.0, 1e-12);
}

TEST(CollectionBudget, ThePausedBudgetRecoversAsTheProgramRunsOn) {
  CollectionBudget b(limits(0.25, 0, 0.001));
  b.resumed(0);
  for (int i = 0; i < 500; ++i) // a hot loop: every trap is all the time that passes
    b.chargePass(0, 0);
  EXPECT_FALSE(b.allows(0, 0.5));
  // With the location paused, the program runs on without traps: 0.5 <= 0.25 * own once
  // own >= 2 s, i.e. at wall time 2.5 s.
  EXPECT_FALSE(b.allows(0, 2.49));
  EXPECT_TRUE(b.allows(0, 2.51));
}

TEST(CollectionBudget, TheBoundHoldsForAnyPassRate) {
  // Simulate a program whose passes are `gap` seconds of its own work apart, with a trap of
  // 1 ms, and a collector that traps only while allowed (paused until re-armed at each of
  // ten evenly spaced tour stops): the added time never exceeds the bound.
  for (double gap : {0.0, 1e-6, 1e-4, 1e-3, 1e-2}) {
    BudgetLimits l = limits(0.25, 0.05, 0.001);
    CollectionBudget b(l);
    double now = 0, own = 0;
    const double total = 2.0;
    b.resumed(now);
    bool armed = true;
    double nextStop = total / 10;
    while (own < total) {
      own += gap > 0 ? gap : 1e-6;
      now += gap > 0 ? gap : 1e-6;
      if (own >= nextStop) {
        b.stopped(now);
        b.resumed(now);
        armed = b.allows(0, now);
        nextStop += total / 10;
      }
      if (armed) {
        now += l.trapSeconds;
        b.chargePass(0, 0);
        armed = b.allows(0, now);
      }
    }
    EXPECT_LE(now - own, l.maxExtra * own + l.allowanceSeconds + l.trapSeconds) << "gap " << gap;
  }
}

TEST(CollectionBudget, EachLocationHasItsShareSoARareOneIsNeverStarvedByAHotOne) {
  CollectionBudget b(limits(0.25, 0.1, 0.001), 2);
  b.resumed(0);
  // The hot location (0) traps until its half of the allowance is used up...
  int hot = 0;
  while (b.allows(0, 0.001 * hot)) {
    b.chargePass(0, 0);
    ++hot;
  }
  EXPECT_GE(hot, 50); // about 0.05 s of traps: its half of the allowance
  EXPECT_LE(hot, 51);
  // ...and the rare one (1) still may trap: 12 passes cost 0.012 s of its own 0.05 s.
  for (int epoch = 0; epoch < 12; ++epoch) {
    EXPECT_TRUE(b.allows(1, 0.06)) << epoch;
    b.chargePass(1, 0);
  }
  EXPECT_NEAR(b.addedSeconds(), 0.001 * hot + 0.012, 1e-9);
  EXPECT_FALSE(b.allows(2, 0.07)); // no such location
}
