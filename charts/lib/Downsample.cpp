#include "tourguide/charts/Downsample.h"

#include <algorithm>
#include <cmath>

namespace tourguide::charts {

std::vector<Point> downsampleMinMax(const std::vector<Point> &points, double xMin, double xMax,
                                    unsigned columns) {
  if (columns == 0 || points.size() <= 4 * static_cast<size_t>(columns) || !(xMax > xMin))
    return points;
  struct Bucket {
    size_t first, last, lowest, highest;
    bool used = false;
  };
  std::vector<Bucket> buckets(columns);
  long double span = static_cast<long double>(xMax) - xMin;
  for (size_t i = 0; i < points.size(); ++i) {
    long double position = (points[i].x - static_cast<long double>(xMin)) / span * columns;
    size_t column = static_cast<size_t>(std::clamp<long double>(position, 0, columns - 1));
    Bucket &b = buckets[column];
    if (!b.used) {
      b = {i, i, i, i, true};
      continue;
    }
    b.last = i;
    if (points[i].y < points[b.lowest].y)
      b.lowest = i;
    if (points[i].y > points[b.highest].y)
      b.highest = i;
  }
  // Buckets follow x order, but the series need not be sorted by x: emit the kept indices
  // in their original order so the line follows the program's own sequence.
  std::vector<size_t> kept;
  for (const Bucket &b : buckets)
    if (b.used)
      kept.insert(kept.end(), {b.first, b.lowest, b.highest, b.last});
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  std::vector<Point> result;
  result.reserve(kept.size());
  for (size_t i : kept)
    result.push_back(points[i]);
  return result;
}

double joinDistance(const std::vector<Point> &points, double xMin, double xMax, unsigned columns) {
  if (points.size() < 3)
    return INFINITY;
  std::vector<double> steps;
  steps.reserve(points.size() - 1);
  for (size_t i = 1; i < points.size(); ++i)
    if (points[i].x > points[i - 1].x)
      steps.push_back(points[i].x - points[i - 1].x);
  if (steps.empty())
    return INFINITY;
  std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
  double bucket = columns && xMax > xMin && points.size() > 4 * static_cast<size_t>(columns)
                      ? (xMax - xMin) / columns
                      : 0;
  return std::max(4 * steps[steps.size() / 2], 2 * bucket);
}

} // namespace tourguide::charts
