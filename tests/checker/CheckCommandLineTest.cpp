// `tourguide check` as a command: arguments, exit codes, the text summary and the JSON form.
#include "CheckCommandLine.h"
#include "SampleCopy.h"
#include "tourguide/clangfront/TUCache.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tourguide::checker::testing {
namespace {

/// How many series with anchors of their own the tours declare (the sample tours may declare
/// some): the summary counts series only when there are some.
unsigned anchoredSeries(const std::vector<std::string> &paths) {
  unsigned n = 0;
  for (const std::string &path : paths) {
    tours::LoadResult loaded = tours::loadTourFile(path);
    if (!loaded.ok())
      continue;
    n += static_cast<unsigned>(loaded.tour->collect.size());
    for (const tours::Stop &stop : loaded.tour->stops)
      for (const tours::Collect &c : stop.collect)
        n += !c.anchor.empty();
  }
  return n;
}

/// ", N series", or "" when the tours declare none.
std::string seriesPart(const std::vector<std::string> &paths, unsigned n) {
  return anchoredSeries(paths) == 0 ? "" : ", " + std::to_string(n) + " series";
}

const char *const kUsageLine = "Usage: tourguide check [--fix] [--format=text|json] [-j N] -p BUILD_DIR TOUR...\n";

TEST(CheckCommand, UsageErrorsExitWithTwo) {
  CommandRun none = runCheck({"-p", "build"});
  EXPECT_EQ(none.exit, 2);
  EXPECT_EQ(none.err, std::string("tourguide check: error: no tour file given\n") + kUsageLine);
  CommandRun noBuild = runCheck({"t.json"});
  EXPECT_EQ(noBuild.exit, 2);
  EXPECT_EQ(noBuild.err, std::string("tourguide check: error: no build folder given: pass -p BUILD_DIR (the folder "
                                     "holding compile_commands.json)\n") + kUsageLine);
  CommandRun unknown = runCheck({"--frobnicate", "t.json"});
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_EQ(unknown.err, std::string("tourguide check: error: unknown option '--frobnicate'\n") + kUsageLine);
  EXPECT_EQ(runCheck({"--format=xml", "-p", "b", "t.json"}).exit, 2);
}

TEST(CheckCommand, AMissingCompilationDatabaseExitsWithTwo) {
  CommandRun run = runCheck({"-p", "/nonexistent/build", "t.json"});
  EXPECT_EQ(run.exit, 2);
  EXPECT_EQ(run.err, "tourguide check: error: cannot load a compilation database from '/nonexistent/build': no such "
                     "file or directory\n");
}

TEST(CheckCommand, ErrorsFailAndWarningsDoNot) {
  SampleCopy copy("mlp_c");
  std::string build = copy.writeCompileCommands();
  std::string train = copy.path(".tours/train.json"), eval = copy.path(".tours/eval.json");
  CommandRun clean = runCheck({"-p", build, train, eval});
  EXPECT_EQ(clean.exit, 0) << clean.out << clean.err;
  EXPECT_EQ(clean.out, "checked 19 stops" + seriesPart({train, eval}, anchoredSeries({train, eval})) + " in 2 tours: 0 errors, 0 warnings\n");

  ASSERT_EQ(copy.apply({"src/optim.c", "#include \"optim.h\"", "\n\n#include \"optim.h\""}), "");
  CommandRun warned = runCheck({"-p", build, train});
  EXPECT_EQ(warned.exit, 0);
  EXPECT_NE(warned.out.find(": 0 errors, 1 warning\n"), std::string::npos) << warned.out;

  ASSERT_EQ(copy.apply({"src/loss.c", "float softmax_cross_entropy(", "float softmax_xent("}), "");
  ASSERT_EQ(copy.apply({"src/loss.c", "        total += -logf(p_true);\n", ""}), "");
  CommandRun failed = runCheck({"-p", build, train});
  EXPECT_EQ(failed.exit, 1) << failed.out;
}

TEST(CheckCommand, JsonGivesOneObjectPerStop) {
  SampleCopy copy("mlp_c");
  std::string build = copy.writeCompileCommands();
  ASSERT_EQ(copy.apply({"src/optim.c", "#include \"optim.h\"", "\n\n#include \"optim.h\""}), "");
  CommandRun run = runCheck({"--format=json", "-p", build, copy.path(".tours/train.json")});
  EXPECT_EQ(run.exit, 0);
  nlohmann::json doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc.at("exit_code"), 0);
  const nlohmann::json *step = nullptr;
  size_t stops = 0;
  for (const nlohmann::json &s : doc.at("stops")) {
    stops += s.at("kind") == "stop";
    if (s.at("kind") == "stop" && s.at("stop") == "momentum-step")
      step = &s;
    else
      EXPECT_EQ(s.at("status"), "ok") << s.dump();
  }
  EXPECT_EQ(stops, 14u);
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(step->at("status"), "warning");
  EXPECT_EQ(step->at("form"), "function + pattern");
  EXPECT_EQ(step->at("location").at("file"), "src/optim.c");
  EXPECT_EQ(step->at("location").at("line"), 34);
  EXPECT_EQ(step->at("location").at("function"), "sgd_update");
  ASSERT_EQ(step->at("diagnostics").size(), 1u);
  EXPECT_EQ(step->at("diagnostics")[0].at("field"), "line");
  EXPECT_EQ(step->at("diagnostics")[0].at("message"), "line 32 is out of date: the pattern is on line 34");
}

TEST(CheckCommand, FixRewritesTheTourAndSaysWhatChanged) {
  SampleCopy copy("mlp_c");
  std::string build = copy.writeCompileCommands();
  ASSERT_EQ(copy.apply({"src/optim.c", "#include \"optim.h\"", "\n\n#include \"optim.h\""}), "");
  std::string tour = copy.path(".tours/train.json");
  CommandRun fixed = runCheck({"--fix", "-p", build, tour});
  EXPECT_EQ(fixed.exit, 0);
  EXPECT_EQ(fixed.out, tour +
                           ":261:17: fixed: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): "
                           "line 32 -> 34 (the pattern is there)\n"
                           "checked 14 stops" + seriesPart({tour}, anchoredSeries({tour})) +
                           " in 1 tour: 0 errors, 0 warnings, 1 stop" + seriesPart({tour}, 0) + " fixed\n");
  EXPECT_EQ(runCheck({"-p", build, tour}).exit, 0);
}

TEST(CheckCommand, AnUnchangedRepoIsCheckedFromTheCacheWithTheSameResult) {
  SampleCopy copy("mlp_c");
  std::string build = copy.writeCompileCommands();
  std::string train = copy.path(".tours/train.json");
  std::string cache = copy.path("elsewhere");
  auto checkAll = [&](std::vector<std::string> how) {
    how.insert(how.end(), {"--format=json", "-p", build, train});
    CommandRun run = runCheck(how);
    return std::to_string(run.exit) + "\n" + run.out + run.err;
  };
  std::string none = checkAll({"--no-cache"});
  EXPECT_EQ(checkAll({"--cache-dir", cache}), none) << "cold cache";
  EXPECT_EQ(checkAll({"--cache-dir", cache}), none) << "warm cache";

  // The warm cache holds every TU the check parses (all of the copy's).
  clangfront::TUCache tuCache(cache + "/check", definitionsCacheKind());
  IndexOptions options;
  options.cache = &tuCache;
  llvm::Expected<SourceIndex> index = indexCompilationDatabase(build, options);
  ASSERT_TRUE(bool(index)) << llvm::toString(index.takeError());
  EXPECT_EQ(tuCache.misses, 0u);
  EXPECT_EQ(tuCache.hits, index->translationUnits);

  // After an edit that moves a stop's line, the cached check still agrees with a fresh one.
  ASSERT_EQ(copy.apply({"src/optim.c", "#include \"optim.h\"", "\n\n#include \"optim.h\""}), "");
  std::string edited = checkAll({"--cache-dir", cache});
  EXPECT_NE(edited, none);
  EXPECT_EQ(edited, checkAll({"--no-cache"}));
}

} // namespace
} // namespace tourguide::checker::testing
