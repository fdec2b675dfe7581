// Which TU of a run takes the facts of a header that several TUs read the same way
// (HeaderViews.h). The rule keeps the merged facts what they are without sharing, whatever the
// order in which the TUs finish: a TU leaves a header's functions and records to an earlier TU
// (in the database's order) that saw the header the same way, and the earliest TU that saw it
// that way keeps them, so the copy the merge keeps (the first TU's) is never left out. Which
// later TUs leave it out depends on timing; the facts do not.
#pragma once

#include "HeaderViews.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace clang {
class FrontendAction;
} // namespace clang

namespace tourguide::indexer {

struct TUFacts;

class SharedHeaders {
public:
  explicit SharedHeaders(size_t tus) : finished_(tus, false) {}

  /// While TU `tu` is parsed: whether its function bodies in `file` may be left unparsed, on the
  /// bet that an earlier TU gives the header's facts: an earlier TU that finished without
  /// errors read it, and every finished TU that read it saw it the same way. A lost bet costs a
  /// second parse (givenBefore says so afterwards).
  bool likelyGivenBefore(size_t tu, llvm::StringRef file);

  /// Sets `elsewhere` on each of TU `tu`'s views that an earlier, finished TU saw the same way.
  void markGivenBefore(size_t tu, std::vector<HeaderView> &views);

  /// Whether each view marked `elsewhere` was seen the same way by an earlier TU, waiting for
  /// the earlier TUs still running when one is not yet. False: TU `tu`'s facts lack a header's
  /// that no earlier TU gives; it must be parsed again, keeping them.
  bool givenBefore(size_t tu, const std::vector<HeaderView> &views);

  /// TU `tu` is done (parsed, read from the cache, or not parsed at all): its views become
  /// visible to later TUs. Every TU must finish, or later ones may wait for it forever.
  void finish(size_t tu, const std::vector<HeaderView> &views, bool clean);

private:
  bool seenBefore(size_t tu, const HeaderView &view) const; // mutex_ held

  struct FileState {
    uint64_t hash = 0;
    bool varies = false;             ///< Finished TUs saw it in more than one way.
    size_t firstClean = SIZE_MAX;    ///< The first finished TU without errors that read it.
  };

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<bool> finished_;
  size_t firstUnfinished_ = 0;
  /// Per file and view hash, the first finished TU that saw it so.
  llvm::StringMap<llvm::DenseMap<uint64_t, size_t>> seen_;
  llvm::StringMap<FileState> files_;
};

/// What one TU's fact extraction shares with the others of its run.
struct TUSharing {
  TUSharing(SharedHeaders &run, size_t tu, bool skipBodies) : run(run), tu(tu), skipBodies(skipBodies) {}
  SharedHeaders &run;
  size_t tu = 0;
  /// Bet on earlier TUs (SharedHeaders::likelyGivenBefore): leave their headers' bodies unparsed.
  bool skipBodies = false;
  // Set by the extraction:
  std::vector<HeaderView> views; ///< `elsewhere` set on those left to an earlier TU.
  unsigned skippedBodies = 0;    ///< Bodies left unparsed on the bet.
  bool lostBet = false;          ///< A header whose bodies were skipped is not given before.
};

/// createFactExtractionAction (FactExtractor.h) that records the TU's header views and leaves
/// out the headers an earlier TU gives.
std::unique_ptr<clang::FrontendAction> createSharingFactAction(TUFacts &out, TUSharing &sharing);

} // namespace tourguide::indexer
