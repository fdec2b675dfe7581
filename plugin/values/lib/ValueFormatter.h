// One line of text for an SBValue read from a stopped program: scalars, enums, pointers,
// C strings, std::string, structs (a few fields), and summaries of std::vector,
// std::array, C arrays and pointer+count. Reads memory only: never runs the program.
#pragma once

#include <lldb/API/SBFrame.h>
#include <lldb/API/SBProcess.h>
#include <lldb/API/SBTarget.h>
#include <lldb/API/SBType.h>
#include <lldb/API/SBValue.h>

#include <cstdint>
#include <string>

namespace tourguide::values {

/// Bounds that keep reading a watch cheap and its line short.
struct ReadLimits {
  uint64_t maxArrayBytes = 1u << 20; ///< One ReadMemory at most this big; bigger arrays are sampled.
  size_t shownElements = 5;          ///< Numbers listed before "...".
  size_t shownObjects = 3;           ///< Non-numeric elements (structs, strings) listed.
  size_t maxStringBytes = 200;       ///< Characters of a string read and shown.
  size_t shownFields = 4;            ///< Fields of a struct shown.
};

struct Formatted {
  std::string text;
  bool error = false;
};

class ValueFormatter {
public:
  explicit ValueFormatter(lldb::SBFrame frame, ReadLimits limits = {});

  /// The whole one-line description of `value`.
  Formatted format(lldb::SBValue value);

  /// `count` elements of `elementType` at `address`: a pointer with a count.
  Formatted formatElements(uint64_t address, lldb::SBType elementType, uint64_t count);

private:
  /// `depth` 0 is the watch itself; nested values (fields, elements) are shorter.
  Formatted describe(lldb::SBValue value, unsigned depth);
  Formatted scalar(lldb::SBValue value, lldb::SBType type);
  Formatted pointer(lldb::SBValue value, lldb::SBType type, unsigned depth);
  Formatted aggregate(lldb::SBValue value, unsigned depth);
  Formatted cArray(lldb::SBValue value, lldb::SBType type, unsigned depth);
  Formatted range(uint64_t address, lldb::SBType elementType, uint64_t count,
                  const std::string &shape, unsigned depth);
  Formatted stdString(lldb::SBValue value);
  Formatted cString(uint64_t address);
  /// Reads exactly `bytes` bytes at `address` into `out`; false with `error` set otherwise.
  bool readMemory(uint64_t address, size_t bytes, std::string &out, std::string &error);

  lldb::SBFrame frame_;
  lldb::SBTarget target_;
  lldb::SBProcess process_;
  ReadLimits limits_;
};

/// Why `value` cannot be read, in words a newcomer understands ("optimized out here ...").
std::string unreadableReason(lldb::SBValue value);

/// `text` between double quotes with \", \\, \n, \t and other control bytes escaped;
/// "..." after the closing quote when `truncated`.
std::string quoted(const std::string &text, bool truncated);

} // namespace tourguide::values
