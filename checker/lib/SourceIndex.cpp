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

/// One TU's definitions as a cache payload (clangfront/PayloadCodec.h): what the action found,
/// before the TU's own file and errors are added.
std::string definitionsToPayload(SourceIndex &part) {
  clangfront::PayloadWriter writer;
  writer(part.functions, part.files);
  return std::move(writer.out);
}

bool definitionsFromPayload(llvm::StringRef bytes, SourceIndex &part) {
  clangfront::PayloadReader reader(bytes);
  SourceIndex read;
  reader(read.functions, read.files);
  if (!reader.ok() || !reader.atEnd())
    return false; // parsed again
  part = std::move(read);
  return true;
}

} // namespace

std::string definitionsCacheKind() { return "check definitions 3"; }

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
  std::vector<SourceIndex> parts(commands.size());
  runOptions.save = [&](size_t i) { return definitionsToPayload(parts[i]); };
  runOptions.load = [&](size_t i, llvm::StringRef payload) { return definitionsFromPayload(payload, parts[i]); };
  std::vector<clangfront::TUStatus> statuses = clangfront::runOnTUs(commands, runOptions, [&](size_t i) {
    return std::make_unique<DefinitionAction>(parts[i], commands[i].Directory);
  });

  SourceIndex index;
  SourceIndexMerger merger(index);
  for (size_t i = 0; i < parts.size(); ++i) { // in file order, so the result does not depend on timing
    SourceIndex &part = parts[i];
    const clangfront::TUStatus &status = statuses[i];
    std::string file = absolutePath(status.mainFile, "");
    part.translationUnits = 1;
    part.files.insert(part.files.begin(), file);
    if (status.errorCount > 0) {
      part.translationUnitsWithErrors = 1;
      part.problems.push_back(status.errors.front());
    }
    merger.add(std::move(part));
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
