// The program the watch tests stop in. main() fills variables of every kind a tour
// watches, computes the numbers the tests expect (means, counts) itself, and calls
// stop_here(), where the tests set their breakpoint and read main()'s frame.
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

struct Point {
  int id;
  float x;
  double y;
  const char *name;
};

struct Sample {
  int label;
  std::vector<float> features;
};

enum class Phase { Train, Eval };

// Changed only by calling bump(): a test checks that reading watches never calls it.
int calls = 0;
int bump() { return ++calls; }

// Where the tests stop. noinline keeps it a real frame above main's.
__attribute__((noinline)) void stop_here() { asm volatile("" ::: "memory"); }

template <typename T> double meanOf(const T *values, size_t count) {
  double sum = 0;
  for (size_t i = 0; i < count; ++i)
    sum += values[i];
  return count ? sum / count : 0;
}

int main() {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();

  int epoch = 3;
  double lr = 0.001;
  bool shuffle = true;
  char grade = 'A';
  const char *tag = "train";
  Phase phase = Phase::Eval;
  int *null_ptr = nullptr;

  std::vector<float> weights = {0.5f, -1.25f, 2.0f, 3.5f, 0.0f, 10.0f};
  double weights_mean = meanOf(weights.data(), weights.size());
  std::vector<double> losses = {1.0, nan, inf, -inf, 2.0, 3.0};
  std::vector<int> labels = {3, 1, 4, 1, 5, 9, 2, 6};
  double labels_mean = meanOf(labels.data(), labels.size());
  std::vector<float> empty;
  std::array<int, 4> shape = {1, 3, 28, 28};
  float bias[3] = {0.1f, 0.2f, 0.3f};
  float grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
  unsigned char pixels[5] = {0, 255, 128, 7, 9};
  char label_name[16] = "cat";

  int n = 10;
  float *data = new float[n];
  for (int i = 0; i < n; ++i)
    data[i] = i * 0.5f;
  double data_mean = meanOf(data, n);

  struct Flags {
    unsigned mode : 3;
    unsigned level : 5;
  } flags{5, 17}; // two bitfields in one storage unit: one address
  Point origin{7, 1.5f, -2.25, "origin"};
  Point *origin_ptr = &origin;
  std::vector<Point> points = {{1, 0.5f, 1.0, "a"}, {2, 1.5f, 2.0, "b"}};

  Sample sample{2, {0.25f, 0.5f, 0.75f, 1.0f}};
  std::vector<std::vector<int>> nested = {{1, 2}, {3}};

  std::string name = "mnist-train";
  std::string long_text(1000, 'x');

  // Bigger than the 1 MiB read limit: the summary samples 262144 floats across the whole
  // vector. The last quarter is 5000 higher, so its maximum is only seen by a sample that
  // reaches the end.
  std::vector<float> big(1000000);
  for (size_t i = 0; i < big.size(); ++i)
    big[i] = static_cast<float>(i % 1000 + (i >= 750000 ? 5000 : 0));
  double big_mean = meanOf(big.data(), big.size());
  double big_min = big[0], big_max = big[0];
  for (float v : big) {
    big_min = v < big_min ? v : big_min;
    big_max = v > big_max ? v : big_max;
  }
  size_t big_size = big.size();

  stop_here();

  delete[] data;
  return epoch + static_cast<int>(lr) + shuffle + grade + tag[0] + static_cast<int>(phase) +
         (null_ptr != nullptr) + static_cast<int>(weights_mean + labels_mean + data_mean) +
         static_cast<int>(losses.size() + empty.size() + shape[0] + bias[0] + grid[0][0]) +
         pixels[0] + label_name[0] + origin_ptr->id + static_cast<int>(points.size()) +
         sample.label + static_cast<int>(nested.size()) + static_cast<int>(flags.mode + flags.level) +
         static_cast<int>(name.size() + long_text.size() + big_mean + big_min + big_max + big_size) + calls;
}
