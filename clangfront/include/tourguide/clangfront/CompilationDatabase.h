// compile_commands.json: loading it, choosing which of its files to parse, and each file's
// compile command made ready for a syntax-only parse by this tool's Clang.
#pragma once

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace tourguide::clangfront {

/// Loads compile_commands.json from `buildPath` (a directory, or the file itself). A file that
/// is not whole JSON is an error: Clang's own loader would read a cut-off file up to the cut
/// and go on with part of the build (an interrupted `bear`, a full disk).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(llvm::StringRef buildPath);

/// The database's source files selected by `filters` (all when empty), sorted. A filter
/// selects a file when it names it (absolute, or relative to the current directory), is a
/// suffix of its path ("src/train.c"), or names a directory holding it.
std::vector<std::string> selectSources(const clang::tooling::CompilationDatabase &db,
                                       const std::vector<std::string> &filters);

/// The first compile command of each of `files`, in that order; a file the database has no
/// command for is left out. Read up front: the database is not documented as thread-safe.
std::vector<clang::tooling::CompileCommand> firstCommands(const clang::tooling::CompilationDatabase &db,
                                                          const std::vector<std::string> &files);

/// Clang's resource directory (stddef.h and friends) for the Clang this tool links.
std::string clangResourceDir();

/// `cmd`'s arguments made ready for a syntax-only parse: output and dependency-file flags
/// removed, -fsyntax-only, this Clang's resource directory, and flags that keep GCC-only
/// options and warning names from stopping the driver; then `extra` (when set) on top.
std::vector<std::string> syntaxOnlyCommandLine(const clang::tooling::CompileCommand &cmd,
                                               const clang::tooling::ArgumentsAdjuster &extra = nullptr);

} // namespace tourguide::clangfront
