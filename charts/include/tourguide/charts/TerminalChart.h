// Line charts and sparklines for a terminal, from a collected series.
#pragma once

#include "tourguide/charts/Series.h"

#include <string>
#include <vector>

namespace tourguide::charts {

struct ChartStyle {
  unsigned width = 60;  ///< Columns of every chart line, y-axis labels included.
  unsigned height = 12; ///< Rows of the plot area (title, x axis and labels come on top).
  bool color = false;   ///< Draw the line in cyan with ANSI escapes.
  bool unicode = true;  ///< Braille dots (2x4 per cell) and box lines; else ASCII `*`, `|`, `-`.
};

/// A title line ("loss: last 0.312, min 0.298 at step 180, 200 points"), then the plot with a
/// labelled y axis (3-5 rounded ticks) and an x axis labelled with the first, middle and last
/// step and the x label. NaN and Inf are skipped and counted in a footnote; a series longer
/// than the plot is wide keeps the first, last, min and max of every dot column, so spikes
/// stay visible. An empty series gives the title line and one line saying there is nothing
/// to draw. Every line ends with '\n'. Never throws.
std::string renderChart(const Series &series, const ChartStyle &style);

/// One line of block characters (▁▂▃▄▅▆▇█) scaled between the smallest and largest value, at
/// most `width` characters: longer input is averaged into `width` buckets. A NaN or Inf value
/// (or a bucket of only those) is a space. Never throws.
std::string renderSparkline(const std::vector<double> &values, unsigned width);

} // namespace tourguide::charts
