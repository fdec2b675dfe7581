#include "BrailleCanvas.h"

#include <cstdlib>

namespace tourguide::charts {
namespace {

// Unicode braille (U+2800 + bits): dots 1-3 and 7 down the left, 4-6 and 8 down the right.
constexpr uint8_t DotBits[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

void appendUtf8(std::string &out, unsigned codepoint) {
  out += static_cast<char>(0xE0 | (codepoint >> 12));
  out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (codepoint & 0x3F));
}

} // namespace

BrailleCanvas::BrailleCanvas(unsigned columns, unsigned rows, bool braille)
    : columns_(columns), rows_(rows), braille_(braille),
      cells_(static_cast<size_t>(columns) * rows, 0) {}

void BrailleCanvas::set(long x, long y) {
  if (x < 0 || y < 0 || x >= static_cast<long>(dotsWide()) || y >= static_cast<long>(dotsHigh()))
    return;
  size_t column = x / dotsPerColumn(), row = y / dotsPerRow();
  uint8_t bit = braille_ ? DotBits[y % 4][x % 2] : 1;
  cells_[row * columns_ + column] |= bit;
}

void BrailleCanvas::line(long x0, long y0, long x1, long y1) {
  long dx = std::labs(x1 - x0), dy = -std::labs(y1 - y0);
  long sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
  long error = dx + dy;
  while (true) {
    set(x0, y0);
    if (x0 == x1 && y0 == y1)
      return;
    long twice = 2 * error;
    if (twice >= dy) {
      error += dy;
      x0 += sx;
    }
    if (twice <= dx) {
      error += dx;
      y0 += sy;
    }
  }
}

bool BrailleCanvas::cellUsed(unsigned column, unsigned row) const {
  return column < columns_ && row < rows_ && cells_[row * columns_ + column] != 0;
}

std::string BrailleCanvas::renderRow(unsigned row, bool color) const {
  std::string out;
  bool inColor = false;
  for (unsigned column = 0; column < columns_; ++column) {
    uint8_t bits = row < rows_ ? cells_[row * columns_ + column] : 0;
    if (color && (bits != 0) != inColor) {
      out += bits ? "\x1b[36m" : "\x1b[0m";
      inColor = bits != 0;
    }
    if (!bits)
      out += ' ';
    else if (braille_)
      appendUtf8(out, 0x2800 + bits);
    else
      out += '*';
  }
  if (inColor)
    out += "\x1b[0m";
  return out;
}

} // namespace tourguide::charts
