#include "NumberTypes.h"

#include <cstring>

namespace tourguide::values {

lldb::SBType canonical(lldb::SBType type) { return type.GetCanonicalType().GetUnqualifiedType(); }

bool isCharType(lldb::BasicType basic) {
  return basic == lldb::eBasicTypeChar || basic == lldb::eBasicTypeSignedChar ||
         basic == lldb::eBasicTypeUnsignedChar;
}

std::optional<NumberFormat> numberFormatOf(lldb::SBType type) {
  lldb::SBType t = canonical(type);
  NumberFormat format;
  format.byteSize = static_cast<unsigned>(t.GetByteSize());
  switch (t.GetBasicType()) {
  case lldb::eBasicTypeBool:
    format.kind = NumberKind::Bool;
    break;
  case lldb::eBasicTypeChar:
  case lldb::eBasicTypeSignedChar:
  case lldb::eBasicTypeShort:
  case lldb::eBasicTypeInt:
  case lldb::eBasicTypeLong:
  case lldb::eBasicTypeLongLong:
  case lldb::eBasicTypeWChar:
    format.kind = NumberKind::Signed;
    break;
  case lldb::eBasicTypeUnsignedChar:
  case lldb::eBasicTypeUnsignedShort:
  case lldb::eBasicTypeUnsignedInt:
  case lldb::eBasicTypeUnsignedLong:
  case lldb::eBasicTypeUnsignedLongLong:
  case lldb::eBasicTypeChar16:
  case lldb::eBasicTypeChar32:
    format.kind = NumberKind::Unsigned;
    break;
  case lldb::eBasicTypeFloat:
  case lldb::eBasicTypeDouble:
  case lldb::eBasicTypeLongDouble:
    format.kind = NumberKind::Floating;
    break;
  default:
    return std::nullopt;
  }
  if (!isSupported(format))
    return std::nullopt;
  return format;
}

bool isPlainChar(lldb::SBType type) {
  const char *name = canonical(type).GetName();
  return name && std::strcmp(name, "char") == 0;
}

} // namespace tourguide::values
