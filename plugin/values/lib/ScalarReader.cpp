#include "tourguide/values/ScalarReader.h"

#include "NumberTypes.h"

#include <lldb/API/SBData.h>
#include <lldb/API/SBError.h>
#include <lldb/API/SBType.h>

#include <vector>

namespace tourguide::values {

bool readScalar(lldb::SBValue value, double &out, std::string &why) {
  if (!value.IsValid()) {
    why = "no such variable here";
    return false;
  }
  if (lldb::SBError err = value.GetError(); err.Fail()) {
    why = err.GetCString() ? err.GetCString() : "cannot be read";
    return false;
  }
  lldb::SBType type = canonical(value.GetType());
  std::optional<NumberFormat> format = numberFormatOf(type);
  bool enumeration = type.GetTypeClass() == lldb::eTypeClassEnumeration;
  if (!format && !enumeration) {
    why = std::string("is a ") + (value.GetTypeName() ? value.GetTypeName() : "value") + ", not a number";
    return false;
  }
  lldb::SBError err;
  if (format && format->kind == NumberKind::Floating) {
    // Floating point from its bytes (LLDB's text would round it).
    std::vector<unsigned char> bytes(format->byteSize);
    lldb::SBData data = value.GetData();
    if (data.ReadRawData(err, 0, bytes.data(), bytes.size()) != bytes.size() || err.Fail()) {
      why = "cannot be read";
      return false;
    }
    std::optional<double> number = decodeNumber(bytes.data(), *format);
    if (!number) {
      why = "has an unsupported floating-point format";
      return false;
    }
    out = *number;
    return true;
  }
  // Integers through LLDB, which knows bitfields (their bytes are the whole storage unit).
  bool isUnsigned = format && (format->kind == NumberKind::Unsigned || format->kind == NumberKind::Bool);
  out = isUnsigned ? static_cast<double>(value.GetValueAsUnsigned(err))
                   : static_cast<double>(value.GetValueAsSigned(err));
  if (err.Fail()) {
    why = err.GetCString() ? err.GetCString() : "cannot be read";
    return false;
  }
  return true;
}

} // namespace tourguide::values
