// mean and variance: a reduction loop, then a division.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Mean, SumThenDivideIntoANewVariable) {
  std::string Code = R"cc(
float average(const float *x, int n) {
  float sum = 0;
  for (int i = 0; i < n; ++i) // $begin:mean
    sum += x[i];
  float mean = sum / n;       // $end:mean
  return mean;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "mean");
  EXPECT_EQ(I.formula, "mean = (1/n)·Σ_i x[i]");
  EXPECT_EQ(I.description, "a mean (sum, then divide by the count)");
}

TEST(Mean, DivideInPlaceByACastCount) {
  std::string Code = R"cc(
template <class T> struct vector {
  T &operator[](unsigned long); const T &operator[](unsigned long) const;
  unsigned long size() const;
};
double mean_of(const vector<double> &v) {
  double m = 0;
  for (unsigned long k = 0; k < v.size(); ++k) { // $begin:mean
    m += v[k];
  }
  m /= (double)v.size();                         // $end:mean
  return m;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "mean"), "m = (1/v.size())·Σ_k v[k]");
}

TEST(Variance, SquaredDeviationThroughALocal) {
  std::string Code = R"cc(
float variance(const float *x, int n, float mu) {
  float var = 0;
  for (int i = 0; i < n; ++i) { // $begin:variance
    float d = x[i] - mu;
    var += d * d;
  }
  return var / (n - 1);         // $end:variance
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "variance");
  EXPECT_EQ(I.formula, "variance = (1/(n - 1))·Σ_i (x[i] - mu)²");
  EXPECT_EQ(I.description, "a variance (mean of squared deviations)");
}

TEST(Variance, MeanThenVarianceWithPow) {
  std::string Code = MathDecls + R"cc(
void stats(const double *x, int n, double *out_mean, double *out_var) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += x[i];        // $begin:mean
  double m = s / n;                             // $end:mean
  double v = 0;
  for (int i = 0; i < n; ++i) v += pow(x[i] - m, 2); // $begin:variance
  v = v / n;                                         // $end:variance
  *out_mean = m;
  *out_var = v;
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "mean"), "m = (1/n)·Σ_i x[i]");
  EXPECT_EQ(formulaOf(Code, "variance"), "v = (1/n)·Σ_i (x[i] - m)²");
}

} // namespace
} // namespace tourguide::idioms::test
