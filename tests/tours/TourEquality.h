// Compares tours by content: positions and the source path are where a tour was read from,
// not what it says, so a round trip through writeTour may change them.
#pragma once

#include "tourguide/tours/Tour.h"

#include <string>
#include <vector>

namespace tourguide::tours::test {

/// "" when equal, else the first difference ("stops[1].anchor.line: 3 vs 4").
inline std::string contentDifference(const Tour &a, const Tour &b) {
  auto differ = [](const std::string &what, const auto &x, const auto &y) -> std::string {
    return x == y ? "" : what + " differs";
  };
  std::string d;
  auto check = [&](std::string result) {
    if (d.empty())
      d = std::move(result);
  };
  auto checkAnchor = [&](const std::string &at, const Anchor &s, const Anchor &t) {
    check(differ(at + "function", s.function, t.function));
    check(differ(at + "file", s.file, t.file));
    check(differ(at + "pattern", s.pattern, t.pattern));
    check(differ(at + "line", s.line, t.line));
  };
  auto checkCollect = [&](const std::string &at, const std::vector<Collect> &s,
                          const std::vector<Collect> &t) {
    check(differ(at + ".size", s.size(), t.size()));
    for (size_t j = 0; d.empty() && j < s.size(); ++j) {
      std::string c = at + "[" + std::to_string(j) + "].";
      check(differ(c + "name", s[j].name, t[j].name));
      check(differ(c + "expr", s[j].expr, t[j].expr));
      check(differ(c + "label", s[j].label, t[j].label));
      check(differ(c + "x", s[j].x, t[j].x));
      check(differ(c + "every", s[j].every, t[j].every));
      checkAnchor(c + "anchor.", s[j].anchor, t[j].anchor);
    }
  };
  check(differ("version", a.version, b.version));
  check(differ("$schema", a.schema, b.schema));
  check(differ("title", a.title, b.title));
  check(differ("description", a.description, b.description));
  check(differ("root", a.root, b.root));
  check(differ("program.path", a.program.path, b.program.path));
  check(differ("program.args", a.program.args, b.program.args));
  check(differ("program.cwd", a.program.cwd, b.program.cwd));
  check(differ("program.env", a.program.env, b.program.env));
  check(differ("types.size", a.types.size(), b.types.size()));
  for (size_t i = 0; d.empty() && i < a.types.size(); ++i) {
    const TypeDescription &s = a.types[i], &t = b.types[i];
    std::string at = "types[" + std::to_string(i) + "].";
    check(differ(at + "name", s.name, t.name));
    check(differ(at + "data", s.data, t.data));
    check(differ(at + "shape", s.shape, t.shape));
    check(differ(at + "rows", s.rows, t.rows));
    check(differ(at + "cols", s.cols, t.cols));
    check(differ(at + "strides", s.strides, t.strides));
    check(differ(at + "dtype", s.dtype, t.dtype));
  }
  checkCollect("collect", a.collect, b.collect);
  check(differ("stops.size", a.stops.size(), b.stops.size()));
  for (size_t i = 0; d.empty() && i < a.stops.size(); ++i) {
    const Stop &s = a.stops[i], &t = b.stops[i];
    std::string at = "stops[" + std::to_string(i) + "].";
    check(differ(at + "id", s.id, t.id));
    check(differ(at + "stage", s.stage, t.stage));
    check(differ(at + "title", s.title, t.title));
    check(differ(at + "text", s.text, t.text));
    checkAnchor(at + "anchor.", s.anchor, t.anchor);
    check(differ(at + "hit", s.hit, t.hit));
    check(differ(at + "watch.size", s.watch.size(), t.watch.size()));
    for (size_t j = 0; d.empty() && j < s.watch.size(); ++j) {
      std::string w = at + "watch[" + std::to_string(j) + "].";
      check(differ(w + "expr", s.watch[j].expr, t.watch[j].expr));
      check(differ(w + "label", s.watch[j].label, t.watch[j].label));
      check(differ(w + "count", s.watch[j].count, t.watch[j].count));
    }
    checkCollect(at + "collect", s.collect, t.collect);
    check(differ(at + "plot", s.plot, t.plot));
  }
  return d;
}

} // namespace tourguide::tours::test
