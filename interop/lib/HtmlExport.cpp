// `tourguide export html`: the walkthrough (Walkthrough.h) as one self-contained page, built from
// the session report's parts (report/PageParts.h) so the two pages look and escape alike.
#include "tourguide/interop/Walkthrough.h"

#include "tourguide/report/HtmlEscape.h"
#include "tourguide/report/PageParts.h"
#include "tourguide/report/SafeMarkdown.h"

namespace tourguide::interop {

namespace {

// Everything from the tour goes through esc() or report::markdownToSafeHtml(); the markup's
// ids, classes and colours are the page's own.
std::string esc(const std::string &text) { return report::escapeHtml(text); }

std::string code(const std::string &text) { return "<code>" + esc(text) + "</code>"; }

std::string renderHeader(const Walkthrough &walk) {
  const tours::Tour &tour = *walk.tour;
  std::string out = "<header class=\"session\"><p class=\"kicker\">Tour walkthrough</p>";
  out += "<h1>" + esc(tour.title.empty() ? "Untitled tour" : tour.title) + "</h1>";
  if (!tour.description.empty())
    out += "<div class=\"description\">" + report::markdownToSafeHtml(tour.description) + "</div>";
  out += "<dl class=\"facts\"><dt>Program</dt><dd>" + code(walk.command) + "</dd>";
  if (!tour.program.cwd.empty())
    out += "<dt>Run in</dt><dd>" + code(tour.program.cwd) + "</dd>";
  out += "<dt>Tour file</dt><dd>" + code(walk.tourFileName) + "</dd>";
  out += "<dt>Stops</dt><dd>" + std::to_string(walk.stops.size()) + "</dd></dl>";
  return out + "</header>";
}

std::string renderStop(const WalkthroughStop &s, size_t position, size_t stops) {
  const tours::Stop &stop = *s.stop;
  std::string number = std::to_string(position + 1);
  std::string out = "<article class=\"stop\" id=\"stop-" + number + "\" style=\"" + report::stageStyle(stop.stage) +
                    "\"><div class=\"stop-head\">" + report::stageBadge(stop.stage) + "<span class=\"count\">" +
                    number + "/" + std::to_string(stops) + "</span></div>";
  out += "<h2>" + esc(stop.title.empty() ? stop.id : stop.title) + "</h2>";
  if (s.resolved) {
    out += "<p class=\"where\"><a href=\"" + esc(s.link) + "\">" + esc(s.place) + "</a>";
    if (!s.function.empty())
      out += " in " + code(s.function);
    if (std::string pass = passPhrase(stop.hit); !pass.empty())
      out += ", " + esc(pass);
    out += "</p>";
  }
  if (!stop.text.empty())
    out += "<div class=\"md\">" + report::markdownToSafeHtml(stop.text) + "</div>";
  if (!s.resolved)
    out += "<p class=\"why\">This stop's place is not found in the sources: " + esc(s.whyNotResolved) + ".</p>";
  out += report::sourceTable(s.excerpt, s.firstLine, s.line);
  if (!stop.watch.empty()) {
    out += "<h3 class=\"part\">Watched values</h3><p>";
    for (size_t i = 0; i < stop.watch.size(); ++i)
      out += (i ? ", " : "") + code(stop.watch[i].expr) +
             (stop.watch[i].label.empty() ? "" : " (" + esc(stop.watch[i].label) + ")");
    out += "</p>";
  }
  if (!stop.collect.empty()) {
    out += "<h3 class=\"part\">Collected while the program runs</h3><p>";
    for (size_t i = 0; i < stop.collect.size(); ++i)
      out += (i ? ", " : "") + code(stop.collect[i].expr) + " as <em>" + esc(stop.collect[i].name) + "</em>";
    out += "</p>";
  }
  return out + "</article>\n";
}

} // namespace

Export exportHtml(const tours::Tour &tour, tours::SourceView &view, const WalkthroughOptions &options) {
  Walkthrough walk = walkthroughOf(tour, view, options);
  std::string page = report::pageHead((tour.title.empty() ? "Untitled tour" : tour.title) + " · walkthrough") +
                     "<div class=\"page\">" + renderHeader(walk) + "<main>";
  for (size_t i = 0; i < walk.stops.size(); ++i)
    page += renderStop(walk.stops[i], i, walk.stops.size());
  page += "</main><footer>Written by tourguide from the tour " + esc(walk.tourFileName) +
          "; in LLDB, <code>tour start</code> plays it with live values.</footer></div></body></html>\n";
  return Export{page, walk.notes, walk.unresolved};
}

} // namespace tourguide::interop
