#include "Annotate.h"

#include "OwnModules.h"
#include "tourguide/render/Annotation.h"
#include "tourguide/render/TerminalStyle.h"
#include "tourguide/values/WatchReader.h"

#include <ctime>

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
         std::to_string(session.size()) + " (" + session.stop(next).title + ").";
}

std::string annotateStop(lldb::SBDebugger debugger, TourSession &session, int index,
                         lldb::SBFrame frame, bool record) {
  const tours::Stop &stop = session.stop(index);
  const ResolvedStop &where = session.stops.at(static_cast<size_t>(index));
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
    in.file = where.file;
    in.line = where.line;
  }
  if (frame.IsValid()) {
    // Read without running the program; expressions only with the user's --trust.
    for (const auto &w : stop.watch)
      in.watches.push_back(
          values::readWatch(frame, {w.expr, w.label, w.count, session.trusted, &session.tour->types}));
    if (record) {
      ResolvedStop &kept = session.stops.at(static_cast<size_t>(index));
      kept.seenWatches.clear();
      for (const auto &line : in.watches)
        kept.seenWatches.push_back({line.label, line.value, line.error});
    }
  }
  if (record)
    session.stops.at(static_cast<size_t>(index)).reachedAt = utcNow();
  in.nextHint = nextHint(session, index);
  render::Style style = render::styleFor(debugger);
  return render::renderAnnotation(in, style);
}

} // namespace tourguide::plugin
