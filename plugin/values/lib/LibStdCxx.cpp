#include "LibStdCxx.h"

#include <lldb/API/SBError.h>

#include <string_view>

namespace tourguide::values::libstdcxx {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

/// A member by path, e.g. {"_M_impl", "_M_start"}; members of base classes are found too.
lldb::SBValue member(lldb::SBValue value, std::initializer_list<const char *> path) {
  for (const char *name : path) {
    if (!value.IsValid())
      break;
    value = value.GetChildMemberWithName(name);
  }
  return value;
}

uint64_t unsignedOf(lldb::SBValue value, std::string &error) {
  lldb::SBError status;
  uint64_t result = value.GetValueAsUnsigned(status, 0);
  if (status.Fail() && error.empty())
    error = status.GetCString() ? status.GetCString() : "cannot read member";
  return result;
}

} // namespace

Kind classify(lldb::SBType type) {
  const char *raw = type.GetCanonicalType().GetUnqualifiedType().GetName();
  std::string_view name = raw ? raw : "";
  if (!startsWith(name, "std::"))
    return Kind::NotStd;
  if (startsWith(name, "std::vector<bool,"))
    return Kind::VectorBool;
  if (startsWith(name, "std::vector<"))
    return Kind::Vector;
  if (startsWith(name, "std::array<"))
    return Kind::Array;
  if (startsWith(name, "std::__cxx11::basic_string<char,") || startsWith(name, "std::basic_string<char,"))
    return Kind::String;
  if (startsWith(name, "std::pair<") || startsWith(name, "std::complex<") ||
      startsWith(name, "std::tuple<"))
    return Kind::Aggregate;
  return Kind::Other;
}

ElementRange vectorRange(lldb::SBValue vector) {
  ElementRange range;
  lldb::SBValue start = member(vector, {"_M_impl", "_M_start"});
  lldb::SBValue finish = member(vector, {"_M_impl", "_M_finish"});
  if (!start.IsValid() || !finish.IsValid()) {
    range.error = "unexpected std::vector layout (not libstdc++?)";
    return range;
  }
  range.elementType = start.GetType().GetCanonicalType().GetPointeeType();
  uint64_t elementSize = range.elementType.GetByteSize();
  uint64_t first = unsignedOf(start, range.error), last = unsignedOf(finish, range.error);
  if (!range.error.empty())
    return range;
  if (elementSize == 0 || last < first || (last - first) % elementSize != 0) {
    range.error = "std::vector looks uninitialised (start/finish pointers disagree)";
    return range;
  }
  range.address = first;
  range.count = (last - first) / elementSize;
  return range;
}

uint64_t vectorBoolSize(lldb::SBValue vector, std::string &error) {
  lldb::SBValue start = member(vector, {"_M_impl", "_M_start"});
  lldb::SBValue finish = member(vector, {"_M_impl", "_M_finish"});
  uint64_t startWord = unsignedOf(member(start, {"_M_p"}), error);
  uint64_t finishWord = unsignedOf(member(finish, {"_M_p"}), error);
  uint64_t startBit = unsignedOf(member(start, {"_M_offset"}), error);
  uint64_t finishBit = unsignedOf(member(finish, {"_M_offset"}), error);
  if (!error.empty() || finishWord < startWord) {
    if (error.empty())
      error = "std::vector<bool> looks uninitialised";
    return 0;
  }
  // _M_p are addresses of the bit words: their difference in bytes times 8 is in bits.
  return (finishWord - startWord) * 8 + finishBit - startBit;
}

lldb::SBValue arrayElements(lldb::SBValue array) { return member(array, {"_M_elems"}); }

StringRange stringRange(lldb::SBValue string) {
  StringRange range;
  lldb::SBValue pointer = member(string, {"_M_dataplus", "_M_p"});
  lldb::SBValue length = member(string, {"_M_string_length"});
  if (!pointer.IsValid() || !length.IsValid()) {
    range.error = "unexpected std::string layout (not libstdc++'s C++11 string?)";
    return range;
  }
  range.address = unsignedOf(pointer, range.error);
  range.length = unsignedOf(length, range.error);
  return range;
}

} // namespace tourguide::values::libstdcxx
