// End to end: a written report opened in headless Chromium (Debian package `chromium`).
// --dump-dom shows what the browser made of the page; --screenshot shows it was drawn.
#include "HeadlessChromium.h"
#include "HostileSession.h"
#include "tourguide/report/SessionReport.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace tourguide::report;
using namespace tourguide::report::testing;
using namespace tourguide::testing;

namespace {

class ChromiumRenderTest : public ::testing::Test {
protected:
  void SetUp() override {
    if (access(chromiumPath().c_str(), X_OK) != 0)
      GTEST_SKIP() << "headless Chromium not found at " << chromiumPath()
                   << " (install the Debian package 'chromium')";
    char pattern[] = "/tmp/tourguide-chromium-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir = pattern;
    page = dir + "/report.html";
    ASSERT_EQ(writeHtmlReport(session, page), "");
  }
  void TearDown() override {
    if (!dir.empty())
      std::filesystem::remove_all(dir);
  }

  /// Chromium with no network, no profile of the user's, and a time limit.
  std::string chromium(const std::string &action) const { return chromiumCommand(dir + "/profile", action, page); }

  SessionRecord session = hostileSession();
  std::string dir, page;
};

TEST_F(ChromiumRenderTest, ThePageShowsTitlesValuesAndChartLabels) {
  std::string dom = capture(chromium("--dump-dom"));
  ASSERT_NE(dom.find("<body"), std::string::npos) << "no DOM from Chromium:\n" << dom;
  // Nothing the tour said became an element: the script tags are text on the page.
  EXPECT_EQ(lowercase(dom).find("<script"), std::string::npos);
  EXPECT_EQ(lowercase(dom).find("<img"), std::string::npos);
  std::string text = textOf(dom);
  for (const std::string &shown :
       {"MLP tour " + Script, "Batch is read " + Script, std::string("Cross-entropy"),
        std::string("SGD step"), "Accuracy " + Script,
        "Not reached: the program exited first " + Script, std::string("batch->size"),
        std::string("0.3117"), std::string("could not read: optimized out"),
        std::string("if (a < b && c > d)"), std::string("Stops reached"), std::string("3 of 4"),
        std::string("Collected values"), "loss " + Script,
        std::string("last 0.875 · min 0.5 at epoch 1 · max 0.875 · 3 points"),
        std::string(" step "), std::string(" epoch "), std::string(" 0.875 "),
        std::string("1 value skipped (NaN or Inf)")})
    EXPECT_NE(text.find(shown), std::string::npos) << "not on the page: " << shown;
}

TEST_F(ChromiumRenderTest, TheScreenshotIsAWholeDrawnPage) {
  std::string shot = dir + "/report.png";
  capture(chromium("--screenshot=" + shot + " --window-size=1200,2000"));
  std::ifstream in(shot, std::ios::binary);
  ASSERT_TRUE(in) << "Chromium wrote no screenshot";
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string png = bytes.str();
  ASSERT_GE(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  auto bigEndian = [&](size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  EXPECT_EQ(bigEndian(16), 1200u); // IHDR width
  EXPECT_EQ(bigEndian(20), 2000u); // IHDR height
  // A blank 1200x2000 page compresses to about 10 KB; cards, text and charts to hundreds.
  EXPECT_GT(png.size(), 60u * 1024) << "the screenshot looks empty";
  if (const char *keep = std::getenv("TOURGUIDE_REPORT_SCREENSHOT"))
    std::filesystem::copy_file(shot, keep, std::filesystem::copy_options::overwrite_existing);
}

} // namespace
