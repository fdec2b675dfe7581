// The index of a whole build is the merge of its TUs' definitions in the TUs' order, however it
// is computed: every TU parsed, read from the cache, or on several threads. A header's
// definitions are merged once and skipped in the TUs after when they are the same to the byte
// (SourceIndex.cpp); this compares that with the plain merge of each TU indexed alone, on a
// header whose definitions differ from TU to TU.
#include "TempDirTest.h"

#include "tourguide/checker/SourceIndex.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TUCache.h"

#include <gtest/gtest.h>

#include <sstream>

namespace tourguide::checker {
namespace {

/// Everything an index holds, in its order, one line per item.
std::string dump(const SourceIndex &index) {
  std::ostringstream out;
  out << "TUs " << index.translationUnits << ", with errors " << index.translationUnitsWithErrors << "\n";
  for (const std::string &file : index.files)
    out << "file " << file << "\n";
  for (const FunctionDef &fn : index.functions) {
    out << "def " << fn.file << ":" << fn.line << " {" << fn.bodyBegin << "-" << fn.bodyEnd << "}";
    for (const std::string &name : fn.names)
      out << " " << name;
    out << " | " << fn.body << "\n";
  }
  for (const std::string &problem : index.problems)
    out << "problem " << problem << "\n";
  return out.str();
}

/// Each TU indexed on its own (nothing to skip), merged one after the other in file order.
std::string mergedOneByOne(const std::string &build, const std::vector<std::string> &tus) {
  SourceIndex all;
  for (const std::string &tu : tus) {
    IndexOptions one;
    one.roots = {tu};
    one.onlyRoots = true;
    one.jobs = 1;
    llvm::Expected<SourceIndex> part = indexCompilationDatabase(build, one);
    EXPECT_TRUE(bool(part)) << llvm::toString(part.takeError());
    if (!part)
      return "";
    EXPECT_EQ(part->translationUnits, 1u) << tu;
    mergeInto(all, std::move(*part));
  }
  return dump(all);
}

std::string indexed(const std::string &build, clangfront::TUCache *cache, unsigned jobs) {
  IndexOptions options;
  options.cache = cache;
  options.jobs = jobs;
  llvm::Expected<SourceIndex> index = indexCompilationDatabase(build, options);
  EXPECT_TRUE(bool(index)) << llvm::toString(index.takeError());
  return index ? dump(*index) : "";
}

class SharedHeader : public test::TempDirTest {
protected:
  void SetUp() override {
    ASSERT_FALSE(makeDir("tourguide-sourceindex-merge"));
    // What box.h defines differs by TU: the instantiations of Box, and wide() with -DWIDE.
    // int and Flt have names of one length, so a.cpp's and c.cpp's runs of box.h are too.
    write("box.h", "#pragma once\n"
                   "struct Flt { float v; };\n"
                   "template <class T> struct Box {\n  T value;\n  T get() const { return value; }\n};\n"
                   "inline int twice(int x) { return 2 * x; }\n"
                   "#ifdef WIDE\ninline long wide(long x) { return x * x; }\n#endif\n");
    write("a.cpp", "#include \"box.h\"\nint a() { Box<int> b{1}; return twice(b.get()); }\n");
    write("b.cpp", "#include \"box.h\"\nlong b() { Box<int> b{1}; return wide(b.get()); }\n");
    write("c.cpp", "#include \"box.h\"\nfloat c() { Box<Flt> b{{1}}; return b.get().v + twice(1); }\n");
    write("d.cpp", "#include \"box.h\"\nint d() { return twice(4); }\n");
    std::string db = "[";
    for (const char *file : {"a.cpp", "b.cpp", "c.cpp", "d.cpp"})
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\":\"" + std::string(dir) +
            "\",\"command\":\"c++ -std=c++17 " + (file[0] == 'b' ? "-DWIDE " : "") + "-c " + file +
            "\",\"file\":\"" + file + "\"}";
    write("compile_commands.json", db + "]");
  }
};

TEST_F(SharedHeader, ItsDefinitionsAreMergedAsIfEveryTUWereMergedWhole) {
  std::string build(dir);
  auto db = clangfront::loadCompilationDatabase(build);
  ASSERT_TRUE(bool(db)) << llvm::toString(db.takeError());
  std::vector<std::string> tus = clangfront::selectSources(**db, {}); // the order the index uses
  ASSERT_EQ(tus.size(), 4u);
  std::string expected = mergedOneByOne(build, tus);
  // What only one TU's view of box.h has is there.
  EXPECT_NE(expected.find(" Box<Flt>::get "), std::string::npos) << expected;
  EXPECT_NE(expected.find(" wide |"), std::string::npos) << expected;

  EXPECT_EQ(indexed(build, nullptr, 1), expected) << "one thread";
  EXPECT_EQ(indexed(build, nullptr, 3), expected) << "three threads";
  clangfront::TUCache cache(build + "/cache", definitionsCacheKind());
  EXPECT_EQ(indexed(build, &cache, 2), expected) << "cold cache";
  EXPECT_EQ(indexed(build, &cache, 2), expected) << "warm cache";
  EXPECT_EQ(cache.hits, tus.size());
}

} // namespace
} // namespace tourguide::checker
