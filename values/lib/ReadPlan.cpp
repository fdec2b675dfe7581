#include "tourguide/values/ReadPlan.h"

#include <algorithm>

namespace tourguide::values {
namespace {

bool isRowMajor(const std::vector<uint64_t> &dims, const std::vector<uint64_t> &strides) {
  uint64_t expected = 1;
  for (size_t i = dims.size(); i-- > 0;) {
    if (dims[i] > 1 && strides[i] != expected)
      return false;
    expected *= dims[i];
  }
  return true;
}

} // namespace

uint64_t spanOf(const std::vector<uint64_t> &dims, const std::vector<uint64_t> &strides) {
  uint64_t last = 0, total = 1;
  for (size_t i = 0; i < dims.size(); ++i) {
    total *= dims[i];
    if (dims[i] > 0)
      last += (dims[i] - 1) * (strides.empty() ? 0 : strides[i]);
  }
  if (total == 0)
    return 0;
  return strides.empty() ? total : last + 1;
}

ReadPlan planReads(const std::vector<uint64_t> &dims, const std::vector<uint64_t> &strides,
                   uint64_t elementSize, uint64_t budgetBytes, uint64_t maxChunks) {
  ReadPlan plan;
  plan.total = 1;
  for (uint64_t d : dims)
    plan.total *= d; // callers bound the product (see TensorReader)
  if (plan.total == 0 || elementSize == 0)
    return plan;
  if (!strides.empty() && strides.size() != dims.size()) {
    plan.error = "strides have " + std::to_string(strides.size()) + " entries for " +
                 std::to_string(dims.size()) + " dimensions";
    return plan;
  }

  // Rows of `rowLength` elements `stride` apart; a contiguous array is one long row.
  bool contiguous = strides.empty() || isRowMajor(dims, strides);
  uint64_t rowLength = contiguous ? plan.total : dims.back();
  uint64_t stride = contiguous ? 1 : std::max<uint64_t>(strides.back(), 1);
  auto rowOffset = [&](uint64_t row) {
    uint64_t offset = 0;
    for (size_t i = dims.size() - 1; i-- > 0;) {
      offset += (row % dims[i]) * strides[i];
      row /= dims[i];
    }
    return offset;
  };
  auto chunkAt = [&](uint64_t first, uint64_t count) {
    uint64_t row = first / rowLength, column = first % rowLength;
    ReadChunk chunk;
    chunk.first = first;
    chunk.count = std::min(count, rowLength - column);
    chunk.offset = (contiguous ? 0 : rowOffset(row)) + column * stride;
    chunk.stride = stride;
    return chunk;
  };

  uint64_t budget = std::max<uint64_t>(budgetBytes / elementSize, 1); // elements of memory
  uint64_t rows = plan.total / rowLength;
  plan.wholeSpan = true;
  if (spanOf(dims, contiguous ? std::vector<uint64_t>{} : strides) <= budget) {
    // Everything fits: the reader fetches the whole span in one read and picks the rows.
    for (uint64_t row = 0; row < rows; ++row)
      plan.chunks.push_back(chunkAt(row * rowLength, rowLength));
  } else {
    // Evenly spaced chunks over the flat index range; each stays inside one row.
    plan.wholeSpan = false;
    uint64_t chunks = std::min(maxChunks, plan.total);
    uint64_t perChunk = std::max<uint64_t>(budget / chunks / stride, 1);
    for (uint64_t c = 0; c < chunks; ++c) {
      uint64_t first = plan.total / chunks * c + std::min(c, plan.total % chunks);
      if (!plan.chunks.empty() &&
          first < plan.chunks.back().first + plan.chunks.back().count)
        continue;
      plan.chunks.push_back(chunkAt(first, perChunk));
    }
  }
  for (const ReadChunk &chunk : plan.chunks)
    plan.planned += chunk.count;
  return plan;
}

} // namespace tourguide::values
