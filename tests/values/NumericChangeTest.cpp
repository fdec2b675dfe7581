// describeChange: how the numbers of one watch changed between two stops.
#include "tourguide/values/NumericChange.h"

#include <gtest/gtest.h>

#include <cmath>

using tourguide::values::describeChange;
using tourguide::values::NumericSnapshot;

namespace {
NumericSnapshot snapshot(std::vector<double> values, std::vector<uint64_t> shape = {},
                         std::vector<uint64_t> indices = {}, uint64_t total = 0) {
  NumericSnapshot s;
  s.shape = shape.empty() ? std::vector<uint64_t>{values.size()} : shape;
  s.total = total ? total : values.size();
  s.values = std::move(values);
  s.indices = std::move(indices);
  return s;
}
} // namespace

TEST(NumericChange, Unchanged) {
  EXPECT_EQ(describeChange(snapshot({1, 2, 3}), snapshot({1, 2, 3})), "unchanged");
  EXPECT_EQ(describeChange(snapshot({std::nan("")}), snapshot({std::nan("")})), "unchanged");
}

TEST(NumericChange, MeanAndMaxOfTheAbsoluteDifference) {
  EXPECT_EQ(describeChange(snapshot({1, 2, 3, 4}), snapshot({1, 2.5, 3, 3})),
            "mean|\u0394|=0.375 max|\u0394|=1 (2 of 4 changed)");
}

TEST(NumericChange, ShapeChange) {
  EXPECT_EQ(describeChange(snapshot({1, 2}), snapshot({1, 2, 3})), "shape changed 2\u21923");
  EXPECT_EQ(describeChange(snapshot({1, 2, 3, 4, 5, 6}, {2, 3}), snapshot({1, 2, 3, 4, 5, 6}, {3, 2})),
            "shape changed 2x3\u21923x2");
}

TEST(NumericChange, OneNumber) {
  NumericSnapshot a = snapshot({0.5}, {}), b = snapshot({0.25}, {});
  a.shape.clear(), b.shape.clear();
  EXPECT_EQ(describeChange(a, b), "0.5\u21920.25");
}

TEST(NumericChange, NonFiniteChangesAreCountedButNotAveraged) {
  EXPECT_EQ(describeChange(snapshot({1, 2}), snapshot({std::nan(""), 4})),
            "mean|\u0394|=2 max|\u0394|=2 (2 of 2 changed)");
}

TEST(NumericChange, SampledValuesCompareTheElementsBothRead) {
  NumericSnapshot a = snapshot({1, 2, 3}, {100}, {0, 50, 99}, 100);
  NumericSnapshot b = snapshot({1, 2, 4}, {100}, {0, 50, 99}, 100);
  EXPECT_EQ(describeChange(a, b),
            "mean|\u0394|=0.333 max|\u0394|=1 (1 of 3 sampled changed)");
  NumericSnapshot c = snapshot({7}, {100}, {10}, 100);
  EXPECT_EQ(describeChange(a, c), "not comparable (the two stops read different elements)");
}

namespace {
using tourguide::values::describeMatchedChange;
using tourguide::values::matchSnapshots;
using tourguide::values::NumberKind;
using tourguide::values::SnapshotMatch;

/// A float32 value read in `function` as `key`, at `address` (0: not in memory).
NumericSnapshot at(std::string key, std::string function, uint64_t address,
                   std::vector<double> values, std::string stackOwner = "") {
  NumericSnapshot s = snapshot(std::move(values));
  if (s.total == 1)
    s.shape.clear();
  s.key = std::move(key);
  s.function = std::move(function);
  s.address = address;
  s.format = {NumberKind::Floating, 4};
  s.onStack = !stackOwner.empty();
  s.stackOwner = std::move(stackOwner);
  return s;
}
} // namespace

TEST(SnapshotMatch, TheSameWatchInTheSameFunction) {
  EXPECT_EQ(matchSnapshots(at("epoch", "main", 0x7ffe10, {1}, "main@0x7ffe80"),
                           at("epoch", "main", 0x7ffe10, {2}, "main@0x7ffe80")),
            SnapshotMatch::SameWatch);
  // The same local of another call of the function, deeper in the stack: still that watch.
  EXPECT_EQ(matchSnapshots(at("n", "loader_next", 0x7ffe10, {32}, "loader_next@0x7ffe80"),
                           at("n", "loader_next", 0x7ffd10, {24}, "loader_next@0x7ffd80")),
            SnapshotMatch::SameWatch);
  // A value that is not in memory (a register, an expression's result) matches by name only.
  EXPECT_EQ(matchSnapshots(at("x", "f", 0, {1}), at("x", "f", 0, {2})), SnapshotMatch::SameWatch);
  EXPECT_EQ(matchSnapshots(at("x", "f", 0, {1}), at("x", "g", 0, {2})), SnapshotMatch::None);
}

TEST(SnapshotMatch, APointerThatMovedOnToOtherMemoryIsNotTheSameWatch) {
  // `param->value` in sgd_update's loop over parameters: fc1.w, then fc2.w.
  EXPECT_EQ(matchSnapshots(at("param->value[4]", "sgd_update", 0x5000, {1, 2, 3, 4}),
                           at("param->value[4]", "sgd_update", 0x6000, {5, 6, 7, 8})),
            SnapshotMatch::None);
}

TEST(SnapshotMatch, TheSameHeapOrGlobalMemoryUnderAnotherName) {
  NumericSnapshot momentum = at("param->value[4]", "sgd_update", 0x5000, {1, 2, 3, 4});
  NumericSnapshot checkpoint = at("model->fc1.w[6]", "checkpoint_save", 0x5000, {0, 2, 3, 5, 6, 7});
  ASSERT_EQ(matchSnapshots(momentum, checkpoint), SnapshotMatch::SameMemory);
  // Compared on the 4 elements both watches cover.
  EXPECT_EQ(describeMatchedChange(momentum, checkpoint, SnapshotMatch::SameMemory),
            "mean|\u0394|=0.5 max|\u0394|=1 (2 of first 4 changed)");
  EXPECT_EQ(describeMatchedChange(momentum, at("w[2]", "g", 0x5000, {1, 2}), SnapshotMatch::SameMemory),
            "unchanged (first 2 compared)");
  // A global scalar, read in two functions.
  EXPECT_EQ(describeMatchedChange(at("g_lr", "main", 0x4040, {0.5}), at("lr", "step", 0x4040, {0.25}),
                                  SnapshotMatch::SameMemory),
            "0.5\u21920.25");
  EXPECT_EQ(matchSnapshots(at("g_lr", "main", 0x4040, {0.5}), at("lr", "step", 0x4040, {0.25})),
            SnapshotMatch::SameMemory);
}

TEST(SnapshotMatch, AStackSlotReusedByAnotherCallIsAnotherValue) {
  // loss_of's `sum` and later fill's `i` at the same address: stack reuse, not a change.
  EXPECT_EQ(matchSnapshots(at("sum", "loss_of", 0x7ffe10, {3}, "loss_of@0x7ffe40"),
                           at("i", "fill", 0x7ffe10, {4}, "fill@0x7ffe40")),
            SnapshotMatch::None);
  // The same function called again at another depth: another call, another variable there.
  EXPECT_EQ(matchSnapshots(at("a", "f", 0x7ffe10, {3}, "f@0x7ffe40"),
                           at("b", "f", 0x7ffe10, {4}, "f@0x7ffe50")),
            SnapshotMatch::None);
  // main's local seen from a callee through a pointer: the same call owns it.
  EXPECT_EQ(matchSnapshots(at("cfg.epochs", "main", 0x7ffe10, {12}, "main@0x7fff00"),
                           at("cfg->epochs", "setup", 0x7ffe10, {12}, "main@0x7fff00")),
            SnapshotMatch::SameMemory);
  // Stack memory whose owner is unknown never matches by address.
  NumericSnapshot unknownOwner = at("a", "f", 0x7ffe10, {3});
  unknownOwner.onStack = true;
  NumericSnapshot alsoUnknown = at("b", "g", 0x7ffe10, {3});
  alsoUnknown.onStack = true;
  EXPECT_EQ(matchSnapshots(unknownOwner, alsoUnknown), SnapshotMatch::None);
}

TEST(SnapshotMatch, TheSameAddressNeedsTheSameLayout) {
  NumericSnapshot floats = at("a", "f", 0x5000, {1, 2});
  NumericSnapshot ints = at("b", "g", 0x5000, {1, 2});
  ints.format = {NumberKind::Signed, 4};
  EXPECT_EQ(matchSnapshots(floats, ints), SnapshotMatch::None);
  NumericSnapshot doubles = at("b", "g", 0x5000, {1, 2});
  doubles.format = {NumberKind::Floating, 8};
  EXPECT_EQ(matchSnapshots(floats, doubles), SnapshotMatch::None);
  NumericSnapshot strided = at("b", "g", 0x5000, {1, 2});
  strided.contiguous = false;
  EXPECT_EQ(matchSnapshots(floats, strided), SnapshotMatch::None);
  EXPECT_EQ(describeMatchedChange(floats, floats, SnapshotMatch::None), "");
}

TEST(SnapshotMatch, OneNumberReadsAsBeforeAndAfter) {
  NumericSnapshot a = at("done", "f", 0, {0}), b = at("done", "f", 0, {1});
  a.format = b.format = {NumberKind::Bool, 1};
  EXPECT_EQ(describeMatchedChange(a, b, SnapshotMatch::SameWatch), "false\u2192true");
  // The first element of an array watched alone.
  EXPECT_EQ(describeMatchedChange(at("w[4]", "f", 0x5000, {1, 2, 3, 4}), at("w[0]", "g", 0x5000, {1.5}),
                                  SnapshotMatch::SameMemory),
            "1\u21921.5");
}
