// `tour plot [--values] [NAME...]`: the series the tour collected so far, as terminal charts
// (or, with --values, every point as a two-column table). Reads the session only: it never
// touches the program, so it works while the program runs, at a stop, or after it exited.
#include "Subcommands.h"

#include "Collection.h"
#include "DebuggerStyle.h"
#include "SeriesText.h"
#include "tourguide/charts/NumberFormat.h"
#include "tourguide/values/NumericSummary.h"

namespace tourguide::plugin {

namespace {

std::string names(const std::vector<collect::CollectedSeries> &series) {
  std::string out;
  for (const auto &s : series)
    out += (out.empty() ? "" : ", ") + s.spec.name;
  return out;
}

std::string valuesTable(const collect::CollectedSeries &s) {
  std::string x = s.xName();
  std::string out = "# " + s.spec.name + ": " + std::to_string(s.y.size()) + " points\n" + x + "\t" + s.spec.name + "\n";
  for (size_t i = 0; i < s.y.size(); ++i)
    out += values::formatNumber(s.x[i], 10) + "\t" + values::formatNumber(s.y[i], 8) + "\n";
  return out;
}

class PlotCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour plot"; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (!needTour(debugger, result))
      return false;
    TourSession &s = session();
    if (!s.collector || s.collector->empty())
      return fail(result, "this tour collects no series: add a \"collect\" entry to the tour "
                          "(docs/tour-format.md, \"Collected series\")");
    bool table = false;
    std::vector<std::string> wanted;
    for (const auto &a : args) {
      if (a == "--values")
        table = true;
      else if (a.size() > 1 && a[0] == '-')
        return fail(result, "unknown option '" + a + "' for 'tour plot'. Syntax: " + kPlotSyntax);
      else
        wanted.push_back(a);
    }
    std::vector<collect::CollectedSeries> all = s.collector->series();
    if (wanted.empty())
      for (const auto &series : all)
        wanted.push_back(series.spec.name);
    render::Style style = render::styleFor(debugger);
    std::string out;
    for (const auto &name : wanted) {
      collect::CollectedSeries found({});
      if (!s.collector->find(name, found))
        return fail(result, "no series '" + name + "' in this tour; its series are: " + names(all));
      out += table ? valuesTable(found) : seriesChart(found, style);
      out += "\n";
    }
    return succeed(result, out);
  }
};

} // namespace

TourCommand *makePlotCommand(std::shared_ptr<TourSession> session) { return new PlotCommand(std::move(session)); }

} // namespace tourguide::plugin
