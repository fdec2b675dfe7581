// Collecting a tour's series, without the debugger: the series, which passes are read, what
// the budget says about each location after a pass, and when the program's clock runs. The
// LLDB side (plugin/src/Collection.cpp) places one breakpoint per series, reads the values this
// asks for, and enables or disables the breakpoints as it says. Not thread-safe: the caller
// serialises the calls (the plugin holds a mutex, since its callbacks run on LLDB's private
// state thread).
#pragma once

#include "tourguide/collect/CollectionBudget.h"
#include "tourguide/collect/SeriesStore.h"
#include "tourguide/tours/Tour.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tourguide::collect {

/// Seconds on a monotonic clock (std::chrono::steady_clock).
double steadySeconds();

/// `limits`, unless TOURGUIDE_COLLECT_BUDGET=off (for bench/live, which measures the unbounded
/// cost): then locations are never paused.
BudgetLimits limitsFromEnvironment(BudgetLimits limits);

/// What a tour's `collect` entry asks for (`where` is filled in once its place resolved).
SeriesSpec specOf(const tours::Collect &c);

/// "train.c:116 in main": the file's name, the line and the function without its parameters
/// ("Trainer::train_epoch(data::DataLoader &)" -> "Trainer::train_epoch": the line says enough).
std::string placeText(const std::string &file, unsigned line, const std::string &function);

/// Reads the variable path `path` where the program stands on this pass; false with `why`
/// when it cannot.
using ReadValue = std::function<bool(const std::string &path, double &value, std::string &why)>;

class SeriesCollection {
public:
  using Clock = std::function<double()>;
  explicit SeriesCollection(BudgetLimits limits = {}, Clock clock = steadySeconds)
      : budget_(limits), clock_(std::move(clock)) {}

  /// A series collected at a place that resolved; returns its index (its location's).
  size_t add(SeriesSpec spec);
  /// A series whose place did not resolve: listed with the reason, never read.
  size_t addUnresolved(SeriesSpec spec, std::string why);
  /// After the last add: each location gets an equal share of the slowdown bound
  /// (CollectionBudget.h), with the limits from limitsFromEnvironment.
  void shareBudget();

  /// What the debugger side does with its breakpoints after a pass.
  struct PassOutcome {
    bool pause = false;         ///< Disable this location: its share of the budget is spent.
    std::vector<size_t> rearm;  ///< Enable these paused locations again.
  };
  /// One pass through location `index`, which began at `start` (on the clock): counts it, reads
  /// the series' value (and x) through `read` on the passes to be read, charges the time.
  PassOutcome pass(size_t index, double start, const ReadValue &read);

  /// The program is resumed by the plugin (launch or continue); returns the paused locations
  /// to enable again. `programRunning`: as settleClock.
  std::vector<size_t> resumed(bool programRunning);
  /// The program stopped (a tour stop, an exit, an interrupt).
  void stopped();
  /// A new process: forgets the values of the previous run and starts a fresh budget; returns
  /// the locations the last run paused, to enable again.
  std::vector<size_t> newRun();
  /// After a run the user started with their own `continue`: when the program is no longer
  /// running, stops the budget's clock at the last pass seen.
  void settleClock(bool programRunning);

  const std::vector<CollectedSeries> &series() const { return series_; }
  double addedSeconds() const { return budget_.addedSeconds(); }
  /// The program's own running time so far (the clock settled first: see settleClock).
  double ownSeconds(bool programRunning);
  BudgetLimits limits() const { return budget_.limits(); }
  bool empty() const { return series_.empty(); }

private:
  /// Marks every paused location the budget allows again as armed; returns them.
  std::vector<size_t> rearm(double now);

  std::vector<CollectedSeries> series_;
  CollectionBudget budget_;
  double lastPass_ = -1; ///< Time of the last pass through any location.
  Clock clock_;
};

} // namespace tourguide::collect
