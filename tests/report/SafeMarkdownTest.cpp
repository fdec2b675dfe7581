#include "tourguide/report/SafeMarkdown.h"

#include <gtest/gtest.h>

using tourguide::report::markdownToSafeHtml;

namespace {

TEST(SafeMarkdown, RendersCommonMark) {
  EXPECT_EQ(markdownToSafeHtml("Copies **rows** into `batch->x`."),
            "<p>Copies <strong>rows</strong> into <code>batch-&gt;x</code>.</p>\n");
}

TEST(SafeMarkdown, DropsRawHtml) {
  std::string html = markdownToSafeHtml("<script>alert(1)</script>\n\nhi <b onclick=x>there</b>");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("onclick"), std::string::npos) << html;
  EXPECT_NE(html.find("raw HTML omitted"), std::string::npos) << html;
}

TEST(SafeMarkdown, EmptiesScriptLinks) {
  std::string html = markdownToSafeHtml("[click](javascript:alert(1))");
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
  EXPECT_NE(html.find(">click</a>"), std::string::npos) << html;
}

TEST(SafeMarkdown, ImagesBecomeLinksSoNothingIsFetched) {
  std::string html = markdownToSafeHtml("See ![the plot](https://example.org/p.png \"t\").");
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_EQ(html, "<p>See <a href=\"https://example.org/p.png\" title=\"t\">the plot</a>.</p>\n");
  EXPECT_EQ(markdownToSafeHtml("![](x.png)"), "<p><a href=\"x.png\">image</a></p>\n");
}

} // namespace
