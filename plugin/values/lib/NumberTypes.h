// Which LLDB types are plain numbers, and how their bytes decode.
#pragma once

#include "tourguide/values/NumericSummary.h"

#include <lldb/API/SBType.h>

#include <optional>

namespace tourguide::values {

/// `type` without typedefs and cv-qualifiers.
lldb::SBType canonical(lldb::SBType type);

/// char, signed char or unsigned char.
bool isCharType(lldb::BasicType basic);

/// Plain `char` (text), as opposed to signed/unsigned char (bytes). LLDB reports plain char
/// as eBasicTypeSignedChar on x86, so this goes by the spelled name.
bool isPlainChar(lldb::SBType type);

/// How elements of `type` are decoded in bulk, or nullopt when they are not plain numbers.
std::optional<NumberFormat> numberFormatOf(lldb::SBType type);

} // namespace tourguide::values
