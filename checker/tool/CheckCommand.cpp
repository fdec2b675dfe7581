// Parses `tourguide check` arguments, indexes the sources once, checks each tour.
#include "CheckCommand.h"

#include "tourguide/checker/SourceIndex.h"
#include "tourguide/checker/TourCheck.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace tourguide::checker {

namespace {

const char *const kUsage = "tourguide check [--fix] [--format=text|json] [-j N] -p BUILD_DIR TOUR...";

void printHelp() {
  std::cout << "Usage: " << kUsage << "\n\n"
            << "Resolves every stop of each tour, and every collected series with an anchor of its own,\n"
            << "against the sources listed in BUILD_DIR/compile_commands.json, as `tour start` would, without\n"
            << "a debugger or a running program. Each problem is printed as\n"
            << "TOUR:LINE:COL: error|warning: stop 'ID' (\"TITLE\"): MESSAGE (or series 'NAME': MESSAGE),\n"
            << "with notes naming the nearest candidates.\n\n"
            << "Options:\n"
            << "  -p BUILD_DIR     folder holding compile_commands.json (or the file itself); required\n"
            << "  --fix            rewrite the tours in place where the repair is unambiguous\n"
            << "  --format=FORMAT  text (default) or json (one object per stop and per series)\n"
            << "  -j N             translation units parsed at once (default: all cores)\n"
            << "  -h, --help       show this help\n\n"
            << "Exit status: 0 clean, 1 warnings only, 2 errors, 3 bad usage or no compilation database.\n"
            << "After --fix the status describes the tours as written.\n";
}

int usageError(const std::string &message) {
  std::cerr << "tourguide check: error: " << message << "\nUsage: " << kUsage << "\n";
  return kCheckUsage;
}

} // namespace

int runCheckCommand(int argc, const char **argv) {
  std::vector<std::string> tours;
  std::string buildPath, format = "text";
  CheckOptions options;
  IndexOptions indexOptions;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      printHelp();
      return kCheckClean;
    } else if (arg == "--fix") {
      options.fix = true;
    } else if (arg.rfind("--format=", 0) == 0) {
      format = arg.substr(9);
      if (format != "text" && format != "json")
        return usageError("unknown format '" + format + "' (expected text or json)");
    } else if (arg == "-p" || arg == "-j") {
      const char *v = i + 1 < argc ? argv[++i] : nullptr;
      if (!v)
        return usageError(arg + " needs a value");
      if (arg == "-p") {
        buildPath = v;
      } else {
        char *end = nullptr;
        unsigned long n = std::strtoul(v, &end, 10);
        if (!*v || *end)
          return usageError("-j needs a number, not '" + std::string(v) + "'");
        indexOptions.jobs = static_cast<unsigned>(n);
      }
    } else if (arg.rfind("-p", 0) == 0 && arg.size() > 2) {
      buildPath = arg.substr(arg[2] == '=' ? 3 : 2);
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usageError("unknown option '" + arg + "'");
    } else {
      tours.push_back(arg);
    }
  }
  if (tours.empty())
    return usageError("no tour file given");
  if (buildPath.empty())
    return usageError("no build folder given: pass -p BUILD_DIR (the folder holding compile_commands.json)");

  // Only the tours' own repos are parsed (a tour that does not load is reported below).
  for (const std::string &tour : tours)
    if (std::string root = tourRepoRoot(tour); !root.empty())
      indexOptions.roots.push_back(root);
  indexOptions.onlyRoots = true;
  if (llvm::sys::Process::StandardErrIsDisplayed())
    indexOptions.progress = &llvm::errs();
  llvm::Expected<SourceIndex> index = indexCompilationDatabase(buildPath, indexOptions);
  if (!index) {
    std::cerr << "tourguide check: error: " << llvm::toString(index.takeError()) << "\n";
    return kCheckUsage;
  }
  if (index->translationUnitsWithErrors > 0)
    std::cerr << "tourguide check: warning: " << index->translationUnitsWithErrors << " of " << index->translationUnits
              << " translation units did not compile cleanly; what they parsed is still used (first: "
              << index->problems.front() << ")\n";

  SourceFiles files;
  std::vector<TourReport> reports;
  for (const std::string &tour : tours)
    reports.push_back(checkTourFile(tour, *index, files, options));

  if (format == "json") {
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
