// Checks a parsed JSON document against the tour format (docs/tour-format.md) and builds
// the Tour from it. Every problem is reported, each at the key or value it is about.
#pragma once

#include "JsonPositions.h"
#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/Tour.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tourguide::tours {

/// A diagnostic and the notes that belong to it; groups are sorted by position, notes stay put.
using DiagnosticGroups = std::vector<Diagnostics>;

/// Validates `document`; appends to `groups`. Returns the tour as far as it could be read:
/// it is complete and correct only when no error was added.
Tour validateTour(const nlohmann::json &document, const JsonPositions &positions,
                  const std::string &fileName, DiagnosticGroups &groups);

} // namespace tourguide::tours
