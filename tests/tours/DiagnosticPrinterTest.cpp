// The clang-style snippet under each diagnostic.
#include "DiagnosticPrinter.h"

#include <gtest/gtest.h>

#include <sstream>

namespace tourguide::cli {
namespace {

TEST(SourceSnippet, PutsTheCaretUnderTheColumn) {
  EXPECT_EQ(sourceSnippet("a\n  \"hit\": 0\n", 2, 10), "  \"hit\": 0\n         ^\n");
}

TEST(SourceSnippet, KeepsTabsAndCountsUtf8AsOneColumn) {
  EXPECT_EQ(sourceSnippet("\t\"x\": \"\xC3\xA9\", 1", 1, 11), "\t\"x\": \"\xC3\xA9\", 1\n\t         ^\n");
}

TEST(SourceSnippet, HandlesCrLfTheEndOfTheLineAndMissingLines) {
  EXPECT_EQ(sourceSnippet("ab\r\ncd", 1, 3), "ab\n  ^\n");
  EXPECT_EQ(sourceSnippet("ab", 1, 1), "ab\n^\n");
  EXPECT_EQ(sourceSnippet("ab", 3, 1), "");
  EXPECT_EQ(sourceSnippet("ab", 0, 0), "");
}

TEST(PrintDiagnostic, WithoutColourItIsFormatThenTheSnippet) {
  tours::Diagnostic d{tours::Severity::Warning, "t.json", 1, 3, "/a", "unknown stage 'x'"};
  std::ostringstream out;
  printDiagnostic(out, d, "{ \"a\": 1 }", PrintOptions{});
  EXPECT_EQ(out.str(), d.format() + "\n{ \"a\": 1 }\n  ^\n");
  EXPECT_EQ(d.format(), "t.json:1:3: warning: unknown stage 'x' [at /a]");
}

TEST(SummaryLine, CountsErrorsAndWarnings) {
  EXPECT_EQ(summaryLine(0, 0), "");
  EXPECT_EQ(summaryLine(1, 0), "1 error generated.");
  EXPECT_EQ(summaryLine(0, 1), "1 warning generated.");
  EXPECT_EQ(summaryLine(3, 2), "3 errors and 2 warnings generated.");
}

} // namespace
} // namespace tourguide::cli
