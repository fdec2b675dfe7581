// The LLDB side of a tour's `collect`: one breakpoint per collected series, named
// "tourguide_collect", whose callback reads the value on the sampled passes and lets the
// program go on (it never stops). What is read when, and when a location pauses, is decided
// by tourguide/collect/SeriesCollection.h; this file places the breakpoints, reads the values
// and enables or disables the breakpoints as it says. The callback runs on LLDB's private
// state thread, so the collection lives behind a mutex.
#pragma once

#include "DebugInfoView.h"
#include "tourguide/collect/SeriesCollection.h"
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
  explicit Collector(collect::BudgetLimits limits = {}) : collection_(limits) {}
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
  /// Enables the breakpoints of the locations the collection re-armed (caller holds the lock).
  void enable(const std::vector<size_t> &locations);
  /// True while the target's process runs (the collection's clock settles otherwise).
  bool programRunning() const;
  lldb::SBBreakpoint breakpointOf(size_t index) const;

  mutable std::mutex mutex_;
  mutable collect::SeriesCollection collection_;
  std::vector<lldb::break_id_t> breakpoints_; ///< Parallel to the collection's series.
  lldb::SBTarget target_;
};

} // namespace tourguide::plugin
