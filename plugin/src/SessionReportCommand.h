// `tour report FILE.html`: the session as one self-contained HTML page.
#pragma once

#include "CommandBase.h"

#include <memory>

namespace tourguide::plugin {

inline constexpr const char *kReportSyntax = "tour report FILE.html";

TourCommand *makeReportCommand(std::shared_ptr<TourSession> session); // SessionReportCommand.cpp

} // namespace tourguide::plugin
