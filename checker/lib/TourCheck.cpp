// Whole-tour checking and --fix: resolve each stop and each series with an anchor of its own,
// try its repairs on a copy of the anchor until it checks clean, then splice only the repaired
// tokens into the original text, re-load it to prove it is still a valid tour, and replace the
// file atomically.
#include "tourguide/checker/TourCheck.h"
#include "tourguide/checker/AnchorEditor.h"

#include "tourguide/tours/Files.h"
#include "tourguide/tours/TourFile.h"

// Private scanner of the tours library: positions of every JSON Pointer's key and value.
#include "JsonPositions.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

namespace tourguide::checker {

using tours::Severity;

std::string AnchorReport::describe() const {
  return isSeries() ? "series '" + id + "'" : "stop '" + id + "' (\"" + title + "\")";
}

tours::FilePos AnchorReport::positionOf(const std::string &field) const {
  auto it = fieldPos.find(field);
  if (it != fieldPos.end())
    return it->second;
  return anchorPos.line ? anchorPos : stopPos;
}

std::vector<const AnchorReport *> TourReport::anchors() const {
  std::vector<const AnchorReport *> all;
  for (const std::vector<AnchorReport> *list : {&stops, &series})
    for (const AnchorReport &a : *list)
      all.push_back(&a);
  return all;
}

unsigned TourReport::errors() const {
  unsigned n = static_cast<unsigned>(tours::hasErrors(loadErrors) ? 1 : 0);
  for (const AnchorReport *a : anchors())
    for (const Finding &f : a->check.findings)
      n += f.severity == Severity::Error;
  return n + (writeError.empty() ? 0 : 1);
}

unsigned TourReport::warnings() const {
  unsigned n = 0;
  for (const AnchorReport *a : anchors())
    for (const Finding &f : a->check.findings)
      n += f.severity == Severity::Warning;
  return n;
}

int exitCodeFor(const std::vector<TourReport> &reports) {
  for (const TourReport &r : reports)
    if (r.errors())
      return 1;
  return 0;
}

namespace {

std::string absoluteRoot(const tours::Tour &tour) {
  llvm::SmallString<256> root(tours::repoRoot(tour));
  llvm::sys::fs::make_absolute(root);
  llvm::sys::path::remove_dots(root, true);
  return std::string(root);
}

/// Repairs that make the stop check clean, or none. Each round applies the repairs proposed
/// so far and checks again: a renamed function may then show a line that moved.
std::vector<Repair> repairsToClean(const tours::Anchor &anchor, const StopCheck &first, const SourceIndex &index,
                                   SourceFiles &files, const std::string &root, StopCheck &after) {
  std::vector<Repair> all;
  StopCheck current = first;
  tours::Anchor a = anchor;
  for (int round = 0; round < 3; ++round) {
    if (current.clean()) {
      after = current;
      return all;
    }
    if (current.repairs.empty() || !current.unfixableReason.empty())
      return {};
    for (const Repair &r : current.repairs) {
      auto same = std::find_if(all.begin(), all.end(), [&](const Repair &x) { return x.field == r.field; });
      if (same == all.end())
        all.push_back(r);
      else
        *same = {r.field, same->before, r.after, r.reason};
    }
    a = applyRepairs(anchor, all);
    current = checkAnchor(a, index, files, root);
  }
  if (!current.clean())
    return {};
  after = current;
  return all;
}

std::string jsonToken(const Repair &r) {
  if (r.field == "line")
    return r.after;
  return nlohmann::json(r.after).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void place(AnchorReport &a, const tours::JsonPositions &positions) {
  a.stopPos = positions.valueAt(a.pointer);
  a.anchorPos = positions.valueAt(a.pointer + "/anchor");
  a.fieldPos.clear();
  for (const char *field : {"function", "file", "pattern", "line"}) {
    auto it = positions.entries.find(a.pointer + "/anchor/" + field);
    if (it != positions.entries.end())
      a.fieldPos[field] = it->second.value;
  }
}

/// Checks `anchor` for `a` and, with --fix, queues the edits that repair it.
void checkOne(AnchorReport &a, const tours::Anchor &anchor, const SourceIndex &index, SourceFiles &files,
              const std::string &root, const CheckOptions &options, std::vector<FieldEdit> &edits) {
  a.check = checkAnchor(anchor, index, files, root);
  if (!options.fix || a.check.clean())
    return;
  StopCheck after;
  std::vector<Repair> repairs = repairsToClean(anchor, a.check, index, files, root, after);
  if (repairs.empty())
    return;
  a.before = a.check;
  a.check = after;
  a.applied = repairs;
  for (const Repair &r : repairs)
    edits.push_back({a.pointer + "/anchor", r.field, jsonToken(r)});
}

AnchorReport seriesReport(const tours::Collect &c, size_t index, const std::string &pointer,
                          const std::string &stopId, const tours::JsonPositions &positions) {
  AnchorReport a;
  a.owner = AnchorOwner::Series;
  a.id = c.name;
  a.title = c.label;
  a.stopId = stopId;
  a.index = index;
  a.pointer = pointer;
  place(a, positions);
  return a;
}

} // namespace

std::string tourRepoRoot(const std::string &path) {
  tours::LoadResult loaded = tours::loadTourFile(path);
  return loaded.ok() ? absoluteRoot(*loaded.tour) : std::string();
}

TourReport checkTourFile(const std::string &path, const SourceIndex &index, SourceFiles &files,
                         const CheckOptions &options) {
  TourReport report;
  report.path = path;
  std::string text; // read once, by the loader's own rules (a regular file of at most 4 MiB)
  tours::LoadResult loaded = tours::loadTourFile(path, &text);
  if (!loaded.ok()) {
    report.loadErrors = loaded.diagnostics;
    return report;
  }
  const tours::Tour &tour = *loaded.tour;
  report.repoRoot = absoluteRoot(tour);
  tours::JsonPositions positions = tours::scanJsonPositions(text);

  std::vector<FieldEdit> edits;
  for (size_t i = 0; i < tour.stops.size(); ++i) {
    const tours::Stop &stop = tour.stops[i];
    AnchorReport s;
    s.id = stop.id;
    s.title = stop.title;
    s.index = i;
    s.pointer = "/stops/" + std::to_string(i);
    place(s, positions);
    checkOne(s, stop.anchor, index, files, report.repoRoot, options, edits);
    report.stops.push_back(std::move(s));
  }
  // Series are placed like stops (the plugin resolves them the same way). A stop's collect item
  // without an anchor is collected at the stop's own: the stop's check covers it.
  for (size_t i = 0; i < tour.collect.size(); ++i) {
    AnchorReport a = seriesReport(tour.collect[i], i, "/collect/" + std::to_string(i), "", positions);
    checkOne(a, tour.collect[i].anchor, index, files, report.repoRoot, options, edits);
    report.series.push_back(std::move(a));
  }
  for (size_t i = 0; i < tour.stops.size(); ++i)
    for (size_t j = 0; j < tour.stops[i].collect.size(); ++j) {
      const tours::Collect &c = tour.stops[i].collect[j];
      if (c.anchor.empty())
        continue;
      std::string pointer = "/stops/" + std::to_string(i) + "/collect/" + std::to_string(j);
      AnchorReport a = seriesReport(c, j, pointer, tour.stops[i].id, positions);
      checkOne(a, c.anchor, index, files, report.repoRoot, options, edits);
      report.series.push_back(std::move(a));
    }

  if (edits.empty())
    return report;
  std::string fixed = text;
  std::string error;
  if (!applyFieldEdits(fixed, edits, error)) {
    report.writeError = error;
  } else if (tours::LoadResult again = tours::parseTour(fixed, path); !again.ok()) {
    report.writeError = "the repaired tour would not be valid: " + tours::formatAll(again.diagnostics);
  } else {
    report.writeError = tours::writeFileAtomically(path, fixed).message(path);
    report.rewritten = report.writeError.empty();
  }
  if (report.rewritten) { // report positions in the file as it now is
    tours::JsonPositions now = tours::scanJsonPositions(fixed);
    for (std::vector<AnchorReport> *list : {&report.stops, &report.series})
      for (AnchorReport &a : *list)
        place(a, now);
  }
  if (!report.rewritten) // nothing was written: report the anchors as they are on disk
    for (std::vector<AnchorReport> *list : {&report.stops, &report.series})
      for (AnchorReport &a : *list)
        if (!a.applied.empty()) {
          a.check = a.before;
          a.applied.clear();
        }
  return report;
}

} // namespace tourguide::checker
