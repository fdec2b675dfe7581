#include "tourguide/render/TerminalStyle.h"

#include <lldb/API/SBDebugger.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

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

Style styleFor(lldb::SBDebugger &debugger) {
  TerminalFacts facts;
  if (debugger.IsValid()) {
    facts.lldbUsesColor = debugger.GetUseColor();
    facts.terminalWidth = debugger.GetTerminalWidth();
    FILE *out = debugger.GetOutputFileHandle();
    facts.outputIsTerminal = out && isatty(fileno(out));
  }
  facts.noColorEnv = std::getenv("NO_COLOR");
  facts.termEnv = std::getenv("TERM");
  return decideStyle(facts);
}

} // namespace tourguide::render
