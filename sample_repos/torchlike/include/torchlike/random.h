#pragma once

#include <cstddef>
#include <cstdint>

// A small deterministic random generator (splitmix64). std::mt19937 is deterministic too, but the
// standard distributions are not the same across standard libraries; this one is, so the data
// set, the initial weights and the shuffling order are identical on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next_u64();
  float uniform();                      // in [0, 1)
  float uniform(float low, float high);  // in [low, high)
  float normal();                       // mean 0, standard deviation 1
  std::size_t below(std::size_t n);     // in [0, n)

 private:
  std::uint64_t state_;
};
