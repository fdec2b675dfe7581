// What the indexer found: entry points and stages, each with its evidence. This is the
// data behind `--format=json` and the input of tour drafting.
#pragma once

#include "tourguide/indexer/Facts.h"
#include "tourguide/indexer/Finding.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/Profiles.h"
#include "tourguide/indexer/SourceOrigin.h"
#include "tourguide/indexer/StageRules.h"

#include <map>

#include <string>
#include <utility>
#include <vector>

namespace tourguide::indexer {

struct Analysis {
  std::vector<EntryPoint> entries;
  std::vector<Finding> findings; ///< Grouped by entry, in program order.
  /// Every file that defines a function the TUs saw, with whose code it is.
  std::map<std::string, FileOrigin> files;
  /// The frameworks whose API the repo's own code calls (profile names), with a call count.
  std::map<std::string, unsigned> frameworks;
  /// What the analysis could not finish: an internal error while walking an entry point, whose
  /// findings stop where it happened. The other entry points are analysed as usual.
  std::vector<std::string> problems;
};

struct AnalysisOptions {
  /// The repository root: stops go only in its own files. Empty: every file that is not
  /// vendored or a framework's counts as the repo's own.
  std::string repoRoot;
  ProfileSet profiles = ProfileSet::withBuiltins();
  /// The indexed translation units' main files: a framework with one of them among its files
  /// is built by this repo, so it is the repo's own code (the repo is that framework).
  std::vector<std::string> translationUnits;
};

/// Classifies entry points and finds stages reachable from each.
Analysis analyse(const ProgramIndex &index, const AnalysisOptions &options = {});

/// The program name for a TU holding `main`: "train" from ".../CMakeFiles/train.dir/train.c.o",
/// "xor_train" from "xor_train.o", else the source file's stem.
std::string programNameFor(const TUFacts &tu);

/// Where the executable probably is: <directory>/<program> for CMake and make builds.
std::string executableFor(const TUFacts &tu, const std::string &program);

/// The program's name and executable: the built file when one is found (a target
/// "mlp_c_train" built as "train"), else programNameFor() and executableFor().
std::pair<std::string, std::string> locateProgram(const TUFacts &tu);

} // namespace tourguide::indexer
