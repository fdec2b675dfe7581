// The authoring rules (tours/Authoring.h) on a program held in memory: the anchor chosen for a
// line resolves back to it (function + pattern when the line is unique in its function, file +
// pattern for a function the view cannot name, file + line for a repeated line), the defaults
// of a new stop, and the text an author writes in $EDITOR.
#include "FakeSourceView.h"
#include "tourguide/tours/Authoring.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace tourguide::tours {
namespace {

using MemoryView = test::FakeView;

const std::vector<std::string> kOptim = {
    "#include \"optim.h\"",                              // 1
    "void sgd_update(Sgd *opt)",                         // 2
    "{",                                                 // 3
    "    float *v = opt->velocity;",                     // 4
    "    for (int i = 0; i < n; ++i) {",                 // 5
    "        v[i] = m * v[i] + g[i];   // momentum",     // 6
    "        w[i] -= lr * v[i];",                        // 7
    "        w[i] -= lr * v[i];",                        // 8
    "    }",                                             // 9
    "}",                                                 // 10
    "void other(void)",                                  // 11
    "{",                                                 // 12
    "    float *v = 0; /* not the velocity */",          // 13
    "}",                                                 // 14
};

MemoryView optimProgram() {
  MemoryView view;
  view.disk["/repo/src/optim.c"] = kOptim;
  view.sources = {"/repo/src/optim.c"};
  view.functions = {{"sgd_update", "/repo/src/optim.c", 3, 10, 0}, {"other", "/repo/src/optim.c", 12, 14, 1}};
  return view;
}

LineAnchor at(MemoryView &view, unsigned line, std::vector<std::string> functions) {
  return anchorForLine(view, {"/repo/src/optim.c", line, std::move(functions)});
}

TEST(PatternOfLine, DropsATrailingCommentAndCollapsesWhitespace) {
  EXPECT_EQ(patternOfLine("        v[i] = m * v[i] + g[i];   // momentum"), "v[i] = m * v[i] + g[i];");
  EXPECT_EQ(patternOfLine("  x = 1; /* one */  "), "x = 1;");
  EXPECT_EQ(patternOfLine("  x = 1; /* runs on"), "x = 1;");
  EXPECT_EQ(patternOfLine("  f(a, /* n */ b);"), "f(a, /* n */ b);"); // code after the comment: kept whole
  EXPECT_EQ(patternOfLine("  puts(\"// not a comment\");"), "puts(\"// not a comment\");");
  EXPECT_EQ(patternOfLine("  c = '\"'; // quote"), "c = '\"';");
  EXPECT_EQ(patternOfLine("    }"), "");
  EXPECT_EQ(patternOfLine("  // only a comment"), "");
  EXPECT_EQ(patternOfLine(""), "");
}

TEST(PlainFunctionName, KeepsTheQualifiedNameOnly) {
  EXPECT_EQ(plainFunctionName("sgd_update"), "sgd_update");
  EXPECT_EQ(plainFunctionName("nn::Linear::forward(nn::Tensor const&)"), "nn::Linear::forward");
  EXPECT_EQ(plainFunctionName("void gf::fit<float, gf::Loss>(gf::Model&, int)"), "gf::fit");
  EXPECT_EQ(plainFunctionName("gf::Layered<float>::apply(float const*) const"), "gf::Layered::apply");
  EXPECT_EQ(plainFunctionName("(anonymous namespace)::helper(int)"), "helper");
  EXPECT_EQ(plainFunctionName("float* gf::top<float>(int)"), "gf::top");
  EXPECT_EQ(plainFunctionName("bool nn::Tensor::operator<(nn::Tensor const&) const"), "nn::Tensor::operator<");
  EXPECT_EQ(plainFunctionName("nn::Loss::operator()(float)"), "nn::Loss::operator()");
}

TEST(AnchorForLine, AUniqueLineGetsFunctionPatternFileAndLine) {
  MemoryView view = optimProgram();
  LineAnchor a = at(view, 6, {"sgd_update"});
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.form, AnchorForm::FunctionPattern);
  EXPECT_EQ(a.anchor.function, "sgd_update");
  EXPECT_EQ(a.anchor.file, "src/optim.c");
  EXPECT_EQ(a.anchor.pattern, "v[i] = m * v[i] + g[i];");
  EXPECT_EQ(a.anchor.line, 6u);
  EXPECT_TRUE(a.notes.empty());
}

TEST(AnchorForLine, APatternRepeatedOutsideTheFunctionIsStillUniqueInIt) {
  MemoryView view = optimProgram();
  LineAnchor a = at(view, 13, {"other"});
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.form, AnchorForm::FunctionPattern);
  EXPECT_EQ(a.anchor.pattern, "float *v = 0;");
  EXPECT_TRUE(a.notes.empty());
}

TEST(AnchorForLine, TheFirstOfTwoEqualLinesKeepsItsPatternWithANote) {
  MemoryView view = optimProgram();
  LineAnchor a = at(view, 7, {"sgd_update"});
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.form, AnchorForm::FunctionPattern);
  ASSERT_EQ(a.notes.size(), 1u);
  EXPECT_EQ(a.notes[0], "the pattern 'w[i] -= lr * v[i];' is on 2 lines of 'sgd_update' (lines 7 and 8); this "
                        "line is the first, so the stop resolves here, but 'tourguide check' warns about the "
                        "repetition");
}

TEST(AnchorForLine, TheSecondOfTwoEqualLinesIsAnchoredByFileAndLine) {
  MemoryView view = optimProgram();
  LineAnchor a = at(view, 8, {"sgd_update"});
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.form, AnchorForm::FileLine);
  EXPECT_EQ(a.anchor.function, "");
  EXPECT_EQ(a.anchor.pattern, "");
  EXPECT_EQ(a.anchor.file, "src/optim.c");
  EXPECT_EQ(a.anchor.line, 8u);
  ASSERT_EQ(a.notes.size(), 1u);
  EXPECT_NE(a.notes[0].find("is on an earlier line too"), std::string::npos) << a.notes[0];
}

TEST(AnchorForLine, ALineWithoutCodeIsAnchoredByFileAndLine) {
  MemoryView view = optimProgram();
  LineAnchor a = at(view, 9, {"sgd_update"});
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.form, AnchorForm::FileLine);
  EXPECT_NE(a.notes.at(0).find("holds no code to match"), std::string::npos);
}

TEST(AnchorForLine, AFunctionTheViewCannotNameFallsBackToFilePattern) {
  MemoryView view = optimProgram();
  LineAnchor a = at(view, 4, {"gf::fit", ""});
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.form, AnchorForm::FilePattern);
  EXPECT_EQ(a.anchor.function, "");
  EXPECT_EQ(a.anchor.pattern, "float *v = opt->velocity;");
  EXPECT_EQ(a.anchor.line, 4u);
}

TEST(AnchorForLine, AFileOutsideTheRootIsAbsoluteAndErrorsSayWhy) {
  MemoryView view = optimProgram();
  view.disk["/elsewhere/a.c"] = {"int main(void) {", "  return 0;", "}"};
  view.sources.push_back("/elsewhere/a.c");
  LineAnchor a = anchorForLine(view, {"/elsewhere/a.c", 2, {}});
  ASSERT_TRUE(a.ok()) << a.error;
  EXPECT_EQ(a.anchor.file, "/elsewhere/a.c");
  EXPECT_EQ(anchorForLine(view, {"/repo/none.c", 1, {}}).error, "cannot read /repo/none.c");
  EXPECT_EQ(anchorForLine(view, {"/elsewhere/a.c", 9, {}}).error, "line 9 is past the end of '/elsewhere/a.c' (3 lines)");
}

TEST(NewStopDefaults, StageGuessesFromNames) {
  EXPECT_EQ(guessStage("softmax_cross_entropy", "src/loss.c"), "loss");
  EXPECT_EQ(guessStage("sgd_update", "src/optim.c"), "optimizer");
  EXPECT_EQ(guessStage("metrics_update", "src/metrics.c"), "metrics");
  EXPECT_EQ(guessStage("mlp_forward", "src/model.c"), "model");
  EXPECT_EQ(guessStage("loader_next", "src/data.c"), "data");
  EXPECT_EQ(guessStage("checkpoint_load", "src/checkpoint.c"), "checkpoint");
  EXPECT_EQ(guessStage("nn::CrossEntropyLoss::forward", ""), "loss");
  EXPECT_EQ(guessStage("main", "src/train.c"), "loop");
  EXPECT_EQ(guessStage("main", "src/app.c"), "setup");
  EXPECT_EQ(guessStage("", "src/optim.c"), "optimizer");
}

TEST(NewStopDefaults, IdsAreSlugsAndUnique) {
  Tour tour;
  EXPECT_EQ(uniqueStopId(tour, "SGD updates the weights!"), "sgd-updates-the-weights");
  EXPECT_EQ(uniqueStopId(tour, "nn::Linear::forward"), "nn-linear-forward");
  EXPECT_EQ(uniqueStopId(tour, "¿?"), "stop");
  EXPECT_EQ(uniqueStopId(tour, "a very long title that goes on and on about the weights of the model"),
            "a-very-long-title-that-goes-on-and-on");
  tour.stops.push_back({});
  tour.stops.back().id = "update";
  tour.stops.push_back({});
  tour.stops.back().id = "update-2";
  EXPECT_EQ(uniqueStopId(tour, "Update"), "update-3");
  EXPECT_EQ(findStopIndex(tour, "update-2"), 1);
  EXPECT_EQ(findStopIndex(tour, "1"), 0);
  EXPECT_EQ(findStopIndex(tour, "3"), -1);
  EXPECT_EQ(findStopIndex(tour, "nope"), -1);
}

TEST(NewStopDefaults, WatchListsSplitOutsideBrackets) {
  EXPECT_EQ(splitWatchList("a, b->c ,x[0]"), (std::vector<std::string>{"a", "b->c", "x[0]"}));
  EXPECT_EQ(splitWatchList("f(a, b),m[1,2]"), (std::vector<std::string>{"f(a, b)", "m[1,2]"}));
  EXPECT_EQ(splitWatchList(" , ,"), std::vector<std::string>{});
}

TEST(EditorText, TheTemplateRoundTripsTheTextAndIgnoresTheContext) {
  EditorContext context;
  context.about = {"Stop 2 of 3 'update' [optimizer]: SGD updates the weights"};
  context.source = {"  6 |   v[i] = m * v[i] + g[i];", "> 7 |   w[i] -= lr * v[i];"};
  context.values = {"  lr = 0.1"};
  std::string text = editorTemplate("Each weight moves against its gradient.\n\n- `lr` is the step", context);
  EXPECT_NE(text.find("> 7 |   w[i] -= lr * v[i];\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Values now:\n  lr = 0.1\n-->\n"), std::string::npos) << text;
  EXPECT_EQ(textFromEditor(text), "Each weight moves against its gradient.\n\n- `lr` is the step");
  EXPECT_EQ(textFromEditor(editorTemplate("", context)), "");
  EXPECT_EQ(textFromEditor("\xEF\xBB\xBF\n\nNew text.  \r\nSecond line\r\n\n" + std::string(kEditorCutLine) +
                           "  \r\nignored\n"),
            "New text.  \nSecond line");
  EXPECT_EQ(textFromEditor("No cut line at all.\n"), "No cut line at all.");
}

} // namespace
} // namespace tourguide::tours
