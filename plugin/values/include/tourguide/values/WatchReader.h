// Reading a stop's watched values from the stopped program, without running it.
#pragma once

#include "tourguide/render/Annotation.h"

#include <lldb/API/SBFrame.h>

#include <string>

namespace tourguide::values {

/// One `watch` entry of a tour stop.
struct WatchRequest {
  std::string expr;  ///< A variable path (`batch->x`), or any expression when `trusted`.
  std::string label; ///< Shown instead of `expr` when not empty.
  std::string count; ///< For a pointer: element count, an integer or a variable path.
  bool trusted = false; ///< The user ran `tour start --trust`: expressions may run code.
};

/// Reads and formats one watch on one line. Variable paths are read from memory with
/// eDynamicDontRunTarget; std::vector, std::array, C arrays and pointer+count are
/// summarised (size, first elements, min/max/mean, NaN/Inf) without LLDB's Python
/// formatters. Anything that cannot be read gives a WatchLine with error = true and the
/// reason in `value`. Never throws, never resumes the target unless `trusted`.
render::WatchLine readWatch(lldb::SBFrame frame, const WatchRequest &request);

} // namespace tourguide::values
