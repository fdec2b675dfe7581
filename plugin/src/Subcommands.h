// One small class per `tour` subcommand, each in the file that names it; they share the
// session by reference and the base class's checks. These factories hand them to LLDB, which
// owns the command objects from then on.
#pragma once

#include "CommandBase.h"

#include <memory>

namespace tourguide::plugin {

inline constexpr const char *kStartSyntax = "tour start [--trust] [--from ID|N] FILE";
inline constexpr const char *kGotoSyntax = "tour goto ID|N";
inline constexpr const char *kPlotSyntax = "tour plot [--values] [NAME...]";

TourCommand *makeStartCommand(std::shared_ptr<TourSession> session); // StartCommand.cpp
TourCommand *makeNextCommand(std::shared_ptr<TourSession> session);  // RunCommands.cpp
TourCommand *makeGotoCommand(std::shared_ptr<TourSession> session);  // RunCommands.cpp
TourCommand *makeSyncCommand(std::shared_ptr<TourSession> session);  // RunCommands.cpp
TourCommand *makeShowCommand(std::shared_ptr<TourSession> session);  // InspectCommands.cpp
TourCommand *makeListCommand(std::shared_ptr<TourSession> session);  // InspectCommands.cpp
TourCommand *makeStatusCommand(std::shared_ptr<TourSession> session); // InspectCommands.cpp
TourCommand *makePlotCommand(std::shared_ptr<TourSession> session);   // PlotCommand.cpp
TourCommand *makeEndCommand(std::shared_ptr<TourSession> session);   // EndCommand.cpp

} // namespace tourguide::plugin
