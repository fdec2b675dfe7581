// Where a stage's stop goes so that the values it shows are computed there: past the Σ loop that
// fills an accumulator, past the loop that updates the parameters, past the statement that reads
// or assigns them (the whole `if` around a read in its condition), past a call whose value is
// stored. The line that decided the stage stays the finding's anchor, for the text; only the
// place the debugger stops moves. Plain C++: the plugin reads findings too.
#pragma once

#include "tourguide/indexer/Facts.h"

#include <functional>
#include <string>
#include <vector>

namespace tourguide::indexer {

struct StageMatch;

/// Where the stop is placed when it is not on the anchor line.
struct StopPlace {
  unsigned line = 0;  ///< 0: on the anchor line (nothing computes the values later, or no place after).
  std::string text;   ///< That line, trimmed: the tour's anchor pattern.
  /// What the stop steps past: the Σ or update loop (`pastLoop`), or the anchor's full statement.
  unsigned pastLine = 0, pastEndLine = 0;
  bool pastLoop = false;
};

/// Places the stops of `fn`'s matches (StageMatch::stop) and puts the watches that exist there
/// first. `mayStepPast(loop)` says whether a stop may move past loop `loop` of `fn` (not past a
/// training loop: its stops would wait until training ends). A match that shares its call with
/// a framework's training loop (`trainer.train(...)`) stays at the call. `lines`: `fn`'s file as
/// collapsedLines (TourDraft.h) reads it; a place is taken only where a draft's pattern finds
/// it again (a function's closing brace after another `}` is not), so that the tour keeps the
/// stop through edits. Empty: the file is not known, every place is taken.
void placeStops(const FunctionFacts &fn, std::vector<StageMatch> &matches, const std::function<bool(int)> &mayStepPast,
                const std::vector<std::string> &lines = {});

} // namespace tourguide::indexer
