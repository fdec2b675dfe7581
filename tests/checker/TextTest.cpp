// The text helpers behind the checker: whitespace-blind patterns, approximate matching,
// template-argument stripping and layout-blind body tokens.
#include "tourguide/checker/Similarity.h"
#include "tourguide/checker/SourceIndex.h"

#include <gtest/gtest.h>

namespace tourguide::checker {
namespace {

TEST(CollapseWhitespace, RunsBecomeOneSpaceAndEndsAreTrimmed) {
  EXPECT_EQ(collapseWhitespace("\t  w[i]   -=\tlr *  g[i];  "), "w[i] -= lr * g[i];");
  EXPECT_EQ(collapseWhitespace(""), "");
}

TEST(ClosestSubstring, FindsAnExactPartOfALine) {
  SubstringMatch m = closestSubstring("lr * g", "w[i] -= lr * g[i];");
  EXPECT_EQ(m.distance, 0u);
  EXPECT_EQ(std::string("w[i] -= lr * g[i];").substr(m.begin, m.end - m.begin), "lr * g");
}

TEST(ClosestSubstring, CountsTheEditsOfARenamedVariable) {
  SubstringMatch m = closestSubstring("w[j] -= lr_ * v[j];", "w[j] -= lr_ * vel[j];");
  EXPECT_EQ(m.distance, 2u);
  EXPECT_EQ(m.begin, 0u);
  EXPECT_EQ(m.end, 21u);
}

TEST(StripTemplateArguments, RemovesEveryArgumentList) {
  EXPECT_EQ(stripTemplateArguments("gf::Layered<float>::apply"), "gf::Layered::apply");
  EXPECT_EQ(stripTemplateArguments("a::B<std::vector<int>, 3>::C<T>::f"), "a::B::C::f");
  EXPECT_EQ(stripTemplateArguments("main"), "main");
}

TEST(StripTemplateArguments, LeavesComparisonOperatorsAlone) {
  EXPECT_EQ(stripTemplateArguments("lin::Mat<float>::operator<"), "lin::Mat::operator<");
  EXPECT_EQ(stripTemplateArguments("operator<<"), "operator<<");
}

TEST(NormalizeTokens, IgnoresLayoutAndComments) {
  std::string a = "{\n  int x = a->b + 1; // one\n  return x;\n}";
  std::string b = "{ int x=a->b+1; /* other */ return   x; }";
  EXPECT_EQ(normalizeTokens(a), normalizeTokens(b));
  EXPECT_EQ(normalizeTokens(a), "{ int x = a -> b + 1 ; return x ; }");
}

TEST(NormalizeTokens, KeepsStringsAndNumbersWhole) {
  EXPECT_EQ(normalizeTokens("printf(\"a  b\", 1.5e3f);"), "printf ( \"a  b\" , 1.5e3f ) ;");
}

TEST(TokenSimilarity, IsOneForTheSameTokensAndFallsWithDifferences) {
  EXPECT_DOUBLE_EQ(tokenSimilarity("a + b ;", "a + b ;"), 1.0);
  EXPECT_DOUBLE_EQ(tokenSimilarity("a + b ;", "a + c ;"), 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(tokenSimilarity("x", "y"), 0.0);
}

} // namespace
} // namespace tourguide::checker
