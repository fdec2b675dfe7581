// relu, leaky relu, gelu, tanh, sigmoid.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Relu, ConditionalInALoop) {
  std::string Code = R"cc(
void relu(const float *x, float *y, int n) {
  for (int i = 0; i < n; ++i)          // $begin:relu
    y[i] = x[i] > 0 ? x[i] : 0.0f;     // $end:relu
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "relu");
  EXPECT_EQ(I.formula, "y[i] = max(0, x[i])");
  EXPECT_EQ(I.description, "a ReLU activation");
}

TEST(Relu, StdMaxReturned) {
  std::string Code = R"cc(
namespace std {
template <class T> const T &max(const T &a, const T &b) { return a < b ? b : a; }
}
float relu(float v) {
  return std::max(0.0f, v); // $line:relu
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "relu"), "relu(v) = max(0, v)");
}

TEST(Relu, FmaxfAndInPlaceClamp) {
  std::string Code = MathDecls + R"cc(
void act(float *h, float *z, int n) {
  for (int i = 0; i < n; ++i) {
    h[i] = fmaxf(0.f, z[i]); // $line:relu
    z[i] = h[i] * 2;
  }
  for (int i = 0; i < n; ++i) // $begin:relu
    if (h[i] < 0) h[i] = 0;   // $end:relu
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Relu, TimesItsOwnPositivityInC) {
  std::string Code = R"cc(
static inline float relu_activate(float x) { return x * (x > 0); } /* $line:relu */
)cc";
  EXPECT_TRUE(checkMarkers(Code, Lang::C));
  EXPECT_EQ(formulaOf(Code, "relu", Lang::C), "relu_activate(x) = max(0, x)");
}

TEST(LeakyRelu, SlopeOnTheNegativeSide) {
  std::string Code = R"cc(
float leaky(float x, float a) {
  float y = x > 0 ? x : a * x; // $line:leaky_relu
  return y;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "leaky_relu"), "y = x > 0 ? x : a·x");
}

TEST(Gelu, TanhApproximationIsOneIdiomNotATanh) {
  std::string Code = MathDecls + R"cc(
void gelu(const float *x, float *out, int n) {
  const float s = 0.7978845608f;
  for (int i = 0; i < n; i++) {  // $begin:gelu
    float v = x[i];
    out[i] = 0.5f * v * (1.0f + tanhf(s * (v + 0.044715f * v * v * v)));
  }                              // $end:gelu
}
)cc";
  // Two statements in the loop body: the GELU statement alone would be
  // narrower, but the loop exists only for it and its input.
  std::string Error;
  std::vector<Idiom> Found = idiomsIn(Code, Lang::Cxx, Error);
  EXPECT_EQ(Error, "");
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].kind, "gelu");
  EXPECT_EQ(Found[0].formula,
            "out[i] = 0.5·v·(1 + tanh(√(2/π)·(v + 0.044715·v³)))");
  EXPECT_EQ(Found[0].description, "a GELU activation (tanh approximation)");
}

TEST(Gelu, ErfForm) {
  std::string Code = MathDecls + R"cc(
double gelu(double x) {
  return 0.5 * x * (1.0 + erf(x / sqrt(2.0))); // $line:gelu
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "gelu"), "gelu(x) = 0.5·x·(1 + erf(x/√2))");
}

TEST(Tanh, LibraryCall) {
  std::string Code = MathDecls + R"cc(
void hidden(const double *a, double *h, int n) {
  for (int j = 0; j < n; ++j) h[j] = tanh(a[j]); // $line:tanh
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "tanh"), "h[j] = tanh(a[j])");
}

TEST(Tanh, ReturnedFromALambdaIsNotTheFunctionsResult) {
  std::string Code = MathDecls + R"cc(
template <class F> void each(float *x, int n, F f) {
  for (int i = 0; i < n; ++i) x[i] = f(x[i]);
}
void squash(float *h, int n) {
  each(h, n, [](float v) { return tanhf(v); }); // $line:tanh
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "tanh"), "y = tanh(v)");
}

TEST(Sigmoid, OneOverOnePlusExpMinusX) {
  std::string Code = MathDecls + R"cc(
float sigmoid(float z) {
  return 1.0f / (1.0f + expf(-z)); // $line:sigmoid
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "sigmoid");
  EXPECT_EQ(I.formula, "sigmoid(z) = 1/(1 + exp(-z))");
  EXPECT_EQ(I.description, "a sigmoid (logistic) activation");
}

} // namespace
} // namespace tourguide::idioms::test
