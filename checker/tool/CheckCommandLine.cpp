// Parses `tourguide check` arguments (llvm::cl, on the front end's command line: -p, -j),
// indexes the sources once, checks each tour.
#include "CheckCommandLine.h"

#include "tourguide/checker/SourceIndex.h"
#include "tourguide/checker/TourCheck.h"
#include "tourguide/cli/ExitCode.h"
#include "tourguide/clangfront/CommandLine.h"
#include "tourguide/clangfront/TUCache.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::checker {

namespace cl = llvm::cl;

namespace {

const char *const kOverview =
    "Resolves every stop of each tour, and every collected series with an anchor of its own,\n"
    "against the sources listed in BUILD_DIR/compile_commands.json, as `tour start` would, without\n"
    "a debugger or a running program. Each problem is printed as\n"
    "TOUR:LINE:COL: error|warning: stop 'ID' (\"TITLE\"): MESSAGE (or series 'NAME': MESSAGE),\n"
    "with notes naming the nearest candidates.\n\n"
    "Exit status: 0 no errors (warnings allowed); 1 some stop or series does not resolve, or a\n"
    "tour does not load; 2 usage error or no compilation database. After --fix the status\n"
    "describes the tours as written.\n";

enum class Format { Text, Json };

/// The command's options: -p and -j are the front end's, the rest are declared here, in the
/// command's own llvm::cl subcommand. Built once, on the first run (llvm::cl options never
/// unregister); every one has a cl::init, which each parse resets it to.
struct CheckOptionsOnCommandLine {
  clangfront::CommandLine commandLine{"check", kCheckSynopsis, kOverview};
  cl::opt<bool> fix{"fix", cl::desc("Rewrite the tours in place where the repair is unambiguous"), cl::init(false),
                    cl::sub(commandLine.sub), cl::cat(commandLine.category)};
  cl::opt<Format> format{"format", cl::desc("What to print:"),
                         cl::values(clEnumValN(Format::Text, "text", "compiler-style lines (default)"),
                                    clEnumValN(Format::Json, "json", "one JSON object per stop and per series")),
                         cl::init(Format::Text), cl::sub(commandLine.sub), cl::cat(commandLine.category)};
  cl::list<std::string> tours{cl::Positional, cl::desc("TOUR..."), cl::sub(commandLine.sub),
                              cl::cat(commandLine.category)};
};

} // namespace

int runCheckCommand(int argc, const char **argv) {
  static CheckOptionsOnCommandLine o;
  clangfront::CommandLine &commandLine = o.commandLine;
  llvm::Error usage = commandLine.parse(llvm::ArrayRef<const char *>(argv + 1, argv + argc));
  if (!usage && o.tours.empty())
    usage = llvm::createStringError(llvm::inconvertibleErrorCode(), "no tour file given");
  if (!usage)
    usage = commandLine.needBuildPath();
  if (usage) {
    std::cerr << commandLine.usageError(llvm::toString(std::move(usage)));
    return cli::kExitUsage;
  }
  std::vector<std::string> tours(o.tours.begin(), o.tours.end());
  CheckOptions options;
  options.fix = o.fix;

  // Only the tours' own repos are parsed (a tour that does not load is reported below).
  IndexOptions indexOptions;
  indexOptions.jobs = commandLine.jobs;
  for (const std::string &tour : tours)
    if (std::string root = tourRepoRoot(tour); !root.empty())
      indexOptions.roots.push_back(root);
  indexOptions.onlyRoots = true;
  if (llvm::sys::Process::StandardErrIsDisplayed())
    indexOptions.progress = &llvm::errs();
  std::optional<clangfront::TUCache> cache;
  if (std::string folder = commandLine.cacheFolder("check"); !folder.empty())
    indexOptions.cache = &cache.emplace(folder, definitionsCacheKind(), commandLine.cacheLimits());
  llvm::Expected<SourceIndex> index = indexCompilationDatabase(commandLine.buildPath, indexOptions);
  if (!index) {
    std::cerr << "tourguide check: error: " << llvm::toString(index.takeError()) << "\n";
    return cli::kExitUsage;
  }
  if (index->translationUnitsWithErrors > 0)
    std::cerr << "tourguide check: warning: " << index->translationUnitsWithErrors << " of " << index->translationUnits
              << " translation units did not compile cleanly; what they parsed is still used (first: "
              << index->problems.front() << ")\n";

  SourceFiles files;
  std::vector<TourReport> reports;
  for (const std::string &tour : tours)
    reports.push_back(checkTourFile(tour, *index, files, options));

  if (o.format == Format::Json) {
    std::cout << formatJson(reports);
  } else {
    std::cout << formatText(reports);
    unsigned stops = 0, series = 0, errors = 0, warnings = 0, fixedStops = 0, fixedSeries = 0;
    for (const TourReport &r : reports) {
      stops += static_cast<unsigned>(r.stops.size());
      series += static_cast<unsigned>(r.series.size());
      errors += r.errors();
      warnings += r.warnings();
      for (const AnchorReport &s : r.stops)
        fixedStops += !s.applied.empty();
      for (const AnchorReport &s : r.series)
        fixedSeries += !s.applied.empty();
    }
    // Series are counted only when there are some: the wording of tours without any stays as it was.
    auto counted = [&](unsigned nStops, unsigned nSeries) {
      std::string out = std::to_string(nStops) + " stop" + (nStops == 1 ? "" : "s");
      return series ? out + ", " + std::to_string(nSeries) + " series" : out;
    };
    std::cout << "checked " << counted(stops, series) << " in " << reports.size() << " tour"
              << (reports.size() == 1 ? "" : "s") << ": " << errors << " error" << (errors == 1 ? "" : "s") << ", "
              << warnings << " warning" << (warnings == 1 ? "" : "s");
    if (options.fix)
      std::cout << ", " << counted(fixedStops, fixedSeries) << " fixed";
    std::cout << "\n";
  }
  return exitCodeFor(reports);
}

} // namespace tourguide::checker
