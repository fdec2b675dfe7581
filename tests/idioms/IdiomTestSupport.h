//===- IdiomTestSupport.h - Run findIdioms on code held in a string -------===//
//
// Expected idioms are marked in the code itself, in comments:
//   for (...) {   // $begin:matvec
//   }             // $end:matvec
//   y = tanh(x);  // $line:tanh
// checkMarkers() parses the code, runs findIdioms on every function defined
// in it and requires exactly the marked (kind, first line, last line) set.
// Code that does not compile fails the test unless it contains "error-ok".
//
//===----------------------------------------------------------------------===//
#ifndef TOURGUIDE_TESTS_IDIOMS_IDIOMTESTSUPPORT_H
#define TOURGUIDE_TESTS_IDIOMS_IDIOMTESTSUPPORT_H

#include "tourguide/idioms/Idioms.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

namespace tourguide::idioms::test {

enum class Lang { Cxx, C };

/// One line of math declarations to put before code under test, so that the
/// tests do not depend on the host's headers.
inline const std::string MathDecls =
    "double exp(double); float expf(float); double log(double); "
    "float logf(float); double sqrt(double); float sqrtf(float); "
    "double tanh(double); float tanhf(float); double erf(double); "
    "float erff(float); double fmax(double, double); "
    "float fmaxf(float, float); double pow(double, double); "
    "float powf(float, float);\n";

struct Marker {
  std::string kind;
  unsigned beginLine = 0, endLine = 0;
};
/// The `$begin:K` / `$end:K` / `$line:K` markers of Code, in order of their
/// first line. An unmatched marker is reported through Error.
std::vector<Marker> markersIn(const std::string &Code, std::string &Error);

/// Parses Code for x86_64 Linux (C++17, or C11 for Lang::C) and returns the
/// idioms of all functions defined in it, in source order. Sets Error to the
/// compiler's complaint when Code does not compile.
std::vector<Idiom> idiomsIn(const std::string &Code, Lang L, std::string &Error,
                            std::vector<std::string> ExtraArgs = {});

/// The marked idioms and the found ones are the same set.
testing::AssertionResult checkMarkers(const std::string &Code,
                                      Lang L = Lang::Cxx,
                                      std::vector<std::string> ExtraArgs = {});

/// The formula of the one idiom of Kind found in Code ("" and a test failure
/// when there is not exactly one).
std::string formulaOf(const std::string &Code, const std::string &Kind,
                      Lang L = Lang::Cxx);
/// The whole idiom, for tests of description and evidence.
Idiom idiomOf(const std::string &Code, const std::string &Kind,
              Lang L = Lang::Cxx);

} // namespace tourguide::idioms::test

#endif
