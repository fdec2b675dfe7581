// Collected series are checked like stops: a top-level collect item, and a stop's collect item
// with an anchor of its own, resolve against the sources by the same rules; diagnostics name
// them "series 'NAME'" and point into their anchors; --fix repairs them in place; the JSON form
// lists them with "kind": "series". A stop's collect item without an anchor is collected at the
// stop's own anchor and adds nothing to check.
#include "SampleCopy.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>

namespace tourguide::checker::testing {
namespace {

// A tour of mlp_c with one stop and four series: two at the top level (a multi-line anchor
// with file and line, a one-line anchor with function and pattern), and two in the stop (one
// without an anchor, one with its own). Line numbers are those of the tour file below.
const char *const kTour = R"({
  "version": 1,
  "title": "Collected series of mlp_c",
  "program": { "path": "build/train" },
  "stops": [
    {
      "id": "update",
      "stage": "optimizer",
      "title": "The update",
      "anchor": { "function": "sgd_update", "file": "src/optim.c", "pattern": "param->value[i] -= opt->lr * v[i];", "line": 32 },
      "collect": [
        { "name": "lr", "expr": "opt->lr", "every": 100 },
        { "name": "backward-n", "expr": "n", "anchor": { "function": "mlp_backward", "file": "src/model.c", "pattern": "linear_backward(&model->fc1, x, model->dh_pre, n, NULL);", "line": 64 } }
      ]
    }
  ],
  "collect": [
    {
      "name": "seen",
      "expr": "m->seen",
      "label": "points seen so far",
      "anchor": {
        "function": "metrics_update",
        "file": "src/metrics.c",
        "pattern": "m->seen += n;",
        "line": 35
      }
    },
    {
      "name": "relu-mask",
      "expr": "count",
      "anchor": { "function": "relu_backward", "pattern": "dx[i] = x[i] > 0.0f ? dy[i] : 0.0f;" }
    }
  ]
}
)";

const std::string kTourPath = ".tours/series.json";

/// `text` with the first occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string &from, const std::string &to) {
  size_t at = text.find(from);
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

/// Output with the copy's folder taken out of every path.
std::string relative(std::string text, const SampleCopy &copy) {
  const std::string prefix = copy.root() + "/";
  for (size_t at; (at = text.find(prefix)) != std::string::npos;)
    text.erase(at, prefix.size());
  return text;
}

class SeriesCheck : public ::testing::Test {
protected:
  SeriesCheck() : copy_("mlp_c") {}

  void SetUp() override { ASSERT_EQ(copy_.apply({kTourPath, "", kTour}), ""); }

  /// `tourguide check [--fix] [--format=json] -p BUILD TOUR`, paths relative to the copy.
  CommandRun check(std::vector<std::string> options = {}) {
    options.insert(options.end(), {"-p", copy_.writeCompileCommands(), copy_.path(kTourPath)});
    CommandRun run = runCheck(options);
    run.out = relative(run.out, copy_);
    if (std::getenv("TOURGUIDE_PRINT_ACTUAL"))
      std::cout << "---- " << ::testing::UnitTest::GetInstance()->current_test_info()->name() << ":\n" << run.out;
    return run;
  }

  SampleCopy copy_;
};

TEST_F(SeriesCheck, EverySeriesWithAnAnchorOfItsOwnIsCheckedAndCounted) {
  std::unique_ptr<SourceIndex> index = copy_.index();
  ASSERT_NE(index, nullptr);
  TourReport report = copy_.check(kTourPath, *index);
  ASSERT_TRUE(report.loadErrors.empty()) << tours::formatAll(report.loadErrors);
  EXPECT_EQ(formatText({report}), "");
  ASSERT_EQ(report.stops.size(), 1u);
  // "lr" has no anchor: it is collected at the stop's, which the stop's check covers.
  ASSERT_EQ(report.series.size(), 3u);
  EXPECT_EQ(report.series[0].id, "seen");
  EXPECT_EQ(report.series[0].pointer, "/collect/0");
  EXPECT_EQ(report.series[0].stopId, "");
  EXPECT_EQ(report.series[1].id, "relu-mask");
  EXPECT_EQ(report.series[1].pointer, "/collect/1");
  EXPECT_EQ(report.series[2].id, "backward-n");
  EXPECT_EQ(report.series[2].pointer, "/stops/0/collect/1");
  EXPECT_EQ(report.series[2].stopId, "update");
  for (const AnchorReport &s : report.series) {
    EXPECT_TRUE(s.isSeries());
    EXPECT_EQ(s.check.form, AnchorForm::FunctionPattern) << s.id;
  }
  EXPECT_EQ(resolvedText(report.series[0]), "m->seen += n;");
  EXPECT_EQ(resolvedText(report.series[2]), "linear_backward(&model->fc1, x, model->dh_pre, n, NULL); /* dW1, db1 */");

  CommandRun run = check();
  EXPECT_EQ(run.exit, 0);
  EXPECT_EQ(run.out, "checked 1 stop, 3 series in 1 tour: 0 errors, 0 warnings\n");
}

TEST_F(SeriesCheck, ARenamedFunctionBreaksItsSeriesAndFixRenamesItInPlace) {
  ASSERT_EQ(copy_.apply({"src/layers.c", "void relu_backward(", "void relu_backprop("}), "");
  ASSERT_EQ(copy_.apply({"src/layers.h", "void relu_backward(", "void relu_backprop("}), "");
  ASSERT_EQ(copy_.apply({"src/model.c", "    relu_backward(model->h_pre", "    relu_backprop(model->h_pre"}), "");

  CommandRun broken = check();
  EXPECT_EQ(broken.exit, 1);
  EXPECT_EQ(broken.out,
            ".tours/series.json:32:31: error: series 'relu-mask': function 'relu_backward' is not defined in the sources\n"
            ".tours/series.json:32:31: note: did you mean 'mlp_backward'? defined at src/model.c:58\n"
            ".tours/series.json:32:31: note: did you mean 'relu_forward'? defined at src/layers.c:87\n"
            ".tours/series.json:32:31: note: did you mean 'relu_backprop'? defined at src/layers.c:93\n"
            ".tours/series.json:32:31: note: 'relu_backprop' holds the pattern; defined at src/layers.c:93\n"
            "checked 1 stop, 3 series in 1 tour: 1 error, 0 warnings\n");

  CommandRun fixed = check({"--fix"});
  EXPECT_EQ(fixed.exit, 0);
  EXPECT_EQ(fixed.out,
            ".tours/series.json:32:31: fixed: series 'relu-mask': function 'relu_backward' -> 'relu_backprop' "
            "(renamed: its body holds the pattern)\n"
            "checked 1 stop, 3 series in 1 tour: 0 errors, 0 warnings, 0 stops, 1 series fixed\n");
  // Only the function's token changed.
  EXPECT_EQ(copy_.read(kTourPath), replaced(kTour, "\"relu_backward\"", "\"relu_backprop\""));
  CommandRun again = check();
  EXPECT_EQ(again.exit, 0);
  EXPECT_EQ(again.out, "checked 1 stop, 3 series in 1 tour: 0 errors, 0 warnings\n");
}

TEST_F(SeriesCheck, APatternThatMovedIsAWarningAndFixRepairsTheSeriesLinesInPlace) {
  const std::string header = "/* Added by a refactoring:\n * three lines above every series.\n */\n";
  ASSERT_EQ(copy_.apply({"src/metrics.c", "#include \"metrics.h\"", header + "#include \"metrics.h\""}), "");
  ASSERT_EQ(copy_.apply({"src/model.c", "#include \"model.h\"", header + "#include \"model.h\""}), "");

  CommandRun moved = check();
  EXPECT_EQ(moved.exit, 0) << "warnings do not fail `check`";
  EXPECT_EQ(moved.out,
            ".tours/series.json:26:17: warning: series 'seen': line 35 is out of date: the pattern is on line 38\n"
            ".tours/series.json:13:188: warning: series 'backward-n': line 64 is out of date: the pattern is on line 67\n"
            "checked 1 stop, 3 series in 1 tour: 0 errors, 2 warnings\n");

  CommandRun fixed = check({"--fix"});
  EXPECT_EQ(fixed.exit, 0);
  EXPECT_EQ(fixed.out,
            ".tours/series.json:26:17: fixed: series 'seen': line 35 -> 38 (the pattern is there)\n"
            ".tours/series.json:13:188: fixed: series 'backward-n': line 64 -> 67 (the pattern is there)\n"
            "checked 1 stop, 3 series in 1 tour: 0 errors, 0 warnings, 0 stops, 2 series fixed\n");
  EXPECT_EQ(copy_.read(kTourPath),
            replaced(replaced(kTour, "\"line\": 35", "\"line\": 38"), "\"line\": 64 }", "\"line\": 67 }"));
  EXPECT_EQ(check().exit, 0);
}

TEST_F(SeriesCheck, ACollectItemWithoutAnAnchorAddsNothingToItsStopsReport) {
  // The stop's pattern changes: the stop is reported once, "lr" (collected there) not at all.
  ASSERT_EQ(copy_.apply({"src/optim.c", "            param->value[i] -= opt->lr * v[i];",
                         "            param->value[i] -= opt->lr * v[i] * 1.0f;"}),
            "");
  CommandRun run = check();
  EXPECT_EQ(run.exit, 0) << "warnings do not fail `check`";
  EXPECT_EQ(run.out,
            ".tours/series.json:10:79: warning: stop 'update' (\"The update\"): pattern 'param->value[i] -= opt->lr * v[i];' "
            "is not in the body of 'sgd_update'; the stop falls back to the function's entry\n"
            ".tours/series.json:10:79: note: closest line: src/optim.c:32 in 'sgd_update': "
            "`param->value[i] -= opt->lr * v[i] * 1.0f;`\n"
            ".tours/series.json:10:79: note: closest line: src/optim.c:29 in 'sgd_update': "
            "`Param *param = &opt->params[p];`\n"
            "checked 1 stop, 3 series in 1 tour: 0 errors, 1 warning\n");
}

TEST_F(SeriesCheck, JsonListsTheSeriesWithTheirKindAndPlace) {
  ASSERT_EQ(copy_.apply({"src/layers.c", "void relu_backward(", "void relu_backprop("}), "");
  ASSERT_EQ(copy_.apply({"src/layers.h", "void relu_backward(", "void relu_backprop("}), "");
  ASSERT_EQ(copy_.apply({"src/model.c", "    relu_backward(model->h_pre", "    relu_backprop(model->h_pre"}), "");
  CommandRun run = check({"--format=json"});
  EXPECT_EQ(run.exit, 1);
  nlohmann::json doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc.at("exit_code"), 1);
  const nlohmann::json &items = doc.at("stops");
  ASSERT_EQ(items.size(), 4u) << run.out;

  // The stop keeps every field it had, and says what it is.
  EXPECT_EQ(items[0].at("kind"), "stop");
  EXPECT_EQ(items[0].at("stop"), "update");
  EXPECT_EQ(items[0].at("title"), "The update");
  EXPECT_EQ(items[0].at("pointer"), "/stops/0");
  EXPECT_EQ(items[0].at("status"), "ok");
  EXPECT_FALSE(items[0].contains("series"));

  std::vector<std::string> names, pointers, stops, statuses;
  for (size_t i = 1; i < items.size(); ++i) {
    EXPECT_EQ(items[i].at("kind"), "series");
    names.push_back(items[i].at("series"));
    pointers.push_back(items[i].at("pointer"));
    stops.push_back(items[i].at("stop"));
    statuses.push_back(items[i].at("status"));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"seen", "relu-mask", "backward-n"}));
  EXPECT_EQ(pointers, (std::vector<std::string>{"/collect/0", "/collect/1", "/stops/0/collect/1"}));
  EXPECT_EQ(stops, (std::vector<std::string>{"", "", "update"}));
  EXPECT_EQ(statuses, (std::vector<std::string>{"ok", "error", "ok"}));

  const nlohmann::json &mask = items[2];
  EXPECT_EQ(mask.at("title"), ""); // a series' title is its label
  EXPECT_EQ(items[1].at("title"), "points seen so far");
  EXPECT_EQ(mask.at("line"), 29); // the collect item
  EXPECT_EQ(mask.at("column"), 5);
  EXPECT_EQ(mask.at("form"), "none");
  EXPECT_TRUE(mask.at("location").is_null());
  ASSERT_EQ(mask.at("diagnostics").size(), 1u);
  EXPECT_EQ(mask.at("diagnostics")[0].at("severity"), "error");
  EXPECT_EQ(mask.at("diagnostics")[0].at("field"), "function");
  EXPECT_EQ(mask.at("diagnostics")[0].at("line"), 32); // the anchor's function
  EXPECT_EQ(mask.at("diagnostics")[0].at("column"), 31);
  EXPECT_EQ(mask.at("candidates").size(), 4u);
}

} // namespace
} // namespace tourguide::checker::testing
