#include "StopArming.h"

#include "Collection.h"
#include "OwnModules.h"

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>

namespace tourguide::plugin {

namespace {

lldb::SBBreakpoint tourBreakpoint(const TourSession &session, const ResolvedStop &stop) {
  if (stop.breakpointId == LLDB_INVALID_BREAK_ID || !session.target.IsValid())
    return {};
  lldb::SBTarget target = session.target;
  lldb::SBBreakpoint bp = target.FindBreakpointByID(stop.breakpointId);
  // The user may have deleted it, or reused the id: only touch it while it carries our name.
  if (!bp.IsValid() || !bp.MatchesName(kBreakpointName))
    return {};
  return bp;
}

} // namespace

/// What the order callback is given. LLDB keeps the raw pointer as long as the breakpoint
/// lives, longer than the session may: guards are never freed (a few bytes per tour start).
struct OrderGuard {
  std::atomic<bool> on{false};
  std::atomic<lldb::break_id_t> awaited{LLDB_INVALID_BREAK_ID};
  std::atomic<uint32_t> awaitedHits{0};
};

namespace {

OrderGuard *newOrderGuard() {
  static std::mutex mutex;
  static auto *all = new std::deque<std::unique_ptr<OrderGuard>>(); // never destroyed
  std::lock_guard<std::mutex> lock(mutex);
  return all->emplace_back(std::make_unique<OrderGuard>()).get();
}

bool keepsOrder(void *baton, lldb::SBProcess &process, lldb::SBThread &, lldb::SBBreakpointLocation &location) {
  // On LLDB's private state thread: nothing may escape; true lets LLDB stop as armed.
  try {
    auto *guard = static_cast<OrderGuard *>(baton);
    if (!guard || !guard->on)
      return true;
    lldb::break_id_t awaited = guard->awaited;
    lldb::SBBreakpoint mine = location.GetBreakpoint();
    if (awaited == LLDB_INVALID_BREAK_ID || !mine.IsValid() || mine.GetID() == awaited)
      return true;
    lldb::SBBreakpoint awaitedBp = process.GetTarget().FindBreakpointByID(awaited);
    if (!awaitedBp.IsValid() || awaitedBp.GetHitCount() <= guard->awaitedHits)
      return true;
    mine.SetEnabled(false); // for the rest of this leg: one trap, however hot its loop
    return false;
  } catch (...) {
    return true;
  }
}

} // namespace

void guardOrder(TourSession &session, uint32_t awaitedHits) {
  if (!session.orderGuard)
    session.orderGuard = newOrderGuard();
  OrderGuard &guard = *session.orderGuard;
  guard.on = false;
  lldb::break_id_t awaited = LLDB_INVALID_BREAK_ID;
  if (session.awaited >= 0 && static_cast<size_t>(session.awaited) < session.stops.size())
    awaited = session.stops[static_cast<size_t>(session.awaited)].breakpointId;
  guard.awaited = awaited;
  guard.awaitedHits = awaitedHits;
  for (const auto &stop : session.stops) {
    lldb::SBBreakpoint bp = tourBreakpoint(session, stop);
    if (bp.IsValid())
      bp.SetCallback(&keepsOrder, &guard);
  }
  guard.on = awaited != LLDB_INVALID_BREAK_ID;
}

void releaseOrder(TourSession &session) {
  if (session.orderGuard)
    session.orderGuard->on = false;
}

ResolvedStop placeStop(DebugInfoView &view, const tours::Anchor &anchor, const char *name) {
  ResolvedStop out;
  view.keepBreakpointsAs(name);
  DebugInfoView::Placement placed;
  tours::AnchorResolution r = view.resolve(anchor, placed);
  view.keepBreakpointsAs(nullptr);
  if (!r.resolved()) {
    out.why = r.why();
    if (out.why.empty())
      out.why = "the anchor names nothing this program has";
    return out;
  }
  out.resolved = true;
  out.form = r.form;
  // `tour start` and `tour list` warn about a pattern on several lines of a file, as they always
  // have; `tour check` about one on several lines of a function's body too.
  std::string repeated = repeatedPatternWarning(anchor, *r.winner());
  if (r.form == tours::AnchorForm::FilePattern && !repeated.empty())
    out.warnings.push_back(repeated);
  out.breakpointId = placed.breakpointId;
  out.locations = placed.locations;
  out.file = placed.file;
  out.line = placed.line;
  out.function = placed.function;
  return out;
}

void armOnly(TourSession &session, int index) {
  for (size_t i = 0; i < session.stops.size(); ++i) {
    lldb::SBBreakpoint bp = tourBreakpoint(session, session.stops[i]);
    if (!bp.IsValid())
      continue;
    bool mine = static_cast<int>(i) == index;
    if (mine) {
      unsigned hit = session.stop(index).hit;
      bp.SetIgnoreCount(hit > 0 ? hit - 1 : 0);
    }
    bp.SetEnabled(mine);
  }
}

void armFrom(TourSession &session, int index) {
  for (size_t i = 0; i < session.stops.size(); ++i) {
    lldb::SBBreakpoint bp = tourBreakpoint(session, session.stops[i]);
    if (!bp.IsValid())
      continue;
    const auto &state = session.stops[i];
    bool armed = index >= 0 && static_cast<int>(i) >= index && !state.reached && !state.skipped;
    if (armed) {
      unsigned hit = session.stop(static_cast<int>(i)).hit;
      bp.SetIgnoreCount(hit > 0 ? hit - 1 : 0);
    }
    bp.SetEnabled(armed);
  }
}

uint32_t hitCountOf(const TourSession &session, int index) {
  if (index < 0 || static_cast<size_t>(index) >= session.stops.size())
    return 0;
  lldb::SBBreakpoint bp = tourBreakpoint(session, session.stops[static_cast<size_t>(index)]);
  return bp.IsValid() ? bp.GetHitCount() : 0;
}

void disarmAll(TourSession &session) { armOnly(session, -1); }

size_t removeTourBreakpoints(TourSession &session) {
  size_t removed = 0;
  for (auto &stop : session.stops) {
    lldb::SBBreakpoint bp = tourBreakpoint(session, stop);
    if (bp.IsValid())
      removed += session.target.BreakpointDelete(bp.GetID()) ? 1 : 0;
    stop.breakpointId = LLDB_INVALID_BREAK_ID;
  }
  if (session.collector)
    removed += session.collector->remove();
  return removed;
}

int stopIndexAtThread(const TourSession &session, lldb::SBThread thread) {
  if (!thread.IsValid() || thread.GetStopReason() != lldb::eStopReasonBreakpoint ||
      thread.GetStopReasonDataCount() < 1)
    return -1;
  // The data is (breakpoint id, location id) pairs: a stop and a collected series may share
  // an address, so look at every breakpoint the thread stopped at.
  for (size_t d = 0; d + 1 < thread.GetStopReasonDataCount() || d == 0; d += 2) {
    auto id = static_cast<lldb::break_id_t>(thread.GetStopReasonDataAtIndex(static_cast<uint32_t>(d)));
    for (size_t i = 0; i < session.stops.size(); ++i)
      if (session.stops[i].breakpointId == id && id != LLDB_INVALID_BREAK_ID)
        return static_cast<int>(i);
  }
  return -1;
}

bool isDueAt(const TourSession &session, int index, lldb::SBFrame frame) {
  if (index < 0 || static_cast<size_t>(index) >= session.stops.size() || !frame.IsValid())
    return false;
  const ResolvedStop &stop = session.stops[static_cast<size_t>(index)];
  if (!stop.resolved || stop.reached || stop.skipped)
    return false;
  lldb::SBBreakpoint bp = tourBreakpoint(session, stop);
  // The order guard counted the trap at this address as a hit before it kept it from stopping.
  return bp.IsValid() && bp.FindLocationByAddress(frame.GetPC()).IsValid() &&
         bp.GetHitCount() >= session.stop(index).hit;
}

} // namespace tourguide::plugin
