#include "tourguide/charts/SeriesSummary.h"

#include "tourguide/charts/NumberFormat.h"

#include <cmath>

namespace tourguide::charts {

double xAt(const Series &series, size_t i) {
  return series.x.size() == series.y.size() ? series.x[i] : static_cast<double>(i);
}

FinitePoints finitePoints(const Series &series) {
  FinitePoints result;
  result.points.reserve(series.y.size());
  for (size_t i = 0; i < series.y.size(); ++i) {
    double x = xAt(series, i), y = series.y[i];
    if (std::isfinite(x) && std::isfinite(y))
      result.points.push_back({x, y});
    else
      ++result.skipped;
  }
  return result;
}

SeriesSummary summarize(const Series &series) {
  SeriesSummary summary;
  FinitePoints finite = finitePoints(series);
  summary.skipped = finite.skipped;
  summary.points = finite.points.size();
  if (finite.points.empty())
    return summary;
  summary.last = summary.min = summary.max = finite.points.front();
  for (const Point &p : finite.points) {
    if (p.y < summary.min.y)
      summary.min = p;
    if (p.y > summary.max.y)
      summary.max = p;
  }
  summary.last = finite.points.back();
  return summary;
}

std::string titleLine(const Series &series) {
  std::string name = series.name.empty() ? "series" : series.name;
  SeriesSummary summary = summarize(series);
  if (summary.points == 0)
    return name + (summary.skipped ? ": no finite values yet" : ": no values yet");
  std::string line = name + ": last " + formatCompact(summary.last.y);
  if (summary.points > 1) {
    std::string where = series.xLabel.empty() ? "" : series.xLabel + " ";
    line += ", min " + formatCompact(summary.min.y) + " at " + where + formatCompact(summary.min.x);
  }
  line += ", " + std::to_string(summary.points) + (summary.points == 1 ? " point" : " points");
  return line;
}

} // namespace tourguide::charts
