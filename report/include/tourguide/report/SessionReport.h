// A played tour session as plain data, and the self-contained HTML page made from it
// (`tour report FILE.html`). Everything in a record comes from an untrusted tour or program
// and is escaped on the way out.
#pragma once

#include "tourguide/charts/Series.h"

#include <cstddef>
#include <string>
#include <vector>

namespace tourguide::report {

/// One watched expression as shown at a stop: `value` is the formatted text, or the reason it
/// could not be read when `error` is set; `change` how it changed since an earlier stop
/// ("Δ since stop 3 (init): 0.5→0.25"), empty when nothing earlier matched.
struct WatchValue {
  std::string label, value;
  bool error = false;
  std::string change{};
};

/// One stop of the tour, whether or not the program reached it.
struct StopRecord {
  std::string id, stage, title, markdown, file;
  unsigned line = 0;             ///< The stop's line in `file` (1-based; 0 when unknown).
  size_t index = 0, total = 0;   ///< 1-based position in the tour, and the number of stops.
  std::vector<std::string> sourceLines; ///< An excerpt of `file`...
  unsigned firstSourceLine = 0;         ///< ...starting at this line number.
  std::vector<WatchValue> watches;
  std::string reachedAt; ///< ISO 8601 time of the stop, when reached.
  bool reached = false;
  std::string whyNotReached; ///< For an unreached stop: "the program exited first", ...
};

struct SessionRecord {
  std::string tourTitle, tourDescription, tourFile, program;
  std::vector<std::string> args;
  std::vector<StopRecord> stops;
  std::vector<charts::Series> series;
  std::string endedHow; ///< "exited with status 0", "still running", ...
};

/// The whole page: inline CSS and SVG only, no script, no external resource. Never throws
/// (on a failure it returns a short page that says what went wrong).
std::string renderHtml(const SessionRecord &session);

/// Renders the page and writes it to `path` atomically (a temporary file in the same folder,
/// then rename). Returns an empty string on success, otherwise why it failed.
std::string writeHtmlReport(const SessionRecord &session, const std::string &path);

} // namespace tourguide::report
