// Fact extraction over the translation units of a compilation database, on the shared Clang
// front end (clangfront/: loading the database, the thread pool, error counting).
#pragma once

#include "tourguide/clangfront/TURunner.h"
#include "tourguide/indexer/Facts.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <string>
#include <vector>

namespace tourguide::indexer {

/// What the indexer's cache entries hold (TUCache's kind): binary facts of FactsFile.h's version.
std::string factsCacheKind();

/// Extracts facts from each of `files`' first compile command, `options.jobs` TUs at a time.
/// With `options.cache`, a TU whose entry is fresh is read from it instead (its `save` and
/// `load` are set here).
/// Never fails as a whole: a TU that does not compile is still returned, with its errors
/// counted; one larger than `options.maxFileBytes` is returned skipped, with the reason.
///
/// With `dropRepeats`, a function or record that several TUs define (a header's inline
/// functions, a class) is kept only in the first of them in `files`' order, the copy
/// ProgramIndex uses, so the analysis does not change; the others are dropped as TUs finish,
/// which bounds memory by the program's size rather than by TUs times headers. Mains are all
/// kept (ProgramIndex looks at every TU that defines one).
std::vector<TUFacts> extractFacts(const clang::tooling::CompilationDatabase &db, const std::vector<std::string> &files,
                                  const clangfront::RunOptions &options, bool dropRepeats = false);

} // namespace tourguide::indexer
