// The two ways `tourguide check` reports: compiler-style text for people and CI logs, and JSON
// (one object per stop and per series) for tools.
#include "tourguide/checker/TourCheck.h"

#include <nlohmann/json.hpp>

namespace tourguide::checker {

using tours::Severity;

namespace {

const char *severityName(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

std::string quoted(const std::string &s) { return "'" + s + "'"; }

std::string where(const std::string &path, tours::FilePos pos) {
  std::string out = path;
  if (pos.line) {
    out += ":" + std::to_string(pos.line);
    if (pos.column)
      out += ":" + std::to_string(pos.column);
  }
  return out;
}

std::string candidateNote(const Candidate &c) {
  std::string at = c.file + ":" + std::to_string(c.line);
  std::string in = c.function.empty() ? "" : " in " + quoted(c.function);
  if (c.kind == "name")
    return "did you mean " + quoted(c.function) + "? defined at " + at;
  if (c.kind == "body")
    return quoted(c.function) + " holds the pattern; defined at " + at;
  if (c.kind == "match")
    return "match at " + at + in + ": `" + c.text + "`";
  return "closest line: " + at + in + ": `" + c.text + "`";
}

std::string repairText(const Repair &r) {
  auto show = [&](const std::string &v) {
    return r.field == "line" ? v : v.empty() ? std::string("(none)") : quoted(v);
  };
  return r.field + " " + show(r.before) + " -> " + show(r.after) + " (" + r.reason + ")";
}

} // namespace

std::string formatText(const std::vector<TourReport> &reports) {
  std::string out;
  for (const TourReport &t : reports) {
    out += tours::formatAll(t.loadErrors);
    for (const AnchorReport *a : t.anchors()) {
      const AnchorReport &s = *a;
      for (const Repair &r : s.applied)
        out += where(t.path, s.positionOf(r.field)) + ": fixed: " + s.describe() + ": " + repairText(r) + "\n";
      if (s.check.findings.empty())
        continue;
      tours::FilePos first = s.positionOf(s.check.findings.front().field);
      for (const Finding &f : s.check.findings)
        out += where(t.path, s.positionOf(f.field)) + ": " + severityName(f.severity) + ": " + s.describe() + ": " +
               f.message + "\n";
      for (const Candidate &c : s.check.candidates)
        out += where(t.path, first) + ": note: " + candidateNote(c) + "\n";
      if (!s.check.unfixableReason.empty())
        out += where(t.path, first) + ": note: not fixable by --fix: " + s.check.unfixableReason + "\n";
    }
    if (!t.writeError.empty())
      out += t.path + ": error: --fix did not write the file: " + t.writeError + "\n";
  }
  return out;
}

std::string formatJson(const std::vector<TourReport> &reports) {
  nlohmann::ordered_json stops = nlohmann::ordered_json::array();
  nlohmann::ordered_json tourErrors = nlohmann::ordered_json::array();
  for (const TourReport &t : reports) {
    for (const tours::Diagnostic &d : t.loadErrors)
      tourErrors.push_back({{"tour", t.path}, {"line", d.line}, {"column", d.column}, {"message", d.message}});
    if (!t.writeError.empty())
      tourErrors.push_back({{"tour", t.path}, {"line", 0}, {"column", 0}, {"message", t.writeError}});
    for (const AnchorReport *a : t.anchors()) {
      const AnchorReport &s = *a;
      const StopCheck &c = s.check;
      Severity worst = c.worst();
      // A series has the stop's fields too (its stop's id, "" at the top level; its label as
      // the title), so a tool that reads every object as a stop keeps working.
      nlohmann::ordered_json stop = {{"tour", t.path}, {"kind", s.isSeries() ? "series" : "stop"}};
      if (s.isSeries())
        stop["series"] = s.id;
      stop["stop"] = s.isSeries() ? s.stopId : s.id;
      stop["title"] = s.title;
      stop["pointer"] = s.pointer;
      stop["line"] = s.stopPos.line;
      stop["column"] = s.stopPos.column;
      stop["status"] = worst == Severity::Note ? "ok" : severityName(worst);
      stop["form"] = formName(c.form);
      if (c.form != AnchorForm::None)
        stop["location"] = {{"file", c.file}, {"line", c.line}, {"function", c.function}};
      else
        stop["location"] = nullptr;
      nlohmann::ordered_json findings = nlohmann::ordered_json::array();
      for (const Finding &f : c.findings) {
        tours::FilePos p = s.positionOf(f.field);
        findings.push_back({{"severity", severityName(f.severity)},
                            {"field", f.field},
                            {"line", p.line},
                            {"column", p.column},
                            {"message", f.message}});
      }
      stop["diagnostics"] = findings;
      nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
      for (const Candidate &k : c.candidates)
        candidates.push_back(
            {{"kind", k.kind}, {"function", k.function}, {"file", k.file}, {"line", k.line}, {"text", k.text}});
      stop["candidates"] = candidates;
      nlohmann::ordered_json fixes = nlohmann::ordered_json::array();
      for (const Repair &r : s.applied)
        fixes.push_back({{"field", r.field}, {"before", r.before}, {"after", r.after}, {"reason", r.reason}});
      stop["fixed"] = fixes;
      if (!c.unfixableReason.empty())
        stop["not_fixable"] = c.unfixableReason;
      stops.push_back(stop);
    }
  }
  nlohmann::ordered_json doc = {{"stops", stops}, {"tour_errors", tourErrors}, {"exit_code", exitCodeFor(reports)}};
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace tourguide::checker
