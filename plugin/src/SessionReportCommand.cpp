// `tour report FILE.html`: what the session saw (each stop reached with the values it showed,
// its text and source, the stops not reached and why) as one self-contained HTML page a
// newcomer can keep and share. Built from the session only: it never touches the program.
#include "SessionReportCommand.h"

#include "Collection.h"
#include "SourceText.h"
#include "tourguide/report/SessionReport.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace tourguide::plugin {

namespace {

/// The source lines shown around a stop's line in the report.
constexpr unsigned kContextLines = 4;

std::string whyNotReached(const TourSession &s, const ResolvedStop &where) {
  if (!where.resolved)
    return "it did not resolve in the program: " + where.why;
  if (where.skipped)
    return "it was skipped (tour goto or tour start --from)";
  if (s.lastEnd == RunEnd::Exited || s.lastEnd == RunEnd::Crashed || s.lastEnd == RunEnd::Gone)
    return "the program " + s.lastEndText + " first";
  return "the session has not got there yet";
}

report::StopRecord stopRecord(const TourSession &s, size_t i) {
  const tours::Stop &stop = s.tour->stops[i];
  const ResolvedStop &where = s.stops[i];
  report::StopRecord r;
  r.id = stop.id;
  r.stage = stop.stage;
  r.title = stop.title;
  r.markdown = stop.text;
  r.file = where.file;
  r.line = where.line;
  r.index = i + 1;
  r.total = s.size();
  r.reached = where.reached;
  r.reachedAt = where.reachedAt;
  if (!where.reached)
    r.whyNotReached = whyNotReached(s, where);
  for (const auto &w : where.seenWatches)
    r.watches.push_back({w.label, w.value, w.error, w.change});
  if (where.line > 0 && !where.file.empty() && s.sourceAccess().allows(where.file)) {
    if (auto lines = readLines(where.file)) {
      unsigned first = where.line > kContextLines ? where.line - kContextLines : 1;
      unsigned last = std::min<unsigned>(static_cast<unsigned>(lines->size()), where.line + kContextLines);
      r.firstSourceLine = first;
      for (unsigned n = first; n <= last; ++n)
        r.sourceLines.push_back((*lines)[n - 1]);
    }
  }
  return r;
}

std::string endedHow(const TourSession &s) {
  switch (s.lastEnd) {
  case RunEnd::NotRun:
    return "the program was not run";
  case RunEnd::AtStop:
  case RunEnd::Elsewhere:
    return "still running (stopped)";
  default:
    return s.lastEndText;
  }
}

class ReportCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour report"; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (args.size() != 1)
      return fail(result, std::string("usage: ") + kReportSyntax);
    if (!needTour(debugger, result))
      return false;
    namespace fs = std::filesystem;
    const fs::path path(args[0]);
    std::error_code ec;
    fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(folder, ec))
      return fail(result, "cannot write the report: the folder '" + folder.string() + "' does not exist");
    if (fs::is_directory(path, ec))
      return fail(result, "cannot write the report: '" + path.string() + "' is a folder; give a file name such as tour.html");

    const TourSession &s = session();
    report::SessionRecord record;
    record.tourTitle = s.tour->title;
    record.tourDescription = s.tour->description;
    record.tourFile = s.tour->sourcePath;
    record.program = s.tour->program.path;
    record.args = s.tour->program.args;
    record.endedHow = endedHow(s);
    size_t reached = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      record.stops.push_back(stopRecord(s, i));
      reached += s.stops[i].reached;
    }
    if (s.collector)
      for (const auto &series : s.collector->series())
        record.series.push_back(series.chart());
    std::string error = report::writeHtmlReport(record, path.string());
    if (!error.empty())
      return fail(result, "cannot write the report '" + path.string() + "': " + error);
    return succeed(result, "Wrote the session report to " + path.string() + " (" + std::to_string(reached) +
                               " of " + std::to_string(s.size()) + " stops reached).\n");
  }
};

} // namespace

TourCommand *makeReportCommand(std::shared_ptr<TourSession> session) { return new ReportCommand(std::move(session)); }

} // namespace tourguide::plugin
