// Which bytes to read for a (possibly strided, possibly huge) array of numbers, within a
// byte budget: everything when it fits, otherwise evenly spaced chunks across the whole
// array (not just its start). Pure arithmetic, testable without LLDB.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tourguide::values {

/// Elements flat index `first` .. `first + count - 1`, in memory at element offsets
/// `offset`, `offset + stride`, ...: one ReadMemory of ((count - 1) * stride + 1) elements.
struct ReadChunk {
  uint64_t first = 0;
  uint64_t count = 0;
  uint64_t offset = 0;
  uint64_t stride = 1;
};

struct ReadPlan {
  std::vector<ReadChunk> chunks; ///< Ascending by `first`.
  uint64_t total = 0;            ///< Elements the array has.
  uint64_t planned = 0;          ///< Elements the chunks read (== total unless sampled).
  std::string error;             ///< Set when the layout cannot be read (nothing planned).
  bool wholeSpan = false;        ///< Everything fits: read the span once, then pick the chunks.

  bool sampled() const { return planned < total; }
};

/// Plans the reads of an array with dimensions `dims` and element strides `strides`
/// (empty: contiguous row-major) whose elements are `elementSize` bytes. At most about
/// `budgetBytes` bytes are read: the whole span once when it fits, otherwise at most
/// `maxChunks` reads spread evenly over the array.
ReadPlan planReads(const std::vector<uint64_t> &dims, const std::vector<uint64_t> &strides,
                   uint64_t elementSize, uint64_t budgetBytes, uint64_t maxChunks = 64);

/// The element offset of the last element any read may touch, plus one: how many elements
/// of memory the layout spans (the data must hold at least that many).
uint64_t spanOf(const std::vector<uint64_t> &dims, const std::vector<uint64_t> &strides);

} // namespace tourguide::values
