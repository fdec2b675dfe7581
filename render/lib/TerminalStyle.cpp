#include "tourguide/render/TerminalStyle.h"

#include <algorithm>
#include <cstring>

namespace tourguide::render {

Style decideStyle(const TerminalFacts &facts) {
  Style style;
  bool noColorAsked = facts.noColorEnv && facts.noColorEnv[0] != '\0';
  bool dumbTerminal = facts.termEnv && std::strcmp(facts.termEnv, "dumb") == 0;
  style.color = facts.lldbUsesColor && facts.outputIsTerminal && !noColorAsked && !dumbTerminal;
  unsigned width = facts.terminalWidth ? facts.terminalWidth : 80;
  style.width = std::clamp(width, 20u, 1000u);
  style.cutValues = facts.outputIsTerminal;
  return style;
}

} // namespace tourguide::render
