// Line and column of every key and value in a JSON text. nlohmann/json keeps no positions,
// so after it has accepted a text, this scanner walks the same text once more and records
// where each JSON Pointer's key and value start. It also finds duplicate keys, which
// nlohmann/json silently merges.
#pragma once

#include "tourguide/tours/Tour.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tourguide::tours {

struct JsonPositions {
  struct Entry {
    FilePos key;   ///< The key's opening quote (0:0 for array elements and the root).
    FilePos value; ///< The value's first character.
  };
  struct DuplicateKey {
    std::string pointer; ///< JSON Pointer of the member ("/stops/0/title").
    std::string key;
    FilePos first;       ///< Where the key first appears.
    FilePos duplicate;   ///< Where it appears again.
  };

  std::map<std::string, Entry> entries; ///< By JSON Pointer; "" is the root.
  std::vector<DuplicateKey> duplicates;

  FilePos valueAt(const std::string &pointer) const;
  /// The key's position, or the value's for array elements and the root.
  FilePos keyAt(const std::string &pointer) const;
};

/// Scans a text that nlohmann/json has already accepted. For any other text the result
/// is incomplete but the call is still safe.
JsonPositions scanJsonPositions(std::string_view text);

/// 1-based line and column of a byte offset. Columns count characters: a UTF-8 sequence
/// is one column, and so is a tab. A leading UTF-8 byte order mark takes no column.
FilePos positionOfOffset(std::string_view text, size_t offset);

/// Escapes a key for use in a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string escapeJsonPointer(std::string_view key);

} // namespace tourguide::tours
