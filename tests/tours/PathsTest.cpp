// repoRoot, expandVariables and programPath.
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace tourguide::tours {
namespace {

Tour tourAt(const std::string &sourcePath, const std::string &root = "") {
  Tour tour;
  tour.sourcePath = sourcePath;
  tour.root = root;
  tour.program.path = "build/train";
  return tour;
}

TEST(RepoRoot, IsTheParentOfADotToursFolder) {
  EXPECT_EQ(repoRoot(tourAt("/repo/.tours/train.json")), "/repo");
}

TEST(RepoRoot, IsTheTourFilesFolderOtherwise) {
  EXPECT_EQ(repoRoot(tourAt("/repo/docs/train.json")), "/repo/docs");
}

TEST(RepoRoot, ExplicitRootIsRelativeToTheTourFile) {
  EXPECT_EQ(repoRoot(tourAt("/repo/docs/tours/train.json", "../..")), "/repo");
  EXPECT_EQ(repoRoot(tourAt("/repo/.tours/train.json", ".")), "/repo/.tours");
  EXPECT_EQ(repoRoot(tourAt("/repo/.tours/train.json", "/elsewhere/src/")), "/elsewhere/src");
}

TEST(RepoRoot, RelativeTourPathsBecomeAbsolute) {
  std::string cwd = std::filesystem::current_path().lexically_normal().string();
  EXPECT_EQ(repoRoot(tourAt(".tours/train.json")), cwd);
  EXPECT_EQ(repoRoot(tourAt("train.json")), cwd);
  EXPECT_EQ(repoRoot(Tour{}), cwd); // built in memory
}

TEST(ExpandVariables, ReplacesTheThreeKnownVariables) {
  Tour tour = tourAt("/repo/.tours/train.json");
  EXPECT_EQ(expandVariables("${root}/data", tour, "/repo/build/train"), "/repo/data");
  EXPECT_EQ(expandVariables("${tour_dir}/x", tour, "/repo/build/train"), "/repo/.tours/x");
  EXPECT_EQ(expandVariables("--out=${program_dir}/model.ckpt", tour, "/repo/build/train"),
            "--out=/repo/build/model.ckpt");
  EXPECT_EQ(expandVariables("${root}:${root}", tour, ""), "/repo:/repo");
}

TEST(ExpandVariables, LeavesEverythingElseAlone) {
  Tour tour = tourAt("/repo/.tours/train.json");
  EXPECT_EQ(expandVariables("${HOME}/x", tour, "/p/train"), "${HOME}/x");
  EXPECT_EQ(expandVariables("$root ${root ${ } $", tour, "/p/train"), "$root ${root ${ } $");
  EXPECT_EQ(expandVariables("${program_dir}", tour, ""), "${program_dir}"); // not known yet
  EXPECT_EQ(expandVariables("", tour, "/p/train"), "");
  EXPECT_EQ(expandVariables("$(rm -rf /) `x`", tour, "/p/train"), "$(rm -rf /) `x`");
}

TEST(ProgramPath, IsRelativeToTheRepoRoot) {
  EXPECT_EQ(programPath(tourAt("/repo/.tours/train.json")), "/repo/build/train");
  Tour tour = tourAt("/repo/.tours/train.json");
  tour.program.path = "./build/../bin/train";
  EXPECT_EQ(programPath(tour), "/repo/bin/train");
}

TEST(ProgramPath, KeepsAbsolutePathsAndExpandsVariables) {
  Tour tour = tourAt("/repo/.tours/train.json");
  tour.program.path = "/usr/bin/true";
  EXPECT_EQ(programPath(tour), "/usr/bin/true");
  tour.program.path = "${tour_dir}/train";
  EXPECT_EQ(programPath(tour), "/repo/.tours/train");
  tour.program.path = "";
  EXPECT_EQ(programPath(tour), "");
}

} // namespace
} // namespace tourguide::tours
