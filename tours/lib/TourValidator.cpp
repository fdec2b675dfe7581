#include "TourValidator.h"

#include "tourguide/tours/Suggest.h"
#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace tourguide::tours {

namespace {

using nlohmann::json;

constexpr long long kMaxCount = std::numeric_limits<unsigned>::max();
/// A collect item's `every`: beyond this a series would hardly ever get a value, so a larger
/// number is a mistake (a misplaced exponent, a count of elements instead of passes).
constexpr long long kMaxEvery = 1000000000;

/// "a string", "an object", ... as a user reads the JSON text.
std::string describeFound(const json &value) {
  switch (value.type()) {
  case json::value_t::string:
    return "a string";
  case json::value_t::boolean:
    return "a boolean";
  case json::value_t::null:
    return "null";
  case json::value_t::object:
    return "an object";
  case json::value_t::array:
    return "an array";
  case json::value_t::number_float:
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
    return "a number";
  default:
    return "an unknown value";
  }
}

/// `text` in single quotes for a message, with control characters escaped so that a
/// diagnostic stays on one line: 'a\n' rather than a broken line.
std::string quote(const std::string &text) {
  std::string out = "'";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (u < 0x20 || u == 0x7F) {
      const char *hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else
      out += c;
  }
  return out + "'";
}

/// JSON Schema's "integer": any number with no fractional part (1 and 1.0 alike).
std::optional<long long> integerValue(const json &value) {
  if (value.is_number_integer() && !value.is_number_unsigned())
    return value.get<long long>();
  if (value.is_number_unsigned()) {
    auto u = value.get<unsigned long long>();
    return u > static_cast<unsigned long long>(std::numeric_limits<long long>::max())
               ? std::numeric_limits<long long>::max()
               : static_cast<long long>(u);
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (!std::isfinite(d) || std::floor(d) != d)
      return std::nullopt;
    // Clamp before converting (an out-of-range conversion is undefined); the caller's range
    // check then reports "must be at most".
    constexpr double kLimit = 9e18;
    return static_cast<long long>(std::max(-kLimit, std::min(kLimit, d)));
  }
  return std::nullopt;
}

/// [a-z0-9][a-z0-9_.-]*
bool isStopId(const std::string &id) {
  if (id.empty())
    return false;
  auto lowerOrDigit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lowerOrDigit(id[0]))
    return false;
  for (char c : id)
    if (!lowerOrDigit(c) && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

/// Series names follow the rule of stop ids.
bool isSeriesName(const std::string &name) { return isStopId(name); }

bool isStageName(const std::string &stage) {
  if (stage.empty() || !(stage[0] >= 'a' && stage[0] <= 'z'))
    return false;
  for (char c : stage)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

bool isDecimalNumber(const std::string &text) {
  if (text.empty())
    return false;
  for (char c : text)
    if (c < '0' || c > '9')
      return false;
  return true;
}

std::string joined(const std::vector<std::string> &words) {
  std::string out;
  for (const std::string &w : words)
    out += (out.empty() ? "" : ", ") + w;
  return out;
}

/// The keys an object may have, and which of them it must have.
struct ObjectShape {
  const char *name; ///< "tour", "program", "stop", "anchor", "watch entry"
  std::vector<std::string> allowed;
  std::vector<std::string> required;
};

const ObjectShape kTourShape{
    "tour",
    {"$schema", "version", "title", "description", "root", "program", "types", "collect",
     "stops"},
    {"version", "title", "program", "stops"}};
const ObjectShape kProgramShape{"program", {"path", "args", "cwd", "env"}, {"path"}};
const ObjectShape kStopShape{"stop",
                             {"id", "stage", "title", "text", "anchor", "hit", "watch",
                              "collect", "plot"},
                             {"id", "stage", "title", "anchor"}};
const ObjectShape kAnchorShape{"anchor", {"function", "file", "pattern", "line"}, {}};
const ObjectShape kWatchShape{"watch entry", {"expr", "label", "count"}, {"expr"}};
/// Top-level items also need 'anchor' (checked separately, with the reason).
const ObjectShape kCollectShape{"collect item", {"name", "expr", "label", "x", "every", "anchor"},
                                {"name", "expr"}};
const ObjectShape kTypeShape{"type description",
                             {"data", "shape", "rows", "cols", "strides", "dtype"},
                             {"data"}};

class Validator {
public:
  Validator(const JsonPositions &positions, const std::string &fileName,
            DiagnosticGroups &groups)
      : positions(positions), fileName(fileName), groups(groups) {}

  Tour run(const json &document) {
    Tour tour;
    if (!document.is_object()) {
      typeError(document, "", "an object", "for the tour");
      return tour;
    }
    if (!checkVersion(document, tour))
      return tour; // a newer format: the rest would be reported as noise
    checkKeys(document, "", kTourShape);
    readString(document, "", "$schema", tour.schema, false);
    readString(document, "", "title", tour.title, true);
    readString(document, "", "description", tour.description, false);
    readString(document, "", "root", tour.root, false);
    tour.rootPos = positions.valueAt("/root");
    if (const json *program = member(document, "program"))
      readProgram(*program, "/program", tour.program);
    if (const json *types = member(document, "types"))
      readTypes(*types, "/types", tour.types);
    if (const json *collect = member(document, "collect"))
      readCollectList(*collect, "/collect", tour.collect, true);
    if (const json *stops = member(document, "stops"))
      readStops(*stops, "/stops", tour.stops);
    checkSeriesNames();
    return tour;
  }

private:
  enum class At { Key, Value };

  const JsonPositions &positions;
  const std::string &fileName;
  DiagnosticGroups &groups;

  /// A series name as written in a collect item or a `plot` array, and where.
  struct SeriesMention {
    std::string name;
    std::string pointer; ///< Of the name's value: "/collect/0/name", "/stops/2/plot/1".
  };
  std::vector<SeriesMention> declaredSeries; ///< Every non-empty `name` of a collect item.
  std::vector<SeriesMention> plottedSeries;  ///< Every `plot` entry but repeats in one array.

  void report(Severity severity, const std::string &pointer, At at, std::string message) {
    FilePos pos = at == At::Key ? positions.keyAt(pointer) : positions.valueAt(pointer);
    Diagnostic d;
    d.severity = severity;
    d.file = fileName;
    d.line = pos.line;
    d.column = pos.column;
    d.jsonPath = pointer;
    d.message = std::move(message);
    if (severity == Severity::Note && !groups.empty())
      groups.back().push_back(std::move(d));
    else
      groups.push_back({std::move(d)});
  }
  void error(const std::string &pointer, std::string message, At at = At::Value) {
    report(Severity::Error, pointer, at, std::move(message));
  }
  void warning(const std::string &pointer, std::string message, At at = At::Value) {
    report(Severity::Warning, pointer, at, std::move(message));
  }
  void note(const std::string &pointer, std::string message, At at = At::Value) {
    report(Severity::Note, pointer, at, std::move(message));
  }

  void typeError(const json &value, const std::string &pointer, const std::string &expected,
                 const std::string &subject) {
    error(pointer, "expected " + expected + " " + subject + ", found " + describeFound(value));
  }

  static const json *member(const json &object, const std::string &key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }
  static std::string child(const std::string &pointer, const std::string &key) {
    return pointer + "/" + escapeJsonPointer(key);
  }

  /// Unknown keys (with the closest valid one) and missing required keys. A misspelt required
  /// key is one mistake: "did you mean 'title'?" says it all, so 'title' is not also reported
  /// as missing.
  /// Returns the keys suggested for misspelt ones.
  std::vector<std::string> checkKeys(const json &object, const std::string &pointer,
                                     const ObjectShape &shape) {
    std::vector<std::string> suggested;
    for (auto it = object.begin(); it != object.end(); ++it) {
      const std::string &key = it.key();
      bool known = false;
      for (const std::string &allowed : shape.allowed)
        known = known || allowed == key;
      if (known)
        continue;
      std::string message = "unknown key " + quote(key) + " in " + shape.name;
      std::string suggestion = closestMatch(key, shape.allowed);
      if (!suggestion.empty()) {
        message += "; did you mean '" + suggestion + "'?";
        suggested.push_back(suggestion);
      }
      error(child(pointer, key), message, At::Key);
    }
    for (const std::string &required : shape.required)
      if (!member(object, required) &&
          std::find(suggested.begin(), suggested.end(), required) == suggested.end())
        error(pointer, "missing required key '" + required + "' in " + shape.name);
    return suggested;
  }

  /// Reads an optional string member; `nonEmpty` makes "" an error.
  void readString(const json &object, const std::string &pointer, const std::string &key,
                  std::string &out, bool nonEmpty) {
    const json *value = member(object, key);
    if (!value)
      return;
    std::string at = child(pointer, key);
    if (!value->is_string()) {
      typeError(*value, at, "a string", "for " + quote(key));
      return;
    }
    out = value->get<std::string>();
    if (nonEmpty && out.empty())
      error(at, quote(key) + " must not be empty");
  }

  /// Reads an optional integer member in [minimum, maximum].
  std::optional<long long> readInteger(const json &object, const std::string &pointer,
                                       const std::string &key, long long minimum,
                                       long long maximum = kMaxCount) {
    const json *value = member(object, key);
    if (!value)
      return std::nullopt;
    std::string at = child(pointer, key);
    std::optional<long long> number = integerValue(*value);
    if (!number) {
      typeError(*value, at, "an integer", "for " + quote(key));
      return std::nullopt;
    }
    if (*number < minimum) {
      error(at, quote(key) + " must be at least " + std::to_string(minimum) + ", found " +
                    std::to_string(*number));
      return std::nullopt;
    }
    if (*number > maximum) {
      error(at, quote(key) + " must be at most " + std::to_string(maximum));
      return std::nullopt;
    }
    return number;
  }

  /// False when the file is of a newer format version than this tourguide reads.
  bool checkVersion(const json &document, Tour &tour) {
    const json *value = member(document, "version");
    if (!value)
      return true; // reported with the other missing keys
    std::optional<long long> version = integerValue(*value);
    if (!version) {
      typeError(*value, "/version", "an integer", "for 'version'");
      return true;
    }
    if (*version > 1) {
      error("/version", "tour format version " + std::to_string(*version) +
                            " is newer than this tourguide reads (version 1); a newer "
                            "tourguide is needed");
      return false;
    }
    if (*version < 1)
      error("/version", "unsupported tour format version " + std::to_string(*version) +
                            "; the only version is 1");
    tour.version = static_cast<int>(*version);
    return true;
  }

  void readProgram(const json &value, const std::string &pointer, Program &program) {
    if (!value.is_object()) {
      typeError(value, pointer, "an object", "for 'program'");
      return;
    }
    program.pos = positions.valueAt(pointer);
    checkKeys(value, pointer, kProgramShape);
    readString(value, pointer, "path", program.path, true);
    readString(value, pointer, "cwd", program.cwd, false);
    program.pathPos = positions.valueAt(child(pointer, "path"));
    program.cwdPos = positions.valueAt(child(pointer, "cwd"));
    if (const json *args = member(value, "args")) {
      std::string at = child(pointer, "args");
      if (!args->is_array()) {
        typeError(*args, at, "an array of strings", "for 'args'");
      } else {
        for (size_t i = 0; i < args->size(); ++i) {
          const json &arg = (*args)[i];
          if (arg.is_string())
            program.args.push_back(arg.get<std::string>());
          else
            typeError(arg, at + "/" + std::to_string(i), "a string", "for an element of 'args'");
        }
      }
    }
    if (const json *env = member(value, "env")) {
      std::string at = child(pointer, "env");
      if (!env->is_object()) {
        typeError(*env, at, "an object of strings", "for 'env'");
      } else {
        for (auto it = env->begin(); it != env->end(); ++it) {
          if (it.value().is_string()) {
            program.env[it.key()] = it.value().get<std::string>();
            program.envPos[it.key()] = positions.keyAt(child(at, it.key()));
          }
          else
            typeError(it.value(), child(at, it.key()), "a string",
                      "for environment variable " + quote(it.key()));
        }
      }
    }
  }

  void readTypes(const json &value, const std::string &pointer,
                 std::vector<TypeDescription> &types) {
    if (!value.is_object()) {
      typeError(value, pointer, "an object", "for 'types'");
      return;
    }
    for (auto it = value.begin(); it != value.end(); ++it) { // sorted by name
      std::string at = child(pointer, it.key());
      if (!isDescribableTypeName(it.key())) {
        error(at, "invalid type name " + quote(it.key()) +
                      ": name the type as LLDB shows it, without const, '*' or '&' "
                      "(a trailing '<*>' matches every instantiation of a template)",
              At::Key);
        continue;
      }
      if (!it.value().is_object()) {
        typeError(it.value(), at, "an object", "for type " + quote(it.key()));
        continue;
      }
      TypeDescription type;
      type.name = it.key();
      readType(it.value(), at, type);
      types.push_back(std::move(type));
    }
  }

  void readType(const json &value, const std::string &pointer, TypeDescription &type) {
    type.pos = positions.valueAt(pointer);
    std::vector<std::string> suggested = checkKeys(value, pointer, kTypeShape);
    readMemberPath(value, pointer, "data", type.data);
    readMemberPath(value, pointer, "shape", type.shape);
    readMemberPath(value, pointer, "rows", type.rows);
    readMemberPath(value, pointer, "cols", type.cols);
    readMemberPath(value, pointer, "strides", type.strides);
    readString(value, pointer, "dtype", type.dtype, false);
    if (member(value, "dtype") && member(value, "dtype")->is_string())
      checkDtype(type.dtype, pointer + "/dtype");

    bool shape = member(value, "shape"), rows = member(value, "rows"),
         cols = member(value, "cols");
    if (shape && (rows || cols))
      error(pointer + (rows ? "/rows" : "/cols"),
            "give either 'shape' or 'rows' and 'cols' in a type description, not both", At::Key);
    else if (rows && !cols)
      error(pointer + "/rows", "'rows' needs 'cols' in the type description", At::Key);
    else if (cols && !rows)
      error(pointer + "/cols", "'cols' needs 'rows' in the type description", At::Key);
    else if (!shape && !rows &&
             std::find(suggested.begin(), suggested.end(), "shape") == suggested.end() &&
             std::find(suggested.begin(), suggested.end(), "rows") == suggested.end())
      error(pointer, "type description needs 'shape', or 'rows' and 'cols'"); // else misspelt
  }

  /// A member path, read from memory relative to the described value: it must not run code.
  void readMemberPath(const json &object, const std::string &pointer, const std::string &key,
                      std::string &out) {
    const json *value = member(object, key);
    if (!value)
      return;
    readString(object, pointer, key, out, true);
    if (value->is_string() && !out.empty() && !isMemberPath(out))
      error(child(pointer, key),
            quote(key) + " must be a member path (names joined by '.', '->' and '[N]'), found " +
                quote(out) + ": a type description is read from memory and never runs code");
  }

  void checkDtype(const std::string &dtype, const std::string &pointer) {
    const std::vector<std::string> &known = knownDtypes();
    if (std::find(known.begin(), known.end(), dtype) != known.end())
      return;
    std::string suggestion = closestMatch(dtype, known);
    if (!suggestion.empty())
      error(pointer, "unknown dtype " + quote(dtype) + "; did you mean '" + suggestion + "'?");
    else
      error(pointer, "unknown dtype " + quote(dtype) + " (known: " + joined(known) + ")");
  }

  void readStops(const json &value, const std::string &pointer, std::vector<Stop> &stops) {
    if (!value.is_array()) {
      typeError(value, pointer, "an array", "for 'stops'");
      return;
    }
    if (value.empty()) {
      error(pointer, "a tour needs at least one stop");
      return;
    }
    std::map<std::string, std::string> firstWithId; // id -> pointer of its first stop
    for (size_t i = 0; i < value.size(); ++i) {
      std::string at = pointer + "/" + std::to_string(i);
      const json &stopValue = value[i];
      if (!stopValue.is_object()) {
        typeError(stopValue, at, "an object", "for a stop");
        continue;
      }
      Stop stop;
      readStop(stopValue, at, stop);
      if (isStopId(stop.id)) {
        auto [it, inserted] = firstWithId.emplace(stop.id, at);
        if (!inserted) {
          error(at + "/id", "duplicate stop id " + quote(stop.id));
          note(it->second + "/id", "stop " + quote(stop.id) + " is first defined here");
        }
      }
      stops.push_back(std::move(stop));
    }
  }

  void readStop(const json &value, const std::string &pointer, Stop &stop) {
    stop.pos = positions.valueAt(pointer);
    checkKeys(value, pointer, kStopShape);
    readString(value, pointer, "id", stop.id, false);
    if (member(value, "id") && member(value, "id")->is_string() && !isStopId(stop.id))
      error(pointer + "/id", "invalid stop id " + quote(stop.id) +
                                 ": use lowercase letters, digits, '-', '_' and '.', "
                                 "starting with a letter or digit");
    readString(value, pointer, "stage", stop.stage, false);
    if (member(value, "stage") && member(value, "stage")->is_string())
      checkStage(stop.stage, pointer + "/stage");
    readString(value, pointer, "title", stop.title, true);
    readString(value, pointer, "text", stop.text, false);
    if (const json *anchor = member(value, "anchor"))
      readAnchor(*anchor, pointer + "/anchor", stop.anchor);
    if (std::optional<long long> hit = readInteger(value, pointer, "hit", 1))
      stop.hit = static_cast<unsigned>(*hit);
    if (const json *watch = member(value, "watch"))
      readWatchList(*watch, pointer + "/watch", stop.watch);
    if (const json *collect = member(value, "collect"))
      readCollectList(*collect, pointer + "/collect", stop.collect, false);
    if (const json *plot = member(value, "plot"))
      readPlot(*plot, pointer + "/plot", stop);
  }

  void checkStage(const std::string &stage, const std::string &pointer) {
    if (!isStageName(stage)) {
      error(pointer, "invalid stage " + quote(stage) +
                         ": use a lowercase name of letters, digits, '-' and '_', "
                         "starting with a letter");
      return;
    }
    const std::vector<std::string> &known = knownStages();
    for (const std::string &k : known)
      if (k == stage)
        return;
    std::string suggestion = closestMatch(stage, known);
    if (!suggestion.empty())
      warning(pointer, "unknown stage " + quote(stage) + "; did you mean '" + suggestion + "'?");
    else
      warning(pointer, "unknown stage " + quote(stage) + " (known stages: " + joined(known) +
                           "); it is shown as written");
  }

  void readAnchor(const json &value, const std::string &pointer, Anchor &anchor) {
    if (!value.is_object()) {
      typeError(value, pointer, "an object", "for 'anchor'");
      return;
    }
    anchor.pos = positions.valueAt(pointer);
    checkKeys(value, pointer, kAnchorShape);
    readString(value, pointer, "function", anchor.function, true);
    readString(value, pointer, "file", anchor.file, true);
    anchor.filePos = positions.valueAt(child(pointer, "file"));
    readString(value, pointer, "pattern", anchor.pattern, true);
    if (std::optional<long long> line = readInteger(value, pointer, "line", 1))
      anchor.line = static_cast<unsigned>(*line);
    if (!member(value, "function") && !member(value, "file"))
      error(pointer, "anchor needs 'function' or 'file'");
    if (member(value, "line") && !member(value, "file"))
      error(pointer + "/line", "'line' needs 'file' in the anchor", At::Key);
  }

  void readWatchList(const json &value, const std::string &pointer, std::vector<Watch> &list) {
    if (!value.is_array()) {
      typeError(value, pointer, "an array", "for 'watch'");
      return;
    }
    for (size_t i = 0; i < value.size(); ++i) {
      std::string at = pointer + "/" + std::to_string(i);
      Watch watch;
      if (readWatch(value[i], at, watch))
        list.push_back(std::move(watch));
    }
  }

  bool readWatch(const json &value, const std::string &pointer, Watch &watch) {
    watch.pos = positions.valueAt(pointer);
    if (value.is_string()) {
      watch.expr = value.get<std::string>();
      checkExpression(watch.expr, pointer, "watch", kWatchNeedsTrust);
      return true;
    }
    if (!value.is_object()) {
      typeError(value, pointer, "a string or an object", "for a watch entry");
      return false;
    }
    checkKeys(value, pointer, kWatchShape);
    readString(value, pointer, "expr", watch.expr, false);
    if (member(value, "expr") && member(value, "expr")->is_string())
      checkExpression(watch.expr, pointer + "/expr", "watch", kWatchNeedsTrust);
    readString(value, pointer, "label", watch.label, false);
    if (const json *count = member(value, "count"))
      readCount(*count, pointer + "/count", watch.count);
    return true;
  }

  /// What happens to an expression that is not a variable path: a watch shows it only when
  /// the user trusts the tour; a collect item never evaluates it, because the plugin reads
  /// series inside a breakpoint callback, where running the program is not possible
  /// (docs/plugin.md, "Collected series"). Both are warnings: the rest of the tour still plays.
  static constexpr const char *kWatchNeedsTrust = "showing it needs 'tour start --trust'";
  static constexpr const char *kCollectReadsVariablesOnly =
      "only variable paths are collected, even with 'tour start --trust', so this series "
      "gets no values";

  /// `kind` is "watch" or "collect"; `consequence` one of the texts above.
  void checkExpression(const std::string &expr, const std::string &pointer, const char *kind,
                       const char *consequence) {
    if (expr.empty()) {
      error(pointer, std::string(kind) + " expression must not be empty");
      return;
    }
    if (!isVariablePath(expr))
      warning(pointer, std::string(kind) + " expression " + quote(expr) +
                           " is not a variable path; " + consequence);
  }

  /// A `collect` array, at the top level (`topLevel`: each item needs its own anchor) or in
  /// a stop (an item without an anchor is collected at the stop's).
  void readCollectList(const json &value, const std::string &pointer, std::vector<Collect> &list,
                       bool topLevel) {
    if (!value.is_array()) {
      typeError(value, pointer, "an array", "for 'collect'");
      return;
    }
    for (size_t i = 0; i < value.size(); ++i) {
      std::string at = pointer + "/" + std::to_string(i);
      if (!value[i].is_object()) {
        typeError(value[i], at, "an object", "for a collect item");
        continue;
      }
      Collect collect;
      readCollect(value[i], at, collect, topLevel);
      list.push_back(std::move(collect));
    }
  }

  void readCollect(const json &value, const std::string &pointer, Collect &collect,
                   bool topLevel) {
    collect.pos = positions.valueAt(pointer);
    std::vector<std::string> suggested = checkKeys(value, pointer, kCollectShape);
    if (topLevel && !member(value, "anchor") &&
        std::find(suggested.begin(), suggested.end(), "anchor") == suggested.end())
      error(pointer, "missing required key 'anchor' in top-level collect item (only the "
                     "collect items of a stop default to the stop's anchor)");
    readString(value, pointer, "name", collect.name, true);
    if (!collect.name.empty()) {
      declaredSeries.push_back({collect.name, pointer + "/name"});
      if (!isSeriesName(collect.name))
        error(pointer + "/name", "invalid series name " + quote(collect.name) +
                                     ": use lowercase letters, digits, '-', '_' and '.', "
                                     "starting with a letter or digit");
    }
    readString(value, pointer, "expr", collect.expr, false);
    if (const json *expr = member(value, "expr"); expr && expr->is_string())
      checkExpression(collect.expr, pointer + "/expr", "collect", kCollectReadsVariablesOnly);
    readString(value, pointer, "label", collect.label, false);
    readString(value, pointer, "x", collect.x, true);
    if (!collect.x.empty() && !isVariablePath(collect.x))
      error(pointer + "/x", "'x' must be a variable path (names joined by '.', '->' and "
                            "'[N]'), found " + quote(collect.x) +
                                ": x values are read without running code");
    if (std::optional<long long> every = readInteger(value, pointer, "every", 1, kMaxEvery))
      collect.every = static_cast<unsigned>(*every);
    if (const json *anchor = member(value, "anchor"))
      readAnchor(*anchor, pointer + "/anchor", collect.anchor);
  }

  /// A stop's `plot`: an array of series names, each once. Whether each names a declared
  /// series is checked once the whole tour is read (checkSeriesNames).
  void readPlot(const json &value, const std::string &pointer, Stop &stop) {
    if (!value.is_array()) {
      typeError(value, pointer, "an array of strings", "for 'plot'");
      return;
    }
    std::map<std::string, std::string> firstAt; // name -> pointer of its first entry
    for (size_t i = 0; i < value.size(); ++i) {
      std::string at = pointer + "/" + std::to_string(i);
      if (!value[i].is_string()) {
        typeError(value[i], at, "a string", "for an element of 'plot'");
        continue;
      }
      std::string name = value[i].get<std::string>();
      auto [it, inserted] = firstAt.emplace(name, at);
      if (!inserted) {
        error(at, "duplicate series " + quote(name) + " in 'plot'");
        note(it->second, "series " + quote(name) + " is first listed here");
        continue;
      }
      plottedSeries.push_back({name, at});
      stop.plot.push_back(name);
      stop.plotPos.push_back(positions.valueAt(at));
    }
  }

  /// Across the whole tour: series names are unique (top-level and stops' collect items
  /// together; the first in the file keeps it), and every `plot` entry names one of them.
  void checkSeriesNames() {
    std::vector<const SeriesMention *> inFileOrder;
    for (const SeriesMention &d : declaredSeries)
      inFileOrder.push_back(&d);
    std::stable_sort(inFileOrder.begin(), inFileOrder.end(),
                     [&](const SeriesMention *a, const SeriesMention *b) {
                       FilePos pa = positions.valueAt(a->pointer), pb = positions.valueAt(b->pointer);
                       return std::make_pair(pa.line, pa.column) < std::make_pair(pb.line, pb.column);
                     });
    std::map<std::string, std::string> firstWithName; // name -> pointer of its first 'name'
    std::vector<std::string> names; // each valid name once, in file order, for suggestions
    for (const SeriesMention *d : inFileOrder) {
      auto [it, inserted] = firstWithName.emplace(d->name, d->pointer);
      if (inserted) {
        if (isSeriesName(d->name)) // an invalid one is reported already, and may hold '\n'
          names.push_back(d->name);
      } else if (isSeriesName(d->name)) {
        error(d->pointer, "duplicate series name " + quote(d->name));
        note(it->second, "series " + quote(d->name) + " is first defined here");
      }
    }
    for (const SeriesMention &p : plottedSeries) {
      if (firstWithName.count(p.name))
        continue;
      std::string message = "unknown series " + quote(p.name) + " in 'plot'";
      std::string suggestion = closestMatch(p.name, names);
      if (!suggestion.empty())
        message += "; did you mean '" + suggestion + "'?";
      else if (!names.empty())
        message += " (series of this tour: " + joined(names) + ")";
      else
        message += ": no 'collect' item of this tour declares a series";
      error(p.pointer, message);
    }
  }

  void readCount(const json &value, const std::string &pointer, std::string &count) {
    if (value.is_string()) {
      count = value.get<std::string>();
      if (count.empty())
        error(pointer, "'count' must not be empty");
      else if (!isDecimalNumber(count) && !isVariablePath(count))
        warning(pointer, "count " + quote(count) +
                             " is not a number or a variable path; reading it needs "
                             "'tour start --trust'");
      return;
    }
    std::optional<long long> number = value.is_number() ? integerValue(value) : std::nullopt;
    if (!number) {
      typeError(value, pointer, "a string or an integer", "for 'count'");
      return;
    }
    if (*number < 1) {
      error(pointer, "'count' must be at least 1, found " + std::to_string(*number));
      return;
    }
    if (*number > kMaxCount) {
      error(pointer, "'count' must be at most " + std::to_string(kMaxCount));
      return;
    }
    count = std::to_string(*number);
  }
};

} // namespace

Tour validateTour(const json &document, const JsonPositions &positions,
                  const std::string &fileName, DiagnosticGroups &groups) {
  return Validator(positions, fileName, groups).run(document);
}

} // namespace tourguide::tours
