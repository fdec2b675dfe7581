// Real headers: <math.h> and <vector> through clang's resource directory.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(SystemHeaders, VectorAndCmath) {
  std::string Code = R"cc(
#include <cmath>
#include <vector>
float loss(const std::vector<float> &logits, int label) {
  float m = logits[0];
  for (float v : logits) m = std::max(m, v);       // $begin:logsumexp
  float s = 0;
  for (size_t i = 0; i < logits.size(); ++i) s += std::exp(logits[i] - m);
  float lse = m + std::log(s);                     // $end:logsumexp
  return lse - logits[label];
}
void sgd(std::vector<double> &w, const std::vector<double> &grad, double lr) {
  for (size_t i = 0; i < w.size(); ++i) w[i] -= lr * grad[i]; // $line:sgd_update
}
)cc";
  EXPECT_TRUE(checkMarkers(Code, Lang::Cxx,
                           {"-resource-dir", TOURGUIDE_CLANG_RESOURCE_DIR}));
}

} // namespace
} // namespace tourguide::idioms::test
