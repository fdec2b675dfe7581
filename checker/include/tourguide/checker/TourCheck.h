// Checking (and with --fix, repairing) whole tour files: every stop, and every collected series
// with an anchor of its own, resolved against the sources, each problem placed at the anchor
// field it is about.
#pragma once

#include "tourguide/checker/StopCheck.h"
#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/Tour.h"

#include <map>
#include <string>
#include <vector>

namespace tourguide::checker {

/// What an anchor belongs to: a stop, or a collected series (a top-level collect item, or a
/// stop's collect item that gives its own anchor; one without is collected at its stop's anchor
/// and has nothing of its own to check).
enum class AnchorOwner { Stop, Series };

/// One checked anchor.
struct AnchorReport {
  AnchorOwner owner = AnchorOwner::Stop;
  std::string id;              ///< The stop's id, or the series' name.
  std::string title;           ///< The stop's title, or the series' label.
  std::string stopId;          ///< A series in a stop's collect: that stop's id; else "".
  size_t index = 0;            ///< Position in "stops", or in the series' collect array.
  std::string pointer;         ///< JSON Pointer of the stop or collect item: "/stops/3", "/collect/0",
                               ///< "/stops/3/collect/1". Its anchor is at pointer + "/anchor".
  tours::FilePos stopPos;      ///< The stop (or collect item) object in the tour file.
  tours::FilePos anchorPos;    ///< The anchor object.
  std::map<std::string, tours::FilePos> fieldPos; ///< Value position of each anchor field present.
  StopCheck check;             ///< As the sources are now (after --fix: with the repairs applied).
  std::vector<Repair> applied; ///< Repairs --fix wrote.
  StopCheck before;            ///< When repairs were applied: the check before them.

  bool isSeries() const { return owner == AnchorOwner::Series; }
  /// "stop 'id' (\"title\")" or "series 'name'", as diagnostics name it.
  std::string describe() const;
  /// Where a finding about `field` points: the field's value, else the anchor, else the stop.
  tours::FilePos positionOf(const std::string &field) const;
};

/// Most anchors are stops'; the name predates series.
using StopReport = AnchorReport;

struct TourReport {
  std::string path;               ///< As given on the command line.
  std::string repoRoot;
  tours::Diagnostics loadErrors;  ///< Set when the tour file itself is invalid (no stops checked).
  std::vector<AnchorReport> stops;
  std::vector<AnchorReport> series; ///< Top-level series first, then the stops' ones, in file order.
  bool rewritten = false;         ///< --fix wrote the file.
  std::string writeError;         ///< --fix could not write the file.

  /// Every checked anchor: the stops, then the series.
  std::vector<const AnchorReport *> anchors() const;
  unsigned errors() const;
  unsigned warnings() const;
};

struct CheckOptions {
  bool fix = false; ///< Rewrite the tour in place where the repair is unambiguous.
};

/// The absolute repo root of the tour at `path`, or "" when it does not load.
std::string tourRepoRoot(const std::string &path);

TourReport checkTourFile(const std::string &path, const SourceIndex &index, SourceFiles &files,
                         const CheckOptions &options);

/// Exit code over several tours (cli/include/tourguide/cli/ExitCode.h): 0 no errors (warnings
/// allowed), 1 some tour has errors.
int exitCodeFor(const std::vector<TourReport> &reports);

/// Compiler-style text: "tour:line:col: error: stop 'id' (\"title\"): message" lines (or
/// "series 'name'" for a series) with "note:" lines for the candidates, "fixed:" lines for what
/// --fix changed.
std::string formatText(const std::vector<TourReport> &reports);

/// One JSON object per stop and per series (kind, status, resolved form, location, findings,
/// candidates, fixes), all in the "stops" array.
std::string formatJson(const std::vector<TourReport> &reports);

} // namespace tourguide::checker
