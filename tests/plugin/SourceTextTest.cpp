// The two small rules the anchor resolver relies on: whitespace-insensitive pattern search
// (docs/tour-format.md: "Runs of whitespace compare equal to one space") and stop lookup by
// id or 1-based position.
#include "SourceText.h"
#include "TourSession.h"

#include <gtest/gtest.h>

using namespace tourguide::plugin;

TEST(CollapseWhitespace, RunsBecomeOneSpaceAndEndsAreTrimmed) {
  EXPECT_EQ(collapseWhitespace("  w[i]  -=\tlr *\n g[i];  "), "w[i] -= lr * g[i];");
  EXPECT_EQ(collapseWhitespace(""), "");
  EXPECT_EQ(collapseWhitespace(" \t "), "");
}

TEST(FindPattern, MatchesAcrossReformattingWithinTheRange) {
  std::vector<std::string> lines = {"int f() {", "  total   +=\tloss;", "  total += loss;", "}"};
  EXPECT_EQ(findPattern(lines, "total += loss;"), (std::vector<unsigned>{2, 3}));
  EXPECT_EQ(findPattern(lines, "total += loss;", 3, 4), (std::vector<unsigned>{3}));
  EXPECT_EQ(findPattern(lines, "total += loss;", 0, 99), (std::vector<unsigned>{2, 3}));
  EXPECT_TRUE(findPattern(lines, "totals").empty());
  EXPECT_TRUE(findPattern(lines, "   ").empty()); // an empty pattern matches nothing
}

TEST(FindStop, ByIdThenByPosition) {
  TourSession s;
  s.tour.emplace();
  for (const char *id : {"setup", "2", "loss"}) {
    tourguide::tours::Stop stop;
    stop.id = id;
    s.tour->stops.push_back(stop);
  }
  EXPECT_EQ(s.findStop("loss"), 2);
  EXPECT_EQ(s.findStop("2"), 1);  // an id made of digits wins over the position
  EXPECT_EQ(s.findStop("3"), 2);
  EXPECT_EQ(s.findStop("0"), -1);
  EXPECT_EQ(s.findStop("4"), -1);
  EXPECT_EQ(s.findStop("-1"), -1);
  EXPECT_EQ(s.findStop("99999999999999999999"), -1);
  EXPECT_EQ(s.findStop(""), -1);
}
