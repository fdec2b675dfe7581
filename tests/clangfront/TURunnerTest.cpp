// The front end on a small build written to a temporary folder: every TU gets a status in
// the commands' order, errors are counted and quoted, a large file is skipped without
// running its action, and a cut-off compile_commands.json is an error.
#include "TempDirTest.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TURunner.h"

#include "clang/Frontend/FrontendActions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

namespace tourguide::clangfront {
namespace {

class SmallBuild : public test::TempDirTest {
protected:
  void SetUp() override {
    ASSERT_FALSE(makeDir("tourguide-clangfront"));
    write("good.c", "int good(void) { return 1; }\n");
    write("syntax.c", "int broken(void) { return 1 +; }\n");
    write("missing.c", "#include \"no_such_header.h\"\nint missing(void) { return 0; }\n");
    write("huge.c", "int huge(void) { return 0; }\n" + std::string(2u << 20, '\n'));
    std::string db = "[";
    for (const char *f : {"good.c", "syntax.c", "missing.c", "huge.c"})
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\":\"" + std::string(dir) +
            "\",\"command\":\"cc -c " + f + " -o " + llvm::sys::path::stem(f).str() + ".o\",\"file\":\"" +
            f + "\"}";
    write("compile_commands.json", db + "]");
  }
  std::string path(const std::string &name) const { return std::string(dir) + "/" + name; }
};

TEST_F(SmallBuild, EveryTUGetsAStatusInOrderWithItsErrors) {
  auto db = loadCompilationDatabase(std::string(dir));
  ASSERT_TRUE(bool(db)) << llvm::toString(db.takeError());
  std::vector<std::string> files = selectSources(**db, {});
  ASSERT_EQ(files, (std::vector<std::string>{path("good.c"), path("huge.c"), path("missing.c"), path("syntax.c")}));
  std::vector<clang::tooling::CompileCommand> commands = firstCommands(**db, files);
  ASSERT_EQ(commands.size(), 4u);

  RunOptions options;
  options.jobs = 2;
  options.maxFileBytes = 1u << 20;
  std::atomic<unsigned> actions{0};
  std::vector<TUStatus> statuses = runOnTUs(commands, options, [&](size_t) {
    ++actions;
    return std::make_unique<clang::SyntaxOnlyAction>();
  });
  ASSERT_EQ(statuses.size(), 4u);
  EXPECT_EQ(actions, 3u) << "the skipped file's action is never made";

  const TUStatus &good = statuses[0], &huge = statuses[1], &missing = statuses[2], &syntax = statuses[3];
  EXPECT_EQ(good.mainFile, path("good.c"));
  EXPECT_EQ(good.directory, std::string(dir));
  EXPECT_EQ(good.outputFile, "good.o");
  EXPECT_EQ(good.errorCount, 0u);
  EXPECT_FALSE(good.skipped);

  EXPECT_TRUE(huge.skipped);
  EXPECT_EQ(huge.errorCount, 0u);

  EXPECT_EQ(missing.errorCount, 1u);
  ASSERT_EQ(missing.errors.size(), 1u);
  // An error, not a fatal one: the parse goes on past a missing include (TURunner.cpp, KeepGoing).
  EXPECT_EQ(missing.errors[0], "missing.c:1: error: 'no_such_header.h' file not found");

  EXPECT_EQ(syntax.errorCount, 1u);
  ASSERT_EQ(syntax.errors.size(), 1u);
  EXPECT_EQ(syntax.errors[0], "syntax.c:1: error: expected expression");
}

TEST_F(SmallBuild, AFileThatIsGoneIsAnErrorOfItsOwnTU) {
  auto db = loadCompilationDatabase(path("compile_commands.json"));
  ASSERT_TRUE(bool(db)) << llvm::toString(db.takeError());
  std::vector<clang::tooling::CompileCommand> commands = firstCommands(**db, {path("good.c")});
  ASSERT_TRUE(!llvm::sys::fs::remove(path("good.c")));
  std::vector<TUStatus> statuses =
      runOnTUs(commands, RunOptions(), [](size_t) { return std::make_unique<clang::SyntaxOnlyAction>(); });
  ASSERT_EQ(statuses.size(), 1u);
  EXPECT_EQ(statuses[0].errorCount, 1u);
  EXPECT_EQ(statuses[0].errors, std::vector<std::string>{path("good.c") + ": error: cannot read the file"});
}

TEST_F(SmallBuild, ACutOffDatabaseIsAnError) {
  write("compile_commands.json", "[{\"directory\":\"" + std::string(dir) +
                                     "\",\"command\":\"cc -c good.c -o good.o\",\"file\":\"good.c\"},");
  auto db = loadCompilationDatabase(std::string(dir));
  ASSERT_FALSE(bool(db));
  std::string message = llvm::toString(db.takeError());
  EXPECT_NE(message.find("compile_commands.json' is not valid JSON (cut off?)"), std::string::npos) << message;
}

TEST_F(SmallBuild, NoDatabaseIsAnError) {
  auto db = loadCompilationDatabase(path("nowhere"));
  ASSERT_FALSE(bool(db));
  EXPECT_EQ(llvm::toString(db.takeError()),
            "cannot load a compilation database from '" + path("nowhere") + "': no such file or directory");
}

TEST(SyntaxOnlyCommandLine, DropsTheOutputAndAddsTheResourceDirAndTheCallersAdjustment) {
  clang::tooling::CompileCommand cmd("/build", "a.c", {"cc", "-MD", "-MF", "a.d", "-c", "a.c", "-o", "a.o"}, "a.o");
  std::vector<std::string> args = syntaxOnlyCommandLine(
      cmd, clang::tooling::getInsertArgumentAdjuster("-w", clang::tooling::ArgumentInsertPosition::END));
  auto has = [&](const std::string &arg) { return std::find(args.begin(), args.end(), arg) != args.end(); };
  EXPECT_EQ(args.front(), "cc");
  EXPECT_TRUE(has("-fsyntax-only"));
  EXPECT_TRUE(has("-resource-dir=" + clangResourceDir()));
  EXPECT_TRUE(has("-w"));
  EXPECT_FALSE(has("-o"));
  EXPECT_FALSE(has("-MF"));
}

} // namespace
} // namespace tourguide::clangfront
