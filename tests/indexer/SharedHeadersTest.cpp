// Headers several TUs read (docs/cache.md, "Headers shared by many TUs"): a TU leaves a
// header's facts to an earlier TU only when it read the header the same way (the same macros,
// #if outcomes, includes and enclosing scope), bets on that to skip parsing the bodies, parses
// again when the bet is lost, and never keeps a cache entry whose shared facts nobody gives any
// more. Whatever is shared, the facts are those of a run that shares nothing, to the byte, at
// -j 1 and -j 2.
#include "TempDirTest.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TUCache.h"
#include "tourguide/indexer/FactsFile.h"
#include "tourguide/indexer/TURunner.h"

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace tourguide::indexer {
namespace {

class HeaderSharing : public test::TempDirTest {
protected:
  void SetUp() override { ASSERT_FALSE(makeDir("tourguide-sharedheaders")); }

  /// Writes the compile database: one TU per {file, extra flags}, in this order.
  void database(const std::vector<std::pair<std::string, std::string>> &tus) {
    std::string db = "[";
    for (const auto &[file, flags] : tus)
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\":\"" + std::string(dir) +
            "\",\"command\":\"c++ -std=c++17 " + flags + " -c " + file + "\",\"file\":\"" + file + "\"}";
    write("compile_commands.json", db + "]");
  }

  struct Run {
    std::vector<TUFacts> tus;
    SharingStats stats;
    std::string text; ///< Every TU's facts, as facts files: what the findings are made of.
  };

  Run extract(unsigned jobs, bool share, const std::vector<std::string> &sources = {},
              clangfront::TUCache *cache = nullptr) {
    Run run;
    auto db = clangfront::loadCompilationDatabase(std::string(dir));
    EXPECT_TRUE(bool(db));
    if (!db)
      return run;
    clangfront::RunOptions options;
    options.jobs = jobs;
    options.cache = cache;
    run.stats.listFiles = true;
    run.tus = extractFacts(**db, clangfront::selectSources(**db, sources), options, /*dropRepeats=*/true, share,
                           &run.stats);
    for (const TUFacts &tu : run.tus)
      run.text += factsToJson(tu);
    return run;
  }

  /// The headers TU `i` left to an earlier TU, by file name.
  static std::vector<std::string> leftBy(const Run &run, size_t i) {
    std::vector<std::string> names;
    if (i < run.stats.leftToEarlier.size())
      for (const std::string &file : run.stats.leftToEarlier[i])
        names.push_back(llvm::sys::path::filename(file).str());
    return names;
  }

  /// Qualified names of the functions the run's facts hold, in `file`.
  static std::vector<std::string> functionsIn(const Run &run, llvm::StringRef file) {
    std::vector<std::string> names;
    for (const TUFacts &tu : run.tus)
      for (const FunctionFacts &f : tu.functions)
        if (llvm::sys::path::filename(f.file) == file)
          names.push_back(f.qualifiedName);
    std::sort(names.begin(), names.end());
    return names;
  }

  /// The run shares (or not) as expected, and its facts are the same as a run that shares
  /// nothing, at -j 1 and -j 2.
  void expectTheSameFactsAsWithoutSharing(const Run &shared) {
    std::string alone = extract(1, /*share=*/false).text;
    EXPECT_TRUE(shared.text == alone) << "-j 1";
    for (int again = 0; again < 3; ++again)
      EXPECT_TRUE(extract(2, /*share=*/true).text == alone) << "-j 2, run " << again;
  }

  static constexpr const char *kSum = "inline float sum(const float *x, int n) {\n"
                                      "  float s = 0;\n"
                                      "  for (int i = 0; i < n; ++i) s += x[i] * x[i];\n"
                                      "  return s;\n"
                                      "}\n";
};

TEST_F(HeaderSharing, AHeaderReadTheSameWayIsAnalysedOnce) {
  write("same.h", std::string("#pragma once\n") + kSum);
  write("a.cpp", "#include \"same.h\"\nfloat a(const float *x) { return sum(x, 3); }\n");
  write("b.cpp", "#include \"same.h\"\nfloat b(const float *x) { return sum(x, 4); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 0), std::vector<std::string>{});
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{"same.h"});
  EXPECT_GT(run.stats.bodiesSkipped, 0u) << "b's parse bets on a's reading of same.h";
  EXPECT_EQ(run.stats.reparsed, 0u);
  EXPECT_EQ(functionsIn(run, "same.h"), std::vector<std::string>{"sum"});
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, AHeaderReadUnderOtherMacrosIsAnalysedAgain) {
  // a and b differ in the #ifdef's outcome, b and c in what RATE says; d says what c says (in
  // its own file: a macro is known by its definition, not by where it is).
  write("step.h", "#pragma once\n"
                  "#ifdef FAST\n"
                  "inline void fast_step(float *w) { w[0] -= RATE * w[1]; }\n"
                  "#else\n"
                  "inline void slow_step(float *w) { for (int i = 0; i < 4; ++i) w[i] -= RATE * w[i + 4]; }\n"
                  "#endif\n");
  write("a.cpp", "#define FAST\n#define RATE 0.1f\n#include \"step.h\"\nvoid a(float *w) { fast_step(w); }\n");
  write("b.cpp", "#define RATE 0.5f\n#include \"step.h\"\nvoid b(float *w) { slow_step(w); }\n");
  write("c.cpp", "#define RATE 0.1f\n#include \"step.h\"\nvoid c(float *w) { slow_step(w); }\n");
  write("d.cpp", "// d\n#define RATE 0.1f\n#include \"step.h\"\nvoid d(float *w) { slow_step(w); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}, {"c.cpp", ""}, {"d.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{}) << "another #ifdef outcome";
  EXPECT_EQ(leftBy(run, 2), std::vector<std::string>{}) << "RATE says something else";
  EXPECT_EQ(leftBy(run, 3), std::vector<std::string>{"step.h"}) << "read as c read it";
  EXPECT_EQ(functionsIn(run, "step.h"), (std::vector<std::string>{"fast_step", "slow_step"}));
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, ACommandLineMacroIsReadByWhatItSays) {
  write("rate.h", "#pragma once\ninline void step(float *w) { w[0] -= RATE * w[1]; }\n");
  write("a.cpp", "#include \"rate.h\"\nvoid a(float *w) { step(w); }\n");
  write("b.cpp", "#include \"rate.h\"\nvoid b(float *w) { step(w); }\n");
  write("c.cpp", "#include \"rate.h\"\nvoid c(float *w) { step(w); }\n");
  database({{"a.cpp", "-DRATE=0.1f"}, {"b.cpp", "-DRATE=0.1f"}, {"c.cpp", "-DRATE=0.2f"}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{"rate.h"}) << "the same -D";
  EXPECT_EQ(leftBy(run, 2), std::vector<std::string>{}) << "another value";
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, AHeaderIncludedInANamespaceIsNotTheSameHeader) {
  write("helper.h", std::string(kSum));
  write("a.cpp", "#include \"helper.h\"\nfloat a(const float *x) { return sum(x, 3); }\n");
  write("b.cpp", "namespace inner {\n#include \"helper.h\"\n}\nfloat b(const float *x) { return inner::sum(x, 3); }\n");
  write("c.cpp", "#include \"helper.h\"\nfloat c(const float *x) { return sum(x, 3); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}, {"c.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{}) << "read inside namespace inner";
  EXPECT_EQ(leftBy(run, 2), std::vector<std::string>{"helper.h"}) << "at file scope, as a";
  EXPECT_EQ(functionsIn(run, "helper.h"), (std::vector<std::string>{"inner::sum", "sum"}));
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, AnIncludeThatFindsAnotherFileIsAnotherReading) {
  // model.h's own text is the same; what its #include finds depends on each TU's -I.
  ASSERT_FALSE(llvm::sys::fs::create_directories(std::string(dir) + "/cpu"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(std::string(dir) + "/gpu"));
  write("cpu/backend.h", "#pragma once\ninline int lanes() { return 1; }\n");
  write("gpu/backend.h", "#pragma once\ninline int lanes() { return 32; }\n");
  write("model.h", "#pragma once\n#include \"backend.h\"\ninline int width() { return 4 * lanes(); }\n");
  write("a.cpp", "#include \"model.h\"\nint a() { return width(); }\n");
  write("b.cpp", "#include \"model.h\"\nint b() { return width(); }\n");
  database({{"a.cpp", "-Icpu"}, {"b.cpp", "-Igpu"}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{}) << "model.h's include found gpu/backend.h";
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, TheOrderOfIncludesDoesNotMakeAHeaderAnother) {
  // a reads vec.h before model.h (model.h's own #include of it is skipped by its guard), b
  // reads it from model.h: model.h sees the same vec.h in both.
  write("vec.h", "#pragma once\nstruct Vec { float x[4]; };\n");
  write("model.h", "#pragma once\n#include \"vec.h\"\ninline float first(const Vec &v) { return v.x[0]; }\n");
  write("a.cpp", "#include \"vec.h\"\n#include \"model.h\"\nfloat a(const Vec &v) { return first(v); }\n");
  write("b.cpp", "#include \"model.h\"\nfloat b(const Vec &v) { return first(v); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), (std::vector<std::string>{"model.h", "vec.h"}));
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, AHeaderIsTheViewOfWhatItIncludes) {
  // config.h is read under another macro in b: model.h, which includes it, is another too
  // (its declarations may depend on config.h's), though its own text reads the same.
  write("config.h", "#pragma once\n#ifdef WIDE\ntypedef double real;\n#else\ntypedef float real;\n#endif\n");
  write("model.h", "#pragma once\n#include \"config.h\"\ninline real scale(real x) { return 2 * x; }\n");
  write("a.cpp", "#include \"model.h\"\nfloat a() { return scale(1); }\n");
  write("b.cpp", "#include \"model.h\"\ndouble b() { return scale(1); }\n");
  database({{"a.cpp", ""}, {"b.cpp", "-DWIDE"}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{});
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, AHeaderReadAgainTheSameWayIsReadOnce) {
  // table.h has text outside its guard, so each #include reads it again (dlib's algs.h): the
  // first reading defines rows(), every later one only passes the guard. a reads it three
  // times, b twice: the same readings, the same view.
  write("table.h", "#ifdef TABLE_TRACE\n#endif\n#ifndef TABLE_ONCE\n#define TABLE_ONCE\n"
                   "inline int rows() { return 3; }\n#endif\n");
  write("a.cpp", "#include \"table.h\"\n#include \"table.h\"\n#include \"table.h\"\nint a() { return rows(); }\n");
  write("b.cpp", "#include \"table.h\"\n#include \"table.h\"\nint b() { return rows(); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{"table.h"});
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, ALostBetParsesTheTUAgainWithTheBodies) {
  // b reads same.h as a did (a good bet) and tuned.h under another macro: it bets on tuned.h
  // too (one TU has read it, one way so far), loses, and is parsed again.
  write("same.h", std::string("#pragma once\n") + kSum);
  write("tuned.h", "#pragma once\ninline int KERNEL(int x) { return x + 1; }\n");
  write("a.cpp", "#define KERNEL conv3x3\n#include \"same.h\"\n#include \"tuned.h\"\nint a() { return conv3x3(1); }\n");
  write("b.cpp", "#define KERNEL conv5x5\n#include \"same.h\"\n#include \"tuned.h\"\nint b() { return conv5x5(1); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(run.stats.reparsed, 1u);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{"same.h"});
  EXPECT_EQ(functionsIn(run, "tuned.h"), (std::vector<std::string>{"conv3x3", "conv5x5"})) << "b's own, after all";
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, ATUWithErrorsIsParsedAgainWithTheBodies) {
  // Skipped bodies would hide their errors: a TU that bet and has errors is parsed in full.
  write("same.h", std::string("#pragma once\n") + kSum);
  write("a.cpp", "#include \"same.h\"\nfloat a(const float *x) { return sum(x, 3); }\n");
  write("b.cpp", "#include \"same.h\"\nfloat b(const float *x) { return sum(x, 3) + missing; }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(run.stats.reparsed, 1u);
  ASSERT_EQ(run.tus.size(), 2u);
  EXPECT_GT(run.tus[1].errorCount, 0u);
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, ATUThatLacksAHeaderIsNotParsedAgain) {
  // A header the build generates and a configure alone does not: the TU's errors are mostly the
  // missing header's, and its facts are partial either way, so it is not parsed twice.
  write("same.h", std::string("#pragma once\n") + kSum);
  write("a.cpp", "#include \"same.h\"\nfloat a(const float *x) { return sum(x, 3); }\n");
  write("b.cpp", "#include \"same.h\"\n#include \"generated_kernels.hpp\"\nfloat b(const float *x) { return sum(x, 3); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(run.stats.reparsed, 0u);
  EXPECT_GT(run.stats.bodiesSkipped, 0u);
  ASSERT_EQ(run.tus.size(), 2u);
  EXPECT_EQ(run.tus[1].errorCount, 1u);
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, AMainInASharedHeaderStaysInEveryTU) {
  write("entry.h", "#pragma once\nint run();\nint main() { return run(); }\n");
  write("a.cpp", "#include \"entry.h\"\nint run() { return 0; }\n");
  write("b.cpp", "#include \"entry.h\"\nint run() { return 1; }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  Run run = extract(1, true);
  EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{"entry.h"});
  EXPECT_EQ(functionsIn(run, "entry.h"), (std::vector<std::string>{"main", "main"}))
      << "the program's mains are looked for in every TU";
  expectTheSameFactsAsWithoutSharing(run);
}

TEST_F(HeaderSharing, ACacheEntryThatLeavesAHeaderToAnotherTUIsUsedOnlyWhileOneGivesIt) {
  write("same.h", std::string("#pragma once\n#ifdef SHIFTED\ninline int shifted() { return 1; }\n#endif\n") + kSum);
  write("a.cpp", "#include \"same.h\"\nfloat a(const float *x) { return sum(x, 3); }\n");
  write("b.cpp", "#include \"same.h\"\nfloat b(const float *x) { return sum(x, 4); }\n");
  database({{"a.cpp", ""}, {"b.cpp", ""}});
  auto cold = [&](const std::string &folder) {
    clangfront::TUCache cache(folder, factsCacheKind());
    Run run = extract(1, true, {}, &cache);
    EXPECT_EQ(leftBy(run, 1), std::vector<std::string>{"same.h"}) << "b's entry leaves same.h to a";
  };
  std::string folder = std::string(dir) + "/cache";
  cold(folder);
  {
    clangfront::TUCache cache(folder, factsCacheKind());
    Run warm = extract(2, true, {}, &cache);
    EXPECT_EQ(cache.hits, 2u) << "a gives same.h again";
    EXPECT_TRUE(warm.text == extract(1, false).text);
  }
  {
    // A run that shares nothing needs every TU's facts whole: b's entry is not.
    clangfront::TUCache cache(folder, factsCacheKind());
    Run unshared = extract(2, false, {}, &cache);
    EXPECT_EQ(cache.hits, 1u);
    EXPECT_EQ(functionsIn(unshared, "same.h"), std::vector<std::string>{"sum"});
  }
  std::string alone = std::string(dir) + "/cache-alone";
  cold(alone);
  {
    // b alone: its entry lacks sum(), which no earlier TU gives now; it is parsed again.
    clangfront::TUCache cache(alone, factsCacheKind());
    Run b = extract(2, true, {"b.cpp"}, &cache);
    EXPECT_EQ(cache.hits, 0u);
    EXPECT_EQ(cache.misses, 1u);
    EXPECT_EQ(functionsIn(b, "same.h"), std::vector<std::string>{"sum"});
    EXPECT_TRUE(b.text == extract(1, false, {"b.cpp"}).text);
  }
  std::string other = std::string(dir) + "/cache2";
  cold(other);
  {
    // a now reads same.h under another macro (its command changed, b's did not): b's entry
    // must not count on a any more.
    database({{"a.cpp", "-DSHIFTED"}, {"b.cpp", ""}});
    clangfront::TUCache cache(other, factsCacheKind());
    Run both = extract(2, true, {}, &cache);
    EXPECT_EQ(cache.hits, 0u);
    EXPECT_EQ(functionsIn(both, "same.h"), (std::vector<std::string>{"shifted", "sum"}));
    EXPECT_TRUE(both.text == extract(1, false).text);
  }
}

} // namespace
} // namespace tourguide::indexer
