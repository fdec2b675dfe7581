// Code that looks like a stage and is not: each case is a shape met in a real repo (named in
// the comment) that the statement, call and loop facts took for something it is not.
#include "TestCode.h"
#include "tourguide/indexer/StageRules.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

bool hasStatement(const FunctionFacts &fn, const std::string &kind) {
  return std::any_of(fn.statements.begin(), fn.statements.end(),
                     [&](const StatementFact &s) { return s.kind == kind; });
}

bool hasIdiom(const FunctionFacts &fn, const std::string &kind) {
  return std::any_of(fn.idioms.begin(), fn.idioms.end(), [&](const IdiomFact &i) { return i.kind == kind; });
}

const FunctionFacts &named(const TUFacts &tu, const std::string &name) {
  const FunctionFacts *fn = functionNamed(tu, name);
  EXPECT_NE(fn, nullptr) << name;
  static const FunctionFacts none;
  return fn ? *fn : none;
}

// sentencepiece's CHECK_OK and RETURN_IF_ERROR wrap a statement in do { ... } while (0).
TEST(LookAlike, DoWhileZeroIsNoLoop) {
  TUFacts tu = parse(R"(int step(void);
#define CHECK_OK(e) do { if ((e) != 0) return 1; } while (0)
int once(void) {
  CHECK_OK(step());
  do { step(); } while (0);
  return 0;
}
int repeats(int n) {
  int i = 0;
  do { step(); } while (++i < n);
  return 0;
}
)");
  EXPECT_TRUE(named(tu, "once").loops.empty());
  ASSERT_EQ(named(tu, "repeats").loops.size(), 1u);
  EXPECT_EQ(named(tu, "repeats").loops[0].keyword, "do");
}

// darknet's main: `else if (0 == strcmp(argv[1], "3d")) composite_3d(...)`.
TEST(LookAlike, ACommandWordMayStartWithADigit) {
  TUFacts tu = parse(R"(#include <string.h>
void compose(void);
void flags(void);
int main(int argc, char **argv) {
  if (argc > 1 && 0 == strcmp(argv[1], "3d")) compose();
  if (argc > 1 && 0 == strcmp(argv[1], "-v")) flags();
  return 0;
}
)");
  const FunctionFacts &main = named(tu, "main");
  for (const CallFact &c : main.calls) {
    if (c.calleeName == "compose") {
      EXPECT_EQ(c.command, std::vector<std::string>{"3d"});
    }
    if (c.calleeName == "flags") {
      EXPECT_TRUE(c.command.empty()) << "an option flag is no command word";
    }
  }
}

// darknet's binarize_weights sums |w| over a row addressed as weights[f*size + i]; its
// add_pixel writes m.data[c*m.h*m.w + y*m.w + x] += val (m.w is the image's width).
TEST(LookAlike, ProductsInAnIndexAndAWidthNamedWAreNoUpdateOrProduct) {
  TUFacts tu = parse(R"(#include <math.h>
typedef struct { int w, h, c; float *data; } image;
float mean_abs(const float *weights, int f, int size) {
  float mean = 0;
  for (int i = 0; i < size; ++i) mean += fabsf(weights[f * size + i]);
  return mean / size;
}
void add_pixel(image m, int x, int y, int c, float val) { m.data[c * m.h * m.w + y * m.w + x] += val; }
void step(float *weights, const float *grad, int i) { weights[i] -= grad[i]; }
)");
  EXPECT_FALSE(hasStatement(named(tu, "mean_abs"), "mac"));
  EXPECT_FALSE(hasStatement(named(tu, "add_pixel"), "param_update"));
  EXPECT_TRUE(hasStatement(named(tu, "step"), "param_update")) << "the weights' own name still counts";
}

// darknet's forward_normalization_layer: axpy_cpu(w*h, alpha, squared + w*h*k, 1, norms, 1),
// w an image width; forward_iseg_layer's axpy into l.sums[i] from l.output + ... + l.w*l.h.
TEST(LookAlike, AnAxpyIntoAVectorNotNamedLikeTheWeightsIsNoUpdate) {
  TUFacts tu = parse(R"(typedef struct { int w, h; float *output, *weights, *weight_updates; } layer;
void axpy_cpu(int n, float a, float *x, int incx, float *y, int incy);
void norms_of(int w, int h, int k, float *squared, float *norms) { axpy_cpu(w * h, 0.5f, squared + w * h * k, 1, norms, 1); }
void sums_of(layer l, float *sums) { axpy_cpu(l.w * l.h, 1, l.output + l.w * l.h, 1, sums, 1); }
void update(layer l, float lr) { axpy_cpu(l.w * l.h, lr, l.weight_updates, 1, l.weights, 1); }
)");
  EXPECT_FALSE(hasStatement(named(tu, "norms_of"), "param_update"));
  EXPECT_FALSE(hasStatement(named(tu, "sums_of"), "param_update"));
  EXPECT_TRUE(hasStatement(named(tu, "update"), "param_update"));
}

// sentencepiece: `if (spec_->shuffle_input_sentence())` asks a flag, it shuffles nothing.
TEST(LookAlike, AFlagNamedShuffleIsNoShuffle) {
  TUFacts tu = parse(R"(#include <algorithm>
#include <random>
#include <vector>
struct Spec { bool shuffle_input_sentence() const { return on; } bool on = true; };
int count(const Spec &spec, std::vector<int> &v) { return spec.shuffle_input_sentence() ? (int)v.size() : 0; }
void mix(std::vector<int> &v, std::mt19937 &g) { std::shuffle(v.begin(), v.end(), g); }
)", true);
  EXPECT_FALSE(hasStatement(named(tu, "count"), "shuffle"));
  EXPECT_TRUE(hasStatement(named(tu, "mix"), "shuffle"));
}

// sentencepiece's Gumbel(): -log(-log(u)) turns a uniform draw into Gumbel noise.
TEST(LookAlike, ALogOfALogIsNoCrossEntropy) {
  TUFacts tu = parse(R"(#include <math.h>
float gumbel(float u) {
  float noise = -logf(-logf(u + 1e-7f));
  return noise;
}
float nll(const float *p, int label) {
  float loss = -logf(p[label]);
  return loss;
}
)");
  EXPECT_FALSE(hasIdiom(named(tu, "gumbel"), "cross_entropy"));
  EXPECT_TRUE(hasIdiom(named(tu, "nll"), "cross_entropy"));
}

// sentencepiece's HexToInt: `std::istringstream is(value); is >> std::hex >> n;` parses a string.
TEST(LookAlike, AStringStreamParsesItReadsNoFile) {
  TUFacts tu = parse(R"(#include <fstream>
#include <sstream>
#include <string>
int hex(const std::string &s) { std::istringstream is(s); int n; is >> std::hex >> n; return n; }
int first(const char *path) { std::ifstream in(path); int n; in >> std::hex >> n; return n; }
)", true);
  EXPECT_FALSE(hasStatement(named(tu, "hex"), "file_read"));
  EXPECT_TRUE(hasStatement(named(tu, "hex"), "parse"));
  EXPECT_TRUE(hasStatement(named(tu, "first"), "file_read"));
}

// xgboost's common::Split and ConfigParser::Parse: std::getline over a string stream.
TEST(LookAlike, GetlineOnAStringStreamParsesItReadsNoFile) {
  TUFacts tu = parse(R"(#include <fstream>
#include <sstream>
#include <string>
#include <vector>
std::vector<std::string> split(const std::string &s, char delim) {
  std::istringstream is(s); std::string item; std::vector<std::string> out;
  while (std::getline(is, item, delim)) out.push_back(item);
  return out;
}
int chars(const std::string &s) { std::stringstream ss(s); char buf[8]; ss.read(buf, 8); return (int)ss.gcount(); }
int lines(const char *path) { std::ifstream in(path); std::string line; int n = 0; while (std::getline(in, line)) ++n; return n; }
)", true);
  EXPECT_FALSE(hasStatement(named(tu, "split"), "file_read"));
  EXPECT_TRUE(hasStatement(named(tu, "split"), "parse"));
  EXPECT_FALSE(hasStatement(named(tu, "chars"), "file_read"));
  EXPECT_TRUE(hasStatement(named(tu, "lines"), "file_read"));
  EXPECT_FALSE(rules::dataStage(named(tu, "split")).has_value()) << "a string's words, not data read in";
  EXPECT_TRUE(rules::dataStage(named(tu, "lines")).has_value());
}

// darknet's variance_cpu: variance[i] += pow(x[index] - mean[i], 2), a batch norm's statistic.
TEST(LookAlike, TheSquareOfADeviationFromTheMeanIsNoSquaredError) {
  TUFacts tu = parse(R"(#include <math.h>
void spread(const float *x, const float *mean, float *variance, int n) {
  for (int i = 0; i < n; ++i) variance[0] += powf(x[i] - mean[0], 2);
  for (int i = 0; i < n; ++i) variance[1] += (x[i] - mean[1]) * (x[i] - mean[1]);
}
float error(const float *y, const float *t, int n) {
  float e = 0;
  for (int i = 0; i < n; ++i) e += powf(y[i] - t[i], 2);
  return e;
}
)");
  EXPECT_FALSE(hasStatement(named(tu, "spread"), "sq_diff"));
  EXPECT_TRUE(hasStatement(named(tu, "error"), "sq_diff"));
}

// libsvm's select_working_set: obj_diff = -(grad_diff * grad_diff) / quad_coef, the gain of a
// step along two dual variables.
TEST(LookAlike, ASquaredDifferenceOfGradientsIsNoSquaredError) {
  TUFacts tu = parse(R"(double gain(double Gmax, const double *G, int j, double quad_coef) {
  double grad_diff = Gmax + G[j];
  double obj_diff = -(grad_diff * grad_diff) / quad_coef;
  return obj_diff;
}
double error(const double *y, const double *t, int i) {
  double diff = y[i] - t[i];
  return diff * diff;
}
)");
  EXPECT_FALSE(hasStatement(named(tu, "gain"), "sq_diff"));
  EXPECT_TRUE(hasStatement(named(tu, "error"), "sq_diff"));
}

// libfann's quickprop: w = weights[i]; next_step += epsilon * slope; ...; w += next_step;
// weights[i] = w. The candidates' `cand_out_slopes[j] -= 2 * diff * activation` sums a gradient.
TEST(LookAlike, AWeightMovedThroughALocalCopyIsAnUpdateAndAGradientIsNot) {
  TUFacts tu = parse(R"(void quickprop(float *weights, const float *slopes, float epsilon, int n) {
  for (int i = 0; i < n; ++i) {
    float w = weights[i];
    float next_step = 0;
    next_step += epsilon * slopes[i];
    w += next_step;
    weights[i] = w;
  }
}
void candidate_slopes(float *cand_out_slopes, const float *diff, float activation, int n) {
  for (int j = 0; j < n; ++j) cand_out_slopes[j] -= 2.0f * diff[j] * activation;
}
)");
  EXPECT_TRUE(hasStatement(named(tu, "quickprop"), "param_update"));
  EXPECT_FALSE(hasStatement(named(tu, "quickprop"), "mac")) << "summing the step is the update's arithmetic";
  EXPECT_FALSE(hasStatement(named(tu, "candidate_slopes"), "param_update"));
}

// sentencepiece's VerifyOutputsEquivalent: total_score += length * max_score_ multiplies two
// scalars; a dot product multiplies what it reads along the loop.
TEST(LookAlike, AProductOfTwoScalarsIsNoMultiplyAccumulate) {
  TUFacts tu = parse(R"(struct Scores {
  float max_score_ = 1;
  float total(const int *lengths, int n) const {
    float total_score = 0;
    for (int i = 0; i < n; ++i) { int length = lengths[i]; total_score += length * max_score_; }
    return total_score;
  }
};
float dot(const float *w, const float *x, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i) s += w[i] * x[i];
  return s;
}
float backprop(const double *dd, const double *ww, int n) { // genann_train's hidden deltas
  double delta = 0;
  for (int k = 0; k < n; ++k) { const double forward_delta = dd[k]; const double forward_weight = ww[k]; delta += forward_delta * forward_weight; }
  return delta;
}
)", true);
  EXPECT_FALSE(hasStatement(named(tu, "Scores::total"), "mac"));
  EXPECT_TRUE(hasStatement(named(tu, "dot"), "mac"));
  EXPECT_TRUE(hasStatement(named(tu, "backprop"), "mac")) << "two locals, each holding an element";
}

// libsvm's reconstruct_gradient: G[i] += alpha[j] * Q_i[j]. alpha is the dual variables, an
// array; a learning rate is one number.
TEST(LookAlike, AnArrayNamedLikeARateScalesNoStep) {
  TUFacts tu = parse(R"(void gradient(double *G, const double *alpha, const float *Q_i, int i, int l) {
  for (int j = 0; j < l; ++j) G[i] += alpha[j] * Q_i[j];
}
void ascend(float *w, const float *g, float alpha, int n) {
  for (int i = 0; i < n; ++i) w[i] += alpha * g[i];
}
)");
  EXPECT_FALSE(hasStatement(named(tu, "gradient"), "param_update"));
  EXPECT_TRUE(hasStatement(named(tu, "gradient"), "mac"));
  EXPECT_TRUE(hasStatement(named(tu, "ascend"), "param_update"));
  EXPECT_TRUE(hasStatement(named(tu, "ascend"), "lr_update"));
}

// sentencepiece's Lattice::PopulateMarginal: expected[id] += freq * exp(alpha[n] + score +
// beta[n] - Z), forward-backward's expected counts; alpha is a std::vector, not a rate.
TEST(LookAlike, AContainerNamedLikeARateScalesNoStep) {
  TUFacts tu = parse(R"(#include <cmath>
#include <vector>
void marginal(std::vector<float> *expected, const std::vector<float> &alpha, const std::vector<float> &beta,
              float freq, float Z, int n) {
  for (int i = 0; i < n; ++i) (*expected)[i] += freq * std::exp(alpha[i] + beta[i] - Z);
}
)", true);
  EXPECT_FALSE(hasStatement(named(tu, "marginal"), "param_update"));
}

} // namespace
} // namespace tourguide::indexer::test
