// Series a chart must survive: empty, one point, flat, NaN/Inf only, tiny sizes.
#include "ChartText.h"
#include "tourguide/charts/TerminalChart.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace tourguide::charts;
using namespace tourguide::charts::testing;

namespace {

ChartStyle ascii() {
  ChartStyle style;
  style.unicode = false;
  style.width = 30;
  style.height = 5;
  return style;
}

size_t stars(const std::string &text) { return std::count(text.begin(), text.end(), '*'); }

TEST(ChartEdgeCases, EmptySeriesSaysThereIsNothingYet) {
  EXPECT_EQ(renderChart(Series{"loss", {}, {}, "step"}, ascii()),
            "loss: no values yet\n(nothing to draw yet)\n");
}

TEST(ChartEdgeCases, OnlyNaNAndInfAreCountedNotDrawn) {
  Series bad{"loss", {}, {NAN, INFINITY, -INFINITY}, "step"};
  EXPECT_EQ(renderChart(bad, ascii()),
            "loss: no finite values yet\n(nothing to draw yet)\n"
            "(3 values skipped: NaN or Inf)\n");
}

TEST(ChartEdgeCases, OnePointIsOneDotInTheMiddle) {
  std::string chart = renderChart(Series{"acc", {7}, {0.5}, "epoch"}, ascii());
  std::vector<std::string> lines = splitLines(chart);
  EXPECT_EQ(lines[0], "acc: last 0.5, 1 point");
  ASSERT_EQ(stars(chart), 1u) << chart;
  // The one x label sits under the one dot, in the middle of the 24 plot columns.
  size_t dotLine = 1;
  while (lines[dotLine].find('*') == std::string::npos)
    ++dotLine;
  size_t plotStart = lines[dotLine].find('+') + 1;
  EXPECT_EQ(lines[dotLine].find('*') - plotStart, 11u) << chart;
  EXPECT_EQ(lines[7].find('7'), lines[dotLine].find('*')) << chart;
  EXPECT_EQ(lines[dotLine].substr(0, plotStart), "0.50 +");
}

TEST(ChartEdgeCases, TwoPointsAreJoinedAcrossEveryColumn) {
  std::string chart = renderChart(Series{"lr", {}, {0.1, 0.2}, "step"}, ascii());
  std::vector<std::string> lines = splitLines(chart);
  const std::string &axis = lines[6];
  ASSERT_EQ(axis.substr(0, 7), "      +") << chart;
  size_t columns = axis.size() - 7;
  EXPECT_EQ(columns, 23u);
  EXPECT_EQ(stars(chart), columns) << chart;
}

TEST(ChartEdgeCases, ConstantSeriesIsOneFlatRowWithTicksAroundIt) {
  std::string chart = renderChart(Series{"lr", {}, {0.01, 0.01, 0.01, 0.01}, "step"}, ascii());
  std::vector<std::string> lines = splitLines(chart);
  size_t rowsWithStars = std::count_if(lines.begin(), lines.end(),
                                       [](const std::string &l) { return stars(l) > 0; });
  EXPECT_EQ(rowsWithStars, 1u) << chart;
  EXPECT_EQ(lines[3], "0.010 +" + std::string(23, '*')) << chart;
  EXPECT_EQ(lines[1], "0.020 +") << chart;
  EXPECT_EQ(lines[5], "0.000 +") << chart;
}

TEST(ChartEdgeCases, ConstantZeroGetsAnAxisAroundZero) {
  std::string chart = renderChart(Series{"z", {}, {0, 0}, "step"}, ascii());
  EXPECT_NE(chart.find("\n 0.0 +***"), std::string::npos) << chart;
  EXPECT_NE(chart.find("\n 1.0 +"), std::string::npos) << chart;
  EXPECT_NE(chart.find("\n-1.0 +"), std::string::npos) << chart;
}

TEST(ChartEdgeCases, XOfTheWrongSizeFallsBackToPositions) {
  std::string chart = renderChart(Series{"v", {100}, {1, 2, 3}, "step"}, ascii());
  EXPECT_NE(chart.find("min 1 at step 0, 3 points"), std::string::npos) << chart;
}

TEST(ChartEdgeCases, TinyStylesStillDrawSomething) {
  ChartStyle tiny = ascii();
  tiny.width = 1;
  tiny.height = 0;
  std::string chart = renderChart(Series{"v", {}, {3, 1, 2}, "step"}, tiny);
  EXPECT_GE(splitLines(chart).size(), 1u + 3u + 2u) << chart; // at least 3 plot rows
  EXPECT_GT(stars(chart), 0u) << chart;
}

TEST(ChartEdgeCases, HugeMagnitudesDoNotOverflow) {
  Series wide{"v", {}, {-1e308, 1e308}, "step"};
  std::string chart = renderChart(wide, ascii());
  EXPECT_GT(stars(chart), 0u) << chart;
  EXPECT_NE(chart.find("e308"), std::string::npos) << chart;
}

TEST(ChartEdgeCases, UnnamedSeriesIsCalledSeries) {
  EXPECT_EQ(splitLines(renderChart(Series{"", {}, {1}, "step"}, ascii()))[0],
            "series: last 1, 1 point");
}

} // namespace
