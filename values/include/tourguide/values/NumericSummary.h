// Summaries of numeric arrays read in bulk from the program's memory: size, element type,
// min / max / mean / std and, for floating point, how many NaN and Inf values, then the first
// elements.
// Pure computation on bytes: no LLDB, testable alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::values {

enum class NumberKind { Signed, Unsigned, Floating, Bool };

/// How one element is stored (in the host's byte order, which is the target's here).
struct NumberFormat {
  NumberKind kind = NumberKind::Signed;
  unsigned byteSize = 4; ///< 1, 2, 4, 8; Floating: 4 (float), 8 (double), 16 (x86 long double).
};

/// True when elements of this format can be decoded by summarizeNumbers().
bool isSupported(const NumberFormat &format);

/// "size=6 float64 min=-1.25 max=10 mean=2.45833 std=3.69238 nan=0 inf=0 [0.5, -1.25, 2, 3.5, 0, ...]",
/// "size=5 uint8 min=0 max=255 mean=79.8 std=99.6983 [0, 255, 128, 7, 9]",
/// "size=3 bool true=2 [true, false, true]": the element type (dtypeName()) and the statistics
/// come first, as in summarizeTensor(), so a line cut at the terminal's width loses listed
/// elements, not the statistics. Nothing read (an empty array): "size=0 []" only.
/// Integers are listed exactly, floating-point elements with 4 significant digits.
/// `shape` is the size as shown ("6", "2x3"); `totalCount` the number of elements the
/// array has; `data`/`bytes` the elements actually read, which may be fewer (a sampled
/// big array): the statistics then cover those only and the line says "(sampled N of M)".
/// Min, max, mean and std (the population standard deviation, as numpy's std) ignore NaN
/// and Inf. At most `shown` elements are listed, and only among the first `inOrder` read
/// elements, which must be elements 0, 1, 2... of the array (a sample's later elements are not).
std::string summarizeNumbers(const std::string &shape, uint64_t totalCount,
                             const unsigned char *data, size_t bytes, const NumberFormat &format,
                             size_t shown = 5, size_t inOrder = SIZE_MAX);

/// "size=6 [0.5, -1.25, 2, ...]": the size and the listed elements only, with the conventions
/// of summarizeNumbers() but no type, statistics or sampling note (for an array inside a
/// struct or another container, where only the first elements are read).
std::string listNumbers(const std::string &shape, uint64_t totalCount, const unsigned char *data,
                        size_t bytes, const NumberFormat &format, size_t shown = 5,
                        size_t inOrder = SIZE_MAX);

/// "Tensor float32 [32x64] min=-0.5 max=0.5 mean=0.01 std=0.29 nan=0 inf=0 [0.12, -0.5, ...]":
/// the summary of a tensor-like value of type `typeName`, with the same conventions as
/// summarizeNumbers() (a sample says "(sampled N of M)").
std::string summarizeTensor(const std::string &typeName, const std::vector<uint64_t> &shape,
                            uint64_t totalCount, const unsigned char *data, size_t bytes,
                            const NumberFormat &format, size_t shown = 5,
                            size_t inOrder = SIZE_MAX);

/// "float32", "int64", "uint8", "bool", "float128" (x86 long double).
std::string dtypeName(const NumberFormat &format);

/// The format a tour's `dtype` names ("float32" ...); nullopt for an unknown name.
std::optional<NumberFormat> formatOfDtype(const std::string &dtype);

/// Every element read, decoded as doubles (for snapshots); empty for an unsupported format.
std::vector<double> decodeAll(const unsigned char *data, size_t bytes, const NumberFormat &format);

/// A number for people: `digits` significant digits ("0.1", "2.45833", "1e+06", "nan",
/// "-inf"). Listed elements use 4 digits so more fit on the line; statistics use 6.
std::string formatNumber(double value, int digits = 6);

/// One element decoded as a double; nullopt when the format is not supported.
std::optional<double> decodeNumber(const unsigned char *element, const NumberFormat &format);

} // namespace tourguide::values
