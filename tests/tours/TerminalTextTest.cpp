// The one sanitizer for text from tours and repos (tours::sanitizeLine / sanitizeOutput).
#include "tourguide/tours/TerminalText.h"

#include <gtest/gtest.h>

using tourguide::tours::sanitizeLine;
using tourguide::tours::sanitizeOutput;

namespace {

TEST(TerminalText, C0ControlsAndDelAreShownAsQuestionMarks) {
  EXPECT_EQ(sanitizeLine("a\x1b[2Jb\tc"), "a?[2Jb c");
  EXPECT_EQ(sanitizeLine("\x1b]52;c;SGVsbG8=\x07"), "?]52;c;SGVsbG8=?"); // OSC 52: clipboard
  EXPECT_EQ(sanitizeLine(std::string("a\0b\rc\nd\x7f", 8)), "a?b?c?d?");
}

TEST(TerminalText, C1ControlsRawAndUtf8Encoded) {
  EXPECT_EQ(sanitizeLine("\xc2\x9b" "2J"), "?2J");           // U+009B CSI
  EXPECT_EQ(sanitizeLine("\xc2\x9d" "0;t\xc2\x9c"), "?0;t?"); // U+009D OSC ... U+009C ST
  EXPECT_EQ(sanitizeLine("\xc2\x80\xc2\x9f"), "??");
  EXPECT_EQ(sanitizeLine("\x9b" "2J"), "?2J"); // a raw C1 byte is not UTF-8 either
}

TEST(TerminalText, BytesThatAreNotUtf8) {
  EXPECT_EQ(sanitizeLine("\xe0\x82\x9b"), "???");     // an overlong U+009B
  EXPECT_EQ(sanitizeLine("\xed\xa0\x80"), "???");     // a surrogate
  EXPECT_EQ(sanitizeLine("\xf4\x90\x80\x80"), "????"); // over U+10FFFF
  EXPECT_EQ(sanitizeLine("ab\xc3"), "ab?");            // truncated
  EXPECT_EQ(sanitizeLine("\xff\xfe"), "??");
}

TEST(TerminalText, BidirectionalOverridesAreShown) {
  EXPECT_EQ(sanitizeLine("a\xe2\x80\xae" "b\xe2\x81\xa6" "c"), "a?b?c"); // U+202E, U+2066
}

TEST(TerminalText, PrintableTextIsKept) {
  const std::string text = "Σ_k x[i][k] · W[o][k] → é, 日本, 😀, ±1/√64";
  EXPECT_EQ(sanitizeLine(text), text);
  EXPECT_EQ(sanitizeOutput(text), text);
}

TEST(TerminalText, OutputKeepsLinesTabsAndColoursOnly) {
  EXPECT_EQ(sanitizeOutput("\x1b[1;33m> 3\x1b[0m | x\n1\t2\n"), "\x1b[1;33m> 3\x1b[0m | x\n1\t2\n");
  EXPECT_EQ(sanitizeOutput("\x1b[m"), "\x1b[m");
  EXPECT_EQ(sanitizeOutput("\x1b[2J\x1b[H\x1b]52;c;eA==\x07\x1b[1;1H"), "?[2J?[H?]52;c;eA==??[1;1H");
  EXPECT_EQ(sanitizeOutput("a\rb\xc2\x9b" "31m"), "a?b?31m");
  EXPECT_EQ(sanitizeOutput("\x1b["), "?[");
}

} // namespace
