// The same rules on C (not C++) code: darknet- and libfann-style.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(CLanguage, LinearLayerReluAndSgd) {
  std::string Code = MathDecls + R"cc(
typedef struct { int in, out; float *weights, *biases, *output, *w_grad; } layer;
void forward_connected(layer *l, const float *input) {
  int i, j;
  for (i = 0; i < l->out; ++i) {                 /* $begin:matvec */
    float sum = l->biases[i];
    for (j = 0; j < l->in; ++j)
      sum += l->weights[i * l->in + j] * input[j];
    l->output[i] = sum;
  }                                               /* $end:matvec */
  for (i = 0; i < l->out; ++i)                    /* $begin:relu */
    l->output[i] = l->output[i] > 0 ? l->output[i] : 0; /* $end:relu */
}
void update_connected(layer *l, float learning_rate) {
  int i;
  for (i = 0; i < l->in * l->out; ++i)            /* $begin:sgd_update */
    l->weights[i] -= learning_rate * l->w_grad[i]; /* $end:sgd_update */
}
)cc";
  EXPECT_TRUE(checkMarkers(Code, Lang::C));
  EXPECT_EQ(formulaOf(Code, "matvec", Lang::C),
            "l->output[i] = Σ_j l->weights[i * l->in + j]·input[j] + l->biases[i]");
  EXPECT_EQ(formulaOf(Code, "relu", Lang::C), "l->output[i] = max(0, l->output[i])");
}

TEST(CLanguage, SigmoidSoftmaxAndMean) {
  std::string Code = MathDecls + R"cc(
double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); } /* $line:sigmoid */
void softmax(double *v, int n) {
  double s = 0.0;
  int k;
  for (k = 0; k < n; k++) {   /* $begin:softmax */
    v[k] = exp(v[k]);
    s += v[k];
  }
  for (k = 0; k < n; k++)
    v[k] = v[k] / s;          /* $end:softmax */
}
double mean(const double *v, int n) {
  double t = 0.0;
  int k;
  for (k = 0; k < n; k++) t += v[k]; /* $begin:mean */
  return t / n;                      /* $end:mean */
}
)cc";
  EXPECT_TRUE(checkMarkers(Code, Lang::C));
  EXPECT_EQ(formulaOf(Code, "softmax", Lang::C), "v[k] = exp(v[k])/Σ_k exp(v[k])");
  EXPECT_EQ(formulaOf(Code, "mean", Lang::C), "mean = (1/n)·Σ_k v[k]");
}

} // namespace
} // namespace tourguide::idioms::test
