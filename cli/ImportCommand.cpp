// `tourguide import codetour FILE.tour`: a CodeTour tour as a tourguide tour (interop/,
// docs/interop.md). Steps at a file and line become stops whose anchors name the enclosing
// function, found in the sources of -p BUILD_DIR; what a tourguide tour cannot hold (VS Code
// commands, views, `when` clauses) is reported as dropped and never run.
#include "InteropSources.h"
#include "tourguide/cli/Command.h"
#include "tourguide/interop/CodeTour.h"
#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/TerminalText.h"
#include "tourguide/tours/TourFile.h"

#include <filesystem>
#include <iostream>

namespace tourguide::cli {

namespace {

namespace fs = std::filesystem;

const char *const kUsage = "tourguide import codetour [-p BUILD_DIR] [-o TOUR.json] [--program PATH] [--cwd DIR] "
                           "[--workspace DIR] [--force] FILE.tour [-- ARGS...]";

void printHelp(std::ostream &out) {
  out << "Usage: " << kUsage << "\n\n"
      << "Writes a tourguide tour from a CodeTour .tour file. A step with a file and a line (or a\n"
      << "selection, or a pattern) becomes a stop anchored by the function around the line and the\n"
      << "line's code, with the file and line as hints; a directory step, a URI step and a step with\n"
      << "text only become sections of the tour's description. 'commands', 'view', 'when' and the\n"
      << "other keys a tourguide tour cannot hold are listed as dropped; nothing is ever run.\n\n"
      << "Options:\n"
      << "  -p BUILD_DIR     folder holding compile_commands.json: the function around each line is\n"
      << "                   found in the sources (without it, anchors name no function)\n"
      << "  -o TOUR.json     the tour to write (default: WORKSPACE/.tours/NAME.json)\n"
      << "  --program PATH   the tour's program, relative to the repo root (default: a placeholder)\n"
      << "  --cwd DIR        its working directory, relative to the repo root or ${program_dir}\n"
      << "  -- ARGS...       its arguments\n"
      << "  --workspace DIR  the folder the .tour's paths are relative to (default: the folder holding\n"
      << "                   its .tours, .vscode or .github folder)\n"
      << "  --force          replace TOUR.json when it exists\n"
      << "  -h, --help       show this help\n\n"
      << "Exit status: 0 when the tour was written, 1 when the .tour has problems that stop the import,\n"
      << "2 when it could not run (usage, no such .tour, no compilation database, an output that exists or\n"
      << "cannot be written).\n";
}

int usageError(const std::string &message) {
  std::cerr << "tourguide import: error: " << message << "\nUsage: " << kUsage << "\n";
  return kExitUsage;
}

int runImport(const std::vector<std::string> &args) {
  std::string format, buildDir, output, input;
  interop::CodeTourImportOptions options;
  bool force = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a == "-h" || a == "--help") {
      printHelp(std::cout);
      return kExitOk;
    } else if (a == "--") {
      options.args.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    } else if (a == "--force") {
      force = true;
    } else if (a == "-p" || a == "-o" || a == "--program" || a == "--workspace" || a == "--cwd") {
      if (i + 1 >= args.size())
        return usageError("'" + a + "' needs a value");
      std::string v = args[++i];
      (a == "-p"          ? buildDir
       : a == "-o"        ? output
       : a == "--program" ? options.program
       : a == "--cwd"     ? options.cwd
                          : options.workspaceRoot) = v;
    } else if (a.size() > 1 && a[0] == '-') {
      return usageError("unknown option '" + a + "'");
    } else if (format.empty()) {
      format = a;
    } else if (input.empty()) {
      input = a;
    } else {
      return usageError("one .tour file at a time: got '" + input + "' and '" + a + "'");
    }
  }
  if (format != "codetour")
    return usageError(format.empty() ? "no format given" : "unknown format '" + format + "' (codetour)");
  if (input.empty())
    return usageError("no .tour file given");
  if (!options.workspaceRoot.empty())
    options.workspaceRoot = fs::absolute(options.workspaceRoot).lexically_normal().string();

  tours::Diagnostic readError;
  std::optional<std::string> text = tours::readTourText(input, readError);
  if (!text) {
    std::cerr << tours::sanitizeOutput(readError.format()) << "\n";
    return kExitUsage; // no input to import: the command could not run
  }
  std::string workspace = options.workspaceRoot.empty() ? interop::codeTourWorkspace(input) : options.workspaceRoot;
  if (output.empty())
    output = (fs::path(workspace) / ".tours" / (fs::path(input).stem().string() + ".json")).string();
  std::error_code ec;
  if (fs::exists(output, ec) && !force) {
    std::cerr << "tourguide import: error: " << output << " exists; pass --force to replace it, or -o another file\n";
    return kExitUsage;
  }
  tours::Tour probe;
  probe.sourcePath = fs::absolute(output).lexically_normal().string();
  InteropSources sources;
  std::string error, warning;
  if (!openInteropSources(buildDir, tours::repoRoot(probe), sources, error, warning,
                          fs::absolute(workspace).lexically_normal().string())) {
    std::cerr << "tourguide import: error: " << error << "\n";
    return kExitUsage; // no compilation database
  }
  if (!warning.empty())
    std::cerr << "tourguide import: warning: " << warning << "\n";
  if (buildDir.empty())
    std::cout << "note: no -p BUILD_DIR: the anchors name no function (file + pattern + line only)\n";

  options.nextFunction = sources.nextFunction;
  interop::CodeTourImport imported =
      interop::importCodeTour(*text, input, output, *sources.view, sources.enclosing, options);
  for (const std::string &note : imported.notes)
    std::cout << "note: " << tours::sanitizeLine(note) << "\n";
  if (!imported.tour) {
    for (const std::string &e : imported.errors)
      std::cerr << "tourguide import: error: " << tours::sanitizeOutput(e) << "\n";
    return kExitFailure;
  }
  if (!ec && !fs::exists(fs::path(output).parent_path(), ec) && !fs::path(output).parent_path().empty())
    fs::create_directories(fs::path(output).parent_path(), ec);
  if (std::string e = tours::saveTourFile(*imported.tour, output); !e.empty()) {
    std::cerr << "tourguide import: error: " << e << "\n";
    return kExitUsage; // an output that cannot be written
  }
  std::cout << "Imported " << input << " as " << output << ": " << imported.tour->stops.size() << " stops. "
            << "'tourguide check -p BUILD_DIR " << output << "' checks it; in lldb, 'tour start " << output
            << "' plays it.\n";
  return kExitOk;
}

const CommandRegistration registration(
    {"import", "write a tourguide tour from a CodeTour .tour file", kUsage, &runImport});

} // namespace

} // namespace tourguide::cli
