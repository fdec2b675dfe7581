// Properties of braille charts: size, characters used, continuity, colour, spikes kept.
#include "ChartText.h"
#include "tourguide/charts/TerminalChart.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace tourguide::charts;
using namespace tourguide::charts::testing;

namespace {

Series decayingLoss(size_t points) {
  Series loss{"loss", {}, {}, "step"};
  for (size_t i = 0; i < points; ++i) {
    loss.x.push_back(static_cast<double>(i));
    loss.y.push_back(2.3 * std::exp(-static_cast<double>(i) / 40.0) + 0.3);
  }
  return loss;
}

/// The plot rows: after the title, before the x axis.
std::vector<std::string> plotRows(const std::string &chart, unsigned height) {
  std::vector<std::string> lines = splitLines(chart);
  return {lines.begin() + 1, lines.begin() + 1 + height};
}

TEST(TerminalChartBraille, HasTheRequestedSize) {
  ChartStyle style; // 60 x 12
  std::string chart = renderChart(decayingLoss(200), style);
  std::vector<std::string> lines = splitLines(chart);
  ASSERT_EQ(lines.size(), 1u + style.height + 3u) << chart; // title, plot, axis, labels, name
  for (const std::string &line : lines)
    EXPECT_LE(columnsOf(line), style.width) << line;
  EXPECT_EQ(columnsOf(lines[style.height + 1]), style.width) << "the x axis spans the width";
}

TEST(TerminalChartBraille, UsesOnlyBrailleAndAxisCharacters) {
  ChartStyle style;
  for (const std::string &row : plotRows(renderChart(decayingLoss(200), style), style.height)) {
    std::vector<unsigned> cps = codepointsOf(row);
    size_t axis = row.find("┤") != std::string::npos ? row.find("┤") : row.find("│");
    ASSERT_NE(axis, std::string::npos) << row;
    for (unsigned cp : codepointsOf(row.substr(axis + 3)))
      EXPECT_TRUE(cp == ' ' || (cp >= 0x2801 && cp <= 0x28FF)) << std::hex << cp;
  }
}

TEST(TerminalChartBraille, AConnectedLineLeavesNoEmptyColumn) {
  ChartStyle style;
  std::vector<std::string> rows = plotRows(renderChart(decayingLoss(200), style), style.height);
  size_t plotStart = rows[0].find("┤") + 3;
  size_t columns = 0;
  for (const std::string &row : rows)
    columns = std::max(columns, codepointsOf(row.substr(plotStart)).size());
  ASSERT_GT(columns, 40u);
  for (size_t column = 0; column < columns; ++column) {
    bool used = false;
    for (const std::string &row : rows) {
      std::vector<unsigned> cps = codepointsOf(row.substr(plotStart));
      used = used || (column < cps.size() && cps[column] != ' ');
    }
    EXPECT_TRUE(used) << "column " << column;
  }
}

TEST(TerminalChartBraille, ThreeToFiveLabelledTicks) {
  for (unsigned height : {4u, 8u, 12u, 20u}) {
    ChartStyle style;
    style.height = height;
    size_t ticks = 0;
    for (const std::string &row : plotRows(renderChart(decayingLoss(50), style), height))
      ticks += row.find("┤") != std::string::npos;
    EXPECT_GE(ticks, 3u) << "height " << height;
    EXPECT_LE(ticks, 5u) << "height " << height;
  }
}

TEST(TerminalChartBraille, ColorWrapsTheLineAndChangesNothingElse) {
  ChartStyle plain, colored;
  colored.color = true;
  std::string chart = renderChart(decayingLoss(100), colored);
  EXPECT_NE(chart.find("\x1b[36m"), std::string::npos);
  EXPECT_EQ(withoutEscapes(chart), renderChart(decayingLoss(100), plain));
}

TEST(TerminalChartBraille, ASingleSpikeInAMillionPointsStaysVisible) {
  Series flat{"grad_norm", {}, std::vector<double>(1000000, 0.0), "step"};
  flat.y[777777] = 60;
  ChartStyle style;
  std::vector<std::string> rows = plotRows(renderChart(flat, style), style.height);
  // The top row holds the largest tick; only the spike reaches it.
  std::vector<unsigned> top = codepointsOf(rows.front());
  EXPECT_TRUE(std::any_of(top.begin(), top.end(),
                          [](unsigned cp) { return cp > 0x2800 && cp <= 0x28FF; }))
      << rows.front();
  EXPECT_NE(rows.front().find("60 ┤"), std::string::npos) << rows.front();
}

} // namespace

namespace {

TEST(TerminalChartGaps, NoLineIsDrawnAcrossAHole) {
  // At 1 for x 1..9 and 90..99 (0 at x 0, for a y axis), nothing in between: a line joining
  // x 9 to x 90 would run along the row of 1 through the middle of the plot.
  tourguide::charts::Series s{"loss", {}, {}, "step"};
  for (int x = 0; x < 10; ++x)
    s.x.push_back(x), s.y.push_back(x == 0 ? 0 : 1);
  for (int x = 90; x < 100; ++x)
    s.x.push_back(x), s.y.push_back(1);
  tourguide::charts::ChartStyle style;
  style.width = 64;
  style.height = 8;
  std::string chart = tourguide::charts::renderChart(s, style);
  // The row of the value 1 holds dots at both ends and a hole around the middle.
  std::string top;
  std::istringstream in(chart);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("1", 0) == 0 && line.find("┤") != std::string::npos) // "1 ┤", "1.00 ┤"
      top = line;
  ASSERT_FALSE(top.empty()) << chart;
  std::string plot = top.substr(top.find("┤") + 3);
  // Braille blank is U+2800 (3 bytes) or a space; count non-blank cells in the middle third.
  size_t cells = 0, middleMarks = 0;
  for (size_t i = 0; i < plot.size();) {
    size_t len = (static_cast<unsigned char>(plot[i]) >= 0xE0) ? 3 : 1;
    std::string cell = plot.substr(i, len);
    bool mark = cell != " " && cell != "\u2800";
    if (cells > 20 && cells < 40 && mark)
      ++middleMarks;
    ++cells;
    i += len;
  }
  EXPECT_EQ(middleMarks, 0u) << chart;
}

} // namespace
