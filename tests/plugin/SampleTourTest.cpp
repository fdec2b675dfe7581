// Plays every tour of every sample repo in this build (train first: eval reads the
// checkpoint train writes) in a real, in-process LLDB. For each stop: it comes in order,
// shows its title, marks the line the program is stopped at (which holds the anchor's
// pattern when a pattern placed it), and every plain-variable watch shows the value LLDB
// itself reads there. The program must then exit normally with every stop reached.
#include "LldbSession.h"
#include "PluginSamples.h"
#include "TourTestSupport.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

std::string sourceLine(const std::string &file, unsigned line) {
  std::ifstream in(file);
  std::string text;
  for (unsigned n = 1; std::getline(in, text); ++n)
    if (n == line)
      return text;
  return {};
}

/// True when `shown` contains `expected`, or a number within 1e-4 (relative) of it.
bool showsValue(const std::string &shown, const std::string &expected) {
  if (shown.find(expected) != std::string::npos)
    return true;
  char *end = nullptr;
  double want = std::strtod(expected.c_str(), &end);
  if (end == expected.c_str())
    return false;
  static const std::regex number(R"([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
  for (std::sregex_iterator it(shown.begin(), shown.end(), number), stop; it != stop; ++it) {
    double got = std::stod(it->str());
    if (std::fabs(got - want) <= 1e-4 * std::max(1.0, std::fabs(want)))
      return true;
  }
  return false;
}

void checkStop(LldbSession &lldb, const tourguide::tours::Tour &tour, size_t index, const std::string &text) {
  const auto &stop = tour.stops[index];
  SCOPED_TRACE("stop " + stop.id);
  std::string position = std::to_string(index + 1) + "/" + std::to_string(tour.stops.size());
  EXPECT_NE(text.find(position), std::string::npos) << text;
  EXPECT_NE(text.find(stop.title), std::string::npos) << text;
  lldb::SBFrame frame = lldb.debugger().GetSelectedTarget().GetProcess().GetSelectedThread().GetFrameAtIndex(0);
  lldb::SBLineEntry entry = frame.GetLineEntry();
  ASSERT_TRUE(entry.IsValid());
  EXPECT_NE(text.find("> " + std::to_string(entry.GetLine()) + " "), std::string::npos)
      << "line " << entry.GetLine() << " not marked in:\n" << text;
  std::string file = std::string(entry.GetFileSpec().GetDirectory()) + "/" + entry.GetFileSpec().GetFilename();
  if (!stop.anchor.pattern.empty() && (stop.anchor.function.empty() || stop.anchor.file.empty())) {
    using tourguide::tours::collapseWhitespace;
    EXPECT_NE(collapseWhitespace(sourceLine(file, entry.GetLine())).find(collapseWhitespace(stop.anchor.pattern)),
              std::string::npos)
        << "the stop's line does not hold its pattern '" << stop.anchor.pattern << "'";
  }
  for (const auto &w : stop.watch) {
    std::string label = w.label.empty() ? w.expr : w.label;
    std::string line = watchLine(text, label);
    EXPECT_FALSE(line.empty()) << "no value for " << label << " in:\n" << text;
    // The renderer marks a watch that could not be read with " ! " and the reason.
    EXPECT_EQ(line.find(" ! "), std::string::npos) << "watch " << label << " was not read: " << line;
    if (!w.count.empty() || !tourguide::tours::isVariablePath(w.expr))
      continue;
    lldb::SBValue v = frame.GetValueForVariablePath(w.expr.c_str(), lldb::eDynamicDontRunTarget);
    if (v.IsValid() && v.GetError().Success() && v.GetNumChildren() == 0 && v.GetValue()) {
      EXPECT_TRUE(showsValue(line, v.GetValue())) << label << " should show " << v.GetValue() << ": " << line;
    }
  }
}

void playTour(const Sample &sample, const std::string &program) {
  std::string tourFile = std::string(sample.sourceDir) + "/.tours/" + program + ".json";
  SCOPED_TRACE(tourFile);
  auto loaded = tourguide::tours::loadTourFile(tourFile);
  ASSERT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics);
  const auto &tour = *loaded.tour;
  LldbSession lldb;
  ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
  ASSERT_TRUE(lldb.run("target create " + std::string(sample.buildDir) + "/" + program).ok);
  Reply r = lldb.run("tour start " + tourFile);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_EQ(r.out.find("did not resolve"), std::string::npos) << r.out;
  for (size_t i = 0; i < tour.stops.size(); ++i) {
    checkStop(lldb, tour, i, r.out);
    r = lldb.run("tour next");
    ASSERT_TRUE(r.ok) << r.all();
  }
  EXPECT_NE(r.out.find("The program exited with status 0."), std::string::npos) << r.out;
  std::string all = std::to_string(tour.stops.size());
  EXPECT_NE(r.out.find(all + " of " + all + " stops reached"), std::string::npos) << r.out;
}

class SampleTours : public ::testing::TestWithParam<Sample> {};

TEST_P(SampleTours, TrainThenEvalWalkEveryStop) {
  playTour(GetParam(), "train");
  playTour(GetParam(), "eval");
}

INSTANTIATE_TEST_SUITE_P(Repos, SampleTours, ::testing::ValuesIn(kSamples),
                         [](const auto &info) { return std::string(info.param.name); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SampleTours);

} // namespace
