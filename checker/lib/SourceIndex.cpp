// The AST work behind SourceIndex: the shared front end (clangfront/) parses each TU of the
// compilation database (-fsyntax-only) on a thread pool; the action here copies its function
// definitions into plain structs, and its AST is dropped before the next TU starts on that
// thread.
#include "tourguide/checker/SourceIndex.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TURunner.h"
#include "tourguide/clangfront/PayloadCodec.h"
#include "tourguide/clangfront/TUCache.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <mutex>
#include <set>

namespace tourguide::checker {

/// A definition's fields for the cache's payload (clangfront/PayloadCodec.h).
template <class IO> static void fields(IO &io, FunctionDef &f) {
  io(f.names, f.file, f.line, f.bodyBegin, f.bodyEnd, f.body);
}

namespace {

std::string absolutePath(llvm::StringRef path, llvm::StringRef directory) {
  llvm::SmallString<256> abs(path);
  if (!llvm::sys::path::is_absolute(abs)) {
    if (directory.empty())
      llvm::sys::fs::make_absolute(abs);
    else
      llvm::sys::fs::make_absolute(directory, abs);
  }
  llvm::sys::path::remove_dots(abs, /*remove_dot_dot=*/true);
  return std::string(abs);
}

/// Copies every function definition outside system headers into `out`.
class DefinitionVisitor : public clang::RecursiveASTVisitor<DefinitionVisitor> {
public:
  DefinitionVisitor(clang::ASTContext &context, SourceIndex &out, std::string directory)
      : context_(context), sm_(context.getSourceManager()), out_(out), directory_(std::move(directory)) {}

  // Members of class templates are named with their arguments ("gf::Layered<float>::apply")
  // only in their instantiations, so those are visited too.
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(clang::FunctionDecl *fn) {
    if (!fn->doesThisDeclarationHaveABody() || fn->isImplicit() || !fn->getBody())
      return true;
    if (auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(fn))
      if (method->getParent()->isLambda())
        return true;
    // An instantiation of a member template declared in its class and defined elsewhere is
    // located at the declaration in the class; its body is the definition's: name it there.
    const clang::FunctionDecl *definition = fn->getTemplateInstantiationPattern();
    clang::SourceLocation nameLoc =
        sm_.getExpansionLoc((definition && definition->getBody() ? definition : fn)->getLocation());
    if (nameLoc.isInvalid() || sm_.isInSystemHeader(nameLoc))
      return true;
    const clang::FileEntry *entry = sm_.getFileEntryForID(sm_.getFileID(nameLoc));
    if (!entry)
      return true;
    clang::SourceRange body = fn->getBody()->getSourceRange();
    clang::SourceLocation begin = sm_.getExpansionLoc(body.getBegin());
    clang::SourceLocation end = sm_.getExpansionLoc(body.getEnd());

    FunctionDef def;
    def.file = absolutePath(entry->getName(), directory_);
    def.line = sm_.getExpansionLineNumber(nameLoc);
    def.bodyBegin = sm_.getExpansionLineNumber(begin);
    def.bodyEnd = sm_.getExpansionLineNumber(end);
    std::string qualified = fn->getQualifiedNameAsString();
    def.names.push_back(qualified);
    std::string stripped = stripTemplateArguments(qualified);
    if (stripped != qualified)
      def.names.push_back(stripped);

    std::string key = def.file + ":" + std::to_string(def.line) + ":" + std::to_string(def.bodyBegin);
    if (seenBodies_.insert(key).second) {
      bool invalid = false;
      llvm::StringRef text = clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(begin, end), sm_,
                                                         context_.getLangOpts(), &invalid);
      if (!invalid)
        def.body = normalizeTokens(text.str());
    }
    found_.functions.push_back(std::move(def));
    return true;
  }

  /// Hands what the traversal found to the TU's index, merging a template's instantiations
  /// into the definition they share.
  void finish() {
    for (const FunctionDef &fn : found_.functions)
      found_.files.push_back(fn.file);
    mergeInto(out_, std::move(found_));
  }

private:
  clang::ASTContext &context_;
  clang::SourceManager &sm_;
  SourceIndex &out_;
  std::string directory_;
  std::set<std::string> seenBodies_; ///< Bodies already tokenised (instantiations share one).
  SourceIndex found_;
};

class DefinitionConsumer : public clang::ASTConsumer {
public:
  DefinitionConsumer(SourceIndex &out, std::string directory, clang::SourceManager &sm)
      : sm_(sm), out_(out), directory_(std::move(directory)) {}
  void HandleTranslationUnit(clang::ASTContext &context) override {
    DefinitionVisitor visitor(context, out_, directory_);
    visitor.TraverseDecl(context.getTranslationUnitDecl());
    visitor.finish();
  }
  // Bodies in system headers are never anchors: not parsing them (nor instantiating the
  // templates they hold) makes a C++ TU several times faster. Sema still keeps the bodies it
  // needs (constexpr functions, deduced return types).
  bool shouldSkipFunctionBody(clang::Decl *decl) override {
    return sm_.isInSystemHeader(sm_.getExpansionLoc(decl->getLocation()));
  }

private:
  clang::SourceManager &sm_;
  SourceIndex &out_;
  std::string directory_;
};

class DefinitionAction : public clang::ASTFrontendAction {
public:
  DefinitionAction(SourceIndex &out, std::string directory) : out_(out), directory_(std::move(directory)) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci, llvm::StringRef) override {
    ci.getFrontendOpts().SkipFunctionBodies = true; // asks the consumer, body by body
    return std::make_unique<DefinitionConsumer>(out_, directory_, ci.getSourceManager());
  }

private:
  SourceIndex &out_;
  std::string directory_;
};

/// One TU's definitions as the cache keeps them and as they wait for their turn to be merged:
/// runs of consecutive definitions in one file, each encoded apart (clangfront/PayloadCodec.h).
/// A run byte-identical to one an earlier TU gave (a header's inline functions, read by
/// hundreds of TUs) would add nothing to the index, so it is skipped without being decoded;
/// that made a warm check of OpenCV (405 TUs, 170 MB of entries) decode every header's
/// definitions 405 times.
struct EncodedDefinitions {
  SourceIndex parsed;                ///< What the action found, until it is encoded.
  std::string payload;               ///< The runs, as one payload.
  std::vector<llvm::StringRef> runs; ///< Views into `payload`, each an encoded list of definitions.
  bool encoded = false;

  /// Takes `bytes` (a cache entry's payload); false when they are not a list of runs.
  bool read(llvm::StringRef bytes) {
    payload = bytes.str();
    clangfront::PayloadReader reader(payload);
    reader(runs);
    encoded = reader.ok() && reader.atEnd();
    if (!encoded) {
      payload.clear();
      runs.clear();
    }
    return encoded;
  }

  /// Encodes what the action found, once, and lets go of it.
  void encode() {
    if (encoded)
      return;
    std::vector<std::string> encodedRuns;
    std::vector<FunctionDef> &all = parsed.functions;
    for (size_t begin = 0, end; begin < all.size(); begin = end) {
      for (end = begin + 1; end < all.size() && all[end].file == all[begin].file;)
        ++end;
      clangfront::PayloadWriter run;
      auto count = static_cast<unsigned>(end - begin);
      run(count);
      for (size_t i = begin; i < end; ++i)
        run(all[i]);
      encodedRuns.push_back(std::move(run.out));
    }
    parsed = SourceIndex();
    clangfront::PayloadWriter writer;
    writer(encodedRuns);
    payload = std::move(writer.out);
    clangfront::PayloadReader reader(payload);
    reader(runs);
    encoded = true;
  }
};

/// Decodes one run; false when it is not one.
bool decodeRun(llvm::StringRef bytes, std::vector<FunctionDef> &out) {
  clangfront::PayloadReader reader(bytes);
  unsigned count = 0;
  reader(count);
  if (!reader.ok() || count > bytes.size())
    return false;
  out.resize(count);
  for (FunctionDef &def : out)
    reader(def);
  return reader.ok() && reader.atEnd();
}

/// Merges the TUs' definitions in the TUs' order, whatever order they finish in: a TU waits
/// (encoded) until every earlier one is merged, so the index is the same as a merge of the
/// whole parts one after the other, on any -j and from the cache or not.
class OrderedMerger {
public:
  OrderedMerger(SourceIndex &index, std::vector<EncodedDefinitions> &tus, std::vector<std::string> mainFiles)
      : merger_(index), tus_(tus), mainFiles_(std::move(mainFiles)), finished_(tus.size()) {}

  void finished(size_t i) {
    tus_[i].encode();
    std::lock_guard<std::mutex> lock(mutex_);
    finished_[i] = true;
    for (; next_ < tus_.size() && finished_[next_]; ++next_)
      merge(next_);
  }

private:
  void merge(size_t i) {
    EncodedDefinitions &tu = tus_[i];
    SourceIndex part;
    part.translationUnits = 1;
    part.files.push_back(mainFiles_[i]);
    for (llvm::StringRef run : tu.runs) {
      if (!seenRuns_.insert({llvm::xxHash64(run), run.size()}).second)
        continue;
      std::vector<FunctionDef> defs;
      if (!decodeRun(run, defs))
        continue; // only a payload that read() accepted gets here, and its runs are ours
      for (FunctionDef &def : defs) {
        part.files.push_back(def.file);
        part.functions.push_back(std::move(def));
      }
    }
    merger_.add(std::move(part));
    tu = EncodedDefinitions();
  }

  SourceIndexMerger merger_;
  std::vector<EncodedDefinitions> &tus_;
  std::vector<std::string> mainFiles_;
  std::vector<bool> finished_;
  size_t next_ = 0;
  std::set<std::pair<uint64_t, size_t>> seenRuns_; ///< xxHash64 and size of each run merged.
  std::mutex mutex_;
};

} // namespace

std::string definitionsCacheKind() { return "check definitions 4"; }

llvm::Expected<SourceIndex> indexCompilationDatabase(llvm::StringRef buildPath, const IndexOptions &options) {
  auto db = clangfront::loadCompilationDatabase(buildPath);
  if (!db)
    return db.takeError();
  std::vector<std::string> files;
  if (!options.onlyRoots || !options.roots.empty()) // no roots: no TU is under one
    files = clangfront::selectSources(**db, options.onlyRoots ? options.roots : std::vector<std::string>());
  std::vector<clang::tooling::CompileCommand> commands = clangfront::firstCommands(**db, files);

  clangfront::RunOptions runOptions;
  runOptions.jobs = options.jobs;
  runOptions.progress = options.progress;
  runOptions.cache = options.cache;
  // Warnings are never anchors' business, and -Werror must not turn them into errors here.
  runOptions.adjuster = clang::tooling::getInsertArgumentAdjuster("-w", clang::tooling::ArgumentInsertPosition::BEGIN);
  std::vector<EncodedDefinitions> tus(commands.size());
  std::vector<std::string> mainFiles;
  for (const clang::tooling::CompileCommand &command : commands)
    mainFiles.push_back(absolutePath(clangfront::mainFileOf(command), ""));
  SourceIndex index;
  OrderedMerger merger(index, tus, std::move(mainFiles));
  runOptions.save = [&](size_t i) {
    tus[i].encode();
    return tus[i].payload;
  };
  runOptions.load = [&](size_t i, llvm::StringRef payload) { return tus[i].read(payload); };
  runOptions.done = [&](size_t i) { merger.finished(i); };
  std::vector<clangfront::TUStatus> statuses = clangfront::runOnTUs(commands, runOptions, [&](size_t i) {
    tus[i] = EncodedDefinitions(); // a payload read() refused is parsed
    return std::make_unique<DefinitionAction>(tus[i].parsed, commands[i].Directory);
  });

  for (const clangfront::TUStatus &status : statuses) // in file order, so the result does not depend on timing
    if (status.errorCount > 0) {
      ++index.translationUnitsWithErrors;
      index.problems.push_back(status.errors.front());
    }
  return index;
}

SourceIndex indexCode(const std::string &code, const std::vector<std::string> &args, const std::string &fileName) {
  SourceIndex index;
  std::vector<std::string> all = {"-fsyntax-only", "-w", "-resource-dir=" + clangfront::clangResourceDir()};
  all.insert(all.end(), args.begin(), args.end());
  std::string directory = std::string(llvm::sys::path::parent_path(fileName));
  bool ok = clang::tooling::runToolOnCodeWithArgs(std::make_unique<DefinitionAction>(index, directory), code, all,
                                                  fileName);
  index.translationUnits = 1;
  index.translationUnitsWithErrors = ok ? 0 : 1;
  return index;
}

} // namespace tourguide::checker
