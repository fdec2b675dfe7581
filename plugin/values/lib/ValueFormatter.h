// One line of text for an SBValue read from a stopped program: scalars, enums, pointers,
// C strings, std::string, structs (a few fields), and summaries of std::vector,
// std::array, C arrays and pointer+count. Reads memory only: never runs the program.
#pragma once

#include <lldb/API/SBFrame.h>
#include <lldb/API/SBProcess.h>
#include <lldb/API/SBTarget.h>
#include <lldb/API/SBType.h>
#include <lldb/API/SBValue.h>

#include "tourguide/tours/Tour.h"
#include "tourguide/values/NumericChange.h"
#include "tourguide/values/NumericSummary.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::values {

/// Bounds that keep reading a watch cheap and its line short.
struct ReadLimits {
  uint64_t maxArrayBytes = 1u << 20; ///< Bytes read per array at most; bigger arrays are sampled
                                     ///< in evenly spaced chunks across the whole array.
  uint64_t maxSampleChunks = 64;     ///< Reads of one sampled array.
  uint64_t maxTensorElements = uint64_t(1) << 36; ///< A bigger shape is refused as garbage.
  size_t maxDimensions = 8;          ///< Of a described tensor's shape.
  size_t shownElements = 5;          ///< Numbers listed before "...".
  size_t shownObjects = 3;           ///< Non-numeric elements (structs, strings) listed.
  size_t maxStringBytes = 200;       ///< Characters of a string read and shown.
  size_t shownFields = 4;            ///< Fields of a struct shown.
};

struct Formatted {
  std::string text;
  bool error = false;
};

class ValueFormatter {
public:
  /// `types`: the tour's type descriptions (may be null: none).
  explicit ValueFormatter(lldb::SBFrame frame, ReadLimits limits = {},
                          const std::vector<tours::TypeDescription> *types = nullptr);

  /// The whole one-line description of `value`.
  Formatted format(lldb::SBValue value);

  /// `count` elements of `elementType` at `address`: a pointer with a count.
  Formatted formatElements(uint64_t address, lldb::SBType elementType, uint64_t count);

  /// The numbers behind the last format()/formatElements() when it summarised numbers at
  /// the top level (a scalar, an array, a described tensor); nullopt otherwise.
  std::optional<NumericSnapshot> takeSnapshot() { return std::move(snapshot_); }

private:
  /// `depth` 0 is the watch itself; nested values (fields, elements) are shorter.
  Formatted describe(lldb::SBValue value, unsigned depth);
  Formatted scalar(lldb::SBValue value, lldb::SBType type);
  Formatted pointer(lldb::SBValue value, lldb::SBType type, unsigned depth);
  Formatted aggregate(lldb::SBValue value, unsigned depth);
  Formatted cArray(lldb::SBValue value, lldb::SBType type, unsigned depth);
  Formatted range(uint64_t address, lldb::SBType elementType, uint64_t count,
                  const std::string &shape, unsigned depth);
  /// A value of a type the tour describes: shape, dtype, statistics, first elements.
  Formatted tensor(lldb::SBValue value, const tours::TypeDescription &description,
                   const std::string &typeName, unsigned depth);
  /// The numbers of an array laid out as `dims`/`strides` at `address`, read within the
  /// limits (sampled when big); `bytes` gets the elements read, `indices` their flat
  /// indices when sampled. False with `error` set when memory cannot be read.
  bool readArray(uint64_t address, const std::vector<uint64_t> &dims,
                 const std::vector<uint64_t> &strides, uint64_t elementSize, std::string &bytes,
                 std::vector<uint64_t> &indices, std::string &error);
  /// Keeps the numbers read for takeSnapshot(); `address` is element 0's (0: not in
  /// memory), `contiguous` says element i is at address + i * format.byteSize.
  void keepSnapshot(std::vector<uint64_t> shape, uint64_t total, const std::string &bytes,
                    const NumberFormat &format, std::vector<uint64_t> indices,
                    uint64_t address, bool contiguous = true);
  Formatted stdString(lldb::SBValue value);
  Formatted cString(uint64_t address);
  /// Reads exactly `bytes` bytes at `address` into `out`; false with `error` set otherwise.
  bool readMemory(uint64_t address, size_t bytes, std::string &out, std::string &error);

  lldb::SBFrame frame_;
  lldb::SBTarget target_;
  lldb::SBProcess process_;
  ReadLimits limits_;
  const std::vector<tours::TypeDescription> *types_ = nullptr;
  std::optional<NumericSnapshot> snapshot_;
};

/// Why `value` cannot be read, in words a newcomer understands ("optimized out here ...").
std::string unreadableReason(lldb::SBValue value);

/// `text` between double quotes with \", \\, \n, \t and other control bytes escaped;
/// "..." after the closing quote when `truncated`.
std::string quoted(const std::string &text, bool truncated);

} // namespace tourguide::values
