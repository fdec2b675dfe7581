// The sample repos' own tours must check clean against their sources: every stop, and every
// collected series with an anchor of its own, resolves by function + pattern (file + pattern when
// the anchor names no function), and every file and line in the anchors is up to date.
#include "SampleCopy.h"

#include <gtest/gtest.h>

namespace tourguide::checker::testing {
namespace {

class SampleTours : public ::testing::TestWithParam<const char *> {};

TEST_P(SampleTours, CheckClean) {
  SampleCopy copy(GetParam());
  std::unique_ptr<SourceIndex> index = copy.index();
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->translationUnitsWithErrors, 0u) << index->problems.front();
  for (const char *tour : {".tours/train.json", ".tours/eval.json"}) {
    TourReport report = copy.check(tour, *index);
    EXPECT_EQ(formatText({report}), "") << tour;
    EXPECT_EQ(exitCodeFor({report}), 0) << tour;
    ASSERT_FALSE(report.stops.empty()) << tour;
    for (const AnchorReport *anchor : report.anchors()) {
      bool hasFunction = anchor->fieldPos.count("function") > 0;
      EXPECT_EQ(anchor->check.form, hasFunction ? AnchorForm::FunctionPattern : AnchorForm::FilePattern)
          << tour << " " << anchor->describe();
      EXPECT_FALSE(resolvedText(*anchor).empty()) << tour << " " << anchor->describe();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(SampleRepos, SampleTours, ::testing::Values("mlp_c", "torchlike", "generic_fit"));

} // namespace
} // namespace tourguide::checker::testing
