// The per-TU cache on a small build written to a temporary folder: which TUs a second run
// parses after each kind of change (none, a main file, a header, a flag, a file removed, a
// header that now shadows the one read, a file a __has_include looked for),
// entries that are corrupt or not ours are refused and replaced, and two runs sharing the
// folder leave it whole.
#include "TempDirTest.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TUCache.h"
#include "tourguide/clangfront/TURunner.h"

#include "clang/Frontend/FrontendActions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace tourguide::clangfront {
namespace {

class CachedBuild : public test::TempDirTest {
protected:
  void SetUp() override {
    ASSERT_FALSE(makeDir("tourguide-tucache"));
    write("common.h", "int common(void);\n");
    write("only_b.h", "int only_b(void);\n");
    write("a.c", "#include \"common.h\"\nint a(void) { return common(); }\n");
    write("b.c", "#include \"common.h\"\n#include \"only_b.h\"\nint b(void) { return only_b(); }\n");
    write("c.c", "int c(void) { return 3; }\n");
    writeDatabase({{"a.c", ""}, {"b.c", ""}, {"c.c", ""}});
    cacheDir = std::string(dir) + "/cache";
  }

  void writeDatabase(const std::map<std::string, std::string> &flags) {
    std::string db = "[";
    for (const auto &[file, extra] : flags)
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\":\"" + std::string(dir) + "\",\"command\":\"cc " +
            extra + " -c " + file + "\",\"file\":\"" + file + "\"}";
    write("compile_commands.json", db + "]");
  }

  /// One run with the cache: which TUs were parsed (by main file name), each TU's payload
  /// (the parse's, or the entry's) and statuses.
  struct Run {
    std::vector<std::string> parsed;
    std::vector<std::string> payloads;
    std::vector<TUStatus> statuses;
    unsigned rejected = 0;
  };
  Run run() {
    auto db = loadCompilationDatabase(std::string(dir));
    EXPECT_TRUE(bool(db)) << llvm::toString(db.takeError());
    std::vector<clang::tooling::CompileCommand> commands = firstCommands(**db, selectSources(**db, {}));
    TUCache cache(cacheDir, "test payload 1", limits);
    Run out;
    out.payloads.resize(commands.size());
    RunOptions options;
    options.jobs = 2;
    options.cache = &cache;
    // The payload says which run of which file made it; a hit hands back the older one.
    options.save = [&](size_t i) { return "made from " + commands[i].Filename + " in run " + std::to_string(runs); };
    options.load = [&](size_t i, llvm::StringRef payload) {
      out.payloads[i] = payload.str();
      return true;
    };
    out.statuses = runOnTUs(commands, options, [&](size_t i) {
      out.payloads[i] = "made from " + commands[i].Filename + " in run " + std::to_string(runs);
      return std::make_unique<clang::SyntaxOnlyAction>();
    });
    for (const TUStatus &s : out.statuses)
      if (!s.fromCache)
        out.parsed.push_back(llvm::sys::path::filename(s.mainFile).str());
    out.rejected = cache.rejected;
    ++runs;
    return out;
  }

  std::string entryOf(const std::string &file) {
    auto db = loadCompilationDatabase(std::string(dir));
    std::vector<clang::tooling::CompileCommand> commands = firstCommands(**db, {std::string(dir) + "/" + file});
    TUCache cache(cacheDir, "test payload 1");
    return cache.entryPath(cacheKey(commands[0].Directory, std::string(dir) + "/" + file,
                                    syntaxOnlyCommandLine(commands[0])));
  }

  /// Sets `path`'s modification time (an entry's last use) to `age` ago.
  static void makeOld(const std::string &path, std::chrono::hours age) {
    int fd = -1;
    ASSERT_FALSE(llvm::sys::fs::openFileForReadWrite(path, fd, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_None))
        << path;
    auto then = std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now() - age);
    EXPECT_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(fd, then));
    llvm::sys::Process::SafelyCloseFileDescriptor(fd);
  }
  static uint64_t sizeOf(const std::string &path) {
    uint64_t size = 0;
    EXPECT_FALSE(llvm::sys::fs::file_size(path, size)) << path;
    return size;
  }

  std::string cacheDir;
  CacheLimits limits;
  std::atomic<unsigned> runs{0};
  using Names = std::vector<std::string>;
};

TEST_F(CachedBuild, ASecondRunWithNoChangeParsesNothing) {
  Run first = run();
  EXPECT_EQ(first.parsed, (Names{"a.c", "b.c", "c.c"}));
  Run second = run();
  EXPECT_EQ(second.parsed, Names{});
  EXPECT_EQ(second.payloads, first.payloads) << "every TU's payload comes back as the parse left it";
  EXPECT_EQ(second.payloads[0], "made from a.c in run 0");
}

TEST_F(CachedBuild, AMainFileEditReparsesThatTUOnly) {
  run();
  write("a.c", "#include \"common.h\"\nint a(void) { return common() + 1; }\n");
  EXPECT_EQ(run().parsed, Names{"a.c"});
  EXPECT_EQ(run().parsed, Names{});
}

TEST_F(CachedBuild, AHeaderEditReparsesExactlyTheTUsThatIncludeIt) {
  run();
  write("common.h", "int common(void);\nint more(void);\n");
  EXPECT_EQ(run().parsed, (Names{"a.c", "b.c"}));
  write("only_b.h", "int only_b(void);\nint more_b(void);\n");
  EXPECT_EQ(run().parsed, Names{"b.c"});
}

TEST_F(CachedBuild, AnEditThatRestoresTheOldContentIsAHit) {
  run();
  write("c.c", "int c(void) { return 4; }\n");
  EXPECT_EQ(run().parsed, Names{"c.c"});
  write("c.c", "int c(void) { return 3; }\n");
  EXPECT_EQ(run().parsed, Names{"c.c"}) << "the entry was replaced by the edited file's";
  EXPECT_EQ(run().parsed, Names{});
}

TEST_F(CachedBuild, AFlagChangeReparsesThatTU) {
  run();
  writeDatabase({{"a.c", ""}, {"b.c", ""}, {"c.c", "-DFAST=1"}});
  EXPECT_EQ(run().parsed, Names{"c.c"});
  EXPECT_EQ(run().parsed, Names{});
}

TEST_F(CachedBuild, AHeaderThatNowShadowsTheOneReadReparses) {
  // d.c reads second/shadow.h, found after looking in first/ for it; a shadow.h that appears
  // in first/ is what d.c would read now.
  ASSERT_FALSE(llvm::sys::fs::create_directories(std::string(dir) + "/first"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(std::string(dir) + "/second"));
  write("second/shadow.h", "int shadowed(void);\n");
  // d.c does not call what the header declares: without the declaration, clang 16 makes the
  // call an error of its own (implicit declarations), and the one error counted is #error's.
  write("d.c", "#include <shadow.h>\nint d(void) { return 0; }\n");
  writeDatabase({{"a.c", ""}, {"b.c", ""}, {"c.c", ""}, {"d.c", "-Ifirst -Isecond"}});
  EXPECT_EQ(run().parsed, (Names{"a.c", "b.c", "c.c", "d.c"}));
  EXPECT_EQ(run().parsed, Names{});
  write("first/shadow.h", "#error the shadowing header was read\n");
  Run after = run();
  EXPECT_EQ(after.parsed, Names{"d.c"});
  ASSERT_EQ(after.statuses[3].errors.size(), 1u);
  EXPECT_NE(after.statuses[3].errors[0].find("first/shadow.h:1: error: the shadowing header was read"), std::string::npos)
      << after.statuses[3].errors[0];
  EXPECT_EQ(run().parsed, Names{});
}

TEST_F(CachedBuild, AFileThatHasIncludeNowFindsReparses) {
  write("c.c", "#if __has_include(\"config.h\")\n#include \"config.h\"\n#endif\nint c(void) { return 3; }\n");
  EXPECT_EQ(run().parsed, (Names{"a.c", "b.c", "c.c"}));
  EXPECT_EQ(run().parsed, Names{});
  write("config.h", "#define CONFIGURED 1\n");
  EXPECT_EQ(run().parsed, Names{"c.c"});
  EXPECT_EQ(run().parsed, Names{});
}

TEST_F(CachedBuild, ARemovedHeaderReparsesAndReportsTheError) {
  run();
  ASSERT_FALSE(llvm::sys::fs::remove(std::string(dir) + "/only_b.h"));
  Run after = run();
  EXPECT_EQ(after.parsed, Names{"b.c"});
  // The missing header, then (the parse goes on past it) the undeclared only_b, an error since
  // Clang 16.
  ASSERT_GE(after.statuses[1].errorCount, 1u);
  ASSERT_FALSE(after.statuses[1].errors.empty());
  EXPECT_NE(after.statuses[1].errors[0].find("'only_b.h' file not found"), std::string::npos)
      << after.statuses[1].errors[0];
  // The failed parse is kept too, errors and all: while nothing changes it fails the same way.
  Run again = run();
  EXPECT_EQ(again.parsed, Names{});
  EXPECT_EQ(again.statuses[1].errorCount, after.statuses[1].errorCount);
  EXPECT_EQ(again.statuses[1].errors, after.statuses[1].errors);
}

TEST_F(CachedBuild, ARemovedMainFileIsAnErrorNotAHit) {
  run();
  ASSERT_FALSE(llvm::sys::fs::remove(std::string(dir) + "/c.c"));
  Run after = run();
  EXPECT_FALSE(after.statuses[2].fromCache);
  EXPECT_EQ(after.statuses[2].errorCount, 1u);
  EXPECT_EQ(after.parsed, Names{"c.c"});
}

TEST_F(CachedBuild, CorruptOrForeignEntriesAreRefusedAndReplaced) {
  run();
  std::string entry = entryOf("c.c");
  auto original = llvm::MemoryBuffer::getFile(entry);
  ASSERT_TRUE(bool(original)) << entry;
  const std::string good = (*original)->getBuffer().str();
  std::string other = good;
  other.replace(other.find("test payload 1"), 14, "test payload 2");

  std::map<std::string, std::string> damaged = {
      {"empty", ""},
      {"truncated", good.substr(0, good.size() - 5)},
      {"one byte flipped in the payload", good.substr(0, good.size() - 3) + "X" + good.substr(good.size() - 2)},
      {"an older layout", "tourguide-tu-cache 1\n" + good.substr(good.find('\n') + 1)},
      {"another kind, checksum not updated", other},
      {"not a cache entry", "int main() {}\n"},
      {"a.c's entry in c.c's place", ""},
  };
  auto aEntry = llvm::MemoryBuffer::getFile(entryOf("a.c"));
  ASSERT_TRUE(bool(aEntry));
  damaged["a.c's entry in c.c's place"] = (*aEntry)->getBuffer().str();

  for (const auto &[what, text] : damaged) {
    {
      std::ofstream out(entry, std::ios::binary | std::ios::trunc);
      out << text;
    }
    Run after = run();
    EXPECT_EQ(after.parsed, Names{"c.c"}) << what;
    EXPECT_EQ(after.rejected, 1u) << what;
    EXPECT_EQ(after.payloads[2], "made from c.c in run " + std::to_string(runs - 1)) << what;
    EXPECT_EQ(run().parsed, Names{}) << what << ": the entry was written again";
  }
}

TEST_F(CachedBuild, APayloadTheCallerCannotReadIsParsedAgain) {
  run();
  auto db = loadCompilationDatabase(std::string(dir));
  std::vector<clang::tooling::CompileCommand> commands = firstCommands(**db, selectSources(**db, {}));
  TUCache cache(cacheDir, "test payload 1");
  RunOptions options;
  options.cache = &cache;
  options.save = [](size_t) { return std::string("new"); };
  options.load = [](size_t, llvm::StringRef) { return false; };
  std::atomic<unsigned> parses{0};
  std::vector<TUStatus> statuses = runOnTUs(commands, options, [&](size_t) {
    ++parses;
    return std::make_unique<clang::SyntaxOnlyAction>();
  });
  EXPECT_EQ(parses, 3u);
  // The entries were fresh but the caller refused them: parsed, so counted as misses (the
  // index command's note counts the TUs read from the cache by its hits).
  EXPECT_EQ(cache.hits, 0u);
  EXPECT_EQ(cache.misses, 3u);
}

TEST_F(CachedBuild, ACacheThatCannotBeWrittenOnlyCostsTheParses) {
  write("in-the-way", "a file where the cache folder would be\n");
  cacheDir = std::string(dir) + "/in-the-way/cache";
  Run first = run();
  EXPECT_EQ(first.parsed, (Names{"a.c", "b.c", "c.c"}));
  for (const TUStatus &s : first.statuses)
    EXPECT_EQ(s.errorCount, 0u) << s.mainFile;
  EXPECT_EQ(run().parsed, (Names{"a.c", "b.c", "c.c"}));
}

TEST_F(CachedBuild, EntriesUnusedForLongerThanTheMaxAgeArePrunedAfterARun) {
  run();
  const std::string a = entryOf("a.c"), c = entryOf("c.c");
  writeDatabase({{"a.c", ""}, {"b.c", ""}}); // c.c left the build: its entry is never used again
  makeOld(a, std::chrono::hours(24 * 31));
  makeOld(c, std::chrono::hours(24 * 31));
  write("cache/notes.txt", "not an entry\n");
  makeOld(std::string(dir) + "/cache/notes.txt", std::chrono::hours(24 * 365));
  EXPECT_EQ(run().parsed, Names{});
  EXPECT_TRUE(llvm::sys::fs::exists(a)) << "a hit marks its entry used";
  EXPECT_FALSE(llvm::sys::fs::exists(c));
  EXPECT_TRUE(llvm::sys::fs::exists(std::string(dir) + "/cache/notes.txt")) << "only entries are removed";
  EXPECT_EQ(run().parsed, Names{});
}

TEST_F(CachedBuild, BeyondTheSizeCapTheLeastRecentlyUsedEntriesGo) {
  run();
  const std::string a = entryOf("a.c"), b = entryOf("b.c"), c = entryOf("c.c");
  makeOld(b, std::chrono::hours(3));
  makeOld(a, std::chrono::hours(2));
  makeOld(c, std::chrono::hours(1));
  write("cache/a.c-0123456789abcdef.tu.tmp-Xy12ab", "left by a run that was killed");
  makeOld(std::string(dir) + "/cache/a.c-0123456789abcdef.tu.tmp-Xy12ab", std::chrono::hours(2));
  CacheLimits twoEntries;
  twoEntries.maxBytes = sizeOf(a) + sizeOf(c);
  TUCache cache(cacheDir, "test payload 1", twoEntries);
  EXPECT_EQ(cache.prune(), 2u);
  EXPECT_FALSE(llvm::sys::fs::exists(b)) << "the least recently used";
  EXPECT_TRUE(llvm::sys::fs::exists(a));
  EXPECT_TRUE(llvm::sys::fs::exists(c));
  EXPECT_FALSE(llvm::sys::fs::exists(std::string(dir) + "/cache/a.c-0123456789abcdef.tu.tmp-Xy12ab"));
  EXPECT_EQ(cache.prune(), 0u) << "within the cap";
  EXPECT_EQ(run().parsed, Names{"b.c"});
}

TEST_F(CachedBuild, TwoRunsAtOnceLeaveWholeEntries) {
  // Two runs in one folder, again and again while the sources change under them: each sees
  // whole entries or none, and a later run finds every entry whole and fresh.
  for (int round = 0; round < 4; ++round) {
    write("common.h", "int common(void);\nint round" + std::to_string(round) + ";\n");
    std::vector<Run> results(2);
    std::thread one([&] { results[0] = run(); });
    std::thread two([&] { results[1] = run(); });
    one.join();
    two.join();
    for (const Run &r : results) {
      EXPECT_EQ(r.rejected, 0u) << "round " << round;
      for (const TUStatus &s : r.statuses)
        EXPECT_EQ(s.errorCount, 0u) << s.mainFile;
    }
  }
  Run after = run();
  EXPECT_EQ(after.parsed, Names{});
  EXPECT_EQ(after.rejected, 0u);
  std::error_code ec;
  unsigned files = 0;
  for (llvm::sys::fs::directory_iterator it(cacheDir, ec), end; it != end && !ec; it.increment(ec)) {
    ++files;
    EXPECT_TRUE(llvm::StringRef(it->path()).endswith(".tu")) << "a temporary file was left: " << it->path();
  }
  EXPECT_EQ(files, 3u);
}

} // namespace
} // namespace tourguide::clangfront
