// The Clang action of the fact extractor: walks one TU and copies facts about every function
// defined outside system headers. The FunctionFinder finds function definitions; the body
// walker (BodyWalker.h) walks each body, keeping a stack of enclosing loops so that every call
// and statement knows the loop it sits in; what statements and calls mean is
// StatementClassifier.cpp and CallClassifier.cpp.
#include "tourguide/indexer/FactExtractor.h"

#include "BodyWalker.h"
#include "FieldBranches.h"
#include "FunctionTables.h"
#include "SharedHeaders.h"
#include "Usr.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include "tourguide/idioms/Idioms.h"

#include <functional>
#include <optional>
#include <set>

using namespace clang;

namespace tourguide::indexer {

namespace {

/// A base class by its full name, whatever the source wrote: `nn::Module` under
/// `using namespace torch` is `torch::nn::Module`, the name a profile's `bases` rule matches.
std::string baseClassName(const CXXBaseSpecifier &base, const ASTContext &ctx) {
  PrintingPolicy policy(ctx.getLangOpts());
  policy.SuppressTagKeyword = true;
  return base.getType().getCanonicalType().getAsString(policy);
}

class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  /// Functions and records of the files in `leaveOut` (headers an earlier TU gives) are not
  /// copied, mains excepted.
  FunctionFinder(TUFacts &out, ASTContext &ctx, const llvm::StringSet<> &leaveOut)
      : out(out), ctx(ctx), sm(ctx.getSourceManager()), leaveOut(leaveOut) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitFunctionDecl(FunctionDecl *fd) {
    if (!fd->doesThisDeclarationHaveABody() || fd->isImplicit())
      return true;
    if (sm.isInSystemHeader(fd->getLocation()))
      return true;
    if (const auto *md = dyn_cast<CXXMethodDecl>(fd))
      if (md->getParent()->isLambda())
        return true; // A lambda's body belongs to the function that holds it.
    FunctionFacts f;
    SourceLocation nameLoc = sm.getExpansionLoc(fd->getLocation());
    f.file = fileOf(nameLoc);
    f.isMain = fd->isMain();
    if (!f.isMain && leaveOut.contains(f.file))
      return true;
    f.usr = usrOf(fd);
    if (f.usr.empty())
      return true;
    f.name = fd->getNameAsString();
    f.qualifiedName = fd->getQualifiedNameAsString();
    f.isTemplate = fd->isTemplated();
    f.line = sm.getExpansionLineNumber(nameLoc);
    f.bodyBeginLine = sm.getExpansionLineNumber(fd->getBody()->getBeginLoc());
    f.endLine = sm.getExpansionLineNumber(fd->getBody()->getEndLoc());
    QualType rt = fd->getReturnType();
    f.returnsFloating = rt->isFloatingType();
    f.returnsVoid = rt->isVoidType();
    QualType pointee = rt;
    while (pointee->isPointerType())
      pointee = pointee->getPointeeType();
    if (const auto *record = pointee->getAsRecordDecl())
      f.returnsRecord = record->getName().empty() && record->getTypedefNameForAnonDecl()
                            ? record->getTypedefNameForAnonDecl()->getNameAsString()
                            : record->getNameAsString();
    if (const auto *typedefType = pointee->getAs<TypedefType>(); typedefType && f.returnsRecord.empty())
      f.returnsRecord = typedefType->getDecl()->getNameAsString();
    for (const ParmVarDecl *p : fd->parameters())
      f.paramNames.push_back(p->getNameAsString());
    if (const auto *md = dyn_cast<CXXMethodDecl>(fd)) {
      f.className = md->getParent()->getQualifiedNameAsString();
      f.isVirtual = md->isVirtual();
      for (const CXXMethodDecl *o : md->overridden_methods())
        if (std::string ousr = usrOf(o); !ousr.empty())
          f.overrides.push_back(std::move(ousr));
      if (md->getParent()->hasDefinition())
        for (const CXXBaseSpecifier &b : md->getParent()->bases())
          f.baseClasses.push_back(baseClassName(b, ctx));
    }
    std::vector<FunctionFacts> lambdas;
    BodyWalker walker(f, ctx, lambdas);
    walker.walkBody(fd->getBody());
    if (const auto *ctor = dyn_cast<CXXConstructorDecl>(fd))
      for (const CXXCtorInitializer *init : ctor->inits()) {
        walker.noteFieldInitialiser(init);
        walker.TraverseStmt(init->getInit());
      }
    for (const auto &idiom : tourguide::idioms::findIdioms(*fd, ctx))
      f.idioms.push_back(
          {idiom.kind, idiom.formula, idiom.description, idiom.beginLine, idiom.endLine, idiom.evidence});
    out.functions.push_back(std::move(f));
    for (FunctionFacts &l : lambdas)
      out.functions.push_back(std::move(l));
    return true;
  }

  /// `kad_op_f kad_op_list[] = {0, kad_op_add, ...}`: what a call through an element may run.
  bool VisitVarDecl(VarDecl *vd) {
    if (!vd->isThisDeclarationADefinition() || sm.isInSystemHeader(vd->getLocation()))
      return true;
    if (auto table = functionTableOf(vd, ctx)) {
      SourceLocation loc = sm.getExpansionLoc(vd->getLocation());
      table->file = fileOf(loc);
      table->line = sm.getExpansionLineNumber(loc);
      out.tables.push_back(std::move(*table));
    }
    return true;
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *rd) {
    if (!rd->isThisDeclarationADefinition() || rd->isLambda() || !rd->getIdentifier() ||
        sm.isInSystemHeader(rd->getLocation()))
      return true;
    RecordFacts r;
    SourceLocation loc = sm.getExpansionLoc(rd->getLocation());
    r.file = fileOf(loc);
    if (leaveOut.contains(r.file))
      return true;
    r.usr = usrOf(rd);
    if (r.usr.empty())
      return true;
    r.qualifiedName = rd->getQualifiedNameAsString();
    r.line = sm.getExpansionLineNumber(loc);
    for (const CXXBaseSpecifier &b : rd->bases())
      r.bases.push_back(baseClassName(b, ctx));
    for (const FieldDecl *field : rd->fields())
      if (field->hasInClassInitializer() && field->getInClassInitializer())
        if (auto w = fieldInitialiser(field, field->getInClassInitializer(), field->getLocation(), {}, ctx))
          r.fieldWrites.push_back(std::move(*w));
    out.records.push_back(std::move(r));
    return true;
  }

  bool VisitRecordDecl(RecordDecl *rd) {
    if (isa<CXXRecordDecl>(rd))
      return true; // C++ records are handled above (with their bases).
    if (!rd->isThisDeclarationADefinition() || !rd->getIdentifier() ||
        sm.isInSystemHeader(rd->getLocation()))
      return true;
    RecordFacts r;
    SourceLocation loc = sm.getExpansionLoc(rd->getLocation());
    r.file = fileOf(loc);
    if (leaveOut.contains(r.file))
      return true;
    r.qualifiedName = rd->getQualifiedNameAsString();
    r.line = sm.getExpansionLineNumber(loc);
    r.usr = "c:@S@" + r.qualifiedName;
    out.records.push_back(std::move(r));
    return true;
  }

private:
  std::string fileOf(SourceLocation loc) const {
    std::string path = filePath(sm, sm.getFileID(loc));
    return path.empty() ? sm.getFilename(loc).str() : path;
  }

  TUFacts &out;
  ASTContext &ctx;
  SourceManager &sm;
  const llvm::StringSet<> &leaveOut;
};

/// With `sharing`, leaves out the headers an earlier TU of the run gives (SharedHeaders.h),
/// and, when asked to bet, does not parse the function bodies in headers it expects an
/// earlier TU to give.
class FactConsumer : public ASTConsumer {
public:
  FactConsumer(TUFacts &out, TUSharing *sharing, HeaderViewRecorder *recorder, SourceManager &sm)
      : out(out), sharing(sharing), recorder(recorder), sm(sm) {}

  void HandleTranslationUnit(ASTContext &ctx) override {
    llvm::StringSet<> leaveOut;
    if (sharing) {
      sharing->views = recorder->views();
      sharing->run.markGivenBefore(sharing->tu, sharing->views);
      for (HeaderView &view : sharing->views)
        if (betOn.count(view.file)) {
          view.elsewhere = true; // its bodies were not parsed: only an earlier TU has its facts
          betOn.erase(view.file);
        }
      if (!betOn.empty() || !sharing->run.givenBefore(sharing->tu, sharing->views)) {
        sharing->lostBet = true; // to be parsed again, bodies and all
        return;
      }
      for (const HeaderView &view : sharing->views)
        if (view.elsewhere)
          leaveOut.insert(view.file);
    }
    FunctionFinder finder(out, ctx, leaveOut);
    finder.TraverseDecl(ctx.getTranslationUnitDecl());
  }

  /// Asked for each body only when the action set SkipFunctionBodies (a bet). Sema keeps the
  /// bodies it needs itself (constexpr functions, deduced return types).
  bool shouldSkipFunctionBody(Decl *decl) override {
    SourceLocation loc = sm.getExpansionLoc(decl->getLocation());
    FileID id = sm.getFileID(loc);
    if (id == sm.getMainFileID() || sm.isInSystemHeader(loc))
      return false;
    if (const auto *fd = dyn_cast<FunctionDecl>(decl); fd && fd->isMain())
      return false;
    auto [it, fresh] = betByFile.try_emplace(id, false);
    if (fresh) {
      std::string file = filePath(sm, id);
      it->second = !file.empty() && sharing->run.likelyGivenBefore(sharing->tu, file);
      if (it->second)
        betOn.insert(file);
    }
    if (it->second)
      ++sharing->skippedBodies;
    return it->second;
  }

private:
  TUFacts &out;
  TUSharing *sharing;
  HeaderViewRecorder *recorder;
  SourceManager &sm;
  llvm::DenseMap<FileID, bool> betByFile; ///< Per reading of a file: are its bodies skipped?
  llvm::StringSet<> betOn;                ///< The files whose bodies were skipped.
};

class FactAction : public ASTFrontendAction {
public:
  FactAction(TUFacts &out, TUSharing *sharing) : out(out), sharing(sharing) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci, llvm::StringRef file) override {
    out.mainFile = file.str();
    out.parsed = true;
    HeaderViewRecorder *recorder = nullptr;
    if (sharing) {
      Preprocessor &pp = ci.getPreprocessor();
      auto owned = std::make_unique<HeaderViewRecorder>(pp);
      recorder = owned.get();
      pp.addPPCallbacks(std::move(owned));
      pp.setTokenWatcher([recorder](const Token &tok) { recorder->watchToken(tok); });
      ci.getFrontendOpts().SkipFunctionBodies = sharing->skipBodies; // asks the consumer, body by body
    }
    return std::make_unique<FactConsumer>(out, sharing, recorder, ci.getSourceManager());
  }
  void EndSourceFileAction() override {
    clang::DiagnosticsEngine &diagnostics = getCompilerInstance().getDiagnostics();
    out.errorCount += diagnostics.getClient()->getNumErrors();
  }

private:
  TUFacts &out;
  TUSharing *sharing;
};

} // namespace

std::unique_ptr<FrontendAction> createFactExtractionAction(TUFacts &out) {
  return std::make_unique<FactAction>(out, nullptr);
}

std::unique_ptr<FrontendAction> createSharingFactAction(TUFacts &out, TUSharing &sharing) {
  return std::make_unique<FactAction>(out, &sharing);
}

TUFacts extractFactsFromCode(llvm::StringRef code, const std::vector<std::string> &args,
                             llvm::StringRef fileName) {
  TUFacts facts;
  std::vector<std::string> allArgs = args;
  allArgs.push_back("-resource-dir=" TOURGUIDE_CLANG_RESOURCE_DIR);
  clang::tooling::runToolOnCodeWithArgs(createFactExtractionAction(facts), code, allArgs, fileName);
  return facts;
}

} // namespace tourguide::indexer
