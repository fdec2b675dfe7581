// Reading a tour file (docs/tour-format.md, "General rules"): only regular files, at most
// kMaxTourFileBytes, read once. A FIFO, a device, a directory get a message at once. The same
// reader (readBoundedRegularFile) reads profiles, compile_commands.json and source lines
// (docs/security.md, "Files").
#include "tourguide/tours/Files.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace tourguide::tours;

namespace {

class FileLimits : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("tg-file-limits-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string messageFor(const std::string &path) {
    LoadResult r = loadTourFile(path);
    EXPECT_FALSE(r.ok());
    return r.diagnostics.empty() ? "" : r.diagnostics.front().format();
  }
  fs::path dir;
};

TEST_F(FileLimits, AFifoIsRefusedWithoutWaitingForAWriter) {
  std::string fifo = (dir / "tour.json").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(messageFor(fifo), fifo + ": error: cannot read tour file: it is a FIFO (named pipe), not a regular file");
}

TEST_F(FileLimits, DevicesAndDirectoriesAreRefused) {
  EXPECT_EQ(messageFor("/dev/zero"), "/dev/zero: error: cannot read tour file: it is a character device, not a regular file");
  EXPECT_EQ(messageFor(dir.string()), dir.string() + ": error: cannot read tour file: it is a directory, not a regular file");
  fs::create_symlink("/dev/zero", dir / "link.json"); // a link is followed, and what it names is checked
  EXPECT_EQ(messageFor((dir / "link.json").string()),
            (dir / "link.json").string() + ": error: cannot read tour file: it is a character device, not a regular file");
}

TEST_F(FileLimits, AFileOverTheLimitIsRefusedUnparsed) {
  std::string big = (dir / "big.json").string();
  {
    std::ofstream out(big);
    out << std::string(kMaxTourFileBytes + 1, ' ');
  }
  EXPECT_EQ(messageFor(big), big + ": error: cannot read tour file: it is larger than 4 MiB, the limit for a "
                                   "tour file (docs/tour-format.md)");
  // At the limit it is read and parsed (here: not JSON).
  fs::resize_file(big, kMaxTourFileBytes);
  EXPECT_NE(messageFor(big).find("invalid JSON"), std::string::npos);
}

TEST_F(FileLimits, TheTextThatWasCheckedIsReturned) {
  std::string file = (dir / "t.json").string();
  const std::string text = R"({"version": 1, "title": "T", "program": {"path": "a"},
 "stops": [{"id": "a", "stage": "setup", "title": "A", "anchor": {"function": "main"}}]})";
  std::ofstream(file) << text;
  std::string read;
  LoadResult r = loadTourFile(file, &read);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(read, text);
}

// The one bounded reader under every loader.
TEST_F(FileLimits, TheBoundedReaderRefusesWhatIsNotARegularFileAtOnce) {
  std::string fifo = (dir / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ReadError error;
  EXPECT_FALSE(readBoundedRegularFile(fifo, 100, error)); // no writer: must not wait for one
  EXPECT_EQ(error.step, ReadError::Step::NotRegular);
  EXPECT_EQ(error.reason(), "it is a FIFO (named pipe), not a regular file");
  EXPECT_FALSE(readBoundedRegularFile("/dev/zero", 100, error));
  EXPECT_EQ(error.reason(), "it is a character device, not a regular file");
  EXPECT_FALSE(readBoundedRegularFile(dir.string(), 100, error));
  EXPECT_EQ(error.reason(), "it is a directory, not a regular file");
  EXPECT_FALSE(readBoundedRegularFile((dir / "missing").string(), 100, error));
  EXPECT_EQ(error.step, ReadError::Step::Open);
  EXPECT_EQ(error.reason(), "No such file or directory");
}

TEST_F(FileLimits, TheBoundedReaderReadsUpToItsLimitAndNoMore) {
  std::string file = (dir / "f").string();
  std::ofstream(file) << "0123456789";
  ReadError error;
  std::optional<std::string> text = readBoundedRegularFile(file, 10, error);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "0123456789");
  EXPECT_FALSE(error);
  EXPECT_FALSE(readBoundedRegularFile(file, 9, error));
  EXPECT_EQ(error.step, ReadError::Step::TooLarge);
  EXPECT_EQ(error.reason(), "it is larger than 9 bytes");
  std::ofstream(dir / "empty").flush();
  EXPECT_EQ(readBoundedRegularFile((dir / "empty").string(), 0, error), std::string());
}

TEST_F(FileLimits, SizesAreSaidInTheUnitTheLimitWasSetIn) {
  EXPECT_EQ(describeSize(4u << 20), "4 MiB");
  EXPECT_EQ(describeSize(kMaxSourceFileBytes), "32 MiB");
  EXPECT_EQ(describeSize(512u << 10), "512 KiB");
  EXPECT_EQ(describeSize(1), "1 byte");
  EXPECT_EQ(describeSize(1500), "1500 bytes");
}

// Source lines for excerpts, anchors' patterns and reports: the same rules, and the reason.
TEST_F(FileLimits, SourceLinesComeOnlyFromARegularFileUnderTheSourceLimit) {
  std::string fifo = (dir / "train.c").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ReadError error;
  EXPECT_FALSE(readLines(fifo, &error)); // used to wait forever in std::ifstream's open
  EXPECT_EQ(error.reason(), "it is a FIFO (named pipe), not a regular file");
  EXPECT_FALSE(readLines("/dev/zero", &error)); // used to grow one endless line
  EXPECT_EQ(error.reason(), "it is a character device, not a regular file");
  EXPECT_FALSE(readLines(dir.string(), &error));
  EXPECT_EQ(error.reason(), "it is a directory, not a regular file");
  std::string big = (dir / "big.c").string();
  std::ofstream(big).flush();
  fs::resize_file(big, kMaxSourceFileBytes + 1);
  EXPECT_FALSE(readLines(big, &error));
  EXPECT_EQ(error.reason(), "it is larger than 32 MiB");
  EXPECT_FALSE(readLines(big)); // the reason is optional
}

TEST_F(FileLimits, SourceLinesAreSplitAsBefore) {
  std::string file = (dir / "a.c").string();
  std::ofstream(file, std::ios::binary) << "int a;\r\n\nint b;";
  EXPECT_EQ(readLines(file), (std::vector<std::string>{"int a;", "", "int b;"}));
  std::ofstream(file, std::ios::binary) << "x\n";
  EXPECT_EQ(readLines(file), (std::vector<std::string>{"x"}));
  std::ofstream(file, std::ios::binary).flush();
  EXPECT_EQ(readLines(file), (std::vector<std::string>{}));
}

} // namespace
