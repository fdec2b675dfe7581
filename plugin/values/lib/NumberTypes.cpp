#include "NumberTypes.h"

#include <array>
#include <cstring>
#include <mutex>
#include <utility>

namespace tourguide::values {

lldb::SBType canonical(lldb::SBType type) { return type.GetCanonicalType().GetUnqualifiedType(); }

Builtin builtinNamed(std::string_view name) {
  static const std::pair<std::string_view, Builtin> kNames[] = {
      {"void", Builtin::Void},
      {"bool", Builtin::Bool},
      {"_Bool", Builtin::Bool},
      {"char", Builtin::Char},
      {"signed char", Builtin::SignedChar},
      {"unsigned char", Builtin::UnsignedChar},
      {"wchar_t", Builtin::WChar},
      {"char8_t", Builtin::Char8},
      {"char16_t", Builtin::Char16},
      {"char32_t", Builtin::Char32},
      {"short", Builtin::Short},
      {"unsigned short", Builtin::UnsignedShort},
      {"int", Builtin::Int},
      {"unsigned int", Builtin::UnsignedInt},
      {"long", Builtin::Long},
      {"unsigned long", Builtin::UnsignedLong},
      {"long long", Builtin::LongLong},
      {"unsigned long long", Builtin::UnsignedLongLong},
      {"float", Builtin::Float},
      {"double", Builtin::Double},
      {"long double", Builtin::LongDouble},
  };
  for (const auto &[spelled, builtin] : kNames)
    if (spelled == name)
      return builtin;
  return Builtin::Other;
}

namespace {

/// The running LLDB's lldb::BasicType numbers, each translated once through the name that
/// LLDB gives it. Shared by every thread that reads values (LLDB's private state thread runs
/// the collected series' callbacks).
class BasicTypeNumbers {
public:
  Builtin lookup(lldb::SBType type, unsigned number) {
    if (number >= kSize)
      return Builtin::Other;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!known_[number]) {
      // eBasicTypeInvalid is 0 in every version; any other number is named by the LLDB that
      // gave it, in the type system of the type at hand.
      lldb::SBType named = type.GetBasicType(static_cast<lldb::BasicType>(number));
      const char *name = named.IsValid() ? named.GetName() : nullptr;
      if (!name || !*name)
        return Builtin::Other; // not learned: ask again with the next type
      builtins_[number] = builtinNamed(name);
      known_[number] = true;
    }
    return builtins_[number];
  }

private:
  static constexpr unsigned kSize = 64;
  std::mutex mutex_;
  std::array<bool, kSize> known_{};
  std::array<Builtin, kSize> builtins_{};
};

} // namespace

Builtin builtinOf(lldb::SBType type) {
  lldb::SBType t = canonical(type);
  if (!t.IsValid())
    return Builtin::None;
  auto number = static_cast<unsigned>(t.GetBasicType());
  if (number == 0) // eBasicTypeInvalid: not a builtin
    return Builtin::None;
  static BasicTypeNumbers numbers;
  return numbers.lookup(t, number);
}

bool isCharType(lldb::SBType type) {
  Builtin b = builtinOf(type);
  return b == Builtin::Char || b == Builtin::SignedChar || b == Builtin::UnsignedChar;
}

std::optional<NumberFormat> numberFormatOf(lldb::SBType type) {
  lldb::SBType t = canonical(type);
  NumberFormat format;
  format.byteSize = static_cast<unsigned>(t.GetByteSize());
  switch (builtinOf(t)) {
  case Builtin::Bool:
    format.kind = NumberKind::Bool;
    break;
  case Builtin::Char:
  case Builtin::SignedChar:
  case Builtin::Short:
  case Builtin::Int:
  case Builtin::Long:
  case Builtin::LongLong:
  case Builtin::WChar:
    format.kind = NumberKind::Signed;
    break;
  case Builtin::UnsignedChar:
  case Builtin::UnsignedShort:
  case Builtin::UnsignedInt:
  case Builtin::UnsignedLong:
  case Builtin::UnsignedLongLong:
  case Builtin::Char8:
  case Builtin::Char16:
  case Builtin::Char32:
    format.kind = NumberKind::Unsigned;
    break;
  case Builtin::Float:
  case Builtin::Double:
  case Builtin::LongDouble:
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
