// The values a tour collects while the program runs: one series per `collect` entry, read on
// passes 1, 1 + every, 1 + 2*every, ... through its location. Memory stays bounded: a series
// that reaches kMaxPoints keeps every other point and from then on reads half as often.
#pragma once

#include "tourguide/charts/Series.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tourguide::collect {

inline constexpr size_t kMaxPoints = 20000;

/// What the tour asked for, and where it resolved.
struct SeriesSpec {
  std::string name, label, expr;
  std::string xExpr;  ///< Variable path of the x value; empty: the pass number.
  std::string where;  ///< "train.c:116 in main", for messages and chart titles.
  uint64_t every = 1;
};

struct CollectedSeries {
  SeriesSpec spec;
  uint64_t passes = 0;      ///< Passes counted (while armed: a paused location counts none).
  uint64_t stride = 1;      ///< Read every `stride` passes: spec.every, doubled when thinned.
  std::vector<double> x, y;
  uint64_t readErrors = 0;
  std::string lastError;    ///< Why the last failed read failed.
  unsigned pauses = 0;      ///< Times the budget paused the location.
  bool paused = false;
  bool resolved = true;
  std::string why;          ///< When not resolved: why not.

  explicit CollectedSeries(SeriesSpec s) : spec(std::move(s)), stride(spec.every ? spec.every : 1) {}

  /// Counts one pass; true when this pass is to be read.
  bool countPass();
  /// Appends a point read on the current pass (x: the pass number when `hasX` is false).
  void add(double yValue, bool hasX, double xValue);
  /// A failed read on the current pass.
  void fail(const std::string &why);
  /// Forgets the values (a new run of the program).
  void clear();
  /// What x counts: the tour's `x` expression, or "pass".
  std::string xName() const { return spec.xExpr.empty() ? "pass" : spec.xExpr; }
  /// The series as the charts draw it, labelled with xName().
  charts::Series chart() const;
};

} // namespace tourguide::collect
