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

/// How a run shared the facts of headers several TUs read the same way (docs/cache.md).
struct SharingStats {
  /// Header readings whose functions and records a TU's facts leave to an earlier TU that saw
  /// them the same way (parsed, or as its cache entry says).
  unsigned readingsLeft = 0;
  unsigned tusLeaving = 0; ///< TUs that left at least one.
  /// When set before the run, per TU, the headers it left (tests; a big repo's are megabytes).
  bool listFiles = false;
  std::vector<std::vector<std::string>> leftToEarlier;
  unsigned bodiesSkipped = 0; ///< Function bodies not parsed, their header's facts being an earlier TU's.
  unsigned reparsed = 0;      ///< TUs parsed twice: a header whose bodies were skipped was not given before.
};

/// Extracts facts from each of `files`' first compile command, `options.jobs` TUs at a time.
/// With `options.cache`, a TU whose entry is fresh is read from it instead (its `save`,
/// `load` and `parseAgain` are set here).
/// Never fails as a whole: a TU that does not compile is still returned, with its errors
/// counted; one larger than `options.maxFileBytes` is returned skipped, with the reason.
///
/// With `dropRepeats`, a function or record that several TUs define (a header's inline
/// functions, a class) is kept only in the first of them in `files`' order, the copy
/// ProgramIndex uses, so the analysis does not change; the others are dropped as TUs finish,
/// which bounds memory by the program's size rather than by TUs times headers. Mains are all
/// kept (ProgramIndex looks at every TU that defines one).
///
/// With `dropRepeats` and `shareHeaders`, a header that an earlier TU read the same way is not
/// analysed again: its functions are not walked, and (a bet, lost at the cost of a second
/// parse) their bodies are not parsed once an earlier TU has given them (SharedHeaders.h).
/// The result is the same; `stats` says how much was shared.
std::vector<TUFacts> extractFacts(const clang::tooling::CompilationDatabase &db, const std::vector<std::string> &files,
                                  const clangfront::RunOptions &options, bool dropRepeats = false,
                                  bool shareHeaders = true, SharingStats *stats = nullptr);

} // namespace tourguide::indexer
