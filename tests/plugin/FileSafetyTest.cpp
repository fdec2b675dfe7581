// Files the `tour` command reads and writes (docs/tour-format.md, docs/report.md): a FIFO, a
// device or a directory as the tour file gets a message at once (no hang, no abort);
// `tour report` replaces only a regular file, never a FIFO; an anchor's file that is a FIFO is
// not waited on. No test here writes to a device
// node: a FIFO or a file in a temporary folder stands in for one.
#include "LldbSession.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

class FileSafety : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    dir = fs::temp_directory_path() / ("tg-file-safety-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fifo = (dir / "fifo.json").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  }
  void TearDown() override { fs::remove_all(dir); }
  LldbSession lldb;
  fs::path dir;
  std::string fifo;
};

TEST_F(FileSafety, TourStartRefusesAFifoADeviceAndADirectory) {
  Reply r = lldb.run("tour start " + fifo);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, fifo + ": error: cannot read tour file: it is a FIFO (named pipe), not a regular file");
  r = lldb.run("tour start /dev/zero");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "/dev/zero: error: cannot read tour file: it is a character device, not a regular file");
  r = lldb.run("tour check " + dir.string());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, dir.string() + ": error: cannot read tour file: it is a directory, not a regular file");
  EXPECT_TRUE(lldb.run("version").ok); // lldb goes on
}

// An anchor's file inside the repo that is a FIFO: the resolver used to open it to see whether
// it was readable, and waited for a writer forever (docs/security.md, "Files").
TEST_F(FileSafety, AnAnchorFileThatIsAFifoIsNotWaitedOn) {
  fs::create_directories(dir / ".tours");
  ASSERT_EQ(::mkfifo((dir / "queue.c").c_str(), 0600), 0);
  std::string tour = (dir / ".tours" / "fifo-anchor.json").string();
  std::ofstream(tour) << R"({"version": 1, "title": "T", "program": {"path": "toy"},
  "stops": [{"id": "q", "stage": "data", "title": "Q", "anchor": {"file": "queue.c", "pattern": "x"}}]})";
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  Reply r = lldb.run("tour check " + tour);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.all().find("file 'queue.c' is not among the program's sources nor under the repo root"),
            std::string::npos)
      << r.all();
  EXPECT_TRUE(lldb.run("version").ok); // lldb goes on
}

#ifdef TG_HAS_REPORT
TEST_F(FileSafety, TourReportReplacesOnlyARegularFile) {
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  ASSERT_TRUE(lldb.run(std::string("tour start ") + TG_TOY_TOUR).ok);
  Reply r = lldb.run("tour report " + fifo);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "cannot write the report '" + fifo + "': '" + fifo +
                       "' is a FIFO (named pipe), not a regular file: only a new file or a regular file is "
                       "replaced by the report");
  struct stat info {};
  ASSERT_EQ(::stat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode)); // still the FIFO
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1); // no temporary left

  // A regular file is replaced whole (write, then rename).
  fs::path page = dir / "old.html";
  std::ofstream(page) << "old";
  r = lldb.run("tour report " + page.string());
  ASSERT_TRUE(r.ok) << r.all();
  std::ifstream in(page);
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "<!DOCTYPE html>");
}
#endif

} // namespace
