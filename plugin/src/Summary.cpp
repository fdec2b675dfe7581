#include "Summary.h"
#include "tourguide/render/TextLayout.h"

#include "Collection.h"
#include "SeriesText.h"

namespace tourguide::plugin {

namespace {

std::string position(const TourSession &s, size_t i) {
  return std::to_string(i + 1) + "/" + std::to_string(s.size());
}

std::string place(const ResolvedStop &r) {
  std::string file = r.file;
  auto slash = file.rfind('/');
  if (slash != std::string::npos)
    file = file.substr(slash + 1);
  std::string out = r.function.empty() ? "" : r.function + ", ";
  out += file + ":" + std::to_string(r.line);
  out += ", " + std::to_string(r.locations) + (r.locations == 1 ? " location" : " locations");
  return out;
}

} // namespace

std::string listText(const TourSession &s) {
  std::string out = "Tour: " + render::sanitize(s.tour->title) + " (" + std::to_string(s.size()) + " stops)\n";
  for (size_t i = 0; i < s.size(); ++i) {
    const auto &stop = s.tour->stops[i];
    const auto &r = s.stops[i];
    std::string mark = static_cast<int>(i) == s.current ? "->" : r.reached ? " *" : r.skipped ? " -" : "  ";
    out += mark + " " + position(s, i) + "  " + stop.id + "  [" + render::sanitize(stop.stage) + "]  " + render::sanitize(stop.title) + "\n";
    if (r.resolved) {
      out += "        at " + place(r) + " (by " + tours::formName(r.form) + ")";
      if (stop.hit > 1)
        out += ", hit " + std::to_string(stop.hit);
      out += "\n";
      for (const auto &w : r.warnings)
        out += "        warning: " + w + "\n";
    } else {
      out += "        unresolved: " + r.why + "\n";
    }
  }
  out += "(-> current stop, * reached, - skipped)\n";
  return out;
}

std::string statusText(const TourSession &s) {
  size_t reached = 0, unresolved = 0, pending = 0, skipped = 0;
  std::string pendingIds, unresolvedIds, skippedIds;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto &r = s.stops[i];
    if (!r.resolved) {
      ++unresolved;
      unresolvedIds += (unresolvedIds.empty() ? "" : ", ") + s.tour->stops[i].id;
    } else if (r.reached) {
      ++reached;
    } else if (r.skipped) {
      ++skipped;
      skippedIds += (skippedIds.empty() ? "" : ", ") + s.tour->stops[i].id;
    } else {
      ++pending;
      pendingIds += (pendingIds.empty() ? "" : ", ") + s.tour->stops[i].id;
    }
  }
  std::string out = "Tour: " + render::sanitize(s.tour->title) + "\n";
  out += "File: " + s.tour->sourcePath + "\n";
  if (s.current >= 0)
    out += "Current stop: " + position(s, static_cast<size_t>(s.current)) + " " +
           s.stop(s.current).id + " (" + render::sanitize(s.stop(s.current).title) + ")\n";
  else
    out += "Current stop: none\n";
  if (s.awaited >= 0)
    out += "Next stop: " + position(s, static_cast<size_t>(s.awaited)) + " " + s.stop(s.awaited).id + "\n";
  out += "Reached: " + std::to_string(reached) + "\n";
  out += "Not yet reached: " + std::to_string(pending) + (pendingIds.empty() ? "" : " (" + pendingIds + ")") + "\n";
  if (skipped)
    out += "Skipped: " + std::to_string(skipped) + " (" + skippedIds + ")\n";
  out += "Unresolved: " + std::to_string(unresolved) +
         (unresolvedIds.empty() ? "" : " (" + unresolvedIds + ")") + "\n";
  out += "Process: " + processStateText(s) + "\n";
  if (s.collector)
    out += collectionStatus(s.collector->series(), s.collector->addedSeconds(), s.collector->ownSeconds(),
                            s.collector->limits());
  return out;
}

std::string resolutionReport(const TourSession &s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto &r = s.stops[i];
    const auto &stop = s.tour->stops[i];
    if (!r.resolved)
      out += "warning: stop " + position(s, i) + " '" + stop.id + "' did not resolve and is skipped: " +
             r.why + "\n";
    for (const auto &w : r.warnings)
      out += "warning: stop " + position(s, i) + " '" + stop.id + "': " + w + "\n";
  }
  return out;
}

std::string endSummary(const TourSession &s, const RunOutcome &outcome) {
  std::string out = "The program " + outcome.text + ".\n";
  size_t reached = s.reachedCount();
  std::string never, skipped;
  for (size_t i = 0; i < s.size(); ++i)
    if (s.stops[i].skipped)
      skipped += "  " + position(s, i) + " " + s.tour->stops[i].id + "\n";
    else if (s.stops[i].resolved && !s.stops[i].reached)
      never += "  " + position(s, i) + " " + s.tour->stops[i].id + " (" + render::sanitize(s.tour->stops[i].title) + ")\n";
  out += "Tour '" + render::sanitize(s.tour->title) + "': " + std::to_string(reached) + " of " + std::to_string(s.size()) +
         " stops reached.\n";
  if (!never.empty()) {
    out += "Never reached:\n" + never;
    out += "A stop is not reached when the program ";
    out += outcome.end == RunEnd::Crashed ? "crashed before getting there"
           : outcome.end == RunEnd::Gone  ? "was killed or detached before getting there"
                                          : "ended before getting there";
    out += ", when its code only runs on a path this run did not take (a branch, an option, an "
           "error case), or when its code ran only before the tour started or while the tour "
           "waited for another stop's Nth hit.\n";
  }
  if (!skipped.empty())
    out += "Skipped with 'tour goto' or 'tour start --from':\n" + skipped;
  std::string unresolved;
  for (size_t i = 0; i < s.size(); ++i)
    if (!s.stops[i].resolved)
      unresolved += "  " + position(s, i) + " " + s.tour->stops[i].id + ": " + s.stops[i].why + "\n";
  if (!unresolved.empty())
    out += "Skipped (did not resolve):\n" + unresolved;
  if (s.collector)
    out += collectionStatus(s.collector->series(), s.collector->addedSeconds(), s.collector->ownSeconds(),
                            s.collector->limits()) +
           "'tour plot' draws the series; they stay until the tour ends or the program is run again.\n";
  out += "Type 'tour start " + s.tour->sourcePath +
         "' to take the tour again, or 'tour end' to remove its breakpoints.\n";
  return out;
}

} // namespace tourguide::plugin
