#include "DebuggerStyle.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace tourguide::render {

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
