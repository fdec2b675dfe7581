//===- Statistics.cpp - mean and variance
//----------------------------------===//
//
//   for (i...) s += x[i];               for (i...) v += (x[i]-m)*(x[i]-m);
//   float mean = s / n;                 v /= n;
//
// A reduction loop whose sum is divided right after it (within a few
// statements of the same list).
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "clang/AST/Stmt.h"

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

constexpr size_t LookAhead = 3;

struct Division {
  const Stmt *stmt = nullptr;
  std::string result; // the name the quotient is stored in
  const Expr *divisor = nullptr;
};

// `m = s / n`, `float m = s / n;`, `s /= n`, `return s / n;`.
std::optional<Division> divisionOf(const Stmt *S, llvm::StringRef Sum,
                                   const ASTContext &Ctx,
                                   llvm::StringRef Fallback) {
  auto Quotient = [&](const Expr *E) -> const Expr * {
    const auto *B = dyn_cast_or_null<BinaryOperator>(strip(E));
    if (B && B->getOpcode() == BO_Div &&
        sourceText(strip(B->getLHS()), Ctx) == Sum)
      return B->getRHS();
    return nullptr;
  };
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    if (const Expr *D = Quotient(R->getRetValue()))
      return Division{S, Fallback.str(), D};
    return std::nullopt;
  }
  if (std::optional<Assignment> A = asAssignment(S, Ctx))
    if (const Expr *D = Quotient(A->value))
      return Division{S, A->targetText, D};
  if (const auto *E = dyn_cast<Expr>(S))
    if (const auto *B = dyn_cast<BinaryOperator>(strip(E));
        B && B->getOpcode() == BO_DivAssign &&
        sourceText(strip(B->getLHS()), Ctx) == Sum)
      return Division{S, Sum.str(), B->getRHS()};
  return std::nullopt;
}

std::string reciprocal(const Expr *Divisor, const ASTContext &Ctx) {
  const Expr *D = strip(Divisor);
  std::string T = formulaText(D, Ctx);
  if (!isa<DeclRefExpr, MemberExpr, IntegerLiteral, FloatingLiteral>(D) &&
      !asAccess(D, Ctx) && !isa<CallExpr>(D))
    T = "(" + T + ")";
  return "(1/" + T + ")";
}

} // namespace

bool matchStatistics(llvm::ArrayRef<const Stmt *> Stmts, Findings &F) {
  const ASTContext &Ctx = F.ctx();
  bool Found = false;
  for (size_t Idx = 0; Idx < Stmts.size(); ++Idx) {
    std::optional<Loop> L = asLoop(Stmts[Idx]);
    if (!L || F.isClaimed(L->stmt) || !isSimpleLoopBody(*L))
      continue;
    for (const Stmt *S : bodyStatements(L->body)) {
      std::optional<Accumulation> Acc = asAccumulation(S, Ctx);
      if (!Acc || Acc->subtract || movesWithLoop(Acc->target, L->var) ||
          !dependsOn(Acc->value, L->var))
        continue;
      Term T = classifyTerm(Acc->value, Ctx, L->var);
      if (T.negated || T.weighted ||
          (T.kind != Term::Plain && T.kind != Term::SquaredDeviation))
        continue;
      bool IsMean = T.kind == Term::Plain;
      std::string Sum = sourceText(strip(Acc->target), Ctx);
      std::optional<Division> Div;
      for (size_t J = Idx + 1; J < Stmts.size() && J <= Idx + LookAhead && !Div;
           ++J)
        Div = divisionOf(Stmts[J], Sum, Ctx, IsMean ? "mean" : "variance");
      if (!Div)
        continue;
      Idiom I;
      I.kind = IsMean ? "mean" : "variance";
      I.formula = Div->result + " = " + reciprocal(Div->divisor, Ctx) + "·" +
                  sigma(*L, Ctx) + " " + T.text;
      I.description = IsMean ? "a mean (sum, then divide by the count)"
                             : "a variance (mean of squared deviations)";
      I.evidence = "for over " + L->var->getNameAsString() + " accumulates " +
                   sourceText(Acc->value, Ctx) + " into " + Sum +
                   "; then divided by " + sourceText(strip(Div->divisor), Ctx);
      F.report(std::move(I), L->stmt, Div->stmt);
      Found = true;
      break;
    }
  }
  return Found;
}

} // namespace tourguide::idioms::detail
