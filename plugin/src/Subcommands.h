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
inline constexpr const char *kNewSyntax = "tour new [--title TITLE] [--continue] FILE";
inline constexpr const char *kAddSyntax =
    "tour add [--stage S] [--title T] [--id ID] [--hit N] [--watch a,b] [--text T | --text-file F]";
inline constexpr const char *kEditSyntax = "tour edit ID|N [--here] [--stage S] [--title T] [--id NEW] [--hit N] "
                                           "[--watch a,b] [--text T | --text-file F]";
inline constexpr const char *kRemoveSyntax = "tour remove ID|N";
inline constexpr const char *kMoveSyntax = "tour move ID|N POSITION";
inline constexpr const char *kSaveSyntax = "tour save [FILE]";
inline constexpr const char *kDraftSyntax = "tour draft [--entry NAME] [--timeout SECONDS] [-o FILE] FINDINGS.json";

TourCommand *makeStartCommand(std::shared_ptr<TourSession> session); // StartCommand.cpp
TourCommand *makeNextCommand(std::shared_ptr<TourSession> session);  // RunCommands.cpp
TourCommand *makeGotoCommand(std::shared_ptr<TourSession> session);  // RunCommands.cpp
TourCommand *makeSyncCommand(std::shared_ptr<TourSession> session);  // RunCommands.cpp
TourCommand *makeShowCommand(std::shared_ptr<TourSession> session);  // InspectCommands.cpp
TourCommand *makeListCommand(std::shared_ptr<TourSession> session);  // InspectCommands.cpp
TourCommand *makeStatusCommand(std::shared_ptr<TourSession> session); // InspectCommands.cpp
TourCommand *makePlotCommand(std::shared_ptr<TourSession> session);   // PlotCommand.cpp
TourCommand *makeEndCommand(std::shared_ptr<TourSession> session);   // EndCommand.cpp
TourCommand *makeDraftCommand(std::shared_ptr<TourSession> session); // DraftCommand.cpp

/// The recording commands (RecordCommands.cpp), sharing one recording (Recording.h).
struct RecordCommands {
  TourCommand *newTour, *add, *edit, *remove, *move, *save;
};
RecordCommands makeRecordCommands(std::shared_ptr<TourSession> session);

} // namespace tourguide::plugin
