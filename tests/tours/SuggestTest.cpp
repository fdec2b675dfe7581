#include "tourguide/tours/Suggest.h"

#include <gtest/gtest.h>

namespace tourguide::tours {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(editDistance("", ""), 0u);
  EXPECT_EQ(editDistance("abc", ""), 3u);
  EXPECT_EQ(editDistance("", "abc"), 3u);
  EXPECT_EQ(editDistance("title", "title"), 0u);
  EXPECT_EQ(editDistance("titel", "title"), 2u); // a swap is two edits in Levenshtein
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(editDistance("hits", "hit"), 1u);
}

TEST(ClosestMatch, SuggestsPlausibleTypos) {
  const std::vector<std::string> keys = {"id", "stage", "title", "text", "anchor", "hit", "watch"};
  EXPECT_EQ(closestMatch("titel", keys), "title");
  EXPECT_EQ(closestMatch("Title", keys), "title");
  EXPECT_EQ(closestMatch("watches", keys), "watch");
  EXPECT_EQ(closestMatch("anchr", keys), "anchor");
  EXPECT_EQ(closestMatch("ids", keys), "id");
}

TEST(ClosestMatch, StaysQuietWhenNothingIsClose) {
  const std::vector<std::string> keys = {"id", "stage", "title", "text", "anchor", "hit", "watch"};
  EXPECT_EQ(closestMatch("comment", keys), "");
  EXPECT_EQ(closestMatch("x", keys), "");
  EXPECT_EQ(closestMatch("", keys), "");
  EXPECT_EQ(closestMatch("title", {}), "");
}

TEST(ClosestMatch, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(closestMatch("tex", {"text", "hex"}), "text");
  EXPECT_EQ(closestMatch("tex", {"hex", "text"}), "hex");
}

} // namespace
} // namespace tourguide::tours
