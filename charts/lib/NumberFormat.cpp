#include "tourguide/charts/NumberFormat.h"

#include <cmath>
#include <cstdio>

namespace tourguide::charts {

std::string shortenExponent(const std::string &text) {
  size_t e = text.find_first_of("eE");
  if (e == std::string::npos)
    return text;
  std::string mantissa = text.substr(0, e);
  size_t i = e + 1;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-'))
    negative = text[i++] == '-';
  while (i + 1 < text.size() && text[i] == '0')
    ++i;
  return mantissa + "e" + (negative ? "-" : "") + text.substr(i);
}

std::string formatCompact(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";
  if (value == 0)
    return "0";
  char buffer[64];
  double magnitude = std::fabs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) {
    // Hundreds and up: whole numbers read best ("180", "1000"); below, three digits.
    if (magnitude >= 100)
      std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
      std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return shortenExponent(buffer);
}

} // namespace tourguide::charts
