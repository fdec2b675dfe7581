// The program's own shared libraries without RUNPATH (RepoLibraries.h), on a program of this
// build linked that way (programs/shared, SKIP_BUILD_RPATH).
#include "tourguide/confirm/ConfirmingRun.h"
#include "tourguide/confirm/RepoLibraries.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace tourguide::confirm {
namespace {

namespace fs = std::filesystem;

TEST(RepoLibraries, TheProgramsDependenciesAreReadFromItsElf) {
  auto deps = readElfDependencies(CONFIRM_SHARED_PROGRAM);
  ASSERT_TRUE(deps);
  EXPECT_NE(std::find(deps->needed.begin(), deps->needed.end(), "libtinynet.so"), deps->needed.end());
  EXPECT_TRUE(deps->runpath.empty());
  EXPECT_FALSE(readElfDependencies(CONFIRM_SHARED_SOURCES "/train.c")) << "not an ELF file";
  EXPECT_FALSE(readElfDependencies("/dev/zero"));
}

TEST(RepoLibraries, ALibraryTheLoaderWouldNotFindIsFoundInTheBuildTree) {
  std::string exe = CONFIRM_SHARED_PROGRAM;
  std::vector<RepoLibrary> found = findRepoLibraries(exe, libraryRoots(exe, CONFIRM_SHARED_SOURCES));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].soname, "libtinynet.so");
  EXPECT_EQ(fs::canonical(found[0].path), fs::canonical(CONFIRM_SHARED_LIBRARY));
  EXPECT_EQ(libraryPathWith(found, "/x"), fs::path(found[0].path).parent_path().string() + ":/x");
  // libc and the other system libraries are the loader's business.
  EXPECT_TRUE(findRepoLibraries(CONFIRM_LOOPS_PROGRAM, {"/"}).empty());
}

TEST(RepoLibraries, ALibraryTheRunpathFindsInTheBuildTreeIsLoadedButNeedsNoLibraryPath) {
  std::string exe = CONFIRM_SHARED_RUNPATH_PROGRAM;
  std::vector<RepoLibrary> found = findRepoLibraries(exe, libraryRoots(exe, CONFIRM_SHARED_SOURCES));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].soname, "libtinynet.so");
  EXPECT_TRUE(found[0].loaderFinds);
  EXPECT_EQ(fs::canonical(found[0].path), fs::canonical(CONFIRM_SHARED_LIBRARY));
  EXPECT_EQ(libraryPathWith(found, "/x"), "/x");
  // Outside the roots, the RUNPATH's library is not the repo's.
  EXPECT_TRUE(findRepoLibraries(exe, {CONFIRM_SHARED_SOURCES}).empty());
}

TEST(RepoLibraries, TheConfirmingRunReachesStopsInALibraryFoundThroughTheRunpath) {
  indexer::Finding update;
  update.entry = "train";
  update.stage = "optimizer";
  update.function = "tinynet_sgd_update";
  RunRequest request;
  request.executable = CONFIRM_SHARED_RUNPATH_PROGRAM;
  request.repoRoot = CONFIRM_SHARED_SOURCES;
  auto run = confirmByRunning({update}, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_EQ(run->exitStatus, 0) << run->output;
  ASSERT_EQ(run->reached.size(), 1u) << run->output;
}

TEST(RepoLibraries, TheConfirmingRunReachesStopsInTheLibraryWithoutLdLibraryPath) {
  indexer::Finding update;
  update.entry = "train";
  update.stage = "optimizer";
  update.function = "tinynet_sgd_update";
  RunRequest request;
  request.executable = CONFIRM_SHARED_PROGRAM;
  request.repoRoot = CONFIRM_SHARED_SOURCES;
  unsetenv("LD_LIBRARY_PATH");
  auto run = confirmByRunning({update}, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_EQ(run->exitStatus, 0) << run->output;
  ASSERT_EQ(run->reached.size(), 1u) << run->output;
}

} // namespace
} // namespace tourguide::confirm
