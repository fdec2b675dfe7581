// The per-file hash of HeaderViews.h, built from preprocessor callbacks and the token stream.
#include "HeaderViews.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

using namespace clang;

namespace tourguide::indexer {

namespace {
/// What each kind of event mixes in first, so that two different events cannot mix the same.
enum Tag : uint64_t { kEnter = 1, kInclude, kExpand, kIf, kElif, kIfdef, kIfndef, kElifdef, kElifndef, kNested };

uint64_t combine(uint64_t a, uint64_t b) { return llvm::hashing::detail::hash_16_bytes(a, b); }
} // namespace

std::string filePath(const SourceManager &sm, FileID id) {
  const FileEntry *entry = sm.getFileEntryForID(id);
  if (!entry)
    return "";
  llvm::StringRef real = entry->tryGetRealPathName();
  return (real.empty() ? entry->getName() : real).str();
}

HeaderViewRecorder::HeaderViewRecorder(Preprocessor &pp) : pp_(pp) {}

void HeaderViewRecorder::mix(uint64_t value) {
  if (!open_.empty() && open_.back().hashed)
    open_.back().hash = combine(open_.back().hash, value);
}

void HeaderViewRecorder::mix(llvm::StringRef text) { mix(llvm::xxHash64(text)); }

uint64_t HeaderViewRecorder::tokenHash(const Token &tok) const {
  uint64_t h = tok.getKind();
  if (tok.isAnnotation())
    return h;
  if (const IdentifierInfo *id = tok.getIdentifierInfo())
    return combine(h, llvm::xxHash64(id->getName()));
  if (tok.isLiteral() && tok.getLiteralData())
    return combine(h, llvm::xxHash64(llvm::StringRef(tok.getLiteralData(), tok.getLength())));
  return h;
}

uint64_t HeaderViewRecorder::definitionHash(const MacroInfo &macro) {
  auto [it, fresh] = definitions_.try_emplace(&macro, 0);
  if (!fresh)
    return it->second;
  // What the macro says, wherever it is defined: two TUs that each `#define RATE 0.1f` (or
  // pass -DRATE=0.1f) expand it the same way.
  uint64_t h = combine(macro.isFunctionLike() + 2 * macro.isVariadic(), macro.getNumParams());
  for (const IdentifierInfo *param : macro.params())
    h = combine(h, llvm::xxHash64(param->getName()));
  for (const Token &tok : macro.tokens())
    h = combine(h, tokenHash(tok));
  it->second = h;
  return h;
}

uint64_t HeaderViewRecorder::scopeHash() const {
  uint64_t h = braces_.size();
  for (uint64_t brace : braces_)
    h = combine(h, brace);
  return h;
}

void HeaderViewRecorder::watchToken(const Token &tok) {
  if (tok.isAnnotation())
    return; // the parser's, made of tokens already seen
  switch (tok.getKind()) {
  case tok::l_brace: {
    uint64_t h = headSize_;
    for (unsigned k = 0; k < headSize_; ++k)
      h = combine(h, tokenHash(head_[k]));
    braces_.push_back(h);
    headSize_ = 0;
    break;
  }
  case tok::r_brace:
    if (!braces_.empty())
      braces_.pop_back();
    headSize_ = 0;
    break;
  case tok::semi:
    headSize_ = 0;
    break;
  default:
    if (headSize_ < kHeadTokens)
      head_[headSize_++] = tok;
  }
}

void HeaderViewRecorder::FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind kind,
                                     FileID previous) {
  const SourceManager &sm = pp_.getSourceManager();
  if (reason == EnterFile) {
    FileID id = loc.isValid() ? sm.getFileID(loc) : FileID();
    // A system header is never a view (it has no facts): its own events are not hashed.
    bool hashed = !SrcMgr::isSystem(kind);
    open_.push_back({id, combine(kEnter, scopeHash()), hashed});
    if (mainFile_.empty() && id == sm.getMainFileID())
      mainFile_ = filePath(sm, id);
  } else if (reason == ExitFile && !open_.empty()) {
    Reading done = open_.back();
    open_.pop_back();
    if (done.id.isValid() && done.id == previous && done.hashed && done.id != sm.getMainFileID()) {
      std::string file = filePath(sm, done.id);
      if (!file.empty()) {
        llvm::SmallVector<uint64_t, 1> &readings = readings_[file];
        if (llvm::find(readings, done.hash) == readings.end())
          readings.insert(llvm::lower_bound(readings, done.hash), done.hash);
        mixNested(file);
      }
    }
  }
}

void HeaderViewRecorder::mixNested(llvm::StringRef file) {
  // The view of the file, whether read just now or earlier in the TU (then its include guard
  // skips it here): what the includer sees of it does not depend on the order of includes.
  auto it = readings_.find(file);
  if (it == readings_.end())
    return; // a system header, or one still being read (an include cycle)
  mix(kNested);
  mix(viewOf(it->second));
}

uint64_t HeaderViewRecorder::viewOf(llvm::ArrayRef<uint64_t> readings) {
  uint64_t h = readings.size();
  for (uint64_t reading : readings)
    h = combine(h, reading);
  return h;
}

void HeaderViewRecorder::FileSkipped(const FileEntryRef &file, const Token &, SrcMgr::CharacteristicKind kind) {
  if (SrcMgr::isSystem(kind))
    return;
  llvm::StringRef real = file.getFileEntry().tryGetRealPathName();
  mixNested(real.empty() ? file.getName() : real);
}

void HeaderViewRecorder::InclusionDirective(SourceLocation, const Token &, llvm::StringRef, bool, CharSourceRange,
                                            IncludedFile included, llvm::StringRef, llvm::StringRef, const Module *,
                                            SrcMgr::CharacteristicKind) {
  mix(kInclude);
#if CLANG_VERSION_MAJOR >= 15
  const FileEntry *file = included ? &included->getFileEntry() : nullptr;
#else
  const FileEntry *file = included;
#endif
  if (file) {
    llvm::StringRef real = file->tryGetRealPathName();
    mix(real.empty() ? file->getName() : real);
  }
}

void HeaderViewRecorder::MacroExpands(const Token &name, const MacroDefinition &md, SourceRange, const MacroArgs *) {
  if (open_.empty() || !open_.back().hashed)
    return;
  const MacroInfo *macro = md.getMacroInfo();
  if (!macro)
    return;
  mix(kExpand);
  if (macro->isBuiltinMacro()) {
    llvm::StringRef builtin = name.getIdentifierInfo() ? name.getIdentifierInfo()->getName() : "";
    mix(builtin);
    // Their value depends on the TU, not on the file: a view that uses them is the TU's own.
    if (builtin == "__COUNTER__" || builtin == "__BASE_FILE__" || builtin == "__INCLUDE_LEVEL__")
      mix(mainFile_);
    return;
  }
  mix(definitionHash(*macro));
}

void HeaderViewRecorder::If(SourceLocation, SourceRange, ConditionValueKind value) {
  mix(kIf);
  mix(static_cast<uint64_t>(value));
}
void HeaderViewRecorder::Elif(SourceLocation, SourceRange, ConditionValueKind value, SourceLocation) {
  mix(kElif);
  mix(static_cast<uint64_t>(value));
}
void HeaderViewRecorder::Ifdef(SourceLocation, const Token &, const MacroDefinition &md) {
  mix(kIfdef);
  mix(md.getMacroInfo() ? 1 : 0);
}
void HeaderViewRecorder::Ifndef(SourceLocation, const Token &, const MacroDefinition &md) {
  mix(kIfndef);
  mix(md.getMacroInfo() ? 1 : 0);
}
void HeaderViewRecorder::Elifdef(SourceLocation, const Token &, const MacroDefinition &md) {
  mix(kElifdef);
  mix(md.getMacroInfo() ? 1 : 0);
}
void HeaderViewRecorder::Elifndef(SourceLocation, const Token &, const MacroDefinition &md) {
  mix(kElifndef);
  mix(md.getMacroInfo() ? 1 : 0);
}

std::vector<HeaderView> HeaderViewRecorder::views() const {
  std::vector<HeaderView> result;
  result.reserve(readings_.size());
  for (const auto &entry : readings_)
    result.push_back({entry.getKey().str(), viewOf(entry.getValue()), false});
  std::sort(result.begin(), result.end(), [](const HeaderView &a, const HeaderView &b) { return a.file < b.file; });
  return result;
}

} // namespace tourguide::indexer
