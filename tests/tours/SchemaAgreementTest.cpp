// tours/schema/tour.schema.json and the loader must agree on which files are valid:
// every corpus file and every sample tour gets the same verdict from both. Warnings do not
// make a file invalid. Four rules are beyond JSON Schema: duplicate keys (merged by JSON
// parsers before a schema sees them); unique stop ids and unique series names (uniqueness of a
// property across array items, and for series across two arrays, the top-level `collect` and
// the stops' ones, cannot be expressed); and a `plot` entry naming a series that no collect
// item declares (a reference to values elsewhere in the document cannot be expressed). For
// those files the schema must say "valid" and the loader "invalid". docs/tour-format.md
// ("Checking a tour") lists the same four; mutate_tours.py skips mutants that break them.
#include "RunCommand.h"
#include "TestFiles.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

namespace tourguide::tours {
namespace {

const std::vector<std::string> kBeyondJsonSchema = {"duplicate-key.json", "duplicate-stop-id.json",
                                                     "collect-duplicate-name.json",
                                                     "plot-unknown-series.json"};

/// path -> "valid" / "invalid", from the JSON Schema via python3-jsonschema.
std::map<std::string, std::string> schemaVerdicts(const std::vector<std::string> &files) {
  std::vector<std::string> argv = {SYSTEM_PYTHON3, SCHEMA_VERDICT_SCRIPT, TOUR_SCHEMA_PATH};
  argv.insert(argv.end(), files.begin(), files.end());
  test::CommandResult result = test::runCommand(argv);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  std::map<std::string, std::string> verdicts;
  std::istringstream lines(result.out);
  std::string verdict, path;
  while (lines >> verdict && std::getline(lines >> std::ws, path))
    verdicts[path] = verdict;
  return verdicts;
}

void expectAgreement(const std::vector<std::string> &files) {
  std::map<std::string, std::string> verdicts = schemaVerdicts(files);
  for (const std::string &file : files) {
    SCOPED_TRACE(file);
    LoadResult loaded = loadTourFile(file);
    std::string name = std::filesystem::path(file).filename().string();
    bool beyondSchema = false;
    for (const std::string &b : kBeyondJsonSchema)
      beyondSchema = beyondSchema || (name == b && file.find("/bad/") != std::string::npos);
    if (beyondSchema) {
      EXPECT_EQ(verdicts[file], "valid");
      EXPECT_FALSE(loaded.ok());
      continue;
    }
    EXPECT_EQ(verdicts[file], loaded.ok() ? "valid" : "invalid") << formatAll(loaded.diagnostics);
  }
}

TEST(SchemaAgreement, SchemaIsAValidDraft202012Schema) {
  // schema_verdict.py checks the schema first and fails if it is not.
  test::CommandResult result =
      test::runCommand({SYSTEM_PYTHON3, SCHEMA_VERDICT_SCRIPT, TOUR_SCHEMA_PATH});
  EXPECT_EQ(result.exitCode, 0) << result.err;
}

TEST(SchemaAgreement, GoodCorpus) {
  std::vector<std::string> files = test::goodCorpus();
  ASSERT_FALSE(files.empty());
  expectAgreement(files);
}

TEST(SchemaAgreement, BadCorpus) {
  std::vector<std::string> files = test::badCorpus();
  ASSERT_FALSE(files.empty());
  expectAgreement(files);
}

TEST(SchemaAgreement, GeneratedMutantsOfGoodTours) {
  // Hundreds of one-mistake variants of the good corpus: a rule in one and not the other shows
  // up here even when no hand-written corpus file exercises it.
  std::string dir = testing::TempDir() + "/tourguide-mutants";
  std::filesystem::remove_all(dir);
  std::vector<std::string> argv = {SYSTEM_PYTHON3, MUTATE_TOURS_SCRIPT, dir, "20261121", "400"};
  for (const std::string &file : test::goodCorpus())
    argv.push_back(file);
  test::CommandResult generated = test::runCommand(argv);
  ASSERT_EQ(generated.exitCode, 0) << generated.err;
  std::vector<std::string> mutants = test::jsonFilesIn(dir);
  ASSERT_EQ(mutants.size(), 400u);
  expectAgreement(mutants);
  std::filesystem::remove_all(dir);
}

TEST(SchemaAgreement, SampleRepoTours) {
  std::vector<std::string> files = test::sampleTours();
  if (files.empty())
    GTEST_SKIP() << "no sample_repos/*/.tours/*.json yet";
  expectAgreement(files);
}

} // namespace
} // namespace tourguide::tours
