// A throw-away copy of a sample repo for the edit-matrix tests: files are edited with plain
// string replacements, compile_commands.json is written directly (no cmake), and the copy
// is removed when the object goes away.
#pragma once

#include "tourguide/checker/TourCheck.h"

#include <memory>
#include <string>
#include <vector>

namespace tourguide::checker::testing {

/// One scripted source edit: `from` must occur exactly once in `file`; an empty `from`
/// creates the file with `to` as its whole text.
struct SourceEdit {
  std::string file; ///< Relative to the repo root.
  std::string from;
  std::string to;
};

class SampleCopy {
public:
  /// Copies sample_repos/<name> (without build folders) to a new temporary folder.
  explicit SampleCopy(const std::string &name);
  ~SampleCopy();
  SampleCopy(const SampleCopy &) = delete;
  SampleCopy &operator=(const SampleCopy &) = delete;

  const std::string &root() const { return root_; }
  std::string path(const std::string &relative) const { return root_ + "/" + relative; }

  /// Applies the edit; returns an error message ("" on success).
  std::string apply(const SourceEdit &edit);

  /// Writes compile_commands.json for every .c/.cpp file of the copy (-I include, -I src,
  /// -std=c11 / -std=c++17) into <root>/build-cc and returns that folder.
  std::string writeCompileCommands() const;

  /// Indexes the copy as it is now (writeCompileCommands + indexCompilationDatabase).
  std::unique_ptr<SourceIndex> index() const;

  /// Checks one tour (relative path, e.g. ".tours/train.json") against `index`.
  TourReport check(const std::string &tour, const SourceIndex &index, bool fix = false) const;

  std::string read(const std::string &relative) const;

private:
  std::string root_;
};

/// What `tourguide check ARGS...` printed and returned.
struct CommandRun {
  int exit = -1;
  std::string out, err;
};
CommandRun runCheck(std::vector<std::string> args);

/// The worst finding over `reports`: 0 clean, 1 warnings only, 2 errors. The exit status
/// (exitCodeFor) tells only errors apart; these tests also tell warnings from a clean tour.
int worstSeverity(const std::vector<TourReport> &reports);

/// The collapsed source line a stop resolves to ("" when it does not resolve).
std::string resolvedText(const StopReport &stop);

} // namespace tourguide::checker::testing
