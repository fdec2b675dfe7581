// `tourguide validate FILE...`: checks tour files and reports every problem like a compiler.
#include "DiagnosticPrinter.h"
#include "FixFormat.h"
#include "tourguide/cli/Command.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <algorithm>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace tourguide::cli {

namespace {

const char *const kUsage = "tourguide validate [--color=auto|always|never] FILE...";

/// How many errors and warnings are printed (notes go with theirs) unless --max-diagnostics
/// says otherwise; the summary line still counts all of them.
constexpr unsigned kDefaultMaxDiagnostics = 100;

void printHelp(std::ostream &out) {
  out << "Usage: " << kUsage << "\n\n"
      << "Checks tour files (docs/tour-format.md) and prints each problem as\n"
      << "FILE:LINE:COL: error: MESSAGE, with the source line and a caret.\n\n"
      << "Options:\n"
      << "  --color=WHEN  colour the output: auto (when stdout is a terminal and NO_COLOR is\n"
      << "                not set), always, never\n"
      << "  --max-diagnostics=N  print at most N errors and warnings (default "
      << kDefaultMaxDiagnostics << ", 0: all);\n"
      << "                the summary line counts every one\n"
      << "  --fix-format  rewrite each file without errors in the layout tourguide writes\n"
      << "                (key order, indentation, defaults left out); say which were rewritten\n"
      << "  -h, --help    show this help\n\n"
      << "Exit status: 0 when no file has errors (warnings allowed), 1 when any has,\n"
      << "2 on a usage error.\n";
}

/// Colour by default only on a terminal, and never when NO_COLOR is set (no-color.org).
bool colorByDefault() { return ::isatty(STDOUT_FILENO) != 0 && !std::getenv("NO_COLOR"); }

int usageError(const std::string &message) {
  std::cerr << "tourguide validate: error: " << message << "\n"
            << "Usage: " << kUsage << "\n";
  return kExitUsage;
}

int runValidate(const std::vector<std::string> &args) {
  std::vector<std::string> files;
  bool color = colorByDefault();
  bool optionsEnded = false;
  bool fixFormat = false; // --fix-format (FixFormat.h)
  bool fixFailed = false;
  unsigned maxDiagnostics = kDefaultMaxDiagnostics;
  for (const std::string &arg : args) {
    if (optionsEnded || arg.empty() || arg[0] != '-' || arg == "-") {
      files.push_back(arg);
    } else if (arg == "--") {
      optionsEnded = true;
    } else if (arg == "-h" || arg == "--help") {
      printHelp(std::cout);
      return kExitOk;
    } else if (arg == "--fix-format") {
      fixFormat = true;
    } else if (arg == "--color=always") {
      color = true;
    } else if (arg == "--color=never") {
      color = false;
    } else if (arg == "--color=auto") {
      color = colorByDefault();
    } else if (arg.rfind("--max-diagnostics=", 0) == 0) {
      std::string value = arg.substr(18);
      if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos)
        return usageError("'--max-diagnostics' needs a number, got '" + value + "'");
      maxDiagnostics = static_cast<unsigned>(std::stoul(value));
    } else {
      return usageError("unknown option '" + arg + "'");
    }
  }
  if (files.empty())
    return usageError("no tour file given");

  PrintOptions options;
  options.color = color;
  unsigned errors = 0, warnings = 0, printed = 0;
  unsigned hiddenErrors = 0, hiddenWarnings = 0;
  for (const std::string &file : files) {
    std::string source; // read once, by loadTourFile: the excerpts show what was validated
    tours::LoadResult result = tours::loadTourFile(file, &source);
    if (result.ok()) {
      // What `tour start` would refuse without --trust (docs/security.md), in file order.
      // A loaded tour has no errors, so no note is separated from its error by the sort.
      for (tours::Diagnostic &d : tours::trustWarnings(*result.tour))
        result.diagnostics.push_back(std::move(d));
      std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                       [](const tours::Diagnostic &a, const tours::Diagnostic &b) {
                         return std::make_pair(a.line, a.column) < std::make_pair(b.line, b.column);
                       });
    }
    const SourceLines lines(source); // line starts found once: linear in the diagnostics
    bool hidden = false; // the last error or warning was not printed: nor are its notes
    for (const tours::Diagnostic &diag : result.diagnostics) {
      bool isError = diag.severity == tours::Severity::Error;
      bool isWarning = diag.severity == tours::Severity::Warning;
      errors += isError;
      warnings += isWarning;
      if (isError || isWarning) {
        hidden = maxDiagnostics != 0 && printed >= maxDiagnostics;
        printed += !hidden;
        hiddenErrors += hidden && isError;
        hiddenWarnings += hidden && isWarning;
      }
      if (!hidden)
        printDiagnostic(std::cout, diag, lines, options);
    }
    if (fixFormat)
      fixFailed = !fixTourFormat(std::cout, file, source, result) || fixFailed;
  }
  if (hiddenErrors + hiddenWarnings > 0) {
    auto more = [](unsigned n, const char *word) {
      return std::to_string(n) + " more " + word + (n == 1 ? "" : "s");
    };
    std::string rest = hiddenErrors ? more(hiddenErrors, "error") : "";
    if (hiddenWarnings)
      rest += (rest.empty() ? "" : " and ") + more(hiddenWarnings, "warning");
    std::cout << rest << " not shown (the first " << maxDiagnostics
              << " are above; --max-diagnostics=0 shows all).\n";
  }
  std::string summary = summaryLine(errors, warnings);
  if (!summary.empty())
    std::cout << summary << '\n';
  std::cout.flush();
  return errors != 0 || fixFailed ? kExitFailure : kExitOk;
}

const CommandRegistration registration({"validate", "check tour files and report every problem",
                                        kUsage, &runValidate});

} // namespace

} // namespace tourguide::cli
