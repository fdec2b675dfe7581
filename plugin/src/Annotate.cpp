#include "Annotate.h"
#include "tourguide/render/TextLayout.h"

#include "Collection.h"
#include "DebuggerStyle.h"
#include "OwnModules.h"
#include "SeriesText.h"
#include "tourguide/render/Annotation.h"
#include "tourguide/values/WatchReader.h"

#include <algorithm>
#include <ctime>
#include <vector>

namespace tourguide::plugin {

namespace {

/// "2026-11-21T18:30:05Z".
std::string utcNow() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  return std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc) ? text : "";
}

// Numbers kept for "Δ since stop N" lines over all the stops of a session (8 bytes each,
// plus a sample's indices): past this the oldest stops' numbers are dropped.
constexpr size_t KeptNumbersBudget = size_t(4) << 20;

/// "Δ since stop 3 (epoch-1): 1→2": how `now` differs from the same value (see
/// values::matchSnapshots) at the most recent stop, reached before `before` in the same
/// process, whose watches showed it. "" when none did, or when a single number did not
/// change (the line would only repeat the value above it).
std::string changeSince(const TourSession &s, uint64_t before, uint32_t process,
                        const values::NumericSnapshot &now) {
  std::vector<size_t> earlier;
  for (size_t i = 0; i < s.stops.size(); ++i) {
    const ResolvedStop &stop = s.stops[i];
    if (stop.reachOrder != 0 && stop.reachOrder < before && stop.snapshotProcess == process &&
        !stop.snapshots.empty())
      earlier.push_back(i);
  }
  std::sort(earlier.begin(), earlier.end(), [&](size_t a, size_t b) {
    return s.stops[a].reachOrder > s.stops[b].reachOrder; // most recent first
  });
  for (size_t i : earlier) {
    const values::NumericSnapshot *match = nullptr;
    values::SnapshotMatch how = values::SnapshotMatch::None;
    for (const values::NumericSnapshot &then : s.stops[i].snapshots) {
      values::SnapshotMatch m = values::matchSnapshots(then, now);
      if (m == values::SnapshotMatch::None || (match && how == values::SnapshotMatch::SameWatch))
        continue;
      if (!match || m == values::SnapshotMatch::SameWatch)
        match = &then, how = m; // the same watch wins over other names for its memory
    }
    if (!match)
      continue;
    std::string text = values::describeMatchedChange(*match, now, how);
    if (text.empty() || (now.total == 1 && text == "unchanged"))
      return {};
    return "\u0394 since stop " + std::to_string(i + 1) + " (" + s.stop(static_cast<int>(i)).id +
           "): " + text;
  }
  return {};
}

/// Drops the numbers of the stops reached longest ago (never `keep`'s) until all the stops
/// together keep at most KeptNumbersBudget.
void boundKeptNumbers(TourSession &s, size_t keep) {
  auto sizeOf = [](const ResolvedStop &stop) {
    size_t n = 0;
    for (const values::NumericSnapshot &snapshot : stop.snapshots)
      n += snapshot.values.size() + snapshot.indices.size();
    return n;
  };
  size_t total = 0;
  for (const ResolvedStop &stop : s.stops)
    total += sizeOf(stop);
  while (total > KeptNumbersBudget) {
    ResolvedStop *oldest = nullptr;
    for (size_t i = 0; i < s.stops.size(); ++i)
      if (i != keep && !s.stops[i].snapshots.empty() &&
          (!oldest || s.stops[i].reachOrder < oldest->reachOrder))
        oldest = &s.stops[i];
    if (!oldest)
      break;
    total -= sizeOf(*oldest);
    oldest->snapshots.clear();
    oldest->snapshots.shrink_to_fit();
  }
}

} // namespace

std::string nextHint(const TourSession &session, int index) {
  // The next stop is the first pending one in tour order (an earlier one, when the program
  // reached this stop out of order); later pending stops are armed too.
  int next = session.firstPending();
  if (next == index)
    next = session.nextResolved(index + 1);
  if (next < 0)
    return "This is the last stop. Type 'tour next' to let the program finish, or 'tour end' to "
           "leave the tour.";
  return "Type 'tour next' to run to stop " + std::to_string(next + 1) + "/" +
         std::to_string(session.size()) + " (" + render::sanitize(session.stop(next).title) + ").";
}

std::string annotateStop(lldb::SBDebugger debugger, TourSession &session, int index,
                         lldb::SBFrame frame, bool record) {
  const tours::Stop &stop = session.stop(index);
  ResolvedStop &here = session.stops.at(static_cast<size_t>(index));
  render::AnnotationInput in;
  in.stage = stop.stage;
  in.title = stop.title;
  in.markdown = stop.text;
  in.index = static_cast<size_t>(index) + 1;
  in.total = session.size();
  lldb::SBLineEntry entry = frame.IsValid() ? frame.GetLineEntry() : lldb::SBLineEntry();
  if (entry.IsValid()) {
    in.file = pathOf(entry.GetFileSpec());
    in.line = entry.GetLine();
  } else {
    in.file = here.file;
    in.line = here.line;
  }
  if (SourceAccess access = session.sourceAccess(); !in.file.empty() && !access.allows(in.file))
    in.sourceWithheld = access.refusal(in.file);
  if (frame.IsValid()) {
    // Changes are measured against the stops reached before this one: all of them when it
    // has just been reached, those before its own visit for `tour show`.
    uint64_t before = record || here.reachOrder == 0 ? session.reachCount + 1 : here.reachOrder;
    uint32_t process = frame.GetThread().GetProcess().GetUniqueID();
    std::vector<values::NumericSnapshot> snapshots;
    // Read without running the program; expressions only with the user's --trust.
    for (const auto &w : stop.watch) {
      values::WatchResult read = values::readWatchWithSnapshot(
          frame, {w.expr, w.label, w.count, session.trusted, &session.tour->types});
      if (read.snapshot) {
        read.line.change = changeSince(session, before, process, *read.snapshot);
        snapshots.push_back(std::move(*read.snapshot));
      }
      in.watches.push_back(std::move(read.line));
    }
    if (record) {
      here.seenWatches.clear();
      for (const auto &line : in.watches)
        here.seenWatches.push_back({line.label, line.value, line.error, line.change});
      here.snapshots = std::move(snapshots);
      here.snapshotProcess = process;
      boundKeptNumbers(session, static_cast<size_t>(index));
    }
  }
  if (record) {
    here.reachedAt = utcNow();
    here.reachOrder = ++session.reachCount;
  }
  in.nextHint = nextHint(session, index);
  render::Style style = render::styleFor(debugger);
  if (session.collector)
    in.after = seriesAtStop(session.collector->series(), stop.plot, style);
  return render::renderAnnotation(in, style);
}

} // namespace tourguide::plugin
