// `tourguide validate --fix-format`: a hand-edited tour is rewritten in tourguide's layout and
// says the same thing; a file already in it, or with errors, is left as it is; every valid
// corpus file and sample tour, rewritten in a temporary copy, loads back to the same tour.
#include "RunCommand.h"
#include "TestFiles.h"
#include "TourEquality.h"
#include "tourguide/tours/TourFile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using testing::HasSubstr;

namespace tourguide::tours {
namespace {

class FixFormat : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("tg-fix-format-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string write(const std::string &name, const std::string &text) {
    std::string path = (dir / name).string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir;
};

TEST_F(FixFormat, AHandEditedTourIsRewrittenAndSaysTheSame) {
  const std::string edited = R"({
    "stops": [
        {
            "title": "The loss",
            "anchor": {"line": 12, "file": "src/loss.c", "pattern": "loss  +=  d * d;"},
            "id": "loss", "stage": "loss", "hit": 1,
            "watch": [{"expr": "loss"}, {"expr": "x", "count": 4, "label": "inputs"}],
            "text": "caf\u00e9 au lait"
        }
    ],
    "program": {"cwd": "${program_dir}", "path": "build/train", "args": []},
    "title": "Hand-edited",
    "version": 1
}
)";
  std::string path = write("t.json", edited);
  test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", "--fix-format", path});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr(path + ": rewritten in tourguide's layout\n"));
  std::string now = test::readFile(path);
  EXPECT_EQ(now, R"({
  "version": 1,
  "title": "Hand-edited",
  "program": {
    "path": "build/train",
    "cwd": "${program_dir}"
  },
  "stops": [
    {
      "id": "loss",
      "stage": "loss",
      "title": "The loss",
      "text": "café au lait",
      "anchor": { "file": "src/loss.c", "pattern": "loss  +=  d * d;", "line": 12 },
      "watch": ["loss", { "expr": "x", "label": "inputs", "count": 4 }]
    }
  ]
}
)");
  LoadResult before = parseTour(edited, path), after = loadTourFile(path);
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(test::contentDifference(*before.tour, *after.tour), "");

  r = test::runCommand({TOURGUIDE_BINARY, "validate", "--fix-format", path});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_THAT(r.out, HasSubstr(path + ": already in tourguide's layout\n"));
  EXPECT_EQ(test::readFile(path), now);
}

TEST_F(FixFormat, AFileWithErrorsIsLeftAsItIs) {
  const std::string broken = "{ \"version\": 1, \"title\": \"x\", \"program\": { \"path\": \"p\" }, \"stops\": [] }\n";
  std::string path = write("bad.json", broken);
  test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", "--fix-format", path});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_THAT(r.out, HasSubstr("error: a tour needs at least one stop"));
  EXPECT_THAT(r.out, HasSubstr(path + ": not rewritten: it has errors (fix them first)\n"));
  EXPECT_EQ(test::readFile(path), broken);
}

TEST_F(FixFormat, EveryValidTourKeepsItsContent) {
  std::vector<std::string> files = test::goodCorpus();
  for (const std::string &sample : test::sampleTours())
    files.push_back(sample);
  ASSERT_GT(files.size(), 5u);
  size_t n = 0;
  for (const std::string &file : files) {
    SCOPED_TRACE(file);
    LoadResult original = loadTourFile(file);
    if (!original.ok())
      continue;
    // The copy stays in a folder of the same shape, so relative roots mean the same.
    fs::path copy = dir / std::to_string(n++) / ".tours" / fs::path(file).filename();
    fs::create_directories(copy.parent_path());
    fs::copy_file(file, copy);
    test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", "--fix-format", copy.string()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    LoadResult after = loadTourFile(copy.string());
    ASSERT_TRUE(after.ok()) << formatAll(after.diagnostics);
    EXPECT_EQ(test::contentDifference(*original.tour, *after.tour), "");
    EXPECT_EQ(test::readFile(copy.string()), writeTour(*after.tour));
  }
}

} // namespace
} // namespace tourguide::tours
