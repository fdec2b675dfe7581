// The text printed at a tour stop: built from the tour (stage, title, Markdown), the stopped
// frame (file, line, watched values) and the session (position, what to type next), and
// drawn by tourguide::render.
#pragma once

#include "TourSession.h"

#include <lldb/API/LLDB.h>

#include <string>

namespace tourguide::plugin {

/// The annotation of stop `index`, reading its watches from `frame` (an invalid frame, e.g.
/// after the process exited, shows the text and source without values). A watch whose
/// numbers an earlier stop showed (the same watch in the same function, or the same memory
/// under another name: values::matchSnapshots) gets a line under it saying how they changed
/// since the most recent such stop ("Δ since stop 3 (init): 0.5→0.25"). With `record` (the
/// program just reached the stop, not `tour show`), the values shown, their numbers and the
/// change lines are kept in the session for later stops and `tour report`; `tour show`
/// compares with the stops reached before this one and keeps nothing.
std::string annotateStop(lldb::SBDebugger debugger, TourSession &session, int index,
                         lldb::SBFrame frame, bool record);

/// What to type next after stop `index` ("Type `tour next` to run to stop 4/7: ...").
std::string nextHint(const TourSession &session, int index);

} // namespace tourguide::plugin
