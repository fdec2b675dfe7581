// In-place anchor edits: only the repaired tokens change, a missing member is added in the
// layout of its neighbours, and columns count characters the way the tours library does.
#include "tourguide/checker/AnchorEditor.h"

#include <gtest/gtest.h>

namespace tourguide::checker {
namespace {

const char *const kOneLine = R"({
  "version": 1, "title": "t", "program": {"path": "a"},
  "stops": [
    {"id": "a", "stage": "loss", "title": "é ü", "anchor": {"function": "f", "pattern": "x \"q\" = 1;", "line": 12}}
  ]
}
)";

TEST(ApplyFieldEdits, ReplacesOnlyTheValueTokens) {
  std::string text = kOneLine, error;
  ASSERT_TRUE(applyFieldEdits(text, {{"/stops/0/anchor", "pattern", "\"y = 2;\""}, {"/stops/0/anchor", "line", "15"}}, error)) << error;
  std::string expected = kOneLine;
  expected.replace(expected.find("\"x \\\"q\\\" = 1;\""), 14, "\"y = 2;\"");
  expected.replace(expected.find("12}"), 2, "15");
  EXPECT_EQ(text, expected);
}

TEST(ApplyFieldEdits, AddsAMissingMemberOnTheAnchorsLine) {
  std::string text = kOneLine, error;
  ASSERT_TRUE(applyFieldEdits(text, {{"/stops/0/anchor", "file", "\"src/a.c\""}}, error)) << error;
  EXPECT_NE(text.find("\"line\": 12, \"file\": \"src/a.c\"}}"), std::string::npos) << text;
}

TEST(ApplyFieldEdits, AddsAMissingMemberOnItsOwnLineInAMultiLineAnchor) {
  std::string text = "{\"stops\": [{\n  \"anchor\": {\n    \"function\": \"f\",\n    \"pattern\": \"p\"\n  }\n}]}\n";
  std::string error;
  ASSERT_TRUE(applyFieldEdits(text, {{"/stops/0/anchor", "line", "7"}}, error)) << error;
  EXPECT_EQ(text, "{\"stops\": [{\n  \"anchor\": {\n    \"function\": \"f\",\n    \"pattern\": \"p\",\n    \"line\": 7\n  }\n}]}\n");
}

TEST(ApplyFieldEdits, FailsWithoutTouchingTheTextWhenTheStopIsMissing) {
  std::string text = kOneLine, error;
  EXPECT_FALSE(applyFieldEdits(text, {{"/stops/3/anchor", "line", "1"}}, error));
  EXPECT_EQ(text, kOneLine);
  EXPECT_EQ(error, "cannot find the object /stops/3/anchor in the text");
}

TEST(ApplyFieldEdits, EditsTheAnchorsOfSeriesByTheirPointers) {
  const std::string original = R"({
  "stops": [
    {"id": "a", "anchor": {"function": "f"},
     "collect": [{"name": "here", "expr": "x"}, {"name": "there", "expr": "y", "anchor": {"function": "g"}}]}
  ],
  "collect": [{"name": "loss", "expr": "loss", "anchor": {"function": "spinn", "pattern": "p"}}]
}
)";
  std::string text = original, error;
  ASSERT_TRUE(applyFieldEdits(text,
                              {{"/collect/0/anchor", "function", "\"spin\""},
                               {"/stops/0/collect/1/anchor", "function", "\"gg\""},
                               {"/stops/0/collect/1/anchor", "line", "3"}},
                              error))
      << error;
  std::string expected = original;
  expected.replace(expected.find("\"spinn\""), 7, "\"spin\"");
  expected.replace(expected.find("{\"function\": \"g\"}"), 17, "{\"function\": \"gg\", \"line\": 3}");
  EXPECT_EQ(text, expected);
  // The stop's own anchor and the item without one are untouched; an item without an anchor
  // has no object to edit.
  text = original;
  EXPECT_FALSE(applyFieldEdits(text, {{"/stops/0/collect/0/anchor", "line", "1"}}, error));
  EXPECT_EQ(text, original);
  EXPECT_EQ(error, "cannot find the object /stops/0/collect/0/anchor in the text");
}

TEST(OffsetOfPosition, CountsAUtf8SequenceAsOneColumn) {
  std::string text = "\xEF\xBB\xBF" "ab\n\xC3\xA9x";
  EXPECT_EQ(offsetOfPosition(text, 1, 1), 3u);
  EXPECT_EQ(offsetOfPosition(text, 2, 2), 8u); // after "é" (two bytes)
  EXPECT_EQ(text[offsetOfPosition(text, 2, 2)], 'x');
  EXPECT_EQ(offsetOfPosition(text, 3, 1), std::string::npos);
}

} // namespace
} // namespace tourguide::checker
