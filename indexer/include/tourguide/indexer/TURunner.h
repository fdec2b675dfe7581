// Loading a compilation database and running fact extraction over its TUs in parallel.
#pragma once

#include "tourguide/indexer/Facts.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tourguide::indexer {

/// Loads compile_commands.json from `buildPath` (a directory, or the file itself).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(const std::string &buildPath);

/// The database's source files selected by `filters` (all when empty). A filter selects a file
/// when it names it (absolute, or relative to the current directory), is a suffix of its path
/// ("src/train.c"), or names a directory holding it.
std::vector<std::string> selectSources(const clang::tooling::CompilationDatabase &db,
                                       const std::vector<std::string> &filters);

/// Clang's resource directory (stddef.h and friends) for the Clang this tool links.
std::string clangResourceDir();

struct RunOptions {
  unsigned jobs = 0;                    ///< 0 = one per hardware thread.
  uint64_t maxFileBytes = 8u << 20;     ///< Larger main files are skipped (generated code).
  /// Called after each TU (from worker threads, serialised): done, total, file just finished.
  std::function<void(unsigned, unsigned, const std::string &)> progress;
};

/// Extracts facts from each file's first compile command, `jobs` TUs at a time. Never fails
/// as a whole: a TU that does not compile is still returned, with its errors counted.
std::vector<TUFacts> runOnTUs(const clang::tooling::CompilationDatabase &db,
                              const std::vector<std::string> &files, const RunOptions &options);

/// One compile command's arguments made ready for fact extraction: output and dependency
/// flags removed, -fsyntax-only and the resource dir added.
std::vector<std::string> adjustedCommandLine(const clang::tooling::CompileCommand &cmd);

} // namespace tourguide::indexer
