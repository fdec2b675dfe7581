// The whole-program analysis: call graph across TUs, training loops, entry classification.
#include "TestCode.h"

#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/FindingsJson.h"
#include "tourguide/indexer/ProgramIndex.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

const Finding *find(const Analysis &a, const std::string &stage, const std::string &function,
                    const std::string &entry = "") {
  for (const Finding &f : a.findings)
    if (f.stage == stage && f.function == function && (entry.empty() || f.entry == entry))
      return &f;
  return nullptr;
}

/// A C program in three TUs: the loop in main reaches forward, loss and update only through
/// calls into other files, and nothing is named train/loss/sgd.
std::vector<TUFacts> threeFileProgram() {
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <math.h>
void collect(const float *W, const float *x, float *y, int n, int m) {
  for (int i = 0; i < n; ++i) { y[i] = 0; for (int j = 0; j < m; ++j) y[i] += W[i * m + j] * x[j]; }
}
float objective(const float *p, const int *t, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i) s -= logf(p[t[i]]);
  return s;
}
)", false, "model.c"));
  tus.push_back(parse(R"(
void nudge(float *w, const float *g, float lr, int n) { for (int i = 0; i < n; ++i) w[i] -= lr * g[i]; }
)", false, "optim.c"));
  tus.push_back(parse(R"(
void collect(const float *W, const float *x, float *y, int n, int m);
float objective(const float *p, const int *t, int n);
void nudge(float *w, const float *g, float lr, int n);
float W[4], x[2], y[2], g[4]; int t[2];
static void once(void) {
  collect(W, x, y, 2, 2);
  objective(y, t, 2);
  nudge(W, g, 0.1f, 4);
}
int main(void) {
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (int batch = 0; batch < 5; ++batch) {
      once();
    }
  }
  return 0;
}
)", false, "run.c"));
  return tus;
}

TEST(Analysis, TrainingLoopsFoundThroughCallsAcrossTUs) {
  std::vector<TUFacts> tus = threeFileProgram();
  ProgramIndex index(tus);
  ASSERT_EQ(index.mains().size(), 1u);
  Analysis a = analyse(index);
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train");
  std::vector<const Finding *> loops;
  for (const Finding &f : a.findings)
    if (f.stage == "loop")
      loops.push_back(&f);
  ASSERT_EQ(loops.size(), 2u);
  EXPECT_EQ(loops[0]->line, 12u);
  EXPECT_EQ(loops[0]->role, "epochs");
  EXPECT_EQ(loops[1]->line, 13u);
  EXPECT_EQ(loops[1]->role, "batches");
  EXPECT_EQ(loops[0]->watch, std::vector<std::string>{"epoch"});
  EXPECT_NE(find(a, "model", "collect"), nullptr);
  EXPECT_NE(find(a, "loss", "objective"), nullptr);
  EXPECT_NE(find(a, "optimizer", "nudge"), nullptr);
  // Program order: the loops come before what their body calls, forward before update.
  EXPECT_LT(loops[0]->order, find(a, "model", "collect")->order);
  EXPECT_LT(find(a, "model", "collect")->order, find(a, "optimizer", "nudge")->order);
  bool citesUpdate = std::any_of(loops[1]->evidence.begin(), loops[1]->evidence.end(),
                                 [](const Evidence &e) { return e.text.find("nudge") != std::string::npos; });
  EXPECT_TRUE(citesUpdate) << "the loop's evidence names the call that reaches the update";
}

TEST(Analysis, VirtualForwardReachesEveryOverrider) {
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <vector>
struct Layer { virtual ~Layer() = default; virtual void forward(std::vector<float> &x) = 0; };
struct Dense : Layer {
  std::vector<float> W, out; int n = 0;
  void forward(std::vector<float> &x) override {
    for (int i = 0; i < n; ++i) for (int j = 0; j < n; ++j) out[i] += W[i * n + j] * x[j];
  }
};
struct Clip : Layer {
  void forward(std::vector<float> &x) override { for (float &v : x) v = v > 0 ? v : 0; }
};
void sgd_step(std::vector<float> &w, const std::vector<float> &g, float lr) {
  for (std::size_t i = 0; i < w.size(); ++i) w[i] -= lr * g[i];
}
int main() {
  std::vector<Layer *> layers;
  std::vector<float> x, w, g;
  for (int step = 0; step < 100; ++step) {
    for (Layer *l : layers) l->forward(x);
    sgd_step(w, g, 0.01f);
  }
}
)", true, "net.cc"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  EXPECT_NE(find(a, "model", "Dense::forward"), nullptr);
  const Finding *loop = find(a, "loop", "main");
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->line, 18u);
  EXPECT_EQ(a.entries[0].kind, "train");
}

TEST(Analysis, ACallInATemplateGoesOnlyWhereItsLookupFoundIt) {
  // xgboost's ParallelFor: `exc.Run(fn, i)` depends on the template, so Clang leaves it
  // unresolved, but its lookup found dmlc::OMPException::Run. By its name alone it would reach the
  // repo's CLI::Run, the whole program, and the helper's loop would look like a training loop.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(
namespace dmlc { struct OMPException { template <class F, class... A> void Run(F f, A... a); }; }
template <class Fn> void ParallelFor(int n, Fn fn) {
  dmlc::OMPException exc;
  for (int i = 0; i < n; ++i)
    exc.Run(fn, i);
}
float w[4], g[4];
struct CLI {
  void Run() {
    for (int round = 0; round < 10; ++round) {
      float y = 0;
      for (int i = 0; i < 4; ++i) y += w[i] * g[i];
      ParallelFor(4, [](int i) { w[i] -= 0.1f * g[i]; });
    }
  }
};
int main() { CLI cli; cli.Run(); }
)", true, "cli_main.cc"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  std::string found;
  for (const Finding &f : a.findings)
    found += "\n  " + f.stage + " " + f.function + ":" + std::to_string(f.line);
  EXPECT_EQ(find(a, "loop", "ParallelFor"), nullptr) << found;
  const Finding *loop = find(a, "loop", "CLI::Run");
  ASSERT_NE(loop, nullptr) << found;
  EXPECT_EQ(loop->line, 11u);
}

TEST(Analysis, EvaluationProgramIsEvalWithAnEvaluationLoop) {
  std::vector<TUFacts> tus = threeFileProgram();
  tus.pop_back();
  tus.push_back(parse(R"(
void collect(const float *W, const float *x, float *y, int n, int m);
float W[4], x[2], y[2]; int labels[8];
int main(void) {
  int hits = 0;
  for (int i = 0; i < 8; ++i) {
    collect(W, x, y, 2, 2);
    int predicted = y[1] > y[0];
    if (predicted == labels[i]) hits++;
  }
  return hits;
}
)", false, "score.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "eval");
  const Finding *loop = find(a, "loop", "main");
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->role, "evaluation");
  EXPECT_EQ(loop->line, 6u);
}

TEST(Analysis, LoopsReachedFromAnEvaluationLoopAreNotPassesOfTheirOwn) {
  // svm-predict: main's loop over the test rows calls predict_values, whose loop over the
  // support vectors calls the kernel. Only the loop over the rows is the evaluation stop.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <math.h>
static double sv[16][4], coef[16];
static double kernel(const double *x, const double *y) {
  double s = 0;
  for (int j = 0; j < 4; ++j) s += (x[j] - y[j]) * (x[j] - y[j]);
  return 1.0 / (1.0 + sqrt(s));
}
static double predict_values(const double *x) {
  double sum = 0;
  for (int i = 0; i < 16; ++i) sum += coef[i] * kernel(x, sv[i]);
  return sum;
}
int main(void) {
  double rows[8][4] = {{0}}; int labels[8] = {0}; int correct = 0;
  for (int r = 0; r < 8; ++r) {
    int predicted = predict_values(rows[r]) > 0;
    if (predicted == labels[r]) ++correct;
  }
  return correct;
}
)", false, "svm-predict.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "eval");
  std::vector<std::string> loops;
  for (const Finding &f : a.findings)
    if (f.stage == "loop")
      loops.push_back(f.function + ":" + std::to_string(f.line));
  EXPECT_EQ(loops, std::vector<std::string>{"main:15"});
}

TEST(Analysis, AnEvaluationDriverReadsScoresAndCallsTheModelWithoutBeingIt) {
  // svm-predict's predict: reads each test line through readline, parses it, calls the model,
  // counts right answers and sums the squared error (MSE for regression) and products of the
  // results (a correlation). It is the data stop and the metrics, not a loss or the model.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
static char line[1024];
static double w[4];
static char *readline(FILE *in) { return fgets(line, sizeof line, in); }
static double svm_predict_values(const double *x) {
  double s = 0;
  for (int j = 0; j < 4; ++j) s += w[j] * x[j];
  return tanh(s);
}
void predict(FILE *input) {
  int correct = 0, total = 0; double error = 0, sumpt = 0, x[4] = {0};
  while (readline(input) != NULL) {
    double target_label = strtod(strtok(line, " "), NULL);
    for (int j = 0; j < 4; ++j) x[j] = strtod(strtok(NULL, " "), NULL);
    double predict_label = svm_predict_values(x) > 0 ? 1 : -1;
    if (predict_label == target_label) ++correct;
    error += (predict_label - target_label) * (predict_label - target_label);
    sumpt += predict_label * target_label;
    ++total;
  }
  printf("Accuracy = %g%% MSE = %g r = %g\n", 100.0 * correct / total, error / total, sumpt / total);
}
int main(int argc, char **argv) { FILE *f = fopen(argv[1], "r"); predict(f); return 0; }
)", false, "svm-predict.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "eval");
  EXPECT_NE(find(a, "data", "predict"), nullptr);
  EXPECT_NE(find(a, "metrics", "predict"), nullptr);
  EXPECT_EQ(find(a, "loss", "predict"), nullptr);
  EXPECT_EQ(find(a, "model", "predict"), nullptr);
  EXPECT_NE(find(a, "model", "svm_predict_values"), nullptr);
}

TEST(Analysis, AShuffleWrittenInTheTrainingLoopsFunctionIsThatLoopsStep) {
  // kann's kann_train_fnn1b shuffles and copies each minibatch inside its epoch loop: the
  // loop's stop shows it. The loader the program calls first stays a data stop.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <math.h>
#include <stdio.h>
#include <stdlib.h>
static float w[4];
static int read_rows(FILE *f, float *x, int n) { return (int)fread(x, sizeof(float), n, f); }
static float forward(const float *x) {
  float p = 0;
  for (int j = 0; j < 4; ++j) p += w[j] * x[j];
  return tanhf(p);
}
static void update(const float *x, float d) { for (int j = 0; j < 4; ++j) w[j] -= 0.1f * d * x[j]; }
static void train(float *x, int *shuf, int n) {
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (int i = n - 1; i > 0; --i) { int j = rand() % (i + 1); int t = shuf[i]; shuf[i] = shuf[j]; shuf[j] = t; }
    for (int i = 0; i < n; ++i) update(&x[shuf[i] * 4], forward(&x[shuf[i] * 4]) - 1.0f);
  }
}
int main(int argc, char **argv) {
  float x[32]; int shuf[8] = {0, 1, 2, 3, 4, 5, 6, 7};
  FILE *f = fopen(argv[1], "rb");
  read_rows(f, x, 32);
  train(x, shuf, 8);
  return 0;
}
)", false, "mlp.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train");
  std::string all;
  for (const Finding &f : a.findings)
    all += f.stage + "/" + f.role + " " + f.function + "\n";
  EXPECT_NE(find(a, "loop", "train"), nullptr) << all;
  EXPECT_EQ(find(a, "data", "train"), nullptr) << all;
  EXPECT_NE(find(a, "data", "read_rows"), nullptr);
}

TEST(Analysis, AValidationPassInsideTheTrainingLoopIsALoopAndMetricsStop) {
  // llm.c's main: every 10 steps, a loop over batches of its own (the validation loader's)
  // runs the forward pass and sums the loss; the step itself fetches the training batch.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <math.h>
#include <stdio.h>
typedef struct { FILE *f; float x[4]; int y; } loader;
typedef struct { float w[4], g[4]; float mean_loss; } model;
static void loader_next_batch(loader *l) { fread(l->x, sizeof(float), 4, l->f); }
static void forward(model *m, const float *x, int y) {
  float p = 0;
  for (int j = 0; j < 4; ++j) p += m->w[j] * x[j];
  m->mean_loss = -logf(1.0f / (1.0f + expf(-p))) * (float)y;
}
static void backward(model *m, const float *x) { for (int j = 0; j < 4; ++j) m->g[j] += m->mean_loss * x[j]; }
static void update(model *m, float lr) { for (int j = 0; j < 4; ++j) m->w[j] -= lr * m->g[j]; }
int main(void) {
  loader train_loader = {stdin}, val_loader = {stdin};
  model m = {{0}};
  for (int step = 0; step <= 40; step++) {
    if (step % 10 == 0) {
      float val_loss = 0.0f;
      for (int i = 0; i < 5; i++) {
        loader_next_batch(&val_loader);
        forward(&m, val_loader.x, val_loader.y);
        val_loss += m.mean_loss;
      }
      printf("val loss %f\n", val_loss / 5);
    }
    loader_next_batch(&train_loader);
    forward(&m, train_loader.x, train_loader.y);
    backward(&m, train_loader.x);
    update(&m, 0.1f);
  }
  return 0;
}
)", false, "train.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  std::string all;
  for (const Finding &f : a.findings)
    all += f.stage + "/" + f.role + " " + f.function + ":" + std::to_string(f.line) + "\n";
  bool validationLoop = false;
  for (const Finding &f : a.findings)
    validationLoop = validationLoop || (f.stage == "loop" && f.role == "evaluation" && f.line == 19);
  EXPECT_TRUE(validationLoop) << all;
  EXPECT_NE(find(a, "metrics", "main"), nullptr) << all;
}

TEST(Analysis, AValidationPassScoringWithAMetricMakesItsFunctionMetrics) {
  // kann_train_fnn1b: each epoch trains on its batches, then runs the validation rows and
  // counts their classification errors with a metric function.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <math.h>
static float w[4];
static float forward(const float *x) {
  float p = 0;
  for (int j = 0; j < 4; ++j) p += w[j] * x[j];
  return 1.0f / (1.0f + expf(-p));
}
static float cost(const float *x, float y) { float p = forward(x); return -(y * logf(p) + (1 - y) * logf(1 - p)); }
static void update(const float *x, float d) { for (int j = 0; j < 4; ++j) w[j] -= 0.1f * d * x[j]; }
static int class_error(const float *x, float y) {
  int n_err = 0;
  int guess = forward(x) > 0.5f, truth = y > 0.5f;
  n_err += (guess != truth);
  return n_err;
}
static void fit(float *x, float *y, int n_train, int n_val) {
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (int i = 0; i < n_train; ++i) update(&x[i * 4], cost(&x[i * 4], y[i]));
    int n_val_err = 0;
    for (int i = n_train; i < n_train + n_val; ++i) n_val_err += class_error(&x[i * 4], y[i]);
  }
}
int main(void) {
  float x[40] = {0}, y[10] = {0};
  fit(x, y, 8, 2);
  return 0;
}
)", false, "fit.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  std::string all;
  for (const Finding &f : a.findings)
    all += f.stage + "/" + f.role + " " + f.function + ":" + std::to_string(f.line) + "\n";
  EXPECT_NE(find(a, "metrics", "class_error"), nullptr) << all;
  EXPECT_NE(find(a, "metrics", "fit"), nullptr) << all;
}

TEST(Analysis, AProgramReadingItsInputsBeforeItsTrainingLoopHasThatDataStop) {
  // llm.c's test_gpt2: main reads the inputs and the expected outputs, then runs its steps.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <stdio.h>
static float w[4], g[4];
static float forward(const float *x) { float p = 0; for (int j = 0; j < 4; ++j) p += w[j] * x[j]; return p; }
static void update(float lr) { for (int j = 0; j < 4; ++j) w[j] -= lr * g[j]; }
int main(void) {
  float x[4], expected[1];
  FILE *f = fopen("state.bin", "rb");
  fread(x, sizeof(float), 4, f);
  fread(expected, sizeof(float), 1, f);
  for (int step = 0; step < 10; step++) {
    float y = forward(x);
    for (int j = 0; j < 4; ++j) g[j] = (y - expected[0]) * x[j];
    update(0.1f);
  }
  return 0;
}
)", false, "test.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  EXPECT_NE(find(a, "loop", "main"), nullptr);
  EXPECT_NE(find(a, "data", "main"), nullptr);
}

TEST(Analysis, AFunctionHandingOnItsCheckpointPathLoadsTheModelAndItsReaderStaysAStop) {
  // llama2.c: build_transformer(t, checkpoint_path) calls read_checkpoint, which reads it.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <stdio.h>
#include <stdlib.h>
typedef struct { int dim; float *w; } Transformer;
void read_checkpoint(const char *checkpoint, Transformer *t) {
  FILE *f = fopen(checkpoint, "rb");
  fread(&t->dim, sizeof(int), 1, f);
  t->w = malloc(t->dim * sizeof(float));
  fread(t->w, sizeof(float), t->dim, f);
  fclose(f);
}
void build_transformer(Transformer *t, char *checkpoint_path) {
  read_checkpoint(checkpoint_path, t);
  t->dim *= 1;
}
int main(int argc, char **argv) {
  Transformer t;
  build_transformer(&t, argv[1]);
  return argc > 5;
}
)", false, "run.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  std::string all;
  for (const Finding &f : a.findings)
    all += f.stage + "/" + f.role + " " + f.function + "\n";
  EXPECT_NE(find(a, "checkpoint", "build_transformer"), nullptr) << all;
  EXPECT_NE(find(a, "checkpoint", "read_checkpoint"), nullptr) << all;
}

TEST(Analysis, AMainPuttingTheNetworkTogetherIsTheBuilderNotTheMakerItCalls) {
  // kann's mnist-cnn: main chains layer functions (each returns a graph node), then kann_new
  // makes the model from the last node.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <stdlib.h>
typedef struct node { int n; struct node *in; } node;
typedef struct net { node *out; } net;
node *layer_input(int n) { node *p = calloc(1, sizeof(node)); p->n = n; return p; }
node *layer_dense(node *in, int n) { node *p = calloc(1, sizeof(node)); p->n = n; p->in = in; return p; }
node *layer_relu(node *in) { node *p = calloc(1, sizeof(node)); p->n = in->n; p->in = in; return p; }
net *net_new(node *out) { net *m = calloc(1, sizeof(net)); m->out = out; return m; }
int main(void) {
  node *t = layer_input(784);
  t = layer_relu(layer_dense(t, 64));
  net *m = net_new(layer_dense(t, 10));
  return m->out->n != 10;
}
)", false, "cnn.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  std::string all;
  for (const Finding &f : a.findings)
    all += f.stage + "/" + f.role + " " + f.function + "\n";
  const Finding *builder = find(a, "model", "main");
  ASSERT_NE(builder, nullptr) << all;
  EXPECT_EQ(builder->role, "build");
  EXPECT_EQ(find(a, "model", "net_new"), nullptr) << all;
}

TEST(Analysis, NonMLProgramHasNoTrainingLoop) {
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(#include <stdio.h>
#include <string.h>
static int count_words(const char *s) {
  int n = 0, in = 0;
  for (; *s; ++s) { if (*s == ' ') in = 0; else if (!in) { in = 1; ++n; } }
  return n;
}
int main(int argc, char **argv) {
  int total = 0;
  for (int i = 1; i < argc; ++i) total += count_words(argv[i]);
  printf("%d\n", total);
  return 0;
}
)", false, "wc.c"));
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "other");
  EXPECT_TRUE(std::none_of(a.findings.begin(), a.findings.end(), [](const Finding &f) { return f.stage == "loop"; }));
  std::vector<std::string> notes = notesFor(a);
  EXPECT_NE(std::find(notes.begin(), notes.end(), "no training loop found"), notes.end());
  EXPECT_NE(summaryLine(summarise(tus), a).find("no training loop found"), std::string::npos);
}

TEST(Analysis, ProgramNameFromTheObjectPath) {
  TUFacts tu;
  tu.mainFile = "/repo/src/train.c";
  tu.directory = "/repo/build";
  tu.outputFile = "sample/CMakeFiles/mlp_train.dir/src/train.c.o";
  EXPECT_EQ(programNameFor(tu), "mlp_train");
  EXPECT_EQ(executableFor(tu, "train"), "/repo/build/sample/train");
  tu.outputFile = "xor_train.o";
  EXPECT_EQ(programNameFor(tu), "xor_train");
  tu.outputFile.clear();
  EXPECT_EQ(programNameFor(tu), "train");
}

} // namespace
} // namespace tourguide::indexer::test
