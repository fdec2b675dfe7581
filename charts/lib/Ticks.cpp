#include "tourguide/charts/Ticks.h"

#include "tourguide/charts/NumberFormat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tourguide::charts {
namespace {

// Long double keeps (max - min) finite even for values near DBL_MAX.
using Wide = long double;

std::string trimMantissaZeros(const std::string &text) {
  size_t e = text.find('e');
  std::string mantissa = text.substr(0, e), exponent = e == std::string::npos ? "" : text.substr(e);
  if (mantissa.find('.') != std::string::npos) {
    while (!mantissa.empty() && mantissa.back() == '0')
      mantissa.pop_back();
    if (!mantissa.empty() && mantissa.back() == '.')
      mantissa.pop_back();
  }
  return mantissa + exponent;
}

/// Decimals needed to write multiples of `step` exactly (0.25 -> 2, 10 -> 0).
int decimalsFor(double step) {
  for (int d = 0; d <= 12; ++d) {
    Wide scaled = step * std::pow(Wide(10), d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6L * std::max(Wide(1), scaled))
      return d;
  }
  return 12;
}

} // namespace

Ticks niceTicks(double min, double max, unsigned maxTicks) {
  Ticks ticks;
  if (!std::isfinite(min) || !std::isfinite(max)) {
    ticks.values = {0, 1};
    return ticks;
  }
  if (min > max)
    std::swap(min, max);
  maxTicks = std::max(2u, maxTicks);
  Wide lo = min, hi = max;
  if (lo == hi) {
    // A flat series: an axis one power of ten wide around it (0.5 -> 0.4..0.6, 0.31 -> 0.3..0.4).
    Wide unit = lo == 0 ? 1 : std::pow(Wide(10), std::floor(std::log10(std::fabs(lo))));
    Wide units = lo / unit;
    bool onTick = std::fabs(units - std::round(units)) < 1e-9L;
    lo = onTick ? (std::round(units) - 1) * unit : std::floor(units) * unit;
    hi = onTick ? (std::round(units) + 1) * unit : std::ceil(units) * unit;
  }
  Wide raw = (hi - lo) / (maxTicks - 1);
  Wide magnitude = std::pow(Wide(10), std::floor(std::log10(raw)));
  static const Wide multiples[] = {1, 2, 2.5L, 5, 10, 20, 25, 50, 100};
  Wide step = magnitude, low = lo, high = hi;
  for (Wide m : multiples) {
    step = m * magnitude;
    // The tolerance keeps 2e-3 / 2.5e-4 = 8.0000001 from adding a tick.
    low = std::floor(lo / step + 1e-9L) * step;
    high = std::ceil(hi / step - 1e-9L) * step;
    if (std::llround((high - low) / step) + 1 <= static_cast<long long>(maxTicks))
      break;
  }
  long long count = std::llround((high - low) / step) + 1;
  ticks.step = static_cast<double>(step);
  for (long long i = 0; i < count; ++i) {
    Wide v = low + i * step;
    // Snap rounding noise (3e-17 instead of 0) so labels and comparisons stay exact.
    if (std::fabs(v) < step * 1e-9L)
      v = 0;
    ticks.values.push_back(static_cast<double>(v));
  }
  ticks.low = ticks.values.front();
  ticks.high = ticks.values.back();
  return ticks;
}

std::vector<std::string> tickLabels(const Ticks &ticks) {
  std::vector<std::string> labels;
  double largest = 0;
  for (double v : ticks.values)
    largest = std::max(largest, std::fabs(v));
  int decimals = decimalsFor(ticks.step);
  char buffer[64];
  if (largest < 1e6 && decimals <= 3) {
    for (double v : ticks.values) {
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
      // "-0.00" would read as a different tick than "0.00".
      bool negativeZero = buffer[0] == '-' && std::strtod(buffer, nullptr) == 0;
      labels.push_back(negativeZero ? buffer + 1 : buffer);
    }
    return labels;
  }
  // Scientific: the fewest mantissa digits that write every tick exactly (1.25e-3, not 1.3e-3).
  for (int digits = 0; digits <= 12; ++digits) {
    labels.clear();
    bool exact = true;
    for (double v : ticks.values) {
      if (v == 0) {
        labels.push_back("0");
        continue;
      }
      std::snprintf(buffer, sizeof buffer, "%.*e", digits, v);
      exact = exact && std::fabs(std::strtod(buffer, nullptr) - v) <= ticks.step * 1e-6;
      labels.push_back(shortenExponent(trimMantissaZeros(buffer)));
    }
    if (exact)
      break;
  }
  return labels;
}

} // namespace tourguide::charts
