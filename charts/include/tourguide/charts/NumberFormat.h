// Short human-readable numbers for titles and labels.
#pragma once

#include <string>

namespace tourguide::charts {

/// About three significant digits, no exponent between 1e-3 and 1e6: 0.312, 12.3, 180,
/// 123457; otherwise short scientific: 1.2e-5, 3.4e7. "nan", "inf", "-inf" for the rest.
std::string formatCompact(double value);

/// Drops the padding of printf's exponent: "1.20e-03" -> "1.20e-3", "1e+06" -> "1e6".
std::string shortenExponent(const std::string &text);

} // namespace tourguide::charts
