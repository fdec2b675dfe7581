#include "ValueFormatter.h"

#include "LibStdCxx.h"
#include "NumberTypes.h"
#include "tourguide/values/ReadPlan.h"
#include "TypeDescriptions.h"
#include "tourguide/values/NumericSummary.h"

#include <lldb/API/SBAddress.h>
#include <lldb/API/SBData.h>
#include <lldb/API/SBError.h>
#include <lldb/API/SBThread.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
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

/// Dimensions as read, negative ones clamped to 0 (only for messages).
std::vector<uint64_t> rawShape(const std::vector<int64_t> &dims) {
  std::vector<uint64_t> out;
  for (int64_t d : dims)
    out.push_back(d < 0 ? 0 : static_cast<uint64_t>(d));
  return out;
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

ValueFormatter::ValueFormatter(lldb::SBFrame frame, ReadLimits limits,
                               const std::vector<tours::TypeDescription> *types)
    : frame_(frame), target_(frame.GetThread().GetProcess().GetTarget()),
      process_(frame.GetThread().GetProcess()), limits_(limits), types_(types) {}

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
    // Dereference() yields a value that prefers synthetic children again; we need the raw ones.
    value = value.Dereference().GetNonSyntheticValue();
    if (!value.IsValid() || value.GetError().Fail())
      return fail("reference to memory that cannot be read");
    type = canonical(value.GetType());
  }

  // The tour's own tensor types come first: a Tensor holding a std::vector is a tensor.
  if (types_ && !types_->empty()) {
    std::string shownName;
    if (const tours::TypeDescription *described = findDescription(*types_, value.GetType(), shownName))
      return tensor(value, *described, shownName, depth);
    if (depth == 0 && type.IsPointerType()) {
      if (const tours::TypeDescription *described =
              findDescription(*types_, type.GetPointeeType(), shownName)) {
        lldb::SBError status;
        if (value.GetValueAsUnsigned(status, 0) == 0)
          return ok("nullptr");
        return tensor(value.Dereference(), *described, shownName, depth);
      }
    }
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
  case lldb::eTypeClassBuiltin: {
    Formatted text = scalar(value, type);
    std::optional<NumberFormat> format = numberFormatOf(type);
    if (depth == 0 && !text.error && format) {
      std::string bytes(format->byteSize, '\0');
      lldb::SBError status;
      if (format->kind == NumberKind::Floating) {
        lldb::SBData data = value.GetData();
        if (data.ReadRawData(status, 0, bytes.data(), bytes.size()) != bytes.size())
          status.SetErrorString("short read");
      } else {
        // LLDB's own integer, not the bytes in memory: a bitfield's bytes hold its neighbours.
        uint64_t bits = format->kind == NumberKind::Signed
                            ? static_cast<uint64_t>(value.GetValueAsSigned(status, 0))
                            : value.GetValueAsUnsigned(status, 0);
        std::memcpy(bytes.data(), &bits, std::min<size_t>(bytes.size(), sizeof bits));
      }
      // None for a register, a constant or a bitfield (which shares its storage unit's).
      lldb::addr_t address = value.GetLoadAddress();
      if (status.Success())
        keepSnapshot({}, 1, bytes, *format, {}, address == LLDB_INVALID_ADDRESS ? 0 : address);
    }
    return text;
  }
  default: {
    const char *text = value.GetValue();
    return text ? ok(text) : fail(unreadableReason(value));
  }
  }
}

Formatted ValueFormatter::scalar(lldb::SBValue value, lldb::SBType type) {
  lldb::SBError error;
  Builtin basic = builtinOf(type);
  if (basic == Builtin::Float || basic == Builtin::Double || basic == Builtin::LongDouble) {
    lldb::SBData data = value.GetData();
    double number = basic == Builtin::Float    ? data.GetFloat(error, 0)
                    : basic == Builtin::Double ? data.GetDouble(error, 0)
                                               : static_cast<double>(data.GetLongDouble(error, 0));
    if (error.Fail())
      return fail(unreadableReason(value));
    return ok(formatNumber(number));
  }
  if (basic == Builtin::Bool) {
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
  if (isCharType(type) && asSigned >= 0x20 && asSigned < 0x7f)
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
  if (isCharType(pointee))
    return cString(address);
  if (builtinOf(pointee) == Builtin::Void || pointee.IsFunctionType() || depth > 0 ||
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
    // Bounded reads: a bigger array is sampled evenly across its whole length, and the line
    // says so.
    std::string bytes, error;
    std::vector<uint64_t> indices;
    if (depth > 0) {
      // Inside a struct or another container only the first elements are listed.
      uint64_t listed = std::min<uint64_t>(count, 3);
      if (listed && !readMemory(address, listed * elementSize, bytes, error))
        return fail("cannot read " + std::to_string(listed) + " elements at " + hex(address) +
                    ": " + error);
    } else if (!readArray(address, {count}, {}, elementSize, bytes, indices, error)) {
      return fail("cannot read " + std::to_string(count) + " elements at " + hex(address) + ": " +
                  error);
    }
    size_t inOrder = indices.empty() ? SIZE_MAX : 0;
    while (inOrder < indices.size() && indices[inOrder] == inOrder)
      ++inOrder;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    // Inside a struct or another container only the elements fit: no type or statistics.
    if (depth > 0)
      return ok(listNumbers(shape, count, data, bytes.size(), *format,
                            std::min<size_t>(3, limits_.shownElements), inOrder));
    std::string text =
        summarizeNumbers(shape, count, data, bytes.size(), *format, limits_.shownElements, inOrder);
    keepSnapshot({count}, count, bytes, *format, std::move(indices), address);
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

Formatted ValueFormatter::tensor(lldb::SBValue value, const tours::TypeDescription &description,
                                 const std::string &typeName, unsigned depth) {
  // Every message names the type and says the tour described it: the fix is in the tour.
  const std::string where = typeName + " (as the tour's \"types\" describe it): ";
  std::string error;
  lldb::SBValue data = memberAt(value, description.data, target_, error);
  if (!data.IsValid())
    return fail(where + "data `" + description.data + "`: " + error);
  data = data.GetNonSyntheticValue();
  lldb::SBType dataType = canonical(data.GetType());
  uint64_t address = 0;
  std::optional<uint64_t> available; // elements the data member holds, when it says
  lldb::SBType element;
  if (libstdcxx::classify(dataType) == Kind::Vector) {
    libstdcxx::ElementRange range = libstdcxx::vectorRange(data);
    if (!range.error.empty())
      return fail(where + "data `" + description.data + "`: " + range.error);
    address = range.address, available = range.count, element = canonical(range.elementType);
  } else if (dataType.IsPointerType()) {
    lldb::SBError status;
    address = data.GetValueAsUnsigned(status, 0);
    if (status.Fail())
      return fail(where + "data `" + description.data + "` cannot be read");
    element = canonical(dataType.GetPointeeType());
  } else if (dataType.IsArrayType()) {
    element = canonical(dataType.GetArrayElementType());
    address = data.GetLoadAddress();
    available = element.GetByteSize() ? dataType.GetByteSize() / element.GetByteSize() : 0;
  } else {
    const char *name = data.GetType().GetDisplayTypeName();
    return fail(where + "data `" + description.data + "` is a " + (name ? name : "?") +
                ": expected a pointer, a C array or a std::vector");
  }
  std::optional<NumberFormat> format =
      description.dtype.empty() ? numberFormatOf(element) : formatOfDtype(description.dtype);
  if (!format) {
    const char *name = element.GetDisplayTypeName();
    return fail(where + "elements of type " + (name ? name : "?") +
                " are not numbers tourguide reads (give \"dtype\" in the type description)");
  }

  // The shape: a list of dimensions, or rows and cols.
  std::vector<int64_t> signedDims;
  auto integers = [&](const std::string &path, size_t maxCount) -> std::optional<std::vector<int64_t>> {
    lldb::SBValue member = memberAt(value, path, target_, error);
    if (!member.IsValid())
      return std::nullopt;
    return readIntegers(member, process_, "`" + path + "`", maxCount, error);
  };
  if (!description.shape.empty()) {
    std::optional<std::vector<int64_t>> dims = integers(description.shape, limits_.maxDimensions);
    if (!dims)
      return fail(where + "shape: " + error);
    signedDims = *dims;
  } else {
    for (const std::string *path : {&description.rows, &description.cols}) {
      std::optional<std::vector<int64_t>> n = integers(*path, 1);
      if (!n || n->size() != 1)
        return fail(where + (n ? "`" + *path + "` is not one integer" : error));
      signedDims.push_back(n->front());
    }
  }
  std::vector<uint64_t> dims;
  uint64_t total = 1;
  for (int64_t d : signedDims) {
    if (d < 0)
      return fail(where + "negative dimension " + std::to_string(d) +
                  " (is the value initialised yet?)");
    dims.push_back(static_cast<uint64_t>(d));
    // Bounded: garbage dimensions (an uninitialised tensor) must not overflow or be read.
    if (d > 0 && total > limits_.maxTensorElements / static_cast<uint64_t>(d))
      return fail(where + "shape [" + shapeText(rawShape(signedDims)) + "] has more than " +
                  std::to_string(limits_.maxTensorElements) +
                  " elements (is the value initialised yet?)");
    total *= static_cast<uint64_t>(d);
  }
  std::vector<uint64_t> strides;
  if (!description.strides.empty()) {
    std::optional<std::vector<int64_t>> raw = integers(description.strides, limits_.maxDimensions);
    if (!raw)
      return fail(where + "strides: " + error);
    if (raw->size() != dims.size())
      return fail(where + "strides have " + std::to_string(raw->size()) + " entries for " +
                  std::to_string(dims.size()) + " dimensions");
    for (int64_t stride : *raw) {
      if (stride < 0 || static_cast<uint64_t>(stride) > limits_.maxTensorElements)
        return fail(where + "stride " + std::to_string(stride) +
                    " is not supported (strides must be between 0 and " +
                    std::to_string(limits_.maxTensorElements) + ")");
      strides.push_back(static_cast<uint64_t>(stride));
    }
  }
  std::string header = typeName + " " + dtypeName(*format) + " [" + shapeText(dims) + "]";
  uint64_t span = spanOf(dims, strides);
  // A default-constructed tensor often has no dimensions and no data: empty, not a scalar.
  if (dims.empty() && available && *available == 0)
    total = 0, span = 0;
  if (available && span > *available)
    return fail(header + ": the shape needs " + std::to_string(span) + " elements but `" +
                description.data + "` holds " + std::to_string(*available));
  if (total == 0)
    return ok(header + " (empty)");
  if (address == 0)
    return fail(header + ": `" + description.data + "` is nullptr");
  if (depth > 0)
    return ok(header);

  std::string bytes;
  std::vector<uint64_t> indices;
  if (!readArray(address, dims, strides, format->byteSize, bytes, indices, error))
    return fail(header + ": cannot read the elements at " + hex(address) + ": " + error);
  size_t inOrder = indices.empty() ? SIZE_MAX : 0;
  while (inOrder < indices.size() && indices[inOrder] == inOrder)
    ++inOrder;
  std::string text = summarizeTensor(typeName, dims, total,
                                     reinterpret_cast<const unsigned char *>(bytes.data()),
                                     bytes.size(), *format, limits_.shownElements, inOrder);
  // Explicit strides lay the elements out in another order than their flat index (unless
  // they are the row-major ones).
  bool contiguous = true;
  for (size_t k = strides.size(), expected = 1; k-- > 0;) {
    contiguous = contiguous && (dims[k] <= 1 || strides[k] == expected);
    expected *= dims[k];
  }
  keepSnapshot(dims, total, bytes, *format, std::move(indices), address, contiguous);
  return ok(text);
}

bool ValueFormatter::readArray(uint64_t address, const std::vector<uint64_t> &dims,
                               const std::vector<uint64_t> &strides, uint64_t elementSize,
                               std::string &bytes, std::vector<uint64_t> &indices,
                               std::string &error) {
  ReadPlan plan =
      planReads(dims, strides, elementSize, limits_.maxArrayBytes, limits_.maxSampleChunks);
  if (!plan.error.empty()) {
    error = plan.error;
    return false;
  }
  bytes.clear();
  indices.clear();
  bytes.reserve(plan.planned * elementSize);
  auto gather = [&](const std::string &buffer, uint64_t base, const ReadChunk &chunk) {
    for (uint64_t k = 0; k < chunk.count; ++k)
      bytes.append(buffer, (chunk.offset - base + k * chunk.stride) * elementSize, elementSize);
  };
  std::string buffer;
  if (plan.wholeSpan) {
    // One read of everything the layout touches (at most the budget), then pick elements.
    uint64_t end = 0;
    for (const ReadChunk &chunk : plan.chunks)
      end = std::max(end, chunk.offset + (chunk.count - 1) * chunk.stride + 1);
    if (!readMemory(address, end * elementSize, buffer, error))
      return false;
    for (const ReadChunk &chunk : plan.chunks)
      gather(buffer, 0, chunk);
  } else {
    for (const ReadChunk &chunk : plan.chunks) {
      uint64_t span = (chunk.count - 1) * chunk.stride + 1;
      if (!readMemory(address + chunk.offset * elementSize, span * elementSize, buffer, error))
        return false;
      gather(buffer, chunk.offset, chunk);
    }
  }
  if (plan.sampled())
    for (const ReadChunk &chunk : plan.chunks)
      for (uint64_t k = 0; k < chunk.count; ++k)
        indices.push_back(chunk.first + k);
  return true;
}

void ValueFormatter::keepSnapshot(std::vector<uint64_t> shape, uint64_t total,
                                  const std::string &bytes, const NumberFormat &format,
                                  std::vector<uint64_t> indices, uint64_t address,
                                  bool contiguous) {
  NumericSnapshot snapshot;
  snapshot.address = address;
  snapshot.format = format;
  snapshot.contiguous = contiguous;
  snapshot.shape = std::move(shape);
  snapshot.total = total;
  snapshot.values =
      decodeAll(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size(), format);
  snapshot.indices = std::move(indices);
  snapshot_ = std::move(snapshot);
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
