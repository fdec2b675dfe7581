// When a `tour` command that moves the program waits for the stop, and when it returns while
// the program runs (an editor's debug adapter): plugin/src/ResumeMode.h.
#include "ResumeMode.h"

#include <gtest/gtest.h>

using tourguide::plugin::chooseResumeMode;
using tourguide::plugin::isLldbDriverName;
using tourguide::plugin::ResumeContext;
using tourguide::plugin::ResumeMode;

TEST(ResumeMode, ADebugAdapterThatTakesTheEventsGetsTheCommandBackAtOnce) {
  ResumeContext adapter{/*asynchronous=*/true, /*lldbDriver=*/false, /*eventsTaken=*/true};
  EXPECT_EQ(chooseResumeMode(adapter), ResumeMode::ReturnWhileRunning);
}

TEST(ResumeMode, LldbsOwnDriverWaitsAndPrintsTheStop) {
  // An interactive lldb is asynchronous and its event thread takes the events; `lldb --batch`
  // and commands piped into lldb too: each prints what the command returns.
  EXPECT_EQ(chooseResumeMode({true, true, true}), ResumeMode::WaitForStop);
  EXPECT_EQ(chooseResumeMode({false, true, true}), ResumeMode::WaitForStop);
}

TEST(ResumeMode, NobodyToSeeTheStopMeansWaitingForIt) {
  // A program driving LLDB through the SB API without an event loop (the plugin's own tests),
  // and any synchronous debugger (an adapter's launch phase).
  EXPECT_EQ(chooseResumeMode({true, false, false}), ResumeMode::WaitForStop);
  EXPECT_EQ(chooseResumeMode({false, false, true}), ResumeMode::WaitForStop);
  EXPECT_EQ(chooseResumeMode({false, false, false}), ResumeMode::WaitForStop);
}

TEST(ResumeMode, TellsLldbsDriverFromTheOtherLldbPrograms) {
  EXPECT_TRUE(isLldbDriverName("lldb"));
  EXPECT_TRUE(isLldbDriverName("lldb-14"));
  EXPECT_TRUE(isLldbDriverName("lldb-16.0"));
  EXPECT_FALSE(isLldbDriverName("lldb-vscode"));
  EXPECT_FALSE(isLldbDriverName("lldb-vscode-14"));
  EXPECT_FALSE(isLldbDriverName("lldb-dap"));
  EXPECT_FALSE(isLldbDriverName("lldb-server"));
  EXPECT_FALSE(isLldbDriverName("codelldb"));
  EXPECT_FALSE(isLldbDriverName("lldb-"));
  EXPECT_FALSE(isLldbDriverName("python3.11"));
  EXPECT_FALSE(isLldbDriverName(""));
}
