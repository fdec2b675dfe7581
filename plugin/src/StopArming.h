// The tour's breakpoints. Every one carries the breakpoint name "tourguide" (so `tour end`
// removes exactly these and never the user's), is restricted to the target's own modules,
// and is disabled between `tour` commands: `tour next` enables the stop it runs to and the
// later ones (armFrom), each with an ignore count of hit-1, and a stop is disabled again as
// soon as it fires. A stop inside a loop that runs a million times therefore traps about once
// (a hit costs ~0.5 ms, so hits are never counted in a callback). docs/plugin.md, "Order
// policy", says when a later stop may come before the awaited one.
#pragma once

#include "DebugInfoView.h"
#include "TourSession.h"

#include <lldb/API/LLDB.h>

namespace tourguide::plugin {

inline constexpr const char *kBreakpointName = "tourguide";

/// Resolves `anchor` in `view` (tours::resolveAnchor) and leaves a disabled breakpoint named
/// `name` at the place that won. The result says where it resolved, or why no form did.
ResolvedStop placeStop(DebugInfoView &view, const tours::Anchor &anchor, const char *name = kBreakpointName);

/// Enables the breakpoint of stop `index` (ignore count = its hit - 1); disables all others.
void armOnly(TourSession &session, int index);

/// Enables stop `index` and every later stop not reached or skipped yet, each with ignore
/// count = its hit - 1 (so `hit` counts passes from now); disables all others. A stop whose
/// code does not run on this path then cannot hold up the rest of the tour.
void armFrom(TourSession &session, int index);

/// How often stop `index`'s code has been reached (LLDB's hit count, ignored hits included).
uint32_t hitCountOf(const TourSession &session, int index);

/// Disables every tour breakpoint (the tour is over or paused).
void disarmAll(TourSession &session);

/// During a run to the awaited stop, a later stop must not overtake it once the awaited stop's
/// line has run since the run began (its hit count is above `awaitedHits`; only its counted
/// hit has not come yet): a callback on each tour breakpoint then tells LLDB not to stop at the
/// later one and disables it for the rest of the leg, so the program is never seen stopped
/// there (an editor would show that stop go by). The callback runs on LLDB's private state
/// thread and reads only the guard's atomics and a hit count.
void guardOrder(TourSession &session, uint32_t awaitedHits);

/// The run is over: the tour breakpoints stop as armed again.
void releaseOrder(TourSession &session);

/// Deletes the tour's breakpoints (stops and collected series): only ids the session created
/// that still carry their name. Returns how many it deleted.
size_t removeTourBreakpoints(TourSession &session);

/// The tour breakpoint the thread is stopped at, as a stop index, or -1.
int stopIndexAtThread(const TourSession &session, lldb::SBThread thread);

/// Whether stop `index` waits at `frame`'s address and is due there (its Nth hit, when it has
/// a `hit`): two stops at one address (a function's entry and its first line) stop the program
/// once, and the second is shown there after the first, without running on past it.
bool isDueAt(const TourSession &session, int index, lldb::SBFrame frame);

} // namespace tourguide::plugin
