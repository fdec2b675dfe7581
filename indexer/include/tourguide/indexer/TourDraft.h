// Drafting a tour from findings: one tour per entry point, stops in program order,
// anchored by function + line pattern, annotated from the evidence.
#pragma once

#include "tourguide/indexer/Finding.h"
#include "tourguide/tours/Tour.h"

#include <string>
#include <vector>

namespace tourguide::indexer {

struct DraftOptions {
  std::string repoRoot; ///< Absolute; anchor files and the program path are made relative to it.
  std::string tourDir;  ///< Absolute folder the tour file will be written to (for Tour::root).
  unsigned maxStopsPerStage = 2; ///< Per stage and role (model/forward, model/backward, ...).
  /// Set when a run confirmed the findings (`tourguide index ... -- PROGRAM ARGS`): a sentence
  /// for the description, and the run's command line for the tour's program. Empty: the
  /// description says that the draft was not confirmed by a run.
  std::string confirmation;
  std::vector<std::string> runArgs;
  std::string runCwd;
};

/// The tour for one entry point; `findings` may hold other entries' findings too.
tourguide::tours::Tour draftTour(const EntryPoint &entry, const std::vector<Finding> &findings,
                                 const DraftOptions &options);

/// The entry point a command line runs (`command` = program and arguments): the one whose
/// executable is the same file as the program (or, failing that, has its name), and of a
/// program with subcommands the one the arguments name. Its index in `entries`, or -1.
int entryForCommand(const std::vector<EntryPoint> &entries, const std::vector<std::string> &command);

/// The file name (without ".json") of a program's draft: "darknet classifier train" ->
/// "darknet_classifier_train"; "program" when nothing is left.
std::string draftFileStem(const std::string &name);

/// `to` relative to `from` (both absolute), "." when equal; `to` itself when no common root.
std::string relativePath(const std::string &from, const std::string &to);

/// Lowercase id-safe text: "nn::Linear::forward" -> "nn-linear-forward".
std::string stopIdFor(const std::string &stage, const std::string &function);

} // namespace tourguide::indexer
