// `tour check` (the plugin, in the real lldb executable in batch mode, against the built program's
// debug info) and `tourguide check` (the CLI, against the build's compile_commands.json) give the
// same verdict on every stop and every collected series of every sample tour
// (sample_repos/*/.tours/*.json), and resolve it by the same form to the same file and line.
// Both resolve anchors with tours::resolveAnchor; this keeps their two backends honest.
#include "PluginSamples.h"
#include "RunProgram.h"

#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

/// What one tool said about one stop or series.
struct Verdict {
  std::string status; ///< "ok", "warning", "error".
  std::string form;   ///< The form that resolved it ("" when none did).
  std::string file;   ///< Absolute.
  unsigned line = 0;
};

std::string describe(const Verdict &v) {
  return v.status + (v.form.empty() ? "" : " by " + v.form + " at " + v.file + ":" + std::to_string(v.line));
}

/// "stop ID" or "series NAME".
using Key = std::string;

/// Reads `tour check`'s output: every checked item (the stops, then tours::seriesOf's series,
/// in order) ends with an "ok  ID: FORM -> FUNCTION at FILE:LINE (...)" line, a "warning  ID: ..."
/// line, or one error diagnostic.
std::map<Key, Verdict> pluginVerdicts(const tourguide::tours::Tour &tour, const std::string &output) {
  std::vector<std::pair<Key, std::string>> items; // key, id as the ok line names it
  for (const auto &stop : tour.stops)
    items.push_back({"stop " + stop.id, stop.id});
  for (const auto &place : tourguide::tours::seriesOf(tour))
    items.push_back({"series " + place.collect->name, place.collect->name});
  std::map<Key, Verdict> out;
  size_t next = 0;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line) && next < items.size()) {
    const auto &[key, id] = items[next];
    if (line.rfind(tour.sourcePath + ":", 0) == 0 && line.find(": error: ") != std::string::npos) {
      out[key] = {"error", "", "", 0};
      ++next;
      continue;
    }
    for (const char *status : {"ok", "warning"}) {
      std::string head = std::string(status) + "  " + id + ": ";
      if (line.rfind(head, 0) != 0)
        continue;
      Verdict v{status, "", "", 0};
      size_t arrow = line.find(" -> ", head.size());
      size_t at = line.rfind(" at ");
      size_t colon = line.rfind(':', line.rfind(" ("));
      if (arrow != std::string::npos && at != std::string::npos && colon != std::string::npos && colon > at) {
        v.form = line.substr(head.size(), arrow - head.size());
        v.file = line.substr(at + 4, colon - at - 4);
        v.line = static_cast<unsigned>(std::stoul(line.substr(colon + 1)));
      }
      out[key] = v;
      ++next;
      break;
    }
  }
  return out;
}

/// Reads `tourguide check --format=json` for the tour at `tourPath`: every stop, and every series
/// with an anchor of its own.
std::map<Key, Verdict> cliVerdicts(const nlohmann::json &doc, const std::string &tourPath, const std::string &root) {
  std::map<Key, Verdict> out;
  for (const auto &item : doc.at("stops")) {
    if (item.at("tour") != tourPath)
      continue;
    bool series = item.at("kind") == "series";
    Verdict v{item.at("status").get<std::string>(), "", "", 0};
    if (!item.at("location").is_null()) {
      v.form = item.at("form").get<std::string>();
      std::string file = item.at("location").at("file").get<std::string>();
      v.file = fs::path(file).is_absolute() ? file : root + "/" + file;
      v.line = item.at("location").at("line").get<unsigned>();
    }
    out[(series ? "series " : "stop ") + item.at(series ? "series" : "stop").get<std::string>()] = v;
  }
  return out;
}

class CheckAgreement : public ::testing::TestWithParam<Sample> {};

TEST_P(CheckAgreement, PluginAndCliGiveTheSameVerdictOnEverySampleTour) {
  const Sample &sample = GetParam();
  std::vector<std::string> tours;
  for (const auto &entry : fs::directory_iterator(fs::path(sample.sourceDir) / ".tours"))
    if (entry.path().extension() == ".json")
      tours.push_back(entry.path().string());
  std::sort(tours.begin(), tours.end());
  ASSERT_FALSE(tours.empty()) << sample.sourceDir;

  // `tourguide check` once over all the sample's tours (it indexes the sources once).
  std::vector<std::string> cli = {TG_TOURGUIDE, "check", "--format=json", "-j", "2", "-p", TG_BUILD_DIR};
  cli.insert(cli.end(), tours.begin(), tours.end());
  std::string cliText = runProgram(cli);
  nlohmann::json doc = nlohmann::json::parse(cliText.substr(std::min(cliText.find('{'), cliText.size())), nullptr,
                                             /*allow_exceptions=*/false);
  ASSERT_TRUE(doc.is_object() && doc.contains("stops")) << cliText;

  for (const std::string &path : tours) {
    SCOPED_TRACE(path);
    tourguide::tours::LoadResult loaded = tourguide::tours::loadTourFile(path);
    ASSERT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics);
    const tourguide::tours::Tour &tour = *loaded.tour;
    // The program the tour plays, as this build made it.
    std::string program = std::string(sample.buildDir) + "/" + fs::path(tour.program.path).filename().string();
    std::string pluginText = runProgram({TG_LLDB, "--no-lldbinit", "--batch", "-o", std::string("plugin load ") + TG_PLUGIN,
                                  "-o", "target create " + program, "-o", "tour check " + path});
    std::map<Key, Verdict> plugin = pluginVerdicts(tour, pluginText);
    std::map<Key, Verdict> checker = cliVerdicts(doc, path, tourguide::tours::repoRoot(tour));
    ASSERT_EQ(plugin.size(), tour.stops.size() + tourguide::tours::seriesOf(tour).size()) << pluginText;
    ASSERT_GE(checker.size(), tour.stops.size()) << cliText;

    // Every stop, and every series the CLI checks (those with an anchor of its own; one
    // collected at its stop's anchor has its stop's verdict), alike in both.
    for (const auto &[key, c] : checker) {
      SCOPED_TRACE(key);
      auto p = plugin.find(key);
      ASSERT_NE(p, plugin.end()) << pluginText;
      EXPECT_EQ(p->second.status, c.status) << "tour check: " << describe(p->second)
                                            << "\ntourguide check: " << describe(c) << "\n"
                                            << pluginText;
      EXPECT_EQ(p->second.form, c.form);
      EXPECT_EQ(p->second.file, c.file);
      EXPECT_EQ(p->second.line, c.line);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Repos, CheckAgreement, ::testing::ValuesIn(kSamples),
                         [](const auto &info) { return std::string(info.param.name); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckAgreement);

} // namespace
