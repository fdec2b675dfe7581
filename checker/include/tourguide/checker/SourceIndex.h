// What `tourguide check` knows about the sources: every function definition in the repo's own
// files (not system headers), found by a LibTooling pass over compile_commands.json on the
// shared front end (clangfront/). No debugger and no running program are involved; each TU's
// AST is dropped after it is read.
#pragma once

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace tourguide::clangfront {
class TUCache;
} // namespace tourguide::clangfront

namespace tourguide::checker {

/// One function definition. A definition parsed by several TUs (a header), and a template
/// with its instantiations, is one FunctionDef with several names.
struct FunctionDef {
  /// Every name a tour may use for it: "gf::Layered<float>::apply" (per instantiation) and
  /// "gf::Layered::apply" (template arguments stripped), "lin::matmul", "main".
  std::vector<std::string> names;
  std::string file;        ///< Absolute, normalised path of the definition.
  unsigned line = 0;       ///< Line of the function's name.
  unsigned bodyBegin = 0;  ///< Line of the body's '{'.
  unsigned bodyEnd = 0;    ///< Line of the body's '}'.
  std::string body;        ///< The body's tokens joined by single spaces (comments dropped).

  /// The name to show: the first one recorded with template arguments, else the first.
  const std::string &displayName() const;
  bool hasName(const std::string &name) const;
};

struct SourceIndex {
  std::vector<FunctionDef> functions;
  std::vector<std::string> files;    ///< Every main file and every file holding a definition.
  unsigned translationUnits = 0;
  unsigned translationUnitsWithErrors = 0;
  std::vector<std::string> problems; ///< First errors of TUs that did not compile cleanly.

  /// Definitions answering to `name`: an exact match on any of their names, or, like LLDB,
  /// a match on the trailing components ("Linear::forward" finds "nn::Linear::forward").
  std::vector<const FunctionDef *> find(const std::string &name) const;
};

/// "gf::Layered<float>::apply" -> "gf::Layered::apply"; "operator<" is left alone.
std::string stripTemplateArguments(const std::string &qualifiedName);

/// Splits code into tokens (identifiers, numbers, literals, punctuation), dropping comments and
/// whitespace, and joins them with single spaces: two bodies that differ only in layout give
/// the same text.
std::string normalizeTokens(const std::string &code);

struct IndexOptions {
  unsigned jobs = 0; ///< TUs parsed at once; 0 = one per hardware thread.
  /// With `onlyRoots`, only TUs whose main file is under one of these absolute folders are
  /// parsed (a tour's anchors are in its own repo; a big build's other TUs are not needed).
  std::vector<std::string> roots;
  bool onlyRoots = false; ///< Without it every TU is parsed.
  /// When set (a terminal), "[done/total] file" is redrawn there while the TUs are parsed.
  llvm::raw_ostream *progress = nullptr;
  /// When set, TUs whose entry is fresh are read from it, not parsed (clangfront/TUCache.h).
  clangfront::TUCache *cache = nullptr;
};

/// What the checker's cache entries hold (TUCache's kind), with its format version.
std::string definitionsCacheKind();

/// Runs over every TU of `buildPath`/compile_commands.json (or the file itself). Fails only when
/// the database cannot be loaded; TUs that do not compile still contribute what they parsed.
llvm::Expected<SourceIndex> indexCompilationDatabase(llvm::StringRef buildPath, const IndexOptions &options);

/// Indexes code held in a string (unit tests). `args` are compiler flags; `fileName` is the
/// path recorded for the definitions.
SourceIndex indexCode(const std::string &code, const std::vector<std::string> &args,
                      const std::string &fileName);

/// Adds parts to one index, merging definitions already known (same file and body line): a
/// header's definitions come back from every TU that includes it. Keeps what it has seen
/// between parts, so merging N parts costs their total size, not N times the index's.
class SourceIndexMerger {
public:
  explicit SourceIndexMerger(SourceIndex &index);
  void add(SourceIndex &&part);

private:
  SourceIndex &index_;
  std::unordered_map<std::string, size_t> known_; ///< Definition key -> its place in index_.functions.
  std::unordered_set<std::string> files_;
};

/// Adds `part` to `index` (one SourceIndexMerger::add).
void mergeInto(SourceIndex &index, SourceIndex &&part);

} // namespace tourguide::checker
