#include "AnnotatedText.h"

namespace tourguide::tours::test {

AnnotatedText annotate(const std::string &marked) {
  AnnotatedText result;
  unsigned line = 1, column = 1;
  for (size_t i = 0; i < marked.size(); ++i) {
    if (marked.compare(i, 2, "$^") == 0) {
      result.points.push_back({line, column});
      ++i;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(marked[i]);
    result.text += marked[i];
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return result;
}

std::string at(const FilePos &pos) {
  return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

} // namespace tourguide::tours::test
