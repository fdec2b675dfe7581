// Axis ticks: round steps, 3-5 of them, covering the data; labels in one style.
#include "tourguide/charts/Ticks.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tourguide::charts;

namespace {

TEST(Ticks, RoundStepsThatCoverTheData) {
  Ticks t = niceTicks(0.27, 2.6);
  EXPECT_EQ(t.values, (std::vector<double>{0, 1, 2, 3}));
  t = niceTicks(0.5, 0.9);
  EXPECT_DOUBLE_EQ(t.step, 0.1);
  EXPECT_DOUBLE_EQ(t.low, 0.5);
  EXPECT_DOUBLE_EQ(t.high, 0.9);
  t = niceTicks(0.45, 0.9);
  EXPECT_DOUBLE_EQ(t.step, 0.2);
  EXPECT_DOUBLE_EQ(t.low, 0.4);
  EXPECT_DOUBLE_EQ(t.high, 1.0);
}

TEST(Ticks, ZeroWidthRangesArePadded) {
  Ticks t = niceTicks(5, 5);
  EXPECT_LT(t.low, 5);
  EXPECT_GT(t.high, 5);
  t = niceTicks(0, 0);
  EXPECT_EQ(t.values.front(), -1);
  EXPECT_EQ(t.values.back(), 1);
}

TEST(Ticks, NonFiniteInputGivesUnitAxis) {
  Ticks t = niceTicks(NAN, 1);
  EXPECT_EQ(t.values, (std::vector<double>{0, 1}));
}

TEST(Ticks, ThreeToFiveTicksForManyRanges) {
  const double starts[] = {-1234.5, -3, -0.01, 0, 1e-7, 0.3, 17, 99999};
  const double widths[] = {1e-9, 1e-4, 0.07, 0.9, 1, 3.3, 41, 1e5, 7e8};
  for (double start : starts)
    for (double width : widths) {
      Ticks t = niceTicks(start, start + width, 5);
      EXPECT_GE(t.values.size(), 3u) << start << " + " << width;
      EXPECT_LE(t.values.size(), 5u) << start << " + " << width;
      // Covered up to rounding: a millionth of a step is far below one dot.
      double slack = t.step * 1e-6;
      EXPECT_LE(t.low, start + slack) << start << " + " << width;
      EXPECT_GE(t.high, start + width - slack) << start << " + " << width;
    }
}

TEST(Ticks, LabelsUseTheDecimalsTheStepNeeds) {
  EXPECT_EQ(tickLabels(niceTicks(0, 1)),
            (std::vector<std::string>{"0.00", "0.25", "0.50", "0.75", "1.00"}));
  EXPECT_EQ(tickLabels(niceTicks(0, 30)), (std::vector<std::string>{"0", "10", "20", "30"}));
  EXPECT_EQ(tickLabels(niceTicks(-0.5, 0.5)),
            (std::vector<std::string>{"-0.50", "-0.25", "0.00", "0.25", "0.50"}));
}

TEST(Ticks, SmallAndLargeNumbersUseShortScientific) {
  EXPECT_EQ(tickLabels(niceTicks(1e-3, 2e-3)),
            (std::vector<std::string>{"1e-3", "1.25e-3", "1.5e-3", "1.75e-3", "2e-3"}));
  EXPECT_EQ(tickLabels(niceTicks(0, 3e6)), (std::vector<std::string>{"0", "1e6", "2e6", "3e6"}));
}

} // namespace
