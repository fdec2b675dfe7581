// tourguide-report-demo [OUT.html]: writes the report of a built-in sample session (default
// tour-report-demo.html) and prints its loss chart as the terminal would show it.
#include "SampleSession.h"

#include "tourguide/charts/TerminalChart.h"
#include "tourguide/report/SessionReport.h"

#include <cstdio>
#include <string>

int main(int argc, char **argv) {
  if (argc > 2 || (argc == 2 && (std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help"))) {
    std::fprintf(stderr, "Syntax: %s [OUT.html]\n", argv[0]);
    return 2;
  }
  std::string path = argc == 2 ? argv[1] : "tour-report-demo.html";
  tourguide::report::SessionRecord session = tourguide::report::demo::sampleSession();
  std::fputs(tourguide::charts::renderChart(session.series.front(), {}).c_str(), stdout);
  std::string error = tourguide::report::writeHtmlReport(session, path);
  if (!error.empty()) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 1;
  }
  std::printf("wrote %s\n", path.c_str());
  return 0;
}
