// Where the program goes after a statement of a function body: what a stop needs to land
// where the values a statement computes exist (past the Σ loop, past the read, past the whole
// `if`). Private to tourguide_indexer; the body walker asks it for each fact it records.
#pragma once

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

#include <vector>

namespace tourguide::indexer {

/// The statements of one function body that stand in statement position (a block's children,
/// the branches of an `if`, the bodies of loops, cases and labels), each with the place the
/// program goes once it has run. Statements only: expressions are not walked.
class StatementPlaces {
public:
  struct Place {
    const clang::Stmt *stmt = nullptr;
    unsigned beginLine = 0, endLine = 0;
    /// The first statement (or the function's closing brace) the program runs after `stmt`
    /// without leaving the pass of an enclosing loop, on a later line; invalid when `stmt` ends
    /// a loop's body (what runs next is the loop's own increment or test).
    clang::SourceLocation after;
    unsigned depth = 0;
    /// The first lines of the blocks (`{ ... }`) that hold `stmt`, innermost first; what runs
    /// after it in the same flow is in one of them.
    std::vector<unsigned> blocks;
    bool inBlock = false; ///< `stmt` is a statement of a block, not a branch or a loop's body alone.
    int parent = -1;      ///< Index of the enclosing place.
    clang::FileID file;   ///< Where `stmt` is expanded, and its first and last offsets there.
    unsigned begin = 0, end = 0;
  };

  StatementPlaces(const clang::Stmt *body, const clang::SourceManager &sm);

  /// The innermost statement in statement position that holds `node`: its full statement.
  const Place *enclosing(const clang::Stmt *node) const;

  unsigned lineOf(clang::SourceLocation loc) const;

private:
  void visit(const clang::Stmt *s, clang::SourceLocation after, unsigned depth, const std::vector<unsigned> &blocks,
             bool inBlock, int parent);

  const clang::SourceManager &sm_;
  std::vector<Place> places_; ///< In pre-order: by first offset, when all are in one file.
  bool oneFile_ = true;       ///< Else (a body that includes a file) lookups scan every place.
};

/// A loop statement's body, or nullptr when `s` is not a loop.
const clang::Stmt *loopBody(const clang::Stmt *s);

} // namespace tourguide::indexer
