#include "tourguide/collect/SeriesStore.h"

namespace tourguide::collect {

bool CollectedSeries::countPass() {
  ++passes;
  return (passes - 1) % stride == 0;
}

void CollectedSeries::add(double yValue, bool hasX, double xValue) {
  if (y.size() >= kMaxPoints) {
    // Keep points 0, 2, 4, ...: the series still spans the whole run, at half the density.
    size_t kept = 0;
    for (size_t i = 0; i < y.size(); i += 2, ++kept) {
      x[kept] = x[i];
      y[kept] = y[i];
    }
    x.resize(kept);
    y.resize(kept);
    stride *= 2;
  }
  x.push_back(hasX ? xValue : static_cast<double>(passes));
  y.push_back(yValue);
}

void CollectedSeries::fail(const std::string &why) {
  ++readErrors;
  lastError = why;
}

void CollectedSeries::clear() {
  passes = 0;
  stride = spec.every ? spec.every : 1;
  x.clear();
  y.clear();
  readErrors = 0;
  lastError.clear();
  pauses = 0;
  paused = false;
}

charts::Series CollectedSeries::chart() const {
  charts::Series s;
  s.name = spec.name;
  s.x = x;
  s.y = y;
  s.xLabel = xName(); // after a pause, "pass" counts the passes seen: the chart's note says so
  return s;
}

} // namespace tourguide::collect
