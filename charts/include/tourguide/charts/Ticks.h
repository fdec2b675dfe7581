// "Nice" axis ticks (1, 2, 2.5 or 5 times a power of ten) and their labels.
#pragma once

#include <string>
#include <vector>

namespace tourguide::charts {

/// An axis from `low` to `high` with labelled ticks at `values` (low and high included).
struct Ticks {
  double low = 0, high = 1, step = 1;
  std::vector<double> values;
};

/// Widens [min, max] to multiples of a round step so that there are at most `maxTicks` (and,
/// when maxTicks >= 3, usually at least 3) ticks. A zero-width range is padded around its
/// value. Non-finite input gives the axis [0, 1].
Ticks niceTicks(double min, double max, unsigned maxTicks = 5);

/// Labels for `ticks.values`, all in one style: fixed decimals as few as the step needs
/// ("0.25", "10"), or short scientific notation ("1.2e-3") for very small or large numbers.
std::vector<std::string> tickLabels(const Ticks &ticks);

} // namespace tourguide::charts
