#include "tourguide/render/TerminalStyle.h"

#include <lldb/API/SBDebugger.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

using namespace tourguide::render;

namespace {
TerminalFacts colourTerminal() {
  TerminalFacts facts;
  facts.lldbUsesColor = true;
  facts.outputIsTerminal = true;
  facts.terminalWidth = 120;
  facts.termEnv = "xterm-256color";
  return facts;
}
} // namespace

TEST(TerminalStyle, ColourWhenLldbSaysSoOnATerminal) {
  Style style = decideStyle(colourTerminal());
  EXPECT_TRUE(style.color);
  EXPECT_EQ(style.width, 120u);
}

TEST(TerminalStyle, NoColourWhenAnyConditionFails) {
  TerminalFacts facts = colourTerminal();
  facts.lldbUsesColor = false;
  EXPECT_FALSE(decideStyle(facts).color);

  facts = colourTerminal();
  facts.outputIsTerminal = false;
  EXPECT_FALSE(decideStyle(facts).color);

  facts = colourTerminal();
  facts.noColorEnv = "1";
  EXPECT_FALSE(decideStyle(facts).color);

  facts = colourTerminal();
  facts.termEnv = "dumb";
  EXPECT_FALSE(decideStyle(facts).color);
}

TEST(TerminalStyle, ValuesAreCutOnlyOnATerminal) {
  TerminalFacts facts = colourTerminal();
  EXPECT_TRUE(decideStyle(facts).cutValues);
  facts.outputIsTerminal = false; // lldb --batch into a pipe or a log
  EXPECT_FALSE(decideStyle(facts).cutValues);
}

TEST(TerminalStyle, EmptyNoColorDoesNotDisableColour) {
  TerminalFacts facts = colourTerminal();
  facts.noColorEnv = "";
  EXPECT_TRUE(decideStyle(facts).color);
}

TEST(TerminalStyle, UnknownOrAbsurdWidths) {
  TerminalFacts facts = colourTerminal();
  facts.terminalWidth = 0;
  EXPECT_EQ(decideStyle(facts).width, 80u);
  facts.terminalWidth = 5;
  EXPECT_EQ(decideStyle(facts).width, 20u);
}

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
