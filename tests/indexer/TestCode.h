// Helpers for indexer tests on code held in strings. Expectations live in the code:
//   int sgd(float *w) {   // expect: stage=optimizer
//   int fwd(float *x) {   // expect-not: stage=optimizer
// on the line of a function's name; see expectStages().
#pragma once

#include "tourguide/indexer/Facts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tourguide::indexer::test {

/// Flags for C and C++ test code: an explicit target keeps the host toolchain out.
std::vector<std::string> cFlags();
std::vector<std::string> cxxFlags();

/// A small C training program (forward, loss, update in an epoch loop) for the draft tests.
extern const char *const kTinyTrainingProgram;

/// Parses `code`; fails the test when it does not compile (unless errorOk).
TUFacts parse(const std::string &code, bool cxx = false, const std::string &fileName = "",
              bool errorOk = false);

/// The function whose name is on `line`, or nullptr.
const FunctionFacts *functionAtLine(const TUFacts &tu, unsigned line);
const FunctionFacts *functionNamed(const TUFacts &tu, const std::string &qualifiedName);

/// Checks every `// expect: stage=S` and `// expect-not: stage=S` marker in `code` against
/// functionStages() of the function named on that line. Each miss names the line.
testing::AssertionResult expectStages(const std::string &code, bool cxx);

} // namespace tourguide::indexer::test
