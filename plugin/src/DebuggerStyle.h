// The annotation's colour and width as the user's LLDB is set up: the facts
// render::decideStyle decides from, read from the debugger and the environment.
#pragma once

#include "tourguide/render/TerminalStyle.h"

#include <lldb/API/SBDebugger.h>

namespace tourguide::render {

/// render::decideStyle() with the facts read from `debugger` (use-color, terminal width,
/// whether its output is a terminal) and the environment (NO_COLOR, TERM). Declared in the
/// render namespace, beside decideStyle, but lives in the plugin: it is the one part of the
/// style that needs LLDB.
Style styleFor(lldb::SBDebugger &debugger);

} // namespace tourguide::render
