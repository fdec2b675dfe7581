// `--format=json` read back (FindingsReader.h), as `tour draft` reads it in LLDB: the draft from
// the read-back findings is the draft from the analysis itself, and bad input is a message
// naming where it is wrong, never an exception.
#include "TestCode.h"

#include "tourguide/indexer/FindingsJson.h"
#include "tourguide/indexer/FindingsReader.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/TourDraft.h"
#include "tourguide/tours/TourFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace tourguide::indexer::test {
namespace {

TEST(FindingsReader, TheDraftFromReadBackFindingsIsTheSameTour) {
  llvm::SmallString<256> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tourguide-findings", dir));
  const std::string code = kTinyTrainingProgram;
  llvm::SmallString<256> file(dir);
  llvm::sys::path::append(file, "train.c");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(file, ec);
    os << code;
  }
  std::vector<TUFacts> tus{parse(code, false, std::string(file))};
  tus[0].directory = std::string(dir);
  tus[0].outputFile = "train.o";
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  ASSERT_EQ(a.entries.size(), 1u);
  ASSERT_FALSE(a.findings.empty());

  std::string error;
  auto read = parseFindings(findingsToJson(a, summarise(tus), std::string(dir)), error);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(read->root, std::string(dir));
  ASSERT_EQ(read->entries.size(), 1u);
  ASSERT_EQ(read->findings.size(), a.findings.size());
  DraftOptions options;
  options.repoRoot = std::string(dir);
  options.tourDir = std::string(dir) + "/.tours";
  EXPECT_EQ(tours::writeTour(draftTour(read->entries[0], read->findings, options)),
            tours::writeTour(draftTour(a.entries[0], a.findings, options)));
}

std::string errorOf(const std::string &text) {
  std::string error;
  EXPECT_FALSE(parseFindings(text, error)) << text;
  return error;
}

TEST(FindingsReader, BadInputIsAMessageThatSaysWhere) {
  const std::string entry = R"({"program": "train", "kind": "train", "function": "main", "file": "/r/train.c", "line": 3})";
  EXPECT_EQ(errorOf("{"), "not valid JSON");
  EXPECT_EQ(errorOf("[]"), "the document: expected an object (the output of `tourguide index --format=json`)");
  EXPECT_EQ(errorOf(R"({"stages": []})"), "the document: missing \"entry_points\"");
  EXPECT_EQ(errorOf(R"({"entry_points": [)" + entry + R"(], "stages": [{"entry": "train"}]})"),
            "stages[0]: missing \"stage\"");
  EXPECT_EQ(errorOf(R"({"entry_points": [{"program": "t", "kind": "train", "function": "main", "file": "rel.c", "line": 1}], "stages": []})"),
            "entry_points[0].file: expected an absolute path");
  EXPECT_EQ(errorOf(R"({"entry_points": [)" + entry + R"(], "stages": [{"entry": "train", "stage": "loop",
      "function": "main", "file": "/r/train.c", "line": -4, "anchor": {}}]})"),
            "stages[0].line: expected a whole number");
  EXPECT_EQ(errorOf(R"({"entry_points": [)" + entry + R"(], "stages": [{"entry": "train", "stage": "loop",
      "function": "main", "file": "/r/train.c", "line": 4, "anchor": {"line": "4"}}]})"),
            "stages[0].anchor.line: expected a whole number");
  EXPECT_EQ(errorOf(R"({"root": "..", "entry_points": [], "stages": []})"), "root: expected an absolute path");
  EXPECT_EQ(errorOf(R"({"tool": "other", "entry_points": [], "stages": []})"), "tool: not written by `tourguide index`");
}

TEST(FindingsReader, AFileThatIsNotRegularIsRefusedUnread) {
  std::string error;
  EXPECT_FALSE(readFindingsFile("/dev/zero", error));
  EXPECT_EQ(error, "cannot read '/dev/zero': it is a character device, not a regular file");
}

} // namespace
} // namespace tourguide::indexer::test
