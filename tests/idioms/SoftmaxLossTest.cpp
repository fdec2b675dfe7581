// softmax, log-sum-exp and cross-entropy.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Softmax, MaxShiftedThreeLoops) {
  std::string Code = MathDecls + R"cc(
void softmax(const float *x, float *y, int n) {
  float mx = x[0];
  for (int i = 1; i < n; ++i)  // $begin:softmax
    if (x[i] > mx) mx = x[i];
  float sum = 0.f;
  for (int i = 0; i < n; ++i) {
    y[i] = expf(x[i] - mx);
    sum += y[i];
  }
  for (int i = 0; i < n; ++i)
    y[i] /= sum;               // $end:softmax
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "softmax");
  EXPECT_EQ(I.formula, "y[i] = exp(x[i] - mx)/Σ_i exp(x[i] - mx)");
  EXPECT_EQ(I.description, "a softmax (exponentials over their sum, shifted "
                           "by the max for stability)");
}

TEST(Softmax, WithoutShiftDividingInTheLastLoop) {
  std::string Code = MathDecls + R"cc(
void probs(const double *logits, double *p, int k) {
  double z = 0;
  for (int c = 0; c < k; c++) z += exp(logits[c]); // $begin:softmax
  for (int c = 0; c < k; c++)
    p[c] = exp(logits[c]) / z;                      // $end:softmax
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "softmax");
  EXPECT_EQ(I.formula, "p[c] = exp(logits[c])/Σ_c exp(logits[c])");
  EXPECT_EQ(I.description, "a softmax (exponentials over their sum)");
}

TEST(Softmax, ShiftFromAMaxCallThenLossThroughLogOfTheSum) {
  std::string Code = MathDecls + R"cc(
const float *max_element(const float *first, const float *last);
float row_loss(const float *z, float *p, int classes, int y) {
  const float z_max = *max_element(z, z + classes); // $begin:softmax
  float sum_exp = 0.0f;
  for (int c = 0; c < classes; ++c) {
    p[c] = expf(z[c] - z_max);
    sum_exp += p[c];
  }
  for (int c = 0; c < classes; ++c) p[c] /= sum_exp; // $end:softmax
  const float loss = logf(sum_exp) - (z[y] - z_max);  // $line:cross_entropy
  return loss;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "softmax"),
            "p[c] = exp(z[c] - z_max)/Σ_c exp(z[c] - z_max)");
  EXPECT_EQ(formulaOf(Code, "cross_entropy"),
            "loss = log Σ_c exp(z[c] - z_max) - (z[y] - z_max)");
}

TEST(LogSumExp, MaxPlusLogOfSum) {
  std::string Code = MathDecls + R"cc(
float lse(const float *x, int n) {
  float m = x[0];
  for (int i = 0; i < n; ++i)        // $begin:logsumexp
    m = x[i] > m ? x[i] : m;
  float s = 0;
  for (int i = 0; i < n; ++i) s += expf(x[i] - m);
  float out = m + logf(s);           // $end:logsumexp
  return out;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "logsumexp"), "out = m + log Σ_i exp(x[i] - m)");
}

TEST(CrossEntropy, NegativeLogOfTheLabelsProbability) {
  std::string Code = MathDecls + R"cc(
float nll(const float *probs, int label) {
  float loss = -logf(probs[label] + 1e-9f); // $line:cross_entropy
  return loss;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "cross_entropy");
  EXPECT_EQ(I.formula, "loss = -log(probs[label] + 1e-9)");
  EXPECT_EQ(I.description, "a cross-entropy loss (negative log-likelihood)");
}

TEST(CrossEntropy, SummedOverOneHotTargets) {
  std::string Code = MathDecls + R"cc(
double xent(const double *y, const double *p, int n) {
  double loss = 0;
  for (int i = 0; i < n; ++i)     // $begin:cross_entropy
    loss -= y[i] * log(p[i]);     // $end:cross_entropy
  return loss;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "cross_entropy"), "loss = -Σ_i y[i]·log(p[i])");
}

TEST(CrossEntropy, AccumulatedOverABatchInABusyLoop) {
  std::string Code = MathDecls + R"cc(
float batch_loss(const float *probs, const int *labels, int B, int C) {
  float total = 0;
  for (int b = 0; b < B; ++b) {
    const float *row = probs + b * C;
    int y = labels[b];
    float p = row[y];
    if (p < 1e-7f) p = 1e-7f;
    total += -logf(p);      // $line:cross_entropy
  }
  return total / B;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "cross_entropy"), "total = -Σ_b log(p)");
}

TEST(CrossEntropy, Binary) {
  std::string Code = MathDecls + R"cc(
double bce(double y, double p) {
  return -(y * log(p) + (1 - y) * log(1 - p)); // $line:cross_entropy
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "cross_entropy");
  EXPECT_EQ(I.formula, "loss = -(y·log(p) + (1 - y)·log(1 - p))");
  EXPECT_EQ(I.description, "a binary cross-entropy loss");
}

} // namespace
} // namespace tourguide::idioms::test
