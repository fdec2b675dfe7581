// The live values of the sample tours against what the sample programs themselves print and
// write. For every sample repo in the build, in a real in-process LLDB with the program's
// stdout captured in a file (target.output-path), the train tour is played from `tour start`
// to the program's end with `tour next`, as a newcomer would. Then:
//  - the epoch-loss series (`tour plot --values epoch-loss`) has one point per epoch, x = 1..N,
//    equal to the printed `epoch N loss L` lines (fewer only when its chart reports a pause:
//    a known plugin limitation, explained where it is checked);
//  - the batch-loss series has one point per training step, or says that the collection budget
//    paused it (possibly after its last point) and every point's x is a step the program took;
//    each epoch whose steps are all there has the printed epoch loss as the mean of its batch
//    losses, weighted by batch size (every sample computes the epoch loss that way);
//  - a weight tensor watched at the checkpoint stop shows the shape, min, max, mean, std and
//    NaN/Inf counts of the numbers the program writes to its checkpoint file;
//  - `tour plot epoch-loss` draws a chart with its axis label and the last value.
// The eval tour is played next (it reads that checkpoint), and its collected series are checked
// against eval's printed accuracy and loss.
#include "LldbSession.h"
#include "PluginSamples.h"
#include "TourTestSupport.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace tourguide::testing;

namespace {

/// One parameter array of a checkpoint file, in file order.
using Params = std::vector<std::vector<float>>;

/// A value the tour shows: the watch `label` at stop `stop`.
struct WatchRef {
  std::string stop, label;
};

/// What this test needs to know about a sample: where its tours show the values to compare,
/// and how to read its checkpoint file. Everything compared is read from the run itself.
struct Expectations {
  std::regex examples;     ///< In train's stdout: the number of training examples, group 1.
  WatchRef batchSize;      ///< The batch size, a plain number.
  bool stepX;              ///< batch-loss x is a 0-based step counter, else the 1-based pass number.
  std::string epochAxis;   ///< The x label of the epoch-loss chart.
  std::vector<std::pair<WatchRef, size_t>> weights; ///< Watched tensor -> index in the checkpoint.
  std::function<Params(const std::string &)> readCheckpoint;
  // eval: a running count of correct answers against the number of samples counted.
  std::string correctSeries;
  std::string lossSeries; ///< eval's per-batch loss against samples counted ("" = none).
};

// ---------------------------------------------------------------- checkpoint formats

template <typename T>
bool readRaw(std::ifstream &in, T &value) {
  return static_cast<bool>(in.read(reinterpret_cast<char *>(&value), sizeof value));
}

/// mlp_c (src/checkpoint.c): five uint32 (magic, version, inputs, hidden, classes), then the raw
/// floats of fc1.w, fc1.b, fc2.w, fc2.b.
Params readMlpCheckpoint(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  uint32_t header[5] = {};
  if (!in.read(reinterpret_cast<char *>(header), sizeof header))
    return {};
  const size_t inputs = header[2], hidden = header[3], classes = header[4];
  Params out;
  for (size_t n : {hidden * inputs, hidden, classes * hidden, classes}) {
    std::vector<float> values(n);
    if (!in.read(reinterpret_cast<char *>(values.data()), static_cast<std::streamsize>(n * sizeof(float))))
      return {};
    out.push_back(std::move(values));
  }
  return out;
}

/// torchlike (src/checkpoint.cpp): "TLCK", uint32 count, then per parameter uint32 name size,
/// the name, uint32 element count and the raw floats.
Params readTorchlikeCheckpoint(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  uint32_t count = 0;
  if (!in.read(magic, 4) || std::memcmp(magic, "TLCK", 4) != 0 || !readRaw(in, count))
    return {};
  Params out;
  for (uint32_t p = 0; p < count; ++p) {
    uint32_t nameSize = 0, numel = 0;
    std::string name;
    if (!readRaw(in, nameSize))
      return {};
    name.resize(nameSize);
    std::vector<float> values;
    if (!in.read(name.data(), nameSize) || !readRaw(in, numel))
      return {};
    values.resize(numel);
    if (!in.read(reinterpret_cast<char *>(values.data()), static_cast<std::streamsize>(numel * sizeof(float))))
      return {};
    out.push_back(std::move(values));
  }
  return out;
}

/// generic_fit (src/archive.cpp): text; "param ROWS COLS" then the values, until "end".
Params readGenericFitCheckpoint(const std::string &path) {
  std::ifstream in(path);
  Params out;
  for (std::string word; in >> word && word != "end";) {
    if (word != "param")
      continue;
    size_t rows = 0, cols = 0;
    in >> rows >> cols;
    std::vector<float> values(rows * cols);
    for (float &v : values)
      in >> v;
    if (!in)
      return {};
    out.push_back(std::move(values));
  }
  return out;
}

Expectations expectationsFor(const std::string &name) {
  if (name == "mlp_c")
    return {std::regex(R"(train: (\d+) samples)"), {"epoch-start", "cfg.batch_size"}, true, "epoch",
            {{{"save-checkpoint", "fc1.w"}, 0}, {{"save-checkpoint", "fc2.w"}, 2}}, readMlpCheckpoint,
            "correct-so-far", "batch-loss"};
  if (name == "torchlike")
    return {std::regex(R"((\d+) training examples)"), {"batch-loop", "batch.size"}, false, "epoch",
            {{{"save-checkpoint", "values"}, 0}}, readTorchlikeCheckpoint, "correct-so-far", ""};
  if (name == "generic_fit")
    return {std::regex(R"(read (\d+) readings)"), {"epoch-loop", "schedule.handful"}, false, "pass",
            {{{"write-w1", "p"}, 0}}, readGenericFitCheckpoint, "", ""};
  return {};
}

// ---------------------------------------------------------------- reading what LLDB printed

using Point = PlotPoint;

/// The points of `tour plot --values NAME`.
std::vector<Point> parseValues(const std::string &text) { return plottedPoints(text); }

/// The numbers of `key=` in a watch line (NaN when absent).
double statOf(const std::string &line, const std::string &key) {
  size_t at = line.find(" " + key + "=");
  return at == std::string::npos ? std::nan("") : std::strtod(line.c_str() + at + key.size() + 2, nullptr);
}

/// The value of a watch line that shows a plain number ("  step = 228").
double numberOf(const std::string &line) {
  size_t at = line.find(" = ");
  return at == std::string::npos ? std::nan("") : std::strtod(line.c_str() + at + 3, nullptr);
}

std::string slurp(const std::string &path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// `epoch N loss L` lines, in order.
std::vector<std::pair<int, double>> printedEpochLosses(const std::string &output) {
  static const std::regex line(R"((?:^|\n)epoch (\d+) loss ([-+0-9.eE]+))");
  std::vector<std::pair<int, double>> out;
  for (std::sregex_iterator it(output.begin(), output.end(), line), end; it != end; ++it)
    out.emplace_back(std::stoi((*it)[1]), std::stod((*it)[2]));
  return out;
}

/// The first number group 1 of `re` matches in `text` (NaN when none).
double firstMatch(const std::string &text, const std::regex &re) {
  std::smatch m;
  return std::regex_search(text, m, re) ? std::stod(m[1]) : std::nan("");
}

/// min, max, mean, population std of `values`, in double as numpy does.
struct Stats {
  double min = 0, max = 0, mean = 0, std = 0;
  size_t nan = 0, inf = 0;
};
Stats statsOf(const std::vector<float> &values) {
  Stats s;
  s.min = INFINITY, s.max = -INFINITY;
  double sum = 0;
  size_t finite = 0;
  for (float v : values) {
    if (std::isnan(v)) {
      ++s.nan;
      continue;
    }
    if (std::isinf(v)) {
      ++s.inf;
      continue;
    }
    s.min = std::min<double>(s.min, v), s.max = std::max<double>(s.max, v), sum += v, ++finite;
  }
  s.mean = sum / static_cast<double>(finite);
  double squares = 0;
  for (float v : values)
    if (std::isfinite(v))
      squares += (v - s.mean) * (v - s.mean);
  s.std = std::sqrt(squares / static_cast<double>(finite));
  return s;
}

/// `got` shows `want` to the 6 significant digits the annotation prints.
::testing::AssertionResult sameStat(const char *gotExpr, const char *wantExpr, const char *scaleExpr,
                                    double got, double want, double scale) {
  if (std::fabs(got - want) <= 1e-5 * std::fabs(want) + 1e-7 * scale)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << gotExpr << " = " << got << " but " << wantExpr << " = " << want
                                       << " (" << scaleExpr << " = " << scale << ")";
}

// ---------------------------------------------------------------- playing a tour

/// One run of a tour to the program's end: each stop's annotation by id, and the program's stdout.
struct TourRun {
  std::map<std::string, std::string> annotations;
  std::string ending;  ///< What the last `tour next` printed (the end summary).
  std::string stdout_; ///< What the program printed.
  tourguide::tours::Tour tour;

  std::string watch(const WatchRef &ref) const {
    auto it = annotations.find(ref.stop);
    return it == annotations.end() ? std::string() : watchLine(it->second, ref.label);
  }
};

class SampleLiveValues : public ::testing::TestWithParam<Sample> {
protected:
  /// Plays `program`'s tour with `tour start` and `tour next` until the program has ended.
  /// Leaves the session open on the ended program, for `tour plot`.
  void play(LldbSession &lldb, const std::string &program, TourRun &run) {
    const Sample &sample = GetParam();
    std::string tourFile = std::string(sample.sourceDir) + "/.tours/" + program + ".json";
    SCOPED_TRACE(tourFile);
    auto loaded = tourguide::tours::loadTourFile(tourFile);
    ASSERT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics);
    run.tour = *loaded.tour;
    std::string out = ::testing::TempDir() + "live_" + std::to_string(getpid()) + "_" + sample.name + "_" + program + ".txt";
    std::remove(out.c_str());
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    // Wide enough that no watch line is cut; the program's stdout goes to a file.
    ASSERT_TRUE(lldb.run("settings set term-width 400").ok);
    ASSERT_TRUE(lldb.run("settings set target.output-path " + out).ok);
    ASSERT_TRUE(lldb.run("target create " + std::string(sample.buildDir) + "/" + program).ok);
    Reply r = lldb.run("tour start " + tourFile);
    ASSERT_TRUE(r.ok) << r.all();
    const size_t n = run.tour.stops.size();
    for (size_t step = 0; step <= n + 1 && r.out.find("The program exited") == std::string::npos; ++step) {
      for (size_t i = 0; i < n; ++i)
        if (r.out.find("== " + std::to_string(i + 1) + "/" + std::to_string(n) + " ") != std::string::npos)
          run.annotations[run.tour.stops[i].id] = r.out;
      r = lldb.run("tour next");
      ASSERT_TRUE(r.ok) << r.all();
    }
    run.ending = r.out;
    ASSERT_NE(r.out.find("The program exited with status 0."), std::string::npos) << r.out;
    EXPECT_EQ(run.annotations.size(), n) << r.out;
    run.stdout_ = slurp(out);
    std::remove(out.c_str());
  }

  static std::vector<Point> series(LldbSession &lldb, const std::string &name) {
    Reply r = lldb.run("tour plot --values " + name);
    EXPECT_TRUE(r.ok) << r.all();
    return parseValues(r.out);
  }
};

TEST_P(SampleLiveValues, TrainTourSeriesAndTensorsMatchWhatTheProgramPrintsAndSaves) {
  const Sample &sample = GetParam();
  const Expectations expect = expectationsFor(sample.name);
  ASSERT_TRUE(expect.readCheckpoint) << "no expectations for sample " << sample.name;
  LldbSession lldb;
  TourRun run;
  play(lldb, "train", run);
  if (HasFatalFailure())
    return;

  // (a) One epoch-loss point per printed epoch, x = 1..N, the printed value to its 4 decimals.
  auto printed = printedEpochLosses(run.stdout_);
  ASSERT_GE(printed.size(), 2u) << run.stdout_;
  for (size_t e = 0; e < printed.size(); ++e)
    ASSERT_EQ(printed[e].first, static_cast<int>(e + 1)) << run.stdout_;
  std::vector<Point> epochs = series(lldb, "epoch-loss");
  Reply epochChart = lldb.run("tour plot epoch-loss");
  ASSERT_TRUE(epochChart.ok) << epochChart.all();
  // Each collected location has its own share of the slowdown budget, so the per-batch
  // location using up its share never pauses this one: one point per epoch, always.
  ASSERT_EQ(epochs.size(), printed.size()) << run.stdout_ << run.ending << epochChart.out;
  EXPECT_EQ(epochChart.out.find("paused"), std::string::npos) << epochChart.out;
  for (size_t i = 0; i < epochs.size(); ++i) {
    const double x = epochs[i].x;
    ASSERT_TRUE(x == std::floor(x) && x >= 1 && x <= printed.size()) << "x " << x << "\n" << epochChart.out;
    if (i) {
      EXPECT_GT(x, epochs[i - 1].x);
    }
    EXPECT_NEAR(epochs[i].y, printed[static_cast<size_t>(x) - 1].second, 0.5e-4 + 1e-9) << "epoch " << x;
  }
  auto epochLoss = [&](size_t e) { // the collected loss of epoch e + 1, or NaN
    for (const Point &p : epochs)
      if (p.x == e + 1.0)
        return p.y;
    return std::nan("");
  };

  // (b) The batch losses: every step of every epoch, or a pause the plot reports.
  const double examples = firstMatch(run.stdout_, expect.examples);
  const double batch = numberOf(run.watch(expect.batchSize));
  ASSERT_TRUE(examples > 0 && batch > 0) << "examples " << examples << ", batch size " << batch << "\n"
                                         << run.stdout_;
  const size_t perEpoch = static_cast<size_t>(std::ceil(examples / batch));
  const size_t steps = perEpoch * printed.size();
  std::vector<Point> batches = series(lldb, "batch-loss");
  Reply chart = lldb.run("tour plot batch-loss");
  ASSERT_TRUE(chart.ok) << chart.all();
  const bool paused = chart.out.find("paused") != std::string::npos;
  // A missing point is always explained by a pause. A pause with every point present is not a
  // loss: the budget ran out on the last pass, and the plugin cannot know no pass would follow.
  if (batches.size() < steps) {
    EXPECT_TRUE(paused) << batches.size() << " of " << steps << " steps, with no pause reported:\n" << chart.out;
  }
  EXPECT_LE(batches.size(), steps);
  ASSERT_FALSE(batches.empty());
  EXPECT_NE(run.ending.find("batch-loss " + std::to_string(batches.size()) + " points"), std::string::npos)
      << run.ending;
  const double first = expect.stepX ? 0 : 1; // a step counter starts at 0, a pass number at 1
  for (size_t i = 0; i < batches.size(); ++i) {
    if (!paused) {
      EXPECT_EQ(batches[i].x, first + i) << "point " << i;
    }
    EXPECT_GE(batches[i].x, first);
    EXPECT_LT(batches[i].x, first + steps);
    if (i) {
      EXPECT_GT(batches[i].x, batches[i - 1].x);
    }
  }
  // The step behind each point is known when x is a step counter, or when nothing was missed.
  if (expect.stepX || !paused) {
    std::vector<std::vector<double>> lossOfStep(printed.size(), std::vector<double>(perEpoch, std::nan("")));
    for (const Point &p : batches) {
      size_t step = static_cast<size_t>(p.x - first);
      lossOfStep.at(step / perEpoch).at(step % perEpoch) = p.y;
    }
    size_t complete = 0;
    for (size_t e = 0; e < printed.size(); ++e) {
      double sum = 0;
      bool all = true;
      for (size_t b = 0; b < perEpoch; ++b) {
        double size = std::min(batch, examples - batch * static_cast<double>(b));
        all = all && !std::isnan(lossOfStep[e][b]);
        sum += lossOfStep[e][b] * size;
      }
      if (!all)
        continue;
      ++complete;
      EXPECT_NEAR(sum / examples, printed[e].second, 0.5e-4 + 1e-6) << "epoch " << e + 1;
      if (!std::isnan(epochLoss(e))) {
        EXPECT_NEAR(sum / examples, epochLoss(e), 2e-6 * epochLoss(e)) << "epoch " << e + 1;
      }
    }
    EXPECT_GE(complete, 1u) << "no epoch has all its batch losses:\n" << chart.out;
  }

  // (c) The weights watched at the checkpoint stop are the numbers in the checkpoint file.
  Params saved = expect.readCheckpoint(std::string(sample.buildDir) + "/model.ckpt");
  ASSERT_FALSE(saved.empty()) << "cannot read " << sample.buildDir << "/model.ckpt";
  for (const auto &[ref, index] : expect.weights) {
    SCOPED_TRACE(ref.stop + ": " + ref.label);
    std::string line = run.watch(ref);
    ASSERT_FALSE(line.empty()) << run.annotations[ref.stop];
    ASSERT_LT(index, saved.size());
    const std::vector<float> &values = saved[index];
    // The element count: "size=N" for an array, the product of "[AxB]" for a tensor.
    static const std::regex shape(R"(= (?:size=(\d+)|\S+ float32 \[(\d+)x(\d+)\]) )");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(line, m, shape)) << line;
    size_t count = m[1].matched ? std::stoul(m[1]) : std::stoul(m[2]) * std::stoul(m[3]);
    EXPECT_EQ(count, values.size()) << line;
    Stats want = statsOf(values);
    const double scale = std::max(std::fabs(want.min), std::fabs(want.max));
    EXPECT_PRED_FORMAT3(sameStat, statOf(line, "min"), want.min, scale) << line;
    EXPECT_PRED_FORMAT3(sameStat, statOf(line, "max"), want.max, scale) << line;
    EXPECT_PRED_FORMAT3(sameStat, statOf(line, "mean"), want.mean, scale) << line;
    EXPECT_PRED_FORMAT3(sameStat, statOf(line, "std"), want.std, scale) << line;
    EXPECT_EQ(statOf(line, "nan"), static_cast<double>(want.nan)) << line;
    EXPECT_EQ(statOf(line, "inf"), static_cast<double>(want.inf)) << line;
  }

  // (d) `tour plot epoch-loss` draws the curve: a frame, the x axis label, the last value.
  const std::string &plot = epochChart.out;
  EXPECT_NE(plot.find("epoch-loss (mean loss of the epoch)"), std::string::npos) << plot;
  EXPECT_NE(plot.find("┤"), std::string::npos) << plot;
  EXPECT_NE(plot.find("└"), std::string::npos) << plot;
  bool axisLabel = false;
  std::string last; // "last 5:  0.191 (epoch 8)  ...  0.145 (epoch 12)"
  std::istringstream lines(plot);
  for (std::string l; std::getline(lines, l);) {
    size_t text = l.find_first_not_of(' ');
    axisLabel = axisLabel || (text != std::string::npos && l.substr(text) == expect.epochAxis);
    if (l.rfind("last ", 0) == 0)
      last = l;
  }
  EXPECT_TRUE(axisLabel) << "no x axis label '" << expect.epochAxis << "' in:\n" << plot;
  const size_t lastEpoch = static_cast<size_t>(epochs.back().x);
  std::string lastEntry = "(" + expect.epochAxis + " " + std::to_string(lastEpoch) + ")";
  ASSERT_TRUE(last.size() > lastEntry.size() &&
              last.compare(last.size() - lastEntry.size(), lastEntry.size(), lastEntry) == 0)
      << "the chart does not end with " << lastEntry << ":\n" << plot;
  size_t begin = last.rfind("  ", last.size() - lastEntry.size() - 2);
  ASSERT_NE(begin, std::string::npos) << last;
  const double shown = std::strtod(last.c_str() + begin, nullptr), want = printed[lastEpoch - 1].second;
  EXPECT_NEAR(shown, want, 0.005 * want + 0.5e-4) << last; // 3 significant digits

  // eval reads the checkpoint train just wrote; its series against what it prints.
  LldbSession evalLldb;
  TourRun eval;
  play(evalLldb, "eval", eval);
  if (HasFatalFailure() || expect.correctSeries.empty())
    return;
  static const std::regex accuracyLine(R"((?:^|\n)accuracy ([0-9.]+) \(chance)");
  const double accuracy = firstMatch(eval.stdout_, accuracyLine);
  ASSERT_FALSE(std::isnan(accuracy)) << eval.stdout_;
  std::vector<Point> correct = series(evalLldb, expect.correctSeries);
  ASSERT_GE(correct.size(), 2u);
  for (size_t i = 1; i < correct.size(); ++i) {
    EXPECT_GT(correct[i].x, correct[i - 1].x);
    EXPECT_GE(correct[i].y, correct[i - 1].y);
    EXPECT_LE(correct[i].y - correct[i - 1].y, correct[i].x - correct[i - 1].x); // at most the batch
  }
  EXPECT_NEAR(correct.back().y / correct.back().x, accuracy, 0.5e-4 + 1e-9) << eval.stdout_;
  if (!expect.lossSeries.empty()) {
    static const std::regex meanLoss(R"((?:^|\n)mean loss ([0-9.]+))");
    const double printedLoss = firstMatch(eval.stdout_, meanLoss);
    std::vector<Point> losses = series(evalLldb, expect.lossSeries);
    ASSERT_EQ(losses.size(), correct.size());
    double sum = 0, previous = 0;
    for (const Point &p : losses) {
      sum += p.y * (p.x - previous); // x counts the samples so far: the batch size is the step
      previous = p.x;
    }
    EXPECT_NEAR(sum / previous, printedLoss, 0.5e-4 + 1e-6) << eval.stdout_;
  }
}

INSTANTIATE_TEST_SUITE_P(Repos, SampleLiveValues, ::testing::ValuesIn(kSamples),
                         [](const auto &info) { return std::string(info.param.name); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SampleLiveValues);

} // namespace
