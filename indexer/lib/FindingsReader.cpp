// Reads the findings document written by FindingsJson.cpp. Built with exceptions (nlohmann/json
// throws on bad input); every exception stops at parseFindings and becomes its error message.
#include "tourguide/indexer/FindingsReader.h"

#include "tourguide/tours/Files.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace tourguide::indexer {

namespace {

using Json = nlohmann::json;

/// A problem at one place in the document: "stages[3].line: expected a whole number".
struct Bad : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Far above what a real repo gives (darknet: 64 entry points, a few hundred stages), far below
// what would make the draft or its breakpoints costly.
constexpr size_t kMaxEntries = 10000, kMaxStages = 100000, kMaxListItems = 1000;
constexpr size_t kMaxText = 64u << 10;

const Json &field(const Json &object, const char *key, const std::string &where) {
  if (!object.is_object())
    throw Bad(where + ": expected an object");
  auto it = object.find(key);
  if (it == object.end())
    throw Bad(where + ": missing \"" + key + "\"");
  return *it;
}

std::string text(const Json &v, const std::string &where) {
  if (!v.is_string())
    throw Bad(where + ": expected a string");
  const std::string &s = v.get_ref<const std::string &>();
  if (s.size() > kMaxText)
    throw Bad(where + ": longer than 64 KiB");
  if (s.find('\0') != std::string::npos)
    throw Bad(where + ": holds a NUL character");
  return s;
}

std::string text(const Json &object, const char *key, const std::string &where) {
  return text(field(object, key, where), where + "." + key);
}

std::string optionalText(const Json &object, const char *key, const std::string &where) {
  return object.contains(key) ? text(object, key, where) : std::string();
}

unsigned whole(const Json &v, const std::string &where) {
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
    throw Bad(where + ": expected a whole number");
  unsigned long long n = v.get<unsigned long long>();
  if (n > 100000000) // no source file has a hundred million lines
    throw Bad(where + ": " + std::to_string(n) + " is out of range");
  return static_cast<unsigned>(n);
}

unsigned whole(const Json &object, const char *key, const std::string &where) {
  return whole(field(object, key, where), where + "." + key);
}

const Json &list(const Json &v, const std::string &where, size_t limit = kMaxListItems) {
  if (!v.is_array())
    throw Bad(where + ": expected an array");
  if (v.size() > limit)
    throw Bad(where + ": more than " + std::to_string(limit) + " items");
  return v;
}

std::vector<std::string> texts(const Json &v, const std::string &where) {
  std::vector<std::string> out;
  for (size_t i = 0; i < list(v, where).size(); ++i)
    out.push_back(text(v[i], where + "[" + std::to_string(i) + "]"));
  return out;
}

double confidence(const Json &object, const std::string &where) {
  if (!object.contains("confidence"))
    return 0;
  const Json &v = object["confidence"];
  if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() <= 1))
    throw Bad(where + ".confidence: expected a number from 0 to 1");
  return v.get<double>();
}

std::vector<Evidence> evidence(const Json &object, const std::string &where) {
  std::vector<Evidence> out;
  if (!object.contains("evidence"))
    return out;
  const Json &v = list(object["evidence"], where + ".evidence");
  for (size_t i = 0; i < v.size(); ++i) {
    std::string at = where + ".evidence[" + std::to_string(i) + "]";
    Evidence e;
    e.text = text(v[i], "text", at);
    if (v[i].contains("line"))
      e.line = whole(v[i], "line", at);
    out.push_back(std::move(e));
  }
  return out;
}

std::string absoluteFile(const Json &object, const char *key, const std::string &where) {
  std::string file = text(object, key, where);
  if (file.empty() || file.front() != '/')
    throw Bad(where + "." + key + ": expected an absolute path");
  return file;
}

/// A [first, last] pair of lines.
std::pair<unsigned, unsigned> linePair(const Json &v, const std::string &where) {
  const Json &lines = list(v, where);
  if (lines.size() != 2)
    throw Bad(where + ": expected [first, last]");
  return {whole(lines[0], where + "[0]"), whole(lines[1], where + "[1]")};
}

EntryPoint entryFrom(const Json &j, const std::string &where) {
  EntryPoint e;
  e.program = text(j, "program", where);
  if (e.program.empty())
    throw Bad(where + ".program: empty");
  e.kind = text(j, "kind", where);
  e.function = text(j, "function", where);
  e.file = absoluteFile(j, "file", where);
  e.line = whole(j, "line", where);
  e.executable = optionalText(j, "executable", where);
  e.confidence = confidence(j, where);
  e.evidence = evidence(j, where);
  if (j.contains("command"))
    e.command = texts(j["command"], where + ".command");
  return e;
}

Finding findingFrom(const Json &j, const std::string &where) {
  Finding f;
  f.entry = text(j, "entry", where);
  f.stage = text(j, "stage", where);
  f.function = text(j, "function", where);
  if (f.function.empty())
    throw Bad(where + ".function: empty");
  f.file = absoluteFile(j, "file", where);
  f.line = whole(j, "line", where);
  f.role = optionalText(j, "role", where);
  f.via = optionalText(j, "via", where);
  f.framework = optionalText(j, "framework", where);
  f.alternativeTo = optionalText(j, "alternative_to", where);
  f.confidence = confidence(j, where);
  f.order = j.contains("order") ? whole(j, "order", where) : 0;
  f.depth = j.contains("depth") ? whole(j, "depth", where) : 0;
  f.evidence = evidence(j, where);
  const Json &anchor = field(j, "anchor", where);
  if (anchor.contains("line")) {
    f.anchorLine = whole(anchor, "line", where + ".anchor");
    f.anchorText = optionalText(anchor, "pattern", where + ".anchor");
  }
  if (j.contains("stop")) {
    const Json &stop = field(j, "stop", where);
    f.stop.line = whole(stop, "line", where + ".stop");
    f.stop.text = optionalText(stop, "pattern", where + ".stop");
    if (stop.contains("past"))
      std::tie(f.stop.pastLine, f.stop.pastEndLine) = linePair(stop["past"], where + ".stop.past");
    if (stop.contains("past_loop")) {
      if (!stop["past_loop"].is_boolean())
        throw Bad(where + ".stop.past_loop: expected true or false");
      f.stop.pastLoop = stop["past_loop"].get<bool>();
    }
  }
  if (j.contains("watch"))
    f.watch = texts(j["watch"], where + ".watch");
  if (j.contains("function_lines"))
    std::tie(f.functionBegin, f.functionEnd) = linePair(j["function_lines"], where + ".function_lines");
  if (j.contains("in_template")) {
    if (!j["in_template"].is_boolean())
      throw Bad(where + ".in_template: expected true or false");
    f.inTemplate = j["in_template"].get<bool>();
  }
  if (j.contains("idioms")) {
    const Json &idioms = list(j["idioms"], where + ".idioms");
    for (size_t i = 0; i < idioms.size(); ++i) {
      std::string at = where + ".idioms[" + std::to_string(i) + "]";
      IdiomFact idiom;
      idiom.kind = text(idioms[i], "kind", at);
      idiom.formula = optionalText(idioms[i], "formula", at);
      idiom.description = optionalText(idioms[i], "description", at);
      idiom.evidence = optionalText(idioms[i], "evidence", at);
      if (idioms[i].contains("lines"))
        std::tie(idiom.beginLine, idiom.endLine) = linePair(idioms[i]["lines"], at + ".lines");
      f.idioms.push_back(std::move(idiom));
    }
  }
  return f;
}

FindingsFile findingsFrom(const Json &doc) {
  if (!doc.is_object())
    throw Bad("the document: expected an object (the output of `tourguide index --format=json`)");
  if (doc.contains("tool") && doc["tool"] != "tourguide index")
    throw Bad("tool: not written by `tourguide index`");
  FindingsFile out;
  if (doc.contains("root")) {
    out.root = text(doc, "root", "the document");
    if (out.root.empty() || out.root.front() != '/')
      throw Bad("root: expected an absolute path");
  }
  const Json &entries = list(field(doc, "entry_points", "the document"), "entry_points", kMaxEntries);
  for (size_t i = 0; i < entries.size(); ++i)
    out.entries.push_back(entryFrom(entries[i], "entry_points[" + std::to_string(i) + "]"));
  const Json &stages = list(field(doc, "stages", "the document"), "stages", kMaxStages);
  for (size_t i = 0; i < stages.size(); ++i)
    out.findings.push_back(findingFrom(stages[i], "stages[" + std::to_string(i) + "]"));
  return out;
}

} // namespace

std::optional<FindingsFile> parseFindings(std::string_view input, std::string &error) {
  try {
    Json doc = Json::parse(input.begin(), input.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
      error = "not valid JSON";
      return std::nullopt;
    }
    return findingsFrom(doc);
  } catch (const Bad &e) {
    error = e.what();
  } catch (const std::exception &e) { // nlohmann's type errors, bad_alloc: still only a message
    error = std::string("unreadable findings: ") + e.what();
  }
  return std::nullopt;
}

std::optional<FindingsFile> readFindingsFile(const std::string &path, std::string &error) {
  tours::ReadError readError;
  std::optional<std::string> content = tours::readBoundedRegularFile(path, kMaxFindingsBytes, readError);
  if (!content) {
    error = "cannot read '" + path + "': " + readError.reason();
    return std::nullopt;
  }
  std::optional<FindingsFile> findings = parseFindings(*content, error);
  if (!findings)
    error = path + ": " + error;
  return findings;
}

} // namespace tourguide::indexer
