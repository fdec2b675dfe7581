#include "TestCode.h"

#include "tourguide/indexer/FactExtractor.h"
#include "tourguide/indexer/StageRules.h"

#include <sstream>

namespace tourguide::indexer::test {

const char *const kTinyTrainingProgram = R"(#include <math.h>
static float W[4], x[2], y[2], g[4];
static int t[2];
static void forward(void) {
  for (int i = 0; i < 2; ++i) { y[i] = 0; for (int j = 0; j < 2; ++j) y[i] += W[i * 2 + j] * x[j]; }
}
static float loss_of(void) {
  float total = 0;
  for (int i = 0; i < 2; ++i) total -= logf(y[t[i]]);
  return total;
}
static void update(float lr) {
  for (int i = 0; i < 4; ++i) W[i] -= lr * g[i];
}
int main(void) {
  float loss = 0;
  for (int epoch = 0; epoch < 3; ++epoch) {
    forward();
    loss = loss_of();
    update(0.1f);
  }
  return loss > 0;
}
)";

std::vector<std::string> cFlags() { return {"-target", "x86_64-linux-gnu", "-xc", "-std=c11"}; }
std::vector<std::string> cxxFlags() { return {"-target", "x86_64-linux-gnu", "-xc++", "-std=c++17"}; }

TUFacts parse(const std::string &code, bool cxx, const std::string &fileName, bool errorOk) {
  std::string name = fileName.empty() ? (cxx ? "input.cc" : "input.c") : fileName;
  TUFacts tu = extractFactsFromCode(code, cxx ? cxxFlags() : cFlags(), name);
  if (!errorOk) {
    EXPECT_EQ(tu.errorCount, 0u) << "test code in " << name << " does not compile";
  }
  return tu;
}

const FunctionFacts *functionAtLine(const TUFacts &tu, unsigned line) {
  for (const FunctionFacts &f : tu.functions)
    if (f.line == line)
      return &f;
  return nullptr;
}

const FunctionFacts *functionNamed(const TUFacts &tu, const std::string &qualifiedName) {
  for (const FunctionFacts &f : tu.functions)
    if (f.qualifiedName == qualifiedName && !f.isLambda)
      return &f;
  return nullptr;
}

testing::AssertionResult expectStages(const std::string &code, bool cxx) {
  TUFacts tu = parse(code, cxx);
  std::istringstream in(code);
  std::string line, failures;
  unsigned checked = 0;
  for (unsigned n = 1; std::getline(in, line); ++n) {
    for (const char *marker : {"// expect: stage=", "// expect-not: stage="}) {
      size_t at = line.find(marker);
      if (at == std::string::npos)
        continue;
      bool want = std::string(marker).find("-not") == std::string::npos;
      std::string stage = line.substr(at + strlen(marker));
      stage = stage.substr(0, stage.find_first_of(" \t"));
      ++checked;
      const FunctionFacts *fn = functionAtLine(tu, n);
      if (!fn) {
        failures += "input:" + std::to_string(n) + ": no function named on this line\n";
        continue;
      }
      std::string got;
      bool has = false;
      for (const StageMatch &m : functionStages(*fn)) {
        got += " " + m.stage;
        has |= m.stage == stage;
      }
      if (has != want)
        failures += "input:" + std::to_string(n) + ": " + fn->qualifiedName + ": expected " +
                    (want ? "" : "no ") + "stage=" + stage + ", got [" + got + " ]\n";
    }
  }
  if (checked == 0)
    return testing::AssertionFailure() << "no expect markers in the test code";
  if (!failures.empty())
    return testing::AssertionFailure() << failures;
  return testing::AssertionSuccess();
}

} // namespace tourguide::indexer::test
