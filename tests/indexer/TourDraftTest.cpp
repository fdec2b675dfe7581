// Drafted tours: valid for the tour library, stops in program order, anchors that find
// their line, watch values that are plain variable paths.
#include "TestCode.h"

#include "tourguide/indexer/FactExtractor.h"
#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/TourDraft.h"
#include "tourguide/tours/TourFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

std::string writeTemp(const std::string &dir, const std::string &name, const std::string &text) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  os << text;
  return std::string(path);
}

/// A program held in a string, written to a fresh folder (a draft reads the lines its anchors
/// name) and analysed; the folder goes with it.
struct TempProgram {
  std::string dir;
  Analysis analysis;
  TempProgram() = default;
  TempProgram(const TempProgram &) = delete;
  ~TempProgram() {
    if (!dir.empty())
      llvm::sys::fs::remove_directories(dir);
  }
};

void analyseInTempDir(const std::string &code, bool cxx, const std::string &fileName, TempProgram &out) {
  llvm::SmallString<256> dir;
  if (llvm::sys::fs::createUniqueDirectory("tourguide-draft", dir))
    return;
  out.dir = std::string(dir);
  std::string file = writeTemp(out.dir, fileName, code);
  std::vector<TUFacts> tus{parse(code, cxx, file)};
  tus[0].directory = out.dir;
  tus[0].outputFile = "train.o";
  ProgramIndex index(tus);
  out.analysis = analyse(index);
}

/// The draft of `entry` written as `tourguide index` writes it: into <dir>/.tours.
tourguide::tours::Tour draftIn(const std::string &dir, const EntryPoint &entry, const std::vector<Finding> &findings) {
  DraftOptions options;
  options.repoRoot = dir;
  options.tourDir = dir + "/.tours";
  return draftTour(entry, findings, options);
}

/// The stages of a tour's stops, in the tour's order.
std::vector<std::string> stagesOf(const tourguide::tours::Tour &tour) {
  std::vector<std::string> stages;
  for (const auto &s : tour.stops)
    stages.push_back(s.stage);
  return stages;
}

TEST(TourDraft, ValidTourInProgramOrder) {
  TempProgram program;
  analyseInTempDir(kTinyTrainingProgram, false, "train.c", program);
  ASSERT_FALSE(program.dir.empty());
  const Analysis &a = program.analysis;
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].program, "train");

  tourguide::tours::Tour tour = draftIn(program.dir, a.entries[0], a.findings);
  ASSERT_GE(tour.stops.size(), 4u);
  std::vector<std::string> stages = stagesOf(tour);
  EXPECT_EQ(stages, (std::vector<std::string>{"loop", "model", "loss", "optimizer"}));
  EXPECT_TRUE(tour.root.empty()) << "a tour in <root>/.tours needs no root";
  EXPECT_EQ(tour.program.path, "train");

  const auto &loop = tour.stops[0];
  EXPECT_EQ(loop.anchor.function, "main");
  EXPECT_EQ(loop.anchor.pattern, "forward();") << "the first line of the loop body";
  ASSERT_FALSE(loop.watch.empty());
  EXPECT_EQ(loop.watch[0].expr, "epoch");
  const auto &update = tour.stops[3];
  EXPECT_EQ(update.anchor.function, "update");
  EXPECT_EQ(update.anchor.pattern, "}") << "past the update loop, which ends the function";
  EXPECT_NE(update.text.find("w -= lr * g"), std::string::npos) << update.text;
  for (const auto &stop : tour.stops)
    for (const auto &w : stop.watch)
      EXPECT_TRUE(tourguide::tours::isVariablePath(w.expr)) << w.expr;

  std::string text = tourguide::tours::writeTour(tour);
  tourguide::tours::LoadResult loaded = tourguide::tours::parseTour(text, "draft.json");
  EXPECT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics) << "\n" << text;
}

TEST(TourDraft, AFitCallIsOneStopThatNamesTheStagesInsideIt) {
  // trainer.train is the loop, the loss and the update (dlib's profile): three findings at
  // one line are one stop, and "Next" points past them.
  const std::string code = R"(
namespace dlib { template <class Net> struct dnn_trainer { dnn_trainer(Net &); void train(const int *, const int *); };
                 template <class T> void serialize(const char *, const T &); }
struct net_type {};
int main() {
  int images[10], labels[10];
  net_type net;
  dlib::dnn_trainer<net_type> trainer(net);
  trainer.train(images, labels);
  dlib::serialize("net.dat", net);
}
)";
  TempProgram program;
  analyseInTempDir(code, true, "train.cpp", program);
  ASSERT_FALSE(program.dir.empty());
  const Analysis &a = program.analysis;
  ASSERT_EQ(a.entries.size(), 1u);
  tourguide::tours::Tour tour = draftIn(program.dir, a.entries[0], a.findings);
  std::vector<std::string> stages = stagesOf(tour);
  EXPECT_EQ(stages, (std::vector<std::string>{"loop", "checkpoint"}));
  ASSERT_FALSE(tour.stops.empty());
  const std::string &text = tour.stops[0].text;
  EXPECT_NE(text.find("It also runs the loss layer on each mini-batch"), std::string::npos) << text;
  EXPECT_NE(text.find("It also runs the solver's update"), std::string::npos) << text;
  EXPECT_NE(text.find("Next stop: saving the model, in `main`."), std::string::npos) << text;
}

TEST(TourDraft, StagesThatStopOnOneLineAreOneStopAndNextNamesTheNextPlace) {
  // pytorch/examples' dcgan: the batch loop's stop is its body's first line, which is also the
  // call that clears the gradients. One stop, which says both; the stop before it names the
  // loop as the next stop, not the zero-grad that no longer has a stop of its own.
  const std::string code = R"(
namespace at { struct Tensor { void backward() const; }; Tensor mse_loss(const Tensor &, const Tensor &); }
namespace torch { using at::Tensor;
namespace nn { struct Module { void zero_grad(); virtual ~Module(); }; }
namespace optim { struct Adam { Tensor step(); }; }
namespace data { struct Batch { Tensor data; }; struct Loader { Batch *begin(); Batch *end(); };
                 Loader *make_data_loader(const char *path, int batch_size); } }
int main() {
  torch::nn::Module net;
  torch::optim::Adam optimizer;
  auto *loader = torch::data::make_data_loader("data", 64);
  for (auto &batch : *loader) {
    net.zero_grad();
    torch::Tensor loss = at::mse_loss(batch.data, batch.data);
    loss.backward();
    optimizer.step();
  }
}
)";
  TempProgram program;
  analyseInTempDir(code, true, "dcgan.cpp", program);
  ASSERT_FALSE(program.dir.empty());
  const Analysis &a = program.analysis;
  ASSERT_EQ(a.entries.size(), 1u);
  tourguide::tours::Tour tour = draftIn(program.dir, a.entries[0], a.findings);
  std::vector<std::string> stages = stagesOf(tour);
  ASSERT_GE(stages.size(), 3u);
  EXPECT_EQ(stages[0], "data");
  EXPECT_EQ(stages[1], "loop");
  EXPECT_NE(stages[2], "optimizer") << "the zero-grad has no stop of its own";
  EXPECT_NE(tour.stops[0].text.find("Next stop: the mini-batch loop"), std::string::npos) << tour.stops[0].text;
  EXPECT_NE(tour.stops[1].text.find("It is also the stop for clearing the gradients"), std::string::npos)
      << tour.stops[1].text;
}

TEST(TourDraft, AStopMovedOntoAnotherStagesLineIsNamedByThatStage) {
  // OpenCV's neural_network sample: the data set's stop moves past `TrainData::create(...)`,
  // onto `network->train(trainData);`, the training loop's own line. One stop, the training
  // loop's, which also shows the data set.
  const std::string code = R"(
namespace cv { struct Mat {};
namespace ml { struct TrainData { static TrainData *create(const Mat &, int, const Mat &); };
  struct StatModel { bool train(TrainData *); float predict(const Mat &) const; };
  struct ANN_MLP : StatModel { static ANN_MLP *create(); }; } }
int main() {
  cv::Mat data, responses;
  cv::ml::ANN_MLP *network = cv::ml::ANN_MLP::create();
  cv::ml::TrainData *trainData = cv::ml::TrainData::create(data, 0, responses);
  network->train(trainData);
  network->predict(data);
}
)";
  TempProgram program;
  analyseInTempDir(code, true, "neural_network.cpp", program);
  ASSERT_FALSE(program.dir.empty());
  const Analysis &a = program.analysis;
  ASSERT_EQ(a.entries.size(), 1u);
  tourguide::tours::Tour tour = draftIn(program.dir, a.entries[0], a.findings);
  auto atTrain = std::find_if(tour.stops.begin(), tour.stops.end(), [](const tourguide::tours::Stop &s) {
    return s.anchor.pattern == "network->train(trainData);";
  });
  ASSERT_NE(atTrain, tour.stops.end());
  EXPECT_EQ(atTrain->stage, "loop") << atTrain->title;
  EXPECT_NE(atTrain->text.find("It is also the stop for"), std::string::npos) << atTrain->text;
  ASSERT_FALSE(atTrain->watch.empty());
  EXPECT_EQ(atTrain->watch[0].expr, "trainData");
}

TEST(TourDraft, StagesOnOneLineStopWhereTheValueTheLineStoresIsSet) {
  // pytorch/examples' regression: `auto output = torch::smooth_l1_loss(fc(batch_x), batch_y);`
  // is the forward (fc) and the loss, one stop; the loss's value is stored, so the stop is past
  // the line, showing `output`, and its text says so.
  const std::string code = R"(
namespace at { struct Tensor { void backward() const; float item() const; };
               Tensor smooth_l1_loss(const Tensor &, const Tensor &); }
namespace torch { using at::Tensor; using at::smooth_l1_loss;
namespace nn { struct Module { virtual ~Module(); }; struct LinearImpl : Module { Tensor forward(const Tensor &); };
  template <typename Contained> struct ModuleHolder { template <typename... Args> Tensor operator()(Args &&...args); };
  struct Linear : ModuleHolder<LinearImpl> {}; }
namespace optim { struct SGD { void zero_grad(); Tensor step(); }; } }
int main() {
  torch::nn::Linear fc;
  torch::optim::SGD optim;
  torch::Tensor batch_x, batch_y;
  float loss = 0;
  for (long batch = 0; batch < 100; ++batch) {
    optim.zero_grad();
    auto output = torch::smooth_l1_loss(fc(batch_x), batch_y);
    loss = output.item();
    output.backward();
    optim.step();
  }
}
)";
  TempProgram program;
  analyseInTempDir(code, true, "regression.cpp", program);
  ASSERT_FALSE(program.dir.empty());
  const Analysis &a = program.analysis;
  ASSERT_EQ(a.entries.size(), 1u);
  tourguide::tours::Tour tour = draftIn(program.dir, a.entries[0], a.findings);
  auto atLine = std::find_if(tour.stops.begin(), tour.stops.end(), [](const tourguide::tours::Stop &s) {
    return s.anchor.pattern == "loss = output.item();";
  });
  ASSERT_NE(atLine, tour.stops.end()) << "one stop past the line that stores the loss";
  EXPECT_EQ(std::count_if(tour.stops.begin(), tour.stops.end(),
                          [](const tourguide::tours::Stop &s) {
                            return s.anchor.pattern.find("smooth_l1_loss") != std::string::npos;
                          }),
            0);
  ASSERT_FALSE(atLine->watch.empty());
  EXPECT_EQ(atLine->watch[0].expr, "output");
  EXPECT_NE(atLine->text.find("we stop just after the call"), std::string::npos) << atLine->text;
  // The loss's stop (its value is what is stored there), which also covers the forward in it.
  EXPECT_EQ(atLine->stage, "loss") << atLine->title;
  EXPECT_NE(atLine->text.find("It is also the stop for the forward pass"), std::string::npos) << atLine->text;
}

TEST(TourDraft, AFrameworkCallsStopQuotesTheCallItStopsOn) {
  llvm::SmallString<256> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tourguide-draft", dir));
  std::string file = writeTemp(std::string(dir), "train.cpp",
                               "void train(Opt &optimizer) {\n  forward();\n  optimizer.step();\n}\n");
  EntryPoint entry;
  entry.program = "train";
  entry.kind = "train";
  entry.function = "main";
  entry.file = file;
  entry.executable = std::string(dir) + "/train";
  Finding step;
  step.entry = "train";
  step.stage = "optimizer";
  step.role = "step";
  step.function = "train";
  step.file = file;
  step.line = 1;
  step.functionBegin = 1;
  step.functionEnd = 4;
  step.anchorLine = 3; // a framework call's finding has no statement text of its own
  step.via = "torch::optim::Optimizer::step";
  step.framework = "libtorch";
  step.evidence = {{"line 3: calls `torch::optim::Optimizer::step`, libtorch: the optimizer's step", 3}};
  tourguide::tours::Tour tour = draftIn(std::string(dir), entry, {step});
  ASSERT_EQ(tour.stops.size(), 1u);
  EXPECT_EQ(tour.stops[0].title, "Optimizer step in `train`: `Optimizer::step`");
  EXPECT_EQ(tour.stops[0].anchor.pattern, "optimizer.step();");
  EXPECT_NE(tour.stops[0].text.find("`train` calls libtorch's `torch::optim::Optimizer::step` on line 3, "
                                    "`optimizer.step();`: the optimizer's step."),
            std::string::npos)
      << tour.stops[0].text;
  llvm::sys::fs::remove_directories(dir);
}

// Each function's stop, by where the values it shows are computed. Lines are marked in the code.
const char *const kPlacementProgram = R"(#include <stdio.h>
static float W[6], x[3], y[2], g[6];
static int n_in;
static int read_header(FILE *f) {
  unsigned rows, cols;
  if (fscanf(f, "%u %u\n", &rows,
             &cols) != 2) {
    return -1;
  }
  n_in = (int)cols; // after-the-if
  return (int)rows;
}
static void forward(void) {
  for (int o = 0; o < 2; ++o) {
    float sum = 0;
    for (int j = 0; j < 3; ++j)
      sum += W[o * 3 + j] * x[j];
    y[o] = sum > 0 ? sum : 0; // after-the-sum
  }
}
static void forward_inner(void) {
  for (int o = 0; o < 2; ++o)
    for (int j = 0; j < 3; ++j) {
      float acc = y[o];
      acc += W[o * 3 + j] * x[j]; // declared-inside
      y[o] = acc;
    }
}
static void update(float lr) {
  for (int i = 0; i < 6; ++i)
    W[i] -= lr * g[i];
} // end-of-update
static float forward_branches(int k);
int main(void) {
  FILE *f = fopen("d.txt", "r");
  int n = read_header(f);
  for (int epoch = 0; epoch < n; ++epoch) {
    forward();
    forward_inner();
    forward_branches(epoch);
    update(0.1f);
  }
  return 0;
}
static float forward_branches(int k) {
  float s = 0;
  if (k > 0) {
    s += W[0] * x[0]; // other-branch
  } else {
    for (int j = 0; j < 3; ++j)
      s += W[j] * x[j];
    y[0] = s;
  }
  return s;
}
)";

unsigned lineMarked(const std::string &code, const std::string &mark) {
  size_t at = code.find("// " + mark);
  return at == std::string::npos ? 0 : static_cast<unsigned>(std::count(code.begin(), code.begin() + at, '\n') + 1);
}

const Finding *findingOf(const Analysis &a, const std::string &function, const std::string &stage) {
  for (const Finding &f : a.findings)
    if (f.function == function && f.stage == stage)
      return &f;
  return nullptr;
}

TEST(TourDraft, AStopWaitsUntilTheSumItShowsIsComplete) {
  TempProgram program;
  analyseInTempDir(kPlacementProgram, false, "train.c", program);
  ASSERT_FALSE(program.dir.empty());
  const Finding *forward = findingOf(program.analysis, "forward", "model");
  ASSERT_NE(forward, nullptr);
  EXPECT_EQ(forward->anchorLine, lineMarked(kPlacementProgram, "after-the-sum") - 1) << "decided by the `+=`";
  EXPECT_EQ(forward->stopLine(), lineMarked(kPlacementProgram, "after-the-sum")) << "stops past the loop over j";
  EXPECT_TRUE(forward->stop.pastLoop);
  EXPECT_EQ(forward->stop.pastLine, lineMarked(kPlacementProgram, "after-the-sum") - 2);
  ASSERT_FALSE(forward->watch.empty());
  EXPECT_EQ(forward->watch[0], "sum") << "the sum first";
  EXPECT_EQ(std::count(forward->watch.begin(), forward->watch.end(), "j"), 0) << "j is gone past its loop";

  tourguide::tours::Tour tour = draftIn(program.dir, program.analysis.entries[0], program.analysis.findings);
  auto stop = std::find_if(tour.stops.begin(), tour.stops.end(),
                           [](const tourguide::tours::Stop &s) { return s.anchor.function == "forward"; });
  ASSERT_NE(stop, tour.stops.end());
  EXPECT_EQ(stop->anchor.pattern, "y[o] = sum > 0 ? sum : 0; // after-the-sum");
  EXPECT_NE(stop->text.find("once the loop on lines 16-17 has finished"), std::string::npos) << stop->text;
  EXPECT_NE(stop->text.find("line 17, `sum += W[o * 3 + j] * x[j];`"), std::string::npos) << stop->text;
}

TEST(TourDraft, AReadInAnIfConditionStopsPastTheWholeIf) {
  TempProgram program;
  analyseInTempDir(kPlacementProgram, false, "train.c", program);
  ASSERT_FALSE(program.dir.empty());
  const Finding *read = findingOf(program.analysis, "read_header", "data");
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(read->anchorLine, 6u) << "the fscanf";
  EXPECT_EQ(read->stopLine(), lineMarked(kPlacementProgram, "after-the-if"));
  EXPECT_FALSE(read->stop.pastLoop);
  EXPECT_EQ(read->stop.pastLine, 6u);
  EXPECT_EQ(read->stop.pastEndLine, 9u) << "the whole if, its block included";
  EXPECT_EQ(read->watch, (std::vector<std::string>{"rows", "cols"}));
  tourguide::tours::Tour tour = draftIn(program.dir, program.analysis.entries[0], program.analysis.findings);
  auto stop = std::find_if(tour.stops.begin(), tour.stops.end(),
                           [](const tourguide::tours::Stop &s) { return s.anchor.function == "read_header"; });
  ASSERT_NE(stop, tour.stops.end());
  EXPECT_EQ(stop->anchor.pattern, "n_in = (int)cols; // after-the-if");
  EXPECT_NE(stop->text.find("just after line 6"), std::string::npos) << stop->text;
  EXPECT_EQ(stop->text.find("not set yet"), std::string::npos) << stop->text;
}

// libfann's fann_read_train_from_fd: past the `if (fscanf(...))` is `line++;`, a text the
// function holds three times, so `tourguide check` would warn that which one the stop means is
// for a person to say. The stop goes on to the next statement that names it alone and leaves
// the read values as they are.
TEST(TourDraft, AStopPastAStatementIsOnALineItsPatternNamesAlone) {
  const std::string code = R"(#include <stdio.h>
static int line;
static unsigned create(unsigned n, unsigned in) { return n * in; }
static unsigned read_data(FILE *f) {
  unsigned num_data, num_input;
  line++;
  if (fscanf(f, "%u %u\n", &num_data, &num_input) != 2) {
    return 0;
  }
  line++;
  unsigned made = create(num_data, num_input); // the-stop
  line++;
  return made;
}
int main(void) { return (int)read_data(stdin); }
)";
  TempProgram program;
  analyseInTempDir(code, false, "data.c", program);
  ASSERT_FALSE(program.dir.empty());
  const Finding *read = findingOf(program.analysis, "read_data", "data");
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(read->stopLine(), lineMarked(code, "the-stop"));
  EXPECT_EQ(read->watch, (std::vector<std::string>{"num_data", "num_input"}));
}

TEST(TourDraft, AStoredCallWhoseNextLineStartsWithTheStoredNameIsPlaced) {
  // ggml's gpt-2 example: `cur = ggml_mul_mat(ctx, ..., cur);` then `cur = ggml_add(ctx, ...)`,
  // the same lines again per layer. Stepping over a line that begins with the watched name
  // used to read before its first character and end the whole index with std::out_of_range.
  const std::string code = R"(
struct ggml_tensor;
struct ggml_context;
ggml_tensor *ggml_mul_mat(ggml_context *, ggml_tensor *, ggml_tensor *);
ggml_tensor *ggml_add(ggml_context *, ggml_tensor *, ggml_tensor *);
ggml_tensor *graph(ggml_context *ctx, ggml_tensor *w, ggml_tensor *b, ggml_tensor *cur) {
  cur = ggml_mul_mat(ctx, w, cur);
  cur = ggml_add(ctx, cur, b);
  cur = ggml_mul_mat(ctx, w, cur);
  cur = ggml_add(ctx, cur, b);
  return cur;
}
int main() { return graph(nullptr, nullptr, nullptr, nullptr) != nullptr; }
)";
  TempProgram program;
  analyseInTempDir(code, true, "gpt2.cpp", program);
  ASSERT_FALSE(program.dir.empty());
  ASSERT_EQ(program.analysis.entries.size(), 1u);
}

TEST(TourDraft, ASumDeclaredInsideItsLoopKeepsItsLine) {
  TempProgram program;
  analyseInTempDir(kPlacementProgram, false, "train.c", program);
  ASSERT_FALSE(program.dir.empty());
  const Finding *inner = findingOf(program.analysis, "forward_inner", "model");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->anchorLine, lineMarked(kPlacementProgram, "declared-inside"));
  EXPECT_EQ(inner->stop.line, 0u) << "past the loop `acc` is gone, and past the `+=` the sum is not complete";
  EXPECT_EQ(inner->stopLine(), inner->anchorLine);
  tourguide::tours::Tour tour = draftIn(program.dir, program.analysis.entries[0], program.analysis.findings);
  auto stop = std::find_if(tour.stops.begin(), tour.stops.end(),
                           [](const tourguide::tours::Stop &s) { return s.anchor.function == "forward_inner"; });
  ASSERT_NE(stop, tour.stops.end());
  EXPECT_NE(stop->text.find("The stop is before that line runs, so what it computes is not set yet"), std::string::npos)
      << stop->text;
}

TEST(TourDraft, ASumIsNotCompletedByALoopInAnotherBranch) {
  TempProgram program;
  analyseInTempDir(kPlacementProgram, false, "train.c", program);
  ASSERT_FALSE(program.dir.empty());
  const Finding *branches = findingOf(program.analysis, "forward_branches", "model");
  ASSERT_NE(branches, nullptr);
  EXPECT_EQ(branches->anchorLine, lineMarked(kPlacementProgram, "other-branch"));
  EXPECT_EQ(branches->stop.line, 0u) << "the loop over j runs only when the anchor's branch does not";
}

TEST(TourDraft, AnUpdateLoopEndingTheFunctionStopsAtItsClosingBrace) {
  TempProgram program;
  analyseInTempDir(kPlacementProgram, false, "train.c", program);
  ASSERT_FALSE(program.dir.empty());
  const Finding *update = findingOf(program.analysis, "update", "optimizer");
  ASSERT_NE(update, nullptr);
  EXPECT_EQ(update->stopLine(), lineMarked(kPlacementProgram, "end-of-update"));
  EXPECT_TRUE(update->stop.pastLoop);
  EXPECT_EQ(std::count(update->watch.begin(), update->watch.end(), "i"), 0) << update->watch.size();
  tourguide::tours::Tour tour = draftIn(program.dir, program.analysis.entries[0], program.analysis.findings);
  auto stop = std::find_if(tour.stops.begin(), tour.stops.end(),
                           [](const tourguide::tours::Stop &s) { return s.anchor.function == "update"; });
  ASSERT_NE(stop, tour.stops.end());
  EXPECT_EQ(stop->anchor.pattern, "} // end-of-update");
  EXPECT_NE(stop->text.find("We stop at the end of `update`"), std::string::npos) << stop->text;
}

TEST(TourDraft, RelativePaths) {
  EXPECT_EQ(relativePath("/a/b", "/a/b/c/d"), "c/d");
  EXPECT_EQ(relativePath("/a/b/.tours", "/a/b"), "..");
  EXPECT_EQ(relativePath("/a/b", "/a/b"), ".");
  EXPECT_EQ(relativePath("/x/y", "/a/b"), "/a/b") << "nothing in common: stay absolute";
  EXPECT_EQ(stopIdFor("model", "nn::Linear::forward"), "model-nn-linear-forward");
}

} // namespace
} // namespace tourguide::indexer::test
