#include "tourguide/render/TextLayout.h"

#include <gtest/gtest.h>

using namespace tourguide::render;

TEST(TextLayout, WidthIgnoresAnsiAndCountsCodePoints) {
  EXPECT_EQ(displayWidth("abc"), 3u);
  EXPECT_EQ(displayWidth("\x1b[1;36mabc\x1b[0m"), 3u);
  EXPECT_EQ(displayWidth("\xc3\xa9t\xc3\xa9"), 3u); // "été"
}

TEST(TextLayout, WrapsAtWordsWithinWidth) {
  std::vector<std::string> lines = wrapText("the quick brown fox jumps over", 10, "", "");
  std::vector<std::string> expected = {"the quick", "brown fox", "jumps over"};
  EXPECT_EQ(lines, expected);
}

TEST(TextLayout, WrapUsesIndentsAndHardBreaks) {
  std::vector<std::string> lines = wrapText("one two three\nfour", 12, "- ", "  ");
  std::vector<std::string> expected = {"- one two", "  three", "  four"};
  EXPECT_EQ(lines, expected);
}

TEST(TextLayout, WrapSplitsAWordLongerThanTheLine) {
  std::vector<std::string> lines = wrapText("abcdefghijkl", 10, "", "");
  std::vector<std::string> expected = {"abcdefghij", "kl"};
  EXPECT_EQ(lines, expected);
}

TEST(TextLayout, WrapCarriesAnOpenStyleToTheNextLine) {
  std::vector<std::string> lines = wrapText("\x1b[1mbold words here\x1b[0m", 10, "", "");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "\x1b[1mbold words\x1b[0m");
  EXPECT_EQ(lines[1], "\x1b[1mhere\x1b[0m");
}

TEST(TextLayout, TruncateKeepsShortTextAndMarksCuts) {
  EXPECT_EQ(truncateToWidth("short", 10), "short");
  EXPECT_EQ(truncateToWidth("exactly10!", 10), "exactly10!");
  EXPECT_EQ(truncateToWidth("this is too long", 10), "this is...");
  EXPECT_EQ(truncateToWidth("\x1b[31mthis is too long\x1b[0m", 10), "\x1b[31mthis is\x1b[0m...");
}

TEST(TextLayout, ExpandTabsToStops) {
  EXPECT_EQ(expandTabs("\tx", 4), "    x");
  EXPECT_EQ(expandTabs("ab\tc", 4), "ab  c");
}

TEST(TextLayout, SanitizeRemovesTerminalControls) {
  EXPECT_EQ(sanitize("a\x1b[2Jb\tc"), "a?[2Jb c");
}

TEST(TextLayout, StyledOnlyWithColor) {
  EXPECT_EQ(styled("x", "1", false), "x");
  EXPECT_EQ(styled("x", "1", true), "\x1b[1mx\x1b[0m");
}
