// `tourguide validate --fix-format`: a hand-edited tour rewritten in the layout tourguide writes
// (tours::writeTour: docs/tour-format.md, "How tourguide writes tours"), so it diffs cleanly.
#pragma once

#include "tourguide/tours/TourFile.h"

#include <ostream>
#include <string>

namespace tourguide::cli {

/// Rewrites `file` (whose text was `text`) in tourguide's layout, atomically, when it loaded
/// without errors and is not in that layout yet; prints one line saying what it did, or why not.
/// Returns false when the file should have been rewritten and could not be.
bool fixTourFormat(std::ostream &out, const std::string &file, const std::string &text,
                   const tours::LoadResult &loaded);

} // namespace tourguide::cli
