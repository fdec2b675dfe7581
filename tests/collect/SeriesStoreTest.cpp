#include "tourguide/collect/SeriesStore.h"

#include <gtest/gtest.h>

using tourguide::collect::CollectedSeries;
using tourguide::collect::kMaxPoints;
using tourguide::collect::SeriesSpec;

namespace {

CollectedSeries makeSeries(uint64_t every, std::string xExpr = "") {
  SeriesSpec spec;
  spec.name = "loss";
  spec.expr = "loss";
  spec.every = every;
  spec.xExpr = std::move(xExpr);
  return CollectedSeries(spec);
}

} // namespace

TEST(SeriesStore, ReadsPassesOneThenEveryKth) {
  CollectedSeries s = makeSeries(10);
  std::vector<uint64_t> read;
  for (int i = 0; i < 35; ++i)
    if (s.countPass())
      read.push_back(s.passes);
  EXPECT_EQ(read, (std::vector<uint64_t>{1, 11, 21, 31}));
}

TEST(SeriesStore, EveryZeroMeansEveryPass) {
  CollectedSeries s = makeSeries(0);
  EXPECT_TRUE(s.countPass());
  EXPECT_TRUE(s.countPass());
}

TEST(SeriesStore, XIsThePassNumberUnlessTheTourNamesOne) {
  CollectedSeries byPass = makeSeries(2);
  for (int i = 0; i < 5; ++i)
    if (byPass.countPass())
      byPass.add(i * 0.5, false, 0);
  EXPECT_EQ(byPass.x, (std::vector<double>{1, 3, 5}));
  EXPECT_EQ(byPass.y, (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(byPass.chart().xLabel, "pass");

  CollectedSeries byEpoch = makeSeries(1, "epoch");
  byEpoch.countPass();
  byEpoch.add(0.7, true, 12);
  EXPECT_EQ(byEpoch.x, (std::vector<double>{12}));
  EXPECT_EQ(byEpoch.chart().xLabel, "epoch");
}

TEST(SeriesStore, APausedSeriesKeepsItsAxisLabel) {
  CollectedSeries s = makeSeries(1);
  s.pauses = 1;
  EXPECT_EQ(s.chart().xLabel, "pass");
}

TEST(SeriesStore, MemoryIsBoundedByThinning) {
  CollectedSeries s = makeSeries(1);
  for (size_t i = 0; i < 3 * kMaxPoints; ++i)
    if (s.countPass())
      s.add(static_cast<double>(s.passes), false, 0);
  EXPECT_LE(s.y.size(), kMaxPoints);
  EXPECT_GE(s.y.size(), kMaxPoints / 2);
  EXPECT_EQ(s.stride, 4u);
  // Still spans the whole run, evenly: first pass kept, points in order, x = y here.
  EXPECT_EQ(s.x.front(), 1);
  EXPECT_GT(s.x.back(), 2.9 * kMaxPoints);
  for (size_t i = 1; i < s.x.size(); ++i)
    ASSERT_EQ(s.x[i] - s.x[i - 1], 4) << i;
  EXPECT_EQ(s.x, s.y);
}

TEST(SeriesStore, ClearStartsANewRun) {
  CollectedSeries s = makeSeries(3);
  s.countPass();
  s.add(1, false, 0);
  s.fail("no such variable");
  s.pauses = 2;
  s.clear();
  EXPECT_TRUE(s.y.empty());
  EXPECT_EQ(s.passes, 0u);
  EXPECT_EQ(s.readErrors, 0u);
  EXPECT_EQ(s.pauses, 0u);
  EXPECT_EQ(s.stride, 3u);
}
