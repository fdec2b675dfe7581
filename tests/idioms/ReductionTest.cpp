// sum and dot: one loop accumulating into something that does not move.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Sum, ArrayElements) {
  std::string Code = MathDecls + R"cc(
float total(const float *x, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i) // $begin:sum
    s += x[i];                // $end:sum
  return s;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "sum");
  EXPECT_EQ(I.formula, "s = Σ_i x[i]");
  EXPECT_EQ(I.description, "a sum");
  EXPECT_EQ(I.evidence, "for over i; accumulates x[i] into s");
}

TEST(Sum, RangeForOverVector) {
  std::string Code = R"cc(
template <class T> struct Vec { const T *begin() const; const T *end() const; };
double total(const Vec<double> &values) {
  double acc = 0.0;
  for (double v : values) { // $begin:sum
    acc = acc + v;
  }                         // $end:sum
  return acc;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "sum"), "acc = Σ_{v ∈ values} v");
}

TEST(Sum, OfSquares) {
  std::string Code = R"cc(
double norm2(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += x[i] * x[i]; // $line:sum
  return s;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "sum");
  EXPECT_EQ(I.formula, "s = Σ_i x[i]²");
  EXPECT_EQ(I.description, "a sum of squares (squared L2 norm)");
}

TEST(Sum, WeightedSquaresAndSpacingDoNotMakeADot) {
  std::string Code = MathDecls + R"cc(
float cost(const float *out, const float *a, float scale, float mean, int n) {
  float c = 0, v = 0;
  for (int j = 0; j < n; ++j) c += scale * powf(out[j], 2); // $line:sum
  for (int i = 0; i < n; ++i) v += (a[i] - mean)*(a[i]-mean); // $line:sum
  return c + v;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  std::string Error;
  std::vector<Idiom> Found = idiomsIn(Code, Lang::Cxx, Error);
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Found[0].formula, "c = Σ_j scale·pow(out[j], 2)");
  EXPECT_EQ(Found[0].description, "a sum of squares (squared L2 norm)");
  EXPECT_EQ(Found[1].formula, "v = Σ_i (a[i] - mean)²");
  EXPECT_EQ(Found[1].description, "a sum of squared deviations");
}

TEST(Dot, TwoArrays) {
  std::string Code = R"cc(
float dot(const float *a, const float *b, int n) {
  float acc = 0.f;
  for (int k = 0; k < n; ++k) { // $begin:dot
    acc += a[k] * b[k];
  }                             // $end:dot
  return acc;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "dot");
  EXPECT_EQ(I.formula, "acc = Σ_k a[k]·b[k]");
  EXPECT_EQ(I.description, "a dot product");
}

TEST(Dot, MembersThroughPointerArithmetic) {
  std::string Code = R"cc(
struct Layer { float *w; int n; };
float score(const Layer *l, const float *x) {
  float z = 0;
  for (int i = 0; i < l->n; ++i) z += *(l->w + i) * x[i]; // $line:dot
  return z;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "dot"), "z = Σ_i *(l->w + i)·x[i]");
}

TEST(Sum, BusyLoopPointsAtTheStatement) {
  // A loop that does much more than the sum: the idiom is the statement.
  std::string Code = R"cc(
void step(float *x, float *y, int n, float *out) {
  float s = 0;
  for (int i = 0; i < n; ++i) {
    y[i] = x[i] + 1;
    x[i] = y[i] * 2;
    y[i] = y[i] - x[i];
    x[i] = 0;
    s += y[i]; // $line:sum
  }
  *out = s;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

} // namespace
} // namespace tourguide::idioms::test
