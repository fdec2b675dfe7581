#include "ChartText.h"
#include "tourguide/charts/TerminalChart.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tourguide::charts;
using namespace tourguide::charts::testing;

namespace {

TEST(Sparkline, EightLevelsFromLowToHigh) {
  EXPECT_EQ(renderSparkline({1, 2, 3, 4, 5, 6, 7, 8}, 20), "▁▂▃▄▅▆▇█");
}

TEST(Sparkline, FlatSeriesSitsInTheMiddle) { EXPECT_EQ(renderSparkline({2, 2, 2}, 10), "▄▄▄"); }

TEST(Sparkline, NonFiniteValuesAreGaps) {
  EXPECT_EQ(renderSparkline({0, NAN, 1, INFINITY}, 10), "▁ █ ");
}

TEST(Sparkline, LongSeriesIsAveragedToTheWidth) {
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i)
    values.push_back(i);
  std::string line = renderSparkline(values, 16);
  EXPECT_EQ(columnsOf(line), 16u);
  EXPECT_EQ(line.substr(0, 3), "▁");
  EXPECT_EQ(line.substr(line.size() - 3), "█");
}

TEST(Sparkline, EmptyInputOrZeroWidthIsEmpty) {
  EXPECT_EQ(renderSparkline({}, 10), "");
  EXPECT_EQ(renderSparkline({1, 2}, 0), "");
}

} // namespace
