#include "JsonPositions.h"

#include <nlohmann/json.hpp>

namespace tourguide::tours {

namespace {

bool startsWithBom(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }

/// A cursor over the text that keeps its line and column up to date.
class Cursor {
public:
  explicit Cursor(std::string_view text) : text(text) {
    if (startsWithBom(text))
      offset = 3;
  }

  bool atEnd() const { return offset >= text.size(); }
  char peek() const { return atEnd() ? '\0' : text[offset]; }
  FilePos pos() const { return {line, column}; }
  size_t where() const { return offset; }

  void advance() {
    if (atEnd())
      return;
    unsigned char c = static_cast<unsigned char>(text[offset++]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      // A lead byte (or ASCII) starts a character; continuation bytes add nothing.
      ++column;
    }
  }

  void skipWhitespace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      advance();
  }

  /// Skips a string token, returning its raw text including the quotes.
  std::string_view skipString() {
    size_t start = offset;
    advance(); // opening quote
    while (!atEnd() && peek() != '"') {
      if (peek() == '\\')
        advance();
      advance();
    }
    advance(); // closing quote
    return text.substr(start, offset - start);
  }

  /// Skips a number or literal (true, false, null).
  void skipBareScalar() {
    while (!atEnd()) {
      char c = peek();
      if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
        break;
      advance();
    }
  }

private:
  std::string_view text;
  size_t offset = 0;
  unsigned line = 1;
  unsigned column = 1;
};

std::string decodeKey(std::string_view raw) {
  try {
    nlohmann::json key = nlohmann::json::parse(raw);
    if (key.is_string())
      return key.get<std::string>();
  } catch (const std::exception &) {
  }
  return std::string(raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : raw);
}

/// Positions are recorded this deep and no deeper: a tour is 5 levels deep, and below this a
/// pathological file would make the pointers (and the time to build them) grow quadratically.
constexpr size_t kMaxRecordedDepth = 64;

struct Frame {
  bool isObject;
  std::string pointer;
  size_t index = 0;
  std::map<std::string, FilePos> keys; ///< Keys seen so far in this object.
};

} // namespace

FilePos JsonPositions::valueAt(const std::string &pointer) const {
  auto it = entries.find(pointer);
  return it == entries.end() ? FilePos{} : it->second.value;
}

FilePos JsonPositions::keyAt(const std::string &pointer) const {
  auto it = entries.find(pointer);
  if (it == entries.end())
    return {};
  return it->second.key.line != 0 ? it->second.key : it->second.value;
}

std::string escapeJsonPointer(std::string_view key) {
  // nlohmann's json_pointer escapes each reference token as RFC 6901 says; "/" + token.
  return (nlohmann::json::json_pointer() / std::string(key)).to_string().substr(1);
}

FilePos positionOfOffset(std::string_view text, size_t offset) {
  Cursor cursor(text);
  while (!cursor.atEnd() && cursor.where() < offset)
    cursor.advance();
  return cursor.pos();
}

JsonPositions scanJsonPositions(std::string_view text) {
  JsonPositions result;
  Cursor cursor(text);
  std::vector<Frame> frames; // explicit stack: deep nesting cannot overflow the C++ stack
  std::string pointer;       // of the value to be read next
  bool needValue = true;

  // Reads `"key" :` in the innermost object and sets `pointer` to the member's pointer.
  auto tooDeep = [&]() { return frames.size() > kMaxRecordedDepth; };
  auto readKey = [&]() {
    Frame &frame = frames.back();
    cursor.skipWhitespace();
    FilePos keyPos = cursor.pos();
    std::string_view rawKey = cursor.skipString();
    cursor.skipWhitespace();
    cursor.advance(); // ':'
    needValue = true;
    if (tooDeep())
      return;
    std::string key = decodeKey(rawKey);
    pointer = frame.pointer + "/" + escapeJsonPointer(key);
    auto [it, inserted] = frame.keys.emplace(key, keyPos);
    if (!inserted)
      result.duplicates.push_back({pointer, key, it->second, keyPos});
    result.entries[pointer].key = keyPos;
  };

  while (true) {
    cursor.skipWhitespace();
    if (cursor.atEnd())
      break;
    if (needValue) {
      if (!tooDeep())
        result.entries[pointer].value = cursor.pos();
      char c = cursor.peek();
      if (c == '{' || c == '[') {
        cursor.advance();
        frames.push_back(Frame{c == '{', pointer, 0, {}});
        cursor.skipWhitespace();
        if (cursor.peek() == '}' || cursor.peek() == ']') {
          cursor.advance();
          frames.pop_back();
          needValue = false;
        } else if (c == '{') {
          readKey();
        } else if (!tooDeep()) {
          pointer = frames.back().pointer + "/0";
        }
        continue;
      }
      if (c == '"')
        cursor.skipString();
      else
        cursor.skipBareScalar();
      needValue = false;
      continue;
    }
    // After a value: a separator or the end of the enclosing container.
    if (frames.empty())
      break;
    Frame &frame = frames.back();
    if (cursor.peek() == ',') {
      cursor.advance();
      if (frame.isObject) {
        readKey();
      } else {
        ++frame.index;
        if (!tooDeep())
          pointer = frame.pointer + "/" + std::to_string(frame.index);
        needValue = true;
      }
      continue;
    }
    cursor.advance(); // '}' or ']'
    frames.pop_back();
  }
  return result;
}

} // namespace tourguide::tours
