// The tour's breakpoints. Every one carries the breakpoint name "tourguide" (so `tour end`
// removes exactly these and never the user's), is restricted to the target's own modules,
// and is disabled until its turn: only the stop `tour next` runs to is enabled, with an
// ignore count of hit-1, and it is disabled again as soon as it fires. A stop inside a loop
// that runs a million times therefore traps once (a hit costs ~0.5 ms, so hits are never
// counted in a callback).
#pragma once

#include "AnchorResolver.h"
#include "TourSession.h"

#include <lldb/API/LLDB.h>

namespace tourguide::plugin {

inline constexpr const char *kBreakpointName = "tourguide";

/// Creates a disabled, named breakpoint for the first candidate that has code locations
/// in `modules`. The result says where it resolved, or why no candidate did.
ResolvedStop placeStop(lldb::SBTarget target, const lldb::SBFileSpecList &modules,
                       const AnchorCandidates &candidates);

/// Enables the breakpoint of stop `index` (ignore count = its hit - 1); disables all others.
void armOnly(TourSession &session, int index);

/// Disables every tour breakpoint (the tour is over or paused).
void disarmAll(TourSession &session);

/// Deletes the tour's breakpoints: only ids the session created that still carry the name.
void removeTourBreakpoints(TourSession &session);

/// The tour breakpoint the thread is stopped at, as a stop index, or -1.
int stopIndexAtThread(const TourSession &session, lldb::SBThread thread);

} // namespace tourguide::plugin
