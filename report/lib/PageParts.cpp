#include "tourguide/report/PageParts.h"

#include "tourguide/report/HtmlEscape.h"
#include "tourguide/report/StageColors.h"

namespace tourguide::report {

// Light and quiet: system fonts only (nothing to download), stage colours come from
// per-element custom properties (--fg, --bg) set by the page.
const char *reportStyleSheet() {
  return R"CSS(
:root { --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; --page:#f5f7fb; --card:#ffffff;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
* { box-sizing: border-box; }
html { background: var(--page); }
body { margin: 0; color: var(--ink);
  font: 15px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif; }
.page { max-width: 960px; margin: 0 auto; padding: 32px 24px 56px; }
a { color: #1d4ed8; }
code { font-family: var(--mono); font-size: .9em; }

header.session { background: linear-gradient(135deg, #1e3a8a 0%, #2563eb 60%, #3b82f6 100%);
  color: #fff; border-radius: 18px; padding: 28px 34px 26px; box-shadow: 0 10px 30px rgba(30,58,138,.18); }
header.session .kicker { margin: 0 0 6px; font-size: 12px; letter-spacing: .12em; text-transform: uppercase; opacity: .8; }
header.session h1 { margin: 0 0 6px; font-size: 30px; line-height: 1.25; font-weight: 700; }
header.session .description { opacity: .95; }
header.session .description p { margin: 6px 0; }
header.session code { background: rgba(255,255,255,.16); padding: 1px 6px; border-radius: 5px; }
header.session a { color: #fff; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 18px 0 0; font-size: 14px; }
dl.facts dt { opacity: .75; }
dl.facts dd { margin: 0; word-break: break-word; }
.progress { margin-top: 18px; height: 6px; background: rgba(255,255,255,.22); border-radius: 99px; overflow: hidden; }
.progress span { display: block; height: 100%; background: #facc15; border-radius: 99px; }

.badge { display: inline-block; min-width: 78px; padding: 2px 10px; border-radius: 99px; font-size: 12px;
  font-weight: 650; letter-spacing: .03em; text-align: center; color: var(--fg); background: var(--bg); }

nav.toc { background: var(--card); border: 1px solid var(--line); border-radius: 16px; padding: 18px 24px; margin: 24px 0; }
nav.toc h2, section.charts > h2 { margin: 0 0 10px; font-size: 12px; letter-spacing: .12em; text-transform: uppercase; color: var(--muted); }
.toc-stage { display: grid; grid-template-columns: 100px 1fr; gap: 12px; padding: 8px 0; border-top: 1px solid var(--line); }
.toc-stage:first-of-type { border-top: 0; }
.toc-stage ol { list-style: none; margin: 0; padding: 0; }
.toc-stage li { margin: 1px 0; }
.toc-stage li a { color: var(--ink); text-decoration: none; }
.toc-stage li a:hover { text-decoration: underline; }
.toc-stage .num { display: inline-block; min-width: 38px; color: var(--muted); font-variant-numeric: tabular-nums; font-size: 13px; }
.toc-stage li.unreached a { color: var(--muted); }
.tag { margin-left: 8px; font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 99px; padding: 0 7px; }
.toc-charts { border-top: 1px solid var(--line); padding-top: 8px; margin-top: 4px; font-size: 14px; }

article.stop { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--fg);
  border-radius: 16px; padding: 20px 26px 22px; margin: 18px 0; box-shadow: 0 1px 3px rgba(15,23,42,.05); }
.stop-head { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.stop-head .count { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.stop-head time, .stop-head .status { margin-left: auto; color: var(--muted); font-size: 13px; }
article.stop h2 { margin: 8px 0 0; font-size: 21px; line-height: 1.3; }
.where { margin: 2px 0 0; color: var(--muted); font: 13px var(--mono); }
.md { margin-top: 8px; }
.md p { margin: 8px 0; }
.md code { background: #f1f5f9; border: 1px solid #e5e9f0; padding: 0 5px; border-radius: 5px; }
.md pre { background: #f8fafc; border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; overflow-x: auto; }
.md pre code { background: none; border: 0; padding: 0; }
h3.part { margin: 16px 0 6px; font-size: 12px; letter-spacing: .1em; text-transform: uppercase; color: var(--muted); }

.source { border: 1px solid var(--line); border-radius: 10px; overflow-x: auto; background: #fbfcfe; }
table.source { border-collapse: collapse; width: 100%; font: 13px/1.55 var(--mono); }
table.source td { padding: 0 14px; white-space: pre; tab-size: 4; }
table.source td.ln { width: 1%; text-align: right; color: #94a3b8; border-right: 1px solid var(--line); user-select: none; }
table.source tr.here { background: #fef9c3; }
table.source tr.here td.ln { color: #a16207; font-weight: 700; box-shadow: inset 3px 0 0 #eab308; }

table.watches { border-collapse: collapse; width: 100%; font-size: 14px; }
table.watches th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); padding: 6px 10px; border-bottom: 1px solid var(--line); }
table.watches td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.watches tr:last-child td { border-bottom: 0; }
table.watches td.label { width: 32%; font-family: var(--mono); font-size: 13px; color: #334155; }
table.watches td.value { font-family: var(--mono); font-size: 13px; white-space: pre-wrap; word-break: break-word; }
table.watches td.value.error { color: #b91c1c; font-style: italic; font-family: inherit; }
table.watches div.change { margin-top: 3px; font-size: 12px; color: var(--muted); }

article.stop.unreached { background: #f8fafc; border-left-color: #cbd5e1; color: #64748b; }
article.stop.unreached .badge { filter: grayscale(1); opacity: .75; }
article.stop.unreached h2 { color: #64748b; }
p.why { margin: 10px 0 0; padding: 8px 12px; background: #f1f5f9; border-radius: 8px; font-size: 14px; }

section.charts { margin-top: 30px; }
figure.chart { background: var(--card); border: 1px solid var(--line); border-radius: 16px; padding: 16px 22px 10px; margin: 14px 0; }
figure.chart figcaption { font-weight: 650; font-size: 16px; }
figure.chart figcaption .stats { font-weight: 400; color: var(--muted); font-size: 14px; margin-left: 8px; }
svg.chart { display: block; width: 100%; height: auto; margin-top: 6px; }
svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; fill: #64748b; }
svg.chart text.axis-label { font-size: 13px; fill: #334155; }
svg.chart text.last-label { font-weight: 700; fill: #0f172a; }
svg.chart text.note { font-style: italic; }
svg.chart .grid line { stroke: #e8edf4; stroke-width: 1; }
svg.chart .axis line { stroke: #94a3b8; stroke-width: 1; }
svg.chart .line { fill: none; stroke-width: 2.2; stroke-linejoin: round; stroke-linecap: round; }
svg.chart .area { opacity: .08; }
svg.chart circle.min { fill: #fff; stroke-width: 2; }
svg.chart circle.last { stroke: #fff; stroke-width: 2; }

footer { margin-top: 36px; text-align: center; color: var(--muted); font-size: 13px; }
)CSS";
}

std::string pageHead(const std::string &title) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  // Defence in depth: even if something slipped through escaping, nothing may load or run.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<meta name=\"generator\" content=\"tourguide\">";
  out += "<title>" + escapeHtml(title) + "</title>";
  return out + "<style>" + reportStyleSheet() + "</style></head>\n<body>";
}

std::string stageStyle(const std::string &stage) {
  StageColor color = stageColor(stage);
  return std::string("--fg:") + color.foreground + ";--bg:" + color.background;
}

std::string stageBadge(const std::string &stage) {
  return "<span class=\"badge\" style=\"" + stageStyle(stage) + "\">" + escapeHtml(stage.empty() ? "stop" : stage) +
         "</span>";
}

std::string sourceTable(const std::vector<std::string> &lines, unsigned firstLine, unsigned line) {
  if (lines.empty())
    return {};
  std::string out = "<div class=\"source\"><table class=\"source\">";
  unsigned number = firstLine ? firstLine : 1;
  for (const std::string &text : lines) {
    out += std::string("<tr") + (number == line ? " class=\"here\"" : "") + "><td class=\"ln\">" +
           std::to_string(number) + "</td><td>" + escapeHtml(text) + "</td></tr>";
    ++number;
  }
  return out + "</table></div>";
}

} // namespace tourguide::report
