// Which bytes a summary reads: all of a small array, evenly spaced chunks of a big one.
#include "tourguide/values/ReadPlan.h"

#include <gtest/gtest.h>

using tourguide::values::planReads;
using tourguide::values::ReadPlan;
using tourguide::values::spanOf;

TEST(ReadPlan, SmallContiguousArrayIsOneRead) {
  ReadPlan plan = planReads({4, 8}, {}, 4, 1 << 20);
  ASSERT_EQ(plan.chunks.size(), 1u);
  EXPECT_EQ(plan.chunks[0].count, 32u);
  EXPECT_EQ(plan.chunks[0].offset, 0u);
  EXPECT_FALSE(plan.sampled());
}

TEST(ReadPlan, BigArrayIsSampledAcrossItsWholeLength) {
  ReadPlan plan = planReads({1000000}, {}, 4, 1 << 20);
  EXPECT_TRUE(plan.sampled());
  ASSERT_EQ(plan.chunks.size(), 64u);
  EXPECT_EQ(plan.planned, 64u * 4096);
  EXPECT_LE(plan.planned * 4, 1u << 20);
  EXPECT_EQ(plan.chunks.front().first, 0u);
  EXPECT_EQ(plan.chunks[1].first, 1000000u / 64);
  EXPECT_EQ(plan.chunks.back().first, 1000000u / 64 * 63);
  for (size_t i = 1; i < plan.chunks.size(); ++i)
    EXPECT_GE(plan.chunks[i].first, plan.chunks[i - 1].first + plan.chunks[i - 1].count);
}

TEST(ReadPlan, RowMajorStridesAreContiguous) {
  ReadPlan plan = planReads({3, 4}, {4, 1}, 8, 1 << 20);
  ASSERT_EQ(plan.chunks.size(), 1u);
  EXPECT_EQ(plan.chunks[0].count, 12u);
}

TEST(ReadPlan, TransposedViewReadsItsSpanAndPicksRows) {
  ReadPlan plan = planReads({4, 3}, {1, 4}, 8, 1 << 20);
  EXPECT_TRUE(plan.wholeSpan);
  ASSERT_EQ(plan.chunks.size(), 4u);
  EXPECT_EQ(plan.chunks[1].first, 3u);
  EXPECT_EQ(plan.chunks[1].offset, 1u);
  EXPECT_EQ(plan.chunks[1].stride, 4u);
  EXPECT_EQ(spanOf({4, 3}, {1, 4}), 12u);
}

TEST(ReadPlan, BigStridedViewIsSampledWithinRowsAndWithinBudget) {
  // 4096x4096 doubles transposed: each sampled chunk stays in one row of the view.
  ReadPlan plan = planReads({4096, 4096}, {1, 4096}, 8, 1 << 20);
  EXPECT_TRUE(plan.sampled());
  uint64_t bytes = 0;
  for (const auto &chunk : plan.chunks) {
    EXPECT_LE(chunk.first % 4096 + chunk.count, 4096u);
    bytes += ((chunk.count - 1) * chunk.stride + 1) * 8;
  }
  EXPECT_LE(bytes, (1u << 20) + 64 * 8);
}

TEST(ReadPlan, EmptyAndMismatchedLayouts) {
  EXPECT_TRUE(planReads({0, 5}, {}, 4, 1024).chunks.empty());
  EXPECT_EQ(planReads({2, 2}, {1}, 4, 1024).error, "strides have 1 entries for 2 dimensions");
}
