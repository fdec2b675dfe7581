// The LLDB side of a tour's `collect`: one breakpoint per collected series, named
// "tourguide_collect", whose callback reads the value on the sampled passes and lets the
// program go on (it never stops). The callback runs on LLDB's private state thread, so the
// series live behind a mutex; the budget (tourguide/collect/CollectionBudget.h) pauses a
// location whose traps would slow the program down more than the documented bound.
#pragma once

#include "DebugInfoView.h"
#include "tourguide/collect/CollectionBudget.h"
#include "tourguide/collect/SeriesStore.h"
#include "tourguide/tours/Tour.h"

#include <lldb/API/LLDB.h>

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tourguide::plugin {

/// LLDB breakpoint names may not contain '-' or '.' (they would read as id ranges).
inline constexpr const char *kCollectBreakpointName = "tourguide_collect";

class Collector : public std::enable_shared_from_this<Collector> {
public:
  explicit Collector(collect::BudgetLimits limits = {}) : budget_(limits) {}
  ~Collector();
  Collector(const Collector &) = delete;
  Collector &operator=(const Collector &) = delete;

  /// Places one breakpoint per `collect` entry of the tour (tour-level ones at their anchor,
  /// a stop's at its own anchor or the stop's). Unresolved entries are kept with the reason.
  void place(lldb::SBTarget target, const tours::Tour &tour, DebugInfoView &view);
  /// Deletes the breakpoints (only ids this collector made that still carry the name);
  /// returns how many it deleted.
  size_t remove();

  /// Around every launch or continue the plugin does: re-arms paused locations the budget
  /// allows again, and keeps the program's running time.
  void resumed();
  void stopped();
  /// A new process: forget the values of the previous run.
  void newRun();

  /// A copy of every series, to draw or report (taken under the lock).
  std::vector<collect::CollectedSeries> series() const;
  /// The series named `name`, if the tour declares it.
  bool find(const std::string &name, collect::CollectedSeries &out) const;
  double addedSeconds() const;
  double ownSeconds() const;
  collect::BudgetLimits limits() const;
  bool empty() const;

private:
  struct Site;
  /// Every Site ever made, never freed (see Site); guarded by a mutex of its own.
  static std::deque<std::unique_ptr<Site>> &sites();
  static bool onPass(void *baton, lldb::SBProcess &process, lldb::SBThread &thread,
                     lldb::SBBreakpointLocation &location);
  void pass(size_t index, lldb::SBThread &thread);
  /// Enables every paused location when the budget allows it (caller holds the lock).
  void rearmLocked(double now);
  /// After a run the user started with their own `continue`: when the program is no longer
  /// running, stop the budget's clock at the last pass seen (caller holds the lock).
  void settleClockLocked() const;
  lldb::SBBreakpoint breakpointOf(size_t index) const;

  mutable std::mutex mutex_;
  std::vector<collect::CollectedSeries> series_;
  std::vector<lldb::break_id_t> breakpoints_; ///< Parallel to series_.
  mutable collect::CollectionBudget budget_;
  double lastPass_ = -1; ///< Time of the last pass through any location.
  lldb::SBTarget target_;
};

} // namespace tourguide::plugin
