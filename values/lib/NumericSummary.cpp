#include "tourguide/values/NumericSummary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tourguide::values {
namespace {

template <typename T> T raw(const unsigned char *p) {
  T value;
  std::memcpy(&value, p, sizeof value);
  return value;
}
template <typename T> double load(const unsigned char *p) { return static_cast<double>(raw<T>(p)); }

/// An element as it is listed: bools as words, integers exactly (even past 2^53).
std::string formatElement(const unsigned char *element, const NumberFormat &format) {
  switch (format.kind) {
  case NumberKind::Bool:
    return element[0] ? "true" : "false";
  case NumberKind::Signed: {
    int64_t v = format.byteSize == 1   ? raw<int8_t>(element)
                : format.byteSize == 2 ? raw<int16_t>(element)
                : format.byteSize == 4 ? raw<int32_t>(element)
                                       : raw<int64_t>(element);
    return std::to_string(v);
  }
  case NumberKind::Unsigned: {
    uint64_t v = 0;
    std::memcpy(&v, element, format.byteSize); // little-endian host and target
    return std::to_string(v);
  }
  case NumberKind::Floating:
    break;
  }
  return formatNumber(decodeNumber(element, format).value_or(0), 4);
}

} // namespace

bool isSupported(const NumberFormat &format) {
  switch (format.kind) {
  case NumberKind::Bool:
    return format.byteSize == 1;
  case NumberKind::Signed:
  case NumberKind::Unsigned:
    return format.byteSize == 1 || format.byteSize == 2 || format.byteSize == 4 ||
           format.byteSize == 8;
  case NumberKind::Floating:
    return format.byteSize == 4 || format.byteSize == 8 ||
           format.byteSize == sizeof(long double);
  }
  return false;
}

std::optional<double> decodeNumber(const unsigned char *p, const NumberFormat &format) {
  if (!isSupported(format))
    return std::nullopt;
  switch (format.kind) {
  case NumberKind::Bool:
    return p[0] ? 1.0 : 0.0;
  case NumberKind::Signed:
    switch (format.byteSize) {
    case 1: return load<int8_t>(p);
    case 2: return load<int16_t>(p);
    case 4: return load<int32_t>(p);
    default: return load<int64_t>(p);
    }
  case NumberKind::Unsigned:
    switch (format.byteSize) {
    case 1: return load<uint8_t>(p);
    case 2: return load<uint16_t>(p);
    case 4: return load<uint32_t>(p);
    default: return load<uint64_t>(p);
    }
  case NumberKind::Floating:
    switch (format.byteSize) {
    case 4: return load<float>(p);
    case 8: return load<double>(p);
    default: return static_cast<double>(raw<long double>(p));
    }
  }
  return std::nullopt;
}

std::string formatNumber(double value, int digits) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

namespace {

/// " [a, b, c, ...]": up to `shown` of the first `inOrder` elements read.
std::string listed(const unsigned char *data, size_t readCount, uint64_t totalCount,
                   const NumberFormat &format, size_t shown, size_t inOrder) {
  size_t listable = std::min({readCount, shown, inOrder});
  std::string out = "[";
  for (size_t i = 0; i < listable; ++i) {
    if (i)
      out += ", ";
    out += formatElement(data + i * format.byteSize, format);
  }
  if (totalCount > listable)
    out += listable ? ", ..." : "...";
  return out + "]";
}

/// " min=1 max=3 mean=2 std=0.816497 nan=0 inf=0", " true=2", or "" when nothing was read.
std::string statistics(const unsigned char *data, size_t readCount, const NumberFormat &format) {
  if (readCount == 0)
    return "";
  if (format.kind == NumberKind::Bool) {
    size_t trues = 0;
    for (size_t i = 0; i < readCount; ++i)
      trues += data[i] != 0;
    return " true=" + std::to_string(trues);
  }
  size_t nans = 0, infs = 0, finite = 0;
  double min = 0, max = 0, mean = 0, m2 = 0; // Welford: stable for millions of floats
  for (size_t i = 0; i < readCount; ++i) {
    double v = *decodeNumber(data + i * format.byteSize, format);
    if (std::isnan(v)) {
      ++nans;
    } else if (std::isinf(v)) {
      ++infs;
    } else {
      min = finite ? std::fmin(min, v) : v;
      max = finite ? std::fmax(max, v) : v;
      ++finite;
      double delta = v - mean;
      mean += delta / static_cast<double>(finite);
      m2 += delta * (v - mean);
    }
  }
  std::string out;
  if (finite)
    out += " min=" + formatNumber(min) + " max=" + formatNumber(max) +
           " mean=" + formatNumber(mean) +
           " std=" + formatNumber(std::sqrt(m2 / static_cast<double>(finite)));
  else
    out += " (no finite values)";
  if (format.kind == NumberKind::Floating)
    out += " nan=" + std::to_string(nans) + " inf=" + std::to_string(infs);
  return out;
}

std::string sampledNote(size_t readCount, uint64_t totalCount) {
  if (readCount >= totalCount)
    return "";
  return " (sampled " + std::to_string(readCount) + " of " + std::to_string(totalCount) + ")";
}

} // namespace

std::string summarizeNumbers(const std::string &shape, uint64_t totalCount,
                             const unsigned char *data, size_t bytes, const NumberFormat &format,
                             size_t shown, size_t inOrder) {
  if (!isSupported(format))
    return "size=" + shape + " (elements of an unsupported number format)";
  size_t readCount = bytes / format.byteSize;
  std::string elements = listed(data, readCount, totalCount, format, shown, inOrder);
  if (readCount == 0)
    return "size=" + shape + " " + elements;
  // The statistics before the elements, as in a tensor's summary: a line cut at the
  // terminal's width loses elements, not the numbers the summary is for.
  return "size=" + shape + " " + dtypeName(format) + statistics(data, readCount, format) + " " +
         elements + sampledNote(readCount, totalCount);
}

std::string listNumbers(const std::string &shape, uint64_t totalCount, const unsigned char *data,
                        size_t bytes, const NumberFormat &format, size_t shown, size_t inOrder) {
  if (!isSupported(format))
    return "size=" + shape + " (elements of an unsupported number format)";
  return "size=" + shape + " " +
         listed(data, bytes / format.byteSize, totalCount, format, shown, inOrder);
}

std::string summarizeTensor(const std::string &typeName, const std::vector<uint64_t> &shape,
                            uint64_t totalCount, const unsigned char *data, size_t bytes,
                            const NumberFormat &format, size_t shown, size_t inOrder) {
  std::string dims;
  for (uint64_t d : shape)
    dims += (dims.empty() ? "" : "x") + std::to_string(d);
  std::string out = typeName + " " + dtypeName(format) + " [" + dims + "]";
  if (!isSupported(format))
    return out + " (elements of an unsupported number format)";
  if (totalCount == 0)
    return out + " (empty)";
  size_t readCount = bytes / format.byteSize;
  return out + statistics(data, readCount, format) + " " +
         listed(data, readCount, totalCount, format, shown, inOrder) +
         sampledNote(readCount, totalCount);
}

std::string dtypeName(const NumberFormat &format) {
  std::string bits = std::to_string(format.byteSize * 8);
  switch (format.kind) {
  case NumberKind::Bool:
    return "bool";
  case NumberKind::Signed:
    return "int" + bits;
  case NumberKind::Unsigned:
    return "uint" + bits;
  case NumberKind::Floating:
    return "float" + bits;
  }
  return "?";
}

std::optional<NumberFormat> formatOfDtype(const std::string &dtype) {
  for (NumberKind kind : {NumberKind::Floating, NumberKind::Signed, NumberKind::Unsigned,
                          NumberKind::Bool})
    for (unsigned size : {1u, 2u, 4u, 8u}) {
      NumberFormat format{kind, size};
      if (isSupported(format) && dtypeName(format) == dtype)
        return format;
    }
  return std::nullopt;
}

std::vector<double> decodeAll(const unsigned char *data, size_t bytes, const NumberFormat &format) {
  std::vector<double> values;
  if (!isSupported(format))
    return values;
  size_t count = bytes / format.byteSize;
  values.reserve(count);
  for (size_t i = 0; i < count; ++i)
    values.push_back(*decodeNumber(data + i * format.byteSize, format));
  return values;
}

} // namespace tourguide::values
