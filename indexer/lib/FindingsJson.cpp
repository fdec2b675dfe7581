// Writes findings as JSON and summarises a run.
#include "tourguide/indexer/FindingsJson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace tourguide::indexer {

using Json = nlohmann::ordered_json;

RunSummary summarise(const std::vector<TUFacts> &tus) {
  RunSummary s;
  s.total = static_cast<unsigned>(tus.size());
  for (const TUFacts &tu : tus) {
    if (tu.parsed)
      ++s.parsed;
    if (tu.skipped)
      ++s.skipped;
    if (tu.errorCount > 0)
      ++s.withErrors;
    if (tu.skipped || tu.errorCount > 0)
      s.problems.push_back(&tu);
  }
  return s;
}

namespace {
/// An evaluation loop (a test pass, an inference program's generation loop) repeats too, but
/// trains nothing.
bool isTrainingLoop(const Finding &f) { return f.stage == "loop" && f.role != "evaluation"; }
} // namespace

std::vector<std::string> notesFor(const Analysis &analysis) {
  std::vector<std::string> notes = analysis.problems;
  std::set<std::string> withLoop;
  for (const Finding &f : analysis.findings)
    if (isTrainingLoop(f))
      withLoop.insert(f.entry);
  if (analysis.entries.empty())
    notes.push_back("no entry point (main) found");
  if (withLoop.empty())
    notes.push_back("no training loop found");
  for (const EntryPoint &e : analysis.entries)
    if (!withLoop.count(e.name()))
      notes.push_back("no training loop found for '" + e.name() + "' (" + e.kind + ")");
  for (const auto &[framework, calls] : analysis.frameworks)
    notes.push_back("the repo's code calls " + framework + "'s API (" + std::to_string(calls) +
                    " call site" + (calls == 1 ? "" : "s") + " with a known role)");
  return notes;
}

std::string summaryLine(const RunSummary &s, const Analysis &analysis) {
  std::string line = "indexed " + std::to_string(s.total) + " TU" + (s.total == 1 ? "" : "s") + " (" +
                     std::to_string(s.parsed) + " parsed, " + std::to_string(s.withErrors) +
                     " with errors, " + std::to_string(s.skipped) + " skipped): ";
  line += std::to_string(analysis.entries.size()) + " entry point" +
          (analysis.entries.size() == 1 ? "" : "s");
  if (!analysis.entries.empty()) {
    line += " (";
    for (size_t i = 0; i < analysis.entries.size(); ++i)
      line += (i ? ", " : "") + analysis.entries[i].name() + ": " + analysis.entries[i].kind;
    line += ")";
  }
  size_t loops = std::count_if(analysis.findings.begin(), analysis.findings.end(), isTrainingLoop);
  line += ", " + std::to_string(analysis.findings.size() - loops) + " stage findings, ";
  line += loops ? std::to_string(loops) + " training loop" + (loops == 1 ? "" : "s")
                : std::string("no training loop found");
  return line;
}

namespace {
Json evidenceJson(const std::vector<Evidence> &evidence) {
  Json out = Json::array();
  for (const Evidence &e : evidence) {
    Json j;
    j["text"] = e.text;
    if (e.line)
      j["line"] = e.line;
    out.push_back(j);
  }
  return out;
}
double rounded(double v) { return static_cast<int>(v * 100 + 0.5) / 100.0; }
} // namespace

std::string findingsToJson(const Analysis &analysis, const RunSummary &summary, const std::string &root) {
  Json doc;
  doc["tool"] = "tourguide index";
  if (!root.empty())
    doc["root"] = root;
  Json sum;
  sum["tus"] = summary.total;
  sum["parsed"] = summary.parsed;
  sum["with_errors"] = summary.withErrors;
  sum["skipped"] = summary.skipped;
  sum["entry_points"] = analysis.entries.size();
  sum["stages"] = analysis.findings.size();
  sum["line"] = summaryLine(summary, analysis);
  doc["summary"] = sum;
  Json problems = Json::array();
  for (const TUFacts *tu : summary.problems) {
    Json p;
    p["file"] = tu->mainFile;
    p["errors"] = tu->errorCount;
    p["messages"] = tu->errors;
    if (tu->skipped)
      p["skipped"] = tu->skipReason;
    problems.push_back(p);
  }
  doc["problems"] = problems;
  Json entries = Json::array();
  for (const EntryPoint &e : analysis.entries) {
    Json j;
    j["program"] = e.program;
    if (!e.command.empty()) {
      j["command"] = e.command;
      j["name"] = e.name();
    }
    j["kind"] = e.kind;
    j["function"] = e.function;
    j["file"] = e.file;
    j["line"] = e.line;
    j["executable"] = e.executable;
    j["confidence"] = rounded(e.confidence);
    j["evidence"] = evidenceJson(e.evidence);
    entries.push_back(j);
  }
  doc["entry_points"] = entries;
  Json stages = Json::array();
  for (const Finding &f : analysis.findings) {
    Json j;
    j["entry"] = f.entry;
    j["stage"] = f.stage;
    j["function"] = f.function;
    j["file"] = f.file;
    j["line"] = f.line;
    if (!f.role.empty())
      j["role"] = f.role;
    if (!f.via.empty())
      j["via"] = f.via;
    if (!f.framework.empty())
      j["framework"] = f.framework;
    if (!f.alternativeTo.empty())
      j["alternative_to"] = f.alternativeTo;
    j["confidence"] = rounded(f.confidence);
    j["order"] = f.order;
    j["depth"] = f.depth;
    j["evidence"] = evidenceJson(f.evidence);
    Json anchor;
    anchor["function"] = f.function;
    if (f.anchorLine) {
      anchor["line"] = f.anchorLine;
      anchor["pattern"] = f.anchorText;
    }
    j["anchor"] = anchor;
    // The debugger stops past the anchor's statement when that is where its values exist.
    if (f.stop.line)
      j["stop"] = {{"line", f.stop.line},
                   {"pattern", f.stop.text},
                   {"past", {f.stop.pastLine, f.stop.pastEndLine}},
                   {"past_loop", f.stop.pastLoop}};
    j["watch"] = f.watch;
    // What a draft needs besides the anchor (FindingsReader.h reads these back for `tour draft`).
    j["function_lines"] = {f.functionBegin, f.functionEnd};
    if (f.inTemplate)
      j["in_template"] = true;
    if (!f.idioms.empty()) {
      Json idioms = Json::array();
      for (const IdiomFact &i : f.idioms)
        idioms.push_back({{"kind", i.kind}, {"formula", i.formula}, {"description", i.description},
                          {"lines", {i.beginLine, i.endLine}}, {"evidence", i.evidence}});
      j["idioms"] = idioms;
    }
    stages.push_back(j);
  }
  doc["stages"] = stages;
  Json files = Json::array();
  for (const auto &[file, origin] : analysis.files) {
    Json j;
    j["file"] = file;
    j["origin"] = originName(origin.origin);
    if (!origin.why.empty())
      j["why"] = origin.why;
    if (!origin.framework.empty())
      j["framework"] = origin.framework;
    files.push_back(j);
  }
  doc["files"] = files;
  doc["notes"] = notesFor(analysis);
  return doc.dump(2) + "\n";
}

} // namespace tourguide::indexer
