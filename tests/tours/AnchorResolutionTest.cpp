// tours::resolveAnchor on a program held in memory: the order of the forms, the file lookup
// order and the `./` rule, narrowing several definitions to the anchor's file, places without
// code, and the reason each form that was tried gives.
#include "FakeSourceView.h"
#include "tourguide/tours/AnchorResolution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace tourguide::tours {
namespace {

using Reason = FormFailure::Reason;

using test::FakeView;


Anchor anchor(std::string function, std::string file, std::string pattern, unsigned line = 0) {
  Anchor a;
  a.function = std::move(function);
  a.file = std::move(file);
  a.pattern = std::move(pattern);
  a.line = line;
  return a;
}

const std::vector<std::string> kTrain = {
    "float loss_of(float y, float t) {", // 1
    "  float d = y - t;",                // 2
    "  return d * d;",                   // 3
    "}",                                 // 4
    "void step(float *w, float lr) {",   // 5
    "  w[0]  -=  lr;",                   // 6
    "  w[1] -= lr;",                     // 7
    "}",                                 // 8
};

FakeView trainProgram() {
  FakeView v;
  v.source("/repo/src/train.c", kTrain);
  v.functions = {{"loss_of", "/repo/src/train.c", 1, 4, 0}, {"step", "/repo/src/train.c", 5, 8, 1}};
  return v;
}

TEST(AnchorForms, AreNamedAndListedInResolutionOrder) {
  EXPECT_STREQ(formName(AnchorForm::FunctionPattern), "function + pattern");
  EXPECT_STREQ(formName(AnchorForm::FilePattern), "file + pattern");
  EXPECT_STREQ(formName(AnchorForm::Function), "function");
  EXPECT_STREQ(formName(AnchorForm::FileLine), "file + line");
  EXPECT_STREQ(formName(AnchorForm::None), "none");
  EXPECT_EQ(formsOf(anchor("f", "a.c", "x", 3)),
            (std::vector<AnchorForm>{AnchorForm::FunctionPattern, AnchorForm::FilePattern, AnchorForm::Function,
                                     AnchorForm::FileLine}));
  EXPECT_EQ(formsOf(anchor("f", "", "")), (std::vector<AnchorForm>{AnchorForm::Function}));
  EXPECT_EQ(formsOf(anchor("", "a.c", "", 3)), (std::vector<AnchorForm>{AnchorForm::FileLine}));
  EXPECT_TRUE(formsOf(anchor("", "a.c", "")).empty());
}

TEST(AnchorFile, DotSegmentsAreFoldedAndSuffixesMatchWholeComponents) {
  EXPECT_EQ(normalizeAnchorFile("./src/a.c"), "src/a.c");
  EXPECT_EQ(normalizeAnchorFile("././src/a.c"), "src/a.c");
  EXPECT_EQ(normalizeAnchorFile("src/x/../a.c"), "src/a.c");
  EXPECT_EQ(normalizeAnchorFile("src/./a.c"), "src/a.c");
  EXPECT_EQ(normalizeAnchorFile("/abs/src/a.c"), "/abs/src/a.c");
  EXPECT_EQ(normalizeAnchorFile("./"), "");
  EXPECT_TRUE(endsWithPath("/repo/src/a.c", "src/a.c"));
  EXPECT_TRUE(endsWithPath("/repo/src/a.c", "a.c"));
  EXPECT_TRUE(endsWithPath("src/a.c", "src/a.c"));
  EXPECT_FALSE(endsWithPath("/repo/xsrc/a.c", "src/a.c"));
  EXPECT_FALSE(endsWithPath("/repo/src/a.c", ""));
}

TEST(FindPattern, ComparesWhitespaceRunsAsOneSpaceWithinTheRange) {
  EXPECT_EQ(findPattern(kTrain, "w[0] -= lr;"), (std::vector<unsigned>{6}));
  EXPECT_EQ(findPattern(kTrain, "-= lr"), (std::vector<unsigned>{6, 7}));
  EXPECT_EQ(findPattern(kTrain, "-= lr", 7, 99), (std::vector<unsigned>{7}));
  EXPECT_EQ(findPattern(kTrain, "-= lr", 0, 6), (std::vector<unsigned>{6}));
  EXPECT_TRUE(findPattern(kTrain, "  ").empty());
}

TEST(ResolveAnchor, FunctionAndPatternWinsWithEveryHitInTheBody) {
  FakeView v = trainProgram();
  AnchorResolution r = resolveAnchor(anchor("step", "src/train.c", "-= lr", 2), v);
  ASSERT_EQ(r.form, AnchorForm::FunctionPattern);
  EXPECT_EQ(r.winner()->file, "/repo/src/train.c");
  EXPECT_EQ(r.winner()->line, 6u);
  EXPECT_EQ(r.winner()->hits, (std::vector<unsigned>{6, 7}));
  ASSERT_TRUE(r.winner()->body);
  EXPECT_EQ(r.winner()->body->key, 1u);
  EXPECT_TRUE(r.failures.empty());
  EXPECT_EQ(r.file, "/repo/src/train.c");
  EXPECT_EQ(v.asked, (std::vector<std::string>{"function + pattern@/repo/src/train.c:6"}));
}

TEST(ResolveAnchor, EachFormFallsBackToTheNextWithTheReason) {
  FakeView v = trainProgram();
  // The pattern left the function: file + pattern finds it in the file.
  AnchorResolution r = resolveAnchor(anchor("loss_of", "src/train.c", "w[1] -= lr;"), v);
  EXPECT_EQ(r.form, AnchorForm::FilePattern);
  EXPECT_EQ(r.winner()->line, 7u);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].form, AnchorForm::FunctionPattern);
  EXPECT_EQ(r.failures[0].reason, Reason::PatternNotFound);
  EXPECT_EQ(r.failures[0].why, "pattern 'w[1] -= lr;' is not in the body of 'loss_of'");
  // The pattern is gone: the function's entry.
  r = resolveAnchor(anchor("loss_of", "src/train.c", "gone", 2), v);
  EXPECT_EQ(r.form, AnchorForm::Function);
  EXPECT_EQ(r.winner()->line, 1u);
  EXPECT_EQ(r.why(), "pattern 'gone' is not in the body of 'loss_of'; pattern 'gone' is not in src/train.c");
  // The function is gone too: file + line.
  r = resolveAnchor(anchor("loss_off", "src/train.c", "gone", 2), v);
  EXPECT_EQ(r.form, AnchorForm::FileLine);
  EXPECT_EQ(r.winner()->line, 2u);
  EXPECT_EQ(r.why(), "function 'loss_off' is not defined in the program; pattern 'gone' is not in src/train.c");
  EXPECT_EQ(r.why(Reason::FunctionNotFound), "pattern 'gone' is not in src/train.c");
}

TEST(ResolveAnchor, APlaceWithoutCodeFallsThroughToTheNextForm) {
  FakeView v = trainProgram();
  v.noCode = {"/repo/src/train.c:3"};
  AnchorResolution r = resolveAnchor(anchor("loss_of", "", "return d * d;"), v);
  EXPECT_EQ(r.form, AnchorForm::Function);
  ASSERT_EQ(r.candidates.size(), 2u);
  EXPECT_EQ(r.candidates[0].form, AnchorForm::FunctionPattern);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].reason, Reason::NoCode);
  EXPECT_EQ(r.failures[0].why, "function + pattern (/repo/src/train.c:3) has no code");
  v.noCode = {"/repo/src/train.c:4"};
  r = resolveAnchor(anchor("", "src/train.c", "", 4), v);
  EXPECT_FALSE(r.resolved());
  EXPECT_EQ(r.winner(), nullptr);
  EXPECT_EQ(r.why(), "line 4 of 'src/train.c' has no code");
}

TEST(ResolveAnchor, ALinePastTheEndIsNotAPlace) {
  FakeView v = trainProgram();
  AnchorResolution r = resolveAnchor(anchor("", "src/train.c", "", 40), v);
  EXPECT_FALSE(r.resolved());
  EXPECT_TRUE(r.candidates.empty());
  EXPECT_TRUE(v.asked.empty());
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].reason, Reason::PastTheEnd);
  EXPECT_EQ(r.why(), "line 40 is past the end of 'src/train.c' (8 lines)");
}

TEST(ResolveAnchor, AMissingFunctionOrFileIsSaidOnce) {
  FakeView v = trainProgram();
  AnchorResolution r = resolveAnchor(anchor("nope", "src/nope.c", "x", 3), v);
  EXPECT_FALSE(r.resolved());
  EXPECT_EQ(r.failures.size(), 4u); // one per form
  EXPECT_EQ(r.why(), "function 'nope' is not defined in the program; file 'src/nope.c' is not among the program's files");
}

TEST(ResolveAnchor, AnUnreadableFileIsNotSearched) {
  FakeView v = trainProgram();
  v.functions.push_back({"gen", "/repo/build/gen.c", 1, 9, 2});
  AnchorResolution r = resolveAnchor(anchor("gen", "", "x"), v);
  EXPECT_EQ(r.form, AnchorForm::Function);
  EXPECT_EQ(r.why(), "pattern not searched: cannot read /repo/build/gen.c; pattern 'x' is not in the body of 'gen'");
  EXPECT_EQ(r.failures[0].reason, Reason::NotReadable);
}

TEST(ResolveAnchor, SeveralDefinitionsAreNarrowedToTheAnchorsFile) {
  FakeView v;
  v.source("/repo/src/train.c", {"int main(void) {", "  return 0;", "}"});
  v.source("/repo/src/eval.c", {"int main(void) {", "", "  return 1;", "}"});
  v.functions = {{"main", "/repo/src/train.c", 1, 3, 0}, {"main", "/repo/src/eval.c", 1, 4, 1}};
  AnchorResolution r = resolveAnchor(anchor("main", "src/eval.c", "return"), v);
  ASSERT_EQ(r.form, AnchorForm::FunctionPattern);
  EXPECT_EQ(r.winner()->file, "/repo/src/eval.c");
  EXPECT_EQ(r.winner()->line, 3u);
  ASSERT_EQ(r.functions.size(), 1u);
  // Without a file, the first definition whose body holds the pattern.
  r = resolveAnchor(anchor("main", "", "return 1;"), v);
  EXPECT_EQ(r.winner()->file, "/repo/src/eval.c");
  EXPECT_EQ(r.functions.size(), 2u);
}

TEST(ResolveAnchorFile, TheRepoFileTheProgramWasBuiltFromComesFirst) {
  FakeView v;
  v.source("/repo/third_party/x/src/a.c", {"vendored"});
  v.source("/repo/src/a.c", {"own"});
  AnchorResolution r = resolveAnchor(anchor("", "src/a.c", "", 1), v);
  EXPECT_EQ(r.file, "/repo/src/a.c");
  r = resolveAnchor(anchor("", "./src/x/../a.c", "", 1), v);
  EXPECT_EQ(r.file, "/repo/src/a.c") << "the ./ rule";
}

TEST(ResolveAnchorFile, ASuffixFindsTheRepoOwnFileBeforeOneOutsideIt) {
  FakeView v;
  v.source("/elsewhere/lib/a.c", {"outside"});
  v.source("/repo/lib/a.c", {"inside"});
  EXPECT_EQ(resolveAnchor(anchor("", "a.c", "", 1), v).file, "/repo/lib/a.c");
}

TEST(ResolveAnchorFile, ACheckoutThatMovedAfterTheBuildStillResolvesBySuffix) {
  FakeView v;
  v.root = "/new/repo";
  v.source("/old/repo/src/a.c", {"built from here"});
  v.disk["/new/repo/src/a.c"] = {"the tour's copy"};
  EXPECT_EQ(resolveAnchor(anchor("", "src/a.c", "", 1), v).file, "/old/repo/src/a.c");
}

TEST(ResolveAnchorFile, AFileOnDiskComesLastAndAnAbsolutePathIsTakenAsItIs) {
  FakeView v;
  v.source("/repo/src/a.c", {"code"});
  v.disk["/repo/include/macros.h"] = {"#define STEP(x) x"};
  EXPECT_EQ(resolveAnchor(anchor("", "include/macros.h", "STEP"), v).file, "/repo/include/macros.h");
  EXPECT_EQ(resolveAnchor(anchor("", "/repo/src/a.c", "", 1), v).file, "/repo/src/a.c");
  AnchorResolution r = resolveAnchor(anchor("", "include/none.h", "STEP"), v);
  EXPECT_EQ(r.file, "");
  EXPECT_EQ(r.why(), "file 'include/none.h' is not among the program's files");
}

} // namespace
} // namespace tourguide::tours
