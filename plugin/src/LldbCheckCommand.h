// `tour check [FILE]`, the LLDB side of checking a tour (`tourguide check` is the source-index
// side; both resolve anchors with tours::resolveAnchor): resolves every stop of a tour against
// the selected target's debug info, the way `tour start` would, but launches nothing and leaves
// no breakpoint behind. Each stop gets one line (how and where it resolved) or a compiler-style
// diagnostic pointing at the stop in the tour file, then a summary "N stops: N ok, N warnings,
// N errors".
#pragma once

#include "CommandBase.h"

#include <memory>

namespace tourguide::plugin {

inline constexpr const char *kCheckSyntax = "tour check [FILE]";

TourCommand *makeCheckCommand(std::shared_ptr<TourSession> session);

} // namespace tourguide::plugin
