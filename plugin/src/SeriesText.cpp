#include "SeriesText.h"

#include "tourguide/charts/NumberFormat.h"
#include "tourguide/charts/SeriesSummary.h"
#include "tourguide/charts/TerminalChart.h"
#include "tourguide/render/TextLayout.h"

#include <algorithm>
#include <cstdio>

namespace tourguide::plugin {

namespace {

std::string everyText(const collect::CollectedSeries &s) {
  if (s.spec.every <= 1)
    return "every pass";
  return "every " + std::to_string(s.spec.every) + " passes";
}

/// Notes on what the values do not show: paused locations, failed reads.
std::string caveats(const collect::CollectedSeries &s) {
  std::string out;
  if (s.pauses)
    out += "paused " + std::to_string(s.pauses) + (s.pauses == 1 ? " time" : " times") +
           " to bound the slowdown" + (s.spec.xExpr.empty() ? "; passes while paused are not counted" : "") +
           " (docs/plugin.md#collected-series)";
  if (s.stride != std::max<uint64_t>(s.spec.every, 1))
    out += std::string(out.empty() ? "" : "; ") + "thinned to every " + std::to_string(s.stride) +
           " passes to stay under " + std::to_string(collect::kMaxPoints) + " points";
  if (s.readErrors)
    out += std::string(out.empty() ? "" : "; ") + std::to_string(s.readErrors) +
           (s.readErrors == 1 ? " read failed: " : " reads failed, the last: ") + s.lastError;
  return out;
}

} // namespace

std::string collectionHeader(const std::vector<collect::CollectedSeries> &series) {
  std::string out, failed;
  size_t placed = 0;
  for (const auto &s : series) {
    if (!s.resolved) {
      failed += "  series '" + s.spec.name + "' is not collected: " + s.why + "\n";
      continue;
    }
    out += std::string(placed++ ? ", " : "") + s.spec.name + " at " + s.spec.where + " (" + everyText(s) + ")";
  }
  if (placed)
    out = "Collecting without stopping the program: " + out + ". 'tour plot NAME' draws one.\n";
  return out + failed;
}

std::string sparklineLines(const std::vector<collect::CollectedSeries> &series, const render::Style &style) {
  size_t nameWidth = 0;
  for (const auto &s : series)
    if (!s.y.empty() || s.readErrors)
      nameWidth = std::max(nameWidth, s.spec.name.size());
  if (nameWidth == 0)
    return {};
  std::string out = "Collected so far:\n";
  for (const auto &s : series) {
    if (s.y.empty() && !s.readErrors)
      continue;
    std::string line = "  " + s.spec.name + std::string(nameWidth - s.spec.name.size(), ' ') + "  ";
    if (!s.y.empty()) {
      unsigned spark = std::min<unsigned>(16, static_cast<unsigned>(s.y.size()));
      line += charts::renderSparkline(s.y, spark) + "  ";
      charts::SeriesSummary sum = charts::summarize(s.chart());
      std::string x = s.xName();
      if (sum.points)
        line += "last " + charts::formatCompact(sum.last.y) + " at " + x + " " + charts::formatCompact(sum.last.x) +
                ", min " + charts::formatCompact(sum.min.y) + "; ";
      line += std::to_string(s.y.size()) + (s.y.size() == 1 ? " point" : " points");
    } else {
      line += "no values";
    }
    out += render::truncateToWidth(line, style.width) + "\n";
    if (std::string c = caveats(s); !c.empty())
      out += render::styled(render::truncateToWidth("    " + c, style.width), "2", style.color) + "\n";
  }
  return out;
}

std::string seriesAtStop(const std::vector<collect::CollectedSeries> &series,
                         const std::vector<std::string> &plot, const render::Style &style) {
  std::vector<collect::CollectedSeries> summarized;
  for (const auto &s : series)
    if (std::find(plot.begin(), plot.end(), s.spec.name) == plot.end())
      summarized.push_back(s);
  std::string out = sparklineLines(summarized, style);
  for (const auto &name : plot)
    for (const auto &s : series)
      if (s.spec.name == name)
        out += (out.empty() ? "" : "\n") + seriesChart(s, style);
  return out;
}

std::string seriesChart(const collect::CollectedSeries &s, const render::Style &style) {
  std::string out = s.spec.name + (s.spec.label.empty() ? "" : " (" + render::sanitize(s.spec.label) + ")") + ": `" + render::sanitize(s.spec.expr) + "`" +
                    (s.spec.where.empty() ? "" : " at " + s.spec.where) + ", " + everyText(s) + "\n";
  if (!s.resolved)
    return out + "  not collected: " + s.why + "\n";
  charts::ChartStyle chart;
  chart.width = std::clamp<unsigned>(style.width, 30, 100);
  chart.height = 10;
  chart.color = style.color;
  out += charts::renderChart(s.chart(), chart);
  if (!s.y.empty()) {
    size_t n = std::min<size_t>(5, s.y.size());
    std::string x = s.xName();
    out += "last " + std::to_string(n) + ":";
    for (size_t i = s.y.size() - n; i < s.y.size(); ++i)
      out += "  " + charts::formatCompact(s.y[i]) + " (" + x + " " + charts::formatCompact(s.x[i]) + ")";
    out += "\n";
  }
  if (std::string c = caveats(s); !c.empty())
    out += render::styled(c, "2", style.color) + "\n";
  return out;
}

std::string collectionStatus(const std::vector<collect::CollectedSeries> &series, double addedSeconds,
                             double ownSeconds, const collect::BudgetLimits &limits) {
  if (series.empty())
    return {};
  std::string out = "Collected:";
  for (size_t i = 0; i < series.size(); ++i) {
    const auto &s = series[i];
    out += std::string(i ? ", " : " ") + s.spec.name + " ";
    if (!s.resolved)
      out += "(not collected: did not resolve)";
    else
      out += std::to_string(s.y.size()) + (s.y.size() == 1 ? " point" : " points") +
             (s.paused ? " (paused now)" : s.pauses ? " (paused " + std::to_string(s.pauses) + "x)" : "");
  }
  char cost[200];
  std::snprintf(cost, sizeof cost,
                ".\nThe collection added about %.2f s to %.2f s of the program's own running time "
                "(bound: %.0f%% of it + %.2f s).\n",
                addedSeconds, ownSeconds, limits.maxExtra * 100, limits.allowanceSeconds);
  return out + cost;
}

} // namespace tourguide::plugin
