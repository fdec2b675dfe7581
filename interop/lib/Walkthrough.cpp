// The walkthrough's model, shared by the Markdown and the HTML export (Walkthrough.h).
#include "tourguide/interop/Walkthrough.h"

#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <filesystem>

namespace tourguide::interop {

namespace {

namespace fs = std::filesystem;

std::string canonical(const std::string &path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

std::string relative(const std::string &path, const std::string &base) {
  std::string rel = fs::path(canonical(path)).lexically_relative(canonical(base)).string();
  return rel.empty() ? canonical(path) : rel;
}

/// A relative link whose first segment holds a ':' ("javascript:x/a.c") would read as a URL
/// scheme: "./" keeps it a path.
std::string asRelativeLink(const std::string &path) {
  size_t colon = path.find(':');
  return colon != std::string::npos && colon < path.find('/') ? "./" + path : path;
}

/// The language of a source file by its name: "c", "cpp", "cuda", "python", or "".
std::string languageOf(const std::string &path) {
  std::string ext = fs::path(path).extension().string();
  for (char &c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".c")
    return "c";
  if (ext == ".cc" || ext == ".cpp" || ext == ".cxx" || ext == ".hpp" || ext == ".hh" || ext == ".hxx" || ext == ".h" ||
      ext == ".inl" || ext == ".ipp")
    return "cpp";
  if (ext == ".cu" || ext == ".cuh")
    return "cuda";
  if (ext == ".py")
    return "python";
  return {};
}

} // namespace

std::string passPhrase(unsigned hit) {
  if (hit <= 1)
    return {};
  const char *suffix = hit % 10 == 1 && hit % 100 != 11   ? "st"
                       : hit % 10 == 2 && hit % 100 != 12 ? "nd"
                       : hit % 10 == 3 && hit % 100 != 13 ? "rd"
                                                           : "th";
  return "the " + std::to_string(hit) + suffix + " time the program gets there";
}

Walkthrough walkthroughOf(const tours::Tour &tour, tours::SourceView &view, const WalkthroughOptions &options) {
  Walkthrough out;
  out.tour = &tour;
  const std::string root = tours::repoRoot(tour);
  const std::string base = options.outputFolder.empty() ? root : options.outputFolder;
  out.command = tour.program.path;
  for (const std::string &a : tour.program.args)
    out.command += " " + a;
  out.tourFileName = fs::path(tour.sourcePath).filename().string();

  for (const tours::Stop &stop : tour.stops) {
    WalkthroughStop s;
    s.stop = &stop;
    tours::AnchorResolution r = tours::resolveAnchor(stop.anchor, view);
    const tours::AnchorPlace *w = r.winner();
    if (!w) {
      s.whyNotResolved = r.why();
      ++out.unresolved;
      out.notes.push_back("stop '" + stop.id + "' does not resolve: " + s.whyNotResolved);
      out.stops.push_back(std::move(s));
      continue;
    }
    s.resolved = true;
    s.line = w->line;
    std::string anchor = "#L" + std::to_string(w->line);
    std::string fromRoot = relative(w->file, root);
    s.place = fromRoot + anchor;
    s.link = (options.linkPrefix.empty() ? asRelativeLink(relative(w->file, base)) : options.linkPrefix + fromRoot) +
             anchor;
    s.function = !stop.anchor.function.empty() ? stop.anchor.function : w->body ? w->body->name : std::string();
    s.language = languageOf(w->file);
    std::string why;
    if (const std::vector<std::string> *lines = view.lines(w->file, why); lines && w->line <= lines->size()) {
      s.firstLine = w->line > options.context ? w->line - options.context : 1;
      unsigned last = std::min<unsigned>(w->line + options.context, static_cast<unsigned>(lines->size()));
      s.excerpt.assign(lines->begin() + (s.firstLine - 1), lines->begin() + last);
    }
    out.stops.push_back(std::move(s));
  }
  return out;
}

} // namespace tourguide::interop
