// Helpers shared by the plugin's end-to-end tests.
#pragma once

#include "LldbSession.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace tourguide::testing {

/// The line of an annotation that shows watch `label` ("" when there is none). Watch lines
/// start with the label after indentation, which keeps "b->size" from matching the text.
inline std::string watchLine(const std::string &annotation, const std::string &label) {
  size_t begin = 0;
  while (begin < annotation.size()) {
    size_t end = annotation.find('\n', begin);
    if (end == std::string::npos)
      end = annotation.size();
    std::string line = annotation.substr(begin, end - begin);
    size_t first = line.find_first_not_of(' ');
    if (first != std::string::npos && first > 0 && line.compare(first, label.size(), label) == 0 &&
        line.size() > first + label.size() && line[first + label.size()] == ' ')
      return line;
    begin = end + 1;
  }
  return {};
}

/// Checks that an annotation shows stop `position` ("2/4") with `title`, marks source line
/// `line`, and shows watch `label` with `value` in it.
inline ::testing::AssertionResult showsStop(const std::string &text, const std::string &position,
                                            const std::string &title, unsigned line) {
  if (text.find(position) == std::string::npos)
    return ::testing::AssertionFailure() << "no position " << position << " in:\n" << text;
  if (text.find(title) == std::string::npos)
    return ::testing::AssertionFailure() << "no title '" << title << "' in:\n" << text;
  std::string marker = "> " + std::to_string(line) + " ";
  if (text.find(marker) == std::string::npos)
    return ::testing::AssertionFailure() << "line " << line << " is not marked ('" << marker << "') in:\n" << text;
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult watchShows(const std::string &text, const std::string &label,
                                             const std::string &value) {
  std::string line = watchLine(text, label);
  if (line.empty())
    return ::testing::AssertionFailure() << "no watch line for '" << label << "' in:\n" << text;
  if (line.find(value) == std::string::npos)
    return ::testing::AssertionFailure() << "watch '" << label << "' does not show " << value << ": " << line;
  return ::testing::AssertionSuccess();
}

/// One point of a collected series.
struct PlotPoint {
  double x = 0, y = 0;
};

/// The points `tour plot --values NAME` printed: its "x<TAB>y" lines.
inline std::vector<PlotPoint> plottedPoints(const std::string &text) {
  std::vector<PlotPoint> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    PlotPoint p;
    char extra;
    if (std::sscanf(line.c_str(), "%lf\t%lf%c", &p.x, &p.y, &extra) == 2)
      out.push_back(p);
  }
  return out;
}

} // namespace tourguide::testing
