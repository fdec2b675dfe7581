// Where a tour's repository and program are on disk, and ${...} expansion.
#include "tourguide/tours/TourFile.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace tourguide::tours {

namespace {
/// Absolute and lexically normal, without a trailing separator; never throws.
std::string normalize(const fs::path &path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec)
    absolute = path;
  fs::path normal = absolute.lexically_normal();
  std::string text = normal.string();
  while (text.size() > 1 && text.back() == '/')
    text.pop_back();
  return text;
}

/// The folder holding the tour file (the current folder for a tour built in memory).
fs::path tourDir(const Tour &tour) {
  if (tour.sourcePath.empty())
    return fs::path(".");
  fs::path parent = fs::path(tour.sourcePath).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}
} // namespace

std::string repoRoot(const Tour &tour) {
  fs::path dir = fs::path(normalize(tourDir(tour)));
  if (!tour.root.empty())
    return normalize(dir / tour.root); // operator/ keeps an absolute root as it is
  if (dir.filename() == ".tours")
    return normalize(dir.parent_path());
  return normalize(dir);
}

std::string expandVariables(const std::string &text, const Tour &tour,
                            const std::string &programPath) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "${") == 0) {
      size_t close = text.find('}', i + 2);
      if (close != std::string::npos) {
        std::string name = text.substr(i + 2, close - i - 2);
        bool known = true;
        std::string value;
        if (name == "root")
          value = repoRoot(tour);
        else if (name == "tour_dir")
          value = normalize(tourDir(tour));
        else if (name == "program_dir" && !programPath.empty())
          value = normalize(fs::path(programPath).parent_path());
        else
          known = false; // unknown (or not yet known) variables stay as written
        if (known) {
          out += value;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::string programPath(const Tour &tour) {
  if (tour.program.path.empty())
    return "";
  // ${program_dir} cannot appear in the path that defines it: pass no program path.
  fs::path path = expandVariables(tour.program.path, tour, "");
  if (path.is_absolute())
    return normalize(path);
  return normalize(fs::path(repoRoot(tour)) / path);
}

} // namespace tourguide::tours
