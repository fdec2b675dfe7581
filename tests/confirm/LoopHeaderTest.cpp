// What a for loop's header says about its passes (parseLoopHeader): only what can be read at
// the stop without running the program's code.
#include "tourguide/confirm/CandidateBreakpoints.h"

#include <gtest/gtest.h>

namespace tourguide::confirm {
namespace {

TEST(LoopHeader, CounterBoundAndStep) {
  auto h = parseLoopHeader("  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->counter, "epoch");
  EXPECT_EQ(h->bound, "cfg.epochs");
  EXPECT_EQ(h->step, 1);
  EXPECT_FALSE(h->inclusive);

  h = parseLoopHeader("for (i = 1; i <= net->n_layers; i += 2)");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->bound, "net->n_layers");
  EXPECT_TRUE(h->inclusive);
  EXPECT_EQ(h->step, 2);

  h = parseLoopHeader("for (size_t b = 0; 100 > b; b++)");
  ASSERT_TRUE(h) << "the counter on the right";
  EXPECT_EQ(h->counter, "b");
  EXPECT_EQ(h->bound, "100");

  h = parseLoopHeader("for (int k = n; k > 0; k--)");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->step, -1);
}

TEST(LoopHeader, WhatCannotBeReadWithoutRunningCodeIsNothing) {
  EXPECT_FALSE(parseLoopHeader("for (int i = 0; i < v.size(); ++i)")) << "a call in the bound";
  EXPECT_FALSE(parseLoopHeader("for (auto &x : xs)")) << "range-based";
  EXPECT_FALSE(parseLoopHeader("while (epoch < epochs)"));
  EXPECT_FALSE(parseLoopHeader("for (;;)"));
  EXPECT_FALSE(parseLoopHeader("for (int i = 0; i < n; i = next(i))")) << "no constant step";
  EXPECT_FALSE(parseLoopHeader("for (int i = 0; i < n; --i)")) << "counts away from its bound";
  EXPECT_FALSE(parseLoopHeader("for (it = l.begin(); it != l.end(); ++it)"));
  EXPECT_FALSE(parseLoopHeader("for (int i = 0; i < (n << 1); ++i)"));
  EXPECT_FALSE(parseLoopHeader("formula(x); for_each(a)"));
}

} // namespace
} // namespace tourguide::confirm
