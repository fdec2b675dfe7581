// The indexer's facts kept between runs (the cache) and as files (--tu / --merge): a copy of
// the torchlike sample repo indexed without a cache, with a cold one and a warm one gives the
// same findings to the byte, before and after an edit; a facts file reads back to the same
// facts and refuses another version.
#include "IndexCommand.h"
#include "TempDirTest.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TUCache.h"
#include "tourguide/indexer/FactExtractor.h"
#include "tourguide/indexer/FactsFile.h"
#include "tourguide/indexer/FindingsJson.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/TURunner.h"

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <filesystem>
#include <string>
#include <vector>

namespace tourguide::indexer {
namespace {

class TorchlikeCopy : public test::TempDirTest {
protected:
  void SetUp() override {
    ASSERT_FALSE(makeDir("tourguide-factscache"));
    std::filesystem::path from = std::filesystem::path(TOURGUIDE_SOURCE_DIR) / "sample_repos" / "torchlike";
    for (const char *sub : {"src", "include"})
      std::filesystem::copy(from / sub, std::filesystem::path(std::string(dir)) / sub,
                            std::filesystem::copy_options::recursive);
    std::string db = "[";
    for (const auto &entry : std::filesystem::directory_iterator(std::string(dir) + "/src")) {
      std::string file = "src/" + entry.path().filename().string();
      std::string stem = entry.path().stem().string();
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\":\"" + std::string(dir) +
            "\",\"command\":\"c++ -std=c++17 -Iinclude -c " + file + " -o " + stem + ".o\",\"file\":\"" + file +
            "\"}";
    }
    write("compile_commands.json", db + "]");
    write("CMakeLists.txt", "# the repo root\n");
  }

  int index(const std::vector<std::string> &args) {
    std::vector<const char *> argv{"tourguide index"};
    for (const std::string &a : args)
      argv.push_back(a.c_str());
    return runIndexCommand(static_cast<int>(argv.size()), argv.data());
  }

  /// `tourguide index --format=json` with `extra` options; the findings file's text.
  std::string findings(std::vector<std::string> extra, bool withBuild = true) {
    std::string out = std::string(dir) + "/findings.json";
    std::vector<std::string> args = {"--format=json", "-o", out, "--quiet", "-j", "2"};
    if (withBuild)
      args.insert(args.begin(), {"-p", std::string(dir)});
    args.insert(args.end(), extra.begin(), extra.end());
    EXPECT_EQ(index(args), 0);
    auto text = llvm::MemoryBuffer::getFile(out);
    EXPECT_TRUE(bool(text));
    return text ? (*text)->getBuffer().str() : "";
  }

  /// One extraction through the cache in `cacheDir`: {hits, misses}.
  std::pair<unsigned, unsigned> extractThroughCache(const std::string &cacheDir) {
    auto db = clangfront::loadCompilationDatabase(std::string(dir));
    EXPECT_TRUE(bool(db));
    clangfront::TUCache cache(cacheDir, factsCacheKind());
    clangfront::RunOptions options;
    options.jobs = 2;
    options.cache = &cache;
    extractFacts(**db, clangfront::selectSources(**db, {}), options, /*dropRepeats=*/true); // as `index` does
    return {cache.hits, cache.misses};
  }
};

TEST_F(TorchlikeCopy, FindingsAreTheSameWithAndWithoutTheCache) {
  std::string cache = std::string(dir) + "/cache";
  std::string none = findings({"--no-cache"});
  ASSERT_NE(none.find("\"entry_points\""), std::string::npos);
  // EXPECT_TRUE: a failure would otherwise print two whole findings files.
  EXPECT_TRUE(findings({"--cache-dir", cache}) == none) << "cold cache";
  EXPECT_TRUE(findings({"--cache-dir", cache}) == none) << "warm cache";
  EXPECT_FALSE(llvm::sys::fs::exists(std::string(dir) + "/.tourguide-cache")) << "--cache-dir moves it";

  // A header edit (the TUs that include it are parsed again), then an edit that moves every
  // line of a source file (the findings move with it): each time exactly as without a cache.
  std::string header = std::string(dir) + "/include/torchlike/nn/linear.h";
  auto oldHeader = llvm::MemoryBuffer::getFile(header);
  ASSERT_TRUE(bool(oldHeader));
  write("include/torchlike/nn/linear.h", "// moved down a line\n" + (*oldHeader)->getBuffer().str());
  EXPECT_TRUE(findings({"--cache-dir", cache}) == findings({"--no-cache"})) << "after the header edit";
  auto oldSource = llvm::MemoryBuffer::getFile(std::string(dir) + "/src/sgd.cpp");
  ASSERT_TRUE(bool(oldSource));
  write("src/sgd.cpp", "// moved down a line\n" + (*oldSource)->getBuffer().str());
  std::string edited = findings({"--cache-dir", cache});
  EXPECT_TRUE(edited != none) << "the edit moved a finding";
  EXPECT_TRUE(edited == findings({"--no-cache"})) << "after the source edit";
}

TEST_F(TorchlikeCopy, TheDefaultCacheIsInTheBuildFolderAndAWarmRunParsesNothing) {
  std::string first = findings({});
  EXPECT_TRUE(llvm::sys::fs::is_directory(std::string(dir) + "/.tourguide-cache/index"));
  auto [hits, misses] = extractThroughCache(std::string(dir) + "/.tourguide-cache/index");
  EXPECT_EQ(misses, 0u);
  EXPECT_EQ(hits, 18u) << "one per source file";

  // An edit that keeps the file's includes re-parses that TU alone.
  auto sgd = llvm::MemoryBuffer::getFile(std::string(dir) + "/src/sgd.cpp");
  ASSERT_TRUE(bool(sgd));
  write("src/sgd.cpp", (*sgd)->getBuffer().str() + "// an edit\n");
  std::tie(hits, misses) = extractThroughCache(std::string(dir) + "/.tourguide-cache/index");
  EXPECT_EQ(misses, 1u);
  EXPECT_EQ(hits, 17u);

  // One that drops them also re-parses the later TUs that left a header's facts to it and
  // find no earlier TU that reads the header as they do (docs/cache.md, "The cache").
  write("src/sgd.cpp", "// an edit\n");
  std::tie(hits, misses) = extractThroughCache(std::string(dir) + "/.tourguide-cache/index");
  EXPECT_GE(misses, 1u);
  EXPECT_EQ(hits + misses, 18u);
}

TEST_F(TorchlikeCopy, DroppingRepeatedHeaderFunctionsLeavesTheFindingsAlone) {
  auto db = clangfront::loadCompilationDatabase(std::string(dir));
  ASSERT_TRUE(bool(db));
  std::vector<std::string> files = clangfront::selectSources(**db, {});
  clangfront::RunOptions options;
  options.jobs = 2;
  auto findingsOf = [&](bool dropRepeats, size_t &functions) {
    std::vector<TUFacts> tus = extractFacts(**db, files, options, dropRepeats);
    functions = 0;
    for (const TUFacts &tu : tus)
      functions += tu.functions.size();
    ProgramIndex index(tus);
    return findingsToJson(analyse(index), summarise(tus));
  };
  size_t all = 0, once = 0;
  std::string full = findingsOf(false, all);
  std::string thinned = findingsOf(true, once);
  EXPECT_TRUE(thinned == full);
  EXPECT_LT(once, all) << "torchlike's headers define inline functions that many TUs include";
}

TEST_F(TorchlikeCopy, FactsFilesOfEachTUMergeToTheSameFindings) {
  std::vector<std::string> factsFiles;
  for (const auto &entry : std::filesystem::directory_iterator(std::string(dir) + "/src")) {
    std::string facts = std::string(dir) + "/" + entry.path().stem().string() + ".facts.json";
    // Listed in no particular order: the merge sorts them as a run over the database does.
    factsFiles.insert(factsFiles.begin(), facts);
    ASSERT_EQ(index({"-p", std::string(dir), "--no-cache", "--quiet", "--tu", "src/" + entry.path().filename().string(),
                     "-o", facts}),
              0)
        << entry.path();
  }
  std::vector<std::string> merge = {"--merge"};
  merge.insert(merge.end(), factsFiles.begin(), factsFiles.end());
  EXPECT_TRUE(findings(merge, /*withBuild=*/false) == findings({"--no-cache"}));
}

TEST_F(TorchlikeCopy, TuAndMergeRefuseWhatTheyCannotUse) {
  std::string facts = std::string(dir) + "/x.facts.json";
  EXPECT_EQ(index({"-p", std::string(dir), "--tu", "src/sgd.cpp"}), 2) << "no -o";
  EXPECT_EQ(index({"-p", std::string(dir), "--tu", "src/", "-o", facts}), 2) << "a folder of 18 TUs";
  EXPECT_EQ(index({"-p", std::string(dir), "--tu", "src/nope.cpp", "-o", facts}), 2);
  EXPECT_EQ(index({"--merge"}), 2) << "no facts files";
  write("bad.facts.json", R"({"format": "tourguide-tu-facts", "version": 0, "tu": {}})");
  EXPECT_EQ(index({"--merge", std::string(dir) + "/bad.facts.json"}), 2);
  EXPECT_FALSE(llvm::sys::fs::exists(facts));
}

TEST(FactsFile, ReadsBackTheSameFacts) {
  TUFacts facts = extractFactsFromCode(R"(
struct Net { virtual float forward(float x) { return x; } };
struct Deep : Net { float forward(float x) override { float acc = 0; for (int i = 0; i < 3; ++i) acc += x * x; return acc; } };
int main() { Deep d; float loss = 0; for (int epoch = 0; epoch < 3; ++epoch) loss += d.forward(0.5f); return loss > 1; }
)",
                                       {"-target", "x86_64-linux-gnu", "-std=c++17"}, "train.cpp");
  ASSERT_GE(facts.functions.size(), 3u);
  std::string text = factsToJson(facts);
  llvm::Expected<TUFacts> read = factsFromJson(text);
  ASSERT_TRUE(bool(read)) << llvm::toString(read.takeError());
  EXPECT_EQ(factsToJson(*read), text);
  llvm::Expected<TUFacts> fromBinary = factsFromBinary(factsToBinary(facts));
  ASSERT_TRUE(bool(fromBinary)) << llvm::toString(fromBinary.takeError());
  EXPECT_EQ(factsToJson(*fromBinary), text);
}

TEST(FactsFile, TheBinaryFormRefusesACutOrForeignPayload) {
  TUFacts facts = extractFactsFromCode("int f(int x) { int s = 0; for (int i = 0; i < x; ++i) s += i * i; return s; }\n",
                                       {"-target", "x86_64-linux-gnu"}, "f.c");
  std::string bytes = factsToBinary(facts);
  for (size_t cut : {size_t(0), size_t(10), bytes.size() / 2, bytes.size() - 1}) {
    llvm::Expected<TUFacts> read = factsFromBinary(llvm::StringRef(bytes).take_front(cut));
    EXPECT_FALSE(bool(read)) << "cut at " << cut;
    llvm::consumeError(read.takeError());
  }
  llvm::Expected<TUFacts> longer = factsFromBinary(bytes + "x");
  EXPECT_FALSE(bool(longer));
  llvm::consumeError(longer.takeError());
  std::string older = bytes;
  std::string current = " binary " + std::to_string(kFactsVersion);
  older.replace(older.find(current), current.size(), " binary 0");
  llvm::Expected<TUFacts> oldVersion = factsFromBinary(older);
  ASSERT_FALSE(bool(oldVersion));
  EXPECT_EQ(llvm::toString(oldVersion.takeError()), "not facts of this version");
}

TEST(FactsFile, RefusesAnotherVersionOrAMissingKey) {
  auto message = [](llvm::StringRef text) {
    llvm::Expected<TUFacts> read = factsFromJson(text);
    return read ? std::string("read") : llvm::toString(read.takeError());
  };
  EXPECT_EQ(message("[1, 2"), "not JSON");
  EXPECT_EQ(message(R"({"tu": {}})"), "not a facts file (no \"format\": \"tourguide-tu-facts\")");
  EXPECT_EQ(message(R"({"format": "tourguide-tu-facts", "version": 99, "tu": {}})"),
            "facts format version 99, this tourguide reads version " + std::to_string(kFactsVersion) +
                "; index the TU again");
  std::string noErrors = factsToJson(TUFacts());
  noErrors.replace(noErrors.find("\"errors\""), 8, "\"errorz\"");
  EXPECT_NE(message(noErrors).find("malformed facts: "), std::string::npos) << message(noErrors);
  EXPECT_NE(message(noErrors).find("'errors' not found"), std::string::npos) << message(noErrors);
}

} // namespace
} // namespace tourguide::indexer
