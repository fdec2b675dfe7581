// How much a collection may slow the program down. In LLDB 14 every pass through a collected
// location is a breakpoint trap that round-trips to lldb-server (about 0.5 ms here, whatever
// the callback does), so sampling every k-th pass saves the reading but not the trap. The
// only way to bound the slowdown is to stop trapping: when the estimated time the collection
// has added exceeds the budget, the location is disarmed ("paused") until the budget allows
// it again and the plugin next has the program stopped (a tour stop, or a pass through
// another collected location).
//
// The bound (docs/plugin.md#collected-series):
//   added time <= maxExtra * (the program's own running time) + allowance
// i.e. the run takes at most (1 + maxExtra) times as long as without collection, plus the
// allowance. Defaults: maxExtra = 0.25, allowance = 0.1 s. Each of the n locations gets an
// equal share (1/n) of it, so a hot per-batch location exhausts only its own share and never
// pauses a per-epoch location that traps a dozen times.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tourguide::collect {

struct BudgetLimits {
  double maxExtra = 0.25;          ///< Added time as a fraction of the program's own time.
  double allowanceSeconds = 0.1;   ///< Added time always allowed (a short program's first passes).
  /// Estimated cost of one trap, beyond the callback's own time: bench/live measured
  /// 0.46-0.70 ms here (more on a loaded machine); the estimate errs on the high side.
  double trapSeconds = 0.0008;
};

/// Tracks the program's running time and the time the collection added. All times are in
/// seconds on one monotonic clock supplied by the caller (so the arithmetic is testable).
class CollectionBudget {
public:
  explicit CollectionBudget(BudgetLimits limits = {}, size_t locations = 1)
      : limits_(limits), added_(locations ? locations : 1, 0.0) {}

  /// The program was resumed (launched or continued) at `now`.
  void resumed(double now);
  /// The program stopped (a tour stop, an exit, an interrupt) at `now`.
  void stopped(double now);
  /// True between resumed() and stopped().
  bool running() const { return runningSince_ >= 0; }
  /// One pass through collected location `location`: the trap, plus `callbackSeconds` spent
  /// reading.
  void chargePass(size_t location, double callbackSeconds);

  /// Re-arming a paused location writes its breakpoint back into the program: about one trap.
  void chargeRearm(size_t location);

  /// True while location `location` may keep trapping at `now` (within its share of the bound).
  bool allows(size_t location, double now) const;
  /// Time the collection is estimated to have added, in seconds (all locations).
  double addedSeconds() const;
  /// The program's own running time up to `now` (running wall time minus what was added).
  double ownSeconds(double now) const;
  /// Passes charged so far.
  uint64_t passes() const { return passes_; }
  const BudgetLimits &limits() const { return limits_; }

private:
  BudgetLimits limits_;
  double ranBefore_ = 0;  ///< Running wall time of the earlier run segments.
  double runningSince_ = -1; ///< Start of the current run segment, or -1 while stopped.
  std::vector<double> added_; ///< Per location.
  uint64_t passes_ = 0;
};

} // namespace tourguide::collect
