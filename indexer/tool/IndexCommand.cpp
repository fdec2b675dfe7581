// Parses `tourguide index` options (llvm::cl, in the manner of clang-tidy -p), runs the
// indexer over the selected TUs in parallel, and writes tours or JSON findings.
#include "IndexCommand.h"

#include "tourguide/indexer/FindingsJson.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/TURunner.h"
#include "tourguide/indexer/TourDraft.h"

#ifdef TOURGUIDE_HAVE_TOURS_LIB
#include "tourguide/tours/TourFile.h"
#endif

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace tourguide::indexer {

namespace cl = llvm::cl;

namespace {

enum class Format { Tour, Json };

/// The repository root: the nearest folder at or above the sources' common folder that
/// holds a build file or a .git; the common folder itself when there is none.
std::string guessRepoRoot(const std::vector<std::string> &files) {
  if (files.empty())
    return ".";
  std::string common = llvm::sys::path::parent_path(files.front()).str();
  for (const std::string &f : files)
    while (!common.empty() && !llvm::StringRef(f).startswith(common + "/"))
      common = llvm::sys::path::parent_path(common).str();
  for (std::string dir = common; !dir.empty() && dir != "/"; dir = llvm::sys::path::parent_path(dir).str())
    for (const char *marker : {"CMakeLists.txt", "Makefile", "configure", ".git", "meson.build"}) {
      llvm::SmallString<256> p(dir);
      llvm::sys::path::append(p, marker);
      if (llvm::sys::fs::exists(p))
        return dir;
    }
  return common.empty() ? "/" : common;
}

std::string sanitizeFileName(const std::string &program) {
  std::string out;
  for (char c : program)
    out += (isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return out.empty() ? "program" : out;
}

bool writeFile(const std::string &path, const std::string &text, std::string &error) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_Text);
  if (ec) {
    error = "cannot write '" + path + "': " + ec.message();
    return false;
  }
  os << text;
  return true;
}

/// The command's options. llvm::cl options register globally and never unregister, so
/// they are built once, on the first run, and reset before every parse.
struct IndexOptions {
  cl::OptionCategory category{"tourguide index options"};
  cl::opt<std::string> buildPath{"p", cl::desc("Build path: the folder holding compile_commands.json (or the file)"),
                                 cl::value_desc("build-path"), cl::Required, cl::cat(category)};
  cl::opt<std::string> output{
      "o", cl::desc("Output: with --format=tour, the folder for one tour per entry point (default: <root>/.tours);\n"
                    "with --format=json, the findings file (default: standard output)"),
      cl::value_desc("path"), cl::cat(category)};
  cl::opt<unsigned> jobs{"j", cl::desc("Translation units parsed at once (default: all cores)"), cl::init(0),
                         cl::value_desc("N"), cl::cat(category)};
  cl::opt<Format> format{"format", cl::desc("What to write:"),
                         cl::values(clEnumValN(Format::Tour, "tour", "draft tour files (default)"),
                                    clEnumValN(Format::Json, "json", "the raw findings as JSON")),
                         cl::init(Format::Tour), cl::cat(category)};
  cl::opt<std::string> root{"root", cl::desc("Repository root (default: nearest folder above the sources with a build file)"),
                            cl::value_desc("dir"), cl::cat(category)};
  cl::opt<unsigned> maxSizeMiB{"max-tu-size", cl::desc("Skip main files larger than this many MiB (default 8)"),
                               cl::init(8), cl::value_desc("MiB"), cl::cat(category)};
  cl::opt<bool> quiet{"quiet", cl::desc("No progress and no summary line"), cl::cat(category)};
  cl::list<std::string> profiles{"profile",
                                 cl::desc("A framework profile (JSON, docs/profiles.md) to use besides the built-in ones\n"
                                          "and the repo's .tours/*.profile.json; may be repeated"),
                                 cl::value_desc("file"), cl::cat(category)};
  cl::list<std::string> sources{cl::Positional, cl::desc("[SOURCES...]"), cl::cat(category)};

};

/// The user's profiles (--profile, then the repo's .tours/*.profile.json) before the built-in
/// ones, so that a rule of theirs wins over a shipped one.
llvm::Expected<ProfileSet> loadProfiles(const std::string &repoRoot, std::vector<std::string> files) {
  std::error_code ec;
  std::vector<std::string> inRepo;
  for (llvm::sys::fs::directory_iterator it(repoRoot + "/.tours", ec), end; it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).endswith(".profile.json"))
      inRepo.push_back(it->path());
  std::sort(inRepo.begin(), inRepo.end());
  files.insert(files.end(), inRepo.begin(), inRepo.end());
  std::vector<FrameworkProfile> user;
  for (const std::string &file : files) {
    auto p = loadProfile(file);
    if (!p)
      return p.takeError();
    user.push_back(std::move(*p));
  }
  return ProfileSet::withBuiltins(std::move(user));
}

IndexOptions &indexOptions() {
  static IndexOptions options;
  return options;
}

} // namespace

int runIndexCommand(int argc, const char **argv) {
  IndexOptions &o = indexOptions();
  // Occurrence counts reset, but values stay from an earlier run in the same process.
  cl::ResetAllOptionOccurrences();
  o.buildPath.setValue("");
  o.output.setValue("");
  o.jobs.setValue(0);
  o.format.setValue(Format::Tour);
  o.root.setValue("");
  o.maxSizeMiB.setValue(8);
  o.quiet.setValue(false);
  o.sources.clear();
  o.profiles.clear();
  cl::opt<std::string> &buildPath = o.buildPath;
  cl::opt<std::string> &output = o.output;
  cl::opt<unsigned> &jobs = o.jobs;
  cl::opt<Format> &format = o.format;
  cl::opt<std::string> &root = o.root;
  cl::opt<unsigned> &maxSizeMiB = o.maxSizeMiB;
  cl::opt<bool> &quiet = o.quiet;
  cl::list<std::string> &sources = o.sources;

  cl::OptionCategory &category = o.category;
  cl::HideUnrelatedOptions(category);
  std::string overview =
      "Finds where a C/C++ ML program trains and evaluates, and where its data, loop, model,\n"
      "loss, optimizer and metrics code lives, by parsing every translation unit of\n"
      "compile_commands.json and following the call graph from each main.\n\n"
      "SOURCES restricts the run to files that match (a path, a path suffix, or a folder).\n\n"
      "Exit status: 0 all TUs parsed and a training loop found; 1 usage error or no database;\n"
      "2 some TUs had errors (the rest is reported); 3 no training loop found.\n";
  llvm::raw_ostream &err = llvm::errs();
  if (!cl::ParseCommandLineOptions(argc, argv, overview, &err))
    return 1;

  auto db = loadCompilationDatabase(buildPath);
  if (!db) {
    err << "error: " << llvm::toString(db.takeError()) << "\n";
    return 1;
  }
  std::vector<std::string> files = selectSources(**db, sources);
  if (files.empty()) {
    err << "error: no translation unit in the compilation database matches"
        << (sources.empty() ? "" : " the given SOURCES") << "\n";
    return 1;
  }

  RunOptions options;
  options.jobs = jobs;
  options.maxFileBytes = static_cast<uint64_t>(maxSizeMiB) << 20;
  bool terminal = llvm::sys::Process::StandardErrIsDisplayed() && !quiet;
  if (terminal)
    options.progress = [&err](unsigned done, unsigned total, const std::string &file) {
      err << "\r\x1b[K[" << done << "/" << total << "] " << llvm::sys::path::filename(file);
      err.flush();
    };
  std::vector<TUFacts> tus = runOnTUs(**db, files, options);
  if (terminal)
    err << "\r\x1b[K";

  std::string repoRoot = root.empty() ? guessRepoRoot(files) : std::string(root);
  {
    llvm::SmallString<256> abs(repoRoot);
    llvm::sys::fs::make_absolute(abs);
    llvm::sys::path::remove_dots(abs, true);
    repoRoot = std::string(abs);
  }
  std::vector<std::string> profileFiles(o.profiles.begin(), o.profiles.end());
  auto profiles = loadProfiles(repoRoot, profileFiles);
  if (!profiles) {
    err << "error: " << llvm::toString(profiles.takeError()) << "\n";
    return 1;
  }

  RunSummary summary = summarise(tus);
  ProgramIndex index(tus);
  AnalysisOptions analysisOptions;
  analysisOptions.repoRoot = repoRoot;
  analysisOptions.profiles = std::move(*profiles);
  analysisOptions.translationUnits = files;
  Analysis analysis = analyse(index, analysisOptions);

  if (!quiet)
    for (const TUFacts *tu : summary.problems) {
      if (tu->skipped)
        err << tu->mainFile << ": skipped: " << tu->skipReason << "\n";
      for (const std::string &m : tu->errors)
        err << m << "\n";
      if (tu->errorCount > tu->errors.size())
        err << tu->mainFile << ": " << (tu->errorCount - tu->errors.size()) << " more errors\n";
    }

  std::string error;
  if (format == Format::Json) {
    std::string text = findingsToJson(analysis, summary);
    if (output.empty() || output == "-")
      llvm::outs() << text;
    else if (!writeFile(output, text, error)) {
      err << "error: " << error << "\n";
      return 1;
    }
  } else {
#ifdef TOURGUIDE_HAVE_TOURS_LIB
    llvm::SmallString<256> dir(output.empty() ? repoRoot + "/.tours" : std::string(output));
    llvm::sys::fs::make_absolute(dir);
    llvm::sys::path::remove_dots(dir, true);
    if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
      err << "error: cannot create '" << dir << "': " << ec.message() << "\n";
      return 1;
    }
    DraftOptions draft;
    draft.repoRoot = repoRoot;
    draft.tourDir = std::string(dir);
    for (const EntryPoint &e : analysis.entries) {
      tourguide::tours::Tour tour = draftTour(e, analysis.findings, draft);
      if (tour.stops.empty()) {
        if (!quiet)
          err << "note: no stops for '" << e.program << "' (" << e.kind << "); no tour written\n";
        continue;
      }
      llvm::SmallString<256> path(dir);
      llvm::sys::path::append(path, sanitizeFileName(e.program) + ".json");
      std::string message = tourguide::tours::saveTourFile(tour, std::string(path));
      if (!message.empty()) {
        err << "error: " << message << "\n";
        return 1;
      }
      if (!quiet)
        llvm::outs() << "wrote " << path << " (" << tour.stops.size() << " stops)\n";
    }
#else
    err << "error: this build has no tour library (tourguide_tours); use --format=json\n";
    return 1;
#endif
  }

  std::vector<std::string> notes = notesFor(analysis);
  if (!quiet) {
    for (const std::string &n : notes)
      err << "note: " << n << "\n";
    err << summaryLine(summary, analysis) << "\n";
  }
  if (summary.withErrors > 0)
    return 2;
  bool anyLoop = std::any_of(analysis.findings.begin(), analysis.findings.end(),
                             [](const Finding &f) { return f.stage == "loop"; });
  return anyLoop ? 0 : 3;
}

} // namespace tourguide::indexer
