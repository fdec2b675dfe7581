// Each sample repo is a real, small ML program: these tests run it and read its files.
#include "RunProgram.h"
#include "SampleRepos.h"

#include "tourguide/tours/Files.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using tourguide::testing::makeTempDir;
using tourguide::testing::ProgramRun;
using tourguide::testing::runProgram;
using tourguide::testing::SampleRepo;
using tourguide::testing::sampleRepos;

namespace {

struct EpochLoss {
  int epoch;
  double loss;
};

// train prints "epoch <N> loss <L>" once per epoch.
std::vector<EpochLoss> parseEpochLosses(const std::string &output) {
  static const std::regex line(R"((?:^|\n)epoch (\d+) loss ([-+0-9.eE]+|nan|inf))");
  std::vector<EpochLoss> out;
  for (std::sregex_iterator it(output.begin(), output.end(), line), end; it != end; ++it)
    out.push_back({std::stoi((*it)[1]), std::stod((*it)[2])});
  return out;
}

// eval prints "accuracy <A> (chance <C>)".
bool parseAccuracy(const std::string &output, double &accuracy, double &chance) {
  static const std::regex line(R"((?:^|\n)accuracy ([0-9.]+) \(chance ([0-9.]+)\))");
  std::smatch m;
  if (!std::regex_search(output, m, line))
    return false;
  accuracy = std::stod(m[1]);
  chance = std::stod(m[2]);
  return true;
}

bool isSourceFile(const fs::path &p) {
  static const std::set<std::string> exts = {".c", ".h", ".cc", ".cpp", ".hpp", ".cxx", ".hh"};
  return exts.count(p.extension().string()) != 0;
}

// Every source file of the repo, skipping build folders.
std::vector<fs::path> sourceFiles(const fs::path &root) {
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && it->path().filename().string().rfind("build", 0) == 0) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && isSourceFile(it->path()))
      files.push_back(it->path());
  }
  return files;
}

class SampleRepoTest : public ::testing::TestWithParam<SampleRepo> {
protected:
  void SetUp() override {
    scratch_ = makeTempDir("tourguide-sample");
    ASSERT_FALSE(scratch_.empty());
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(scratch_, ec);
  }

  ProgramRun run(const std::string &program, const std::string &checkpoint) {
    const SampleRepo &repo = GetParam();
    return runProgram(repo.binaryDir + "/" + program, {"data", checkpoint}, repo.binaryDir);
  }

  std::string scratch_;
};

TEST_P(SampleRepoTest, TrainingLossFalls) {
  std::string ckpt = scratch_ + "/model.ckpt";
  ProgramRun train = run("train", ckpt);
  ASSERT_EQ(train.exitCode, 0) << train.output;

  std::vector<EpochLoss> losses = parseEpochLosses(train.output);
  ASSERT_GE(losses.size(), 2u) << "expected 'epoch N loss L' lines in:\n" << train.output;
  for (size_t i = 1; i < losses.size(); ++i)
    EXPECT_GT(losses[i].epoch, losses[i - 1].epoch);
  EXPECT_LT(losses.back().loss, 0.8 * losses.front().loss)
      << "the loss should fall clearly over training:\n" << train.output;
  EXPECT_GT(fs::file_size(ckpt), 0u) << "train saved no checkpoint";
}

TEST_P(SampleRepoTest, EvaluationBeatsChance) {
  std::string ckpt = scratch_ + "/model.ckpt";
  ProgramRun train = run("train", ckpt);
  ASSERT_EQ(train.exitCode, 0) << train.output;

  ProgramRun eval = run("eval", ckpt);
  ASSERT_EQ(eval.exitCode, 0) << eval.output;
  double accuracy = 0, chance = 0;
  ASSERT_TRUE(parseAccuracy(eval.output, accuracy, chance))
      << "expected 'accuracy A (chance C)' in:\n" << eval.output;
  EXPECT_GT(chance, 0.0);
  EXPECT_LE(accuracy, 1.0);
  EXPECT_GT(accuracy, chance + 0.2) << "eval should beat chance by a wide margin";
}

TEST_P(SampleRepoTest, EvalWithoutCheckpointFailsWithAMessage) {
  ProgramRun eval = run("eval", scratch_ + "/missing.ckpt");
  EXPECT_NE(eval.exitCode, 0);
  EXPECT_NE(eval.output.find("missing.ckpt"), std::string::npos)
      << "the error should name the checkpoint it could not read:\n" << eval.output;
}

std::set<std::string> stagesOf(const tourguide::tours::Tour &tour) {
  std::set<std::string> stages;
  for (const auto &stop : tour.stops)
    stages.insert(stop.stage);
  return stages;
}

TEST_P(SampleRepoTest, ToursAreValidAndCoverEveryStage) {
  const fs::path tours = fs::path(GetParam().sourceDir) / ".tours";
  const std::map<std::string, std::vector<std::string>> required = {
      {"train.json", {"data", "loop", "model", "loss", "optimizer", "metrics"}},
      {"eval.json", {"data", "model", "metrics"}}};
  for (const auto &[file, stages] : required) {
    auto loaded = tourguide::tours::loadTourFile((tours / file).string());
    ASSERT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics);
    EXPECT_FALSE(tourguide::tours::hasErrors(loaded.diagnostics));
    std::set<std::string> have = stagesOf(*loaded.tour);
    for (const std::string &stage : stages)
      EXPECT_TRUE(have.count(stage)) << file << " has no stop for stage " << stage;
    for (const auto &stop : loaded.tour->stops) {
      EXPECT_FALSE(stop.text.empty()) << file << ": stop " << stop.id << " has no text";
      for (const auto &w : stop.watch)
        EXPECT_TRUE(tourguide::tours::isVariablePath(w.expr))
            << file << ": stop " << stop.id << " watches '" << w.expr
            << "', which would need --trust";
    }
  }
}

// A pattern anchors a stop only if it is really in the code (in the named file when there is one).
TEST_P(SampleRepoTest, TourPatternsAreInTheSources) {
  const fs::path root = GetParam().sourceDir;
  std::vector<std::pair<fs::path, std::string>> sources;
  for (const fs::path &f : sourceFiles(root)) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    sources.emplace_back(f, tourguide::tours::collapseWhitespace(ss.str()));
  }
  for (const auto &entry : fs::directory_iterator(root / ".tours")) {
    auto loaded = tourguide::tours::loadTourFile(entry.path().string());
    ASSERT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics);
    for (const auto &stop : loaded.tour->stops) {
      if (stop.anchor.pattern.empty())
        continue;
      std::string pattern = tourguide::tours::collapseWhitespace(stop.anchor.pattern);
      bool found = false;
      for (const auto &[path, text] : sources) {
        if (!stop.anchor.file.empty() && path != root / stop.anchor.file)
          continue;
        found = found || text.find(pattern) != std::string::npos;
      }
      EXPECT_TRUE(found) << entry.path().filename().string() << ": stop " << stop.id
                         << ": pattern '" << stop.anchor.pattern << "' is not in the sources";
    }
  }
}

std::string unqualified(const std::string &name) {
  size_t colons = name.rfind("::");
  return colons == std::string::npos ? name : name.substr(colons + 2);
}

// ground_truth.json says where each stage is; the indexer is tested against it, so it must be
// right: every entry names a line that holds that function's name or that loop.
TEST_P(SampleRepoTest, GroundTruthPointsAtTheCode) {
  const fs::path root = GetParam().sourceDir;
  std::ifstream in(root / "ground_truth.json");
  ASSERT_TRUE(in) << "no ground_truth.json in " << root;
  nlohmann::json truth = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(truth.is_discarded()) << "ground_truth.json is not valid JSON";
  ASSERT_EQ(truth.value("repo", ""), GetParam().name);

  auto checkEntry = [&](const nlohmann::json &e, bool isLoop) {
    std::string where = e.dump();
    fs::path file = root / e.at("file").get<std::string>();
    std::vector<std::string> lines =
        tourguide::tours::readLines(file.string()).value_or(std::vector<std::string>{});
    unsigned line = e.at("line").get<unsigned>();
    ASSERT_GE(line, 1u) << where;
    ASSERT_LE(line, lines.size()) << where;
    const std::string &text = lines[line - 1];
    if (isLoop) {
      EXPECT_TRUE(text.find("for") != std::string::npos || text.find("while") != std::string::npos)
          << where << " points at '" << text << "', not a loop";
    } else if (e.value("note", "").find("lambda") != std::string::npos) {
      EXPECT_NE(text.find('['), std::string::npos) << where << " points at '" << text << "'";
    } else {
      EXPECT_NE(text.find(unqualified(e.at("function"))), std::string::npos)
          << where << " points at '" << text << "'";
    }
  };

  std::set<std::string> kinds;
  for (const auto &e : truth.at("entry_points")) {
    kinds.insert(e.at("kind").get<std::string>());
    checkEntry(e, false);
  }
  EXPECT_TRUE(kinds.count("train") && kinds.count("eval"));

  std::map<std::string, std::set<std::string>> stagesByEntry;
  for (const auto &s : truth.at("stages")) {
    stagesByEntry[s.at("entry")].insert(s.at("stage").get<std::string>());
    checkEntry(s, s.at("stage") == "loop");
  }
  for (const char *stage : {"data", "loop", "model", "loss", "optimizer"})
    EXPECT_TRUE(stagesByEntry["train"].count(stage)) << "train has no ground truth for " << stage;
  for (const char *stage : {"data", "model", "metrics"})
    EXPECT_TRUE(stagesByEntry["eval"].count(stage)) << "eval has no ground truth for " << stage;
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleRepoTest, ::testing::ValuesIn(sampleRepos()),
                         [](const ::testing::TestParamInfo<SampleRepo> &info) {
                           return info.param.name;
                         });

} // namespace
