// What one parse of a translation unit produced, kept on disk so that the next run does not
// parse it again while nothing it read has changed (docs/cache.md). An entry is keyed by the
// TU's command line (the parse's exact arguments and working directory) and holds the
// content hash of every file the parse read (the main file and each header), the TU's error
// count and first messages, and the caller's payload: the indexer's facts, the checker's
// definitions. A lookup re-hashes those files, so an edit to a header re-parses exactly the
// TUs that read it.
//
// An entry is trusted only when it is whole and ours: a versioned header, the kind of
// payload, the full key (a file-name collision is a miss) and a checksum over the rest. Any
// other file is a miss and is replaced. Entries are written to a temporary file and renamed,
// so two runs sharing a folder see one whole entry or the other.
#pragma once

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::clangfront {

/// How much a cache folder keeps (TUCache::prune): entries unused for longer than `maxAge`
/// go, then the least recently used ones until the folder holds at most `maxBytes`.
struct CacheLimits {
  std::chrono::hours maxAge{24 * 30};
  uint64_t maxBytes = uint64_t(2) << 30;
};

class TUCache {
public:
  /// The first line of every entry: bumped when the entry layout changes.
  static constexpr const char *kMagic = "tourguide-tu-cache 2";

  struct Entry {
    unsigned errorCount = 0;
    std::vector<std::string> errors; ///< TUStatus::errors of the parse.
    std::string payload;             ///< The caller's bytes.
  };

  /// Entries live in `dir` (made on the first store). `kind` names what the payload is and its
  /// format version ("index-facts 3"); an entry of another kind is never returned. The
  /// running executable's size and time are part of it too, so a rebuilt tourguide (whose
  /// extractor may have changed) does not trust what an older one wrote.
  TUCache(std::string dir, std::string kind, CacheLimits limits = {});

  /// The entry stored under `key` when it is intact, every file it records still has the
  /// hash it had and every path it records as missing is still missing; nullopt otherwise
  /// (none, stale, corrupt, another kind or key).
  std::optional<Entry> lookup(const std::string &key);

  /// Records `entry` under `key` with the current hashes of `files` (absolute paths the parse
  /// read) and with `missing` (sorted absolute paths the parse looked for and did not find:
  /// a file that appears at one of them, a header that now shadows another on the include
  /// path, makes the entry stale). Best effort: a file that cannot be hashed or a folder that
  /// cannot be written leaves no entry, and the next run parses again.
  void store(const std::string &key, const std::vector<std::string> &files, const std::vector<std::string> &missing,
             const Entry &entry);

  /// Applies the limits to the folder: removes the entries unused (not written nor hit) for
  /// longer than maxAge, then the least recently used until at most maxBytes remain, and
  /// temporary files an interrupted run left. Files that are not entries are left alone.
  /// Returns how many files it removed.
  unsigned prune();

  const std::string &dir() const { return dir_; }

  /// Where `key`'s entry is, for tests and for humans: "<dir>/<stem>-<hash>.tu".
  std::string entryPath(const std::string &key) const;

  /// The entry lookup returned could not be used after all (its payload says it needs what
  /// this run does not give): counted as a miss, not a hit.
  void countUnused() {
    --hits;
    ++misses;
  }

  /// Counts since construction.
  std::atomic<unsigned> hits{0}, misses{0};
  /// Entries found but refused as corrupt, truncated, of another version, kind or key.
  std::atomic<unsigned> rejected{0};

private:
  /// xxHash64 of the file's content, once per file per TUCache; nullopt when unreadable.
  std::optional<uint64_t> contentHash(const std::string &path);
  /// Whether nothing is at `path`, asked once per path per TUCache.
  bool stillMissing(const std::string &path);

  std::string dir_, kind_;
  CacheLimits limits_;
  std::mutex hashesMutex_; // guards both maps
  llvm::StringMap<std::optional<uint64_t>> hashes_;
  llvm::StringMap<bool> missing_;
};

/// The key of a parse: its working directory, main file and full argument list.
std::string cacheKey(llvm::StringRef directory, llvm::StringRef file, const std::vector<std::string> &args);

} // namespace tourguide::clangfront
