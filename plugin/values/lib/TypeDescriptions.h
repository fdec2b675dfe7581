// Reading a value through a tour's type description ("types"): which description a
// type matches, and the members it names. Reads memory only; never runs code.
#pragma once

#include "tourguide/tours/Tour.h"

#include <lldb/API/SBType.h>
#include <lldb/API/SBValue.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::values {

/// True when `pattern` (a "types" key) names `typeName`: equal, or "ns::Mat<*>" and
/// `typeName` is an instantiation "ns::Mat<...>".
bool typeNameMatches(const std::string &pattern, const std::string &typeName);

/// The description of `type` (cv-qualifiers ignored; typedef names and the canonical name
/// are both tried; an exact name wins over a "<*>" pattern), or nullptr. `shownName`
/// receives the name to show.
const tours::TypeDescription *findDescription(const std::vector<tours::TypeDescription> &types,
                                              lldb::SBType type, std::string &shownName);

/// The member at `path` ("data", "impl->buf", "dims[1]") of `value`; invalid with `error`
/// set when a step does not exist.
lldb::SBValue memberAt(lldb::SBValue value, const std::string &path, lldb::SBTarget target,
                       std::string &error);

/// The integers of a dimension list: a C array, std::array or std::vector of integers, or one
/// integer. `what` names it in errors ("`shape`"). At most `maxCount` entries.
std::optional<std::vector<int64_t>> readIntegers(lldb::SBValue value, lldb::SBProcess process,
                                                 const std::string &what, size_t maxCount,
                                                 std::string &error);

} // namespace tourguide::values
