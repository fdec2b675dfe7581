// load -> write -> load gives the same tour, and writing again gives the same bytes: for every
// good corpus file and every tour the sample repos ship (found when the test runs).
#include "TestFiles.h"
#include "TourEquality.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

namespace tourguide::tours {
namespace {

void expectRoundTrip(const std::string &path) {
  SCOPED_TRACE(path);
  LoadResult first = loadTourFile(path);
  ASSERT_TRUE(first.ok()) << formatAll(first.diagnostics);
  std::string written = writeTour(*first.tour);
  LoadResult second = parseTour(written, path);
  ASSERT_TRUE(second.ok()) << formatAll(second.diagnostics) << written;
  EXPECT_EQ(test::contentDifference(*first.tour, *second.tour), "") << written;
  EXPECT_EQ(writeTour(*second.tour), written);
  // Writing changes no warning into an error or back.
  EXPECT_EQ(first.diagnostics.size(), second.diagnostics.size()) << written;
}

class RoundTripGood : public testing::TestWithParam<std::string> {};
class RoundTripSample : public testing::TestWithParam<std::string> {};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RoundTripSample); // before the samples exist

TEST_P(RoundTripGood, KeepsTheTour) { expectRoundTrip(GetParam()); }
TEST_P(RoundTripSample, KeepsTheTour) { expectRoundTrip(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Corpus, RoundTripGood, testing::ValuesIn(test::goodCorpus()),
                         [](const auto &info) { return test::testNameFor(info.param); });
INSTANTIATE_TEST_SUITE_P(SampleRepos, RoundTripSample, testing::ValuesIn(test::sampleTours()),
                         [](const auto &info) { return test::testNameFor(info.param, true); });

TEST(RoundTrip, CanonicalFilesAreWrittenByteForByte) {
  // Files in the writer's own layout must come back unchanged.
  for (const char *name : {"doc-example.json", "minimal.json", "all-fields.json", "collect-plot.json"}) {
    std::string path = std::string(TOURS_CORPUS_DIR "/good/") + name;
    SCOPED_TRACE(path);
    LoadResult result = loadTourFile(path);
    ASSERT_TRUE(result.ok()) << formatAll(result.diagnostics);
    EXPECT_EQ(writeTour(*result.tour), test::readFile(path));
  }
}

TEST(RoundTrip, CollectedSeriesAndPlotsComeBack) {
  // Every field of a collect item, at the top level and in a stop, with and without defaults.
  LoadResult first = loadTourFile(TOURS_CORPUS_DIR "/good/collect-plot.json");
  ASSERT_TRUE(first.ok()) << formatAll(first.diagnostics);
  const Tour &tour = *first.tour;
  ASSERT_EQ(tour.collect.size(), 2u);
  EXPECT_EQ(tour.collect[0].name, "loss");
  EXPECT_EQ(tour.collect[0].label, "mean training loss of the epoch");
  EXPECT_EQ(tour.collect[0].x, "epoch");
  EXPECT_EQ(tour.collect[0].every, 1u);
  EXPECT_EQ(tour.collect[0].anchor.pattern, "printf(\"epoch %d loss");
  EXPECT_EQ(tour.collect[1].anchor.line, 88u);
  ASSERT_EQ(tour.stops.at(0).collect.size(), 2u);
  EXPECT_EQ(tour.stops[0].collect[0].every, 10u);
  EXPECT_TRUE(tour.stops[0].collect[0].anchor.empty()); // collected at the stop's anchor
  EXPECT_EQ(tour.stops[0].collect[1].anchor.function, "clip_grad");
  EXPECT_EQ(tour.stops.at(1).plot, (std::vector<std::string>{"loss", "lr", "val.acc", "grad-norm_1"}));
  EXPECT_EQ(tour.stops[1].plotPos.size(), tour.stops[1].plot.size());

  // Written by hand in another order, with defaults spelt out: read, written, read back equal.
  LoadResult noncanonical = loadTourFile(TOURS_CORPUS_DIR "/good/collect-handwritten.json");
  ASSERT_TRUE(noncanonical.ok()) << formatAll(noncanonical.diagnostics);
  std::string written = writeTour(*noncanonical.tour);
  EXPECT_EQ(written.find("\"every\": 1,"), std::string::npos) << written;
  EXPECT_EQ(written.find("\"label\""), std::string::npos) << written;
  LoadResult again = parseTour(written, "again.json");
  ASSERT_TRUE(again.ok()) << formatAll(again.diagnostics);
  EXPECT_EQ(test::contentDifference(*noncanonical.tour, *again.tour), "");
  EXPECT_EQ(again.tour->stops.at(0).collect.at(1).every, 2u);
}

TEST(DocExample, IsAValidTourInTheWritersLayout) {
  // The complete example in docs/tour-format.md is the first ```json block: it must load
  // without a diagnostic and already be in the layout writeTour produces.
  std::string doc = test::readFile(TOURGUIDE_SOURCE_DIR "/docs/tour-format.md");
  size_t start = doc.find("```json\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  size_t end = doc.find("```", start);
  ASSERT_NE(end, std::string::npos);
  std::string example = doc.substr(start, end - start);
  LoadResult result = parseTour(example, "docs/tour-format.md");
  ASSERT_TRUE(result.ok()) << formatAll(result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty()) << formatAll(result.diagnostics);
  EXPECT_EQ(writeTour(*result.tour), example);
}

} // namespace
} // namespace tourguide::tours
