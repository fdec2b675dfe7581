// The trust rule for tours from unreviewed repositories (docs/security.md).
#include "tourguide/tours/Trust.h"
#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace tourguide::tours {

namespace {

/// Variables whose whole name is loader-controlling.
const char *const kLoaderNames[] = {
    "GLIBC_TUNABLES",   // glibc's tunables, read by the dynamic loader
    "GCONV_PATH",       // iconv loads shared objects from these folders
    "LOCPATH",          // locale data the C library parses
    "NLSPATH",          // message catalogs the C library opens
    "HOSTALIASES",      // a file the resolver reads
    "RESOLV_HOST_CONF", // the same
    "LIBPATH",          // AIX's LD_LIBRARY_PATH
    "SHLIB_PATH",       // HP-UX's LD_LIBRARY_PATH
};
/// Prefixes of loader-controlling variables.
const char *const kLoaderPrefixes[] = {
    "LD_",     // glibc/musl/BSD: LD_PRELOAD, LD_AUDIT, LD_LIBRARY_PATH, LD_BIND_NOW, ...
    "DYLD_",   // macOS: DYLD_INSERT_LIBRARIES, DYLD_LIBRARY_PATH, ...
    "MALLOC_", // glibc: MALLOC_CHECK_, MALLOC_PERTURB_, MALLOC_TRACE (writes a file), ...
    "_RLD",    // IRIX/Tru64 loader variables
};

std::string upper(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string inQuotes(const std::string &text) { return "'" + text + "'"; }

TrustConcern concern(std::string jsonPath, FilePos pos, std::string asked) {
  TrustConcern c;
  c.jsonPath = std::move(jsonPath);
  c.pos = pos;
  c.asked = std::move(asked);
  return c;
}

/// `path` made absolute, with symbolic links of its existing part resolved; never throws.
fs::path resolved(const fs::path &path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec)
    absolute = path;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  if (ec)
    canonical = absolute.lexically_normal();
  return canonical;
}

bool before(const TrustConcern &a, const TrustConcern &b) {
  return std::make_pair(a.pos.line, a.pos.column) < std::make_pair(b.pos.line, b.pos.column);
}

} // namespace

bool isLoaderVariable(std::string_view name) {
  if (name.empty() || name.find('=') != std::string_view::npos ||
      name.find('\0') != std::string_view::npos)
    return true;
  std::string up = upper(name);
  for (const char *exact : kLoaderNames)
    if (up == exact)
      return true;
  for (const char *prefix : kLoaderPrefixes)
    if (up.compare(0, std::string_view(prefix).size(), prefix) == 0)
      return true;
  return false;
}

bool isInsideFolder(const std::string &path, const std::string &folder) {
  if (folder.empty())
    return false;
  fs::path base = resolved(folder);
  fs::path p = fs::path(path);
  fs::path full = resolved(p.is_absolute() ? p : base / p);
  fs::path rel = full.lexically_relative(base);
  if (rel.empty())
    return false; // different roots
  for (const fs::path &part : rel)
    if (part == "..")
      return false;
  return true;
}

std::string defaultRepoRoot(const Tour &tour) {
  Tour plain;
  plain.sourcePath = tour.sourcePath; // no `root`: the default rule
  return repoRoot(plain);
}

std::string confinedRepoRoot(const Tour &tour) {
  std::string root = repoRoot(tour);
  std::string base = defaultRepoRoot(tour);
  return isInsideFolder(root, base) ? root : base;
}

std::vector<TrustConcern> trustConcerns(const Tour &tour, const TrustOptions &options) {
  std::vector<TrustConcern> out;
  const std::string root = confinedRepoRoot(tour);
  const std::string effectiveRoot = repoRoot(tour);

  if (!tour.root.empty() && !isInsideFolder(effectiveRoot, defaultRepoRoot(tour)))
    out.push_back(concern("/root", tour.rootPos,
                   "the repo root " + inQuotes(tour.root) +
                       (effectiveRoot == tour.root ? "" : " (" + effectiveRoot + ")") +
                       ", which leaves the folder that holds the tour (" + defaultRepoRoot(tour) +
                       ")"));

  std::string program = options.userProgram;
  if (program.empty()) {
    program = programPath(tour);
    if (!program.empty() && !isInsideFolder(program, root))
      out.push_back(concern("/program/path", tour.program.pathPos,
                     "the program " + inQuotes(program) + ", outside the repo root " + inQuotes(root)));
  }

  if (!tour.program.cwd.empty()) {
    std::string cwd = expandVariables(tour.program.cwd, tour, program);
    if (!cwd.empty() && cwd.front() != '/')
      cwd = effectiveRoot + "/" + cwd;
    bool inUserFolder = !options.userProgram.empty() &&
                        isInsideFolder(cwd, fs::path(options.userProgram).parent_path().string());
    if (!isInsideFolder(cwd, root) && !inUserFolder)
      out.push_back(concern("/program/cwd", tour.program.cwdPos,
                     "the working directory " + inQuotes(cwd) + ", outside the repo root " +
                         inQuotes(root)));
  }

  for (const auto &[name, value] : tour.program.env) {
    if (!isLoaderVariable(name))
      continue;
    auto pos = tour.program.envPos.find(name);
    std::string shown = name;
    std::replace(shown.begin(), shown.end(), '\0', '?');
    out.push_back(concern("/program/env/" + shown, pos == tour.program.envPos.end() ? FilePos{} : pos->second,
                   "the environment variable " + inQuotes(shown) +
                       ", which controls how the program is loaded (it can make any program, "
                       "even your own target, run code the repo ships)"));
  }

  auto checkAnchor = [&](const Anchor &anchor, const std::string &at) {
    if (anchor.file.empty() || isInsideFolder(anchor.file, root))
      return;
    out.push_back(concern(at + "/file", anchor.filePos,
                   "the source file " + inQuotes(anchor.file) + ", outside the repo root " +
                       inQuotes(root)));
  };
  for (size_t i = 0; i < tour.collect.size(); ++i)
    checkAnchor(tour.collect[i].anchor, "/collect/" + std::to_string(i) + "/anchor");
  for (size_t s = 0; s < tour.stops.size(); ++s) {
    std::string at = "/stops/" + std::to_string(s);
    checkAnchor(tour.stops[s].anchor, at + "/anchor");
    for (size_t i = 0; i < tour.stops[s].collect.size(); ++i)
      checkAnchor(tour.stops[s].collect[i].anchor, at + "/collect/" + std::to_string(i) + "/anchor");
  }
  std::stable_sort(out.begin(), out.end(), before);
  return out;
}

Diagnostics trustWarnings(const Tour &tour) {
  Diagnostics out;
  for (const TrustConcern &c : trustConcerns(tour)) {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.file = tour.sourcePath;
    d.line = c.pos.line;
    d.column = c.pos.column;
    d.jsonPath = c.jsonPath;
    d.message = "the tour asks for " + c.asked + "; 'tour start' refuses it without --trust "
                "(docs/security.md)";
    out.push_back(std::move(d));
  }
  return out;
}

} // namespace tourguide::tours
