#include "tourguide/report/SessionReport.h"

#include "tourguide/charts/NumberFormat.h"
#include "tourguide/charts/SeriesSummary.h"
#include "tourguide/report/HtmlEscape.h"
#include "tourguide/report/PageParts.h"
#include "tourguide/report/SafeMarkdown.h"
#include "tourguide/report/SvgChart.h"
#include "tourguide/tours/Files.h"

#include <algorithm>
#include <exception>

namespace tourguide::report {
namespace {

// Everything a tour or the program said goes through esc() or markdownToSafeHtml(); ids,
// classes and colours in the markup are the report's own (stop numbers, fixed palettes).
std::string esc(const std::string &text) { return escapeHtml(text); }

std::string anchorOf(size_t position) { return "stop-" + std::to_string(position + 1); }

/// "3/7" from the record, falling back to the stop's place in the list.
std::string countOf(const StopRecord &stop, size_t position, size_t stops) {
  size_t index = stop.index ? stop.index : position + 1;
  size_t total = stop.total ? stop.total : stops;
  return std::to_string(index) + "/" + std::to_string(total);
}

/// A command line as a person would type it: arguments with spaces or quotes in quotes.
std::string commandLine(const SessionRecord &session) {
  std::string line = session.program;
  for (const std::string &arg : session.args) {
    bool plain = !arg.empty() && arg.find_first_of(" \t\"'\\$") == std::string::npos;
    if (plain) {
      line += " " + arg;
      continue;
    }
    std::string quoted = "'";
    for (char c : arg)
      quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += " " + quoted + "'";
  }
  return line;
}

/// "2026-11-21T17:03:12Z" is shown as "17:03:12"; anything else as it is.
std::string clockTime(const std::string &iso) {
  if (iso.size() >= 19 && iso[10] == 'T')
    return iso.substr(11, 8);
  return iso;
}

size_t reachedCount(const SessionRecord &session) {
  return std::count_if(session.stops.begin(), session.stops.end(),
                       [](const StopRecord &s) { return s.reached; });
}

std::string renderHeader(const SessionRecord &session) {
  std::string out = "<header class=\"session\"><p class=\"kicker\">Tour session report</p>";
  out += "<h1>" + esc(session.tourTitle.empty() ? "Untitled tour" : session.tourTitle) + "</h1>";
  if (!session.tourDescription.empty())
    out += "<div class=\"description\">" + markdownToSafeHtml(session.tourDescription) + "</div>";
  out += "<dl class=\"facts\">";
  if (!session.program.empty())
    out += "<dt>Program</dt><dd><code>" + esc(commandLine(session)) + "</code></dd>";
  if (!session.tourFile.empty())
    out += "<dt>Tour file</dt><dd><code>" + esc(session.tourFile) + "</code></dd>";
  size_t reached = reachedCount(session), total = session.stops.size();
  out += "<dt>Stops reached</dt><dd>" + std::to_string(reached) + " of " +
         std::to_string(total) + "</dd>";
  if (!session.endedHow.empty())
    out += "<dt>Ended</dt><dd>" + esc(session.endedHow) + "</dd>";
  out += "</dl>";
  unsigned percent = total ? static_cast<unsigned>(reached * 100 / total) : 0;
  out += "<div class=\"progress\" title=\"" + std::to_string(reached) + " of " +
         std::to_string(total) + " stops reached\"><span style=\"width:" +
         std::to_string(percent) + "%\"></span></div>";
  return out + "</header>";
}

/// The contents, one row per stage in the order stages first appear in the tour.
std::string renderContents(const SessionRecord &session) {
  std::vector<std::string> stages;
  for (const StopRecord &stop : session.stops)
    if (std::find(stages.begin(), stages.end(), stop.stage) == stages.end())
      stages.push_back(stop.stage);
  std::string out = "<nav class=\"toc\"><h2>Contents</h2>";
  for (const std::string &stage : stages) {
    out += "<div class=\"toc-stage\"><div>" + stageBadge(stage) + "</div><ol>";
    for (size_t i = 0; i < session.stops.size(); ++i) {
      const StopRecord &stop = session.stops[i];
      if (stop.stage != stage)
        continue;
      out += std::string("<li") + (stop.reached ? "" : " class=\"unreached\"") + "><a href=\"#" +
             anchorOf(i) + "\"><span class=\"num\">" +
             countOf(stop, i, session.stops.size()) + "</span>" +
             esc(stop.title.empty() ? stop.id : stop.title) + "</a>" +
             (stop.reached ? "" : "<span class=\"tag\">not reached</span>") + "</li>";
    }
    out += "</ol></div>";
  }
  if (!session.series.empty())
    out += "<div class=\"toc-charts\"><a href=\"#collected-values\">Collected values</a> (" +
           std::to_string(session.series.size()) + ")</div>";
  return out + "</nav>";
}

std::string renderWatches(const StopRecord &stop) {
  if (stop.watches.empty())
    return {};
  std::string out = "<h3 class=\"part\">Values at this stop</h3><table class=\"watches\">"
                    "<thead><tr><th>Expression</th><th>Value</th></tr></thead><tbody>";
  for (const WatchValue &watch : stop.watches)
    out += "<tr><td class=\"label\">" + esc(watch.label) + "</td><td class=\"value" +
           (watch.error ? " error" : "") + "\">" + esc(watch.value) +
           (watch.change.empty() ? "" : "<div class=\"change\">" + esc(watch.change) + "</div>") +
           "</td></tr>";
  return out + "</tbody></table>";
}

std::string renderStop(const StopRecord &stop, size_t position, size_t stops) {
  std::string out = "<article class=\"stop" + std::string(stop.reached ? "" : " unreached") +
                    "\" id=\"" + anchorOf(position) + "\" style=\"" + stageStyle(stop.stage) +
                    "\">";
  out += "<div class=\"stop-head\">" + stageBadge(stop.stage) + "<span class=\"count\">" +
         countOf(stop, position, stops) + "</span>";
  if (stop.reached && !stop.reachedAt.empty())
    out += "<time datetime=\"" + esc(stop.reachedAt) + "\">reached at " +
           esc(clockTime(stop.reachedAt)) + "</time>";
  else if (!stop.reached)
    out += "<span class=\"status\">not reached</span>";
  out += "</div>";
  out += "<h2>" + esc(stop.title.empty() ? stop.id : stop.title) + "</h2>";
  if (!stop.file.empty())
    out += "<p class=\"where\">" + esc(stop.file) +
           (stop.line ? ":" + std::to_string(stop.line) : std::string()) + "</p>";
  if (!stop.reached)
    out += "<p class=\"why\">Not reached: " +
           esc(stop.whyNotReached.empty() ? "the program did not get here" : stop.whyNotReached) +
           "</p>";
  if (!stop.markdown.empty())
    out += "<div class=\"md\">" + markdownToSafeHtml(stop.markdown) + "</div>";
  out += sourceTable(stop.sourceLines, stop.firstSourceLine, stop.line);
  out += renderWatches(stop);
  return out + "</article>";
}

/// Each chart its own colour, so "the green one" means the same chart to everyone.
SvgChartStyle chartStyle(size_t position) {
  static const char *const lineColors[] = {"#2563eb", "#059669", "#7c3aed", "#d97706", "#db2777"};
  SvgChartStyle style;
  style.lineColor = lineColors[position % (sizeof lineColors / sizeof lineColors[0])];
  return style;
}

std::string renderSeries(const charts::Series &series, size_t position) {
  charts::SeriesSummary summary = charts::summarize(series);
  std::string stats;
  if (summary.points) {
    stats = "last " + charts::formatCompact(summary.last.y);
    if (summary.points > 1)
      stats += " · min " + charts::formatCompact(summary.min.y) + " at " +
               (series.xLabel.empty() ? "" : series.xLabel + " ") +
               charts::formatCompact(summary.min.x) + " · max " +
               charts::formatCompact(summary.max.y);
    stats += " · " + std::to_string(summary.points) +
             (summary.points == 1 ? " point" : " points");
  }
  return "<figure class=\"chart\"><figcaption>" +
         esc(series.name.empty() ? "series" : series.name) + "<span class=\"stats\">" +
         esc(stats) + "</span></figcaption>" + renderSvgChart(series, chartStyle(position)) +
         "</figure>";
}

std::string renderPage(const SessionRecord &session) {
  std::string title = session.tourTitle.empty() ? "Untitled tour" : session.tourTitle;
  std::string out = pageHead(title + " · tour report") + "<div class=\"page\">";
  out += renderHeader(session);
  out += renderContents(session);
  out += "<main>";
  for (size_t i = 0; i < session.stops.size(); ++i)
    out += renderStop(session.stops[i], i, session.stops.size()) + "\n";
  if (!session.series.empty()) {
    out += "<section class=\"charts\" id=\"collected-values\"><h2>Collected values</h2>";
    for (size_t i = 0; i < session.series.size(); ++i)
      out += renderSeries(session.series[i], i) + "\n";
    out += "</section>";
  }
  out += "</main><footer>Written by tourguide from one run of the tour. "
         "Values are as the program had them at each stop.</footer>";
  return out + "</div></body></html>\n";
}

} // namespace

std::string renderHtml(const SessionRecord &session) {
  try {
    return renderPage(session);
  } catch (const std::exception &error) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>tour "
           "report</title></head><body><p>The report could not be written: " +
           escapeHtml(error.what()) + "</p></body></html>\n";
  }
}

std::string writeHtmlReport(const SessionRecord &session, const std::string &path) {
  try {
    if (path.empty())
      return "no file name given for the report";
    tours::WriteError error = tours::writeFileAtomically(path, renderHtml(session));
    if (error.step == tours::WriteError::Step::NotRegular)
      return error.message(path) + ": only a new file or a regular file is replaced by the report";
    return error.message(path);
  } catch (const std::exception &error) {
    return std::string("cannot write the report: ") + error.what();
  }
}

} // namespace tourguide::report
