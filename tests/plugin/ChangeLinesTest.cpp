// "What changed" lines at tour stops, in the real lldb-14 executable in batch mode on mlp_c's
// real `train`. The test tour (tours/mlp_change.json) watches the first weights of fc1 before
// and after the first SGD step, under two names, then 6 of them at the end of epoch 1, and
// `epoch` and `epoch_loss` at the end of epochs 1 and 2. The expected changes are computed
// from the values the stops themselves printed.
#include "RunProgram.h"
#include "TourTestSupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

using tourguide::testing::watchLine;
namespace fs = std::filesystem;

namespace {

const std::string Delta = "\u0394";

/// Runs lldb-14 --batch with `commands` (one -o each); stdout and stderr together.
std::string runLldb(const std::vector<std::string> &commands) {
  std::vector<std::string> argv = {TG_LLDB, "--no-lldbinit", "--batch"};
  for (const std::string &command : commands)
    argv.insert(argv.end(), {"-o", command});
  return tourguide::testing::runProgram(argv);
}

/// The text of stop `position` ("2/4"): from its header to the next command's echo.
std::string stopText(const std::string &all, const std::string &position) {
  size_t begin = all.find("== " + position + " ");
  if (begin == std::string::npos)
    return {};
  size_t end = all.find("\n(lldb) ", begin);
  return all.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

/// The "what changed" line under watch `label` ("" when the watch has none).
std::string changeUnder(const std::string &text, const std::string &label) {
  std::string watch = watchLine(text, label);
  size_t at = watch.empty() ? std::string::npos : text.find(watch + "\n");
  if (at == std::string::npos)
    return {};
  size_t begin = at + watch.size() + 1, end = text.find('\n', begin);
  std::string next = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  return next.rfind("    " + Delta, 0) == 0 ? next.substr(4) : std::string();
}

/// The listed elements of a summary, which come last (before a sampling note):
/// "size=4 float32 min=... inf=0 [0.8368, -1.178, ...]" -> {0.8368, -1.178}.
std::vector<double> listed(const std::string &line) {
  std::vector<double> out;
  size_t open = line.rfind("["), close = line.find("]", open);
  if (open == std::string::npos || close == std::string::npos)
    return out;
  std::stringstream items(line.substr(open + 1, close - open - 1));
  for (std::string item; std::getline(items, item, ',');)
    if (item.find("...") == std::string::npos)
      out.push_back(std::stod(item));
  return out;
}

/// The number after `key` in `line` (NaN when absent).
double numberAfter(const std::string &line, const std::string &key) {
  size_t at = line.find(key);
  return at == std::string::npos ? std::nan("") : std::stod(line.substr(at + key.size()));
}

/// The value of a scalar watch line: "  epoch_loss = 0.745683" -> "0.745683".
std::string valueOf(const std::string &text, const std::string &label) {
  std::string line = watchLine(text, label);
  size_t at = line.find(" = ");
  return at == std::string::npos ? std::string() : line.substr(at + 3);
}

/// Half a unit in the last of the 4 significant digits listed elements are shown with.
double roundingOf(double shown) {
  if (shown == 0)
    return 0;
  return 0.5 * std::pow(10.0, std::floor(std::log10(std::fabs(shown))) - 3);
}

struct Expected {
  double meanLow = 0, meanHigh = 0, maxLow = 0, maxHigh = 0;
};

/// The bounds mean|Δ| and max|Δ| of the first `n` elements must lie in, given that each
/// listed element is rounded to 4 significant digits.
Expected fromListed(const std::vector<double> &before, const std::vector<double> &after, size_t n) {
  Expected e;
  for (size_t i = 0; i < n; ++i) {
    double d = std::fabs(after[i] - before[i]);
    double slack = roundingOf(after[i]) + roundingOf(before[i]);
    e.meanLow += std::max(0.0, d - slack) / n;
    e.meanHigh += (d + slack) / n;
    e.maxLow = std::max(e.maxLow, d - slack);
    e.maxHigh = std::max(e.maxHigh, d + slack);
  }
  return e;
}

class ChangeLines : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    report = new fs::path(fs::temp_directory_path() /
                          ("tourguide-change-" + std::to_string(getpid()) + ".html"));
    output = new std::string(runLldb({
        "plugin load " TG_PLUGIN,
        "settings set term-width 200", // summaries are not cut short at 80 columns
        "target create " TG_MLP_TRAIN,
        "tour start " TG_TEST_TOURS "/mlp_change.json",
        "tour next",
        "tour next",
        "tour next",
        "tour show",
        "tour report " + report->string(),
        "process kill",
    }));
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove(*report, ec);
    delete output;
    delete report;
  }
  static std::string stop(const std::string &position) {
    std::string text = stopText(*output, position);
    EXPECT_FALSE(text.empty()) << "no stop " << position << " in:\n" << *output;
    return text;
  }
  static std::string *output;
  static fs::path *report;
};

std::string *ChangeLines::output = nullptr;
fs::path *ChangeLines::report = nullptr;

} // namespace

TEST_F(ChangeLines, NothingEarlierMeansNoChangeLine) {
  std::string first = stop("1/4");
  EXPECT_EQ(first.find(Delta + " since"), std::string::npos) << first;
}

TEST_F(ChangeLines, TheWeightUpdateUnderAnotherNameIsMeasured) {
  std::string before = stop("1/4"), after = stop("2/4");
  std::vector<double> w0 = listed(watchLine(before, "w")), w1 = listed(watchLine(after, "w"));
  std::vector<double> grad = listed(watchLine(before, "grad"));
  double lr = std::stod(valueOf(before, "opt->lr"));
  ASSERT_EQ(w0.size(), 4u) << before;
  ASSERT_EQ(w1.size(), 4u) << after;
  ASSERT_EQ(grad.size(), 4u) << before;

  // `opt->params[0].value` in sgd_update, then `model.fc1.w` in main: the same floats.
  std::string change = changeUnder(after, "w");
  ASSERT_EQ(change.rfind(Delta + " since stop 1 (before-update): mean|" + Delta + "|=", 0), 0u)
      << after;
  EXPECT_NE(change.find("(4 of 4 changed)"), std::string::npos) << change;
  double mean = numberAfter(change, "mean|" + Delta + "|="), max = numberAfter(change, "max|" + Delta + "|=");
  // From the weights both stops printed (4 significant digits each)...
  Expected e = fromListed(w0, w1, 4);
  EXPECT_GE(mean, e.meanLow * 0.995) << change;
  EXPECT_LE(mean, e.meanHigh * 1.005) << change;
  EXPECT_GE(max, e.maxLow * 0.995) << change;
  EXPECT_LE(max, e.maxHigh * 1.005) << change;
  // ...and, more precisely, the first step is w -= lr * grad (the velocity starts at 0).
  double expectedMean = 0, expectedMax = 0;
  for (double g : grad) {
    expectedMean += lr * std::fabs(g) / 4;
    expectedMax = std::max(expectedMax, lr * std::fabs(g));
  }
  // The line gives 3 significant digits; the listed gradients 4.
  auto slack = [](double shown, double expected) {
    return 0.5 * std::pow(10.0, std::floor(std::log10(shown)) - 2) + 1e-3 * expected;
  };
  EXPECT_NEAR(mean, expectedMean, slack(mean, expectedMean)) << change;
  EXPECT_NEAR(max, expectedMax, slack(max, expectedMax)) << change;

  // Other memory, and a number that did not change (opt.lr is sgd_update's opt->lr): no line.
  EXPECT_EQ(changeUnder(after, "labels"), "") << after;
  EXPECT_EQ(changeUnder(after, "opt.lr"), "") << after;
  EXPECT_EQ(changeUnder(after, "step"), "") << after;
}

TEST_F(ChangeLines, AWiderWatchOfTheSameWeightsComparesTheElementsBothShowed) {
  std::string after = stop("2/4"), epoch = stop("3/4");
  std::vector<double> w1 = listed(watchLine(after, "w")), w2 = listed(watchLine(epoch, "w"));
  ASSERT_EQ(w1.size(), 4u) << after;
  ASSERT_EQ(w2.size(), 5u) << epoch; // 6 elements, 5 listed
  std::string change = changeUnder(epoch, "w");
  ASSERT_EQ(change.rfind(Delta + " since stop 2 (after-update): mean|" + Delta + "|=", 0), 0u)
      << epoch;
  EXPECT_NE(change.find("(4 of first 4 changed)"), std::string::npos) << change;
  Expected e = fromListed(w1, w2, 4);
  double mean = numberAfter(change, "mean|" + Delta + "|="), max = numberAfter(change, "max|" + Delta + "|=");
  EXPECT_GE(mean, e.meanLow * 0.995) << change;
  EXPECT_LE(mean, e.meanHigh * 1.005) << change;
  EXPECT_GE(max, e.maxLow * 0.995) << change;
  EXPECT_LE(max, e.maxHigh * 1.005) << change;
  // epoch and epoch_loss were not watched before this stop.
  EXPECT_EQ(changeUnder(epoch, "epoch"), "") << epoch;
  EXPECT_EQ(changeUnder(epoch, "epoch_loss"), "") << epoch;
}

TEST_F(ChangeLines, ANumberShowsBeforeAndAfter) {
  std::string first = stop("3/4"), second = stop("4/4");
  EXPECT_EQ(valueOf(first, "epoch"), "1");
  EXPECT_EQ(valueOf(second, "epoch"), "2");
  EXPECT_EQ(changeUnder(second, "epoch"), Delta + " since stop 3 (epoch-1): 1\u21922") << second;
  std::string loss1 = valueOf(first, "epoch_loss"), loss2 = valueOf(second, "epoch_loss");
  ASSERT_FALSE(loss1.empty());
  EXPECT_NE(loss1, loss2);
  EXPECT_EQ(changeUnder(second, "epoch_loss"), Delta + " since stop 3 (epoch-1): " + loss1 + "\u2192" + loss2)
      << second;
}

TEST_F(ChangeLines, TourShowRepeatsTheLinesAgainstTheStopBefore) {
  // The second "== 4/4" is `tour show`'s: compared with stop 3 again, not with its own visit.
  size_t shown = output->find("== 4/4 ", output->find("== 4/4 ") + 1);
  ASSERT_NE(shown, std::string::npos) << *output;
  std::string show = output->substr(shown);
  EXPECT_EQ(changeUnder(show, "epoch"), Delta + " since stop 3 (epoch-1): 1\u21922") << show;
  EXPECT_NE(changeUnder(show, "epoch_loss"), "") << show;
}

TEST_F(ChangeLines, TheReportShowsTheChangesUnderTheValues) {
  std::ifstream in(*report);
  std::stringstream html;
  html << in.rdbuf();
  EXPECT_NE(html.str().find("<div class=\"change\">" + Delta + " since stop 3 (epoch-1): 1\u21922</div>"),
            std::string::npos)
      << *output;
  EXPECT_NE(html.str().find("<div class=\"change\">" + Delta + " since stop 1 (before-update): mean|"),
            std::string::npos);
  EXPECT_EQ(html.str().find("<div class=\"change\"></div>"), std::string::npos);
}
