// The Clang action of the fact extractor: walks one TU and copies facts about every function
// defined outside system headers. The FunctionFinder finds function definitions; the body
// walker (BodyWalker.h) walks each body, keeping a stack of enclosing loops so that every call
// and statement knows the loop it sits in; what statements and calls mean is
// StatementClassifier.cpp and CallClassifier.cpp.
#include "tourguide/indexer/FactExtractor.h"

#include "BodyWalker.h"
#include "FieldBranches.h"
#include "FunctionTables.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
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
  FunctionFinder(TUFacts &out, ASTContext &ctx) : out(out), ctx(ctx), sm(ctx.getSourceManager()) {}

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
    llvm::SmallString<128> usr;
    if (index::generateUSRForDecl(fd, usr))
      return true;
    f.usr = std::string(usr);
    f.name = fd->getNameAsString();
    f.qualifiedName = fd->getQualifiedNameAsString();
    f.isMain = fd->isMain();
    f.isTemplate = fd->isTemplated();
    SourceLocation nameLoc = sm.getExpansionLoc(fd->getLocation());
    f.file = fileOf(nameLoc);
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
      for (const CXXMethodDecl *o : md->overridden_methods()) {
        llvm::SmallString<128> ousr;
        if (!index::generateUSRForDecl(o, ousr))
          f.overrides.push_back(std::string(ousr));
      }
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
    llvm::SmallString<128> usr;
    if (index::generateUSRForDecl(rd, usr))
      return true;
    r.usr = std::string(usr);
    r.qualifiedName = rd->getQualifiedNameAsString();
    SourceLocation loc = sm.getExpansionLoc(rd->getLocation());
    r.file = fileOf(loc);
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
    r.qualifiedName = rd->getQualifiedNameAsString();
    SourceLocation loc = sm.getExpansionLoc(rd->getLocation());
    r.file = fileOf(loc);
    r.line = sm.getExpansionLineNumber(loc);
    r.usr = "c:@S@" + r.qualifiedName;
    out.records.push_back(std::move(r));
    return true;
  }

private:
  std::string fileOf(SourceLocation loc) const {
    FileID id = sm.getFileID(loc);
    if (const FileEntry *fe = sm.getFileEntryForID(id)) {
      llvm::StringRef real = fe->tryGetRealPathName();
      if (!real.empty())
        return real.str();
      return fe->getName().str();
    }
    return sm.getFilename(loc).str();
  }

  TUFacts &out;
  ASTContext &ctx;
  SourceManager &sm;
};

class FactConsumer : public ASTConsumer {
public:
  explicit FactConsumer(TUFacts &out) : out(out) {}
  void HandleTranslationUnit(ASTContext &ctx) override {
    FunctionFinder finder(out, ctx);
    finder.TraverseDecl(ctx.getTranslationUnitDecl());
  }

private:
  TUFacts &out;
};

class FactAction : public ASTFrontendAction {
public:
  explicit FactAction(TUFacts &out) : out(out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, llvm::StringRef file) override {
    out.mainFile = file.str();
    out.parsed = true;
    return std::make_unique<FactConsumer>(out);
  }
  void EndSourceFileAction() override {
    out.errorCount += getCompilerInstance().getDiagnostics().getClient()->getNumErrors();
  }

private:
  TUFacts &out;
};

} // namespace

std::unique_ptr<FrontendAction> createFactExtractionAction(TUFacts &out) {
  return std::make_unique<FactAction>(out);
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
