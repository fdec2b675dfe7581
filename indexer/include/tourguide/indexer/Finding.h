// One entry point and one finding: what `--format=json` lists and what a draft tour is written
// from. Plain C++ (no LLVM): the LLDB plugin reads findings and writes drafts too (`tour draft`).
#pragma once

#include "tourguide/indexer/Facts.h"
#include "tourguide/indexer/StageRules.h"

#include <string>
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
  unsigned anchorLine = 0; ///< The statement that decided the stage (what the text quotes).
  std::string anchorText;
  StopPlace stop;          ///< Where the debugger stops when not on anchorLine (StopPlacement.h).
  std::vector<std::string> watch;
  unsigned functionBegin = 0, functionEnd = 0;
  std::vector<IdiomFact> idioms; ///< Idioms of the function, for annotations.
  /// Reached only through an overrider that runs instead of another one (Adam instead of
  /// SGD, on another command line): reported, but a tour can only stop at one of them.
  std::string alternativeTo;
  bool inTemplate = false; ///< Anchor by file: the debugger names template instances differently.
  /// What a confirming run saw at this stop, for its text: a loop's passes ("20 passes planned
  /// (epochs = 20)"). Empty without a run.
  std::string observed;

  /// The line the debugger stops on: past the statement that decided the stage when the values
  /// are computed there, else that statement's line; 0 for the function's entry.
  unsigned stopLine() const { return stop.line ? stop.line : anchorLine; }
};

} // namespace tourguide::indexer
