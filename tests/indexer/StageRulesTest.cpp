// One small test per stage rule. Expectations are comments on the line of the function's name.
// Names are chosen to mislead where they can: the rules must decide by what the code does.
#include "TestCode.h"
#include "tourguide/indexer/Names.h"
#include "tourguide/indexer/StageRules.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

TEST(DataRule, FreadInALoopIsData) {
  EXPECT_TRUE(expectStages(R"(
#include <stdio.h>
int fetch(FILE *f, float *x, int n) { // expect: stage=data
  int got = 0;
  for (int i = 0; i < n; ++i) got += (int)fread(&x[i], sizeof(float), 1, f);
  return got;
}
int arithmetic(int a, int b) { return a + b; } // expect-not: stage=data
)", false));
}

TEST(DataRule, ACheckedReadIsARead) {
  // llm.c reads through fread_check / fopen_check (an fread that exits on a short read).
  EXPECT_TRUE(expectStages(R"(
#include <stdio.h>
#include <stdlib.h>
static void fread_check(void *p, size_t size, size_t n, FILE *f) { if (fread(p, size, n, f) != n) exit(1); }
int read_tokens(FILE *f, int *x, int n) { // expect: stage=data
  fread_check(x, sizeof(int), n, f);
  return n;
}
)", false));
}

TEST(DataRule, IstreamExtractionIsData) {
  EXPECT_TRUE(expectStages(R"(
#include <fstream>
#include <vector>
std::vector<float> slurp(const char *path) { // expect: stage=data
  std::ifstream in(path);
  std::vector<float> v;
  float x;
  while (in >> x) v.push_back(x);
  return v;
}
)", true));
}

TEST(DataRule, ALineReaderIsTheLoadersHelperNotAStop) {
  // libsvm's readline grows a buffer until it holds a whole line; the stop is read_problem,
  // which parses the lines into examples.
  EXPECT_TRUE(expectStages(R"(
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *line; static int max_line_len = 1024;
static char *readline(FILE *input) { // expect-not: stage=data
  if (fgets(line, max_line_len, input) == NULL) return NULL;
  while (strrchr(line, '\n') == NULL) {
    max_line_len *= 2;
    line = (char *)realloc(line, max_line_len);
    int len = (int)strlen(line);
    if (fgets(line + len, max_line_len - len, input) == NULL) break;
  }
  return line;
}
int read_problem(const char *path, double *y, int n) { // expect: stage=data
  FILE *fp = fopen(path, "r");
  int i = 0;
  while (i < n && readline(fp) != NULL) y[i++] = strtod(line, NULL);
  fclose(fp);
  return i;
}
)", false));
}

TEST(DataRule, ALoopOverWhatATokenReaderReturnsIsData) {
  // fasttext's Dictionary: readWord takes the next token off the stream; readFromFile and
  // getLine loop over what it returns, building the vocabulary or a line's ids.
  EXPECT_TRUE(expectStages(R"(
#include <istream>
#include <string>
#include <vector>
struct Dictionary {
  bool readWord(std::istream &in, std::string &word) const { // expect-not: stage=data
    word.clear();
    return static_cast<bool>(in >> word);
  }
  void add(const std::string &w) { words.push_back(w); }
  void readFromFile(std::istream &in) { // expect: stage=data
    std::string word;
    while (readWord(in, word)) {
      add(word);
    }
  }
  bool finished(std::istream &in) { // expect-not: stage=data
    std::string word;
    while (readWord(in, word)) {
    }
    return true;
  }
  std::vector<std::string> words;
};
)", true));
}

TEST(DataRule, ReadingASeedIsNotData) {
  // libfann's fann_seed_rand reads four bytes of /dev/urandom for srand.
  EXPECT_TRUE(expectStages(R"(
#include <stdio.h>
#include <stdlib.h>
void seed_rand(void) { // expect-not: stage=data
  FILE *fp = fopen("/dev/urandom", "r");
  unsigned int seed = 1;
  if (fp) { if (fread(&seed, sizeof(seed), 1, fp) != 1) seed = 2; fclose(fp); }
  srand(seed);
}
int read_rows(FILE *fp, float *x, int n) { // expect: stage=data
  int i = 0;
  while (i < n && fread(&x[i], sizeof(float), 1, fp) == 1) ++i;
  return i;
}
)", false));
}

TEST(DataRule, AConfigurationFileIsNotTheData) {
  // darknet's read_data_cfg parses key=value lines of the .data file: settings, not examples.
  EXPECT_TRUE(expectStages(R"(
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct option { char key[32]; float value; };
int read_data_cfg(const char *path, struct option *opts, int n) { // expect-not: stage=data
  FILE *f = fopen(path, "r");
  char line[256]; int i = 0;
  while (i < n && fgets(line, sizeof line, f)) { sscanf(line, "%31[^=]=%f", opts[i].key, &opts[i].value); ++i; }
  fclose(f);
  return i;
}
int read_rows(const char *path, float *x, int n) { // expect: stage=data
  FILE *f = fopen(path, "r");
  int i = 0;
  while (i < n && fscanf(f, "%f", &x[i]) == 1) ++i;
  fclose(f);
  return i;
}
)", false));
}

TEST(DataRule, CopyingOneExamplePerIterationIntoABatchIsData) {
  // darknet's get_next_batch: memcpy of each example's row into the batch.
  EXPECT_TRUE(expectStages(R"(
#include <string.h>
void get_next_batch(float **rows, int cols, int n, int offset, float *X) { // expect: stage=data
  for (int j = 0; j < n; ++j) memcpy(X + j * cols, rows[offset + j], cols * sizeof(float));
}
void copy_weights(float **rows, int cols, int n, float *W) { // expect-not: stage=data
  for (int j = 0; j < n; ++j) memcpy(W + j * cols, rows[j], cols * sizeof(float));
}
)", false));
}

TEST(DataRule, ShuffleWithRandomSwapIsData) {
  EXPECT_TRUE(expectStages(R"(
#include <stdlib.h>
void mix(int *order, int n) { // expect: stage=data
  for (int i = n - 1; i > 0; --i) {
    int j = rand() % (i + 1);
    int t = order[i]; order[i] = order[j]; order[j] = t;
  }
}
)", false)) << "a hand-written Fisher-Yates names no 'shuffle'; the name 'mix' must not be needed";
}

TEST(DataRule, StdShuffleAndBatchGatherAreData) {
  EXPECT_TRUE(expectStages(R"(
#include <algorithm>
#include <random>
#include <vector>
struct Pile {
  std::vector<float> rows; std::vector<std::size_t> order; std::mt19937 rng;
  void restock() { std::shuffle(order.begin(), order.end(), rng); } // expect: stage=data
  void take(std::vector<float> &out, std::size_t first, std::size_t n) { // expect: stage=data
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t row = order[first + i];
      out[i] = rows[row];
    }
  }
};
)", true));
}

TEST(ModelRule, MatrixVectorProductIsModel) {
  EXPECT_TRUE(expectStages(R"(
void layer(const float *W, const float *x, float *y, int n, int m) { // expect: stage=model
  for (int i = 0; i < n; ++i) {
    y[i] = 0;
    for (int j = 0; j < m; ++j) y[i] += W[i * m + j] * x[j];
  }
}
void copy(float *a, const float *b, int n) { for (int i = 0; i < n; ++i) a[i] = b[i]; } // expect-not: stage=model
)", false));
}

TEST(ModelRule, ActivationWithForwardNameIsModel) {
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
void act_forward(float *x, int n) { // expect: stage=model
  for (int i = 0; i < n; ++i) x[i] = tanhf(x[i]);
}
)", false));
}

TEST(ModelRule, AMultiplyAccumulateIntoDeltasIsTheBackwardPass) {
  // genann_train: one function runs the forward pass, then sums each hidden unit's delta
  // from the next layer's; its name does not say backward, what it sums does.
  TUFacts tu = parse(R"(
void train(const double *dd, const double *ww, double *d, int n, int m) {
  for (int j = 0; j < n; ++j) {
    double delta = 0;
    for (int k = 0; k < m; ++k) delta += dd[k] * ww[k * n + j];
    d[j] = delta;
  }
}
void run(const double *w, const double *x, double *y, int n, int m) {
  for (int j = 0; j < n; ++j) {
    double sum = 0;
    for (int k = 0; k < m; ++k) sum += w[j * m + k] * x[k];
    y[j] = sum;
  }
}
)", false);
  for (const auto &[name, role] : {std::pair{"train", "backward"}, std::pair{"run", "forward"}}) {
    const FunctionFacts *fn = functionNamed(tu, name);
    ASSERT_NE(fn, nullptr) << name;
    std::vector<StageMatch> stages = functionStages(*fn);
    auto model = std::find_if(stages.begin(), stages.end(), [](const StageMatch &m) { return m.stage == "model"; });
    ASSERT_NE(model, stages.end()) << name;
    EXPECT_EQ(roleOf(*fn, *model), role) << name;
  }
}

TEST(ModelRule, ALibrarysTrainingEntryThatReturnsTheModelIsTheModelStage) {
  // libsvm's svm_train, liblinear's train: fit the model (the solver runs inside), fill the
  // model's record and hand it back.
  EXPECT_TRUE(expectStages(R"(
#include <stdlib.h>
struct problem { int l; double *y; };
struct model { int nr_class; double *w; };
static void solve(const struct problem *p, double *w) { for (int i = 0; i < p->l; i++) w[0] -= 0.1 * p->y[i]; }
struct model *train(const struct problem *prob, const int *perm) { // expect: stage=model
  struct model *m = (struct model *)malloc(sizeof(struct model));
  double *y = (double *)malloc(prob->l * sizeof(double));
  for (int i = 0; i < prob->l; i++) // groups the examples by class first
    y[i] = prob->y[perm[i]];
  m->nr_class = 2;
  m->w = (double *)calloc(1, sizeof(double));
  for (int i = 0; i < m->nr_class - 1; i++)
    solve(prob, m->w);
  return m;
}
struct problem *train_problem(int n) { // expect-not: stage=model
  struct problem *p = (struct problem *)malloc(sizeof(struct problem));
  p->l = n;
  return p;
}
)", false));
}

TEST(ModelRule, AConvolutionsSizeComputationIsNotModel) {
  // kann's conv_find_par: named for the convolution, clips the padding at zero, no tensor.
  EXPECT_TRUE(expectStages(R"(
static int conv_out_size(int in_size, int kernel_size, int stride, int pad0) { // expect-not: stage=model
  return (in_size - kernel_size + (pad0 > 0 ? pad0 : 0) + stride - 1) / stride + 1;
}
void conv_forward(const float *x, const float *k, float *y, int n, int m) { // expect: stage=model
  for (int i = 0; i + m <= n; ++i) {
    float s = 0;
    for (int j = 0; j < m; ++j) s += x[i + j] * k[j];
    y[i] = s > 0 ? s : 0;
  }
}
)", false));
}

TEST(LossRule, CrossEntropyIsLoss) {
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
float objective(const float *p, const int *y, int n, int k) { // expect: stage=loss
  float total = 0;
  for (int i = 0; i < n; ++i) total -= logf(p[i * k + y[i]]);
  return total / n;
}
)", false));
}

TEST(LossRule, ALossNamedLikeALayersPassIsTheLossNotTheModel) {
  // llm.c: crossentropy_forward loops over its tensors and its backward multiplies like a
  // layer; both are the loss.
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
void crossentropy_forward(float *losses, const float *probs, const int *targets, int B, int V) { // expect: stage=loss // expect-not: stage=model
  for (int b = 0; b < B; b++) losses[b] = -logf(probs[b * V + targets[b]]);
}
void crossentropy_softmax_backward(float *dlogits, const float *dlosses, const float *probs, const int *targets, int B, int V) { // expect: stage=loss // expect-not: stage=model
  for (int b = 0; b < B; b++)
    for (int i = 0; i < V; i++) {
      float p = probs[b * V + i];
      float indicator = i == targets[b] ? 1.0f : 0.0f;
      dlogits[b * V + i] += (p - indicator) * dlosses[b];
    }
}
)", false));
}

TEST(LossRule, ReturningTheNegativeLogOfTheTargetsProbabilityIsLoss) {
  // fasttext's SoftmaxLoss::forward: named `forward`, it returns -log(p[target]) after its
  // backprop branch. A log returned unnegated (a log-density) is no loss.
  EXPECT_TRUE(expectStages(R"(
#include <cmath>
#include <vector>
struct State { std::vector<float> output, hidden; };
void addVectorToRow(std::vector<float> &row, int i, float a);
float forward(State &state, int target, float lr, bool backprop) { // expect: stage=loss
  if (backprop)
    for (int i = 0; i < (int)state.output.size(); i++) {
      float label = (i == target) ? 1.0 : 0.0;
      float alpha = lr * (label - state.output[i]);
      addVectorToRow(state.hidden, i, alpha);
    }
  return -log(state.output[target]);
}
float logDensity(float x) { // expect-not: stage=loss
  return std::log(x);
}
)", true));
}

TEST(LossRule, SquaredErrorIsLoss) {
  EXPECT_TRUE(expectStages(R"(
double discrepancy(const double *pred, const double *t, int n) { // expect: stage=loss
  double s = 0;
  for (int i = 0; i < n; ++i) s += (pred[i] - t[i]) * (pred[i] - t[i]);
  return s / n;
}
)", false));
}

TEST(LossRule, AGaussianKernelOfADistanceIsNotLoss) {
  // libsvm's k_function: exp(-gamma * sum of (x - y)^2) compares two inputs.
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
double rbf(const double *x, const double *y, int n, double gamma) { // expect-not: stage=loss
  double sum = 0;
  for (int i = 0; i < n; ++i) { double d = x[i] - y[i]; sum += d * d; }
  return exp(-gamma * sum);
}
double sq_error(const double *x, const double *y, int n) { // expect: stage=loss
  double sum = 0;
  for (int i = 0; i < n; ++i) { double d = x[i] - y[i]; sum += d * d; }
  return sum / n;
}
)", false));
}

TEST(LossRule, RecordingResultsWithAMethodNamedLogIsNotALogarithm) {
  // fasttext's FastText::test calls meter.log(labels, predictions) per test line.
  EXPECT_TRUE(expectStages(R"(
struct Meter { int n = 0; void log(const int *gold, const int *predicted) { n += gold[0] == predicted[0]; } };
int test_lines(Meter &meter, const int *gold, const int *predicted, int lines) { // expect-not: stage=loss
  for (int i = 0; i < lines; ++i) meter.log(gold + i, predicted + i);
  return meter.n;
}
)", true));
}

TEST(LossRule, BoxMullerIsNotLoss) {
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
double gaussian(double u1, double u2) { // expect-not: stage=loss
  return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}
)", false)) << "a log in a random-number generator is no objective";
}

TEST(OptimizerRule, SgdUpdateNamedApplyIsOptimizer) {
  EXPECT_TRUE(expectStages(R"(
void apply(float *w, const float *g, float lr, int n) { // expect: stage=optimizer
  for (int i = 0; i < n; ++i) w[i] -= lr * g[i];
}
void accumulate(float *acc, const float *a, const float *b, int n) { // expect-not: stage=optimizer
  for (int i = 0; i < n; ++i) acc[i] += a[i] * b[i];
}
)", false));
}

TEST(OptimizerRule, AddingAScaledVectorIsAStepOnlyWhenItFollowsAnErrorOrMovesTheWeights) {
  // fasttext's ProductQuantizer::addcode decodes a vector from its codewords; a perceptron's
  // rule adds the rate times the error; a step added to the weights needs no error in sight.
  EXPECT_TRUE(expectStages(R"(
void addcode(float *x, const float *c, float alpha, int d) { // expect-not: stage=optimizer
  for (int n = 0; n < d; ++n) x[n] += alpha * c[n];
}
void perceptron(float *v, const float *x, float lr, float y, float p, int d) { // expect: stage=optimizer
  for (int j = 0; j < d; ++j) v[j] += lr * (y - p) * x[j];
}
void ascend(float *w, const float *dir, float lr, int d) { // expect: stage=optimizer
  for (int j = 0; j < d; ++j) w[j] += lr * dir[j];
}
)", false));
}

TEST(OptimizerRule, AGradientWrittenWithItsSignIsNoUpdate) {
  // A binary cross-entropy operator's backward (kann's kad_op_ce_bin) subtracts into the
  // prediction's gradient; the update that follows moves the weights against that gradient.
  EXPECT_TRUE(expectStages(R"(
typedef struct node { float *x, *g; } node;
void ce_bin_backward(node *y1, const node *y0, int n, float t) { // expect-not: stage=optimizer
  for (int i = 0; i < n; ++i)
    y1->g[i] -= t * y0->x[i] / y1->x[i];
}
void plain_step(float *w, const float *grad, float lr, int n) { // expect: stage=optimizer
  for (int i = 0; i < n; ++i)
    w[i] -= lr * grad[i];
}
void step_into_g(float *g, const float *d, float lr, int n) { // expect: stage=optimizer
  for (int i = 0; i < n; ++i)
    g[i] -= lr * d[i];
}
)", false));
  // libsvm's SMO keeps the dual's gradient as the solver's own state and updates it per step.
  EXPECT_TRUE(expectStages(R"(
struct Solver {
  double *G_bar, *Q_i, *alpha;
  void Solve(int l, double C_i) { // expect: stage=optimizer
    for (int k = 0; k < l; ++k)
      G_bar[k] -= C_i * Q_i[k];
  }
};
)", true));
}

TEST(OptimizerRule, MomentumOnMembersIsOptimizer) {
  EXPECT_TRUE(expectStages(R"(
#include <vector>
struct Inertia {
  float step, beta; std::vector<float> v;
  void nudge(std::vector<float> &w, const std::vector<float> &g) { // expect: stage=optimizer
    for (std::size_t i = 0; i < w.size(); ++i) {
      v[i] = beta * v[i] + (1 - beta) * g[i];
      w[i] -= step * v[i];
    }
  }
};
)", true));
}

TEST(OptimizerRule, AxpyOnTheWeightsIsOptimizer) {
  EXPECT_TRUE(expectStages(R"(
void daxpy_(int *n, double *a, double *x, int *incx, double *y, int *incy);
static void axpy(double a, const double *x, double *y, int n) { for (int i = 0; i < n; ++i) y[i] += a * x[i]; }
void newton_step(double *w, double *s, int n) { // expect: stage=optimizer
  double one = 1; int inc = 1;
  daxpy_(&n, &one, s, &inc, w, &inc);
}
void coordinate_step(double *w, const double *xi, double d, int n) { // expect: stage=optimizer
  axpy(d, xi, w, n);
}
void residual(double *r, const double *xi, double d, int n) { // expect-not: stage=optimizer
  axpy(d, xi, r, n);
}
)", false)) << "liblinear's solvers update w through axpy calls, with no learning rate in sight";
}

TEST(OptimizerRule, ATrustRegionStepIntoTheCandidateWeightsIsOptimizer) {
  // liblinear's TRON::tron: w_new = w + s (daxpy_), then w = w_new when the step is accepted.
  EXPECT_TRUE(expectStages(R"(
#include <string.h>
void daxpy_(int *n, double *a, double *x, int *incx, double *y, int *incy);
void trust_region_step(double *w, double *w_new, double *s, int n) { // expect: stage=optimizer
  double one = 1; int inc = 1;
  memcpy(w_new, w, sizeof(double) * n);
  daxpy_(&n, &one, s, &inc, w_new, &inc);
  memcpy(w, w_new, sizeof(double) * n);
}
)", false));
}

TEST(OptimizerRule, RpropStepOnTheWeightsIsOptimizer) {
  EXPECT_TRUE(expectStages(R"(
void update_irpropm(float *weights, const float *slopes, float *steps, int n) { // expect: stage=optimizer
  for (int i = 0; i < n; ++i) {
    float next_step = slopes[i] > 0 ? steps[i] * 1.2f : steps[i] * 0.5f;
    if (slopes[i] < 0) weights[i] -= next_step; else weights[i] += next_step;
    steps[i] = next_step;
  }
}
void tally(float *hist, float v, int i) { hist[i] += v; } // expect-not: stage=optimizer
)", false)) << "libfann's RPROP moves each weight by a step sized from the slope's sign, no lr * g";
}

TEST(OptimizerRule, AdamIsOptimizer) {
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
void go(float *w, const float *m, const float *v, float a, int n) { // expect: stage=optimizer
  for (int i = 0; i < n; ++i) w[i] -= a * m[i] / (sqrtf(v[i]) + 1e-8f);
}
)", false));
}

TEST(MetricsRule, CountingWhereTwoComputedAnswersDifferIsMetrics) {
  // kann's classification error: the argmax of the output and of the truth row, and a count
  // of the rows where they differ; nothing is named a prediction or a label.
  EXPECT_TRUE(expectStages(R"(
int class_error_core(const float *x, const float *t, int m, int n) { // expect: stage=metrics
  int n_err = 0;
  for (int j = 0; j < m; ++j) {
    int x_max_k = -1, t_max_k = -1;
    float x_max = 0, t_max = 0;
    for (int k = 0; k < n; ++k) {
      if (x_max < x[j * n + k]) x_max = x[j * n + k], x_max_k = k;
      if (t_max < t[j * n + k]) t_max = t[j * n + k], t_max_k = k;
    }
    n_err += (x_max_k != t_max_k);
  }
  return n_err;
}
int count_zeros(const int *a, int n) { // expect-not: stage=metrics
  int c = 0;
  for (int i = 0; i < n; ++i) c += (a[i] == 0);
  return c;
}
)", false));
}

TEST(MetricsRule, ComparingResultsWithExpectedValuesWithinATolerance) {
  // llm.c's check_tensor scores a gradient against the reference; a solver's single
  // convergence test is no metric.
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
int check_tensor(const float *a, const float *b, int n) { // expect: stage=metrics
  int ok = 1;
  float maxdiff = 0.0f, tol = 2e-2f;
  for (int i = 0; i < n; i++) {
    float diff = fabsf(a[i] - b[i]);
    ok = ok && (diff <= tol);
    if (diff > maxdiff) maxdiff = diff;
  }
  return ok;
}
int converged(double obj, double prev) { // expect-not: stage=metrics
  return fabs(obj - prev) < 1e-6;
}
)", false));
}

TEST(MetricsRule, APredictionLookedUpAmongTheLabelsIsMetrics) {
  // fasttext's Meter::log: each predicted label found among the gold ones is counted.
  EXPECT_TRUE(expectStages(R"(
#include <vector>
#include <utility>
bool contains(const std::vector<int> &v, int x);
struct Meter {
  long predictedGold = 0;
  void log(const std::vector<int> &labels, const std::vector<std::pair<float, int>> &predictions) { // expect: stage=metrics
    for (const auto &prediction : predictions)
      if (contains(labels, prediction.second))
        predictedGold++;
  }
  void index(const std::vector<int> &labels, const std::vector<int> &seen, int word) { // expect-not: stage=metrics
    if (contains(seen, word) && contains(labels, word))
      predictedGold = 0;
  }
};
)", true));
}

TEST(MetricsRule, ArgmaxAgainstLabelIsMetrics) {
  EXPECT_TRUE(expectStages(R"(
int best(const float *p, int k) { int b = 0; for (int c = 1; c < k; ++c) if (p[c] > p[b]) b = c; return b; }
double judge(const float *p, const int *label, int n, int k) { // expect: stage=metrics
  int agree = 0;
  for (int i = 0; i < n; ++i) {
    int guess = best(p + i * k, k);
    if (guess == label[i]) ++agree;
  }
  return (double)agree / n;
}
)", false));
}

TEST(MetricsRule, ACountOfWhereTwoResultsAgreeTakenInOneCallIsMetrics) {
  // OpenCV's samples: countNonZero(original == predicted) through an InputArray made from the
  // comparison's result; Eigen's (a.array() == b.array()).count(). Counting where a result is
  // a constant is no accuracy.
  EXPECT_TRUE(expectStages(R"(
struct Mask { int n; };
struct Mat { int rows; };
Mask operator==(const Mat &a, const Mat &b);
Mask operator==(const Mat &a, double v);
struct InputArray { InputArray(const Mask &m); };
int countNonZero(InputArray a);
static float agreementPercent(const Mat &original, const Mat &predicted) { // expect: stage=metrics
  return 100.f * countNonZero(original == predicted) / predicted.rows;
}
static int zeros(const Mat &m) { // expect-not: stage=metrics
  return countNonZero(m == 0.0);
}
)", true));
}

TEST(MetricsRule, ARowsAgreementAsOneOrZeroIsMetrics) {
  // OpenCV's letter_recog: each prediction within FLT_EPSILON of its label counts 1, summed
  // into a recognition rate. A step size picked by a sign is no agreement, nor a one-hot row.
  EXPECT_TRUE(expectStages(R"(
#include <math.h>
float predict(const float *row);
void rates(const float *data, const int *responses, int n) { // expect: stage=metrics
  double hits = 0;
  for (int i = 0; i < n; i++) {
    float r = predict(data + i * 16);
    r = fabsf(r - responses[i]) <= 1e-6f ? 1.f : 0.f;
    hits += r;
  }
}
float stepOf(float g, float prev) { // expect-not: stage=metrics
  return g * prev > 0 ? 1.f : 0.f;
}
void softmaxBackward(float *dlogits, const float *probs, int ix, int v) { // expect-not: stage=metrics
  for (int i = 0; i < v; i++) {
    float indicator = i == ix ? 1.0f : 0.0f;
    dlogits[i] += probs[i] - indicator;
  }
}
)", true));
}

TEST(CheckpointRule, SavingWeightsIsCheckpointNotData) {
  EXPECT_TRUE(expectStages(R"(
#include <stdio.h>
int save_weights(const char *path, const float *w, int n) { // expect: stage=checkpoint
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  fwrite(w, sizeof(float), n, f);
  return fclose(f);
}
int load_model(const char *path, float *w, int n) { // expect-not: stage=data
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  size_t got = fread(w, sizeof(float), n, f);
  fclose(f);
  return (int)got;
}
)", false));
}


TEST(CheckpointRule, ALoaderThatReturnsTheLibrarysModelObjectLoadsAModel) {
  EXPECT_TRUE(expectStages(R"(
#include <stdio.h>
#include <stdlib.h>
typedef struct kann_t { int n; float *w; } kann_t;
typedef struct { int n; float *x; } dataset_t;
kann_t *kann_load(const char *fn) {   // expect: stage=checkpoint
  FILE *fp = fopen(fn, "rb");
  kann_t *m = (kann_t *)malloc(sizeof(kann_t));
  fread(&m->n, sizeof(int), 1, fp);
  fclose(fp);
  return m;
}
dataset_t *dataset_load(const char *fn) {   // expect-not: stage=checkpoint
  FILE *fp = fopen(fn, "rb");
  dataset_t *d = (dataset_t *)malloc(sizeof(dataset_t));
  fread(&d->n, sizeof(int), 1, fp);
  fclose(fp);
  return d;
}
)", false));
}

TEST(Names, CamelCaseAndSnakeCaseNamesReadAlike) {
  for (const char *name : {"save_model", "SaveModel", "loadWeights", "LoadCheckpoint", "restore"})
    EXPECT_TRUE(isCheckpointName(name)) << name;
  for (const char *name : {"Save", "saveMode", "modelLoader"})
    EXPECT_FALSE(isCheckpointName(name)) << name;
  for (const char *name : {"load_data", "LoadData", "NextBatch", "DataLoader", "read_data"})
    EXPECT_TRUE(isDataLoaderName(name)) << name;
  EXPECT_FALSE(isDataLoaderName("LoadModel"));
}

TEST(Names, StepsOfEMAreNamedWordByWord) {
  for (const char *name : {"RunEStep", "e_step", "eStep", "EStep", "Expectation", "gmm_estep"})
    EXPECT_TRUE(isExpectationStepName(name)) << name;
  for (const char *name : {"timestep", "TimeStep", "next_step", "RunMStep", "expect"})
    EXPECT_FALSE(isExpectationStepName(name)) << name;
  for (const char *name : {"RunMStep", "m_step", "mStep", "Maximization", "maximisation"})
    EXPECT_TRUE(isMaximizationStepName(name)) << name;
  for (const char *name : {"GetMetricStep", "mstepsize", "RunEStep", "maximize_margin"})
    EXPECT_FALSE(isMaximizationStepName(name)) << name;
}

// sentencepiece's unigram trainer: RunMStep re-estimates the pieces' scores from the E-step's
// expected counts (a digamma, no `w -= lr * g`); RunEStep runs the model over the sentences.
TEST(OptimizerRule, TheMStepOfEMIsTheUpdate) {
  TUFacts tu = parse(R"(#include <vector>
#include <cmath>
struct Trainer {
  std::vector<float> RunEStep(const std::vector<float> &scores, const std::vector<int> &sentences) {
    std::vector<float> expected(scores.size());
    for (int s : sentences) for (size_t i = 0; i < scores.size(); ++i) expected[i] += std::exp(scores[i]) * s;
    return expected;
  }
  std::vector<float> RunMStep(const std::vector<float> &expected) {
    std::vector<float> scores;
    float sum = 0;
    for (float e : expected) sum += e;
    for (float e : expected) scores.push_back(std::log(e) - std::log(sum));
    return scores;
  }
};
)", true);
  const FunctionFacts *mStep = functionNamed(tu, "Trainer::RunMStep");
  const FunctionFacts *eStep = functionNamed(tu, "Trainer::RunEStep");
  ASSERT_TRUE(mStep && eStep);
  auto m = rules::optimizerStage(*mStep);
  ASSERT_TRUE(m.has_value());
  EXPECT_GE(m->confidence, kReportThreshold);
  auto e = rules::modelStage(*eStep);
  ASSERT_TRUE(e.has_value());
  EXPECT_GE(e->confidence, kReportThreshold);
}

} // namespace
} // namespace tourguide::indexer::test
