// lin: a tiny dense-matrix type and the few operations the rest of the program needs.
// Deliberately plain loops: easy to step through, and the sizes here are small.
#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

namespace lin {

// A row-major matrix: element (r, c) is data[r * cols + c].
template <class T>
struct Mat {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<T> data;

  Mat() = default;
  Mat(std::size_t r, std::size_t c, T fill = T(0)) : rows(r), cols(c), data(r * c, fill) {}

  T &operator()(std::size_t r, std::size_t c) { return data[r * cols + c]; }
  const T &operator()(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
};

// c = a b, with a: n x k, b: k x m, c: n x m. The i-p-j order walks both b and c row by row.
template <class T>
Mat<T> matmul(const Mat<T> &a, const Mat<T> &b) {
  assert(a.cols == b.rows);
  Mat<T> c(a.rows, b.cols);
  for (std::size_t i = 0; i < a.rows; ++i) {
    for (std::size_t p = 0; p < a.cols; ++p) {
      const T aip = a(i, p);
      for (std::size_t j = 0; j < b.cols; ++j)
        c(i, j) += aip * b(p, j);
    }
  }
  return c;
}

template <class T>
Mat<T> transpose(const Mat<T> &a) {
  Mat<T> t(a.cols, a.rows);
  for (std::size_t r = 0; r < a.rows; ++r)
    for (std::size_t c = 0; c < a.cols; ++c)
      t(c, r) = a(r, c);
  return t;
}

// Adds the 1 x cols row `row` to every row of m (broadcasting a bias).
template <class T>
void add_row(Mat<T> &m, const Mat<T> &row) {
  assert(row.rows == 1 && row.cols == m.cols);
  for (std::size_t r = 0; r < m.rows; ++r)
    for (std::size_t c = 0; c < m.cols; ++c)
      m(r, c) += row.data[c];
}

// The 1 x cols row of column sums.
template <class T>
Mat<T> column_sums(const Mat<T> &m) {
  Mat<T> s(1, m.cols);
  for (std::size_t r = 0; r < m.rows; ++r)
    for (std::size_t c = 0; c < m.cols; ++c)
      s.data[c] += m(r, c);
  return s;
}

// Elementwise f(x) over one matrix.
template <class T, class F>
Mat<T> map(const Mat<T> &m, F f) {
  Mat<T> out(m.rows, m.cols);
  for (std::size_t i = 0; i < m.data.size(); ++i)
    out.data[i] = f(m.data[i]);
  return out;
}

// Elementwise f(x, y) over two matrices of the same shape.
template <class T, class F>
Mat<T> zip(const Mat<T> &a, const Mat<T> &b, F f) {
  assert(a.rows == b.rows && a.cols == b.cols);
  Mat<T> out(a.rows, a.cols);
  for (std::size_t i = 0; i < a.data.size(); ++i)
    out.data[i] = f(a.data[i], b.data[i]);
  return out;
}

// Index of the largest entry of row r.
template <class T>
std::size_t row_argmax(const Mat<T> &m, std::size_t r) {
  std::size_t best = 0;
  for (std::size_t c = 1; c < m.cols; ++c)
    if (m(r, c) > m(r, best))
      best = c;
  return best;
}

} // namespace lin
