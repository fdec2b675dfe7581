#include "StoppedProgram.h"

#include <gtest/gtest.h>

namespace {

/// Shuts LLDB down once, after every test of the program has run.
class LldbEnvironment : public ::testing::Environment {
public:
  void TearDown() override { lldb::SBDebugger::Terminate(); }
};

[[maybe_unused]] ::testing::Environment *const lldbEnvironment =
    ::testing::AddGlobalTestEnvironment(new LldbEnvironment);

} // namespace
