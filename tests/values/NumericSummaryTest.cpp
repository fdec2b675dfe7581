#include "tourguide/values/NumericSummary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace tourguide::values;

namespace {
template <typename T> std::string summarize(const std::vector<T> &values, NumberKind kind,
                                            uint64_t total = 0) {
  NumberFormat format{kind, sizeof(T)};
  return summarizeNumbers(std::to_string(total ? total : values.size()),
                          total ? total : values.size(),
                          reinterpret_cast<const unsigned char *>(values.data()),
                          values.size() * sizeof(T), format);
}
} // namespace

TEST(NumericSummary, Floats) {
  EXPECT_EQ(summarize<float>({1, 2, 3}, NumberKind::Floating),
            "size=3 float32 min=1 max=3 mean=2 std=0.816497 nan=0 inf=0 [1, 2, 3]");
}

TEST(NumericSummary, ListedFloatsAreShorterThanStats) {
  EXPECT_EQ(summarize<double>({2.718281828, 3.141592654}, NumberKind::Floating),
            "size=2 float64 min=2.71828 max=3.14159 mean=2.92994 std=0.211655 nan=0 inf=0 [2.718, 3.142]");
}

TEST(NumericSummary, NanAndInfAreCountedNotAveraged) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(summarize<double>({std::nan(""), 4, -inf, 2}, NumberKind::Floating),
            "size=4 float64 min=2 max=4 mean=3 std=1 nan=1 inf=1 [nan, 4, -inf, 2]");
  EXPECT_EQ(summarize<double>({std::nan(""), inf}, NumberKind::Floating),
            "size=2 float64 (no finite values) nan=1 inf=1 [nan, inf]");
}

TEST(NumericSummary, IntegersAreExact) {
  EXPECT_EQ(summarize<int64_t>({9007199254740993LL, -5}, NumberKind::Signed),
            "size=2 int64 min=-5 max=9.0072e+15 mean=4.5036e+15 std=4.5036e+15 [9007199254740993, -5]");
  EXPECT_EQ(summarize<uint8_t>({0, 200, 255}, NumberKind::Unsigned),
            "size=3 uint8 min=0 max=255 mean=151.667 std=109.57 [0, 200, 255]");
  EXPECT_EQ(summarize<int16_t>({-300, 300}, NumberKind::Signed),
            "size=2 int16 min=-300 max=300 mean=0 std=300 [-300, 300]");
}

TEST(NumericSummary, OnlyTheFirstElementsAreListed) {
  EXPECT_EQ(summarize<int>({1, 2, 3, 4, 5, 6, 7}, NumberKind::Signed),
            "size=7 int32 min=1 max=7 mean=4 std=2 [1, 2, 3, 4, 5, ...]");
}

TEST(NumericSummary, SampledArraysSaySo) {
  EXPECT_EQ(summarize<int>({1, 2, 3}, NumberKind::Signed, 100),
            "size=100 int32 min=1 max=3 mean=2 std=0.816497 [1, 2, 3, ...] (sampled 3 of 100)");
}

TEST(NumericSummary, Bools) {
  bool flags[3] = {true, false, true};
  EXPECT_EQ(summarizeNumbers("3", 3, reinterpret_cast<const unsigned char *>(flags), 3,
                             NumberFormat{NumberKind::Bool, 1}),
            "size=3 bool true=2 [true, false, true]");
}

TEST(NumericSummary, Empty) {
  EXPECT_EQ(summarize<float>({}, NumberKind::Floating), "size=0 []");
}

TEST(NumericSummary, UnsupportedFormat) {
  NumberFormat odd{NumberKind::Signed, 3};
  EXPECT_FALSE(isSupported(odd));
  unsigned char bytes[3] = {};
  EXPECT_EQ(summarizeNumbers("1", 1, bytes, 3, odd), "size=1 (elements of an unsupported number format)");
}

TEST(NumericSummary, NumberFormatting) {
  EXPECT_EQ(formatNumber(0.1f), "0.1");
  EXPECT_EQ(formatNumber(2.458333333), "2.45833");
  EXPECT_EQ(formatNumber(1e6), "1e+06");
  EXPECT_EQ(formatNumber(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(NumericSummary, OnlyElementsInOrderAreListed) {
  // A sample's elements after the first chunk are not the array's next elements.
  int sample[4] = {1, 2, 50, 51};
  EXPECT_EQ(summarizeNumbers("100", 100, reinterpret_cast<const unsigned char *>(sample), 16,
                             NumberFormat{NumberKind::Signed, 4}, 5, /*inOrder=*/2),
            "size=100 int32 min=1 max=51 mean=26 std=24.5051 [1, 2, ...] (sampled 4 of 100)");
}

TEST(NumericSummary, StatisticsComeBeforeTheElements) {
  // A line cut at the terminal's width keeps the numbers the summary is for.
  std::string line = summarize<float>({1.5f, -2, 3, 4, 5, 6, 7}, NumberKind::Floating);
  EXPECT_EQ(line, "size=7 float32 min=-2 max=7 mean=3.5 std=2.81577 nan=0 inf=0 [1.5, -2, 3, 4, 5, ...]");
  EXPECT_LT(line.find(" std="), line.find(" ["));
}

TEST(NumericSummary, ListNumbersHasOnlyTheElements) {
  int values[4] = {1, 2, 3, 4};
  EXPECT_EQ(listNumbers("4", 4, reinterpret_cast<const unsigned char *>(values), 12,
                        NumberFormat{NumberKind::Signed, 4}, 3),
            "size=4 [1, 2, 3, ...]");
  EXPECT_EQ(listNumbers("0", 0, nullptr, 0, NumberFormat{NumberKind::Floating, 4}), "size=0 []");
}

TEST(NumericSummary, TensorLine) {
  float values[6] = {1, 2, 3, 4, 5, 6};
  EXPECT_EQ(summarizeTensor("Tensor", {2, 3}, 6, reinterpret_cast<const unsigned char *>(values),
                            sizeof values, NumberFormat{NumberKind::Floating, 4}),
            "Tensor float32 [2x3] min=1 max=6 mean=3.5 std=1.70783 nan=0 inf=0 [1, 2, 3, 4, 5, ...]");
  EXPECT_EQ(summarizeTensor("lin::Mat<int>", {0, 3}, 0, nullptr, 0, NumberFormat{NumberKind::Signed, 4}),
            "lin::Mat<int> int32 [0x3] (empty)");
}

TEST(NumericSummary, Dtypes) {
  for (const char *name : {"float32", "float64", "int8", "int16", "int32", "int64", "uint8",
                           "uint16", "uint32", "uint64", "bool"}) {
    std::optional<NumberFormat> format = formatOfDtype(name);
    ASSERT_TRUE(format.has_value()) << name;
    EXPECT_EQ(dtypeName(*format), name);
  }
  EXPECT_FALSE(formatOfDtype("float16").has_value());
}
