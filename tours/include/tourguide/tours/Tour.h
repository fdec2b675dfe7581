// The in-memory model of a tour file (format version 1).
// docs/tour-format.md is the user-facing description of every field; keep both in step.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tourguide::tours {

/// 1-based position of an item in the tour file it was read from (0 = unknown,
/// e.g. a tour built in memory by the indexer).
struct FilePos {
  unsigned line = 0;
  unsigned column = 0;
};

/// Where a stop is. Any combination of fields may be given; they are tried in
/// the documented order (docs/tour-format.md, "How an anchor is resolved"):
///   1. function + pattern   2. file + pattern   3. function   4. file + line
struct Anchor {
  std::string function; ///< Qualified name: "main", "mlp_forward", "nn::Linear::forward".
  std::string file;     ///< Source path relative to the repo root (or absolute).
  std::string pattern;  ///< Text of the line to stop at; whitespace runs compare as one space.
  unsigned line = 0;    ///< 1-based line in `file` (0 = not given).
  FilePos pos;
  FilePos filePos;      ///< Where the `file` value is (for the trust check, docs/security.md).

  bool empty() const { return function.empty() && file.empty(); }
};

/// A value to show at a stop.
struct Watch {
  std::string expr;  ///< A variable path ("loss", "batch.x[0]", "model->w") or, with trust, an expression.
  std::string label; ///< Shown instead of expr when not empty.
  std::string count; ///< For a pointer: number of elements, a literal or a variable path ("n").
  FilePos pos;
};

/// A value collected while the program runs, without stopping it: on every `every`-th pass
/// through a location (passes 1, 1 + every, 1 + 2*every, ...) the plugin reads `expr` and
/// appends it to the series `name`. Stops show the series collected so far.
struct Collect {
  std::string name;  ///< Series name, unique in the tour: [a-z0-9][a-z0-9_.-]*
  std::string expr;  ///< A variable path giving a number ("loss", "metrics.correct"); never an expression.
  std::string label; ///< Optional: what the series is, for chart titles ("mean loss of the batch").
  std::string x;     ///< Optional: a variable path giving the x value ("step", "epoch"); default: the pass number.
  Anchor anchor;     ///< Where to collect. In a stop's `collect`: empty means the stop's own anchor.
  unsigned every = 1;
  FilePos pos;
};

/// The program a tour runs.
struct Program {
  std::string path;              ///< Relative to the repo root; ${...} variables are expanded.
  std::vector<std::string> args; ///< Arguments after the program name.
  std::string cwd;               ///< Working directory (default: the repo root).
  std::map<std::string, std::string> env; ///< Extra environment variables.
  FilePos pos;
  FilePos pathPos, cwdPos;               ///< Where the `path` and `cwd` values are.
  std::map<std::string, FilePos> envPos; ///< Where each `env` key is.
};

/// The stages a tour can name. Teams may use their own stage names too
/// (lowercase identifiers); these are the ones tourguide knows about.
inline const std::vector<std::string> &knownStages() {
  static const std::vector<std::string> stages = {"data",      "loop",    "model", "loss",
                                                  "optimizer", "metrics", "setup", "checkpoint"};
  return stages;
}

struct Stop {
  std::string id;    ///< Stable identifier, unique in the tour: [a-z0-9][a-z0-9_.-]*
  std::string stage; ///< One of knownStages() or a team's own lowercase name.
  std::string title;
  std::string text;  ///< Markdown.
  Anchor anchor;
  unsigned hit = 1;  ///< Stop on the Nth time the anchor is reached (1 = the first).
  std::vector<Watch> watch;
  std::vector<Collect> collect;  ///< Collected at this stop's location (or their own anchor).
  std::vector<std::string> plot; ///< Series names drawn as a chart when the program reaches the stop.
  std::vector<FilePos> plotPos;  ///< Position of each `plot` entry, for diagnostics.
  FilePos pos;
};

/// How to read one of the repo's own tensor or matrix types (the tour's "types" object):
/// where its elements and its shape live, as member paths of a value of the type.
/// Exactly one of `shape` or `rows` + `cols` is set in a valid tour.
struct TypeDescription {
  std::string name;    ///< As LLDB names the type, no cv/ref/pointer: "Tensor", "lin::Mat<float>",
                       ///< or "lin::Mat<*>" (trailing "<*>": every instantiation).
  std::string data;    ///< Member path to a pointer, a C array or a std::vector of the elements.
  std::string shape;   ///< Member path to a C array, std::array or std::vector of dimensions.
  std::string rows;    ///< Member path to the number of rows (with `cols`, instead of `shape`).
  std::string cols;    ///< Member path to the number of columns.
  std::string strides; ///< Optional: member path to element strides, one per dimension.
  std::string dtype;   ///< Optional: "float32", "int64", ... when the data pointer does not say.
  FilePos pos;
};

/// The element types a TypeDescription's `dtype` may name.
inline const std::vector<std::string> &knownDtypes() {
  static const std::vector<std::string> dtypes = {
      "float32", "float64", "int8",   "int16",  "int32", "int64",
      "uint8",   "uint16",  "uint32", "uint64", "bool"};
  return dtypes;
}

struct Tour {
  int version = 1;
  std::string schema;      ///< Optional "$schema" reference, kept for editors.
  std::string title;
  std::string description; ///< Markdown.
  std::string root;        ///< Repo root relative to the tour file's folder; see repoRoot().
  FilePos rootPos;         ///< Where the `root` value is.
  Program program;
  std::vector<TypeDescription> types; ///< Sorted by name (a JSON object has no order).
  std::vector<Stop> stops;
  std::vector<Collect> collect; ///< Tour-wide collected series (each with its own anchor).

  std::string sourcePath;  ///< The file it was loaded from (empty if built in memory).
};

/// One collected series and the anchor it is collected at: its own, or its stop's.
struct SeriesPlace {
  const Collect *collect = nullptr;
  const Anchor *anchor = nullptr;
};

/// Every collect item of `tour`, the top-level ones first, then each stop's in stop order:
/// the order the plugin places, lists and checks them in.
inline std::vector<SeriesPlace> seriesOf(const Tour &tour) {
  std::vector<SeriesPlace> out;
  for (const auto &c : tour.collect)
    out.push_back({&c, &c.anchor});
  for (const auto &stop : tour.stops)
    for (const auto &c : stop.collect)
      out.push_back({&c, c.anchor.empty() ? &stop.anchor : &c.anchor});
  return out;
}

} // namespace tourguide::tours
