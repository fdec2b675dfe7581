// Exact output of small charts in ASCII mode: title, y ticks, line, x labels, footnote.
#include "tourguide/charts/TerminalChart.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tourguide::charts;

namespace {

ChartStyle ascii(unsigned width, unsigned height) {
  ChartStyle style;
  style.width = width;
  style.height = height;
  style.unicode = false;
  return style;
}

TEST(TerminalChartAscii, AccuracyPerEpoch) {
  Series accuracy{"accuracy", {1, 2, 3, 4, 5}, {0.5, 0.7, 0.8, 0.86, 0.9}, "epoch"};
  EXPECT_EQ(renderChart(accuracy, ascii(38, 5)),
            "accuracy: last 0.9, min 0.5 at epoch 1, 5 points\n"
            "0.9 +                    *************\n"
            "0.8 +            ********\n"
            "0.7 +      ******\n"
            "0.6 +  ****\n"
            "0.5 +**\n"
            "    ++---------------+---------------+\n"
            "     1               3               5\n"
            "                   epoch\n");
}

TEST(TerminalChartAscii, FallingLossWithMissingXAndNaNFootnote) {
  // x is missing, so positions 0..4 are the steps; the NaN is skipped and counted.
  Series loss{"loss", {}, {1.0, 0.6, NAN, 0.4, 0.2}, "step"};
  EXPECT_EQ(renderChart(loss, ascii(30, 5)),
            "loss: last 0.2, min 0.2 at step 4, 4 points\n"
            "1.0 +**\n"
            "0.8 +  ***\n"
            "0.6 +     *******\n"
            "0.4 +            *********\n"
            "0.2 +                     ****\n"
            "    ++-----------+-----------+\n"
            "     0           2           4\n"
            "               step\n"
            "(1 value skipped: NaN or Inf)\n");
}

TEST(TerminalChartAscii, SmallNumbersUseShortScientificLabels) {
  Series rate{"lr", {}, {1e-3, 1.2e-3, 1.5e-3, 2e-3}, "step"};
  EXPECT_EQ(renderChart(rate, ascii(40, 5)),
            "lr: last 0.002, min 0.001 at step 0, 4 points\n"
            "   2e-3 +                            ***\n"
            "1.75e-3 +                       *****\n"
            " 1.5e-3 +               ********\n"
            "1.25e-3 +     **********\n"
            "   1e-3 +*****\n"
            "        ++---------+-------------------+\n"
            "         0         1                   3\n"
            "                      step\n");
}

TEST(TerminalChartAscii, NoXLabelLineWhenTheLabelIsEmpty) {
  Series values{"v", {10, 20}, {1, 2}, ""};
  std::string chart = renderChart(values, ascii(30, 4));
  EXPECT_NE(chart.find("v: last 2, min 1 at 10, 2 points\n"), std::string::npos) << chart;
  // The x label line is the last one: first, middle and last step.
  EXPECT_EQ(chart.substr(chart.rfind('\n', chart.size() - 2) + 1),
            "     10         15          20\n");
}

} // namespace
