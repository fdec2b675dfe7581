// The command line of a tourguide command that reads a compilation database (`index`,
// `check`), parsed by llvm::cl the way clang tools parse theirs (CommonOptionsParser): -p and
// -j are declared here, once; the command declares the rest beside them with
//
//   cl::opt<bool> fix{"fix", cl::desc("..."), cl::init(false), cl::sub(commandLine.sub),
//                     cl::cat(commandLine.category)};
//
// Each command has its own cl::SubCommand, so two commands may both have `--format` in one
// process. llvm::cl keeps values from one parse to the next in a process: give every cl::opt a
// cl::init(...); parse() resets each option to it, and empties positional lists.
#pragma once

#include "tourguide/clangfront/TUCache.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"

#include <string>

namespace tourguide::clangfront {

class CommandLine {
  const std::string categoryName_; // the category keeps only a reference to its name

public:
  /// `name` is the command ("check"); `synopsis` its usage line ("tourguide check [--fix] ...
  /// -p BUILD_DIR TOUR..."), for usage errors; `overview` what --help shows above the options,
  /// ending with what the exit statuses mean.
  CommandLine(std::string name, std::string synopsis, std::string overview);
  CommandLine(const CommandLine &) = delete;
  CommandLine &operator=(const CommandLine &) = delete;

  /// Parses `args`, the words after the command's name. --help (or -h) prints the help and
  /// exits with status 0, as in every LLVM tool. A command line that cannot run is an Error
  /// whose message goes after "tourguide NAME: error: " (llvm::cl prints its own complaint
  /// about a malformed value on stderr first; the message then points there).
  llvm::Error parse(llvm::ArrayRef<const char *> args);

  /// An Error saying -p is missing, unless it was given.
  llvm::Error needBuildPath() const;

  /// "tourguide NAME: error: MESSAGE\nUsage: SYNOPSIS\n": what a usage error prints.
  std::string usageError(const std::string &message) const;

  const std::string name, synopsis, overview;
  llvm::cl::SubCommand sub;
  llvm::cl::OptionCategory category;
  llvm::cl::opt<std::string> buildPath; ///< -p BUILD_DIR: compile_commands.json's folder (or the file).
  llvm::cl::opt<unsigned> jobs;         ///< -j N: TUs parsed at once; 0 = one per hardware thread.
  llvm::cl::opt<std::string> cacheDir;  ///< --cache-dir DIR: where parses are kept (TUCache.h).
  llvm::cl::opt<bool> noCache;          ///< --no-cache: parse every TU, keep nothing.
  llvm::cl::opt<unsigned> cacheMaxMiB;  ///< --cache-max-size MiB: CacheLimits::maxBytes.
  llvm::cl::opt<unsigned> cacheMaxDays; ///< --cache-max-age DAYS: CacheLimits::maxAge.

  /// The limits --cache-max-size and --cache-max-age set.
  CacheLimits cacheLimits() const;

  /// The folder for this command's `sub`-folder of cache entries ("index", "check"):
  /// --cache-dir, else .tourguide-cache in the build folder; "" with --no-cache.
  std::string cacheFolder(llvm::StringRef sub) const;

private:
  llvm::cl::list<std::string> unknown_; ///< Options llvm::cl does not know, for parse() to name.
};

} // namespace tourguide::clangfront
