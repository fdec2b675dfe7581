// Fewer points for a chart that is narrower than the series is long.
#pragma once

#include "tourguide/charts/SeriesSummary.h"

#include <vector>

namespace tourguide::charts {

/// Splits [xMin, xMax] into `columns` equal buckets and keeps, per bucket and in their original
/// order, the first, the lowest, the highest and the last point (the "M4" rule). A line drawn
/// through the result covers the same pixels as one through every point, so a single spike
/// still shows. Input with no more than 4 * columns points is returned unchanged.
std::vector<Point> downsampleMinMax(const std::vector<Point> &points, double xMin, double xMax,
                                    unsigned columns);

/// How far apart in x two consecutive points may be and still be joined by the line. A
/// collected series has holes where its location was paused; a line across a hole would draw
/// values nobody read. Beyond 4 times the series' usual (median) step, or beyond 2 buckets of
/// the downsampling (whose kept points are that far apart without any hole), the line breaks.
/// Infinity for fewer than 3 points.
double joinDistance(const std::vector<Point> &points, double xMin, double xMax, unsigned columns);

} // namespace tourguide::charts
