// The resolver on code held in strings: the documented order of anchor forms, qualified and
// template names, overloads, several definitions of one name, and the findings and repairs
// for fields that no longer agree with the sources.
#include "tourguide/checker/StopCheck.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace tourguide::checker {
namespace {

namespace fs = std::filesystem;

/// Source files written to a temporary folder (the resolver reads lines from disk), each
/// indexed as its own TU.
class CodeRepo {
public:
  CodeRepo() {
    std::string tmpl = (fs::temp_directory_path() / "tourguide-stopcheck-XXXXXX").string();
    root_ = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~CodeRepo() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void add(const std::string &file, const std::string &code, const std::string &std = "-std=c++17") {
    fs::create_directories(fs::path(root_ + "/" + file).parent_path());
    std::ofstream(root_ + "/" + file) << code;
    mergeInto(index_, indexCode(code, {std, "-target", "x86_64-linux-gnu"}, root_ + "/" + file));
  }
  StopCheck check(const tours::Anchor &anchor) { return checkAnchor(anchor, index_, files_, root_); }
  const SourceIndex &index() const { return index_; }

private:
  std::string root_;
  SourceIndex index_;
  SourceFiles files_;
};

tours::Anchor anchor(std::string function, std::string file, std::string pattern, unsigned line = 0) {
  tours::Anchor a;
  a.function = std::move(function);
  a.file = std::move(file);
  a.pattern = std::move(pattern);
  a.line = line;
  return a;
}

std::string messages(const StopCheck &c) {
  std::string out;
  for (const Finding &f : c.findings)
    out += (f.severity == tours::Severity::Error ? "error: " : "warning: ") + f.message + "\n";
  return out;
}

const char *const kTrain = R"(double loss_of(double y, double t) {
  double d = y - t;
  return d * d;
}

void step(double *w, const double *g, int n, double lr) {
  for (int i = 0; i < n; ++i)
    w[i]  -=  lr * g[i];
}
)";

TEST(CheckAnchor, FunctionAndPatternResolveFirstAndIgnoreWhitespaceRuns) {
  CodeRepo repo;
  repo.add("src/train.cc", kTrain);
  StopCheck c = repo.check(anchor("step", "src/train.cc", "w[i] -= lr * g[i];", 8));
  EXPECT_EQ(messages(c), "");
  EXPECT_EQ(c.form, AnchorForm::FunctionPattern);
  EXPECT_EQ(c.file, "src/train.cc");
  EXPECT_EQ(c.line, 8u);
  EXPECT_EQ(c.function, "step");
}

TEST(CheckAnchor, TheFormsAreTriedInTheDocumentedOrder) {
  CodeRepo repo;
  repo.add("src/train.cc", kTrain);
  // 2: file + pattern (no function given)
  EXPECT_EQ(repo.check(anchor("", "src/train.cc", "return d * d;")).form, AnchorForm::FilePattern);
  // 3: function entry (no pattern)
  StopCheck entry = repo.check(anchor("loss_of", "", ""));
  EXPECT_EQ(entry.form, AnchorForm::Function);
  EXPECT_EQ(entry.line, 1u);
  // 4: file + line
  StopCheck byLine = repo.check(anchor("", "train.cc", "", 7));
  EXPECT_EQ(byLine.form, AnchorForm::FileLine);
  EXPECT_EQ(byLine.file, "src/train.cc") << "the file is matched by path suffix";
  EXPECT_EQ(messages(byLine), "");
}

TEST(CheckAnchor, ALinePastTheEndOfTheFileIsAnError) {
  CodeRepo repo;
  repo.add("src/train.cc", kTrain);
  StopCheck c = repo.check(anchor("", "src/train.cc", "", 40));
  EXPECT_EQ(c.form, AnchorForm::None);
  EXPECT_EQ(messages(c), "error: line 40 is past the end of src/train.cc (9 lines)\n");
}

TEST(CheckAnchor, ALineOutsideTheFunctionIsAWarningAndRepairedToItsEntry) {
  CodeRepo repo;
  repo.add("src/train.cc", kTrain);
  StopCheck c = repo.check(anchor("step", "src/train.cc", "", 2));
  EXPECT_EQ(c.form, AnchorForm::Function);
  EXPECT_EQ(messages(c), "warning: line 2 is outside 'step' (lines 6-9)\n");
  ASSERT_EQ(c.repairs.size(), 1u);
  EXPECT_EQ(c.repairs[0].field, "line");
  EXPECT_EQ(c.repairs[0].after, "6");
}

const char *const kTemplates = R"(namespace lin {
template <class T> T dot(const T *a, const T *b, int n) {
  T s = 0;
  for (int i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}
}
namespace gf {
template <class T> struct Layered {
  T apply(T x) {
    return x * scale;
  }
  T scale = 2;
};
}
namespace nn {
struct Linear { float forward(float x); };
float Linear::forward(float x) { return x + 1; }
}
float use() {
  float a[2] = {1, 2};
  gf::Layered<float> l;
  return lin::dot(a, a, 2) + l.apply(1) + nn::Linear().forward(0);
}
)";

TEST(CheckAnchor, NamesClassTemplateMembersWithOrWithoutArguments) {
  CodeRepo repo;
  repo.add("include/m.hpp.cc", kTemplates);
  for (const char *name : {"gf::Layered<float>::apply", "gf::Layered::apply"}) {
    StopCheck c = repo.check(anchor(name, "", "return x * scale;"));
    EXPECT_EQ(c.form, AnchorForm::FunctionPattern) << name;
    EXPECT_EQ(c.line, 11u) << name;
    EXPECT_EQ(messages(c), "") << name;
  }
  EXPECT_EQ(repo.check(anchor("gf::Layered<float>::apply", "", "")).function, "gf::Layered<float>::apply");
}

TEST(CheckAnchor, NamesFunctionTemplatesWithoutArgumentsAndMatchesTrailingComponents) {
  CodeRepo repo;
  repo.add("include/m.hpp.cc", kTemplates);
  EXPECT_EQ(repo.check(anchor("lin::dot", "", "s += a[i] * b[i];")).line, 4u);
  StopCheck c = repo.check(anchor("Linear::forward", "", "return x + 1;"));
  EXPECT_EQ(c.form, AnchorForm::FunctionPattern);
  EXPECT_EQ(c.function, "nn::Linear::forward");
}

TEST(CheckAnchor, SearchesEveryOverload) {
  CodeRepo repo;
  repo.add("src/o.cc", "int f(int x) {\n  return x;\n}\ndouble f(double x) {\n  return x * 2.0;\n}\n");
  StopCheck c = repo.check(anchor("f", "", "x * 2.0"));
  EXPECT_EQ(c.form, AnchorForm::FunctionPattern);
  EXPECT_EQ(c.line, 5u);
}

TEST(CheckAnchor, TheFilePicksOneOfSeveralMains) {
  CodeRepo repo;
  repo.add("src/train.c", "int main(void) {\n  int epochs = 3;\n  return epochs;\n}\n", "-std=c11");
  repo.add("src/eval.c", "int main(void) {\n\n  int correct = 0;\n  return correct;\n}\n", "-std=c11");
  StopCheck c = repo.check(anchor("main", "src/eval.c", "", 3));
  EXPECT_EQ(c.form, AnchorForm::Function);
  EXPECT_EQ(c.file, "src/eval.c");
  EXPECT_EQ(messages(c), "");
}

TEST(CheckAnchor, AMissingFunctionNamesTheClosestNames) {
  CodeRepo repo;
  repo.add("src/train.cc", kTrain);
  StopCheck c = repo.check(anchor("stepp", "", ""));
  EXPECT_EQ(c.form, AnchorForm::None);
  EXPECT_EQ(messages(c), "error: function 'stepp' is not defined in the sources\n");
  ASSERT_FALSE(c.candidates.empty());
  EXPECT_EQ(c.candidates[0].kind, "name");
  EXPECT_EQ(c.candidates[0].function, "step");
  EXPECT_EQ(c.candidates[0].line, 6u);
  EXPECT_EQ(c.unfixableReason, "the anchor has no pattern to tell which function the code moved to");
}

TEST(CheckAnchor, APatternCloseToTwoLinesIsNotRepaired) {
  CodeRepo repo;
  repo.add("src/two.cc", "void g(int *a, int *b) {\n  a[0] += 1;\n  b[0] += 1;\n}\n");
  StopCheck c = repo.check(anchor("g", "", "c[0] += 1;"));
  EXPECT_EQ(c.form, AnchorForm::Function);
  EXPECT_TRUE(c.repairs.empty());
  EXPECT_EQ(c.unfixableReason, "several lines are about as close to the pattern");
}

TEST(CheckAnchor, ARenameIsNotGuessedWhenTheBodyIsCopiedElsewhere) {
  CodeRepo repo;
  repo.add("src/copy.cc", "int twice(int x) {\n  return x + x;\n}\nint doubled(int y) {\n  return y + y;\n}\n"
                          "int again(int x) {\n  return x + x;\n}\n");
  StopCheck c = repo.check(anchor("old_name", "src/copy.cc", "return x + x;"));
  EXPECT_TRUE(c.repairs.empty());
  EXPECT_EQ(c.unfixableReason, "several functions hold the pattern");
}

TEST(CheckAnchor, APatternThatLeftItsFunctionIsReportedNotFollowed) {
  CodeRepo repo;
  repo.add("src/train.cc", kTrain);
  StopCheck c = repo.check(anchor("loss_of", "src/train.cc", "w[i] -= lr * g[i];", 8));
  EXPECT_EQ(c.form, AnchorForm::FilePattern);
  EXPECT_EQ(c.line, 8u);
  EXPECT_EQ(messages(c), "warning: pattern 'w[i] -= lr * g[i];' is not in the body of 'loss_of'; the stop resolves "
                         "by file + pattern to src/train.cc:8 in 'step'\n");
  EXPECT_TRUE(c.repairs.empty());
}

TEST(CheckAnchor, AnAnchorWithoutFunctionOrFileIsAnError) {
  CodeRepo repo;
  EXPECT_EQ(messages(repo.check(anchor("", "", "x"))), "error: the anchor names neither a function nor a file\n");
}

TEST(IndexCode, SkipsLambdasAndRecordsBodyLines) {
  CodeRepo repo;
  repo.add("src/l.cc", "int h() {\n  auto f = [](int v) {\n    return v + 1;\n  };\n  return f(1);\n}\n");
  ASSERT_EQ(repo.index().functions.size(), 1u);
  const FunctionDef &h = repo.index().functions[0];
  EXPECT_EQ(h.displayName(), "h");
  EXPECT_EQ(h.bodyBegin, 1u);
  EXPECT_EQ(h.bodyEnd, 6u);
}

// Member templates declared in their class and defined after a use (cs144's
// Socket::getsockopt, declared in socket.hh, used and then defined in socket.cc): clang locates
// the instantiation at the declaration in the class, and the index once recorded lines 4-14 as
// the function, claiming the class's other declarations (line 5) for it.
const char *const kMemberTemplate = R"(struct Sock {
  template <class T>
  int option(int level, T &value) const;
  void bind(int port);
};
void Sock::bind(int port) {
  int v = 0;
  option(port, v);
}
template <class T>
int Sock::option(int level, T &value) const {
  value = level;
  return static_cast<int>(sizeof(T));
}
)";

TEST(IndexCode, NamesAMemberTemplateDefinedOutsideItsClassWhereItIsDefined) {
  CodeRepo repo;
  repo.add("src/sock.cc", kMemberTemplate);
  std::vector<const FunctionDef *> option = repo.index().find("Sock::option");
  ASSERT_EQ(option.size(), 1u) << "the template and its instantiation are one definition";
  EXPECT_EQ(option[0]->line, 11u);
  EXPECT_EQ(option[0]->bodyBegin, 11u);
  EXPECT_EQ(option[0]->bodyEnd, 14u);
  for (const FunctionDef &fn : repo.index().functions)
    EXPECT_FALSE(fn.line <= 4 && 4 <= fn.bodyEnd) << fn.displayName() << " claims the declaration of bind";
}

} // namespace
} // namespace tourguide::checker
