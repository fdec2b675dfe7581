// Summaries of numeric arrays read in bulk from the program's memory: size, first
// elements, min / max / mean and, for floating point, how many NaN and Inf values.
// Pure computation on bytes: no LLDB, testable alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace tourguide::values {

enum class NumberKind { Signed, Unsigned, Floating, Bool };

/// How one element is stored (in the host's byte order, which is the target's here).
struct NumberFormat {
  NumberKind kind = NumberKind::Signed;
  unsigned byteSize = 4; ///< 1, 2, 4, 8; Floating: 4 (float), 8 (double), 16 (x86 long double).
};

/// True when elements of this format can be decoded by summarizeNumbers().
bool isSupported(const NumberFormat &format);

/// "size=6 [0.5, -1.25, 2, 3.5, 0, ...] min=-1.25 max=10 mean=2.45833 nan=0 inf=0".
/// Integers are listed exactly, floating-point elements with 4 significant digits.
/// `shape` is the size as shown ("6", "2x3"); `totalCount` the number of elements the
/// array has; `data`/`bytes` the elements actually read, which may be fewer (a sampled
/// big array): the statistics then cover those only and the line says so. Min, max
/// and mean ignore NaN and Inf. At most `shown` elements are listed.
std::string summarizeNumbers(const std::string &shape, uint64_t totalCount,
                             const unsigned char *data, size_t bytes, const NumberFormat &format,
                             size_t shown = 5);

/// A number for people: `digits` significant digits ("0.1", "2.45833", "1e+06", "nan",
/// "-inf"). Listed elements use 4 digits so more fit on the line; statistics use 6.
std::string formatNumber(double value, int digits = 6);

/// One element decoded as a double; nullopt when the format is not supported.
std::optional<double> decodeNumber(const unsigned char *element, const NumberFormat &format);

} // namespace tourguide::values
