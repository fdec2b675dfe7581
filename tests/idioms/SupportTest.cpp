// The test harness itself: markers are read as documented and a wrong
// expectation fails.
#include "IdiomTestSupport.h"

namespace tourguide::idioms::test {
namespace {

TEST(Support, MarkersPairUpPerKind) {
  std::string Error;
  std::vector<Marker> M = markersIn("a // $begin:sum\n"
                                    "b // $line:relu $begin:sum\n"
                                    "c // $end:sum\n"
                                    "d // $end:sum\n",
                                    Error);
  EXPECT_EQ(Error, "");
  ASSERT_EQ(M.size(), 3u);
  EXPECT_EQ(M[0].kind, "sum");
  EXPECT_EQ(M[0].beginLine, 1u);
  EXPECT_EQ(M[0].endLine, 4u);
  EXPECT_EQ(M[1].kind, "relu");
  EXPECT_EQ(M[2].beginLine, 2u);
  EXPECT_EQ(M[2].endLine, 3u);
}

TEST(Support, UnmatchedMarkerIsAnError) {
  std::string Error;
  markersIn("x // $end:dot\n", Error);
  EXPECT_EQ(Error, "$end:dot on line 1 has no $begin\n");
}

TEST(Support, WrongLinesFail) {
  std::string Code = R"cc(
float total(const float *x, int n) {
  float s = 0; // $line:sum
  for (int i = 0; i < n; ++i) s += x[i];
  return s;
}
)cc";
  testing::AssertionResult R = checkMarkers(Code);
  EXPECT_FALSE(R);
  EXPECT_NE(std::string(R.message()).find("marked but not found:\n  sum at lines 3-3"),
            std::string::npos)
      << R.message();
}

TEST(Support, CodeThatDoesNotCompileFails) {
  testing::AssertionResult R = checkMarkers("void f() { undeclared(); }\n");
  EXPECT_FALSE(R);
}

} // namespace
} // namespace tourguide::idioms::test
