// The sample repos this build knows, with where their sources and built programs are.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace tourguide::testing {

struct SampleRepo {
  std::string name;
  std::string sourceDir; ///< sample_repos/<name> in the source tree
  std::string binaryDir; ///< where its train, eval and data/ were built
};

const std::vector<SampleRepo> &sampleRepos();

/// gtest prints a test's parameter with this, instead of a hex dump.
inline void PrintTo(const SampleRepo &repo, std::ostream *os) { *os << repo.name; }

} // namespace tourguide::testing
