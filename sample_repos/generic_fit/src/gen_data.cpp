// gen_data OUT_DIR: writes OUT_DIR/train.csv and OUT_DIR/test.csv, synthetic readings of six
// sensors on a machine in one of four states. Deterministic: the same files on every run.
//
// Each state has a typical reading; the noise around it is correlated through one shared "load"
// factor (a busier machine runs hotter, draws more current and is louder at the same time), so
// the states overlap and no single sensor separates them.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <sys/stat.h>

namespace {

constexpr int kSensors = 6;
constexpr int kStates = 4;

const char *const kSensorNames[kSensors] = {"temperature_c", "vibration_mm_s", "current_a",
                                             "pressure_bar",  "speed_rpm",      "noise_db"};
// idle, nominal, overloaded, worn bearing
const double kTypical[kStates][kSensors] = {
    {40.0, 0.8, 2.0, 1.0, 300.0, 55.0},
    {55.0, 1.5, 8.0, 3.0, 1450.0, 68.0},
    {64.0, 2.0, 10.5, 3.3, 1380.0, 72.0},
    {59.0, 2.6, 8.6, 3.0, 1430.0, 73.0},
};
const double kSpread[kSensors] = {5.0, 0.55, 1.6, 0.5, 120.0, 3.2};
// How strongly each sensor follows the shared load factor (the rest is its own noise).
const double kLoadShare[kSensors] = {0.6, 0.4, 0.7, 0.5, -0.3, 0.5};
// Cumulative share of each state among the readings.
const double kCumulativeShare[kStates] = {0.25, 0.60, 0.80, 1.00};

// Our own uniform and normal draws from the raw mt19937 stream, so the files are byte-identical
// with every standard library.
class Draws {
public:
  explicit Draws(std::uint32_t seed) : rng_(seed) {}
  double uniform() { return (double(rng_()) + 0.5) / 4294967296.0; }
  double normal() {
    const double u = uniform(), v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }

private:
  std::mt19937 rng_;
};

bool write_split(const std::string &path, int rows, std::uint32_t seed) {
  std::FILE *f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::fprintf(stderr, "gen_data: cannot write %s\n", path.c_str());
    return false;
  }
  Draws draw(seed);
  std::fprintf(f, "# synthetic machine sensor readings; last column: 0 idle, 1 nominal, "
                  "2 overloaded, 3 worn bearing\n");
  for (int s = 0; s < kSensors; ++s)
    std::fprintf(f, "%s,", kSensorNames[s]);
  std::fprintf(f, "state\n");
  for (int r = 0; r < rows; ++r) {
    const double pick = draw.uniform();
    int state = 0;
    while (state < kStates - 1 && pick > kCumulativeShare[state])
      ++state;
    const double load = draw.normal();
    for (int s = 0; s < kSensors; ++s) {
      const double own = draw.normal();
      const double share = kLoadShare[s];
      const double noise = share * load + std::sqrt(1.0 - share * share) * own;
      std::fprintf(f, "%.3f,", kTypical[state][s] + kSpread[s] * noise);
    }
    std::fprintf(f, "%d\n", state);
  }
  return std::fclose(f) == 0;
}

} // namespace

int main(int argc, char **argv) {
  const std::string dir = argc > 1 ? argv[1] : "data";
  ::mkdir(dir.c_str(), 0755); // fine if it exists already
  if (!write_split(dir + "/train.csv", 1600, 20240611u) ||
      !write_split(dir + "/test.csv", 600, 771u))
    return 1;
  std::printf("gen_data: wrote %s/train.csv and %s/test.csv\n", dir.c_str(), dir.c_str());
  return 0;
}
