// "What changed": numbers read at one stop, compared with the same watch at a later stop.
// Pure computation: no LLDB, testable alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tourguide::values {

/// The numbers of one watched value at one stop, kept to compare with a later stop.
/// Bounded like the summary they come from: a sampled array keeps its sample only.
struct NumericSnapshot {
  std::string key;               ///< What was watched: the watch's expr (and "[count]").
  std::vector<uint64_t> shape;   ///< Dimensions; {n} for a vector, {} for a scalar.
  uint64_t total = 0;            ///< Elements the value has (1 for a scalar).
  std::vector<double> values;    ///< The elements read: all of them, or a sample.
  std::vector<uint64_t> indices; ///< Flat index of each of `values` when sampled; empty when
                                 ///< values[i] is element i (everything was read).
  bool sampled() const { return !indices.empty(); }
};

/// How `after` differs from `before` (the same watch at two stops), on one line:
///   "changed: mean|Δ|=0.00125 max|Δ|=0.041 (64 of 64 elements changed)"
///   "unchanged" / "shape changed 32→64" / "shape changed 2x3→3x2"
///   "changed: 0.5→0.25 (Δ=-0.25)" for a single number.
/// mean|Δ| is over every compared element (unchanged ones count as 0); pairs where either
/// side is NaN or Inf count as changed when they differ but stay out of mean and max. A
/// sampled value is compared on the elements both snapshots read, and the line says so.
std::string describeChange(const NumericSnapshot &before, const NumericSnapshot &after);

/// "32x64", "10", "" (a scalar).
std::string shapeText(const std::vector<uint64_t> &shape);

} // namespace tourguide::values
