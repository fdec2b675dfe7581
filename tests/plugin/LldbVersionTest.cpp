// Which LLDB versions `plugin load` accepts, from the text SBDebugger::GetVersionString gives.
#include "LldbVersion.h"

#include <gtest/gtest.h>

using tourguide::plugin::lldbMajorVersion;
using tourguide::plugin::unsupportedLldb;

TEST(LldbVersion, ReadsTheMajorVersionOfDebianAndUpstreamBuilds) {
  EXPECT_EQ(lldbMajorVersion("lldb version 14.0.6"), 14);
  EXPECT_EQ(lldbMajorVersion("lldb version 16.0.6"), 16);
  EXPECT_EQ(lldbMajorVersion("lldb version 19.1.7\n  clang revision abc\n  llvm revision abc"), 19);
  EXPECT_EQ(lldbMajorVersion("lldb version 18.0.0git (https://github.com/llvm/llvm-project.git revision 1)"), 18);
}

TEST(LldbVersion, NoVersionInTheTextIsNoVersion) {
  EXPECT_EQ(lldbMajorVersion(nullptr), std::nullopt);
  EXPECT_EQ(lldbMajorVersion(""), std::nullopt);
  EXPECT_EQ(lldbMajorVersion("lldb version"), std::nullopt);
  EXPECT_EQ(lldbMajorVersion("lldb version x.1"), std::nullopt);
}

TEST(LldbVersion, AcceptsFourteenAndLater) {
  EXPECT_EQ(unsupportedLldb("lldb version 14.0.0"), std::nullopt);
  EXPECT_EQ(unsupportedLldb("lldb version 15.0.6"), std::nullopt);
  EXPECT_EQ(unsupportedLldb("lldb version 21.1.0"), std::nullopt);
}

TEST(LldbVersion, RefusesOlderOrUnknownWithTheReason) {
  EXPECT_EQ(unsupportedLldb("lldb version 13.0.1\n  clang revision x"),
            "tourguide: the tour plugin needs LLDB 14 or later; this is lldb version 13.0.1. The "
            "plugin is not loaded. Load it in lldb-14 or a later lldb.");
  EXPECT_EQ(unsupportedLldb("something else"),
            "tourguide: the tour plugin needs LLDB 14 or later; cannot tell which LLDB this is "
            "('something else'). The plugin is not loaded. Load it in lldb-14 or a later lldb.");
}
