// Checking (and with --fix, repairing) whole tour files: every stop resolved against the
// sources, each problem placed at the anchor field it is about.
#pragma once

#include "tourguide/checker/StopCheck.h"
#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/Tour.h"

#include <string>
#include <vector>

namespace tourguide::checker {

struct StopReport {
  std::string id, title;
  size_t index = 0;            ///< Position in "stops".
  tours::FilePos stopPos;      ///< The stop object in the tour file.
  tours::FilePos anchorPos;    ///< The anchor object.
  std::map<std::string, tours::FilePos> fieldPos; ///< Value position of each anchor field present.
  StopCheck check;             ///< As the sources are now (after --fix: with the repairs applied).
  std::vector<Repair> applied; ///< Repairs --fix wrote.
  StopCheck before;            ///< When repairs were applied: the check before them.

  /// Where a finding about `field` points: the field's value, else the anchor, else the stop.
  tours::FilePos positionOf(const std::string &field) const;
};

struct TourReport {
  std::string path;               ///< As given on the command line.
  std::string repoRoot;
  tours::Diagnostics loadErrors;  ///< Set when the tour file itself is invalid (no stops checked).
  std::vector<StopReport> stops;
  bool rewritten = false;         ///< --fix wrote the file.
  std::string writeError;         ///< --fix could not write the file.

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

/// Exit code over several tours: 0 clean, 1 warnings only, 2 errors.
int exitCodeFor(const std::vector<TourReport> &reports);

/// Compiler-style text: "tour:line:col: error: stop 'id' (\"title\"): message" lines with
/// "note:" lines for the candidates, "fixed:" lines for what --fix changed.
std::string formatText(const std::vector<TourReport> &reports);

/// One JSON object per stop (status, resolved form, location, findings, candidates, fixes).
std::string formatJson(const std::vector<TourReport> &reports);

} // namespace tourguide::checker
