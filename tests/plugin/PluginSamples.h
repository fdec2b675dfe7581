// The sample repos that are part of this build (generated into PluginSamples.inc by CMake), for
// the tests that play every sample's tours.
#pragma once

#include <ostream>
#include <vector>

namespace tourguide::testing {

struct Sample {
  const char *name, *sourceDir, *buildDir;
};
inline void PrintTo(const Sample &sample, std::ostream *os) { *os << sample.name; }

inline const std::vector<Sample> kSamples = {
#include "PluginSamples.inc"
};

} // namespace tourguide::testing
