// `tourguide export markdown|html|codetour TOUR`: a tour as a walkthrough (Markdown or one HTML
// page) or as a CodeTour .tour file (interop/, docs/interop.md). Anchors are resolved in the sources of -p BUILD_DIR
// (as `tourguide check` resolves them), or in the files on disk without it.
#include "InteropSources.h"
#include "tourguide/cli/Command.h"
#include "tourguide/interop/CodeTour.h"
#include "tourguide/interop/Walkthrough.h"
#include "tourguide/tours/Files.h"
#include "tourguide/tours/TerminalText.h"
#include "tourguide/tours/TourFile.h"

#include <filesystem>
#include <iostream>

namespace tourguide::cli {

namespace {

const char *const kUsage = "tourguide export markdown|html|codetour [-p BUILD_DIR] [-o OUT] [--link-prefix URL] "
                           "[--context N] TOUR";

void printHelp(std::ostream &out) {
  out << "Usage: " << kUsage << "\n\n"
      << "Writes a tour in another format:\n"
      << "  markdown  a walkthrough to read on a code host: the tour's text, and for each stop its\n"
      << "            stage, title, text, a link path#Lnn to its line and the source lines around it\n"
      << "  html      the same walkthrough as one self-contained HTML page (nothing in it loads or runs)\n"
      << "  codetour  a .tour file for VS Code's CodeTour: one step per stop, with its file, line,\n"
      << "            title and text (the tour's repo root is the CodeTour workspace)\n\n"
      << "Each stop's line is found from its anchor, as 'tour start' and 'tourguide check' find it.\n\n"
      << "Options:\n"
      << "  -p BUILD_DIR        folder holding compile_commands.json: functions are looked up in the\n"
      << "                      sources (without it, only file + pattern and file + line anchors resolve)\n"
      << "  -o OUT              write to OUT (default: standard output); links are relative to its folder\n"
      << "  --link-prefix URL   markdown, html: links are URL + the path from the repo root\n"
      << "                      (https://github.com/me/repo/blob/main/src/a.c#L12)\n"
      << "  --context N         markdown, html: source lines shown above and below each stop (default 3)\n"
      << "  -h, --help          show this help\n\n"
      << "Exit status: 0 when every stop resolved, 1 when some did not (the file is still written)\n"
      << "or the tour does not load, 2 when it could not run (usage, no compilation database, an output\n"
      << "that cannot be written).\n";
}

int usageError(const std::string &message) {
  std::cerr << "tourguide export: error: " << message << "\nUsage: " << kUsage << "\n";
  return kExitUsage;
}

int runExport(const std::vector<std::string> &args) {
  std::string format, buildDir, output, linkPrefix, tourPath;
  unsigned context = 3;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&](std::string &into) {
      if (i + 1 >= args.size())
        return false;
      into = args[++i];
      return true;
    };
    if (a == "-h" || a == "--help") {
      printHelp(std::cout);
      return kExitOk;
    } else if (a == "-p" || a == "-o" || a == "--link-prefix" || a == "--context") {
      std::string v;
      if (!value(v))
        return usageError("'" + a + "' needs a value");
      if (a == "-p")
        buildDir = v;
      else if (a == "-o")
        output = v;
      else if (a == "--link-prefix")
        linkPrefix = v;
      else if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos)
        return usageError("'--context' needs a number from 0 to 999, got '" + v + "'");
      else
        context = static_cast<unsigned>(std::stoul(v));
    } else if (a.size() > 1 && a[0] == '-') {
      return usageError("unknown option '" + a + "'");
    } else if (format.empty()) {
      format = a;
    } else if (tourPath.empty()) {
      tourPath = a;
    } else {
      return usageError("one tour at a time: got '" + tourPath + "' and '" + a + "'");
    }
  }
  if (format != "markdown" && format != "html" && format != "codetour")
    return usageError(format.empty() ? "no format given"
                                     : "unknown format '" + format + "' (markdown, html or codetour)");
  if (tourPath.empty())
    return usageError("no tour file given");

  tours::LoadResult loaded = tours::loadTourFile(tourPath);
  if (!loaded.ok()) {
    std::cerr << tours::sanitizeOutput(tours::formatAll(loaded.diagnostics));
    return kExitFailure;
  }
  const tours::Tour &tour = *loaded.tour;
  InteropSources sources;
  std::string error, warning;
  if (!openInteropSources(buildDir, tours::repoRoot(tour), sources, error, warning)) {
    std::cerr << "tourguide export: error: " << error << "\n";
    return kExitUsage; // no compilation database
  }
  if (!warning.empty())
    std::cerr << "tourguide export: warning: " << warning << "\n";

  interop::Export result;
  if (format == "markdown" || format == "html") {
    interop::WalkthroughOptions options;
    if (!output.empty() && output != "-")
      options.outputFolder = std::filesystem::absolute(output).parent_path().lexically_normal().string();
    options.linkPrefix = linkPrefix;
    options.context = context;
    result = format == "html" ? interop::exportHtml(tour, *sources.view, options)
                              : interop::exportMarkdown(tour, *sources.view, options);
  } else {
    result = interop::exportCodeTour(tour, *sources.view);
  }
  for (const std::string &note : result.notes)
    std::cerr << "tourguide export: note: " << tours::sanitizeLine(note) << "\n";
  if (output.empty() || output == "-") {
    std::cout << result.text;
  } else if (tours::WriteError e = tours::writeFileAtomically(output, result.text)) {
    std::cerr << "tourguide export: error: " << e.message(output) << "\n";
    return kExitUsage; // an output that cannot be written
  } else {
    std::cerr << "tourguide export: wrote " << output << " (" << tour.stops.size() << " stops"
              << (result.unresolved ? ", " + std::to_string(result.unresolved) + " not resolved" : std::string())
              << ")\n";
  }
  return result.unresolved ? kExitFailure : kExitOk;
}

const CommandRegistration registration(
    {"export", "write a tour as a walkthrough (Markdown or HTML) or a CodeTour .tour file", kUsage, &runExport});

} // namespace

} // namespace tourguide::cli
