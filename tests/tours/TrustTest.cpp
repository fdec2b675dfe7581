// The trust rule for tours from unreviewed repositories (docs/security.md): what needs
// --trust, what an untrusted tour may do, and where validate's warnings point.
#include "TestFiles.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace tourguide::tours;

namespace {

/// A repo folder of its own for each test: REPO/.tours/t.json is where the tours "are".
class Trust : public ::testing::Test {
protected:
  void SetUp() override {
    repo = fs::temp_directory_path() / ("tg-trust-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(repo);
    fs::create_directories(repo / ".tours");
    fs::create_directories(repo / "build");
  }
  void TearDown() override { fs::remove_all(repo); }

  /// Parses a tour whose program object is `program` (and extra top-level members `extra`).
  Tour tour(const std::string &program, const std::string &extra = "",
            const std::string &anchor = R"({"function": "main"})") {
    std::string text = R"({"version": 1, "title": "T", )" + extra + R"("program": )" + program +
                       R"(, "stops": [{"id": "a", "stage": "setup", "title": "A", "anchor": )" + anchor + "}]}";
    LoadResult r = parseTour(text, (repo / ".tours" / "t.json").string());
    EXPECT_TRUE(r.ok()) << formatAll(r.diagnostics);
    return r.ok() ? *r.tour : Tour{};
  }
  std::vector<std::string> paths(const Tour &t, const TrustOptions &options = {}) {
    std::vector<std::string> out;
    for (const TrustConcern &c : trustConcerns(t, options))
      out.push_back(c.jsonPath);
    return out;
  }
  using V = std::vector<std::string>;
  fs::path repo;
};

TEST_F(Trust, AProgramInsideTheRepoWithArgsCwdAndOrdinaryEnvNeedsNothing) {
  Tour t = tour(R"({"path": "build/train", "args": ["-c", "x"], "cwd": "${program_dir}",
                    "env": {"OMP_NUM_THREADS": "1", "LANG": "C", "DATA": "/data"}})");
  EXPECT_EQ(paths(t), V{});
  EXPECT_EQ(paths(tour(R"({"path": "${root}/build/train", "cwd": "data"})")), V{});
}

TEST_F(Trust, AProgramOutsideTheRepoRootNeedsTrust) {
  Tour t = tour(R"({"path": "/usr/bin/python3", "args": ["-c", "import os"]})");
  auto concerns = trustConcerns(t);
  ASSERT_EQ(concerns.size(), 1u);
  EXPECT_EQ(concerns[0].jsonPath, "/program/path");
  EXPECT_EQ(concerns[0].asked, "the program '/usr/bin/python3', outside the repo root '" +
                                   fs::weakly_canonical(repo).string() + "'");
  EXPECT_EQ(paths(tour(R"({"path": "../../../usr/bin/node"})")), V{"/program/path"});
  EXPECT_EQ(paths(tour(R"({"path": "build/../../elsewhere/train"})")), V{"/program/path"});
  // A symbolic link inside the repo that leads out of it counts as outside.
  fs::create_directory_symlink("/usr/bin", repo / "bin");
  EXPECT_EQ(paths(tour(R"({"path": "bin/python3"})")), V{"/program/path"});
}

TEST_F(Trust, TheUsersOwnTargetIsNotTheToursProgram) {
  Tour t = tour(R"({"path": "/usr/bin/python3", "cwd": "${program_dir}"})");
  TrustOptions own;
  own.userProgram = "/home/me/build/train"; // `lldb build/train`: program.path is not used
  EXPECT_EQ(paths(t, own), V{});
}

TEST_F(Trust, LoaderVariablesNeedTrustEvenWithTheUsersOwnTarget) {
  Tour t = tour(R"({"path": "build/train", "env": {"LD_PRELOAD": "${root}/libevil.so",
                    "LD_AUDIT": "x", "LD_LIBRARY_PATH": "lib", "DYLD_INSERT_LIBRARIES": "x",
                    "OMP_NUM_THREADS": "1"}})");
  V expected = {"/program/env/LD_PRELOAD", "/program/env/LD_AUDIT", "/program/env/LD_LIBRARY_PATH",
                "/program/env/DYLD_INSERT_LIBRARIES"};
  V got = paths(t);
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(got, expected);
  TrustOptions own;
  own.userProgram = (repo / "build" / "train").string();
  EXPECT_EQ(paths(t, own).size(), 4u);
}

TEST_F(Trust, WhichVariablesControlTheLoader) {
  for (const char *name : {"LD_PRELOAD", "LD_AUDIT", "LD_LIBRARY_PATH", "LD_BIND_NOW", "ld_preload",
                           "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH", "MALLOC_CHECK_",
                           "MALLOC_PERTURB_", "MALLOC_TRACE", "GLIBC_TUNABLES", "GCONV_PATH",
                           "LOCPATH", "NLSPATH", "HOSTALIASES", "_RLD_LIST"})
    EXPECT_TRUE(isLoaderVariable(name)) << name;
  // Not a plain name: it would set another variable than the one it shows.
  EXPECT_TRUE(isLoaderVariable(""));
  EXPECT_TRUE(isLoaderVariable("X=LD_PRELOAD"));
  EXPECT_TRUE(isLoaderVariable(std::string("LD_PRELOAD\0X", 12)));
  EXPECT_TRUE(isLoaderVariable(std::string("OK\0=LD_PRELOAD", 14)));
  for (const char *name : {"OMP_NUM_THREADS", "LANG", "HOME", "PATH", "CUDA_VISIBLE_DEVICES", "OLD_VALUE", "SEED"})
    EXPECT_FALSE(isLoaderVariable(name)) << name;
}

TEST_F(Trust, AWorkingDirectoryOutsideTheRepoNeedsTrust) {
  EXPECT_EQ(paths(tour(R"({"path": "build/train", "cwd": "/etc"})")), V{"/program/cwd"});
  EXPECT_EQ(paths(tour(R"({"path": "build/train", "cwd": "../.."})")), V{"/program/cwd"});
  // The user's own program's folder is allowed: the sample tours run in ${program_dir}.
  TrustOptions own;
  own.userProgram = "/elsewhere/build/train";
  EXPECT_EQ(paths(tour(R"({"path": "build/train", "cwd": "${program_dir}"})"), own), V{});
  EXPECT_EQ(paths(tour(R"({"path": "build/train", "cwd": "/etc"})"), own), V{"/program/cwd"});
}

TEST_F(Trust, ARootThatLeavesTheToursFolderNeedsTrust) {
  Tour t = tour(R"({"path": "/usr/bin/python3"})", R"("root": "/", )");
  // Confined to the folder holding .tours/: the program is outside that, too.
  EXPECT_EQ(paths(t), (V{"/root", "/program/path"}));
  EXPECT_EQ(confinedRepoRoot(t), fs::path(repo).lexically_normal().string());
  // `root` is relative to the tour file's folder: ".." from .tours/ is the repo itself.
  EXPECT_EQ(paths(tour(R"({"path": "build/train"})", R"("root": "..", )")), V{});
  EXPECT_EQ(paths(tour(R"({"path": "build/train"})", R"("root": "../..", )")), (V{"/root", "/program/path"}));
  fs::create_directories(repo / "sub");
  EXPECT_EQ(paths(tour(R"({"path": "build/train"})", R"("root": "sub", )")), V{});
}

TEST_F(Trust, AnchorFilesOutsideTheRepoNeedTrust) {
  const std::string program = R"({"path": "build/train"})";
  EXPECT_EQ(paths(tour(program, "", R"({"file": "../../../../etc/passwd", "line": 1})")),
            V{"/stops/0/anchor/file"});
  EXPECT_EQ(paths(tour(program, "", R"({"file": "/etc/passwd", "pattern": "root"})")),
            V{"/stops/0/anchor/file"});
  EXPECT_EQ(paths(tour(program, "", R"({"file": "src/train.c", "line": 3})")), V{});
  std::string withCollect = R"("collect": [{"name": "l", "expr": "loss", "anchor": {"file": "/etc/shadow", "line": 1}}], )";
  EXPECT_EQ(paths(tour(program, withCollect)), V{"/collect/0/anchor/file"});
}

TEST_F(Trust, ValidateWarnsAtEachValue) {
  std::string text = "{\n"
                     "  \"version\": 1, \"title\": \"T\",\n"
                     "  \"program\": {\"path\": \"/usr/bin/node\",\n"
                     "    \"env\": {\"LD_PRELOAD\": \"x.so\"}},\n"
                     "  \"stops\": [{\"id\": \"a\", \"stage\": \"setup\", \"title\": \"A\", \"anchor\": {\"function\": \"main\"}}]\n"
                     "}\n";
  LoadResult r = parseTour(text, (repo / ".tours" / "t.json").string());
  ASSERT_TRUE(r.ok());
  Diagnostics warnings = trustWarnings(*r.tour);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].severity, Severity::Warning);
  EXPECT_EQ(warnings[0].line, 3u);
  EXPECT_EQ(warnings[0].column, 23u);
  EXPECT_EQ(warnings[1].line, 4u);
  EXPECT_EQ(warnings[1].column, 13u);
  EXPECT_NE(warnings[1].message.find("'LD_PRELOAD'"), std::string::npos);
  EXPECT_NE(warnings[1].message.find("without --trust"), std::string::npos);
}

TEST(TrustSamples, TheSampleToursNeedNoTrust) {
  auto tours = tourguide::tours::test::sampleTours();
  ASSERT_FALSE(tours.empty());
  for (const std::string &file : tours) {
    LoadResult r = loadTourFile(file);
    ASSERT_TRUE(r.ok()) << file;
    EXPECT_TRUE(trustConcerns(*r.tour).empty()) << file;
  }
}

TEST(TrustDoc, SecurityMdListsTheLoaderVariables) {
  std::string doc = tourguide::tours::test::readFile(std::string(TOURGUIDE_SOURCE_DIR) + "/docs/security.md");
  ASSERT_FALSE(doc.empty());
  for (const char *name : {"LD_*", "DYLD_*", "MALLOC_*", "_RLD*", "GLIBC_TUNABLES", "GCONV_PATH", "LOCPATH",
                           "NLSPATH", "HOSTALIASES", "RESOLV_HOST_CONF", "LIBPATH", "SHLIB_PATH", "--trust"})
    EXPECT_NE(doc.find(name), std::string::npos) << name;
}

} // namespace
