#include "tourguide/charts/TerminalChart.h"

#include <algorithm>
#include <cmath>
#include <new>

namespace tourguide::charts {
namespace {

const char *const Levels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

/// Averages the finite values of `values` into at most `width` buckets (NaN: no finite value).
std::vector<double> bucketMeans(const std::vector<double> &values, unsigned width) {
  size_t buckets = std::min<size_t>(values.size(), width);
  std::vector<double> means(buckets, std::nan(""));
  for (size_t b = 0; b < buckets; ++b) {
    size_t begin = b * values.size() / buckets, end = (b + 1) * values.size() / buckets;
    double sum = 0;
    size_t count = 0;
    for (size_t i = begin; i < end; ++i)
      if (std::isfinite(values[i]))
        sum += values[i], ++count;
    if (count)
      means[b] = sum / count;
  }
  return means;
}

} // namespace

std::string renderSparkline(const std::vector<double> &values, unsigned width) {
  try {
    std::vector<double> means = bucketMeans(values, width);
    double low = INFINITY, high = -INFINITY;
    for (double v : means)
      if (std::isfinite(v))
        low = std::min(low, v), high = std::max(high, v);
    std::string out;
    for (double v : means) {
      if (!std::isfinite(v)) {
        out += ' ';
        continue;
      }
      // A flat series sits in the middle rather than on the floor.
      long level = high > low ? std::lround((v - low) / (high - low) * 7) : 3;
      out += Levels[std::clamp(level, 0L, 7L)];
    }
    return out;
  } catch (const std::bad_alloc &) {
    return {};
  }
}

} // namespace tourguide::charts
