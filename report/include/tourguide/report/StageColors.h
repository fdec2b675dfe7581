// The colour of a stage badge: fixed for the known stages, stable per name for a team's own.
#pragma once

#include <string>

namespace tourguide::report {

struct StageColor {
  const char *foreground, *background; ///< CSS colours (#rrggbb), never from the tour.
};

StageColor stageColor(const std::string &stage);

} // namespace tourguide::report
