// `tourguide validate` at scale: excerpts in linear time (line starts indexed once), long
// lines cut to a window around the column, a cap on the diagnostics printed with a count of
// the rest, and a position for a number out of range.
#include "DiagnosticPrinter.h"
#include "RunCommand.h"
#include "tourguide/tours/TourFile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using testing::HasSubstr;

namespace tourguide::tours {
namespace {

class ValidateScale : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("tg-validate-scale-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string write(const std::string &name, const std::string &text) {
    std::ofstream((dir / name).string(), std::ios::binary) << text;
    return (dir / name).string();
  }
  static size_t longestLine(const std::string &text) {
    size_t longest = 0, start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos)
        end = text.size();
      longest = std::max(longest, end - start);
      start = end + 1;
    }
    return longest;
  }
  fs::path dir;
};

TEST_F(ValidateScale, ANumberOutOfRangeHasItsPosition) {
  LoadResult r = parseTour("{\n  \"version\": 1,\n  \"hit\": 1e99999\n}\n", "t.json");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].format(),
            "t.json:3:10: error: number out of range: 1e99999 is larger than any number a tour can hold");
  r = parseTour("[-1E+99999]", "t.json");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].format(),
            "t.json:1:2: error: number out of range: -1E+99999 is larger than any number a tour can hold");
}

TEST_F(ValidateScale, ALongLineIsCutToAWindowAroundTheColumn) {
  std::string line = std::string(500, 'a') + "X" + std::string(500, 'b');
  std::string snippet = cli::sourceSnippet(line, 1, 501);
  std::string shown = "..." + std::string(60, 'a') + "X" + std::string(59, 'b') + "...";
  EXPECT_EQ(snippet, shown + "\n" + std::string(63, ' ') + "^\n");
  // Near the start: no cut on the left.
  EXPECT_EQ(cli::sourceSnippet(line, 1, 3), std::string(120, 'a') + "...\n  ^\n");
  // Columns count characters, not bytes.
  std::string wide;
  for (int i = 0; i < 300; ++i)
    wide += "\xC3\xA9"; // é
  std::string cut = cli::sourceSnippet(wide, 1, 200);
  EXPECT_EQ(cut.substr(0, 3), "...");
  EXPECT_EQ(cut.find('^') - cut.find('\n') - 1, 63u);
}

TEST_F(ValidateScale, ThousandsOfErrorsOnOneLongLineAreCappedAndCut) {
  // A 35 KB one-line file with 4,000 duplicate keys printed 348 MB before.
  std::string text = "{\"version\": 1";
  for (int i = 0; i < 4000; ++i)
    text += ", \"a\": 1";
  text += "}";
  std::string file = write("dups.json", text);
  test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", file});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_LT(r.out.size(), 200000u);
  EXPECT_LT(longestLine(r.out), 400u) << "an excerpt is not cut";
  // 3999 duplicate keys and 3 missing keys; the summary counts every one.
  EXPECT_NE(r.out.find("\n3903 more errors not shown (the first 100 are above; "
                       "--max-diagnostics=0 shows all).\n4003 errors generated.\n"),
            std::string::npos);
}

TEST_F(ValidateScale, FortyThousandErrorsTakeLinearTime) {
  std::string text = "{\n\"version\": 1,\n\"title\": \"T\"";
  for (int i = 0; i < 40000; ++i)
    text += ",\n\"title\": \"T\"";
  text += "\n}\n";
  std::string file = write("many.json", text);
  auto start = std::chrono::steady_clock::now();
  test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", "--max-diagnostics=0", file});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find(":40003:1: error: duplicate key 'title'"), std::string::npos);
  EXPECT_EQ(r.out.find("not shown"), std::string::npos);
  EXPECT_LT(seconds, 30.0); // 63 s when every excerpt rescanned the file
}

TEST_F(ValidateScale, TheCapIsAnOption) {
  std::string text = "{\n\"version\": 1";
  for (int i = 0; i < 5; ++i)
    text += ",\n\"version\": 1";
  text += "\n}\n";
  std::string file = write("five.json", text);
  test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", "--max-diagnostics=2", file});
  // 5 duplicate keys and 3 missing keys.
  EXPECT_THAT(r.out, HasSubstr("\n6 more errors not shown (the first 2 are above; --max-diagnostics=0 shows all).\n"
                               "8 errors generated.\n"));
  r = test::runCommand({TOURGUIDE_BINARY, "validate", "--max-diagnostics=x", file});
  EXPECT_EQ(r.exitCode, 2);
}

} // namespace
} // namespace tourguide::tours
