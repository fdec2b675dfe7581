#include "ValueFormatter.h"

#include "LibStdCxx.h"
#include "NumberTypes.h"
#include "tourguide/values/NumericSummary.h"

#include <lldb/API/SBAddress.h>
#include <lldb/API/SBData.h>
#include <lldb/API/SBError.h>
#include <lldb/API/SBThread.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <optional>

namespace tourguide::values {
namespace {

using libstdcxx::Kind;

Formatted fail(std::string text) { return {std::move(text), true}; }
Formatted ok(std::string text) { return {std::move(text), false}; }

std::string hex(uint64_t value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "0x%" PRIx64, value);
  return buffer;
}

std::string errorText(lldb::SBError error, const char *fallback) {
  const char *text = error.GetCString();
  return text && *text ? text : fallback;
}

} // namespace

std::string unreadableReason(lldb::SBValue value) {
  std::string message = errorText(value.GetError(), "");
  // LLDB says "<optimized out>" when the variable has no location here, and "register
  // rdi is not available" when its location is a register the compiler reused.
  if (message.find("optimized out") != std::string::npos ||
      (message.find("register") != std::string::npos &&
       message.find("not available") != std::string::npos))
    return "optimized out here (the compiler did not keep it at this point; build with -O0 -g "
           "to see it)";
  if (!value.IsInScope())
    return "not in scope here";
  return message.empty() ? "cannot be read here" : message;
}

std::string quoted(const std::string &text, bool truncated) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (c < 0x20 || c == 0x7f) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
        out += buffer;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += "\"";
  if (truncated)
    out += "...";
  return out;
}

ValueFormatter::ValueFormatter(lldb::SBFrame frame, ReadLimits limits)
    : frame_(frame), target_(frame.GetThread().GetProcess().GetTarget()),
      process_(frame.GetThread().GetProcess()), limits_(limits) {}

Formatted ValueFormatter::format(lldb::SBValue value) { return describe(value, 0); }

Formatted ValueFormatter::formatElements(uint64_t address, lldb::SBType elementType,
                                         uint64_t count) {
  return range(address, elementType, count, std::to_string(count), 0);
}

Formatted ValueFormatter::describe(lldb::SBValue value, unsigned depth) {
  if (!value.IsValid())
    return fail("cannot be read here");
  // Raw members, not a formatter's synthetic children: our layouts need the real ones.
  value = value.GetNonSyntheticValue();
  if (value.GetError().Fail())
    return fail(unreadableReason(value));
  lldb::SBType type = canonical(value.GetType());
  if (type.IsReferenceType()) {
    value = value.Dereference();
    if (!value.IsValid() || value.GetError().Fail())
      return fail("reference to memory that cannot be read");
    type = canonical(value.GetType());
  }

  switch (libstdcxx::classify(type)) {
  case Kind::String:
    return stdString(value);
  case Kind::Vector: {
    if (depth > 1)
      return ok("std::vector");
    libstdcxx::ElementRange elements = libstdcxx::vectorRange(value);
    if (!elements.error.empty())
      return fail(elements.error);
    return range(elements.address, elements.elementType, elements.count,
                 std::to_string(elements.count), depth);
  }
  case Kind::VectorBool: {
    std::string error;
    uint64_t size = libstdcxx::vectorBoolSize(value, error);
    if (!error.empty())
      return fail(error);
    return ok("size=" + std::to_string(size) + " (std::vector<bool>: bits not listed)");
  }
  case Kind::Array: {
    lldb::SBValue elements = libstdcxx::arrayElements(value);
    if (!elements.IsValid())
      return ok("size=0 []");
    return cArray(elements, canonical(elements.GetType()), depth);
  }
  case Kind::Other: {
    const char *name = value.GetType().GetDisplayTypeName();
    return ok(std::string(name ? name : "std type") +
              " (not summarised: tourguide reads std::vector, std::array and std::string)");
  }
  case Kind::Aggregate:
  case Kind::NotStd:
    break;
  }

  if (type.IsArrayType())
    return cArray(value, type, depth);
  if (type.IsPointerType())
    return pointer(value, type, depth);
  switch (type.GetTypeClass()) {
  case lldb::eTypeClassStruct:
  case lldb::eTypeClassClass:
  case lldb::eTypeClassUnion:
    return aggregate(value, depth);
  case lldb::eTypeClassEnumeration: {
    // LLDB prints the enumerator's name (or the number when none matches).
    const char *text = value.GetValue();
    return text ? ok(text) : fail(unreadableReason(value));
  }
  case lldb::eTypeClassBuiltin:
    return scalar(value, type);
  default: {
    const char *text = value.GetValue();
    return text ? ok(text) : fail(unreadableReason(value));
  }
  }
}

Formatted ValueFormatter::scalar(lldb::SBValue value, lldb::SBType type) {
  lldb::SBError error;
  lldb::BasicType basic = type.GetBasicType();
  if (basic == lldb::eBasicTypeFloat || basic == lldb::eBasicTypeDouble ||
      basic == lldb::eBasicTypeLongDouble) {
    lldb::SBData data = value.GetData();
    double number = basic == lldb::eBasicTypeFloat    ? data.GetFloat(error, 0)
                    : basic == lldb::eBasicTypeDouble ? data.GetDouble(error, 0)
                                                      : static_cast<double>(data.GetLongDouble(error, 0));
    if (error.Fail())
      return fail(unreadableReason(value));
    return ok(formatNumber(number));
  }
  if (basic == lldb::eBasicTypeBool) {
    uint64_t bit = value.GetValueAsUnsigned(error, 0);
    return error.Fail() ? fail(unreadableReason(value)) : ok(bit ? "true" : "false");
  }
  std::optional<NumberFormat> format = numberFormatOf(type);
  if (!format) {
    const char *text = value.GetValue(); // __int128, _Float16, ...: LLDB's own text
    return text ? ok(text) : fail(unreadableReason(value));
  }
  std::string digits;
  int64_t asSigned = 0;
  if (format->kind == NumberKind::Signed) {
    asSigned = value.GetValueAsSigned(error, 0);
    digits = std::to_string(asSigned);
  } else {
    uint64_t asUnsigned = value.GetValueAsUnsigned(error, 0);
    asSigned = static_cast<int64_t>(asUnsigned);
    digits = std::to_string(asUnsigned);
  }
  if (error.Fail())
    return fail(unreadableReason(value));
  if (isCharType(basic) && asSigned >= 0x20 && asSigned < 0x7f)
    return ok("'" + std::string(1, static_cast<char>(asSigned)) + "' (" + digits + ")");
  return ok(digits);
}

Formatted ValueFormatter::pointer(lldb::SBValue value, lldb::SBType type, unsigned depth) {
  lldb::SBError error;
  uint64_t address = value.GetValueAsUnsigned(error, 0);
  if (error.Fail())
    return fail(unreadableReason(value));
  if (address == 0)
    return ok("nullptr");
  lldb::SBType pointee = canonical(type.GetPointeeType());
  if (isCharType(pointee.GetBasicType()))
    return cString(address);
  lldb::BasicType basic = pointee.GetBasicType();
  if (basic == lldb::eBasicTypeVoid || pointee.IsFunctionType() || depth > 0 ||
      pointee.GetByteSize() == 0)
    return ok(hex(address));
  // One level of pointee is worth showing: "0x7ffe... -> {id = 7, ...}".
  Formatted target = describe(value.Dereference(), depth + 1);
  if (target.error)
    return ok(hex(address) + " (cannot read what it points to: " + target.text + ")");
  return ok(hex(address) + " -> " + target.text);
}

Formatted ValueFormatter::aggregate(lldb::SBValue value, unsigned depth) {
  if (depth > 1)
    return ok("{...}");
  uint32_t children = value.GetNumChildren();
  std::string out = "{";
  for (uint32_t i = 0; i < children && i < limits_.shownFields; ++i) {
    lldb::SBValue child = value.GetChildAtIndex(i);
    const char *name = child.GetName();
    Formatted text = describe(child, depth + 1);
    if (i)
      out += ", ";
    out += std::string(name ? name : "?") + " = " + (text.error ? "<" + text.text + ">" : text.text);
  }
  if (children > limits_.shownFields)
    out += ", ...";
  return ok(out + "}");
}

Formatted ValueFormatter::cArray(lldb::SBValue value, lldb::SBType type, unsigned depth) {
  // Nested arrays of numbers (float m[2][3]) are read as one block and shown as "2x3".
  std::string shape;
  uint64_t count = 1;
  lldb::SBType element = type;
  while (element.IsArrayType()) {
    lldb::SBType inner = canonical(element.GetArrayElementType());
    uint64_t innerSize = inner.GetByteSize();
    uint64_t n = innerSize ? element.GetByteSize() / innerSize : 0;
    shape += (shape.empty() ? "" : "x") + std::to_string(n);
    count *= n;
    element = inner;
  }
  if (!numberFormatOf(element)) {
    // Arrays of structs, strings, pointers or arrays of those: one dimension at a time.
    element = canonical(type.GetArrayElementType());
    uint64_t size = element.GetByteSize();
    count = size ? type.GetByteSize() / size : 0;
    shape = std::to_string(count);
  }
  // char name[16] is text far more often than numbers (unsigned char data[] is bytes).
  if (isPlainChar(element) && shape.find('x') == std::string::npos) {
    std::string bytes, error;
    lldb::SBError status;
    lldb::SBData data = value.GetData();
    bytes.resize(std::min<uint64_t>(count, limits_.maxStringBytes));
    size_t read = bytes.empty() ? 0 : data.ReadRawData(status, 0, bytes.data(), bytes.size());
    if (status.Fail())
      return fail(unreadableReason(value));
    bytes.resize(read);
    size_t end = bytes.find('\0');
    return ok(quoted(bytes.substr(0, end), end == std::string::npos && count > bytes.size()));
  }
  lldb::addr_t address = value.GetLoadAddress();
  if (address != LLDB_INVALID_ADDRESS)
    return range(address, element, count, shape, depth);
  // Not in memory (a register): the value's own bytes are all there is.
  std::optional<NumberFormat> format = numberFormatOf(element);
  if (!format)
    return ok("size=" + shape);
  lldb::SBError status;
  lldb::SBData data = value.GetData();
  std::string bytes(std::min<uint64_t>(data.GetByteSize(), limits_.maxArrayBytes), '\0');
  size_t read = bytes.empty() ? 0 : data.ReadRawData(status, 0, bytes.data(), bytes.size());
  if (status.Fail())
    return fail(unreadableReason(value));
  return ok(summarizeNumbers(shape, count, reinterpret_cast<const unsigned char *>(bytes.data()),
                             read, *format, limits_.shownElements));
}

Formatted ValueFormatter::range(uint64_t address, lldb::SBType elementType, uint64_t count,
                                const std::string &shape, unsigned depth) {
  elementType = canonical(elementType);
  uint64_t elementSize = elementType.GetByteSize();
  if (elementSize == 0)
    return fail("elements of type " + std::string(elementType.GetName() ? elementType.GetName() : "?") +
                " have no known size");
  if (depth > 1)
    return ok("size=" + shape);
  if (std::optional<NumberFormat> format = numberFormatOf(elementType)) {
    // One bounded read: a bigger array is sampled from its start, and the line says so.
    uint64_t fits = limits_.maxArrayBytes / elementSize;
    uint64_t readCount = std::min(count, fits);
    std::string bytes, error;
    if (readCount && !readMemory(address, readCount * elementSize, bytes, error))
      return fail("cannot read " + std::to_string(readCount) + " elements at " + hex(address) +
                  ": " + error);
    size_t shown = depth ? std::min<size_t>(3, limits_.shownElements) : limits_.shownElements;
    std::string text = summarizeNumbers(shape, count,
                                        reinterpret_cast<const unsigned char *>(bytes.data()),
                                        bytes.size(), *format, shown);
    // Inside a struct or another container only the elements fit: drop the statistics.
    if (depth > 0 && text.find(']') != std::string::npos)
      text.erase(text.find(']') + 1);
    return ok(text);
  }
  std::string out = "size=" + shape + " [";
  for (uint64_t i = 0; i < count && i < limits_.shownObjects; ++i) {
    lldb::SBValue element = target_.CreateValueFromAddress(
        ("[" + std::to_string(i) + "]").c_str(), lldb::SBAddress(address + i * elementSize, target_),
        elementType);
    Formatted text = describe(element, depth + 1);
    out += (i ? ", " : "") + (text.error ? "<" + text.text + ">" : text.text);
  }
  if (count > limits_.shownObjects)
    out += ", ...";
  return ok(out + "]");
}

Formatted ValueFormatter::stdString(lldb::SBValue value) {
  libstdcxx::StringRange string = libstdcxx::stringRange(value);
  if (!string.error.empty())
    return fail(string.error);
  uint64_t shown = std::min<uint64_t>(string.length, limits_.maxStringBytes);
  std::string bytes, error;
  if (shown && !readMemory(string.address, shown, bytes, error))
    return fail("cannot read the string's characters at " + hex(string.address) + ": " + error);
  return ok(quoted(bytes, shown < string.length) + " (" + std::to_string(string.length) +
            " chars)");
}

Formatted ValueFormatter::cString(uint64_t address) {
  if (!process_.IsValid())
    return ok(hex(address));
  std::string buffer(limits_.maxStringBytes + 2, '\0');
  lldb::SBError error;
  process_.ReadCStringFromMemory(address, buffer.data(), buffer.size(), error);
  if (error.Fail())
    return ok(hex(address) + " (cannot read the string: " + errorText(error, "unreadable") + ")");
  size_t read = buffer.find('\0');
  buffer.resize(std::min(read, limits_.maxStringBytes));
  return ok(quoted(buffer, read > limits_.maxStringBytes));
}

bool ValueFormatter::readMemory(uint64_t address, size_t bytes, std::string &out,
                                std::string &error) {
  if (!process_.IsValid()) {
    error = "no running process";
    return false;
  }
  out.assign(bytes, '\0');
  lldb::SBError status;
  size_t read = process_.ReadMemory(address, out.data(), bytes, status);
  if (status.Fail() || read != bytes) {
    error = errorText(status, "short read");
    return false;
  }
  return true;
}

} // namespace tourguide::values
