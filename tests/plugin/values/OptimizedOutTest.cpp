// A watch on a variable the optimiser dropped gives a clear error line.
#include "StoppedProgram.h"
#include "tourguide/values/WatchReader.h"

#include <gtest/gtest.h>

using tourguide::testing::StoppedProgram;
using tourguide::values::readWatch;
using tourguide::values::WatchRequest;

TEST(OptimizedOut, GivesAClearErrorLine) {
  StoppedProgram program(OPTIMIZED_PROGRAM_PATH, "stop_here");
  ASSERT_EQ(program.error(), "");
  lldb::SBFrame scaled = program.frame(1);
  ASSERT_STREQ(scaled.GetFunctionName(), "scaled(int)");
  WatchRequest request;
  request.expr = "tripled";
  tourguide::render::WatchLine line = readWatch(scaled, request);
  EXPECT_TRUE(line.error);
  EXPECT_EQ(line.label, "tripled");
  EXPECT_EQ(line.value, "optimized out here (the compiler did not keep it at this point; "
                        "build with -O0 -g to see it)");
}
