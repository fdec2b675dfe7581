// The memory layout of the libstdc++ containers tourguide summarises, read from the raw
// members (LLDB's Python formatters for them are broken on Debian's lldb-14).
#pragma once

#include <lldb/API/SBType.h>
#include <lldb/API/SBValue.h>

#include <cstdint>
#include <string>

namespace tourguide::values::libstdcxx {

enum class Kind { NotStd, Vector, VectorBool, Array, String, Aggregate, Other };

/// What a (canonical) type is, by its name: std::vector, std::array, std::string,
/// a std type that reads well as a plain struct (pair, complex, tuple), another std
/// type, or not a std type at all.
Kind classify(lldb::SBType type);

/// Elements stored contiguously in the program's memory.
struct ElementRange {
  uint64_t address = 0;
  uint64_t count = 0;
  lldb::SBType elementType;
  std::string error; ///< Set when the layout is not the expected one.
};

/// std::vector<T> (not bool): from _M_impl._M_start / _M_finish.
ElementRange vectorRange(lldb::SBValue vector);

/// std::vector<bool>: its bit count from the _Bit_iterator pair; error text on failure.
uint64_t vectorBoolSize(lldb::SBValue vector, std::string &error);

/// std::array<T, N>: its `_M_elems` C array (invalid for N == 0).
lldb::SBValue arrayElements(lldb::SBValue array);

/// std::string: _M_dataplus._M_p and _M_string_length.
struct StringRange {
  uint64_t address = 0;
  uint64_t length = 0;
  std::string error;
};
StringRange stringRange(lldb::SBValue string);

} // namespace tourguide::values::libstdcxx
