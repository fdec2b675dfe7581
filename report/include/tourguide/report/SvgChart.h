// A collected series as an inline SVG line chart for the HTML report.
#pragma once

#include "tourguide/charts/Series.h"

#include <string>

namespace tourguide::report {

struct SvgChartStyle {
  unsigned width = 760, height = 240; ///< Pixels of the whole chart, labels included.
  std::string lineColor = "#2563eb";  ///< Trusted: a colour chosen by the report, not a tour.
};

/// `<svg>` with y grid lines and tick labels, x ticks and the x label, the line (downsampled
/// by min/max per pixel), the last point marked and labelled, and a note for skipped NaN/Inf
/// values. An empty series gives an SVG that says so. Never throws.
std::string renderSvgChart(const charts::Series &series, const SvgChartStyle &style = {});

} // namespace tourguide::report
