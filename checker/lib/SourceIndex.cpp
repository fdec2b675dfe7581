// The LibTooling pass behind SourceIndex: each TU of the compilation database is parsed
// (-fsyntax-only) on a thread pool, its function definitions are copied into plain structs,
// and its AST is dropped before the next TU starts on that thread.
#include "tourguide/checker/SourceIndex.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <mutex>
#include <set>

namespace tourguide::checker {

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
    clang::SourceLocation nameLoc = sm_.getExpansionLoc(fn->getLocation());
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

/// Counts errors and keeps the first one, "file:line: error: message".
class ErrorCounter : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error || !first.empty())
      return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      clang::PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid())
        first = std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ": ";
    }
    first += "error: " + std::string(text);
  }
  std::string first;
};

std::string resourceDir() { return TOURGUIDE_CLANG_RESOURCE_DIR; }

std::vector<std::string> commandLineFor(const clang::tooling::CompileCommand &cmd) {
  using namespace clang::tooling;
  std::vector<std::string> args = cmd.CommandLine;
  args = getClangStripOutputAdjuster()(args, cmd.Filename);
  args = getClangStripDependencyFileAdjuster()(args, cmd.Filename);
  args = getClangSyntaxOnlyAdjuster()(args, cmd.Filename);
  // GCC-only flags must not stop the driver; system headers need Clang's own resource dir.
  args = getInsertArgumentAdjuster({"-resource-dir=" + resourceDir(), "-Qunused-arguments",
                                    "-Wno-unknown-warning-option", "-w", "-fno-color-diagnostics"},
                                   ArgumentInsertPosition::BEGIN)(args, cmd.Filename);
  return args;
}

SourceIndex indexOne(const clang::tooling::CompileCommand &cmd) {
  SourceIndex part;
  part.translationUnits = 1;
  std::string file = absolutePath(cmd.Filename, cmd.Directory);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = llvm::vfs::createPhysicalFileSystem();
  fs->setCurrentWorkingDirectory(cmd.Directory);
  llvm::IntrusiveRefCntPtr<clang::FileManager> files(new clang::FileManager(clang::FileSystemOptions(), fs));
  ErrorCounter errors;
  clang::tooling::ToolInvocation invocation(commandLineFor(cmd),
                                            std::make_unique<DefinitionAction>(part, cmd.Directory), files.get());
  invocation.setDiagnosticConsumer(&errors);
  bool ok = invocation.run();
  part.files.insert(part.files.begin(), file);
  if (!ok || errors.getNumErrors() > 0) {
    part.translationUnitsWithErrors = 1;
    part.problems.push_back(errors.first.empty() ? file + ": error: the compiler could not run on this command"
                                                 : errors.first);
  }
  return part;
}

} // namespace

std::unique_ptr<SourceIndex> indexCompilationDatabase(const std::string &buildPath, const IndexOptions &options,
                                                      std::string &error) {
  std::string loadError;
  std::unique_ptr<clang::tooling::CompilationDatabase> db;
  if (llvm::sys::fs::is_directory(buildPath))
    db = clang::tooling::CompilationDatabase::loadFromDirectory(buildPath, loadError);
  else if (llvm::sys::fs::exists(buildPath))
    db = clang::tooling::JSONCompilationDatabase::loadFromFile(buildPath, loadError,
                                                               clang::tooling::JSONCommandLineSyntax::AutoDetect);
  else
    loadError = "no such file or directory";
  if (!db) {
    error = "cannot load a compilation database from '" + buildPath + "': " + loadError;
    return nullptr;
  }
  // Read every command up front: the database is not documented as thread-safe.
  std::vector<clang::tooling::CompileCommand> commands;
  std::vector<std::string> all = db->getAllFiles();
  std::sort(all.begin(), all.end());
  auto wanted = [&](const std::string &file) {
    if (!options.onlyRoots)
      return true;
    for (const std::string &root : options.roots)
      if (file.size() > root.size() && file.compare(0, root.size(), root) == 0 && file[root.size()] == '/')
        return true;
    return false;
  };
  for (const std::string &f : all) {
    if (!wanted(f))
      continue;
    std::vector<clang::tooling::CompileCommand> cmds = db->getCompileCommands(f);
    if (!cmds.empty())
      commands.push_back(cmds.front());
  }
  std::vector<SourceIndex> parts(commands.size());
  {
    llvm::ThreadPool pool(llvm::hardware_concurrency(options.jobs));
    for (size_t i = 0; i < commands.size(); ++i)
      pool.async([&parts, &commands, i] { parts[i] = indexOne(commands[i]); });
    pool.wait();
  }
  auto index = std::make_unique<SourceIndex>();
  for (SourceIndex &part : parts) // in file order, so the result does not depend on timing
    mergeInto(*index, std::move(part));
  return index;
}

SourceIndex indexCode(const std::string &code, const std::vector<std::string> &args, const std::string &fileName) {
  SourceIndex index;
  std::vector<std::string> all = {"-fsyntax-only", "-w", "-resource-dir=" + resourceDir()};
  all.insert(all.end(), args.begin(), args.end());
  std::string directory = std::string(llvm::sys::path::parent_path(fileName));
  bool ok = clang::tooling::runToolOnCodeWithArgs(std::make_unique<DefinitionAction>(index, directory), code, all,
                                                  fileName);
  index.translationUnits = 1;
  index.translationUnitsWithErrors = ok ? 0 : 1;
  return index;
}

} // namespace tourguide::checker
