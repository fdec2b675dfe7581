// The tour's text reports: `tour list`, `tour status`, what `tour start` says about stops
// that did not resolve, and the summary when the program ends.
#pragma once

#include "ProcessControl.h"
#include "TourSession.h"

#include <string>

namespace tourguide::plugin {

/// One line per stop: position, id, stage, and where it resolved or why it did not.
std::string listText(const TourSession &session);

/// Tour title, current stop, reached / not yet / unresolved, process state.
std::string statusText(const TourSession &session);

/// The stops that did not resolve (and resolution warnings), for `tour start`; "" if none.
std::string resolutionReport(const TourSession &session);

/// Said when the program exits, crashes or disappears: what was reached, what was not, why.
std::string endSummary(const TourSession &session, const RunOutcome &outcome);

} // namespace tourguide::plugin
