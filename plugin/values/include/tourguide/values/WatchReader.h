// Reading a stop's watched values from the stopped program, without running it.
#pragma once

#include "tourguide/render/Annotation.h"
#include "tourguide/tours/Tour.h"
#include "tourguide/values/NumericChange.h"

#include <lldb/API/SBFrame.h>

#include <optional>
#include <string>
#include <vector>

namespace tourguide::values {

/// One `watch` entry of a tour stop.
struct WatchRequest {
  std::string expr;  ///< A variable path (`batch->x`), or any expression when `trusted`.
  std::string label; ///< Shown instead of `expr` when not empty.
  std::string count; ///< For a pointer: element count, an integer or a variable path.
  bool trusted = false; ///< The user ran `tour start --trust`: expressions may run code.
  /// The tour's type descriptions (Tour::types); null or empty: none. A value of a
  /// described type (or a pointer to one) is summarised as a tensor: shape, dtype, stats.
  const std::vector<tours::TypeDescription> *types = nullptr;
};

/// A watch's line and, when it summarised numbers (a number, an array, a vector, a pointer
/// with a count, a described tensor), those numbers, to compare with a later stop through
/// describeChange(). snapshot->key is the request's expr, plus "[count]" when it has one.
struct WatchResult {
  render::WatchLine line;
  std::optional<NumericSnapshot> snapshot;
};

/// Reads and formats one watch on one line. Variable paths are read from memory with
/// eDynamicDontRunTarget; std::vector, std::array, C arrays and pointer+count are
/// summarised (size, first elements, min/max/mean/std, NaN/Inf) without LLDB's Python
/// formatters. Anything that cannot be read gives a WatchLine with error = true and the
/// reason in `value`. Never throws, never resumes the target unless `trusted`.
render::WatchLine readWatch(lldb::SBFrame frame, const WatchRequest &request);

/// readWatch() and the numbers it summarised (no snapshot for an error line, a string, a
/// struct...). Reads the same memory, once.
WatchResult readWatchWithSnapshot(lldb::SBFrame frame, const WatchRequest &request);

} // namespace tourguide::values
