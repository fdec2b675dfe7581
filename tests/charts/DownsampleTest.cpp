#include "tourguide/charts/Downsample.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace tourguide::charts;

namespace {

std::vector<Point> ramp(size_t n) {
  std::vector<Point> points;
  for (size_t i = 0; i < n; ++i)
    points.push_back({static_cast<double>(i), static_cast<double>(i % 7)});
  return points;
}

TEST(Downsample, ShortInputIsUnchanged) {
  std::vector<Point> points = ramp(40);
  EXPECT_EQ(downsampleMinMax(points, 0, 39, 10).size(), 40u);
}

TEST(Downsample, KeepsAtMostFourPointsPerColumnInOrder) {
  std::vector<Point> points = ramp(100000);
  std::vector<Point> kept = downsampleMinMax(points, 0, 99999, 50);
  EXPECT_LE(kept.size(), 200u);
  EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end(),
                             [](const Point &a, const Point &b) { return a.x < b.x; }));
  EXPECT_EQ(kept.front().x, 0);
  EXPECT_EQ(kept.back().x, 99999);
}

TEST(Downsample, KeepsASingleSpikeAndDip) {
  std::vector<Point> points = ramp(100000);
  points[31337].y = 1000;
  points[4242].y = -1000;
  std::vector<Point> kept = downsampleMinMax(points, 0, 99999, 20);
  auto has = [&](double y) {
    return std::any_of(kept.begin(), kept.end(), [&](const Point &p) { return p.y == y; });
  };
  EXPECT_TRUE(has(1000));
  EXPECT_TRUE(has(-1000));
}

} // namespace

namespace {

TEST(JoinDistance, BreaksAtAHoleInAnEvenlySpacedSeries) {
  // Steps 0..99 and 300..399: a location paused for 200 steps.
  std::vector<Point> points;
  for (int x = 0; x < 100; ++x)
    points.push_back({static_cast<double>(x), 1});
  for (int x = 300; x < 400; ++x)
    points.push_back({static_cast<double>(x), 1});
  double join = joinDistance(points, 0, 399, 60);
  EXPECT_GE(join, 1);
  EXPECT_LT(join, 200);
}

TEST(JoinDistance, NeverBreaksAnEvenDenseSeriesEvenWhenDownsampled) {
  std::vector<Point> points = ramp(100000);
  double join = joinDistance(points, 0, 99999, 50);
  std::vector<Point> kept = downsampleMinMax(points, 0, 99999, 50);
  for (size_t i = 1; i < kept.size(); ++i)
    ASSERT_LE(kept[i].x - kept[i - 1].x, join) << i;
}

TEST(JoinDistance, TooFewPointsAreAlwaysJoined) {
  EXPECT_TRUE(std::isinf(joinDistance({{0, 1}, {100, 2}}, 0, 100, 10)));
}

} // namespace
