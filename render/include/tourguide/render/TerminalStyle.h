// Choosing colour and width for the annotation from LLDB's own settings.
#pragma once

#include "tourguide/render/Annotation.h"

namespace lldb {
class SBDebugger;
}

namespace tourguide::render {

/// The facts styleFor decides from, gathered so the decision can be tested alone.
struct TerminalFacts {
  bool lldbUsesColor = false;   ///< debugger.GetUseColor(): LLDB's `use-color` setting.
  bool outputIsTerminal = false; ///< The debugger's output stream is a tty.
  unsigned terminalWidth = 0;   ///< debugger.GetTerminalWidth(); 0 when unknown.
  const char *noColorEnv = nullptr; ///< getenv("NO_COLOR").
  const char *termEnv = nullptr;    ///< getenv("TERM").
};

/// Colour only when LLDB's colour setting is on, the output is a terminal, NO_COLOR is
/// unset or empty (https://no-color.org) and TERM is not "dumb". The width is the
/// terminal's, or 80 when unknown, kept within [20, 1000]. Value lines are cut at the width
/// only on a terminal.
Style decideStyle(const TerminalFacts &facts);

/// decideStyle() with the facts read from `debugger` and the environment.
Style styleFor(lldb::SBDebugger &debugger);

} // namespace tourguide::render
