// Choosing colour and width for the annotation from the terminal's and LLDB's settings.
// The facts are gathered by the caller (the plugin reads them from LLDB: styleFor in
// plugin/src/DebuggerStyle.h), so this library needs no debugger.
#pragma once

#include "tourguide/render/Annotation.h"

namespace tourguide::render {

/// The facts the style is decided from, gathered so the decision can be tested alone.
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

} // namespace tourguide::render
