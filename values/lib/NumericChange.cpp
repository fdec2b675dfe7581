#include "tourguide/values/NumericChange.h"

#include "tourguide/values/NumericSummary.h"

#include <algorithm>
#include <cmath>

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

namespace {

/// The text of one number of `format`: "false"/"true" for a bool.
std::string numberText(double value, const NumberFormat &format) {
  if (format.kind == NumberKind::Bool)
    return value != 0 ? "true" : "false";
  return formatNumber(value);
}

/// The elements of `s` with flat index below `n`, as a vector of `n`.
NumericSnapshot firstElements(const NumericSnapshot &s, uint64_t n) {
  NumericSnapshot out = s;
  out.shape = {n};
  out.total = n;
  out.values.clear();
  out.indices.clear();
  for (size_t i = 0; i < s.values.size(); ++i) {
    uint64_t index = s.sampled() ? s.indices[i] : i;
    if (index >= n)
      break; // indices ascend
    out.values.push_back(s.values[i]);
    if (s.sampled())
      out.indices.push_back(index);
  }
  // A sample that happens to hold every element of the prefix is the prefix itself.
  if (out.sampled() && out.indices.size() == n)
    out.indices.clear();
  return out;
}

/// describeChange(); `prefix` says the comparison covers only the first elements of
/// values that have more.
std::string describe(const NumericSnapshot &before, const NumericSnapshot &after, bool prefix) {
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
  bool sampled = p.before.size() < before.total;
  std::string scope = prefix ? "first " + std::to_string(before.total) : std::string();
  if (changed == 0)
    return prefix ? "unchanged (" + scope + (sampled ? ", sampled," : "") + " compared)" : "unchanged";
  if (before.total == 1 && p.before.size() == 1)
    return numberText(p.before[0], before.format) + "\u2192" + numberText(p.after[0], after.format);
  std::string text;
  if (finitePairs)
    text += "mean|\u0394|=" + formatNumber(sumAbs / finitePairs, 3) +
            " max|\u0394|=" + formatNumber(maxAbs, 3) + " ";
  text += "(" + std::to_string(changed) + " of ";
  if (prefix)
    text += sampled ? std::to_string(p.before.size()) + " sampled in " + scope : scope;
  else
    text += std::to_string(p.before.size()) + (sampled ? " sampled" : "");
  return text + " changed)";
}

bool sameFormat(const NumberFormat &a, const NumberFormat &b) {
  return a.kind == b.kind && a.byteSize == b.byteSize;
}

} // namespace

std::string describeChange(const NumericSnapshot &before, const NumericSnapshot &after) {
  return describe(before, after, false);
}

SnapshotMatch matchSnapshots(const NumericSnapshot &earlier, const NumericSnapshot &later) {
  bool bothInMemory = earlier.address != 0 && later.address != 0;
  if (!earlier.key.empty() && earlier.key == later.key && !earlier.function.empty() &&
      earlier.function == later.function) {
    // The same words can name other memory now: a pointer that has moved on. Stack
    // addresses differ between calls of the same function and do not count.
    bool movedOn = bothInMemory && !earlier.onStack && !later.onStack &&
                   earlier.address != later.address;
    if (!movedOn)
      return SnapshotMatch::SameWatch;
  }
  if (!bothInMemory || earlier.address != later.address || !sameFormat(earlier.format, later.format) ||
      !earlier.contiguous || !later.contiguous || earlier.onStack != later.onStack)
    return SnapshotMatch::None;
  if (earlier.onStack && (earlier.stackOwner.empty() || earlier.stackOwner != later.stackOwner))
    return SnapshotMatch::None; // the same stack slot in another call is another variable
  return SnapshotMatch::SameMemory;
}

std::string describeMatchedChange(const NumericSnapshot &before, const NumericSnapshot &after,
                                  SnapshotMatch how) {
  if (how == SnapshotMatch::None)
    return {};
  if (how == SnapshotMatch::SameMemory &&
      (before.total != after.total || before.shape != after.shape)) {
    // The same memory watched as 4 and as 6 elements (or as 2x3 and 6): compare what both cover.
    uint64_t n = std::min(before.total, after.total);
    if (n == 0)
      return {};
    bool prefix = before.total != after.total && n > 1; // one element reads "0.5→0.25"
    return describe(firstElements(before, n), firstElements(after, n), prefix);
  }
  return describe(before, after, false);
}

} // namespace tourguide::values
