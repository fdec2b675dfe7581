// writeTour / saveTourFile: the one canonical text of a tour, so tours diff cleanly.
//
// Layout: keys in the order of docs/tour-format.md, 2-space indent, final newline, fields at
// their default value left out. The tour, its program, its types, its collect list, the stop
// list and each stop are always spread over lines; anything smaller (args, env, anchor, watch,
// a collect item, plot) stays on one line when that line fits in kLineWidth characters, as in
// the example of docs/tour-format.md.
#include "tourguide/tours/Files.h"
#include "tourguide/tours/TourFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tourguide::tours {

namespace {

using ordered = nlohmann::ordered_json;

constexpr size_t kLineWidth = 100;

std::string quoted(const std::string &text) {
  // Replace (rather than throw on) invalid UTF-8 that an in-memory tour might hold.
  return ordered(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

size_t characterCount(const std::string &text) {
  size_t count = 0;
  for (unsigned char c : text)
    count += (c & 0xC0) != 0x80;
  return count;
}

std::string scalar(const ordered &value) {
  if (value.is_string())
    return quoted(value.get<std::string>());
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// `{ "a": 1, "b": [1, 2] }` on one line.
std::string oneLine(const ordered &value) {
  if (value.is_object()) {
    if (value.empty())
      return "{}";
    std::string out = "{ ";
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out += (first ? "" : ", ") + quoted(it.key()) + ": " + oneLine(it.value());
      first = false;
    }
    return out + " }";
  }
  if (value.is_array()) {
    std::string out = "[";
    bool first = true;
    for (const ordered &element : value) {
      out += (first ? "" : ", ") + oneLine(element);
      first = false;
    }
    return out + "]";
  }
  return scalar(value);
}

/// The tour, its program, its types, its collect list, the stop list and each stop are always
/// spread over lines.
bool alwaysSpread(const std::string &pointer) {
  if (pointer.empty() || pointer == "/program" || pointer == "/types" || pointer == "/collect" ||
      pointer == "/stops")
    return true;
  return pointer.rfind("/stops/", 0) == 0 && pointer.find('/', 7) == std::string::npos;
}

class Printer {
public:
  std::string out;

  /// Writes `value` (at JSON Pointer `pointer`) indented by `indent`; `prefixWidth` is the
  /// width of what precedes it on its line (indent, key and ": ").
  void write(const ordered &value, const std::string &pointer, size_t indent,
             size_t prefixWidth) {
    bool container = value.is_object() || value.is_array();
    if (!container || value.empty()) {
      out += oneLine(value);
      return;
    }
    if (!alwaysSpread(pointer)) {
      std::string line = oneLine(value);
      if (prefixWidth + characterCount(line) + 1 <= kLineWidth) { // + 1 for a comma
        out += line;
        return;
      }
    }
    bool isObject = value.is_object();
    out += isObject ? "{\n" : "[\n";
    std::string pad(indent + 2, ' ');
    size_t index = 0;
    for (auto it = value.begin(); it != value.end(); ++it, ++index) {
      out += pad;
      size_t prefix = pad.size();
      std::string childPointer = pointer + "/";
      if (isObject) {
        std::string key = quoted(it.key()) + ": ";
        out += key;
        prefix += characterCount(key);
        childPointer += it.key(); // only compared with fixed names: no escaping needed
      } else {
        childPointer += std::to_string(index);
      }
      write(it.value(), childPointer, indent + 2, prefix);
      out += index + 1 < value.size() ? ",\n" : "\n";
    }
    out += std::string(indent, ' ') + (isObject ? "}" : "]");
  }
};

/// A count that is a plain positive number is written as a JSON integer.
ordered countValue(const std::string &count) {
  bool digits = !count.empty() && count.size() <= 9 && count[0] != '0';
  for (char c : count)
    digits = digits && c >= '0' && c <= '9';
  if (digits)
    return std::stoll(count);
  return count;
}

ordered watchValue(const Watch &watch) {
  if (watch.label.empty() && watch.count.empty())
    return watch.expr;
  ordered object = ordered::object();
  object["expr"] = watch.expr;
  if (!watch.label.empty())
    object["label"] = watch.label;
  if (!watch.count.empty())
    object["count"] = countValue(watch.count);
  return object;
}

ordered anchorValue(const Anchor &anchor) {
  ordered object = ordered::object();
  if (!anchor.function.empty())
    object["function"] = anchor.function;
  if (!anchor.file.empty())
    object["file"] = anchor.file;
  if (!anchor.pattern.empty())
    object["pattern"] = anchor.pattern;
  if (anchor.line != 0)
    object["line"] = anchor.line;
  return object;
}

/// A collect item; `every` 1 (or 0, which the plugin also reads as 1) and an empty label, x
/// or anchor (in a stop: the stop's anchor) are left out. A top-level item always has its anchor, even an empty one, so that a tour
/// built in memory without one is written as the mistake it is rather than silently fixed.
ordered collectValue(const Collect &collect, bool topLevel) {
  ordered object = ordered::object();
  object["name"] = collect.name;
  object["expr"] = collect.expr;
  if (!collect.label.empty())
    object["label"] = collect.label;
  if (!collect.x.empty())
    object["x"] = collect.x;
  if (collect.every > 1)
    object["every"] = collect.every;
  if (topLevel || !collect.anchor.empty() || !collect.anchor.pattern.empty() ||
      collect.anchor.line != 0)
    object["anchor"] = anchorValue(collect.anchor);
  return object;
}

ordered collectListValue(const std::vector<Collect> &list, bool topLevel) {
  ordered array = ordered::array();
  for (const Collect &c : list)
    array.push_back(collectValue(c, topLevel));
  return array;
}

ordered stopValue(const Stop &stop) {
  ordered object = ordered::object();
  object["id"] = stop.id;
  object["stage"] = stop.stage;
  object["title"] = stop.title;
  if (!stop.text.empty())
    object["text"] = stop.text;
  object["anchor"] = anchorValue(stop.anchor);
  if (stop.hit != 1)
    object["hit"] = stop.hit;
  if (!stop.watch.empty()) {
    ordered watch = ordered::array();
    for (const Watch &w : stop.watch)
      watch.push_back(watchValue(w));
    object["watch"] = watch;
  }
  if (!stop.collect.empty())
    object["collect"] = collectListValue(stop.collect, false);
  if (!stop.plot.empty())
    object["plot"] = stop.plot;
  return object;
}

ordered programValue(const Program &program) {
  ordered object = ordered::object();
  object["path"] = program.path;
  if (!program.args.empty())
    object["args"] = program.args;
  if (!program.cwd.empty())
    object["cwd"] = program.cwd;
  if (!program.env.empty()) {
    ordered env = ordered::object();
    for (const auto &[name, value] : program.env) // std::map: sorted, hence stable
      env[name] = value;
    object["env"] = env;
  }
  return object;
}

ordered typeValue(const TypeDescription &type) {
  ordered object = ordered::object();
  object["data"] = type.data;
  if (!type.shape.empty())
    object["shape"] = type.shape;
  if (!type.rows.empty())
    object["rows"] = type.rows;
  if (!type.cols.empty())
    object["cols"] = type.cols;
  if (!type.strides.empty())
    object["strides"] = type.strides;
  if (!type.dtype.empty())
    object["dtype"] = type.dtype;
  return object;
}

/// Sorted by name, as a reader gets them back: the text does not depend on insertion order.
ordered typesValue(const std::vector<TypeDescription> &types) {
  std::vector<const TypeDescription *> sorted;
  for (const TypeDescription &type : types)
    sorted.push_back(&type);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const TypeDescription *a, const TypeDescription *b) { return a->name < b->name; });
  ordered object = ordered::object();
  for (const TypeDescription *type : sorted)
    object[type->name] = typeValue(*type);
  return object;
}

} // namespace

std::string writeTour(const Tour &tour) {
  try {
    ordered top = ordered::object();
    if (!tour.schema.empty())
      top["$schema"] = tour.schema;
    top["version"] = tour.version;
    top["title"] = tour.title;
    if (!tour.description.empty())
      top["description"] = tour.description;
    if (!tour.root.empty())
      top["root"] = tour.root;
    top["program"] = programValue(tour.program);
    if (!tour.types.empty())
      top["types"] = typesValue(tour.types);
    if (!tour.collect.empty())
      top["collect"] = collectListValue(tour.collect, true);
    ordered stops = ordered::array();
    for (const Stop &stop : tour.stops)
      stops.push_back(stopValue(stop));
    top["stops"] = stops;

    Printer printer;
    printer.write(top, "", 0, 0);
    return printer.out + "\n";
  } catch (const std::exception &) {
    return ""; // only on allocation failure
  }
}

std::string saveTourFile(const Tour &tour, const std::string &path) {
  std::string text = writeTour(tour);
  if (text.empty())
    return "cannot write tour file " + path + ": out of memory";
  WriteError error = writeFileAtomically(path, text);
  if (error.step == WriteError::Step::NotRegular)
    return "cannot write tour file " + path + ": it is " + error.detail + ", not a regular file";
  if (error)
    return "cannot write tour file " + path + ": " + error.detail;
  return "";
}

} // namespace tourguide::tours
