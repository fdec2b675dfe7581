// Finding and reading the test corpus and the sample repos' tours.
#pragma once

#include <string>
#include <vector>

namespace tourguide::tours::test {

/// Sorted paths of the *.json files directly in `dir` (none when it does not exist).
std::vector<std::string> jsonFilesIn(const std::string &dir);

/// corpus/good/*.json and corpus/bad/*.json.
std::vector<std::string> goodCorpus();
std::vector<std::string> badCorpus();

/// sample_repos/*/.tours/*.json as they exist when the test runs.
std::vector<std::string> sampleTours();

/// The file's bytes; an empty string when it cannot be read.
std::string readFile(const std::string &path);

/// A gtest parameter name for a file: "bad/hit-zero.json" -> "hit_zero"; with `withFolder`,
/// the folder above is prefixed ("mlp_c/.tours/train.json" -> "mlp_c_train").
std::string testNameFor(const std::string &path, bool withFolder = false);

/// "dir/name.json" -> "dir/name.expected".
std::string expectedPathFor(const std::string &jsonPath);

} // namespace tourguide::tours::test
