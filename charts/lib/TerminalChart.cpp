#include "tourguide/charts/TerminalChart.h"

#include "BrailleCanvas.h"
#include "tourguide/charts/Downsample.h"
#include "tourguide/charts/NumberFormat.h"
#include "tourguide/charts/SeriesSummary.h"
#include "tourguide/charts/Ticks.h"

#include <algorithm>
#include <cmath>
#include <new>

namespace tourguide::charts {
namespace {

constexpr unsigned MinPlotColumns = 8, MinPlotRows = 3;

struct AxisGlyphs {
  const char *vertical, *tick, *corner, *horizontal, *xTick;
};
constexpr AxisGlyphs UnicodeAxis{"│", "┤", "└", "─", "┬"};
constexpr AxisGlyphs AsciiAxis{"|", "+", "+", "-", "+"};

std::string rightTrimmed(std::string text) {
  while (!text.empty() && text.back() == ' ')
    text.pop_back();
  return text;
}

/// Maps data coordinates to canvas dots: x from left to right, y from the top tick down.
class DotMapper {
public:
  DotMapper(double xMin, double xMax, const Ticks &y, const BrailleCanvas &canvas)
      : xMin_(xMin), xMax_(xMax), y_(y), wide_(canvas.dotsWide()), high_(canvas.dotsHigh()) {}

  long x(double value) const {
    if (!(xMax_ > xMin_))
      return static_cast<long>(wide_ - 1) / 2;
    long double fraction = (static_cast<long double>(value) - xMin_) / (xMax_ - static_cast<long double>(xMin_));
    return std::lround(static_cast<double>(fraction * (wide_ - 1)));
  }
  long y(double value) const {
    long double fraction =
        (static_cast<long double>(y_.high) - value) / (y_.high - static_cast<long double>(y_.low));
    return std::lround(static_cast<double>(fraction * (high_ - 1)));
  }

private:
  double xMin_, xMax_;
  Ticks y_;
  unsigned wide_, high_;
};

/// Joins consecutive points no further apart in x than `join`; a point with no neighbour
/// within reach is drawn alone.
void drawLine(const std::vector<Point> &points, const DotMapper &map, BrailleCanvas &canvas, double join) {
  for (size_t i = 0; i < points.size(); ++i) {
    bool joinedBefore = i > 0 && points[i].x - points[i - 1].x <= join;
    bool joinedAfter = i + 1 < points.size() && points[i + 1].x - points[i].x <= join;
    if (joinedBefore)
      canvas.line(map.x(points[i - 1].x), map.y(points[i - 1].y), map.x(points[i].x), map.y(points[i].y));
    else if (!joinedAfter)
      canvas.set(map.x(points[i].x), map.y(points[i].y));
  }
}

/// The line of x labels under the axis: first value at the left, last at the right, the
/// middle one centred under its column when there is room. Returns the labelled columns.
std::vector<unsigned> placeXLabels(const std::vector<Point> &points, double xMin, double xMax,
                                   const DotMapper &map, unsigned dotsPerColumn, unsigned columns,
                                   std::string &line) {
  line.assign(columns, ' ');
  auto put = [&](long start, const std::string &text) {
    for (size_t i = 0; i < text.size(); ++i)
      if (start + static_cast<long>(i) >= 0 && start + i < columns)
        line[start + i] = text[i];
  };
  auto columnOf = [&](double x) { return static_cast<unsigned>(map.x(x) / dotsPerColumn); };
  if (!(xMax > xMin)) {
    std::string only = formatCompact(xMin);
    unsigned column = columnOf(xMin);
    put(std::max<long>(0, static_cast<long>(column) - static_cast<long>(only.size() / 2)), only);
    return {column};
  }
  std::string first = formatCompact(xMin), last = formatCompact(xMax);
  put(0, first);
  long lastStart = std::max<long>(static_cast<long>(columns) - static_cast<long>(last.size()),
                                  static_cast<long>(first.size()) + 1);
  put(lastStart, last);
  std::vector<unsigned> labelled = {0, columns - 1};

  bool integerSteps = std::all_of(points.begin(), points.end(),
                                  [](const Point &p) { return p.x == std::floor(p.x); });
  double middle = xMin + (xMax - xMin) / 2;
  if (integerSteps)
    middle = std::floor(middle);
  std::string text = formatCompact(middle);
  unsigned column = columnOf(middle);
  long start = static_cast<long>(column) - static_cast<long>(text.size() / 2);
  if (middle > xMin && start >= static_cast<long>(first.size()) + 2 &&
      start + static_cast<long>(text.size()) + 2 <= lastStart) {
    put(start, text);
    labelled.push_back(column);
  }
  return labelled;
}

std::string skippedNote(size_t skipped) {
  return "(" + std::to_string(skipped) + (skipped == 1 ? " value" : " values") +
         " skipped: NaN or Inf)\n";
}

std::string render(const Series &series, const ChartStyle &style) {
  std::string out = titleLine(series) + "\n";
  FinitePoints finite = finitePoints(series);
  if (finite.points.empty()) {
    out += "(nothing to draw yet)\n";
    if (finite.skipped)
      out += skippedNote(finite.skipped);
    return out;
  }
  const AxisGlyphs &glyphs = style.unicode ? UnicodeAxis : AsciiAxis;
  unsigned rows = std::max(style.height, MinPlotRows);

  double xMin = finite.points[0].x, xMax = xMin, yMin = finite.points[0].y, yMax = yMin;
  for (const Point &p : finite.points) {
    xMin = std::min(xMin, p.x), xMax = std::max(xMax, p.x);
    yMin = std::min(yMin, p.y), yMax = std::max(yMax, p.y);
  }
  Ticks yTicks = niceTicks(yMin, yMax, std::min(5u, rows));
  std::vector<std::string> yLabels = tickLabels(yTicks);
  size_t labelWidth = 0;
  for (const std::string &label : yLabels)
    labelWidth = std::max(labelWidth, label.size());
  unsigned columns = style.width > labelWidth + 2 + MinPlotColumns
                         ? style.width - static_cast<unsigned>(labelWidth) - 2
                         : MinPlotColumns;

  BrailleCanvas canvas(columns, rows, style.unicode);
  DotMapper map(xMin, xMax, yTicks, canvas);
  drawLine(downsampleMinMax(finite.points, xMin, xMax, canvas.dotsWide()), map, canvas,
           joinDistance(finite.points, xMin, xMax, canvas.dotsWide()));

  std::vector<std::string> rowLabels(rows);
  for (size_t i = 0; i < yTicks.values.size(); ++i) {
    unsigned row = static_cast<unsigned>(map.y(yTicks.values[i]) / canvas.dotsPerRow());
    if (row < rows && rowLabels[row].empty())
      rowLabels[row] = yLabels[i];
  }
  for (unsigned row = 0; row < rows; ++row) {
    const std::string &label = rowLabels[row];
    out += std::string(labelWidth - label.size(), ' ') + label + " ";
    out += label.empty() ? glyphs.vertical : glyphs.tick;
    out += rightTrimmed(canvas.renderRow(row, style.color)) + "\n";
  }

  std::string xLabelLine;
  std::vector<unsigned> labelled = placeXLabels(finite.points, xMin, xMax, map,
                                                canvas.dotsPerColumn(), columns, xLabelLine);
  std::string indent(labelWidth + 1, ' ');
  out += indent + glyphs.corner;
  for (unsigned column = 0; column < columns; ++column)
    out += std::count(labelled.begin(), labelled.end(), column) ? glyphs.xTick : glyphs.horizontal;
  out += "\n" + rightTrimmed(indent + " " + xLabelLine) + "\n";
  if (!series.xLabel.empty()) {
    size_t pad = series.xLabel.size() < columns ? (columns - series.xLabel.size()) / 2 : 0;
    out += indent + " " + std::string(pad, ' ') + series.xLabel + "\n";
  }
  if (finite.skipped)
    out += skippedNote(finite.skipped);
  return out;
}

} // namespace

std::string renderChart(const Series &series, const ChartStyle &style) {
  try {
    return render(series, style);
  } catch (const std::bad_alloc &) {
    return (series.name.empty() ? std::string("series") : series.name) +
           ": too large to draw\n";
  }
}

} // namespace tourguide::charts
