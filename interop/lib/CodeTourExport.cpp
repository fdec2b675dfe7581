// `tourguide export codetour`: a tourguide tour as a CodeTour .tour file (interop/CodeTour.h).
#include "tourguide/interop/CodeTour.h"

#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace tourguide::interop {

namespace {

namespace fs = std::filesystem;
using ordered = nlohmann::ordered_json;

/// `path` relative to `root` ("src/a.c"); `outside` says when it is not under the root.
std::string relativeTo(const std::string &path, const std::string &root, bool &outside) {
  std::error_code ec;
  fs::path canonicalPath = fs::weakly_canonical(path, ec);
  fs::path canonicalRoot = fs::weakly_canonical(root, ec);
  std::string rel = canonicalPath.lexically_relative(canonicalRoot).string();
  outside = rel.empty() || rel.compare(0, 2, "..") == 0;
  return rel.empty() ? path : rel;
}

} // namespace

Export exportCodeTour(const tours::Tour &tour, tours::SourceView &view) {
  Export out;
  const std::string root = tours::repoRoot(tour);
  ordered doc = ordered::object();
  doc["$schema"] = "https://aka.ms/codetour-schema";
  doc["title"] = tour.title;
  if (!tour.description.empty())
    doc["description"] = tour.description;
  ordered steps = ordered::array();
  bool dropsSomething = false;
  for (const tours::Stop &stop : tour.stops) {
    dropsSomething = dropsSomething || !stop.watch.empty() || stop.hit != 1 || !stop.collect.empty() || !stop.plot.empty();
    ordered step = ordered::object();
    step["title"] = stop.title;
    step["description"] = stop.text.empty() ? "*" + stop.stage + "*: " + stop.title : stop.text;
    tours::AnchorResolution r = tours::resolveAnchor(stop.anchor, view);
    std::string file;
    unsigned line = 0;
    if (const tours::AnchorPlace *w = r.winner()) {
      file = w->file;
      line = w->line;
    } else if (!stop.anchor.file.empty()) {
      file = fs::path(stop.anchor.file).is_absolute() ? stop.anchor.file : root + "/" + stop.anchor.file;
      line = stop.anchor.line;
      ++out.unresolved;
      out.notes.push_back("stop '" + stop.id + "' does not resolve (" + r.why() + "): its step uses the anchor's file" +
                          (line ? " and line" : ""));
    } else {
      ++out.unresolved;
      out.notes.push_back("stop '" + stop.id + "' does not resolve (" + r.why() +
                          "), and its anchor names no file: its step has text only");
    }
    if (!file.empty()) {
      bool outside = false;
      step["file"] = relativeTo(file, root, outside);
      if (outside)
        out.notes.push_back("stop '" + stop.id + "': " + file + " is outside the repo root " + root +
                            ", so its step's path leaves the CodeTour workspace");
      if (line)
        step["line"] = line;
    }
    steps.push_back(step);
  }
  doc["steps"] = steps;
  if (dropsSomething)
    out.notes.push_back("watches, hit counts, collected series and plots have no place in a CodeTour step: they are "
                        "left out (the tourguide tour keeps them)");
  out.text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return out;
}

} // namespace tourguide::interop
