// One number read from a value, for collected series: no text, no summary, no Python.
#pragma once

#include <lldb/API/SBValue.h>

#include <string>

namespace tourguide::values {

/// The number `value` holds: an integer (bitfields and enums as LLDB reads them), a bool or a
/// floating-point value. False, with the reason in `why`, for anything else (a pointer, a
/// struct, an unreadable value). Never resumes the target.
bool readScalar(lldb::SBValue value, double &out, std::string &why);

} // namespace tourguide::values
