#include "AnnotatedText.h"
#include "JsonPositions.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

namespace tourguide::tours {
namespace {

using test::annotate;
using test::at;

TEST(JsonPositions, RecordsEveryKeyAndValue) {
  test::AnnotatedText input = annotate(R"($^{
  $^"a": $^[$^1, $^{ $^"b/c~": $^null }],
  $^"": $^"x\"y"
})");
  JsonPositions positions = scanJsonPositions(input.text);
  EXPECT_EQ(at(positions.valueAt("")), at(input.points[0]));
  EXPECT_EQ(at(positions.keyAt("/a")), at(input.points[1]));
  EXPECT_EQ(at(positions.valueAt("/a")), at(input.points[2]));
  EXPECT_EQ(at(positions.valueAt("/a/0")), at(input.points[3]));
  EXPECT_EQ(at(positions.keyAt("/a/0")), at(input.points[3])); // elements have no key
  EXPECT_EQ(at(positions.valueAt("/a/1")), at(input.points[4]));
  EXPECT_EQ(at(positions.keyAt("/a/1/b~1c~0")), at(input.points[5]));
  EXPECT_EQ(at(positions.valueAt("/a/1/b~1c~0")), at(input.points[6]));
  EXPECT_EQ(at(positions.keyAt("/")), at(input.points[7]));
  EXPECT_EQ(at(positions.valueAt("/")), at(input.points[8]));
  EXPECT_TRUE(positions.duplicates.empty());
  EXPECT_EQ(at(positions.valueAt("/missing")), "0:0");
}

TEST(JsonPositions, DecodesEscapedKeys) {
  JsonPositions positions = scanJsonPositions(R"({"\u00e9t\u00e9": 1})");
  EXPECT_EQ(at(positions.keyAt("/\xC3\xA9t\xC3\xA9")), "1:2");
}

TEST(JsonPositions, CountsCharactersNotBytesAndSkipsTheByteOrderMark) {
  test::AnnotatedText input = annotate("\xEF\xBB\xBF{ \"\xC3\xA9\xE2\x86\x92\": $^1,\t$^\"b\": 2 }");
  JsonPositions positions = scanJsonPositions(input.text);
  EXPECT_EQ(at(positions.valueAt("/\xC3\xA9\xE2\x86\x92")), "1:9");
  EXPECT_EQ(at(positions.keyAt("/b")), "1:12");
  EXPECT_EQ(at(positionOfOffset(input.text, input.text.find("\"b\""))), "1:12");
}

TEST(JsonPositions, FindsDuplicateKeysInEachObject) {
  JsonPositions positions = scanJsonPositions("{\"a\": 1,\n \"b\": {\"a\": 2},\n \"a\": 3}");
  ASSERT_EQ(positions.duplicates.size(), 1u);
  EXPECT_EQ(positions.duplicates[0].pointer, "/a");
  EXPECT_EQ(positions.duplicates[0].key, "a");
  EXPECT_EQ(at(positions.duplicates[0].first), "1:2");
  EXPECT_EQ(at(positions.duplicates[0].duplicate), "3:2");
}

TEST(JsonPositions, DeepNestingIsWalkedButNotRecorded) {
  // An explicit stack (no recursion to overflow), and no positions below 64 levels, where
  // pointers would grow quadratically. Later keys are still found.
  std::string deep = "{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + ", \"b\": 1}";
  JsonPositions positions = scanJsonPositions(deep);
  EXPECT_EQ(at(positions.valueAt("/a/0/0")), "1:9");
  EXPECT_LT(positions.entries.size(), 100u);
  EXPECT_EQ(at(positions.keyAt("/b")), "1:200009");
}

TEST(JsonPositions, DeeplyNestedTourIsRejectedQuickly) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  LoadResult result = parseTour(deep, "t.json");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].format(),
            "t.json:1:1: error: expected an object for the tour, found an array");
}

TEST(PositionOfOffset, CountsLinesAndCharacters) {
  std::string text = "ab\n\xC3\xA9x\n";
  EXPECT_EQ(at(positionOfOffset(text, 0)), "1:1");
  EXPECT_EQ(at(positionOfOffset(text, 3)), "2:1");
  EXPECT_EQ(at(positionOfOffset(text, 5)), "2:2");
  EXPECT_EQ(at(positionOfOffset(text, 100)), "3:1");
}

TEST(EscapeJsonPointer, EscapesTildeAndSlash) {
  EXPECT_EQ(escapeJsonPointer("a/b~c"), "a~1b~0c");
}

} // namespace
} // namespace tourguide::tours
