// What `tourguide index` reads from a repo and a user, by the rules of docs/security.md,
// "Files": compile_commands.json and profiles only when they are regular files under their
// size limits. A FIFO, a device or a directory in their place, or a file over the limit, gets
// a message at once that names it; nothing waits for a writer or reads without end.
#include "IndexCommand.h"
#include "tourguide/indexer/Profiles.h"
#include "tourguide/tours/Files.h"

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace tourguide::indexer {
namespace {

class IndexFileSafety : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<256> made;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tourguide-file-safety", made));
    dir = std::string(made);
    write("train.c", "int main(void) { float w = 0; for (int e = 0; e < 3; ++e) w -= 0.1f * w; return 0; }\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir); } // with the FIFOs in it

  void write(const std::string &name, const std::string &text) {
    std::error_code ec;
    llvm::raw_fd_ostream os(dir + "/" + name, ec);
    os << text;
  }
  std::string database() const {
    return "[{\"directory\":\"" + dir + "\",\"command\":\"cc -c train.c -o train.o\",\"file\":\"train.c\"}]";
  }

  /// `tourguide index ARGS` in-process: its exit status and what it printed on stderr.
  std::pair<int, std::string> index(std::vector<std::string> args) {
    std::vector<const char *> argv{"tourguide index"};
    for (const std::string &a : args)
      argv.push_back(a.c_str());
    ::testing::internal::CaptureStderr();
    int status = runIndexCommand(static_cast<int>(argv.size()), argv.data());
    llvm::errs().flush();
    return {status, ::testing::internal::GetCapturedStderr()};
  }

  std::string dir;
};

TEST_F(IndexFileSafety, ACompilationDatabaseThatIsNotARegularFileIsRefusedAtOnce) {
  std::string db = dir + "/compile_commands.json";
  ASSERT_EQ(::mkfifo(db.c_str(), 0600), 0); // used to wait forever in Clang's loader
  auto [status, said] = index({"-p", dir, "--quiet", "-o", dir + "/out"});
  EXPECT_NE(status, 0);
  EXPECT_NE(said.find("error: cannot read '" + db + "': it is a FIFO (named pipe), not a regular file"),
            std::string::npos)
      << said;
  ::unlink(db.c_str());
  ASSERT_EQ(::mkdir(db.c_str(), 0700), 0);
  std::tie(status, said) = index({"-p", dir, "--quiet", "-o", dir + "/out"});
  EXPECT_NE(status, 0);
  EXPECT_NE(said.find("error: cannot read '" + db + "': it is a directory, not a regular file"), std::string::npos)
      << said;
  std::tie(status, said) = index({"-p", "/dev/zero", "--quiet", "-o", dir + "/out"});
  EXPECT_NE(status, 0);
  EXPECT_NE(said.find("error: cannot read '/dev/zero': it is a character device, not a regular file"),
            std::string::npos)
      << said;
}

TEST_F(IndexFileSafety, ACompilationDatabaseOverTheLimitIsRefusedUnread) {
  std::string db = dir + "/compile_commands.json";
  write("compile_commands.json", database());
  ASSERT_EQ(::truncate(db.c_str(), static_cast<off_t>(tours::kMaxCompilationDatabaseBytes) + 1), 0); // sparse
  auto [status, said] = index({"-p", dir, "--quiet", "-o", dir + "/out"});
  EXPECT_NE(status, 0);
  EXPECT_NE(said.find("error: cannot read '" + db + "': it is larger than 256 MiB"), std::string::npos) << said;
}

TEST_F(IndexFileSafety, AProfileThatIsNotARegularFileIsRefusedAtOnce) {
  std::string fifo = dir + "/fifo.profile.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto p = loadProfile(fifo);
  ASSERT_FALSE(static_cast<bool>(p));
  EXPECT_EQ(llvm::toString(p.takeError()), fifo + ": cannot read: it is a FIFO (named pipe), not a regular file");
  auto d = loadProfile(dir);
  ASSERT_FALSE(static_cast<bool>(d));
  EXPECT_EQ(llvm::toString(d.takeError()), dir + ": cannot read: it is a directory, not a regular file");
  auto z = loadProfile("/dev/zero");
  ASSERT_FALSE(static_cast<bool>(z));
  EXPECT_EQ(llvm::toString(z.takeError()), "/dev/zero: cannot read: it is a character device, not a regular file");
}

TEST_F(IndexFileSafety, AProfileOverTheLimitIsRefusedUnread) {
  std::string big = dir + "/big.profile.json";
  write("big.profile.json", "{}");
  ASSERT_EQ(::truncate(big.c_str(), static_cast<off_t>(kMaxProfileBytes) + 1), 0);
  auto p = loadProfile(big);
  ASSERT_FALSE(static_cast<bool>(p));
  EXPECT_EQ(llvm::toString(p.takeError()),
            big + ": cannot read: it is larger than 4 MiB, the limit for a profile (docs/profiles.md)");
}

// A cloned repo's .tours/ holds a FIFO named like a profile: `tourguide index` says so.
TEST_F(IndexFileSafety, AFifoAmongTheReposProfilesStopsTheRunWithAMessage) {
  write("compile_commands.json", database());
  ASSERT_EQ(::mkdir((dir + "/.tours").c_str(), 0700), 0);
  std::string fifo = dir + "/.tours/x.profile.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto [status, said] = index({"-p", dir, "--root", dir, "--quiet", "-o", dir + "/out"});
  EXPECT_NE(status, 0);
  EXPECT_NE(said.find("error: " + fifo + ": cannot read: it is a FIFO (named pipe), not a regular file"),
            std::string::npos)
      << said;
}

} // namespace
} // namespace tourguide::indexer
