// What a collected series says in one line: last value, minimum and where, how many points.
#pragma once

#include "tourguide/charts/Series.h"

#include <cstddef>
#include <string>
#include <vector>

namespace tourguide::charts {

struct Point {
  double x = 0, y = 0;
};

/// The points of `series` whose x and y are both finite, in order, and how many were not.
struct FinitePoints {
  std::vector<Point> points;
  size_t skipped = 0;
};
FinitePoints finitePoints(const Series &series);

struct SeriesSummary {
  size_t points = 0;  ///< Finite points.
  size_t skipped = 0; ///< NaN or Inf values left out.
  Point last, min, max; ///< Meaningful only when points > 0; the first minimum/maximum wins.
};
SeriesSummary summarize(const Series &series);

/// "loss: last 0.312, min 0.298 at step 180, 200 points"; "loss: no values yet" when empty.
std::string titleLine(const Series &series);

} // namespace tourguide::charts
