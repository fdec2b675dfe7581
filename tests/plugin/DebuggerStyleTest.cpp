#include "DebuggerStyle.h"

#include <lldb/API/SBDebugger.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

using namespace tourguide::render;

// styleFor() against a real (in-process) debugger: it must follow LLDB's own settings.
TEST(TerminalStyle, StyleForFollowsTheDebuggerSettings) {
  lldb::SBDebugger::Initialize();
  lldb::SBDebugger debugger = lldb::SBDebugger::Create(false);
  debugger.SetTerminalWidth(77);
  debugger.SetUseColor(false);
  Style style = styleFor(debugger);
  EXPECT_EQ(style.width, 77u);
  EXPECT_FALSE(style.color);
  // Colour on in LLDB, but the test's output is not a terminal here: still no colour.
  debugger.SetUseColor(true);
  FILE *out = debugger.GetOutputFileHandle();
  if (!out || !isatty(fileno(out))) {
    EXPECT_FALSE(styleFor(debugger).color);
  }
  lldb::SBDebugger::Destroy(debugger);
  lldb::SBDebugger::Terminate();
}
