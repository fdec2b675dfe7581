// Reading a tour file (docs/tour-format.md, "General rules"): only regular files, at most
// kMaxTourFileBytes, read once. A FIFO, a device, a directory get a message at once.
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

} // namespace
