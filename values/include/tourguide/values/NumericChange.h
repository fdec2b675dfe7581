// "What changed": numbers read at one stop, compared with the same value at a later stop.
// Pure computation: no LLDB, testable alone.
#pragma once

#include "tourguide/values/NumericSummary.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tourguide::values {

/// The numbers of one watched value at one stop, kept to compare with a later stop.
/// Bounded like the summary they come from: a sampled array keeps its sample only.
struct NumericSnapshot {
  std::string key;               ///< What was watched: the watch's expr (and "[count]").
  std::string function;          ///< The function of the frame it was read in; "" unknown.
  std::vector<uint64_t> shape;   ///< Dimensions; {n} for a vector, {} for a scalar.
  uint64_t total = 0;            ///< Elements the value has (1 for a scalar).
  std::vector<double> values;    ///< The elements read: all of them, or a sample.
  std::vector<uint64_t> indices; ///< Flat index of each of `values` when sampled; empty when
                                 ///< values[i] is element i (everything was read).

  // Where the numbers live, to recognise the same memory watched under another name.
  uint64_t address = 0;    ///< Load address of element 0; 0 when not read from memory.
  NumberFormat format;     ///< How one element is stored (kind and byte size).
  bool contiguous = true;  ///< Element i is at address + i * format.byteSize.
  bool onStack = false;    ///< `address` is on the stopped thread's stack...
  std::string stackOwner;  ///< ...in the locals of this call ("function@CFA"); "" unknown.

  bool sampled() const { return !indices.empty(); }
};

/// How an earlier snapshot relates to a later one.
enum class SnapshotMatch {
  None,       ///< Different values: comparing them would mean nothing.
  SameWatch,  ///< The same watch (expression and count) read in the same function.
  SameMemory, ///< The same numbers in memory, possibly watched under another name.
};

/// Whether `later` is the value `earlier` was, so that their difference is how it changed.
///  - SameWatch: the same key read in the same function, unless both were read from memory
///    off the stack at different addresses (a pointer that has moved on to other memory,
///    as `param->value` does in a loop over parameters).
///  - SameMemory: the same start address and element format, both laid out contiguously
///    (the elements both cover are compared). Memory on the stack is reused by later calls
///    for other variables, so a stack address matches only within the same call (the same
///    `stackOwner`: function and CFA), e.g. main's `cfg.epochs` seen as `cfg->epochs` in a
///    callee; a global or heap address matches on its own.
SnapshotMatch matchSnapshots(const NumericSnapshot &earlier, const NumericSnapshot &later);

/// How `after` differs from `before` (the same watch at two stops), on one line:
///   "mean|Δ|=0.00125 max|Δ|=0.041 (64 of 64 changed)"
///   "unchanged" / "shape changed 32→64" / "shape changed 2x3→3x2"
///   "0.5→0.25" for a single number ("false→true" for a bool).
/// mean|Δ| is over every compared element (unchanged ones count as 0); pairs where either
/// side is NaN or Inf count as changed when they differ but stay out of mean and max. A
/// sampled value is compared on the elements both snapshots read, and the line says so.
std::string describeChange(const NumericSnapshot &before, const NumericSnapshot &after);

/// describeChange() for a pair matchSnapshots() said is `how` the same. SameMemory values
/// of different lengths (one watch of 4 elements, one of 6) compare the elements both
/// cover: "mean|Δ|=0.01 max|Δ|=0.02 (4 of first 4 changed)", "unchanged (first 4
/// compared)". Empty for SnapshotMatch::None.
std::string describeMatchedChange(const NumericSnapshot &before, const NumericSnapshot &after,
                                  SnapshotMatch how);

/// "32x64", "10", "" (a scalar).
std::string shapeText(const std::vector<uint64_t> &shape);

} // namespace tourguide::values
