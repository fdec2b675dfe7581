#include "tourguide/report/HtmlEscape.h"

#include <gtest/gtest.h>

using tourguide::report::escapeHtml;

namespace {

TEST(HtmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(escapeHtml("<a href=\"x\">it's & more</a>"),
            "&lt;a href=&quot;x&quot;&gt;it&#39;s &amp; more&lt;/a&gt;");
}

TEST(HtmlEscape, KeepsValidUtf8TabsAndNewlines) {
  EXPECT_EQ(escapeHtml("λ = 0.5 → ok\t✓\n"), "λ = 0.5 → ok\t✓\n");
}

TEST(HtmlEscape, ReplacesInvalidUtf8AndControlCharacters) {
  EXPECT_EQ(escapeHtml("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(escapeHtml("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
  EXPECT_EQ(escapeHtml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
  EXPECT_EQ(escapeHtml("x\xE2\x82"), "x\xEF\xBF\xBD\xEF\xBF\xBD"); // cut short
  EXPECT_EQ(escapeHtml(std::string("a\0b\x1b", 4)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

} // namespace
