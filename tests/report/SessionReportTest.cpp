// The page's structure: one card per stop, escaping everywhere, nothing external.
#include "HostileSession.h"
#include "tourguide/report/SessionReport.h"

#include <gtest/gtest.h>

using namespace tourguide::report;
using namespace tourguide::report::testing;

namespace {

class SessionReportTest : public ::testing::Test {
protected:
  SessionRecord session = hostileSession();
  std::string html = renderHtml(session);
};

TEST_F(SessionReportTest, IsOneHtmlDocument) {
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(occurrences(html, "<html"), 1u);
  EXPECT_EQ(occurrences(html, "</html>"), 1u);
  EXPECT_EQ(occurrences(html, "<style>"), 1u);
}

TEST_F(SessionReportTest, EveryHostileStringIsEscaped) {
  std::string lower = lowercase(html);
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("onerror="), std::string::npos);
  EXPECT_EQ(lower.find("onclick="), std::string::npos);
  EXPECT_EQ(lower.find("javascript:"), std::string::npos);
  // Title (twice: <title> and <h1>), stop titles (card and contents), a watch value, the reason
  // a stop was not reached, and the series name (caption, SVG label and SVG title).
  const std::string escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
  EXPECT_GE(occurrences(html, escaped), 2u + 2u + 2u + 1u + 1u + 3u);
  EXPECT_NE(html.find("MLP tour " + escaped), std::string::npos);
  EXPECT_NE(html.find("<td class=\"value\">" + escaped + "</td>"), std::string::npos);
  EXPECT_NE(html.find("the program exited first " + escaped), std::string::npos);
  EXPECT_NE(html.find("return 0; // &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"), std::string::npos);
}

TEST_F(SessionReportTest, LoadsNothingFromOutside) {
  std::string lower = lowercase(html);
  for (const char *reference : {"http://", "https://", "src=", "url(", "@import", "<link", "<img",
                                "<iframe", "<object", "<embed", "xlink:href", "//fonts."})
    EXPECT_EQ(lower.find(reference), std::string::npos) << reference;
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

TEST_F(SessionReportTest, OneCardPerStopAndTheUnreachedOneGreyed) {
  EXPECT_EQ(occurrences(html, "<article class=\"stop"), session.stops.size());
  EXPECT_EQ(occurrences(html, "<article class=\"stop unreached\""), 1u);
  for (size_t i = 1; i <= session.stops.size(); ++i) {
    std::string id = "id=\"stop-" + std::to_string(i) + "\"";
    EXPECT_EQ(occurrences(html, id), 1u) << id;
    EXPECT_EQ(occurrences(html, "href=\"#stop-" + std::to_string(i) + "\""), 1u);
  }
  EXPECT_NE(html.find("<span class=\"count\">3/4</span>"), std::string::npos);
  EXPECT_NE(html.find("Not reached: the program exited first"), std::string::npos);
  EXPECT_NE(html.find("<dt>Stops reached</dt><dd>3 of 4</dd>"), std::string::npos);
}

TEST_F(SessionReportTest, ContentsGroupsStopsByStage) {
  EXPECT_EQ(occurrences(html, "<div class=\"toc-stage\">"), 4u);
  // The known stages have their own colours.
  EXPECT_NE(html.find("--fg:#1d4ed8;--bg:#dbeafe\">data</span>"), std::string::npos);
  EXPECT_NE(html.find("--fg:#b91c1c;--bg:#fee2e2\">loss</span>"), std::string::npos);
}

TEST_F(SessionReportTest, StopShowsMarkdownSourceAndWatches) {
  EXPECT_NE(html.find("<p>Copies <strong>rows</strong> into <code>batch-&gt;x</code>.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"where\">src/loader.c:42</p>"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"here\"><td class=\"ln\">42</td><td>  fread(batch-&gt;x, 4, n, f);"
                      "</td></tr>"),
            std::string::npos);
  EXPECT_EQ(occurrences(html, "<tr class=\"here\">"), 1u);
  EXPECT_NE(html.find("<td class=\"label\">batch-&gt;size</td><td class=\"value\">32</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"value error\">could not read: optimized out</td>"),
            std::string::npos);
  EXPECT_NE(html.find("reached at 17:03:12"), std::string::npos);
}

TEST_F(SessionReportTest, WhatChangedIsShownUnderTheValueEscaped) {
  EXPECT_NE(html.find("<td class=\"value\">0.05<div class=\"change\">\u0394 since stop 2 "
                      "(&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;): 0.1\u21920.05</div></td>"),
            std::string::npos);
  // Only watches with a change get the line.
  EXPECT_EQ(occurrences(html, "<div class=\"change\">"), 1u);
}

TEST_F(SessionReportTest, BadBytesFromTheProgramBecomeReplacementCharacters) {
  EXPECT_NE(html.find("bad \xEF\xBF\xBD\xEF\xBF\xBD utf8"), std::string::npos);
  EXPECT_NE(html.find("\xEF\xBF\xBD\xEF\xBF\xBDok"), std::string::npos);
}

TEST_F(SessionReportTest, OneSvgChartPerSeries) {
  EXPECT_EQ(occurrences(html, "<svg"), session.series.size());
  EXPECT_EQ(occurrences(html, "<figure class=\"chart\">"), session.series.size());
  EXPECT_NE(html.find("last 0.875 · min 0.5 at epoch 1 · max 0.875 · 3 points"),
            std::string::npos);
  EXPECT_NE(html.find("1 value skipped (NaN or Inf)"), std::string::npos);
}

TEST_F(SessionReportTest, CommandLineQuotesArgumentsWithSpaces) {
  EXPECT_NE(html.find("<code>build/train data/train.bin --name &#39;a b&quot;c&#39;</code>"),
            std::string::npos);
}

TEST(SessionReport, AnEmptySessionIsStillAPage) {
  std::string html = renderHtml(SessionRecord{});
  EXPECT_NE(html.find("<h1>Untitled tour</h1>"), std::string::npos);
  EXPECT_NE(html.find("0 of 0"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<article"), std::string::npos);
}

} // namespace
