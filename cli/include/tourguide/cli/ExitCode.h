// The exit status of every `tourguide` command, as diff and grep have it: 0 nothing wrong,
// 1 the command ran and found problems, 2 it could not run. A script (a CI job) can then tell
// "the tours are broken" from "the job is set up wrong", which clang-tidy's and
// include-cleaner's single failure status cannot. Warnings never change the status, as with a
// compiler. Header-only: the indexer's and the checker's commands return these too.
#pragma once

namespace tourguide::cli {

enum ExitCode : int {
  /// Nothing wrong (warnings may have been printed).
  kExitOk = 0,
  /// The command ran and found problems: a tour with errors (`validate`, `check`), a
  /// translation unit that did not compile or no training loop found (`index`).
  kExitFailure = 1,
  /// The command could not run: the command line is wrong, or something it needs cannot be
  /// had (no compilation database; for `index` also a profile that does not load, a program
  /// that cannot be run, an output that cannot be written).
  kExitUsage = 2,
};

/// The convention in one line, for the end of a command's --help.
inline constexpr const char *kExitStatusSummary =
    "Exit status: 0 nothing wrong (warnings allowed), 1 problems found, 2 usage or input error.";

} // namespace tourguide::cli
