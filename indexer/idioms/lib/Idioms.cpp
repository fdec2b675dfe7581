//===- Idioms.cpp - findIdioms: walk a function, run the rules ------------===//
//
// The visitor walks the body top-down (a parent before its children), so the
// rule that explains the most (a matmul nest, a softmax sequence) runs first
// and claims the loops it explains; the smaller rules then skip them.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>

namespace tourguide::idioms {
namespace detail {
using namespace clang;

void Findings::report(Idiom I, const Stmt *First, const Stmt *Last,
                      bool ClaimStatements) {
  I.beginLine = beginLine(First, Ctx);
  I.endLine = std::max(I.beginLine, endLine(Last, Ctx));
  if (ClaimStatements) {
    claimSubtree(First);
    claimSubtree(Last);
  }
  Found.push_back(std::move(I));
}

void Findings::claimSubtree(const Stmt *S) {
  if (!S || !Claimed.insert(S).second)
    return;
  for (const Stmt *Child : S->children())
    claimSubtree(Child);
}

void Findings::claimExprSubtree(const Stmt *S) {
  if (!S || !ExprClaimed.insert(S).second)
    return;
  for (const Stmt *Child : S->children())
    claimExprSubtree(Child);
}

namespace {

// The declaration the parent map's traversal reaches `D` from when its scope is the
// declarations at namespace level: an implicit instantiation is traversed with its
// template's first declaration, a template's pattern with the template, a member with its
// class.
Decl *traversedFrom(const Decl *Start) {
  auto *D = const_cast<Decl *>(Start);
  for (;;) {
    if (auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
        if (FunctionTemplateDecl *T = FD->getPrimaryTemplate()) {
          D = T->getCanonicalDecl();
          continue;
        }
      if (FunctionTemplateDecl *T = FD->getDescribedFunctionTemplate())
        D = T;
    } else if (auto *RD = dyn_cast<ClassTemplateSpecializationDecl>(D);
               RD && RD->getSpecializationKind() == TSK_ImplicitInstantiation) {
      D = RD->getSpecializedTemplate()->getCanonicalDecl();
      continue;
    } else if (auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      if (ClassTemplateDecl *T = RD->getDescribedClassTemplate())
        D = T;
    }
    DeclContext *DC = D->getLexicalDeclContext();
    if (!DC || DC->isFileContext() || isa<LinkageSpecDecl>(DC) ||
        isa<ExportDecl>(DC))
      return D;
    D = cast<Decl>(DC);
  }
}

} // namespace

DynTypedNodeList Findings::parents(const DynTypedNode &Node) {
  if (!ParentScopeSet) {
    ParentScopeSet = true;
    std::vector<Decl *> Scope = {traversedFrom(&Fn)};
    if (Ctx.getTraversalScope() != Scope) // a function beside the last one keeps its map
      Ctx.setTraversalScope(Scope);
  }
  DynTypedNodeList Parents = Ctx.getParents(Node);
  if (Parents.empty() && !Node.get<TranslationUnitDecl>() &&
      Ctx.getTraversalScope() !=
          std::vector<Decl *>{Ctx.getTranslationUnitDecl()}) {
    Ctx.setTraversalScope({Ctx.getTranslationUnitDecl()});
    return Ctx.getParents(Node);
  }
  return Parents;
}

std::vector<Idiom> Findings::take() {
  std::stable_sort(Found.begin(), Found.end(),
                   [](const Idiom &A, const Idiom &B) {
                     if (A.beginLine != B.beginLine)
                       return A.beginLine < B.beginLine;
                     return A.endLine > B.endLine;
                   });
  return std::move(Found);
}

namespace {

class IdiomVisitor : public RecursiveASTVisitor<IdiomVisitor> {
public:
  explicit IdiomVisitor(Findings &F) : F(F) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  // Code written inside a macro (a whole loop in `SCALE_SET_PARAM(in);`, a
  // switch of activations in `fann_activation_switch(...)`) has no source
  // text for a formula: it is left alone.
  bool VisitStmt(Stmt *S) {
    if (!inMacro(S) && !F.isExprClaimed(S))
      matchActivation(S, F);
    return true;
  }

  bool VisitCompoundStmt(CompoundStmt *C) {
    if (inMacro(C))
      return true;
    std::vector<const Stmt *> Stmts = bodyStatements(C);
    matchSoftmax(Stmts, F);
    matchStatistics(Stmts, F);
    // A loop body is handled with its loop, which gives the idiom the loop's
    // lines; here only the statement lists that are not loop bodies.
    if (!LoopBodies.count(C))
      matchUpdate(Stmts, nullptr, F);
    for (const Stmt *S : Stmts)
      if (!F.isClaimed(S))
        matchCrossEntropyStatement(S, F);
    return true;
  }

  bool VisitForStmt(ForStmt *S) {
    handleLoop(S);
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    handleLoop(S);
    return true;
  }

private:
  void handleLoop(const Stmt *S) {
    std::optional<Loop> L = asLoop(S);
    if (!L || inMacro(S))
      return;
    LoopBodies.insert(L->body);
    if (F.isClaimed(S))
      return;
    if (matchProductNest(*L, F))
      return;
    if (matchUpdate(bodyStatements(L->body), S, F))
      return;
    matchReductionLoop(*L, F);
  }

  Findings &F;
  llvm::DenseSet<const Stmt *> LoopBodies;
};

// A template as written has dependent types (`T`, `Mat<T>`) the rules cannot
// read. Its instantiation has the same statements at the same lines with
// real types: analyse the first instantiation that has a body.
const FunctionDecl &analysable(const FunctionDecl &Fn) {
  if (!Fn.isDependentContext())
    return Fn;
  if (const FunctionTemplateDecl *T = Fn.getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : T->specializations())
      if (Spec->getBody() && !Spec->isDependentContext())
        return *Spec;
  if (const auto *M = dyn_cast<CXXMethodDecl>(&Fn))
    if (const ClassTemplateDecl *CT =
            M->getParent()->getDescribedClassTemplate())
      for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
        for (const Decl *D : Spec->decls())
          if (const auto *SM = dyn_cast<CXXMethodDecl>(D))
            if (SM->getInstantiatedFromMemberFunction() == M && SM->getBody())
              return *SM;
  return Fn;
}

} // namespace
} // namespace detail

std::vector<Idiom> findIdioms(const clang::FunctionDecl &fn,
                              clang::ASTContext &ctx) {
  const clang::FunctionDecl &Fn = detail::analysable(fn);
  const clang::Stmt *Body = Fn.getBody();
  if (!Body)
    return {};
  detail::Findings F(Fn, ctx);
  detail::IdiomVisitor V(F);
  V.TraverseStmt(const_cast<clang::Stmt *>(Body));
  return F.take();
}

} // namespace tourguide::idioms
