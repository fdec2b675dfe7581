#include "HostileSession.h"
#include "tourguide/report/SvgChart.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tourguide::report;
using namespace tourguide::report::testing;
using tourguide::charts::Series;

namespace {

TEST(SvgChart, AxesLabelsLineAndLastValue) {
  Series accuracy{"accuracy", {1, 2, 3, 4}, {0.5, 0.7, 0.8, 0.9}, "epoch"};
  std::string svg = renderSvgChart(accuracy);
  EXPECT_EQ(svg.rfind("<svg class=\"chart\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  // y ticks 0.5 .. 0.9 every 0.1, x ticks at the epochs, the x label and the last value.
  for (const char *label : {">0.5<", ">0.6<", ">0.7<", ">0.8<", ">0.9<", ">1<", ">4<",
                            ">epoch<", "last-label\" x="})
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  EXPECT_EQ(occurrences(svg, "<polyline"), 1u);
  EXPECT_EQ(occurrences(svg, "<circle class=\"last\""), 1u);
  EXPECT_EQ(occurrences(svg, "<circle class=\"min\""), 1u);
  EXPECT_NE(svg.find("aria-label=\"accuracy: last 0.9, min 0.5 at epoch 1, 4 points\""),
            std::string::npos);
}

TEST(SvgChart, APausedSeriesIsDrawnAsSeparateRunsNotAcrossItsHole) {
  Series loss{"loss", {}, {}, "step"};
  for (int x : {0, 1, 2, 3, 4, 5, 50, 51, 52, 53, 54, 90}) {
    loss.x.push_back(x);
    loss.y.push_back(1.0 / (x + 1));
  }
  std::string svg = renderSvgChart(loss);
  EXPECT_EQ(occurrences(svg, "<polyline"), 2u) << svg;   // 0-5 and 50-54
  EXPECT_EQ(occurrences(svg, "<circle class=\"lone\""), 1u); // 90, on its own
}

TEST(SvgChart, ACounterOnXGetsWholeNumberTicks) {
  Series loss{"epoch-loss", {}, {}, "epoch"};
  for (int e = 1; e <= 12; ++e) {
    loss.x.push_back(e);
    loss.y.push_back(1.0 / e);
  }
  std::string svg = renderSvgChart(loss);
  EXPECT_EQ(svg.find(">2.5<"), std::string::npos) << svg;
  EXPECT_EQ(svg.find(">7.5<"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">12<"), std::string::npos) << svg;
}

TEST(SvgChart, NamesAreEscaped) {
  Series series{Script, {}, {1, 2}, Script};
  std::string svg = renderSvgChart(series);
  EXPECT_EQ(lowercase(svg).find("<script"), std::string::npos);
  EXPECT_GE(occurrences(svg, "&lt;script&gt;"), 3u); // aria-label, title, x label
}

TEST(SvgChart, EmptyAndNonFiniteSeriesSaySo) {
  EXPECT_NE(renderSvgChart(Series{"loss", {}, {}, "step"}).find(">no values collected yet<"),
            std::string::npos);
  std::string svg = renderSvgChart(Series{"loss", {}, {NAN, INFINITY}, "step"});
  EXPECT_NE(svg.find("no finite values collected (2 NaN or Inf)"), std::string::npos);
  EXPECT_EQ(svg.find("<polyline"), std::string::npos);
}

TEST(SvgChart, OnePointIsADotWithoutALine) {
  std::string svg = renderSvgChart(Series{"loss", {}, {0.5}, "step"});
  EXPECT_EQ(svg.find("<polyline"), std::string::npos);
  EXPECT_EQ(occurrences(svg, "<circle class=\"last\""), 1u);
}

TEST(SvgChart, AMillionPointsAreDownsampledAndTheSpikeKept) {
  Series big{"grad", {}, std::vector<double>(1000000, 1.0), "step"};
  big.y[654321] = 100;
  std::string svg = renderSvgChart(big);
  size_t start = svg.find("<polyline");
  ASSERT_NE(start, std::string::npos);
  std::string line = svg.substr(start, svg.find("/>", start) - start);
  EXPECT_LE(occurrences(line, ","), 4u * 760u);
  // 100 is the top tick: some point of the line sits on the plot's top edge (y = 14.0).
  EXPECT_NE(line.find(",14.0"), std::string::npos);
}

} // namespace
