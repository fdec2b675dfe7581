// How one TU saw each of the repo's headers it read: a hash of what the preprocessor made of
// the file in that TU (scip-clang's "well-behaved headers"). Two TUs whose hashes of a header
// agree read the same declarations from it in the same place, so the header's functions are
// the same in both and their facts need to be taken once (docs/cache.md, "Headers shared by
// many TUs").
#pragma once

#include "clang/Basic/Version.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
class SourceManager;
class MacroInfo;
} // namespace clang

namespace tourguide::indexer {

/// One header as one TU saw it. `elsewhere` (set by the run, not the recorder): this TU's
/// facts leave the header's functions and records to an earlier TU that saw it the same way.
struct HeaderView {
  std::string file; ///< Absolute real path, as FunctionFacts::file names it.
  uint64_t hash = 0;
  bool elsewhere = false;
};

template <class IO> void fields(IO &io, HeaderView &v) { io(v.file, v.hash, v.elsewhere); }

/// The absolute real path of the file `id` (its name when it has none), "" for a buffer: how
/// facts name a definition's file.
std::string filePath(const clang::SourceManager &sm, clang::FileID id);

/// Watches one TU's preprocessor and hashes, per file, everything that decides what the file's
/// tokens become:
/// - where it is included: the heads of the braces open around the `#include`
///   (`namespace cv {`, `extern "C" {`; nothing at file scope), since a header's declarations
///   are named after the scopes it is read in;
/// - the outcome of each `#if`/`#ifdef`/`#elif` in it;
/// - what each macro it expands says (its parameters and tokens, wherever it was defined;
///   `__COUNTER__`, `__BASE_FILE__` and `__INCLUDE_LEVEL__` make the view the TU's own);
/// - the file each `#include` in it resolved to, and that file's view (scip-clang mixes the
///   hash of a nested file it enters; here a file that its include guard skips, having been
///   read earlier in the TU, gives its view too, so that the order of a TU's includes does not
///   make two readings of the same header differ).
/// A file read several times in a TU (no include guard, or text outside its guard) is the set
/// of its distinct readings: reading it once more the same way defines nothing new. Files in
/// system headers, the main file and buffers without a file are left out.
class HeaderViewRecorder : public clang::PPCallbacks {
public:
  explicit HeaderViewRecorder(clang::Preprocessor &pp);

  /// Counts the braces around each `#include` (given the preprocessor's tokens one by one).
  void watchToken(const clang::Token &tok);

  /// The views, sorted by file; call once the TU has been parsed.
  std::vector<HeaderView> views() const;

  void FileChanged(clang::SourceLocation loc, FileChangeReason reason, clang::SrcMgr::CharacteristicKind kind,
                   clang::FileID previous) override;
  void FileSkipped(const clang::FileEntryRef &file, const clang::Token &, clang::SrcMgr::CharacteristicKind kind) override;
  /// The file an `#include` found, as PPCallbacks passes it in this Clang.
#if CLANG_VERSION_MAJOR >= 16
  using IncludedFile = clang::OptionalFileEntryRef;
#elif CLANG_VERSION_MAJOR == 15
  using IncludedFile = llvm::Optional<clang::FileEntryRef>;
#else
  using IncludedFile = const clang::FileEntry *;
#endif
  void InclusionDirective(clang::SourceLocation, const clang::Token &, llvm::StringRef, bool,
                          clang::CharSourceRange, IncludedFile file, llvm::StringRef, llvm::StringRef,
                          const clang::Module *, clang::SrcMgr::CharacteristicKind) override;
  void MacroExpands(const clang::Token &name, const clang::MacroDefinition &md, clang::SourceRange,
                    const clang::MacroArgs *) override;
  void If(clang::SourceLocation, clang::SourceRange, ConditionValueKind value) override;
  void Elif(clang::SourceLocation, clang::SourceRange, ConditionValueKind value, clang::SourceLocation) override;
  void Ifdef(clang::SourceLocation, const clang::Token &, const clang::MacroDefinition &md) override;
  void Ifndef(clang::SourceLocation, const clang::Token &, const clang::MacroDefinition &md) override;
  void Elifdef(clang::SourceLocation, const clang::Token &, const clang::MacroDefinition &md) override;
  void Elifndef(clang::SourceLocation, const clang::Token &, const clang::MacroDefinition &md) override;
  using clang::PPCallbacks::Elifdef;  // the skipped branches' overloads: nothing to mix
  using clang::PPCallbacks::Elifndef;

private:
  struct Reading {
    clang::FileID id;
    uint64_t hash;
    bool hashed; ///< False in system headers, which are never views.
  };
  void mix(uint64_t value);
  void mix(llvm::StringRef text);
  uint64_t tokenHash(const clang::Token &tok) const;
  uint64_t definitionHash(const clang::MacroInfo &macro);
  uint64_t scopeHash() const;
  void mixNested(llvm::StringRef file);
  static uint64_t viewOf(llvm::ArrayRef<uint64_t> readings);

  clang::Preprocessor &pp_;
  std::vector<Reading> open_; ///< The files being read, innermost last.
  /// Per file, the hashes of its distinct readings, sorted.
  llvm::StringMap<llvm::SmallVector<uint64_t, 1>> readings_;
  llvm::DenseMap<const clang::MacroInfo *, uint64_t> definitions_;
  std::string mainFile_;
  // The braces open at this point of the token stream, each as a hash of its head (the first
  // tokens since the previous `;`, `{` or `}`: `namespace cv`, `class Net : public Layer`),
  // and the current head. Tokens are only copied here; a head is hashed when a brace opens.
  std::vector<uint64_t> braces_;
  static constexpr unsigned kHeadTokens = 12;
  clang::Token head_[kHeadTokens];
  unsigned headSize_ = 0;
};

} // namespace tourguide::indexer
