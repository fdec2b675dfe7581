// Resolving one stop's anchor against the sources with the rules the LLDB plugin applies at run
// time (tours::resolveAnchor, docs/tour-format.md "How an anchor is resolved"), and saying what
// is wrong with it: which field is out of date, the nearest candidates, the unambiguous repair.
#pragma once

#include "tourguide/checker/SourceIndex.h"
#include "tourguide/checker/SourceIndexView.h"
#include "tourguide/tours/AnchorResolution.h"
#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/Tour.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::checker {

/// The form that resolved an anchor, in the documented order (the tours library's).
using tours::AnchorForm;
using tours::formName;

/// A place the anchor might have meant.
struct Candidate {
  std::string kind;     ///< "name", "code", "match" (one of several pattern matches).
  std::string function; ///< Display name of the function (may be empty for file-level code).
  std::string file;     ///< Relative to the repo root when inside it.
  unsigned line = 0;
  std::string text;     ///< The source line, whitespace collapsed.
};

/// One problem with one anchor field.
struct Finding {
  tours::Severity severity = tours::Severity::Warning;
  std::string field;   ///< "function", "file", "pattern", "line", or "" for the anchor as a whole.
  std::string message; ///< Without the stop's id and title (the report adds them).
};

/// A change to one anchor field that makes the stop resolve cleanly.
struct Repair {
  std::string field;            ///< "function", "file", "pattern", "line".
  std::string before, after;    ///< As they read in the tour ("" = the field was absent).
  std::string reason;
};

struct StopCheck {
  AnchorForm form = AnchorForm::None;
  std::string function;   ///< The function the stop is in, when known.
  std::string file;       ///< Resolved file, relative to the repo root when inside it.
  std::string absoluteFile;
  unsigned line = 0;      ///< Resolved line.
  std::vector<Finding> findings;
  std::vector<Candidate> candidates;
  std::vector<Repair> repairs;  ///< Unambiguous repairs (all needed together).
  std::string unfixableReason;  ///< Why --fix leaves this stop for a person (empty if fixable or clean).

  tours::Severity worst() const; ///< Note when there is no finding.
  bool clean() const { return findings.empty(); }
};

/// Resolves `anchor` against `index`, reading files through `files`. `repoRoot` is absolute.
StopCheck checkAnchor(const tours::Anchor &anchor, const SourceIndex &index, SourceFiles &files,
                      const std::string &repoRoot);

/// `anchor` with `repairs` applied.
tours::Anchor applyRepairs(tours::Anchor anchor, const std::vector<Repair> &repairs);

} // namespace tourguide::checker
