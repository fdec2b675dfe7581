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

} // namespace tourguide::charts
