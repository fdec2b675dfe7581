#include "tourguide/report/SvgChart.h"

#include "tourguide/charts/Downsample.h"
#include "tourguide/charts/NumberFormat.h"
#include "tourguide/charts/SeriesSummary.h"
#include "tourguide/charts/Ticks.h"
#include "tourguide/report/HtmlEscape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tourguide::report {
namespace {

using charts::Point;

std::string px(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

/// Where the plot sits inside the SVG, and how data maps onto it.
struct Frame {
  double left, top, right, bottom;
  double xMin, xMax;
  charts::Ticks y;

  double xPixel(double x) const {
    if (!(xMax > xMin))
      return (left + right) / 2;
    return left + (x - xMin) / (xMax - xMin) * (right - left);
  }
  double yPixel(double y) const {
    return bottom - (y - this->y.low) / (this->y.high - this->y.low) * (bottom - top);
  }
};

/// Round x positions inside [xMin, xMax] (the x axis spans exactly the data).
charts::Ticks xTicks(double xMin, double xMax) {
  if (!(xMax > xMin)) {
    charts::Ticks single;
    single.low = single.high = xMin;
    single.step = 1;
    single.values = {xMin};
    return single;
  }
  charts::Ticks nice = charts::niceTicks(xMin, xMax, 6);
  // x is usually a counter (step, epoch, pass): no "2.5" between epochs 2 and 3.
  if (std::floor(nice.step) != nice.step && std::floor(xMin) == xMin && std::floor(xMax) == xMax) {
    nice.step = std::ceil(nice.step);
    nice.values.clear();
    for (double v = std::ceil(xMin / nice.step) * nice.step; v <= xMax; v += nice.step)
      nice.values.push_back(v);
  }
  charts::Ticks inside = nice;
  inside.values.clear();
  for (double v : nice.values)
    if (v >= xMin - nice.step * 1e-9 && v <= xMax + nice.step * 1e-9)
      inside.values.push_back(v);
  return inside;
}

std::string text(double x, double y, const char *anchor, const std::string &content,
                 const char *cssClass = "tick") {
  return "<text class=\"" + std::string(cssClass) + "\" x=\"" + px(x) + "\" y=\"" + px(y) +
         "\" text-anchor=\"" + anchor + "\">" + escapeHtml(content) + "</text>";
}

std::string emptyChart(const charts::Series &series, const SvgChartStyle &style,
                       size_t skipped) {
  std::string message = skipped ? "no finite values collected (" + std::to_string(skipped) +
                                      " NaN or Inf)"
                                : "no values collected yet";
  return "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(style.width) + " 80\" width=\"" +
         std::to_string(style.width) + "\" height=\"80\" role=\"img\" aria-label=\"" +
         escapeHtml(series.name) + ": " + message + "\">" +
         text(style.width / 2.0, 44, "middle", message, "empty") + "</svg>";
}

std::string render(const charts::Series &series, const SvgChartStyle &style) {
  charts::FinitePoints finite = charts::finitePoints(series);
  if (finite.points.empty())
    return emptyChart(series, style, finite.skipped);
  charts::SeriesSummary summary = charts::summarize(series);
  double xMin = finite.points.front().x, xMax = xMin;
  for (const Point &p : finite.points)
    xMin = std::min(xMin, p.x), xMax = std::max(xMax, p.x);

  Frame frame;
  frame.y = charts::niceTicks(summary.min.y, summary.max.y, 6);
  std::vector<std::string> yLabels = charts::tickLabels(frame.y);
  size_t longest = 0;
  for (const std::string &label : yLabels)
    longest = std::max(longest, label.size());
  // About 7 px per character at 12 px; the right margin holds the last value's label.
  frame.left = 16 + 7.0 * longest;
  frame.right = style.width - 64.0;
  frame.top = 14;
  frame.bottom = style.height - 48.0;
  frame.xMin = xMin;
  frame.xMax = xMax;

  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(style.width) + " " +
                    std::to_string(style.height) + "\" width=\"" + std::to_string(style.width) +
                    "\" height=\"" + std::to_string(style.height) +
                    "\" role=\"img\" aria-label=\"" + escapeHtml(charts::titleLine(series)) +
                    "\">";
  svg += "<title>" + escapeHtml(charts::titleLine(series)) + "</title>";

  // Horizontal grid and y labels.
  svg += "<g class=\"grid\">";
  for (size_t i = 0; i < frame.y.values.size(); ++i) {
    double y = frame.yPixel(frame.y.values[i]);
    svg += "<line x1=\"" + px(frame.left) + "\" y1=\"" + px(y) + "\" x2=\"" + px(frame.right) +
           "\" y2=\"" + px(y) + "\"/>";
    svg += text(frame.left - 8, y + 4, "end", yLabels[i]);
  }
  svg += "</g>";

  // X axis, ticks, labels and the x label.
  charts::Ticks xs = xTicks(xMin, xMax);
  std::vector<std::string> xLabels = charts::tickLabels(xs);
  svg += "<g class=\"axis\"><line x1=\"" + px(frame.left) + "\" y1=\"" + px(frame.bottom) +
         "\" x2=\"" + px(frame.right) + "\" y2=\"" + px(frame.bottom) + "\"/>";
  for (size_t i = 0; i < xs.values.size(); ++i) {
    double x = frame.xPixel(xs.values[i]);
    svg += "<line x1=\"" + px(x) + "\" y1=\"" + px(frame.bottom) + "\" x2=\"" + px(x) +
           "\" y2=\"" + px(frame.bottom + 5) + "\"/>";
    svg += text(x, frame.bottom + 19, "middle", xLabels[i]);
  }
  svg += "</g>";
  if (!series.xLabel.empty())
    svg += text((frame.left + frame.right) / 2, frame.bottom + 40, "middle", series.xLabel,
                "axis-label");

  // The line through (downsampled) points, and a light area under it.
  unsigned pixels = static_cast<unsigned>(std::max(1.0, frame.right - frame.left));
  std::vector<Point> kept = charts::downsampleMinMax(finite.points, xMin, xMax, pixels);
  // One polyline (and area) per run of points close enough to join: a paused series has holes.
  double join = charts::joinDistance(finite.points, xMin, xMax, pixels);
  for (size_t begin = 0; begin < kept.size();) {
    size_t end = begin + 1;
    while (end < kept.size() && kept[end].x - kept[end - 1].x <= join)
      ++end;
    std::string coordinates;
    for (size_t i = begin; i < end; ++i)
      coordinates += px(frame.xPixel(kept[i].x)) + "," + px(frame.yPixel(kept[i].y)) + " ";
    coordinates.pop_back();
    if (end - begin > 1) {
      std::string area = px(frame.xPixel(kept[begin].x)) + "," + px(frame.bottom) + " " + coordinates + " " +
                         px(frame.xPixel(kept[end - 1].x)) + "," + px(frame.bottom);
      svg += "<polygon class=\"area\" fill=\"" + style.lineColor + "\" points=\"" + area + "\"/>";
      svg += "<polyline class=\"line\" stroke=\"" + style.lineColor + "\" points=\"" + coordinates + "\"/>";
    } else if (kept.size() > 1) {
      svg += "<circle class=\"lone\" cx=\"" + px(frame.xPixel(kept[begin].x)) + "\" cy=\"" +
             px(frame.yPixel(kept[begin].y)) + "\" r=\"2\" fill=\"" + style.lineColor + "\"/>";
    }
    begin = end;
  }

  // The minimum (hollow) and the last value (filled, labelled).
  double minX = frame.xPixel(summary.min.x), minY = frame.yPixel(summary.min.y);
  if (summary.points > 1)
    svg += "<circle class=\"min\" cx=\"" + px(minX) + "\" cy=\"" + px(minY) +
           "\" r=\"4\" stroke=\"" + style.lineColor + "\"><title>min " +
           escapeHtml(charts::formatCompact(summary.min.y)) + "</title></circle>";
  double lastX = frame.xPixel(summary.last.x), lastY = frame.yPixel(summary.last.y);
  svg += "<circle class=\"last\" cx=\"" + px(lastX) + "\" cy=\"" + px(lastY) +
         "\" r=\"4.5\" fill=\"" + style.lineColor + "\"/>";
  svg += text(lastX + 9, lastY + 4, "start", charts::formatCompact(summary.last.y), "last-label");

  if (finite.skipped)
    svg += text(frame.right, frame.bottom + 40, "end",
                std::to_string(finite.skipped) +
                    (finite.skipped == 1 ? " value skipped (NaN or Inf)"
                                         : " values skipped (NaN or Inf)"),
                "note");
  svg += "</svg>";
  return svg;
}

} // namespace

std::string renderSvgChart(const charts::Series &series, const SvgChartStyle &style) {
  try {
    return render(series, style);
  } catch (...) {
    return "<svg class=\"chart\" viewBox=\"0 0 400 40\" width=\"400\" height=\"40\">"
           "<text x=\"8\" y=\"24\">chart could not be drawn</text></svg>";
  }
}

} // namespace tourguide::report
