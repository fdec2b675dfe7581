#include "torchlike/random.h"

#include <cmath>

std::uint64_t Rng::next_u64() {
  // splitmix64 (Steele, Lea & Flood, 2014)
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

float Rng::uniform() {
  // The top 24 bits fill a float's mantissa exactly, so the result is never 1.0f.
  return static_cast<float>(next_u64() >> 40) / static_cast<float>(1 << 24);
}

float Rng::uniform(float low, float high) { return low + (high - low) * uniform(); }

float Rng::normal() {
  // Box-Muller; 1 - uniform() is in (0, 1], so the log is finite.
  const float u1 = 1.0f - uniform();
  const float u2 = uniform();
  return std::sqrt(-2.0f * std::log(u1)) * std::cos(6.28318530718f * u2);
}

std::size_t Rng::below(std::size_t n) { return static_cast<std::size_t>(next_u64() % n); }
