// Which LLDB types are plain numbers, and how their bytes decode.
#pragma once

#include "tourguide/values/NumericSummary.h"

#include <lldb/API/SBType.h>

#include <optional>
#include <string_view>

namespace tourguide::values {

/// `type` without typedefs and cv-qualifiers.
lldb::SBType canonical(lldb::SBType type);

/// A builtin type, named by tourguide rather than by lldb::BasicType: LLDB 15 inserted
/// eBasicTypeChar8 before eBasicTypeShort, so every enumerator after it has a different number
/// in lldb 14 than in 15 and later, and the plugin (one binary for every LLDB) is compiled
/// against one version's header. builtinOf asks the running LLDB instead.
enum class Builtin {
  None, ///< Not a builtin type (struct, pointer, array, ...).
  Void,
  Bool,
  Char,
  SignedChar,
  UnsignedChar,
  WChar,
  Char8,
  Char16,
  Char32,
  Short,
  UnsignedShort,
  Int,
  UnsignedInt,
  Long,
  UnsignedLong,
  LongLong,
  UnsignedLongLong,
  Float,
  Double,
  LongDouble,
  Other, ///< A builtin with no decoder here (__int128, half, _Complex, nullptr_t, ...).
};

/// The builtin `type` is (after typedefs and cv-qualifiers). The running LLDB's own
/// number for it (SBType::GetBasicType()) is translated through the name that same LLDB gives
/// that number (SBType::GetBasicType(number).GetName()), learned once per number.
Builtin builtinOf(lldb::SBType type);

/// The builtin LLDB names `name` ("unsigned int", "_Bool", "char8_t", ...).
Builtin builtinNamed(std::string_view name);

/// char, signed char or unsigned char.
bool isCharType(lldb::SBType type);

/// Plain `char` (text), as opposed to signed/unsigned char (bytes). LLDB reports plain char
/// as eBasicTypeSignedChar on x86, so this goes by the spelled name.
bool isPlainChar(lldb::SBType type);

/// How elements of `type` are decoded in bulk, or nullopt when they are not plain numbers.
std::optional<NumberFormat> numberFormatOf(lldb::SBType type);

} // namespace tourguide::values
