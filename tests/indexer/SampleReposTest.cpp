// End to end on the sample repos: index each repo's TUs from this build's
// compile_commands.json, compare with the repo's ground_truth.json, and check that the
// drafted tours are valid tour files.
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/FindingsJson.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/TURunner.h"
#include "tourguide/indexer/TourDraft.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <set>

namespace tourguide::indexer {
namespace {

struct Indexed {
  std::vector<TUFacts> tus;
  Analysis analysis;
  nlohmann::json truth;
  std::string repoDir;
};

/// Indexes one sample repo; skips the test when the repo or its build is not there.
bool indexRepo(const std::string &repo, Indexed &out, std::string &why) {
  out.repoDir = std::string(TOURGUIDE_SOURCE_DIR) + "/sample_repos/" + repo;
  auto buf = llvm::MemoryBuffer::getFile(out.repoDir + "/ground_truth.json");
  if (!buf) {
    why = repo + " has no ground_truth.json yet";
    return false;
  }
  out.truth = nlohmann::json::parse((*buf)->getBuffer().str(), nullptr, false);
  if (out.truth.is_discarded()) {
    why = repo + "/ground_truth.json is not valid JSON";
    return false;
  }
  auto db = clangfront::loadCompilationDatabase(TOURGUIDE_BINARY_DIR);
  if (!db) {
    why = llvm::toString(db.takeError());
    return false;
  }
  std::vector<std::string> files = clangfront::selectSources(**db, {out.repoDir});
  if (files.empty()) {
    why = repo + " is not part of this build (TOURGUIDE_COMPONENTS needs sample_repos)";
    return false;
  }
  clangfront::RunOptions options;
  options.jobs = 2;
  out.tus = extractFacts(**db, files, options);
  ProgramIndex index(out.tus);
  out.analysis = analyse(index);
  return true;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

class SampleRepo : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleRepo, FindingsMatchGroundTruth) {
  Indexed r;
  std::string why;
  if (!indexRepo(GetParam(), r, why))
    GTEST_SKIP() << why;
  RunSummary summary = summarise(r.tus);
  EXPECT_EQ(summary.withErrors, 0u) << "the sample repos compile cleanly";

  for (const auto &e : r.truth.at("entry_points")) {
    bool found = false;
    for (const EntryPoint &mine : r.analysis.entries)
      found |= mine.program == e.at("program") && mine.kind == e.at("kind") &&
               mine.function == e.at("function") && endsWith(mine.file, "/" + e.at("file").get<std::string>()) &&
               mine.line == e.at("line");
    EXPECT_TRUE(found) << GetParam() << ": entry point not found: " << e.dump();
  }

  std::set<std::string> expectedKeys;
  unsigned matched = 0, total = 0;
  for (const auto &s : r.truth.at("stages")) {
    ++total;
    std::string entry = s.at("entry"), stage = s.at("stage"), function = s.at("function"), file = s.at("file");
    unsigned line = s.at("line");
    expectedKeys.insert(entry + "|" + stage + "|" + function);
    std::string near;
    bool found = false;
    for (const Finding &f : r.analysis.findings) {
      if (f.entry != entry || f.function != function)
        continue;
      if (f.stage == stage && endsWith(f.file, "/" + file) && f.line == line)
        found = true;
      near += " " + f.stage + "@" + std::to_string(f.line);
    }
    matched += found;
    EXPECT_TRUE(found) << GetParam() << ": " << entry << " " << stage << " in " << function << " (" << file
                       << ":" << line << ") not found; findings for that function:" << near;
  }
  unsigned extra = 0;
  std::set<std::string> programs;
  for (const auto &e : r.truth.at("entry_points"))
    programs.insert(e.at("program"));
  for (const Finding &f : r.analysis.findings)
    if (programs.count(f.entry) && !expectedKeys.count(f.entry + "|" + f.stage + "|" + f.function))
      ++extra;
  // Extra findings are tolerated but counted, so a change that adds noise shows up here.
  std::cout << "[ " << GetParam() << " ] ground truth stages found: " << matched << "/" << total
            << ", extra findings: " << extra << "\n";
}

TEST_P(SampleRepo, DraftedToursAreValid) {
  Indexed r;
  std::string why;
  if (!indexRepo(GetParam(), r, why))
    GTEST_SKIP() << why;
  unsigned drafted = 0;
  for (const EntryPoint &e : r.analysis.entries) {
    if (e.kind == "other")
      continue;
    DraftOptions options;
    options.repoRoot = r.repoDir;
    options.tourDir = r.repoDir + "/.tours";
    tourguide::tours::Tour tour = draftTour(e, r.analysis.findings, options);
    ASSERT_FALSE(tour.stops.empty()) << e.program;
    ++drafted;
    std::string text = tourguide::tours::writeTour(tour);
    auto loaded = tourguide::tours::parseTour(text, r.repoDir + "/.tours/" + e.program + ".json");
    EXPECT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics) << text;
    EXPECT_TRUE(llvm::sys::fs::can_execute(e.executable)) << "the tour's program is built: " << e.executable;
    std::set<std::string> stages;
    for (const auto &stop : tour.stops) {
      stages.insert(stop.stage);
      EXPECT_FALSE(stop.anchor.empty());
      EXPECT_FALSE(stop.text.empty());
    }
    if (e.kind == "train") {
      for (const char *s : {"data", "loop", "model", "loss", "optimizer"})
        EXPECT_TRUE(stages.count(s)) << e.program << " tour lacks a " << s << " stop";
    }
  }
  EXPECT_GE(drafted, 2u);
}

INSTANTIATE_TEST_SUITE_P(Indexer, SampleRepo, ::testing::Values("mlp_c", "torchlike", "generic_fit"));

} // namespace
} // namespace tourguide::indexer
