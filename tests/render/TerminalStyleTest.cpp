#include "tourguide/render/TerminalStyle.h"

#include <gtest/gtest.h>

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
