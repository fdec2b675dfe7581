// The globs of framework profiles (`match`, `class`, `paths`): llvm::GlobPattern's syntax, and a
// match that takes at most (name length) x (pattern length) steps. Profiles come from cloned
// repos (.tours/*.profile.json), so a pattern must never be able to stall the indexer.
#include "tourguide/indexer/Profiles.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace tourguide::indexer {
namespace {

bool matches(const std::string &pattern, const std::string &name) {
  auto p = NamePattern::create(pattern);
  if (!p) {
    ADD_FAILURE() << pattern << ": " << llvm::toString(p.takeError());
    return false;
  }
  return (*p)->match(name);
}

TEST(NamePattern, MatchesLikeAShellGlobWithoutPathRules) {
  EXPECT_TRUE(matches("torch::optim::SGD::step", "torch::optim::SGD::step"));
  EXPECT_FALSE(matches("torch::optim::SGD::step", "torch::optim::SGD::step2"));
  EXPECT_TRUE(matches("torch::optim::*::step", "torch::optim::SGD::step"));
  EXPECT_TRUE(matches("torch::optim::*::step", "torch::optim::detail::Adam::step")); // '*' crosses '::'
  EXPECT_FALSE(matches("torch::optim::*::step", "torch::optim::SGD::zero_grad"));
  EXPECT_TRUE(matches("svm_predict*", "svm_predict_probability"));
  EXPECT_TRUE(matches("*/torch/csrc/*", "/usr/include/torch/csrc/api/module.h")); // and '/'
  EXPECT_TRUE(matches("*", ""));
  EXPECT_TRUE(matches("a*", "a"));
  EXPECT_TRUE(matches("[a]**", "a")); // stars at the end match nothing too
  EXPECT_FALSE(matches("a?", "a"));
  EXPECT_TRUE(matches("a?c", "abc"));
  EXPECT_TRUE(matches("*a*b*", "xxaxxbxx"));
  EXPECT_FALSE(matches("*a*b*", "xxbxxaxx"));
  EXPECT_TRUE(matches("*ab", "aab")); // the last '*' gives back what it took
}

TEST(NamePattern, BracketsEscapesAndErrorsAreLlvmGlobPatterns) {
  EXPECT_TRUE(matches("layer[0-9]", "layer7"));
  EXPECT_FALSE(matches("layer[0-9]", "layerx"));
  EXPECT_TRUE(matches("[^a]x", "bx"));
  EXPECT_FALSE(matches("[!a]x", "ax"));
  EXPECT_TRUE(matches("[]]", "]")); // ']' first is a member
  EXPECT_TRUE(matches("[a-]", "-"));
  EXPECT_TRUE(matches("a\\*b", "a*b"));
  EXPECT_FALSE(matches("a\\*b", "axb"));
  auto bad = NamePattern::create("[z-a]");
  ASSERT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()), "invalid glob pattern: [z-a]");
  auto open = NamePattern::create("a[bc");
  ASSERT_FALSE(static_cast<bool>(open));
  EXPECT_EQ(llvm::toString(open.takeError()), "invalid glob pattern: a[bc");
}

// Found by tests/fuzz/ProfileLoaderFuzz.cpp: llvm::GlobPattern (LLVM 14) tries every split of
// the name at every '*', so this pattern against a 64-character name ran for hours.
TEST(NamePattern, ManyStarsDoNotTakeExponentialTime) {
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(matches("*a*a*a*a*a*a*a*a*a*a*c", std::string(64, 'a')));
  EXPECT_TRUE(matches("*a*a*a*a*a*a*a*a*a*a*c", std::string(64, 'a') + "c"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

} // namespace
} // namespace tourguide::indexer
