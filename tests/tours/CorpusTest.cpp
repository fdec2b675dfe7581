// `tourguide validate` on every corpus file: its output must equal the file's .expected
// (exact text, including source lines and carets) and its exit code must match the folder.
// Set TOURGUIDE_UPDATE_EXPECTED=1 to rewrite the .expected files, then review the diff.
#include "RunCommand.h"
#include "TestFiles.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace tourguide::tours {
namespace {

namespace fs = std::filesystem;

/// Validates `path` from its own folder, so the output names it as a user would type it.
test::CommandResult validateInItsFolder(const std::string &path) {
  fs::path file(path);
  return test::runCommand({TOURGUIDE_BINARY, "validate", "--color=never", file.filename().string()},
                          file.parent_path().string());
}

void checkAgainstExpected(const std::string &path, int expectedExit, bool expectedRequired) {
  SCOPED_TRACE(path);
  test::CommandResult result = validateInItsFolder(path);
  EXPECT_EQ(result.exitCode, expectedExit) << result.out << result.err;
  EXPECT_EQ(result.err, "");
  std::string expectedPath = test::expectedPathFor(path);
  if (std::getenv("TOURGUIDE_UPDATE_EXPECTED") && (expectedRequired || !result.out.empty())) {
    std::ofstream(expectedPath, std::ios::binary) << result.out;
    return;
  }
  if (!fs::exists(expectedPath)) {
    EXPECT_FALSE(expectedRequired) << "missing " << expectedPath;
    EXPECT_EQ(result.out, "") << "a good file without .expected must validate silently";
    return;
  }
  EXPECT_EQ(result.out, test::readFile(expectedPath));
}

class BadCorpus : public testing::TestWithParam<std::string> {};
class GoodCorpus : public testing::TestWithParam<std::string> {};

TEST_P(BadCorpus, FailsWithTheExpectedDiagnostics) { checkAgainstExpected(GetParam(), 1, true); }

TEST_P(GoodCorpus, PassesWithAtMostTheExpectedWarnings) { checkAgainstExpected(GetParam(), 0, false); }

std::string nameOf(const testing::TestParamInfo<std::string> &info) {
  return test::testNameFor(info.param);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadCorpus, testing::ValuesIn(test::badCorpus()), nameOf);
INSTANTIATE_TEST_SUITE_P(Corpus, GoodCorpus, testing::ValuesIn(test::goodCorpus()), nameOf);

TEST(Corpus, IsLargeEnough) {
  // At least one file per kind of mistake (see DiagnosticsTest.cpp for the kinds).
  EXPECT_GE(test::badCorpus().size(), 12u);
  EXPECT_GE(test::goodCorpus().size(), 4u);
}

TEST(Corpus, EveryExpectedFileBelongsToAJsonFile) {
  for (const char *dir : {TOURS_CORPUS_DIR "/good", TOURS_CORPUS_DIR "/bad"}) {
    for (const auto &entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".expected") {
        EXPECT_TRUE(fs::exists(fs::path(entry.path()).replace_extension(".json"))) << entry.path();
      }
    }
  }
}

} // namespace
} // namespace tourguide::tours
