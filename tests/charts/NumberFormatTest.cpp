#include "tourguide/charts/NumberFormat.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tourguide::charts;

namespace {

TEST(NumberFormat, ThreeSignificantDigitsInTheReadableRange) {
  EXPECT_EQ(formatCompact(0.312), "0.312");
  EXPECT_EQ(formatCompact(0.29834), "0.298");
  EXPECT_EQ(formatCompact(12.345), "12.3");
  EXPECT_EQ(formatCompact(180), "180");
  EXPECT_EQ(formatCompact(123456.7), "123457");
  EXPECT_EQ(formatCompact(0.0012), "0.0012");
  EXPECT_EQ(formatCompact(-2.5), "-2.5");
  EXPECT_EQ(formatCompact(0), "0");
}

TEST(NumberFormat, ShortScientificOutsideIt) {
  EXPECT_EQ(formatCompact(1.2e-5), "1.2e-5");
  EXPECT_EQ(formatCompact(1234567), "1.23e6");
  EXPECT_EQ(formatCompact(-3e-10), "-3e-10");
}

TEST(NumberFormat, NonFiniteValuesAreNamed) {
  EXPECT_EQ(formatCompact(NAN), "nan");
  EXPECT_EQ(formatCompact(INFINITY), "inf");
  EXPECT_EQ(formatCompact(-INFINITY), "-inf");
}

TEST(NumberFormat, ShortenExponent) {
  EXPECT_EQ(shortenExponent("1.20e-03"), "1.20e-3");
  EXPECT_EQ(shortenExponent("1e+06"), "1e6");
  EXPECT_EQ(shortenExponent("5e+00"), "5e0");
  EXPECT_EQ(shortenExponent("42"), "42");
}

} // namespace
