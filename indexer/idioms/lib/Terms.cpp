//===- Terms.cpp - What a reduction adds up
//--------------------------------===//

#include "Rules.h"

#include "clang/AST/StmtCXX.h"

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

// `x[i] - m`, or a local `d` declared as `x[i] - m`: the deviation squared by
// a variance loop.
const Expr *deviation(const Expr *E) {
  E = strip(E);
  if (const auto *B = dyn_cast_or_null<BinaryOperator>(E))
    return B->getOpcode() == BO_Sub ? E : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) && V->getInit())
        if (const auto *B = dyn_cast<BinaryOperator>(strip(V->getInit())))
          if (B->getOpcode() == BO_Sub)
            return B;
  return nullptr;
}

bool containsLoop(const Stmt *S) {
  return containsNode(S, [](const Stmt *N) {
    return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(N);
  });
}

} // namespace

Term classifyTerm(const Expr *Value, const ASTContext &Ctx,
                  const VarDecl *Var) {
  Term T;
  const Expr *V = strip(Value);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(V);
      U && U->getOpcode() == UO_Minus) {
    T.negated = true;
    V = strip(U->getSubExpr());
  }
  T.text = formulaText(V, Ctx);
  if (isMathCall(V, "exp")) {
    T.kind = Term::Exp;
    T.expArg = formulaText(callArg(V, 0), Ctx);
    return T;
  }
  if (isMathCall(V, "pow") && isLiteral(callArg(V, 1), 2)) {
    const Expr *Base = callArg(V, 0);
    if (const Expr *D = deviation(Base)) {
      T.kind = Term::SquaredDeviation;
      T.deviation = formulaText(D, Ctx);
      T.text = "(" + T.deviation + ")²";
    } else {
      T.kind = Term::Square;
      T.text = formulaText(Base, Ctx) + "²";
    }
    return T;
  }
  std::vector<const Expr *> Fs = factors(V);
  for (const Expr *F : Fs)
    if (isMathCall(F, "log")) {
      T.kind = Term::LogLikelihood;
      return T;
    }
  // Set the weights aside: classify what moves with the loop.
  if (Var && Fs.size() > 1) {
    std::vector<const Expr *> Moving;
    for (const Expr *F : Fs)
      if (movesWithLoop(F, Var))
        Moving.push_back(F);
    if (!Moving.empty() && Moving.size() < Fs.size()) {
      T.weighted = true;
      if (Moving.size() == 1) {
        Term Inner = classifyTerm(Moving.front(), Ctx, Var);
        T.kind = Inner.kind;
        T.deviation = Inner.deviation;
        T.expArg = Inner.expArg;
        return T;
      }
      Fs = Moving;
    }
  }
  if (Fs.size() == 2 && key(Fs[0], Ctx) == key(Fs[1], Ctx)) {
    if (const Expr *D = deviation(Fs[0])) {
      T.kind = Term::SquaredDeviation;
      T.deviation = formulaText(D, Ctx);
      T.text = "(" + T.deviation + ")²";
    } else {
      T.kind = Term::Square;
    }
    return T;
  }
  if (Fs.size() >= 2)
    T.kind = Term::Product;
  return T;
}

std::string sigma(const Loop &L, const ASTContext &Ctx) {
  if (L.range)
    return "Σ_{" + L.var->getNameAsString() + " ∈ " +
           formulaText(L.range, Ctx) + "}";
  return "Σ_" + L.var->getNameAsString();
}

bool isSimpleLoopBody(const Loop &L, unsigned MaxStatements) {
  std::vector<const Stmt *> Stmts = bodyStatements(L.body);
  if (Stmts.size() > MaxStatements)
    return false;
  for (const Stmt *S : Stmts)
    if (containsLoop(S))
      return false;
  return true;
}

} // namespace tourguide::idioms::detail
