#include "TypeDescriptions.h"

#include "LibStdCxx.h"
#include "NumberTypes.h"

#include <lldb/API/SBAddress.h>
#include <lldb/API/SBData.h>
#include <lldb/API/SBError.h>
#include <lldb/API/SBProcess.h>
#include <lldb/API/SBTarget.h>

#include <cctype>
#include <cstring>

namespace tourguide::values {
namespace {

bool endsWith(const std::string &text, const std::string &suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string nameOf(lldb::SBType type) {
  const char *name = type.GetName();
  return name ? name : "";
}

std::string typeText(lldb::SBType type) {
  const char *name = type.GetDisplayTypeName();
  return name ? name : "?";
}

} // namespace

bool typeNameMatches(const std::string &pattern, const std::string &typeName) {
  if (pattern == typeName)
    return true;
  if (!endsWith(pattern, "<*>"))
    return false;
  std::string prefix = pattern.substr(0, pattern.size() - 2); // "ns::Mat<"
  return typeName.size() > prefix.size() + 1 && typeName.compare(0, prefix.size(), prefix) == 0 &&
         typeName.back() == '>';
}

const tours::TypeDescription *findDescription(const std::vector<tours::TypeDescription> &types,
                                              lldb::SBType type, std::string &shownName) {
  if (types.empty() || !type.IsValid())
    return nullptr;
  std::vector<std::string> names = {nameOf(type.GetUnqualifiedType()),
                                    nameOf(canonical(type))};
  for (bool exact : {true, false})
    for (const std::string &name : names)
      for (const tours::TypeDescription &description : types) {
        bool wildcard = endsWith(description.name, "<*>");
        if (name.empty() || wildcard == exact)
          continue;
        if (exact ? description.name == name : typeNameMatches(description.name, name)) {
          shownName = name;
          return &description;
        }
      }
  return nullptr;
}

lldb::SBValue memberAt(lldb::SBValue value, const std::string &path, lldb::SBTarget target,
                       std::string &error) {
  size_t i = 0;
  std::string done; // the path walked so far, for messages
  auto identifier = [&]() {
    size_t start = i;
    while (i < path.size() &&
           (std::isalnum(static_cast<unsigned char>(path[i])) || path[i] == '_'))
      ++i;
    return path.substr(start, i - start);
  };
  auto fail = [&](const std::string &message) {
    error = message;
    return lldb::SBValue();
  };
  bool arrow = false;
  while (i <= path.size() && value.IsValid()) {
    if (i == path.size())
      return value;
    if (path[i] == '[') {
      size_t close = path.find(']', i);
      if (close == std::string::npos || close == i + 1 || close - i - 1 > 18)
        return fail("bad member path `" + path + "`");
      uint64_t index = std::stoull(path.substr(i + 1, close - i - 1));
      lldb::SBType type = canonical(value.GetType());
      if (type.IsArrayType()) {
        value = value.GetChildAtIndex(static_cast<uint32_t>(index));
      } else if (type.IsPointerType()) {
        lldb::SBError status;
        uint64_t address = value.GetValueAsUnsigned(status, 0);
        lldb::SBType element = type.GetPointeeType();
        value = target.CreateValueFromAddress(
            "element", lldb::SBAddress(address + index * element.GetByteSize(), target), element);
      } else {
        return fail("`" + done + "` is a " + typeText(value.GetType()) +
                    ": only a C array or a pointer can be indexed in a member path");
      }
      done += path.substr(i, close + 1 - i);
      i = close + 1;
      continue;
    }
    if (path.compare(i, 2, "->") == 0) {
      i += 2;
      arrow = true;
      continue;
    }
    if (path[i] == '.') {
      ++i;
      continue;
    }
    std::string name = identifier();
    if (name.empty())
      return fail("bad member path `" + path + "`");
    if (arrow || canonical(value.GetType()).IsPointerType())
      value = value.Dereference();
    arrow = false;
    lldb::SBValue member = value.GetNonSyntheticValue().GetChildMemberWithName(name.c_str());
    if (!member.IsValid())
      return fail("no member `" + name + "` in " + (done.empty() ? "" : "`" + done + "`, a ") +
                  typeText(value.GetType()));
    value = member;
    done += (done.empty() ? "" : ".") + name;
  }
  return fail("cannot read `" + done + "`");
}

std::optional<std::vector<int64_t>> readIntegers(lldb::SBValue value, lldb::SBProcess process,
                                                 const std::string &what, size_t maxCount,
                                                 std::string &error) {
  value = value.GetNonSyntheticValue();
  lldb::SBType type = canonical(value.GetType());
  std::vector<int64_t> out;
  if (numberFormatOf(type) && numberFormatOf(type)->kind != NumberKind::Floating) {
    lldb::SBError status;
    out.push_back(value.GetValueAsSigned(status, 0));
    if (status.Fail()) {
      error = what + " cannot be read";
      return std::nullopt;
    }
    return out;
  }
  uint64_t address = 0, count = 0;
  lldb::SBType element;
  switch (libstdcxx::classify(type)) {
  case libstdcxx::Kind::Vector: {
    libstdcxx::ElementRange range = libstdcxx::vectorRange(value);
    if (!range.error.empty()) {
      error = what + ": " + range.error;
      return std::nullopt;
    }
    address = range.address, count = range.count, element = canonical(range.elementType);
    break;
  }
  case libstdcxx::Kind::Array:
    value = libstdcxx::arrayElements(value);
    type = canonical(value.GetType());
    [[fallthrough]];
  default:
    if (!type.IsArrayType()) {
      error = what + " is a " + typeText(value.GetType()) +
              ": expected an integer, a C array, std::array or std::vector of integers";
      return std::nullopt;
    }
    element = canonical(type.GetArrayElementType());
    count = element.GetByteSize() ? type.GetByteSize() / element.GetByteSize() : 0;
    address = value.GetLoadAddress();
  }
  std::optional<NumberFormat> format = numberFormatOf(element);
  if (!format || format->kind == NumberKind::Floating) {
    error = what + " holds " + typeText(element) + " values, not integers";
    return std::nullopt;
  }
  if (count > maxCount) {
    error = what + " has " + std::to_string(count) + " entries; at most " +
            std::to_string(maxCount) + " dimensions are read";
    return std::nullopt;
  }
  std::string bytes(count * format->byteSize, '\0');
  lldb::SBError status;
  if (count && (address == LLDB_INVALID_ADDRESS ||
                process.ReadMemory(address, bytes.data(), bytes.size(), status) != bytes.size() ||
                status.Fail())) {
    error = what + " cannot be read from memory";
    return std::nullopt;
  }
  for (uint64_t i = 0; i < count; ++i) {
    double v = *decodeNumber(reinterpret_cast<const unsigned char *>(bytes.data()) +
                                 i * format->byteSize,
                             *format);
    if (format->kind == NumberKind::Unsigned && format->byteSize == 8) {
      uint64_t u = 0;
      std::memcpy(&u, bytes.data() + i * 8, 8);
      out.push_back(u > INT64_MAX ? INT64_MAX : static_cast<int64_t>(u));
    } else {
      out.push_back(static_cast<int64_t>(v));
    }
  }
  return out;
}

} // namespace tourguide::values
