// Tours drafted by `tourguide index` use anchors that survive ordinary edits by construction:
// on each sample repo they check clean, and after lines are added at the top of every source
// file every stop still reaches the same code, three lines further down; at most an
// out-of-date `line` is reported, and --fix repairs it.
#include "SampleCopy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

namespace tourguide::checker::testing {
namespace {

namespace fs = std::filesystem;

class DraftedTours : public ::testing::TestWithParam<const char *> {};

TEST_P(DraftedTours, SurviveLinesInsertedAboveEveryStop) {
  SampleCopy copy(GetParam());
  std::string build = copy.writeCompileCommands();
  std::string drafts = copy.path(".drafts");
  std::string command = std::string("'") + TOURGUIDE_INDEX_DEV + "' --quiet -p '" + build + "' -o '" + drafts +
                        "' --root '" + copy.root() + "' > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::vector<std::string> tours;
  for (const auto &entry : fs::directory_iterator(drafts))
    tours.push_back(".drafts/" + entry.path().filename().string());
  ASSERT_FALSE(tours.empty());

  std::unique_ptr<SourceIndex> index = copy.index();
  std::map<std::string, std::string> reached; // tour/stop -> source line
  std::map<std::string, unsigned> lineBefore;
  for (const std::string &tour : tours) {
    TourReport report = copy.check(tour, *index);
    EXPECT_EQ(formatText({report}), "") << tour;
    for (const StopReport &s : report.stops) {
      reached[tour + "/" + s.id] = resolvedText(s);
      lineBefore[tour + "/" + s.id] = s.check.line;
    }
  }

  // A license header lands on top of every source file.
  for (const auto &entry : fs::recursive_directory_iterator(copy.root())) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".c" && ext != ".cpp" && ext != ".h" && ext != ".hpp"))
      continue;
    std::string rel = fs::relative(entry.path(), copy.root()).string();
    ASSERT_EQ(copy.apply({rel, "", "// SPDX-License-Identifier: MIT\n// (c) the team\n\n" + copy.read(rel)}), "");
  }
  index = copy.index();
  unsigned moved = 0;
  for (const std::string &tour : tours) {
    TourReport report = copy.check(tour, *index);
    EXPECT_LE(worstSeverity({report}), 1) << formatText({report});
    for (const StopReport &s : report.stops) {
      EXPECT_EQ(resolvedText(s), reached[tour + "/" + s.id]) << tour << " stop " << s.id;
      moved += s.check.line == lineBefore[tour + "/" + s.id] + 3;
      for (const Finding &f : s.check.findings)
        EXPECT_EQ(f.field, "line") << tour << " stop " << s.id << ": " << f.message;
    }
    TourReport fixed = copy.check(tour, *index, /*fix=*/true);
    EXPECT_EQ(worstSeverity({fixed}), 0) << formatText({fixed});
  }
  EXPECT_GT(moved, 0u) << "the edit moved no stop: the test proves nothing";
}

INSTANTIATE_TEST_SUITE_P(SampleRepos, DraftedTours, ::testing::Values("mlp_c", "torchlike", "generic_fit"));

} // namespace
} // namespace tourguide::checker::testing
