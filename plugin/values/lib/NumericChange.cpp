#include "tourguide/values/NumericChange.h"

#include "tourguide/values/NumericSummary.h"

#include <cmath>
#include <cstring>

namespace tourguide::values {
namespace {

/// Equal as stored: NaN equals NaN, and 0.0 equals -0.0 (an update that changes nothing).
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

struct Pairing {
  std::vector<double> before, after;
  bool ok = true;
};

/// The elements both snapshots hold, in flat-index order.
Pairing pair(const NumericSnapshot &a, const NumericSnapshot &b) {
  Pairing p;
  if (!a.sampled() && !b.sampled()) {
    p.before = a.values;
    p.after = b.values;
    p.ok = a.values.size() == b.values.size();
    return p;
  }
  // Index lists are ascending: merge them. A full snapshot's indices are 0..n-1.
  auto indexOf = [](const NumericSnapshot &s, size_t i) -> uint64_t {
    return s.sampled() ? s.indices[i] : i;
  };
  size_t i = 0, j = 0;
  while (i < a.values.size() && j < b.values.size()) {
    uint64_t x = indexOf(a, i), y = indexOf(b, j);
    if (x == y) {
      p.before.push_back(a.values[i++]);
      p.after.push_back(b.values[j++]);
    } else if (x < y) {
      ++i;
    } else {
      ++j;
    }
  }
  p.ok = !p.before.empty() || (a.values.empty() && b.values.empty());
  return p;
}

} // namespace

std::string shapeText(const std::vector<uint64_t> &shape) {
  std::string out;
  for (uint64_t d : shape)
    out += (out.empty() ? "" : "x") + std::to_string(d);
  return out;
}

std::string describeChange(const NumericSnapshot &before, const NumericSnapshot &after) {
  if (before.total != after.total || before.shape != after.shape) {
    std::string from = before.shape.empty() ? std::to_string(before.total) : shapeText(before.shape);
    std::string to = after.shape.empty() ? std::to_string(after.total) : shapeText(after.shape);
    return "shape changed " + from + "\u2192" + to;
  }
  Pairing p = pair(before, after);
  if (!p.ok)
    return "not comparable (the two stops read different elements)";
  size_t changed = 0, finitePairs = 0;
  double sumAbs = 0, maxAbs = 0;
  for (size_t i = 0; i < p.before.size(); ++i) {
    double a = p.before[i], b = p.after[i];
    if (same(a, b)) {
      ++finitePairs; // an unchanged element counts as a zero difference
      continue;
    }
    ++changed;
    if (!std::isfinite(a) || !std::isfinite(b))
      continue;
    double d = std::fabs(b - a);
    sumAbs += d;
    maxAbs = std::fmax(maxAbs, d);
    ++finitePairs;
  }
  if (changed == 0)
    return "unchanged";
  if (before.total == 1 && p.before.size() == 1) {
    std::string text = "changed: " + formatNumber(p.before[0]) + "\u2192" + formatNumber(p.after[0]);
    if (std::isfinite(p.before[0]) && std::isfinite(p.after[0]))
      text += " (\u0394=" + formatNumber(p.after[0] - p.before[0], 3) + ")";
    return text;
  }
  std::string text = "changed:";
  if (finitePairs)
    text += " mean|\u0394|=" + formatNumber(sumAbs / finitePairs, 3) +
            " max|\u0394|=" + formatNumber(maxAbs, 3);
  text += " (" + std::to_string(changed) + " of " + std::to_string(p.before.size()) +
          (p.before.size() < before.total ? " sampled" : "") + " elements changed)";
  return text;
}

} // namespace tourguide::values
