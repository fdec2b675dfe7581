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
// allowance. Defaults: maxExtra = 0.25, allowance = 0.1 s.
#pragma once

#include <cstdint>

namespace tourguide::collect {

struct BudgetLimits {
  double maxExtra = 0.25;          ///< Added time as a fraction of the program's own time.
  double allowanceSeconds = 0.1;   ///< Added time always allowed (a short program's first passes).
  double trapSeconds = 0.0006;     ///< Estimated cost of one trap, beyond the callback's own time.
};

/// Tracks the program's running time and the time the collection added. All times are in
/// seconds on one monotonic clock supplied by the caller (so the arithmetic is testable).
class CollectionBudget {
public:
  explicit CollectionBudget(BudgetLimits limits = {}) : limits_(limits) {}

  /// The program was resumed (launched or continued) at `now`.
  void resumed(double now);
  /// The program stopped (a tour stop, an exit, an interrupt) at `now`.
  void stopped(double now);
  /// One pass through a collected location: the trap, plus `callbackSeconds` spent reading.
  void chargePass(double callbackSeconds);

  /// True while the collection may keep trapping at `now` (within the bound).
  bool allows(double now) const;
  /// Time the collection is estimated to have added, in seconds.
  double addedSeconds() const { return added_; }
  /// The program's own running time up to `now` (running wall time minus what was added).
  double ownSeconds(double now) const;
  /// Passes charged so far.
  uint64_t passes() const { return passes_; }
  const BudgetLimits &limits() const { return limits_; }

private:
  BudgetLimits limits_;
  double ranBefore_ = 0;  ///< Running wall time of the earlier run segments.
  double runningSince_ = -1; ///< Start of the current run segment, or -1 while stopped.
  double added_ = 0;
  uint64_t passes_ = 0;
};

} // namespace tourguide::collect
