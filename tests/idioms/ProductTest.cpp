// matvec and matmul as loop nests, over raw arrays, flattened indices,
// 2-D arrays, operator() accessors and .at().
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Matvec, LinearLayerFlattenedWithScalarAccumulator) {
  std::string Code = R"cc(
void linear(const float *W, const float *x, const float *b, float *out,
            int n, int m) {
  for (int i = 0; i < n; ++i) { // $begin:matvec
    float s = b[i];
    for (int j = 0; j < m; ++j)
      s += W[i * m + j] * x[j];
    out[i] = s;
  }                             // $end:matvec
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "matvec");
  EXPECT_EQ(I.formula, "out[i] = Σ_j W[i * m + j]·x[j] + b[i]");
  EXPECT_EQ(I.description, "a linear layer (matrix-vector product plus bias)");
  EXPECT_EQ(I.evidence, "nested for over i, j; accumulates W[i * m + j] * x[j] "
                        "into s, stored in out[i]; bias b[i]");
}

TEST(Matvec, TwoDimensionalArrayAccumulatingInPlace) {
  std::string Code = R"cc(
void mv(double W[4][3], const double x[3], double out[4]) {
  for (int r = 0; r < 4; r++) { // $begin:matvec
    out[r] = 0.0;
    for (int c = 0; c < 3; c++) {
      out[r] += W[r][c] * x[c];
    }
  }                             // $end:matvec
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "matvec");
  EXPECT_EQ(I.formula, "out[r] = Σ_c W[r][c]·x[c]");
  EXPECT_EQ(I.description, "a matrix-vector product");
}

TEST(Matvec, BiasAddedAfterTheSum) {
  std::string Code = R"cc(
struct Dense { float w[8][4]; float b[8]; };
void forward(const Dense &d, const float *in, float *out) {
  for (int o = 0; o < 8; ++o) { // $begin:matvec
    float z = 0;
    for (int k = 0; k < 4; ++k) z += d.w[o][k] * in[k];
    out[o] = z + d.b[o];
  }                             // $end:matvec
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "matvec"), "out[o] = Σ_k d.w[o][k]·in[k] + d.b[o]");
}

TEST(Matmul, ThreeLoopsFlattened) {
  std::string Code = R"cc(
void matmul(const float *A, const float *B, float *C, int n, int p, int m) {
  for (int i = 0; i < n; ++i)       // $begin:matmul
    for (int j = 0; j < m; ++j) {
      float acc = 0;
      for (int k = 0; k < p; ++k)
        acc += A[i * p + k] * B[k * m + j];
      C[i * m + j] = acc;
    }                               // $end:matmul
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "matmul");
  EXPECT_EQ(I.formula, "C[i * m + j] = Σ_k A[i * p + k]·B[k * m + j]");
  EXPECT_EQ(I.description, "a matrix-matrix product");
}

TEST(Matmul, OperatorCallAccessors) {
  std::string Code = R"cc(
struct Mat {
  float &operator()(int r, int c);
  float operator()(int r, int c) const;
  int rows, cols;
};
void mul(const Mat &a, const Mat &b, Mat &out) {
  for (int r = 0; r < a.rows; ++r) {      // $begin:matmul
    for (int c = 0; c < b.cols; ++c) {
      out(r, c) = 0;
      for (int k = 0; k < a.cols; ++k)
        out(r, c) += a(r, k) * b(k, c);
    }
  }                                       // $end:matmul
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "matmul"), "out(r, c) = Σ_k a(r, k)·b(k, c)");
}

TEST(Matvec, VectorAtAndLocalIndex) {
  std::string Code = R"cc(
template <class T> struct vector {
  T &at(unsigned long); const T &at(unsigned long) const;
  T &operator[](unsigned long); const T &operator[](unsigned long) const;
};
void apply(const vector<double> &W, const vector<double> &x, vector<double> &y,
           int rows, int cols) {
  for (int i = 0; i < rows; ++i) {     // $begin:matvec
    double s = 0;
    for (int j = 0; j < cols; ++j) {
      int idx = i * cols + j;
      s += W.at(idx) * x[j];
    }
    y[i] = s;
  }                                    // $end:matvec
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  EXPECT_EQ(formulaOf(Code, "matvec"), "y[i] = Σ_j W.at(idx)·x[j]");
}

TEST(Matmul, AttentionScoresAreAProductWithATranspose) {
  // S = Q·Kᵀ: both factors move with the inner index in the same position.
  std::string Code = R"cc(
void scores(const float *Q, const float *K, float *S, int T, int d) {
  for (int t = 0; t < T; t++)          // $begin:matmul
    for (int u = 0; u < T; u++) {
      float dotp = 0;
      for (int e = 0; e < d; e++) dotp += Q[t * d + e] * K[u * d + e];
      S[t * T + u] = dotp;
    }                                  // $end:matmul
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Matmul, IkjOrderTemplateWithHoistedElement) {
  // The i-p-j order sums over the middle loop; the template is analysed
  // through its instantiation.
  std::string Code = R"cc(
template <class T> struct Mat {
  T *data; unsigned long rows, cols;
  T &operator()(unsigned long r, unsigned long c) { return data[r * cols + c]; }
  const T &operator()(unsigned long r, unsigned long c) const { return data[r * cols + c]; }
};
template <class T> void matmul(const Mat<T> &a, const Mat<T> &b, Mat<T> &c) {
  for (unsigned long i = 0; i < a.rows; ++i) {    // $begin:matmul
    for (unsigned long p = 0; p < a.cols; ++p) {
      const T aip = a(i, p);
      for (unsigned long j = 0; j < b.cols; ++j)
        c(i, j) += aip * b(p, j);
    }
  }                                               // $end:matmul
}
template void matmul<float>(const Mat<float> &, const Mat<float> &, Mat<float> &);
)cc";
  EXPECT_TRUE(checkMarkers(Code));
  Idiom I = idiomOf(Code, "matmul");
  // No start value is visible: the code adds the product to c.
  EXPECT_EQ(I.formula, "c(i, j) += Σ_p a(i, p)·b(p, j)");
  EXPECT_EQ(I.evidence, "nested for over i, p, j; accumulates aip * b(p, j) into c(i, j)");
}

TEST(Matmul, GemmInCWithScaledFactors) {
  // darknet's gemm_nn (i-k-j, alpha hoisted) and gemm_nt (scalar sum added).
  std::string Code = R"cc(
void gemm_nn(int M, int N, int K, float ALPHA, float *A, int lda, float *B,
             int ldb, float *C, int ldc) {
  int i, j, k;
  for (i = 0; i < M; ++i) {                     /* $begin:matmul */
    for (k = 0; k < K; ++k) {
      register float A_PART = ALPHA * A[i * lda + k];
      for (j = 0; j < N; ++j) {
        C[i * ldc + j] += A_PART * B[k * ldb + j];
      }
    }
  }                                             /* $end:matmul */
}
void gemm_nt(int M, int N, int K, float ALPHA, float *A, int lda, float *B,
             int ldb, float *C, int ldc) {
  int i, j, k;
  for (i = 0; i < M; ++i) {                     /* $begin:matmul */
    for (j = 0; j < N; ++j) {
      register float sum = 0;
      for (k = 0; k < K; ++k) sum += ALPHA * A[i * lda + k] * B[j * ldb + k];
      C[i * ldc + j] += sum;
    }
  }                                             /* $end:matmul */
}
)cc";
  EXPECT_TRUE(checkMarkers(Code, Lang::C));
  std::string Error;
  std::vector<Idiom> Found = idiomsIn(Code, Lang::C, Error);
  ASSERT_EQ(Found.size(), 2u);
  EXPECT_EQ(Found[0].formula,
            "C[i * ldc + j] += Σ_k ALPHA·A[i * lda + k]·B[k * ldb + j]");
  EXPECT_EQ(Found[1].formula,
            "C[i * ldc + j] += Σ_k ALPHA·A[i * lda + k]·B[j * ldb + k]");
}

TEST(Matvec, OuterProductIsNotAProduct) {
  // dW[i][j] += dy[i] * x[j]: nothing is summed over, it is a rank-1 update.
  std::string Code = R"cc(
void outer(float *dW, const float *dy, const float *x, int n, int m) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) dW[i * m + j] += dy[i] * x[j];
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

TEST(Matvec, InsideAnEpochLoopOnlyTheNestIsReported) {
  std::string Code = R"cc(
void run(const float *W, const float *x, float *y, int n, int epochs) {
  for (int e = 0; e < epochs; ++e) {
    for (int i = 0; i < n; ++i) {   // $begin:matvec
      y[i] = 0;
      for (int j = 0; j < n; ++j) y[i] += W[i * n + j] * x[j];
    }                               // $end:matvec
  }
}
)cc";
  EXPECT_TRUE(checkMarkers(Code));
}

} // namespace
} // namespace tourguide::idioms::test
