// What the indexer found: entry points and stages, each with its evidence. This is the
// data behind `--format=json` and the input of tour drafting.
#pragma once

#include "tourguide/indexer/Facts.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/Profiles.h"
#include "tourguide/indexer/SourceOrigin.h"
#include "tourguide/indexer/StageRules.h"

#include <map>

#include <string>
#include <utility>
#include <vector>

namespace tourguide::indexer {

struct EntryPoint {
  std::string program;    ///< Executable name ("train"), from the compile command's output.
  std::string executable; ///< Best guess at the built executable's path (may not exist).
  std::string kind;       ///< "train", "eval" or "other".
  std::string function;   ///< "main".
  std::string key;        ///< ProgramIndex key of the function.
  std::string file;
  unsigned line = 0;
  double confidence = 0;
  std::vector<Evidence> evidence;
  /// For a program with subcommands (`darknet classifier train`), the command words at each
  /// level of its dispatch; alternatives for one level are joined by '|' ("skipgram|cbow").
  std::vector<std::string> command;

  /// The program, with its subcommand if it has one: what findings name as their entry.
  std::string name() const {
    std::string out = program;
    for (const std::string &level : command)
      out += " " + level;
    return out;
  }
};

struct Finding {
  std::string entry;    ///< EntryPoint::name() it is reached from.
  std::string stage;
  std::string function; ///< Qualified name of the function where the stage lives.
  std::string file;
  unsigned line = 0;    ///< The function's name line; for loops, the loop keyword's line.
  double confidence = 0;
  std::vector<Evidence> evidence;
  /// Loops: "epochs", "batches", "steps", "loop", "training" (a framework's loop);
  /// model: "forward", "backward", "build"; optimizer: "step", "zero_grad"; checkpoint:
  /// "save", "load"; data: "loader", "dataset".
  std::string role;
  std::string via;       ///< A framework API called at the anchor line ("torch::optim::SGD::step").
  std::string framework; ///< Its profile's name ("libtorch").
  unsigned order = 0;    ///< Position in the program's order (depth-first, calls in line order).
  unsigned depth = 0;    ///< Call depth from the entry point.
  // For the tour: where to stop and what to show.
  unsigned anchorLine = 0;
  std::string anchorText;
  std::vector<std::string> watch;
  unsigned functionBegin = 0, functionEnd = 0;
  std::vector<IdiomFact> idioms; ///< Idioms of the function, for annotations.
  /// Reached only through an overrider that runs instead of another one (Adam instead of
  /// SGD, on another command line): reported, but a tour can only stop at one of them.
  std::string alternativeTo;
  bool inTemplate = false; ///< Anchor by file: the debugger names template instances differently.
};

struct Analysis {
  std::vector<EntryPoint> entries;
  std::vector<Finding> findings; ///< Grouped by entry, in program order.
  /// Every file that defines a function the TUs saw, with whose code it is.
  std::map<std::string, FileOrigin> files;
  /// The frameworks whose API the repo's own code calls (profile names), with a call count.
  std::map<std::string, unsigned> frameworks;
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
