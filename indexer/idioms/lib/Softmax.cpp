//===- Softmax.cpp - softmax and log-sum-exp
//-------------------------------===//
//
//   float m = x[0]; for (i...) if (x[i] > m) m = x[i];   (optional: the max)
//   for (i...) { y[i] = exp(x[i] - m); s += y[i]; }       (the exp-sum)
//   for (i...) y[i] /= s;                                 softmax
//   return m + log(s);                                    log-sum-exp
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "clang/AST/StmtCXX.h"

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

struct ExpSum {
  const Expr *expCall = nullptr; // exp(x[i] - m)
  std::string sum;               // "s"
  std::string element;           // "y[i]" when exp is stored per element
};

// The exp-sum loop: `s += exp(E)`, or `y[i] = exp(E); s += y[i];`, or
// `float e = exp(E); y[i] = e; s += e;`.
std::optional<ExpSum> findExpSum(const Loop &L, const ASTContext &Ctx) {
  std::vector<const Stmt *> Body = bodyStatements(L.body);
  for (const Stmt *S : Body) {
    std::optional<Accumulation> Acc = asAccumulation(S, Ctx);
    if (!Acc || Acc->subtract || movesWithLoop(Acc->target, L.var))
      continue;
    ExpSum R;
    R.sum = sourceText(strip(Acc->target), Ctx);
    const Expr *V = strip(Acc->value);
    std::string VText = sourceText(V, Ctx);
    if (isMathCall(V, "exp"))
      R.expCall = V;
    for (const Stmt *Other : Body) {
      std::optional<Assignment> A = asAssignment(Other, Ctx);
      if (!A)
        continue;
      if (A->targetText == VText && isMathCall(A->value, "exp"))
        R.expCall = strip(A->value);
      // The element that keeps exp: `y[i] = exp(..)` or `y[i] = e`.
      if (A->target && dependsOn(A->target, L.var) &&
          (isMathCall(A->value, "exp") ||
           sourceText(strip(A->value), Ctx) == VText))
        R.element = A->targetText;
    }
    if (R.expCall)
      return R;
  }
  return std::nullopt;
}

// `y[i] /= s` or `y[i] = E / s` in a loop: the element it normalises.
std::optional<std::string> normalised(const Loop &L, llvm::StringRef Sum,
                                      const ASTContext &Ctx) {
  for (const Stmt *S : bodyStatements(L.body)) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *B = E ? dyn_cast<BinaryOperator>(strip(E)) : nullptr;
    if (!B || !dependsOn(B->getLHS(), L.var))
      continue;
    const Expr *Divisor = nullptr;
    if (B->getOpcode() == BO_DivAssign)
      Divisor = B->getRHS();
    else if (B->getOpcode() == BO_Assign)
      if (const auto *D = dyn_cast<BinaryOperator>(strip(B->getRHS()));
          D && D->getOpcode() == BO_Div)
        Divisor = D->getRHS();
    if (Divisor && sourceText(strip(Divisor), Ctx) == Sum)
      return sourceText(strip(B->getLHS()), Ctx);
  }
  return std::nullopt;
}

// The max loop: assigns, directly or under an `if`, a scalar that the exp
// argument subtracts.
bool assignsShift(const Stmt *S, const Loop &L, const Expr *ExpArg,
                  const ASTContext &Ctx) {
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    for (const Stmt *Branch : {If->getThen(), If->getElse()})
      for (const Stmt *B : bodyStatements(Branch))
        if (assignsShift(B, L, ExpArg, Ctx))
          return true;
    return false;
  }
  std::optional<Assignment> A = asAssignment(S, Ctx);
  return A && A->target && !movesWithLoop(A->target, L.var) &&
         mentionsText(ExpArg, A->targetText, Ctx);
}

// A call whose callee's name says max: std::max_element, fmaxf, max_of.
bool callsMax(const Stmt *S) {
  return containsNode(S, [](const Stmt *N) {
    const auto *Call = dyn_cast<CallExpr>(N);
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    return FD && FD->getDeclName().isIdentifier() &&
           StringRef(FD->getName()).contains_insensitive("max");
  });
}

// The statement that computes the shift: a max loop right before the
// exp-sum loop, or `const float m = *std::max_element(z, z + n);`.
const Stmt *findMaxLoop(llvm::ArrayRef<const Stmt *> Before, const Expr *ExpArg,
                        const Findings &F) {
  for (auto It = Before.rbegin(); It != Before.rend(); ++It) {
    std::optional<Loop> L = asLoop(*It);
    if (!L) {
      std::optional<Assignment> A = asAssignment(*It, F.ctx());
      if (A && mentionsText(ExpArg, A->targetText, F.ctx()) &&
          !F.isClaimed(*It))
        return callsMax(A->value) ? *It : nullptr;
      continue;
    }
    if (F.isClaimed(L->stmt))
      return nullptr;
    for (const Stmt *S : bodyStatements(L->body))
      if (assignsShift(S, *L, ExpArg, F.ctx()))
        return L->stmt;
    return nullptr; // only the loop right before the exp-sum loop
  }
  return nullptr;
}

// `log(s)` inside S; sets Prefix to "m + " for `m + log(s)`.
const Expr *logOfSum(const Stmt *S, llvm::StringRef Sum, std::string &Prefix,
                     const ASTContext &Ctx) {
  const Expr *Value = nullptr;
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    Value = R->getRetValue();
  else if (std::optional<Assignment> A = asAssignment(S, Ctx))
    Value = A->value;
  if (!Value)
    return nullptr;
  const Expr *V = strip(Value);
  if (isMathCall(V, "log") && sourceText(strip(callArg(V, 0)), Ctx) == Sum)
    return V;
  if (const auto *B = dyn_cast<BinaryOperator>(V);
      B && B->getOpcode() == BO_Add)
    for (auto [Log, Other] : {std::pair{B->getRHS(), B->getLHS()},
                              std::pair{B->getLHS(), B->getRHS()}})
      if (isMathCall(Log, "log") &&
          sourceText(strip(callArg(Log, 0)), Ctx) == Sum) {
        Prefix = formulaText(Other, Ctx) + " + ";
        return strip(Log);
      }
  return nullptr;
}

// After a softmax: `loss = log(s) - (z[y] - m)`, the cross-entropy of the
// label y written through the log of the softmax's own sum.
bool matchLogSoftmaxLoss(const Stmt *S, llvm::StringRef SumName,
                         const std::string &SumFormula, Findings &F) {
  const ASTContext &Ctx = F.ctx();
  std::optional<Assignment> A = asAssignment(S, Ctx);
  const Expr *Value = A ? A->value : nullptr;
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    Value = R->getRetValue();
  const auto *B = dyn_cast_or_null<BinaryOperator>(strip(Value));
  if (!B || B->getOpcode() != BO_Sub || !isMathCall(B->getLHS(), "log") ||
      sourceText(strip(callArg(B->getLHS(), 0)), Ctx) != SumName)
    return false;
  Idiom I;
  I.kind = "cross_entropy";
  I.formula = (A ? A->targetText : std::string("loss")) + " = log " +
              SumFormula + " - " + formulaText(B->getRHS(), Ctx);
  I.description = "a cross-entropy loss (-log of the softmax probability of "
                  "the label, through log-sum-exp)";
  I.evidence = "log(" + SumName.str() + ") of the softmax sum minus " +
               sourceText(B->getRHS(), Ctx);
  F.report(std::move(I), S, S);
  return true;
}

} // namespace

bool matchSoftmax(llvm::ArrayRef<const Stmt *> Stmts, Findings &F) {
  const ASTContext &Ctx = F.ctx();
  bool Found = false;
  for (size_t Idx = 0; Idx < Stmts.size(); ++Idx) {
    std::optional<Loop> L = asLoop(Stmts[Idx]);
    if (!L || F.isClaimed(L->stmt))
      continue;
    std::optional<ExpSum> ES = findExpSum(*L, Ctx);
    if (!ES)
      continue;
    const Expr *ExpArg = callArg(ES->expCall, 0);
    std::string Arg = formulaText(ExpArg, Ctx);
    std::string Sum = sigma(*L, Ctx) + " exp(" + Arg + ")";
    const Stmt *Max = findMaxLoop(Stmts.take_front(Idx), ExpArg, F);

    for (size_t J = Idx + 1; J < Stmts.size(); ++J) {
      Idiom I;
      const Stmt *Last = Stmts[J];
      if (std::optional<Loop> Norm = asLoop(Stmts[J])) {
        std::optional<std::string> Elem = normalised(*Norm, ES->sum, Ctx);
        if (!Elem)
          continue;
        I.kind = "softmax";
        std::string Out = ES->element.empty() ? *Elem : ES->element;
        I.formula = Out + " = exp(" + Arg + ")/" + Sum;
        I.description = Max ? "a softmax (exponentials over their sum, "
                              "shifted by the max for stability)"
                            : "a softmax (exponentials over their sum)";
        I.evidence = "for over " + L->var->getNameAsString() + " sums " +
                     sourceText(ES->expCall, Ctx) + " into " + ES->sum +
                     "; the next loop divides " + *Elem + " by " + ES->sum;
      } else {
        std::string Prefix;
        if (!logOfSum(Stmts[J], ES->sum, Prefix, Ctx))
          continue;
        I.kind = "logsumexp";
        std::string Lhs = "logsumexp";
        if (std::optional<Assignment> A = asAssignment(Stmts[J], Ctx))
          Lhs = A->targetText;
        I.formula = Lhs + " = " + Prefix + "log " + Sum;
        I.description = Max ? "a log-sum-exp (shifted by the max for "
                              "stability)"
                            : "a log-sum-exp";
        I.evidence = "for over " + L->var->getNameAsString() + " sums " +
                     sourceText(ES->expCall, Ctx) + " into " + ES->sum +
                     "; then takes log(" + ES->sum + ")";
      }
      if (Max)
        I.evidence += isa<ForStmt, CXXForRangeStmt>(Max)
                          ? "; the loop before finds the shift"
                          : "; the statement before finds the shift";
      bool IsSoftmax = I.kind == "softmax";
      F.claimSubtree(L->stmt);
      F.report(std::move(I), Max ? Max : L->stmt, Last);
      Found = true;
      if (IsSoftmax)
        for (size_t K = J + 1; K < Stmts.size(); ++K)
          if (matchLogSoftmaxLoss(Stmts[K], ES->sum, Sum, F))
            break;
      Idx = J;
      break;
    }
  }
  return Found;
}

} // namespace tourguide::idioms::detail
