// Collected series as text: one sparkline line per series at a stop, a full chart for
// `plot` and `tour plot NAME`, and what `tour start` says it will collect.
#pragma once

#include "tourguide/collect/CollectionBudget.h"
#include "tourguide/collect/SeriesStore.h"
#include "tourguide/render/Annotation.h"

#include <string>
#include <vector>

namespace tourguide::plugin {

/// "Collecting without stopping the program: loss at train.c:116 in main (every pass), ..."
/// and one line per series that did not resolve. Empty when there are no series.
std::string collectionHeader(const std::vector<collect::CollectedSeries> &series);

/// "  loss  ▇▆▅▄▃▂▂▁  last 0.141 at epoch 12, min 0.141; 12 points" for each
/// series with values or failed reads, under a "Collected so far" heading. Empty when none.
std::string sparklineLines(const std::vector<collect::CollectedSeries> &series, const render::Style &style);

/// What a stop shows of the collected series: the sparklines of the series it does not
/// plot, then the charts of those it does (`plot`, in its order). Empty when nothing has
/// been collected and nothing is plotted.
std::string seriesAtStop(const std::vector<collect::CollectedSeries> &series,
                         const std::vector<std::string> &plot, const render::Style &style);

/// The chart of one series with a title saying what and where it is, the last values, and
/// any pauses or failed reads.
std::string seriesChart(const collect::CollectedSeries &series, const render::Style &style);

/// "Collected: batch-loss 228 points, epoch-loss 12 points; the collection added about
/// 0.14 s to 0.02 s of the program's own running time (bound: 25% + 0.1 s)". Empty when
/// there are no series.
std::string collectionStatus(const std::vector<collect::CollectedSeries> &series, double addedSeconds,
                             double ownSeconds, const collect::BudgetLimits &limits);

} // namespace tourguide::plugin
