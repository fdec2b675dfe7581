// Loops that are not ML idioms stay quiet.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Negative, StringCopyCounterAndPointerWalk) {
  std::string Code = R"cc(
int copy(char *dst, const char *src, int n) {
  int copied = 0;
  for (int i = 0; i < n && src[i]; ++i) {
    dst[i] = src[i];
    copied += 1;
  }
  const char *p = src;
  for (int i = 0; i < n; ++i) p += 2;
  unsigned h = 5381;
  for (int i = 0; i < n; ++i) h = h * 33 + src[i];
  return copied;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Negative, GramSchmidtSubtractionIsNotAnSgdStep) {
  std::string Code = R"cc(
void orthogonalise(double *v, const double *u, double proj, int n) {
  for (int j = 0; j < n; ++j) v[j] -= proj * u[j];
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Negative, ElementwiseAddAndScaleAreNotReductions) {
  std::string Code = R"cc(
void axpy(float *y, const float *x, float a, int n) {
  for (int i = 0; i < n; ++i) y[i] += a * x[i];
  for (int i = 0; i < n; ++i) y[i] *= 0.5f;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Negative, HistogramIndexSumIsOnlyASum) {
  std::string Code = R"cc(
int count(const int *hist, int bins) {
  int total = 0;
  for (int b = 0; b < bins; ++b) total += hist[b]; // $line:sum
  return total;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Negative, ClampsAreNotRelus) {
  // Pixel coordinates clamped at zero, a pixel clamped to [0, 1].
  std::string Code = R"cc(
void draw(int x1, float *px, int n) {
  if (x1 < 0) x1 = 0;
  for (int i = 0; i < n; ++i) {
    if (px[i] < 0) px[i] = 0;
    if (px[i] > 1) px[i] = 1;
  }
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Negative, PositivePartOfADifferenceIsNotARelu) {
  std::string Code = R"cc(
namespace std {
template <class T> const T &max(const T &a, const T &b) { return a < b ? b : a; }
}
double remaining(double budget, double elapsed) {
  return std::max(budget - elapsed, 0.0);
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Negative, MacrosDoNotFakeSquaresOrFormulas) {
  // libfann: `fann_mult` is a macro, and a whole loop hides in another.
  std::string Code = R"cc(
#define fann_mult(x, y) (x * y)
#define SUM_ALL(dst, src, n) for (int k = 0; k < n; ++k) dst += src[k];
float run(const float *w, const float *v, int n) {
  float s = 0, t = 0;
  for (int i = 0; i < n; ++i) s += fann_mult(w[i], v[i]); // $line:dot
  SUM_ALL(t, v, n)
  return s + t;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  // A dot product (the AST sees w[i] * v[i]), not the square of the invocation.
  EXPECT_EQ(formulaOf(Code, "dot"), "s = Σ_i fann_mult(w[i], v[i])");
}

TEST(Negative, FunctionWithoutBodyHasNoIdioms) {
  std::string Code = "float f(float);\nfloat g(float x) { return x; }\n";
  EXPECT_TRUE(checkMarkers(Code));
}

// genann's output-layer update walks the weights with `*w++`: one weight per
// pass, not a sum into one place. The forward pass's `sum += *w++ * i[k]` is
// still a dot product: there the pointer walks the value, not the target.
TEST(Negative, APointerWalkingTargetIsNotAnAccumulator) {
  std::string Code = R"cc(
void update(double *w, const double *d, const double *i, double lr, int n) {
  for (int k = 1; k < n; ++k) *w++ += *d * lr * i[k - 1];
}
double neuron(const double *w, const double *i, int n) {
  double sum = 0;
  for (int k = 0; k < n; ++k) sum += *w++ * i[k]; // $line:dot
  return sum;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

} // namespace
} // namespace tourguide::idioms::test
