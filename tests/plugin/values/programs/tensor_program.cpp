// The program the tensor tests stop in. It builds values of its own tensor and matrix types
// (described to tourguide by a tour's "types", in the tests), computes the statistics the
// tests expect itself (stored in globals the tests read), stops in stop_here(1), changes some
// of the data by a known amount, records how much, and stops in stop_here(2).
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

struct Tensor {
  float *data;
  int shape[2];
};

namespace lin {
template <typename T> struct Mat {
  int rows;
  int cols;
  std::vector<T> storage;
};
} // namespace lin

// A transposed view: element (i, j) is base[i * strides[0] + j * strides[1]].
struct View {
  double *base;
  long dims[2];
  long strides[2];
};

// Bytes typed by the tour's "dtype", not by the pointer.
struct Blob {
  void *raw;
  unsigned shape[1];
};

struct Stats {
  double min, max, mean, std;
  long nan, inf, count;
};

// Computed by the program over every element, NaN and Inf left out of min/max/mean/std
// (population standard deviation), as tourguide documents it.
Stats small_stats, big_stats, mat_stats, matd_stats, nan_stats, view_stats, blob_stats;
// After the update (between the two stops): mean and max of |after - before|.
double small_change_mean, small_change_max;
long small_changed;
double big_change;

template <typename Get> Stats statsOf(long count, Get get) {
  Stats s{0, 0, 0, 0, 0, 0, count};
  long finite = 0;
  double sum = 0;
  for (long i = 0; i < count; ++i) {
    double v = get(i);
    if (std::isnan(v)) {
      ++s.nan;
    } else if (std::isinf(v)) {
      ++s.inf;
    } else {
      s.min = finite ? std::fmin(s.min, v) : v;
      s.max = finite ? std::fmax(s.max, v) : v;
      sum += v;
      ++finite;
    }
  }
  s.mean = finite ? sum / finite : 0;
  double squares = 0;
  for (long i = 0; i < count; ++i) {
    double v = get(i);
    if (std::isfinite(v))
      squares += (v - s.mean) * (v - s.mean);
  }
  s.std = finite ? std::sqrt(squares / finite) : 0;
  return s;
}

__attribute__((noinline)) void stop_here(int stage) { asm volatile("" ::"r"(stage) : "memory"); }

int main() {
  // 4x8, small enough to be read whole.
  std::vector<float> small_buffer(32);
  for (int i = 0; i < 32; ++i)
    small_buffer[i] = std::sin(0.5f * i) * 2.0f;
  Tensor small{small_buffer.data(), {4, 8}};
  Tensor *small_ptr = &small;
  small_stats = statsOf(32, [&](long i) { return small_buffer[i]; });

  // 1024x1024 floats = 4 MiB: sampled. The upper half is 10 higher, so a sample of the first
  // MiB alone would miss the maximum; each row is 0, 0.001, ... 1.023.
  const long big_count = 1024 * 1024;
  std::vector<float> big_buffer(big_count);
  for (long i = 0; i < big_count; ++i)
    big_buffer[i] = static_cast<float>((i % 1024) * 0.001 + (i >= big_count / 2 ? 10 : 0));
  Tensor big{big_buffer.data(), {1024, 1024}};
  big_stats = statsOf(big_count, [&](long i) { return big_buffer[i]; });

  lin::Mat<float> mat{3, 5, std::vector<float>(15)};
  for (int i = 0; i < 15; ++i)
    mat.storage[i] = 1.5f * i - 7;
  mat_stats = statsOf(15, [&](long i) { return mat.storage[i]; });
  lin::Mat<double> matd{2, 2, {0.25, -0.5, 1e6, 3}};
  matd_stats = statsOf(4, [&](long i) { return matd.storage[i]; });

  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  float with_nan_buffer[6] = {1, nan, 3, inf, -inf, 5};
  Tensor with_nan{with_nan_buffer, {2, 3}};
  nan_stats = statsOf(6, [&](long i) { return with_nan_buffer[i]; });

  double view_buffer[12];
  for (int i = 0; i < 12; ++i)
    view_buffer[i] = i * i;
  View transposed{view_buffer, {4, 3}, {1, 4}}; // the 3x4 row-major buffer, transposed
  view_stats = statsOf(12, [&](long i) { return view_buffer[i]; });

  int blob_buffer[5] = {-2, 7, 100, 0, 40};
  Blob blob{blob_buffer, {5}};
  blob_stats = statsOf(5, [&](long i) { return blob_buffer[i]; });

  Tensor empty{nullptr, {0, 4}};
  Tensor garbage{small_buffer.data(), {-3, 4}};
  Tensor absurd{small_buffer.data(), {2000000000, 2000000000}};
  Tensor dangling{nullptr, {2, 2}};
  lin::Mat<float> short_mat{4, 4, std::vector<float>(3)};

  stop_here(1);

  // The update: every odd element of `small` goes down by 0.25, every element of `big` up by
  // 0.5. The program measures the change the way tourguide's "what changed" line does.
  std::vector<float> before(small_buffer);
  for (int i = 1; i < 32; i += 2)
    small_buffer[i] -= 0.25f;
  small_change_mean = 0, small_change_max = 0, small_changed = 0;
  for (int i = 0; i < 32; ++i) {
    double d = std::fabs(static_cast<double>(small_buffer[i]) - before[i]);
    small_change_mean += d / 32;
    small_change_max = std::fmax(small_change_max, d);
    small_changed += small_buffer[i] != before[i];
  }
  for (long i = 0; i < big_count; ++i)
    big_buffer[i] += 0.5f;
  big_change = 0.5;

  stop_here(2);

  std::printf("%g %g\n", small_stats.mean, big_stats.mean);
  return static_cast<int>(small_ptr->shape[0] + big.shape[0] + empty.shape[0] + garbage.shape[1] +
                          absurd.shape[1] + (dangling.data != nullptr) + short_mat.rows + mat.rows + matd.rows +
                          with_nan.shape[0] + transposed.dims[0] + blob.shape[0]) &
         0;
}
