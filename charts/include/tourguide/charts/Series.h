// A collected series: values of one expression sampled at a location while the program ran.
#pragma once

#include <string>
#include <vector>

namespace tourguide::charts {

/// `y[i]` was collected at step `x[i]`. When `x` is empty or its size differs from `y`,
/// the positions 0, 1, 2, ... are used instead. Values may be NaN or infinite: charts
/// skip them and say how many they skipped.
struct Series {
  std::string name;
  std::vector<double> x;
  std::vector<double> y;
  std::string xLabel = "step";
};

/// The x of point `i` under the rule above.
double xAt(const Series &series, size_t i);

} // namespace tourguide::charts
