// The whole of issue 6 on every sample repo, as a newcomer would run it: play the train tour to
// its end, write `tour report`, open the page in headless Chromium (Debian's package) and check
// what the browser shows: the tour, every stop reached with its values, and a chart per
// collected series with as many points as `tour plot --values` lists.
#include "HeadlessChromium.h"
#include "LldbSession.h"
#include "PluginSamples.h"
#include "TourTestSupport.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

class SampleReport : public ::testing::TestWithParam<Sample> {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    folder = fs::temp_directory_path() / ("tourguide-sample-report-" + std::to_string(getpid()));
    fs::create_directories(folder);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  LldbSession lldb;
  fs::path folder;
};

TEST_P(SampleReport, TheTrainTourCollectsPlotsAndReportsWhatItSaw) {
  const Sample &sample = GetParam();
  std::string tourFile = std::string(sample.sourceDir) + "/.tours/train.json";
  auto loaded = tourguide::tours::loadTourFile(tourFile);
  ASSERT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics);
  const auto &tour = *loaded.tour;
  std::vector<std::string> series;
  for (const auto &place : tourguide::tours::seriesOf(tour))
    series.push_back(place.collect->name);
  ASSERT_FALSE(series.empty()) << "the train tour of " << sample.name << " collects no series";

  // The tour's program.path names the sample's own standalone build; use the one built here.
  std::string exe = std::string(sample.buildDir) + "/train";
  ASSERT_TRUE(lldb.run("target create " + exe).ok);
  Reply r = lldb.run("tour start " + tourFile);
  ASSERT_TRUE(r.ok) << r.all();
  std::string all = r.all();
  bool plotted = false;
  for (int i = 0; i < 40 && all.find("Type 'tour start") == std::string::npos; ++i) {
    r = lldb.run("tour next");
    ASSERT_TRUE(r.ok) << r.all();
    all += r.all();
    // A stop that plots a series draws it: its title line and a y axis.
    for (size_t k = 0; k < tour.stops.size(); ++k) {
      const auto &stop = tour.stops[k];
      std::string header = "== " + std::to_string(k + 1) + "/" + std::to_string(tour.stops.size()) + " ";
      if (stop.plot.empty() || r.out.find(header) == std::string::npos)
        continue;
      EXPECT_NE(r.out.find(stop.plot.front() + ": last "), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("┤"), std::string::npos) << r.out;
      plotted = true;
    }
  }
  EXPECT_NE(all.find("The program exited with status 0."), std::string::npos) << all;
  EXPECT_NE(all.find("Collected so far:"), std::string::npos) << all;
  bool anyPlot = false;
  for (const auto &stop : tour.stops)
    anyPlot |= !stop.plot.empty();
  EXPECT_TRUE(!anyPlot || plotted) << "no stop drew the chart its plot names";

  std::map<std::string, size_t> points;
  for (const auto &name : series) {
    points[name] = plottedPoints(lldb.run("tour plot --values " + name).out).size();
    EXPECT_GT(points[name], 1u) << name;
  }

  fs::path page = folder / (std::string(sample.name) + ".html");
  r = lldb.run("tour report " + page.string());
  ASSERT_TRUE(r.ok) << r.all();

  if (access(chromiumPath().c_str(), X_OK) != 0)
    GTEST_SKIP() << "headless Chromium not found at " << chromiumPath() << " (Debian package 'chromium')";
  const std::string profile = (folder / "profile").string();
  std::string dom = capture(chromiumCommand(profile, "--dump-dom", page.string()));
  ASSERT_FALSE(dom.empty()) << "Chromium printed no DOM";
  std::string text = textOf(dom);
  EXPECT_NE(text.find(tour.title), std::string::npos);
  for (const auto &stop : tour.stops)
    EXPECT_NE(text.find(stop.title), std::string::npos) << stop.id;
  for (const auto &name : series) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
    EXPECT_NE(text.find(std::to_string(points[name]) + " points"), std::string::npos)
        << name << " should show " << points[name] << " points";
  }
  EXPECT_GE(countOf(dom, "<svg"), series.size()); // one chart per series

  fs::path shot = folder / "page.png";
  capture(chromiumCommand(profile, "--window-size=1100,1600 --screenshot=" + shot.string(), page.string()));
  std::error_code ec;
  // A blank page of that size compresses to about 10 KB; text, cards and charts to far more.
  EXPECT_GT(fs::file_size(shot, ec), 60000u) << "screenshot missing or blank";
}

INSTANTIATE_TEST_SUITE_P(Repos, SampleReport, ::testing::ValuesIn(kSamples),
                         [](const ::testing::TestParamInfo<Sample> &info) { return std::string(info.param.name); });

} // namespace
