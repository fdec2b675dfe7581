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
            "changed: mean|\u0394|=0.375 max|\u0394|=1 (2 of 4 elements changed)");
}

TEST(NumericChange, ShapeChange) {
  EXPECT_EQ(describeChange(snapshot({1, 2}), snapshot({1, 2, 3})), "shape changed 2\u21923");
  EXPECT_EQ(describeChange(snapshot({1, 2, 3, 4, 5, 6}, {2, 3}), snapshot({1, 2, 3, 4, 5, 6}, {3, 2})),
            "shape changed 2x3\u21923x2");
}

TEST(NumericChange, OneNumber) {
  NumericSnapshot a = snapshot({0.5}, {}), b = snapshot({0.25}, {});
  a.shape.clear(), b.shape.clear();
  EXPECT_EQ(describeChange(a, b), "changed: 0.5\u21920.25 (\u0394=-0.25)");
}

TEST(NumericChange, NonFiniteChangesAreCountedButNotAveraged) {
  EXPECT_EQ(describeChange(snapshot({1, 2}), snapshot({std::nan(""), 4})),
            "changed: mean|\u0394|=2 max|\u0394|=2 (2 of 2 elements changed)");
}

TEST(NumericChange, SampledValuesCompareTheElementsBothRead) {
  NumericSnapshot a = snapshot({1, 2, 3}, {100}, {0, 50, 99}, 100);
  NumericSnapshot b = snapshot({1, 2, 4}, {100}, {0, 50, 99}, 100);
  EXPECT_EQ(describeChange(a, b),
            "changed: mean|\u0394|=0.333 max|\u0394|=1 (1 of 3 sampled elements changed)");
  NumericSnapshot c = snapshot({7}, {100}, {10}, 100);
  EXPECT_EQ(describeChange(a, c), "not comparable (the two stops read different elements)");
}
