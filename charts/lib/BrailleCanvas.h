// A grid of terminal cells to draw dots and lines on: 2x4 dots per cell with Unicode braille,
// one dot per cell ('*') in ASCII. Private to the chart renderer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tourguide::charts {

class BrailleCanvas {
public:
  BrailleCanvas(unsigned columns, unsigned rows, bool braille);

  unsigned dotsWide() const { return columns_ * dotsPerColumn(); }
  unsigned dotsHigh() const { return rows_ * dotsPerRow(); }
  unsigned dotsPerColumn() const { return braille_ ? 2 : 1; }
  unsigned dotsPerRow() const { return braille_ ? 4 : 1; }

  /// Dot (x, y), y growing downwards; dots outside the canvas are ignored.
  void set(long x, long y);
  /// Every dot on the straight line between two dots (Bresenham), both ends included.
  void line(long x0, long y0, long x1, long y1);

  bool cellUsed(unsigned column, unsigned row) const;
  /// One row of cells as UTF-8: a braille character or '*' per used cell, ' ' elsewhere;
  /// with `color`, runs of used cells are wrapped in cyan ANSI escapes.
  std::string renderRow(unsigned row, bool color) const;

private:
  unsigned columns_, rows_;
  bool braille_;
  std::vector<uint8_t> cells_; ///< Braille dot bits per cell (bit 0 alone in ASCII mode).
};

} // namespace tourguide::charts
